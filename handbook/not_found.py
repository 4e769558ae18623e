"""One 404 page per language. GitHub Pages serves the site's one /404.html for every missing address, and each
language's build renders a 404.html of its own into the same place (the last build's wins), so the hook keeps each
rendering and writes them where they belong: the default language's at /404.html, each other's at /<root>/404.html.
The default language's page turns itself into the other language's for an address under that language's root
(overrides/javascripts/not-found-language.js)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import PurePosixPath

from handbook.site import Language


def not_found_path(language: Language) -> PurePosixPath:
    """Where a language's 404 page goes in the site: 404.html for the default language, zh/404.html for zh."""
    return PurePosixPath(language.root or ".", "404.html")


def language_homes(languages: Iterable[Language], base_path: str) -> list[dict[str, str]]:
    """The language switcher on a 404 page: each language's home page (Material's extra.alternate entries)."""
    root = "/" + base_path.strip("/") + "/" if base_path.strip("/") else "/"
    return [{"name": language.name, "link": f"{root}{language.root}", "lang": language.code} for language in languages]
