"""MkDocs hook: append includes/abbreviations/<language>.md to every page (hover expansions for CMO, KPI …).

Why a hook: the `abbr` extension reads definitions from the page itself, and mkdocs-static-i18n cannot vary
`markdown_extensions` (or pymdownx.snippets' auto_append) per language, so no setting appends each language's list.
"""

from __future__ import annotations

import logging
from pathlib import Path

from handbook.abbreviations import AbbreviationsError, append_abbreviations, load_abbreviations
from handbook.site import site_from_config

log = logging.getLogger("mkdocs.plugins.handbook.abbreviations")


def on_page_markdown(markdown, page, config, files):
    includes_dir = Path(config.config_file_path).parent / "includes"
    language = site_from_config(config).language_of(page.file.src_uri)
    try:
        definitions = load_abbreviations(includes_dir, language.code)
    except AbbreviationsError as error:
        log.warning(str(error))
        return markdown
    return append_abbreviations(markdown, definitions)
