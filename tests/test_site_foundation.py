"""The site's foundation: a strict bilingual build, served under a sub-path, right in a real browser."""

from __future__ import annotations

import json
import re

from tests.conftest import ROOT, is_loopback

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


def test_chinese_404_page_is_chinese_with_a_way_home(visit, server):
    record = visit("zh/no-such-page/")
    page = record.page
    assert page.evaluate("document.documentElement.lang") == "zh"
    heading = page.locator("[data-not-found]:not([hidden]) h1")
    assert re.search(r"[\u4e00-\u9fff]", heading.inner_text()), heading.inner_text()
    home = page.locator("[data-not-found]:not([hidden]) a")
    assert home.get_attribute("href") == server.url + "zh/"


def test_english_404_page_is_english(visit, server):
    record = visit("no-such-page/")
    page = record.page
    assert page.evaluate("document.documentElement.lang") == "en"
    assert page.locator("[data-not-found]:not([hidden]) h1").inner_text() == "Page not found"
    assert page.locator("[data-not-found]:not([hidden]) a").get_attribute("href") == server.url


def test_the_handbooks_chinese_terms_are_whole_words_in_the_chinese_search_index(site):
    """mkdocs.yml gives includes/search-words.zh.txt to jieba (search: jieba_dict_user)."""
    words_file = ROOT / "includes" / "search-words.zh.txt"
    terms = [line.split()[0] for line in words_file.read_text(encoding="utf-8").splitlines() if line.strip()]
    index = json.loads((site.site_dir / "zh" / "search" / "search_index.json").read_text(encoding="utf-8"))
    indexed = {word for doc in index["docs"] for word in re.split(r"[\u200b\s<>]+", doc["title"] + " " + doc["text"])}
    missing = [term for term in terms if term not in indexed]
    assert not missing, f"not indexed as whole words (is search.jieba_dict_user set? is the term on a page?): {missing}"
