"""Which Chromium to drive, and how: the one set of rules for the browser tests and the PDF edition.

Executable: Playwright's own Chromium if it is installed, else Debian's /usr/bin/chromium. Flags: no sandbox (CI
containers), no GPU, and none of Chromium's own background traffic, so no request leaves the machine.
"""

from __future__ import annotations

from pathlib import Path

CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DEBIAN_CHROMIUM = Path("/usr/bin/chromium")
# What a reader without either browser should run (one line, shown as is).
INSTALL_HINT = "run `uv run playwright install chromium`, or `apt-get install chromium fonts-noto-cjk`"


def chromium_executable(playwright) -> Path | None:
    """Playwright's own Chromium if installed, else /usr/bin/chromium, else None."""
    own = Path(playwright.chromium.executable_path)
    if own.is_file():
        return own
    if DEBIAN_CHROMIUM.is_file():
        return DEBIAN_CHROMIUM
    return None
