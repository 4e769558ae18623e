"""Launch real Chromium for the browser tests, following the project's rules.

Executable: Playwright's own Chromium if it is installed, else Debian's /usr/bin/chromium. Without either, browser
tests skip with a reason — unless REQUIRE_BROWSER=1 (set in .ci/run), where they fail.
"""

from __future__ import annotations

import os
from pathlib import Path

CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DEBIAN_CHROMIUM = Path("/usr/bin/chromium")


def browser_required() -> bool:
    return os.environ.get("REQUIRE_BROWSER") == "1"


def chromium_executable(playwright) -> Path | None:
    own = Path(playwright.chromium.executable_path)
    if own.is_file():
        return own
    if DEBIAN_CHROMIUM.is_file():
        return DEBIAN_CHROMIUM
    return None
