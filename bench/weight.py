"""Page weight: what real Chromium loads for each page, gzipped at level 9. A benchmark, not a test.

First view = the HTML document plus every stylesheet and script the page loads until the network is idle; fetch/xhr
(the search index) and anything else are listed apart. Budget: first view <= 60 KiB. Then the pointer moves, as a
reader's first interaction does, and what that loads is listed too (Material's bundle, the search worker and the
search index: overrides/javascripts/material-on-interaction.js). A request to another origin is blocked and
reported.
"""

from __future__ import annotations

import gzip
import sys
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from tests.browser import CHROMIUM_FLAGS, chromium_executable, wake

BUDGET_KIB = 60
KIB = 1024
FIRST_VIEW = {"document": "html", "stylesheet": "css", "script": "js"}
DATA = {"fetch", "xhr"}


@dataclass(frozen=True)
class Resource:
    url: str
    type: str
    status: int
    raw: int
    gzip: int


@dataclass
class PageWeight:
    page: str
    html: int = 0
    css: int = 0
    js: int = 0
    data: int = 0
    other: int = 0  # bytes by kind, gzip -9; html + css + js is the first view
    on_interaction: int = 0  # what the first interaction loads: Material's bundle, search worker and index
    resources: list[Resource] = field(default_factory=list)
    third_party: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def first_view(self) -> int:
        return self.html + self.css + self.js

    def within(self, budget_kib: float) -> bool:
        return self.first_view <= budget_kib * KIB


def gz(body: bytes) -> int:
    return len(gzip.compress(body, compresslevel=9, mtime=0))


def measure_weights(base_url: str, pages: list[str]) -> list[PageWeight]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as error:
        sys.exit(f"Playwright is not importable ({error}); run with `uv run python -m bench.site_report`.")
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(base_url))
    results = []
    with sync_playwright() as playwright:
        executable = chromium_executable(playwright)
        if executable is None:
            sys.exit("no Chromium: install Debian's (`apt-get install chromium fonts-noto-cjk`) or Playwright's own.")
        browser = playwright.chromium.launch(executable_path=str(executable), args=CHROMIUM_FLAGS, headless=True)
        try:
            for page_path in pages:
                results.append(_measure_one(browser, origin, base_url + page_path, page_path))
        finally:
            browser.close()
    return results


def _measure_one(browser, origin: str, url: str, page_path: str) -> PageWeight:
    weight = PageWeight(page="/" + page_path)
    context = browser.new_context()  # fresh cache: a first view
    responses = []

    def guard(route):
        if route.request.url.startswith(origin + "/") or route.request.url.startswith("data:"):
            route.continue_()
        else:
            weight.third_party.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    page = context.new_page()
    page.on("response", lambda response: responses.append(response))
    try:
        page.goto(url, wait_until="networkidle")
        page.wait_for_timeout(300)
    except Exception as error:  # a benchmark reports, it does not stop
        weight.errors.append(f"load: {error}")
    first_view_responses = len(responses)
    try:
        wake(page)
    except Exception as error:
        weight.errors.append(f"first interaction: {error}")
    seen = set()
    for number, response in enumerate(responses):
        request = response.request
        if response.url in seen or response.url.startswith("data:"):
            continue
        seen.add(response.url)
        try:
            body = response.body()
        except Exception as error:
            weight.errors.append(f"body of {response.url}: {error}")
            continue
        resource = Resource(response.url, request.resource_type, response.status, len(body), gz(body))
        weight.resources.append(resource)
        if number >= first_view_responses:
            weight.on_interaction += resource.gzip
            continue
        kind = FIRST_VIEW.get(resource.type) or ("data" if resource.type in DATA else "other")
        setattr(weight, kind, getattr(weight, kind) + resource.gzip)
    context.close()
    return weight


def print_weights(weights: list[PageWeight], base_url: str, budget: float) -> None:
    print(f"\n## Weight: first view = gzip -9 of HTML + CSS + JS the page loads (budget ≤ {budget} KiB)\n")
    width = max(len(w.page) for w in weights)
    header = (f"{'page':<{width}}  {'HTML':>6}  {'CSS':>6}  {'JS':>6}  {'total':>6}  budget  {'fetch':>6}  {'other':>6}"
              f"  {'on 1st interaction':>18}")
    print(header + "\n" + "-" * len(header))
    for w in weights:
        mark = "✓" if w.within(budget) else "✗"
        print(
            f"{w.page:<{width}}  {w.html / KIB:6.1f}  {w.css / KIB:6.1f}  {w.js / KIB:6.1f}  "
            f"{w.first_view / KIB:6.1f}  {mark:^6}  {w.data / KIB:6.1f}  {w.other / KIB:6.1f}"
            f"  {w.on_interaction / KIB:18.1f}"
        )
    over = [w for w in weights if not w.within(budget)]
    totals = [w.first_view / KIB for w in weights]
    print(f"\nfirst view: min {min(totals):.1f} KiB, max {max(totals):.1f} KiB; "
          f"{len(over)} of {len(weights)} pages over {budget} KiB (all figures in KiB, gzip level 9)")

    # The biggest resources across all pages, each counted once.
    biggest: dict[str, tuple[Resource, int]] = {}
    for w in weights:
        for r in w.resources:
            key = r.url if r.type != "document" else "(each page's HTML)"
            previous = biggest.get(key)
            if r.type == "document":
                keep = r if previous is None or r.gzip > previous[0].gzip else previous[0]
                biggest[key] = (keep, (previous[1] + 1) if previous else 1)
            else:
                biggest[key] = (r, (previous[1] + 1) if previous else 1)
    print("\nbiggest resources (gzip KiB, raw KiB, type, on how many pages):")
    for resource, count in sorted(biggest.values(), key=lambda item: -item[0].gzip)[:12]:
        name = resource.url.removeprefix(base_url) if resource.url.startswith(base_url) else resource.url
        label = f"(largest page HTML: {name or '/'})" if resource.type == "document" else name
        print(f"  {resource.gzip / KIB:7.1f}  {resource.raw / KIB:7.1f}  {resource.type:<10}  {count:>3}  {label}")

    third = sorted({u for w in weights for u in w.third_party})
    print(f"\nthird-party requests (blocked): {len(third) or 'none'}")
    for url in third:
        print(f"  {url}")
    for w in weights:
        for status in {r.status for r in w.resources if r.status >= 400}:
            for r in w.resources:
                if r.status == status:
                    print(f"  HTTP {r.status} on {w.page}: {r.url}")
        for error in w.errors:
            print(f"  error on {w.page}: {error}")
