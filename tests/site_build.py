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

    def problems(self) -> str:
        """What a failed build reported: its WARNING and ERROR lines, each once (the whole log's tail if it has
        none, as after a traceback)."""
        return build_problems(self.output)


def build_problems(output: str, tail: int = 4000) -> str:
    """The WARNING, ERROR and "Aborted" lines of a MkDocs log, each once and in order; else the log's tail."""
    lines = [line for line in output.splitlines() if line.startswith(("WARNING", "ERROR", "Aborted"))]
    return "\n".join(dict.fromkeys(lines)) if lines else output[-tail:]


def failed_build_line(output: str, shown_by: str = "test_strict_build_passes") -> str:
    """One line for each test that needs a build which failed: the build's problems are shown once, by the test
    that checks the build itself, not again by every test that reads its output."""
    warnings = sum(line.startswith("WARNING") for line in output.splitlines())
    return (
        f"the strict build failed ({warnings} warning(s)): see {shown_by} for its problems, or run "
        "`uv run python -m parity check` for the parity findings"
    )


def build_site(site_dir: Path, site_url: str, *, strict: bool = True) -> SiteBuild:
    """`mkdocs build` of the repository's site into site_dir, with SITE_URL set and both languages built."""
    env = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("BUILD_ONLY_LOCALE", None)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict" if strict else "--no-strict", "--site-dir", str(site_dir)],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )
    return SiteBuild(site_dir, site_url, result.returncode, result.stdout + result.stderr)
