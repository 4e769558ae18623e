"""What a reader gets, checked on every page of both languages in real Chromium."""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser import wake
from tests.conftest import is_loopback
from tests.site_pages import CHINESE, DEFAULT, SITE, all_pages, other_language

PAGES = all_pages()
PAGE_IDS = ["/" + path for _, path in PAGES]


@pytest.fixture(scope="module")
def opened(browser, server):
    """Each page opened once (lazily) in its own tab and kept, with its requests and console errors: first what it
    loads on its own (kept as "first_view"), then what a reader's first interaction starts (Material's scripts)."""
    context = browser.new_context()
    records: dict[str, dict] = {}

    def open_once(path: str) -> dict:
        if path not in records:
            page = context.new_page()
            record = {"page": page, "requests": [], "failed": [], "errors": []}
            page.on("request", lambda request: record["requests"].append(request.url))
            page.on("response", lambda response: response.status >= 400 and record["failed"].append(f"{response.status} {response.url}"))
            page.on("console", lambda message: message.type == "error" and record["errors"].append(message.text))
            page.on("pageerror", lambda error: record["errors"].append(str(error)))
            page.goto(server.url + path, wait_until="networkidle")
            record["first_view"] = list(record["requests"])
            wake(page)
            records[path] = record
        return records[path]

    yield open_once
    context.close()


@pytest.mark.parametrize(("language", "path"), PAGES, ids=PAGE_IDS)
def test_no_third_party_request_no_console_error_no_404(opened, language, path):
    record = opened(path)
    outside = [url for url in record["requests"] if not is_loopback(url)]
    assert not outside, f"requests leaving the site: {outside}"
    assert not record["failed"], f"failed requests: {record['failed']}"
    assert not record["errors"], f"console errors: {record['errors']}"


@pytest.mark.parametrize(("language", "path"), PAGES, ids=PAGE_IDS)
def test_scripts_wait_for_the_first_interaction_then_start(opened, language, path):
    record = opened(path)
    first_view_scripts = [url for url in record["first_view"] if url.endswith(".js")]
    assert not first_view_scripts, f"scripts loaded before any interaction: {first_view_scripts}"
    later = record["requests"][len(record["first_view"]) :]
    assert any("/assets/javascripts/bundle." in url for url in later), f"no bundle after interaction: {later}"
    assert any(url.endswith("search_index.json") for url in later), "search did not start after interaction"
    page = record["page"]
    toggle = page.locator('label[for^="__palette_"]:not([hidden])')
    assert toggle.count() == 1, "exactly one colour-scheme toggle should show"


@pytest.mark.parametrize(("language", "path"), PAGES, ids=PAGE_IDS)
def test_head_tags_are_present_and_absolute(opened, server, language, path):
    page = opened(path)["page"]
    base_path = path[len(language.root) :]
    assert page.evaluate("document.documentElement.lang") == language.code
    description = page.locator('meta[name="description"]').get_attribute("content")
    assert description and len(description) > 20
    assert page.locator('link[rel="canonical"]').get_attribute("href") == server.url + path
    alternates = {
        link.get_attribute("hreflang"): link.get_attribute("href")
        for link in page.locator('link[rel="alternate"][hreflang]').all()
    }
    assert alternates == {
        **{other.code: server.url + other.root + base_path for other in SITE.languages},
        "x-default": server.url + DEFAULT.root + base_path,
    }
    og = {
        meta.get_attribute("property"): meta.get_attribute("content")
        for meta in page.locator('meta[property^="og:"]').all()
    }
    assert og["og:title"] and og["og:description"] == description
    assert og["og:locale"] == language.og_locale
    assert og["og:locale:alternate"] == other_language(language).og_locale
    assert og["og:url"] == server.url + path


@pytest.mark.parametrize(("language", "path"), PAGES, ids=PAGE_IDS)
def test_axe_finds_no_violations(opened, language, path):
    page = opened(path)["page"]
    violations = Axe().run(page).response["violations"]
    summary = [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:3]) for v in violations]
    assert not violations, summary


@pytest.mark.parametrize(("language", "path"), PAGES, ids=PAGE_IDS)
def test_switcher_leads_to_the_same_page_in_the_other_language(visit, server, language, path):
    other = other_language(language)
    record = visit(path)
    page = record.page
    wake(page)  # with Material's scripts running, whose "stay on page" code must not fetch a missing sitemap
    page.locator(".md-header__option .md-select").hover()
    page.locator(f'.md-select__link[hreflang="{other.code}"]').click()
    page.wait_for_load_state("networkidle")
    base_path = path[len(language.root) :]
    assert page.url == server.url + other.root + base_path
    assert page.evaluate("document.documentElement.lang") == other.code
    assert not record.failed_responses, record.failed_responses
    assert not record.console_errors, record.console_errors


