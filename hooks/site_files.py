"""MkDocs hook: site-wide files written once the whole bilingual build has finished.

- one search index per language (handbook/search_index.py), so results stay in the reader's language;
- robots.txt pointing at the sitemap (handbook/robots_txt.py).

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
from handbook.robots_txt import robots_txt
from handbook.search_index import split_search_index

log = logging.getLogger("mkdocs.plugins.handbook.site_files")
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
    (site_dir / "robots.txt").write_text(robots_txt(config.site_url or "/"), encoding="utf-8")
    combined = site_dir / "search" / "search_index.json"
    if not combined.exists():
        return
    index = json.loads(combined.read_text(encoding="utf-8"))
    for language, part in split_search_index(index, LANGUAGES, DEFAULT_LANGUAGE).items():
        target = combined if language == DEFAULT_LANGUAGE else site_dir / language / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(part, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
