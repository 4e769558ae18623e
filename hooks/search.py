"""MkDocs hook: search that stays in the reader's language and finds Chinese words inside compounds.

Once the whole bilingual build is done: one search index per language, with Chinese sub-words
(handbook/search_index.py), and Material's worker repaired to split Chinese queries into whole words
(handbook/search_worker.py). The handbook's own Chinese terms need no code: mkdocs.yml gives them to jieba with the
search plugin's `jieba_dict_user` setting.

Why a hook: mkdocs-static-i18n writes one search index holding every language, and neither it nor Material's search
plugin has a setting for one index per language, for sub-words, or for the worker's query splitting.
static-i18n builds the other languages inside the default language's post-build step and then rewrites the combined
index, so this acts when the outermost build ends (handbook/build_nesting.py), after every plugin (priority -1000,
below static-i18n's -100).
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from mkdocs.plugins import event_priority

from handbook.build_nesting import BuildNesting
from handbook.search_index import split_search_index
from handbook.search_worker import SearchWorkerPatternMissing, repair_query_segmentation
from handbook.site import site_from_config

log = logging.getLogger("mkdocs.plugins.handbook.search")
nesting = BuildNesting()


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
    site = site_from_config(config)
    for code, part in split_search_index(index, site.codes, site.default_language.code).items():
        target = site_dir / site.language(code).root / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(part, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    for worker in (site_dir / "assets" / "javascripts" / "workers").glob("search.*.min.js"):
        try:
            worker.write_text(repair_query_segmentation(worker.read_text(encoding="utf-8")), encoding="utf-8")
        except SearchWorkerPatternMissing as error:
            log.warning(f"{worker.name}: {error}")