def test_dark_scheme_has_no_contrast_violations(browser, server):
    context = browser.new_context(color_scheme="dark")
    try:
        for path in (language.root for language in SITE.languages):
            page = context.new_page()
            page.goto(server.url + path, wait_until="networkidle")
            for state in ("before any interaction", "with Material's scripts running"):
                assert page.evaluate("document.body.dataset.mdColorScheme") == "slate", state
                violations = Axe().run(page).response["violations"]
                assert not violations, (state, [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in violations])
                wake(page)
    finally:
        context.close()


def test_keyboard_reaches_skip_link_then_switcher(visit, server):
    page = visit(CHINESE.root).page
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    assert "md-skip" in focused, f"first Tab should land on the skip link, got {focused!r}"
    for _ in range(15):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('hreflang')") == DEFAULT.code:
            break
    else:
        pytest.fail(f"the language switcher's {DEFAULT.name} link is not reachable with Tab")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == server.url + DEFAULT.root


def test_keyboard_opens_search_and_gets_results(visit):
    page = visit(CHINESE.root).page
    page.keyboard.press("/")  # Material's search shortcut; as the first key, it also starts Material's scripts
    page.wait_for_function("document.activeElement.classList.contains('md-search__input')", timeout=5_000)
    results_for(page, "营销")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.closest('.md-search-result') !== null"), "results not reachable by keyboard"


def test_print_hides_navigation_and_search_and_shows_link_targets(visit):
    page = visit("role/").page
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-search", ".md-footer"):
        assert page.locator(selector).first.is_hidden(), f"{selector} is visible in print"
    external = page.locator('.md-typeset a[href^="http"]').first
    if external.count():
        after = page.evaluate("(a) => getComputedStyle(a, '::after').content", external.element_handle())
        assert "http" in after


def test_chinese_text_is_set_for_comfortable_reading(visit):
    page = visit(CHINESE.root).page
    size, line_height = page.evaluate(
        "(() => { const s = getComputedStyle(document.querySelector('.md-typeset p')); "
        "return [parseFloat(s.fontSize), parseFloat(s.lineHeight)]; })()"
    )
    assert size >= 16, size
    assert line_height / size >= 1.7, (size, line_height)


def test_robots_txt_points_at_the_sitemap(site):
    robots = (site.site_dir / "robots.txt").read_text(encoding="utf-8")
    assert "User-agent: *" in robots
    assert f"Sitemap: {site.site_url}sitemap.xml" in robots


def test_sitemap_lists_both_languages_with_alternates(site):
    sitemap = (site.site_dir / "sitemap.xml").read_text(encoding="utf-8")
    for language, path in PAGES:
        assert f"<loc>{site.site_url}{path}</loc>" in sitemap or f'href="{site.site_url}{path}"' in sitemap, path
    assert re.search(rf'hreflang="{CHINESE.code}" href="[^"]+/{CHINESE.root}', sitemap)


def search(page, query: str) -> list[str]:
    """Open Material's search with its "/" key, type a query as a reader would, return the result links, best first."""
    page.keyboard.press("/")
    return results_for(page, query)


def results_for(page, query: str) -> list[str]:
    """Type a query into the focused search field and return the result links, best first."""
    page.keyboard.type(query)
    page.keyboard.press("End")  # an IME ends composition with a key event; Material searches on key events
    page.locator(".md-search-result__item").first.wait_for(state="visible", timeout=10_000)
    return [link.get_attribute("href") for link in page.locator(".md-search-result__item > a").all()]


CHINESE_QUERIES = {
    "营销总监": "frameworks/eight-responsibilities/",  # the page titled 市场营销总监的八项职责
    "高级营销师": "certification/",
    "运营总监职责": "comparison/",
}
ENGLISH_QUERIES = {
    "senior marketer": "certification/",
    "commission": "evaluation-pay/",
    "operations director": "comparison/",
}


@pytest.mark.parametrize("query", CHINESE_QUERIES)
def test_chinese_search_returns_chinese_results_only(visit, server, query):
    results = search(visit(CHINESE.root).page, query)
    assert results, f"no results for {query}"
    assert all(url.startswith(server.url + CHINESE.root) for url in results), results


