"""One 404 page per language. GitHub Pages serves the site's one /404.html for every missing address, and each
language's build renders a 404.html of its own into the same place (the last build's wins), so the hook keeps each
rendering and writes them where they belong: the default language's at /404.html, each other's at /<lang>/404.html.
The default language's page turns itself into the other language's for an address in that language's folder
(overrides/assets/javascripts/not-found-language.js)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath


@dataclass(frozen=True)
class Language:
    locale: str
    name: str  # as the language switcher shows it
    default: bool


def not_found_path(language: str, default: str) -> PurePosixPath:
    """Where a language's 404 page goes in the site: 404.html for the default language, zh/404.html for zh."""
    return PurePosixPath("404.html") if language == default else PurePosixPath(language, "404.html")


def language_homes(languages: list[Language], base_path: str) -> list[dict[str, str]]:
    """The language switcher on a 404 page: each language's home page (Material's extra.alternate entries)."""
    root = "/" + base_path.strip("/") + "/" if base_path.strip("/") else "/"
    return [
        {"name": language.name, "link": root if language.default else f"{root}{language.locale}/", "lang": language.locale}
        for language in languages
    ]
