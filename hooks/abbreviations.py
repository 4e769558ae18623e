"""MkDocs hook: append includes/abbreviations/<language>.md to every page (hover expansions for CMO, KPI …)."""

from __future__ import annotations

import logging
from pathlib import Path

from handbook.abbreviations import AbbreviationsError, append_abbreviations, load_abbreviations
from handbook.languages import language_of

log = logging.getLogger("mkdocs.plugins.handbook.abbreviations")


def on_page_markdown(markdown, page, config, files):
    includes_dir = Path(config.config_file_path).parent / "includes"
    language = language_of(page.file.src_uri)
    try:
        definitions = load_abbreviations(includes_dir, language)
    except AbbreviationsError as error:
        log.warning(str(error))
        return markdown
    return append_abbreviations(markdown, definitions)
