"""The site's foundation: a strict bilingual build, served under a sub-path, right in a real browser."""

from __future__ import annotations

import re

import pytest

from tests.conftest import is_loopback

LANGUAGE_ROOTS = {"en": "", "zh": "zh/"}


def test_strict_build_passes(build):
    assert build.returncode == 0, build.output[-4000:]
    assert "Aborted" not in build.output


def test_both_language_roots_exist(site):
    assert (site.site_dir / "index.html").is_file()
    assert (site.site_dir / "zh" / "index.html").is_file()


def test_html_lang_matches_the_language(site):
    for language, root in LANGUAGE_ROOTS.items():
        html = (site.site_dir / root / "index.html").read_text(encoding="utf-8")
        assert re.search(rf'<html lang="{language}"', html), f"{root or '/'}index.html lacks <html lang=\"{language}\">"


def test_switcher_on_each_home_links_to_the_other_home(visit, server):
    for language, root in LANGUAGE_ROOTS.items():
        other = "zh" if language == "en" else "en"
        record = visit(root)
        link = record.page.locator(f'.md-select__link[hreflang="{other}"]')
        assert link.count() == 1, f"no switcher link to {other} on {root or '/'}"
        href = link.get_attribute("href")
        target = record.page.evaluate("(href) => new URL(href, location.href).href", href)
        assert target == server.url + LANGUAGE_ROOTS[other]


def test_no_request_leaves_the_loopback_host(visit):
    for root in LANGUAGE_ROOTS.values():
        record = visit(root)
        outside = [url for url in record.requests if not is_loopback(url)]
        assert not outside, f"{root or '/'} requested {outside}"


def test_no_console_errors_or_failed_requests(visit):
    for root in LANGUAGE_ROOTS.values():
        record = visit(root)
        assert not record.console_errors, f"{root or '/'}: {record.console_errors}"
        assert not record.failed_responses, f"{root or '/'}: {record.failed_responses}"


NOT_FOUND = {
    # language: (a missing address in it, the 404 page's heading, the site's name in the header, its home)
    "en": ("no-such-page/", "Page not found", "CMO Handbook", ""),
    "zh": ("zh/no-such-page/deeper/", "页面不存在", "首席营销官手册", "zh/"),
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
    assert placeholder == ("Search" if language == "en" else "搜索"), placeholder
    assert page.evaluate("document.documentElement.style.visibility") == ""
    assert record.failed_responses == [f"404 {server.url}{missing}"], record.failed_responses
    others = [error for error in record.console_errors if "status of 404" not in error]  # the page's own status
    assert not others and len(record.console_errors) <= 1, record.console_errors


@pytest.mark.parametrize("language", NOT_FOUND)
def test_404_page_leads_home_and_to_the_other_language(visit, server, language):
    missing, _, _, home = NOT_FOUND[language]
    other = "zh" if language == "en" else "en"
    page = visit(missing).page
    page.wait_for_function(f"document.documentElement.lang === {language!r}", timeout=5_000)
    with page.expect_navigation():
        page.locator(".not-found a").click()
    assert page.url == server.url + home
    assert page.evaluate("document.documentElement.lang") == language
    page.go_back(wait_until="networkidle")
    page.wait_for_function(f"document.documentElement.lang === {language!r}", timeout=5_000)
    switch = page.locator(f'.md-select__link[hreflang="{other}"]')
    target = page.evaluate("(a) => a.href", switch.element_handle())
    assert target == server.url + LANGUAGE_ROOTS[other]
    page.locator(".md-header__option .md-select").hover()
    with page.expect_navigation():
        switch.click()
    assert page.evaluate("document.documentElement.lang") == other


def test_each_language_has_its_own_404_file(site):
    english = (site.site_dir / "404.html").read_text(encoding="utf-8")
    chinese = (site.site_dir / "zh" / "404.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in english and "Page not found" in english and "页面不存在" not in english
    assert '<html lang="zh"' in chinese and "页面不存在" in chinese and "Page not found" not in chinese


def test_404_switcher_offers_each_language_home_under_the_sub_path():
    from handbook.not_found import Language, language_homes, not_found_path

    languages = [Language("en", "English", True), Language("zh", "简体中文", False)]
    assert language_homes(languages, "/cmo-handbook/") == [
        {"name": "English", "link": "/cmo-handbook/", "lang": "en"},
        {"name": "简体中文", "link": "/cmo-handbook/zh/", "lang": "zh"},
    ]
    assert language_homes(languages, "/")[1]["link"] == "/zh/"
    assert str(not_found_path("en", "en")) == "404.html" and str(not_found_path("zh", "en")) == "zh/404.html"
