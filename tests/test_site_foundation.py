"""The site's foundation: a strict bilingual build, served under a sub-path, right in a real browser."""

from __future__ import annotations

import json
import re

from tests.conftest import ROOT, is_loopback
from tests.site_pages import CHINESE, SITE, other_language


def test_strict_build_passes(build):
    assert build.returncode == 0, build.output[-4000:]
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
    index = json.loads((site.site_dir / CHINESE.root / "search" / "search_index.json").read_text(encoding="utf-8"))
    indexed = {word for doc in index["docs"] for word in re.split(r"[\u200b\s<>]+", doc["title"] + " " + doc["text"])}
    missing = [term for term in terms if term not in indexed]
    assert not missing, f"not indexed as whole words (is search.jieba_dict_user set? is the term on a page?): {missing}"


def test_lighthouse_ci_lists_every_page_of_the_nav():
    """lighthouserc.json keeps its own URL list (Lighthouse CI reads JSON): it must be nav's pages, every language."""
    urls = json.loads((ROOT / "lighthouserc.json").read_text(encoding="utf-8"))["ci"]["collect"]["url"]
    expected = [f"http://localhost/{path}" for _, path in SITE.served_pages()]
    missing = [url for url in expected if url not in urls]
    extra = [url for url in urls if url not in expected]
    assert not missing and not extra, f"lighthouserc.json ci.collect.url: add {missing}, remove {extra}"