@pytest.mark.parametrize(("query", "expected"), CHINESE_QUERIES.items())
def test_chinese_search_finds_the_right_page_first(visit, server, query, expected):
    results = search(visit(CHINESE.root).page, query)
    assert results[0].split("?")[0].split("#")[0] == server.url + CHINESE.root + expected, results[:3]


@pytest.mark.parametrize(("query", "expected"), ENGLISH_QUERIES.items())
def test_english_search_finds_the_right_page_first_in_english_only(visit, server, query, expected):
    results = search(visit(DEFAULT.root).page, query)
    assert results[0].split("?")[0].split("#")[0] == server.url + DEFAULT.root + expected, results[:3]
    assert not any(url.startswith(server.url + CHINESE.root) for url in results), results


def test_search_highlights_the_query_on_the_opened_page(visit):
    page = visit(CHINESE.root).page
    search(page, "高级营销师")
    # The first entry is the page itself (Material gives it no terms); the matching section carries ?h=terms.
    section = page.locator('.md-search-result__item a[href*="?h="]:not([href$="?h="])').first
    section.click()
    page.wait_for_load_state("networkidle")
    marks = page.locator(".md-typeset mark")
    assert marks.count() > 0, "search terms are not highlighted on the page"
    assert "高级营销师" in "".join(marks.all_inner_texts()).replace("\u200b", "")


def test_search_suggests_a_completion(visit):
    page = visit("").page
    page.keyboard.press("/")
    page.keyboard.type("certif")
    page.keyboard.press("End")
    suggestion = page.locator(".md-search__suggest")
    suggestion.wait_for(state="attached")
    page.wait_for_function("document.querySelector('.md-search__suggest').textContent.length > 6")
    assert suggestion.text_content().lower().startswith("certif")


def test_colour_scheme_chosen_before_scripts_start_is_kept_when_they_start(visit):
    page = visit(CHINESE.root + "role/").page
    assert page.evaluate("document.body.dataset.mdColorScheme") == "default"
    # A click event alone, as a tap can arrive before Material's scripts have loaded.
    page.locator('label[for="__palette_1"]').dispatch_event("click")
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    wake(page)
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    assert page.locator('label[for="__palette_0"]').is_visible()
    page.reload(wait_until="networkidle")
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate", "the choice is not remembered"


def test_on_a_phone_tapping_search_then_typing_finds_results(browser, server):
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    try:
        page = context.new_page()
        page.goto(server.url + CHINESE.root, wait_until="networkidle")
        page.tap('label.md-header__button[for="__search"]')  # the first interaction
        page.wait_for_function("document.activeElement.classList.contains('md-search__input')", timeout=5_000)
        links = results_for(page, "营销")
        assert links and all(link.startswith(server.url + CHINESE.root) for link in links), links
    finally:
        context.close()


def test_next_page_key_works_as_the_first_interaction(visit, server):
    page = visit(CHINESE.root + "role/").page
    next_page = page.locator('link[rel="next"]').get_attribute("href")
    with page.expect_navigation():
        page.keyboard.press("n")  # Material's "next page" key; it also starts Material's scripts
    assert page.url.rstrip("/").endswith(next_page.strip("./").rstrip("/")), (page.url, next_page)


def test_before_material_starts_enter_keeps_search_and_escape_closes_it(visit, server):
    record = visit("role/")
    page = record.page
    held = []  # a slow connection: Material's bundle does not arrive until released
    page.route("**/assets/javascripts/bundle.*.js", lambda route: held.append(route))
    page.keyboard.press("/")
    page.keyboard.type("brand")
    page.keyboard.press("Enter")
    page.wait_for_timeout(300)
    assert held, "the first key did not ask for Material's bundle"
    assert page.url == server.url + "role/", "Enter submitted the search form"
    assert page.input_value(".md-search__input") == "brand"
    page.keyboard.press("Escape")
    assert not page.is_checked("#__search"), "Escape did not close search"
    held[0].continue_()
    page.wait_for_function("typeof window.document$ !== 'undefined'")
    assert not record.console_errors, record.console_errors


def test_before_material_starts_the_page_is_marked_js_and_search_shows(visit):
    page = visit("role/").page  # no interaction: Material's scripts have not loaded
    assert page.evaluate("document.documentElement.className.split(' ')").count("js") == 1
    assert page.evaluate("typeof window.document$") == "undefined"
    assert page.locator(".md-search__input").is_visible(), "Material hides search on a no-js page"


def test_a_page_opened_at_a_heading_waits_for_interaction(visit):
    heading = visit(CHINESE.root + "glossary/").page.locator(".md-content h2[id]").last.get_attribute("id")
    record = visit(f"{CHINESE.root}glossary/#{heading}")  # the browser scrolls there, which is not the reader's interaction
    record.page.wait_for_timeout(300)
    assert record.page.evaluate("scrollY") > 500, "the page did not open at the heading"
    assert not [url for url in record.requests if url.endswith(".js")]


