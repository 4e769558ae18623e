"""MkDocs hook: after the whole bilingual build, write one search index per language (handbook/search_index.py).

mkdocs-static-i18n builds the other languages inside the default language's post-build step and then rewrites the
combined index; so we count nested builds and split only when the outermost one finishes, after every plugin.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from mkdocs.plugins import event_priority

from handbook.languages import DEFAULT_LANGUAGE, LANGUAGES
from handbook.search_index import split_search_index

log = logging.getLogger("mkdocs.plugins.handbook.search_index")
_depth = 0


def on_pre_build(config):
    global _depth
    _depth += 1


def on_build_error(error):
    global _depth
    _depth = 0


@event_priority(-1000)  # after static-i18n (-100) has written the combined index
def on_post_build(config):
    global _depth
    _depth = max(_depth - 1, 0)
    if _depth:
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
        log.debug(f"search index for '{language}': {len(part['docs'])} entries → {target}")
