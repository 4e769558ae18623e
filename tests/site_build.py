"""Build the real site for a given address, as the tests and bench/ both need it (a strict build by default)."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class SiteBuild:
    site_dir: Path
    site_url: str
    returncode: int
    output: str  # MkDocs' log, stdout then stderr

    @property
    def passed(self) -> bool:
        return self.returncode == 0


def build_site(site_dir: Path, site_url: str, *, strict: bool = True) -> SiteBuild:
    """`mkdocs build` of the repository's site into site_dir, with SITE_URL set and both languages built."""
    env = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("BUILD_ONLY_LOCALE", None)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict" if strict else "--no-strict", "--site-dir", str(site_dir)],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )
    return SiteBuild(site_dir, site_url, result.returncode, result.stdout + result.stderr)
