"""Launch real Chromium for the browser tests, following the project's rules.

Executable: Playwright's own Chromium if it is installed, else Debian's /usr/bin/chromium. Without either, browser
tests skip with a reason — unless REQUIRE_BROWSER=1 (set in .ci/run), where they fail.
"""

from __future__ import annotations

import os
import time

from handbook.chromium import CHROMIUM_FLAGS, DEBIAN_CHROMIUM, chromium_executable  # noqa: F401 - the shared rules


def browser_required() -> bool:
    return os.environ.get("REQUIRE_BROWSER") == "1"


def wake(page, *, quiet_ms: int = 500, timeout_ms: int = 10_000) -> None:
    """Do what a reader's first interaction does (move the pointer), which starts Material's scripts (they load on
    interaction: overrides/javascripts/material-on-interaction.js). Return once Material has started (its
    documented global document$ exists) and no request has been in flight for quiet_ms."""
    in_flight: set = set()

    def started(request) -> None:
        in_flight.add(request)

    def finished(request) -> None:
        in_flight.discard(request)

    page.on("request", started)
    page.on("requestfinished", finished)
    page.on("requestfailed", finished)
    try:
        page.mouse.move(24, 24)
        page.wait_for_function("typeof window.document$ !== 'undefined'", timeout=timeout_ms)
        deadline = time.monotonic() + timeout_ms / 1000
        quiet_since = time.monotonic()
        while time.monotonic() - quiet_since < quiet_ms / 1000:
            if in_flight:
                quiet_since = time.monotonic()
            if time.monotonic() > deadline:
                raise TimeoutError(f"requests still in flight after {timeout_ms} ms: {[r.url for r in in_flight]}")
            page.wait_for_timeout(50)
    finally:
        page.remove_listener("request", started)
        page.remove_listener("requestfinished", finished)
        page.remove_listener("requestfailed", finished)
