"""MkDocs hook: search that works in Chinese and stays in the reader's language.

- before pages are indexed: add the handbook's Chinese terms to jieba (handbook/search_words.py);
- once the whole bilingual build is done: one search index per language, with Chinese sub-words
  (handbook/search_index.py), and Material's worker repaired to split Chinese queries into whole words
  (handbook/search_worker.py).

mkdocs-static-i18n builds the other languages inside the default language's post-build step and then rewrites the
combined search index, so we act when the outermost build ends, after every plugin (priority -1000 < i18n's -100).
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from mkdocs.plugins import event_priority

from handbook.build_nesting import BuildNesting
from handbook.languages import DEFAULT_LANGUAGE, LANGUAGES
from handbook.search_index import split_search_index
from handbook.search_words import SearchWordsError, add_search_words, read_search_words
from handbook.search_worker import SearchWorkerPatternMissing, repair_query_segmentation

log = logging.getLogger("mkdocs.plugins.handbook.search")
nesting = BuildNesting()


def on_config(config):
    words_file = Path(config.config_file_path).parent / "includes" / "search-words.zh.txt"
    try:
        add_search_words(read_search_words(words_file))
    except SearchWordsError as error:
        log.warning(str(error))
    return config


def on_pre_build(config):
    nesting.enter()


def on_build_error(error):
    nesting.reset()


@event_priority(-1000)
def on_post_build(config):
    if not nesting.leave():
        return
    site_dir = Path(config.site_dir)
    combined = site_dir / "search" / "search_index.json"
    if not combined.exists():
        return
    index = json.loads(combined.read_text(encoding="utf-8"))
    for language, part in split_search_index(index, LANGUAGES, DEFAULT_LANGUAGE).items():
        target = combined if language == DEFAULT_LANGUAGE else site_dir / language / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(part, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    for worker in (site_dir / "assets" / "javascripts" / "workers").glob("search.*.min.js"):
        try:
            worker.write_text(repair_query_segmentation(worker.read_text(encoding="utf-8")), encoding="utf-8")
        except SearchWorkerPatternMissing as error:
            log.warning(f"{worker.name}: {error}")
