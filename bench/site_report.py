"""Site report: per-page weight and Lighthouse scores for the built handbook. A benchmark, not a test.

    uv run python -m bench.site_report                 # every page, weight + Lighthouse
    uv run python -m bench.site_report --no-lighthouse # weight only (a few seconds)
    uv run python -m bench.site_report --pages 4 --json report.json
    uv run python -m bench.site_report --page glossary/ --page zh/role/

It builds the site strictly for a loopback address (tests/site_build.py), serves it as GitHub Pages does, under
/cmo-handbook/ with gzip and a 404 page (the tests' server, tests/site_server.py), and for every page of nav in
every language (handbook/site.py) measures its weight (bench/weight.py) and runs Lighthouse
(bench/lighthouse.py, printed by bench/lighthouse_report.py). Nothing leaves the machine.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from dataclasses import asdict
from pathlib import Path

from bench.lighthouse import LighthouseResult, lighthouse_ready, run_lighthouse
from bench.lighthouse_report import print_lighthouse
from bench.weight import BUDGET_KIB, measure_weights, print_weights
from handbook.site import load_site
from tests.site_build import build_site
from tests.site_server import BASE_PATH, SiteServer, free_port


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-lighthouse", action="store_true", help="skip Lighthouse, report weights only")
    parser.add_argument("--pages", type=int, metavar="N", help="only the first N pages (the default language first)")
    parser.add_argument("--page", action="append", metavar="PATH", default=[],
                        help="only this page, as served below the site's address (zh/role/, '' for home); repeatable")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write every figure to FILE as JSON")
    parser.add_argument("--no-strict", action="store_true",
                        help="build without --strict, to measure a work-in-progress tree (the figures still count)")
    parser.add_argument("--no-compression", action="store_true",
                        help="serve uncompressed; by default text is gzipped as on Pages")
    parser.add_argument("--budget", type=float, default=BUDGET_KIB, help=f"first-view budget in KiB ({BUDGET_KIB})")
    args = parser.parse_args(argv)

    lighthouse_problem = None if args.no_lighthouse else lighthouse_ready()
    if lighthouse_problem:
        print(f"Lighthouse will be skipped. {lighthouse_problem}", file=sys.stderr)

    pages = [path for _, path in load_site().served_pages()][: args.pages]
    if args.page:
        unknown = [path for path in args.page if path not in pages]
        if unknown:
            parser.error(f"not a page of nav: {', '.join(unknown)} (give paths like zh/role/)")
        pages = args.page
    port = free_port()
    base_url = f"http://127.0.0.1:{port}{BASE_PATH}"
    with tempfile.TemporaryDirectory(prefix="site-report-") as tmp:
        print(f"building the site {'NOT strictly' if args.no_strict else 'strictly'} for {base_url} …", flush=True)
        built = build_site(Path(tmp) / "site", base_url, strict=not args.no_strict)
        if not built.passed:
            sys.exit(f"build failed (exit {built.returncode}):\n{built.output[-4000:]}\n"
                     "(--no-strict measures a work-in-progress tree anyway)")
        print(f"{len(pages)} pages", flush=True)
        with SiteServer(built.site_dir, port, gzip=not args.no_compression):
            weights = measure_weights(base_url, pages)
            print_weights(weights, base_url, args.budget)
            lighthouse: dict[str, LighthouseResult] = {}
            if not args.no_lighthouse and not lighthouse_problem:
                for number, page_path in enumerate(pages, 1):
                    print(f"Lighthouse {number}/{len(pages)}: /{page_path}", file=sys.stderr, flush=True)
                    lighthouse["/" + page_path] = run_lighthouse(base_url + page_path)
                print_lighthouse(lighthouse, base_url)
            elif lighthouse_problem:
                print(f"\nLighthouse skipped: {lighthouse_problem}")
    if args.json:
        report = {
            "site_url": base_url,
            "budget_kib": args.budget,
            "pages": {
                weight.page: {
                    "weight": {**asdict(weight), "first_view": weight.first_view,
                               "within_budget": weight.within(args.budget)},
                    **({"lighthouse": asdict(lighthouse[weight.page])} if weight.page in lighthouse else {}),
                }
                for weight in weights
            },
        }
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"\nwrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
