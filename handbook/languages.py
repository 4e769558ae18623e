"""Which language a page belongs to, from its path under docs/ (docs_structure: folder)."""

from __future__ import annotations

from pathlib import PurePosixPath

LANGUAGES: tuple[str, ...] = ("en", "zh")
DEFAULT_LANGUAGE = "en"


def language_of(src_uri: str) -> str:
    """Return the language folder a docs-relative path lives in, e.g. ``zh/role.md`` → ``zh``.

    Files outside a language folder (shared assets) belong to the default language.
    """
    parts = PurePosixPath(src_uri).parts
    if parts and parts[0] in LANGUAGES:
        return parts[0]
    return DEFAULT_LANGUAGE
