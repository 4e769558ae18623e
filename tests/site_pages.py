"""Every page of the site, in both languages, derived from the files under docs/."""

from __future__ import annotations

from pathlib import Path

DOCS = Path(__file__).resolve().parent.parent / "docs"
LANGUAGES = ("en", "zh")
LANGUAGE_ROOT = {"en": "", "zh": "zh/"}


def page_url_path(relative_md: Path) -> str:
    """docs-relative page path → served path: role.md → role/, frameworks/index.md → frameworks/, index.md → ''."""
    parts = list(relative_md.with_suffix("").parts)
    if parts[-1] == "index":
        parts = parts[:-1]
    return "".join(f"{part}/" for part in parts)


def page_slugs() -> list[str]:
    """Served paths of the English pages (the Chinese ones are the same under zh/)."""
    return sorted(page_url_path(md.relative_to(DOCS / "en")) for md in (DOCS / "en").rglob("*.md"))


def all_pages() -> list[tuple[str, str]]:
    """(language, served path relative to the site root) for every page of both languages."""
    return [(language, LANGUAGE_ROOT[language] + slug) for language in LANGUAGES for slug in page_slugs()]
