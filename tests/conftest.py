"""Shared fixtures: a strict build of the real site, a Pages-like loopback server, and real Chromium."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.browser import CHROMIUM_FLAGS, browser_required, chromium_executable
from tests.site_build import build_site, failed_build_line
from tests.site_server import BASE_PATH, SiteServer, free_port

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Build:
    site_dir: Path
    site_url: str
    port: int
    returncode: int
    output: str


@pytest.fixture(scope="session")
def build(tmp_path_factory) -> Build:
    """Build the real site strictly, once per session, for the loopback server's address."""
    port = free_port()
    result = build_site(tmp_path_factory.mktemp("site"), f"http://127.0.0.1:{port}{BASE_PATH}")
    return Build(result.site_dir, result.site_url, port, result.returncode, result.output)


@pytest.fixture(scope="session")
def site(build: Build) -> Build:
    """The strict build, which must have passed for tests that read its output."""
    if build.returncode != 0:
        # One line, without a traceback: every test that reads the build fails with it, and the build's own test
        # (tests/test_site_foundation.py) shows the problems once; a failed build used to repeat its log 200 times.
        pytest.fail(failed_build_line(build.output), pytrace=False)
    return build


@pytest.fixture(scope="session")
def server(site: Build):
    with SiteServer(site.site_dir, site.port) as running:
        assert running.url == site.site_url
        yield running


@pytest.fixture(scope="session")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as error:  # pragma: no cover - playwright is a dev dependency
        if browser_required():
            pytest.fail(f"REQUIRE_BROWSER=1 but Playwright is not importable: {error}")
        pytest.skip(f"Playwright is not installed: {error}")
    with sync_playwright() as playwright:
        executable = chromium_executable(playwright)
        if executable is None:
            reason = "no Chromium: neither Playwright's own browser nor /usr/bin/chromium is installed"
            if browser_required():
                pytest.fail(f"REQUIRE_BROWSER=1 but {reason}")
            pytest.skip(reason)
        launched = playwright.chromium.launch(executable_path=str(executable), args=CHROMIUM_FLAGS, headless=True)
        yield launched
        launched.close()


@dataclass
class PageVisit:
    """A browser page with everything it requested and every console error it logged."""

    page: object
    requests: list[str] = field(default_factory=list)
    failed_responses: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)


@pytest.fixture
def visit(browser, server):
    """Open a fresh page that records requests, 4xx/5xx responses and console errors."""
    context = browser.new_context()
    opened: list[PageVisit] = []

    def open_page(path: str = "", *, wait_until: str = "networkidle") -> PageVisit:
        page = context.new_page()
        record = PageVisit(page)
        page.on("request", lambda request: record.requests.append(request.url))
        page.on(
            "response",
            lambda response: response.status >= 400 and record.failed_responses.append(f"{response.status} {response.url}"),
        )
        page.on("console", lambda message: message.type == "error" and record.console_errors.append(message.text))
        page.on("pageerror", lambda error: record.console_errors.append(str(error)))
        page.goto(server.url + path, wait_until=wait_until)
        opened.append(record)
        return record

    yield open_page
    context.close()


def is_loopback(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("data", "blob", "about") or parts.hostname in ("127.0.0.1", "localhost", "::1")
