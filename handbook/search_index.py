"""Split MkDocs' one search index into one per language, so a reader only finds pages in their own language.

mkdocs-static-i18n writes a single search/search_index.json holding every language. The site's templates point each
language's search at its own root (mkdocs.yml's i18n `link`: `/` for the default language, `/<locale>/` for the
others), so we write one index there for each language, with locations relative to that root.

Chinese is the one language named here, because jieba, which splits it, is Chinese-only: CHINESE is the ISO 639-1
code jieba's language has, not a site setting. Every site language whose code is CHINESE or starts with it (zh-TW,
zh-Hant, zh_CN: `is_chinese`) gets sub-words, and searches with the default language's stemmer, because lunr has no
language for a region or script variant (a `lunr.zh-Hant` file does not exist). Any other variant (pt-BR) searches
with its base language's stemmer (pt).
"""

from __future__ import annotations

import copy
import re
from typing import Any

import jieba
from bs4 import BeautifulSoup

SearchIndex = dict[str, Any]

CHINESE = "zh"  # the language jieba segments (ISO 639-1); zh-TW, zh-Hant... are its variants


def is_chinese(code: str) -> bool:
    """zh and every variant of it: zh-CN, zh-TW, zh-Hant, zh_Hans_SG (the language subtag decides)."""
    return code.replace("_", "-").split("-", 1)[0].lower() == CHINESE


def lunr_language(code: str, default: str) -> str:
    """The lunr language a site language searches with: the default one for Chinese (pre-split by jieba), else the
    base language (pt-BR → pt), since lunr's languages have no region or script."""
    return default if is_chinese(code) else code.replace("_", "-").split("-", 1)[0].lower()
ZERO_WIDTH_SPACE = "\u200b"
HAN = re.compile(r"^[\u4e00-\u9fff]{2,}$")
# Extra, unrendered fields: the sub-words of Chinese compounds, boosted like the field they come from.
SUBWORD_FIELDS = {"title": "title_subwords", "text": "text_subwords"}
jieba.setLogLevel(60)  # jieba prints its dictionary loading to stderr; the build log does not need it


def document_language(location: str, languages: tuple[str, ...], default: str) -> str:
    first = location.split("/", 1)[0].split("#", 1)[0]
    return first if first in languages and first != default else default


def plain_text(html: str) -> str:
    return BeautifulSoup(html, "html.parser").get_text(" ").replace(ZERO_WIDTH_SPACE, "")


def chinese_subwords(html: str) -> str:
    """The words inside Chinese compounds that jieba's search mode finds and its normal mode does not
    (市场营销 → 市场, 营销), so that a query for 营销总监 also finds a title that says 市场营销总监."""
    whole_words = set(html.replace("<", ZERO_WIDTH_SPACE).replace(">", ZERO_WIDTH_SPACE).split(ZERO_WIDTH_SPACE))

    def already_found(word: str) -> bool:  # Material's queries are prefix queries: 营销* already finds 营销师
        return any(whole.startswith(word) for whole in whole_words)

    words = [word for word in jieba.cut_for_search(plain_text(html)) if HAN.match(word) and not already_found(word)]
    return ZERO_WIDTH_SPACE.join(dict.fromkeys(words))


def add_chinese_subwords(index: SearchIndex) -> SearchIndex:
    """Give every document of a Chinese index its sub-word fields, declared in the index config."""
    fields = index.get("config", {}).get("fields", {})
    for source, target in SUBWORD_FIELDS.items():
        if source in fields:
            fields[target] = dict(fields[source])
    for doc in index.get("docs", []):
        for source, target in SUBWORD_FIELDS.items():
            doc[target] = chinese_subwords(doc.get(source, ""))
    return index


def split_search_index(index: SearchIndex, languages: tuple[str, ...], default: str) -> dict[str, SearchIndex]:
    """Return {language: index} with each document in its language's index and its location made relative.

    `languages` are the site's language codes, which are also the first folder of a non-default page's location."""
    result: dict[str, SearchIndex] = {}
    for language in languages:
        part = {key: copy.deepcopy(value) for key, value in index.items() if key != "docs"}
        part["docs"] = []
        config = part.get("config")
        if isinstance(config, dict) and "lang" in config:
            # Only the stemmer of the reader's language; Chinese words are pre-split by jieba at build time, so a
            # Chinese index stems only the default language's words in it.
            config["lang"] = [lunr_language(language, default)]
        result[language] = part
    for doc in index.get("docs", []):
        location = doc.get("location", "")
        language = document_language(location, languages, default)
        if language != default:
            doc = {**doc, "location": location[len(language) + 1 :]}
        result[language]["docs"].append(doc)
    for language, part in result.items():
        if is_chinese(language):
            add_chinese_subwords(part)
    return result
