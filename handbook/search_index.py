"""Split MkDocs' one search index into one per language, so a reader only finds pages in their own language.

mkdocs-static-i18n writes a single search/search_index.json holding every language. The site's templates point each
language's search at its own root (`/` for the default language, `/zh/` for Chinese), so we write one index there
for each language, with locations relative to that root.
"""

from __future__ import annotations

import copy
from typing import Any

SearchIndex = dict[str, Any]


def document_language(location: str, languages: tuple[str, ...], default: str) -> str:
    first = location.split("/", 1)[0].split("#", 1)[0]
    return first if first in languages and first != default else default


def split_search_index(index: SearchIndex, languages: tuple[str, ...], default: str) -> dict[str, SearchIndex]:
    """Return {language: index} with each document in its language's index and its location made relative."""
    result: dict[str, SearchIndex] = {}
    for language in languages:
        part = {key: copy.deepcopy(value) for key, value in index.items() if key != "docs"}
        part["docs"] = []
        config = part.get("config")
        if isinstance(config, dict) and "lang" in config:
            # Only the stemmer of the reader's language; Chinese words are pre-split by jieba at build time.
            config["lang"] = [language] if language == "en" else ["en"]
        result[language] = part
    for doc in index.get("docs", []):
        location = doc.get("location", "")
        language = document_language(location, languages, default)
        if language != default:
            doc = {**doc, "location": location[len(language) + 1 :]}
        result[language]["docs"].append(doc)
    return result
