"""The site's languages and pages, from mkdocs.yml through the site model (handbook/site.py)."""

from __future__ import annotations

from handbook.site import Language, load_site

SITE = load_site()
DEFAULT = SITE.default_language
# The tests that are about Chinese text (search, reading comfort) look the language up: if mkdocs.yml stopped
# declaring it, they fail here by name instead of passing on the wrong pages.
CHINESE = SITE.language("zh")


def all_pages() -> list[tuple[Language, str]]:
    """(language, served path below the site's address) for every page of every language, in nav order."""
    return list(SITE.served_pages())


def other_language(language: Language) -> Language:
    """A language to switch to from `language`: the default one, or from it the next."""
    return SITE.languages[1] if language.default else DEFAULT
