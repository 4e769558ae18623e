"""Lighthouse CI over every page of nav, in every language: `uv run python -m bench.lighthouse_ci`.

lighthouserc.json holds Lighthouse CI's settings and assertions (100 in all four categories), but no page list: the
pages are nav's (handbook/site.py), added here at run time, so a new page needs no second list. Build into site/
first (`uv run mkdocs build`); this writes the whole configuration to a temporary file and runs
`npx @lhci/cli autorun --config=<it>` with Debian's Chromium (or CHROME_PATH). `--print-config` only prints it.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from handbook.site import Site, load_site

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = ROOT / "lighthouserc.json"
LOCAL_HOST = "http://localhost/"  # Lighthouse CI serves staticDistDir and rewrites this host to its own server


def lighthouse_ci_config(site: Site, settings_file: Path = SETTINGS) -> dict:
    """lighthouserc.json with ci.collect.url set to every page of nav in every language."""
    config = json.loads(settings_file.read_text(encoding="utf-8"))
    config["ci"]["collect"]["url"] = [LOCAL_HOST + path for _, path in site.served_pages()]
    return config


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.lighthouse_ci", description=__doc__.splitlines()[0])
    parser.add_argument("--print-config", action="store_true", help="print the configuration and stop")
    args = parser.parse_args(argv)
    config = lighthouse_ci_config(load_site())
    if args.print_config:
        print(json.dumps(config, ensure_ascii=False, indent=2))
        return 0
    if not (ROOT / config["ci"]["collect"]["staticDistDir"]).is_dir():
        print("lighthouse_ci: no site/ to audit: run `uv run mkdocs build` first", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="lhci-") as folder:
        path = Path(folder) / "lighthouserc.json"
        path.write_text(json.dumps(config, indent=2), encoding="utf-8")
        env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
        return subprocess.run(["npx", "@lhci/cli", "autorun", f"--config={path}"], cwd=ROOT, env=env).returncode


if __name__ == "__main__":
    sys.exit(main())
