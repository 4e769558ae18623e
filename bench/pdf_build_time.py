"""Build time with and without the PDF edition, as a ratio measured in one run. A benchmark, not a test.

    uv run python bench/pdf_build_time.py            # 3 rounds
    uv run python bench/pdf_build_time.py --rounds 5

Each round builds the site strictly twice into temporary folders, once plainly and once with ENABLE_PDF_EXPORT=1,
alternating which goes first, so that a busy machine slows both alike. It prints each build's wall time, the
medians, their ratio, and the size and page count of each PDF.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pypdf import PdfReader

ROOT = Path(__file__).resolve().parent.parent


def build(site_dir: Path, pdf: bool) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("BUILD_ONLY_LOCALE", None)
    env.pop("ENABLE_PDF_EXPORT", None)
    if pdf:
        env["ENABLE_PDF_EXPORT"] = "1"
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site_dir)],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        sys.exit(f"build {'with' if pdf else 'without'} ENABLE_PDF_EXPORT failed:\n{result.stderr[-2000:]}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3, help="builds of each kind (3)")
    arguments = parser.parse_args()
    times: dict[bool, list[float]] = {False: [], True: []}
    with tempfile.TemporaryDirectory(prefix="pdf-build-time-") as temporary:
        for round_number in range(arguments.rounds):
            for pdf in ((False, True) if round_number % 2 == 0 else (True, False)):
                site_dir = Path(temporary) / f"{'pdf' if pdf else 'plain'}-{round_number}"
                times[pdf].append(build(site_dir, pdf))
                print(f"round {round_number + 1}: {'with' if pdf else 'without'} PDF {times[pdf][-1]:.1f} s")
        plain, with_pdf = statistics.median(times[False]), statistics.median(times[True])
        print(f"median without ENABLE_PDF_EXPORT: {plain:.1f} s; with: {with_pdf:.1f} s; ratio {with_pdf / plain:.2f}")
        last = Path(temporary) / f"pdf-{arguments.rounds - 1}"
        for pdf_file in sorted(last.glob("*.pdf")):
            pages = len(PdfReader(pdf_file).pages)
            print(f"{pdf_file.name}: {pdf_file.stat().st_size / 1024:.0f} KiB, {pages} pages")


if __name__ == "__main__":
    main()
