"""How much our hooks cost: the strict build's time with and without them, measured in one run, as a ratio.

    uv run python bench/build_time.py            # 3 builds of each, alternating
    uv run python bench/build_time.py --runs 5
    uv run python bench/build_time.py --hook hooks/parity_check.py   # the cost of one hook alone

"Without hooks" is mkdocs.yml with every hook but hooks/templates.py removed, read from standard input
(`mkdocs build -f -`), so nothing else changes. hooks/templates.py stays: it gives the templates their language
context and the `without_header` filter, without which the theme does not render at all. The parity hook reuses .parity-cache/ as it does for an editor; run once before measuring
if the cache is cold. A benchmark, not a test: it prints figures and never fails on them.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MKDOCS = str(Path(sys.executable).with_name("mkdocs"))
HOOKS_BLOCK = re.compile(r"^hooks:\n(?:[ \t]+.*\n|\s*#.*\n|\n)*", re.MULTILINE)
KEPT_HOOK = "hooks/templates.py"  # the templates cannot render without it


def without_hooks(config_text: str, only: str | None = None) -> str:
    """mkdocs.yml without its hooks (but KEPT_HOOK), or without just the hook `only`."""
    if only is not None:
        text, count = re.subn(rf"^[ \t]+- {re.escape(only)}\b.*\n", "", config_text, flags=re.MULTILINE)
        if count != 1:
            raise SystemExit(f"bench/build_time.py: {only} is not in mkdocs.yml's hooks")
        return text
    text, count = HOOKS_BLOCK.subn(f"hooks:\n  - {KEPT_HOOK}\n\n", config_text)
    if count != 1 or KEPT_HOOK not in config_text:
        raise SystemExit(f"bench/build_time.py: cannot find the `hooks:` list with {KEPT_HOOK} in mkdocs.yml")
    return text


def build_seconds(config_text: str | None, site_dir: Path) -> float:
    args = [MKDOCS, "build", "--strict", "--quiet", "--site-dir", str(site_dir)]
    if config_text is not None:
        args += ["--config-file", "-"]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("BUILD_ONLY_LOCALE", None)
    started = time.perf_counter()
    result = subprocess.run(args, cwd=ROOT, input=config_text, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"bench/build_time.py: the build failed:\n{result.stdout}{result.stderr}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3, help="builds of each kind (default 3)")
    parser.add_argument("--hook", metavar="PATH", help="compare with and without this one hook only")
    options = parser.parse_args()
    bare = without_hooks((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), options.hook)
    timings: dict[str, list[float]] = {"with hooks": [], "without hooks": []}
    with tempfile.TemporaryDirectory() as folder:
        build_seconds(None, Path(folder) / "warm-up")
        for _ in range(options.runs):
            timings["with hooks"].append(build_seconds(None, Path(folder) / "with"))
            timings["without hooks"].append(build_seconds(bare, Path(folder) / "without"))
    medians = {kind: statistics.median(values) for kind, values in timings.items()}
    fastest = {kind: min(values) for kind, values in timings.items()}
    for kind, values in timings.items():
        runs = ", ".join(f"{value:.2f}" for value in values)
        print(f"{kind:>14}: median {medians[kind]:.2f} s, fastest {fastest[kind]:.2f} s  ({runs})")
    print(f"{'ratio':>14}: {medians['with hooks'] / medians['without hooks']:.2f}× by median, "
          f"{fastest['with hooks'] / fastest['without hooks']:.2f}× by fastest (with / without hooks, strict build "
          f"of both languages, {options.runs} alternating runs each; on a busy machine the fastest runs are the "
          f"fairer comparison)")


if __name__ == "__main__":
    main()
