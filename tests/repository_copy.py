"""A scratch copy of the repository's site, checker and build helpers, for tests that edit files or run commands."""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# What a command run in the copy reads: the site, its data and hooks, the packages, and the parity cache (so that
# the check is quick).
COPIED = (".github", "docs", "data", "includes", "overrides", "hooks", "handbook", "parity", ".parity-cache")


def copy_repository(tmp_path: Path) -> Path:
    copy = tmp_path / "repo"
    copy.mkdir()
    for name in COPIED:
        if (ROOT / name).exists():
            shutil.copytree(ROOT / name, copy / name)
    for name in ("mkdocs.yml", "parity.lock.json"):
        shutil.copy2(ROOT / name, copy / name)
    return copy
