"""Search finds the hiring guide and the certification page first (issue 17, item 9), in real Chromium: the query
is typed into Material's search box on each language's home page, as a reader would, and the first result is the
page that answers it. English queries are asked on the English site, Chinese ones on the Chinese site (hooks/search.py
gives each language its own index; Chinese words are split by jieba)."""

from __future__ import annotations

import pytest

from tests.site_pages import CHINESE, DEFAULT
from tests.test_reader_experience import search

QUERIES = [
    (DEFAULT, "hire a CMO", "hiring/"),
    (DEFAULT, "verify a certificate", "certification/"),
    (CHINESE, "招聘营销总监", "hiring/"),
    (CHINESE, "职业技能等级证书", "certification/"),
]


def first_result(results: list[str]) -> str:
    return results[0].split("?")[0].split("#")[0] if results else ""


@pytest.mark.parametrize(("language", "query", "expected"), QUERIES, ids=[query for _, query, _ in QUERIES])
def test_search_brings_the_page_that_answers_the_question_first(visit, server, language, query, expected):
    results = search(visit(language.root).page, query)
    assert first_result(results) == server.url + language.root + expected, f"{query!r}: {results[:3]}"
    assert all(url.startswith(server.url + language.root) for url in results if language is CHINESE), results


def test_the_first_result_check_can_fail():
    # A result list led by another page, or an empty one, is not the expected first result.
    assert first_result(["http://x/role/?h=cmo", "http://x/hiring/"]) != "http://x/hiring/"
    assert first_result([]) == ""
