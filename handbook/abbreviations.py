"""Append a language's abbreviation definitions to a page, so the `abbr` extension explains them on hover."""

from __future__ import annotations

from pathlib import Path


class AbbreviationsError(Exception):
    """The abbreviation file for a language is missing or unreadable."""


def abbreviations_file(includes_dir: Path, language: str) -> Path:
    return includes_dir / "abbreviations" / f"{language}.md"


def load_abbreviations(includes_dir: Path, language: str) -> str:
    path = abbreviations_file(includes_dir, language)
    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError as error:
        raise AbbreviationsError(f"{path}: abbreviation file for language '{language}' is missing") from error
    except UnicodeDecodeError as error:
        raise AbbreviationsError(f"{path}: not UTF-8 ({error.reason} at byte {error.start}); save it as UTF-8") from error


def append_abbreviations(markdown: str, definitions: str) -> str:
    """Return the page's markdown with the definitions after it, separated by a blank line."""
    return f"{markdown.rstrip()}\n\n{definitions.strip()}\n"
