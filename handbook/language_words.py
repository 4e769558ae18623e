"""Each language's own words (the 404 page's, the PDF edition's), declared in that language's `extra:` in the i18n
block of mkdocs.yml; mkdocs-static-i18n merges that `extra` into the config for the language's build.

A missing word would otherwise surface as a template error or a KeyError traceback deep in a build, or, worse, as
an empty title. The hooks check their words when the build starts (on_config), and a missing one is one line naming
the language and the key. Adding a language means adding its i18n entry with these words, and nothing else.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

# The words each section needs, per language: what overrides/404.html and hooks/print_edition.py read.
REQUIRED: dict[str, tuple[str, ...]] = {
    "not_found": ("title", "text", "home"),
    "print_edition": ("contents", "date", "published_at", "link"),
}


class MissingWords(Exception):
    """A language lacks a word; the message (one line) says which and where to add it."""


def problems(extras: Mapping[str, Mapping[str, Any] | None], section: str, keys: Iterable[str] | None = None) -> list[str]:
    """One line per missing (or empty) word of `section`, for each language code in `extras` (its i18n `extra`)."""
    wanted = tuple(keys if keys is not None else REQUIRED[section])
    found = []
    for code, extra in extras.items():
        words = (extra or {}).get(section)
        where = f"mkdocs.yml: plugins › i18n › languages › {code} › extra › {section}"
        if not isinstance(words, Mapping):
            found.append(f"{where} is missing: the {code} language needs its words {', '.join(wanted)}")
            continue
        for key in wanted:
            value = words.get(key)
            if not isinstance(value, str) or not value.strip():
                found.append(f"{where} › {key} is missing: add the {code} language's {section}.{key}")
    return found


def language_extras(config: Any) -> dict[str, Mapping[str, Any] | None]:
    """{language code: its `extra` in the i18n block} of a loaded MkDocs config (switcher-only "null" entries left
    out)."""
    i18n = config.plugins.get("i18n") if config.plugins else None
    if i18n is None:
        return {}
    return {entry.locale: entry.extra for entry in i18n.config.languages if entry.locale != "null"}


def check(config: Any, section: str) -> None:
    """Raise MissingWords with the first missing word of `section` (and how many others are missing)."""
    found = problems(language_extras(config), section)
    if found:
        more = f" (and {len(found) - 1} more)" if len(found) > 1 else ""
        raise MissingWords(found[0] + more)


def words(config: Any, language: str, section: str) -> Mapping[str, str]:
    """A language's words of `section`, from its i18n entry (checked by `check` when the build started)."""
    return language_extras(config)[language][section]