def test_enter_on_the_colour_toggle_switches_once_before_and_after_material_starts(visit):
    page = visit("role/").page
    held = []  # a slow connection: Material's bundle does not arrive until released
    page.route("**/assets/javascripts/bundle.*.js", lambda route: held.append(route))
    page.focus("#__palette_0")
    page.keyboard.press("Enter")
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    held[0].continue_()
    wake(page)
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    page.focus("#__palette_1")
    page.keyboard.press("Enter")  # now Material's own handler; ours must not switch a second time
    assert page.evaluate("document.body.dataset.mdColorScheme") == "default"


# A page devoted to a subject comes before the glossary and the sources page, which only cite it
# (their front matter's search.boost).
DEVOTED_PAGES = {
    ("", "Drucker"): ("role/",),
    ("", "McGovern"): ("frameworks/eight-suggestions/", "frameworks/"),
    ("", "resource integrator"): ("role/",),
    ("zh/", "德鲁克"): ("zh/role/",),
    ("zh/", "麦戈文"): ("zh/frameworks/eight-suggestions/", "zh/frameworks/"),
    ("zh/", "资源整合者"): ("zh/role/",),
}


@pytest.mark.parametrize(("root", "query"), DEVOTED_PAGES, ids=[query for _, query in DEVOTED_PAGES])
def test_search_ranks_the_page_devoted_to_a_subject_above_glossary_and_sources(visit, server, root, query):
    results = [url.split("?")[0].split("#")[0] for url in search(visit(root).page, query)]
    pages = list(dict.fromkeys(results))  # each page once, in the order of its first result
    devoted = [server.url + path for path in DEVOTED_PAGES[(root, query)]]
    citing = [page for page in pages if page.endswith(("/glossary/", "/sources/"))]
    assert citing, f"the test no longer compares anything: neither glossary nor sources matches {query}"
    assert pages[0] in devoted, pages[:4]
    for page in devoted:
        assert page in pages and pages.index(page) < pages.index(citing[0]), (page, pages)


def test_page_titles_name_the_page_then_the_site_except_on_the_home_pages(visit, server):
    expected = {
        "": "CMO Handbook",
        "zh/": "首席营销官手册",
        "role/": "The CMO role - CMO Handbook",
        "zh/role/": "首席营销官的角色 - 首席营销官手册",
    }
    for path, title in expected.items():
        assert visit(path).page.title() == title, path


TABLES_ON_A_PHONE = """() => [...document.querySelectorAll('.md-typeset table')].map((table) => {
  const box = table.closest('.md-typeset__scrollwrap') || table;  // the wrapper once Material's scripts run
  const style = getComputedStyle(box);
  const overflows = box.scrollWidth > box.clientWidth + 1;
  box.scrollLeft = box.scrollWidth;  // the reader swipes to the last column: is it all there?
  const lastCell = table.querySelector('tr:last-child > :last-child').getBoundingClientRect();
  const end = lastCell.right <= box.getBoundingClientRect().right + 1;
  box.scrollLeft = 0;
  return {
    overflows, end,
    scrolls: ['auto', 'scroll'].includes(style.overflowX),
    cue: style.backgroundImage,
    clipped: [...table.querySelectorAll('td, th')].filter((cell) => cell.scrollWidth > cell.clientWidth + 1).length,
  };
})"""


@pytest.mark.parametrize("path", ["comparison/", "zh/comparison/"])
def test_on_a_phone_comparison_tables_fit_or_scroll_inside_with_a_visible_cue(browser, server, path):
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    try:
        page = context.new_page()
        page.goto(server.url + path, wait_until="networkidle")
        for state in ("before any interaction", "with Material's scripts running"):
            assert page.evaluate("document.documentElement.scrollWidth") <= 390, f"{state}: the page scrolls sideways"
            tables = page.evaluate(TABLES_ON_A_PHONE)
            assert len(tables) >= 2, tables
            for number, table in enumerate(tables, start=1):
                where = f"{state}, table {number}"
                assert table["clipped"] == 0, f"{where}: text cut off inside {table['clipped']} cells"
                if table["overflows"]:
                    assert table["scrolls"] and table["end"], f"{where}: its last column cannot be reached"
                    assert "gradient" in table["cue"], f"{where}: scrolls with no cue that it does"
            wake(page)
    finally:
        context.close()
