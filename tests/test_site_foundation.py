"""The site's foundation: a strict bilingual build, served under a sub-path, right in a real browser."""

from __future__ import annotations

import json
import re

import pytest

from tests.conftest import ROOT, is_loopback
from tests.site_build import build_problems
from tests.site_pages import CHINESE, DEFAULT, SITE, other_language


def test_strict_build_passes(build):
    assert build.returncode == 0, build_problems(build.output)
    assert "Aborted" not in build.output


def test_every_language_root_exists(site):
    for language in SITE.languages:
        assert (site.site_dir / language.root / "index.html").is_file(), f"/{language.root}index.html is missing"


def test_html_lang_matches_the_language(site):
    for language in SITE.languages:
        html = (site.site_dir / language.root / "index.html").read_text(encoding="utf-8")
        assert re.search(rf'<html lang="{language.code}"', html), f"/{language.root}index.html lacks lang={language.code}"


def test_switcher_on_each_home_links_to_the_other_home(visit, server):
    for language in SITE.languages:
        other = other_language(language)
        record = visit(language.root)
        link = record.page.locator(f'.md-select__link[hreflang="{other.code}"]')
        assert link.count() == 1, f"no switcher link to {other.code} on /{language.root}"
        href = link.get_attribute("href")
        target = record.page.evaluate("(href) => new URL(href, location.href).href", href)
        assert target == server.url + other.root


def test_no_request_leaves_the_loopback_host(visit):
    for root in (language.root for language in SITE.languages):
        record = visit(root)
        outside = [url for url in record.requests if not is_loopback(url)]
        assert not outside, f"{root or '/'} requested {outside}"


def test_no_console_errors_or_failed_requests(visit):
    for root in (language.root for language in SITE.languages):
        record = visit(root)
        assert not record.console_errors, f"{root or '/'}: {record.console_errors}"
        assert not record.failed_responses, f"{root or '/'}: {record.failed_responses}"


NOT_FOUND = {
    # language: (a missing address in it, the 404 page's heading, the site's name in the header, its home)
    DEFAULT.code: (f"{DEFAULT.root}no-such-page/", "Page not found", "CMO Handbook", DEFAULT.root),
    CHINESE.code: (f"{CHINESE.root}no-such-page/deeper/", "页面不存在", "首席营销官手册", CHINESE.root),
}


@pytest.mark.parametrize("language", NOT_FOUND)
def test_404_page_has_the_chrome_of_the_address_language(visit, server, language):
    """Pages serves one /404.html for every missing address (as tests/site_server.py does): under /zh/ the reader
    gets the Chinese page, header and search included, at the address they asked for; elsewhere the English one."""
    missing, heading, site_name, home = NOT_FOUND[language]
    record = visit(missing)
    page = record.page
    page.wait_for_function(f"document.documentElement.lang === {language!r}", timeout=5_000)
    assert page.url == server.url + missing, "the address changed"
    assert page.locator(".md-content h1").inner_text() == heading
    assert page.title().startswith(heading)
    assert page.locator(".md-header__topic").first.inner_text().strip() == site_name
    placeholder = page.locator(".md-search__input").get_attribute("placeholder")
    assert placeholder == ("搜索" if language == CHINESE.code else "Search"), placeholder
    assert page.evaluate("document.documentElement.style.visibility") == ""
    assert record.failed_responses == [f"404 {server.url}{missing}"], record.failed_responses
    others = [error for error in record.console_errors if "status of 404" not in error]  # the page's own status
    assert not others and len(record.console_errors) <= 1, record.console_errors


@pytest.mark.parametrize("language", NOT_FOUND)
def test_404_page_leads_home_and_to_the_other_language(visit, server, language):
    missing, _, _, home = NOT_FOUND[language]
    other = other_language(SITE.language(language))
    page = visit(missing).page
    page.wait_for_function(f"document.documentElement.lang === {language!r}", timeout=5_000)
    with page.expect_navigation():
        page.locator(".not-found a").click()
    assert page.url == server.url + home
    assert page.evaluate("document.documentElement.lang") == language
    page.go_back(wait_until="networkidle")
    page.wait_for_function(f"document.documentElement.lang === {language!r}", timeout=5_000)
    switch = page.locator(f'.md-select__link[hreflang="{other.code}"]')
    target = page.evaluate("(a) => a.href", switch.element_handle())
    assert target == server.url + other.root
    page.locator(".md-header__option .md-select").hover()
    with page.expect_navigation():
        switch.click()
    assert page.evaluate("document.documentElement.lang") == other.code


def test_each_language_has_its_own_404_file(site):
    english = (site.site_dir / "404.html").read_text(encoding="utf-8")
    chinese = (site.site_dir / CHINESE.root / "404.html").read_text(encoding="utf-8")
    assert f'<html lang="{DEFAULT.code}"' in english and "Page not found" in english and "页面不存在" not in english
    assert f'<html lang="{CHINESE.code}"' in chinese and "页面不存在" in chinese and "Page not found" not in chinese


def test_404_switcher_offers_each_language_home_under_the_sub_path():
    from handbook.not_found import language_homes, not_found_path
    from handbook.site import Language

    languages = [Language("en", "English", "", True), Language("zh", "简体中文", "zh/", False)]
    assert language_homes(languages, "/cmo-handbook/") == [
        {"name": "English", "link": "/cmo-handbook/", "lang": "en"},
        {"name": "简体中文", "link": "/cmo-handbook/zh/", "lang": "zh"},
    ]
    assert language_homes(languages, "/")[1]["link"] == "/zh/"
    assert str(not_found_path(languages[0])) == "404.html" and str(not_found_path(languages[1])) == "zh/404.html"


def test_the_handbooks_chinese_terms_are_whole_words_in_the_chinese_search_index(site):
    """mkdocs.yml gives includes/search-words.zh.txt to jieba (search: jieba_dict_user)."""
    words_file = ROOT / "includes" / "search-words.zh.txt"
    terms = [line.split()[0] for line in words_file.read_text(encoding="utf-8").splitlines() if line.strip()]
    index = json.loads((site.site_dir / CHINESE.root / "search" / "search_index.json").read_text(encoding="utf-8"))
    indexed = {word for doc in index["docs"] for word in re.split(r"[\u200b\s<>]+", doc["title"] + " " + doc["text"])}
    missing = [term for term in terms if term not in indexed]
    assert not missing, f"not indexed as whole words (is search.jieba_dict_user set? is the term on a page?): {missing}"


def test_serve_watches_every_folder_that_changes_the_output():
    """`mkdocs serve` rebuilds on edits to docs/ and mkdocs.yml by itself; the folders the build also reads must be
    under `watch:` (an edit to includes/abbreviations/en.md once went unseen), and each must exist."""
    import yaml

    class _Loader(yaml.SafeLoader):
        pass

    _Loader.add_multi_constructor("!", lambda loader, suffix, node: None)  # !ENV and Python tags: not needed here
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    watched = config.get("watch") or []
    for folder in ("includes", "data", "overrides"):
        assert folder in watched, f"mkdocs.yml watch: add {folder}"
    missing = [folder for folder in watched if not (ROOT / folder).exists()]
    assert not missing, f"mkdocs.yml watch: {missing} do not exist"
