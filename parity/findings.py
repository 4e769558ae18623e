"""A parity finding: which rule, where (both files, section, line) and what differs."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

RULES: dict[str, str] = {
    "P1-pages": "every page exists in both languages",
    "P2-front-matter": "valid YAML front matter with the same keys, including title and description",
    "P3-headings": "same heading levels and explicit ids",
    "P4-blocks": "same lists, tables, admonitions, code, images, footnotes, blockquotes and tabs per section",
    "P5-links": "same internal targets and external URLs per section",
    "P6-figures": "same figures per section",
    "P7-language": "no untranslated prose of the other language",
    "P8-encoding": "UTF-8 only",
    "P9-stale": "both sides confirmed in step in parity.lock.json",
    "P10-terms": "the glossary's key terms used alike in each unit; no forbidden variants",
    "P11-style": "Chinese typography, American spelling, description length, titles and nav in each language",
    "P12-glossary": "both glossaries give the same term pairs, row for row",
}


@dataclass(frozen=True)
class Location:
    """A place in one file."""

    file: str  # "zh/duties.md"
    line: int | None = None

    def __str__(self) -> str:
        return f"{self.file}:{self.line}" if self.line else self.file


@dataclass(frozen=True)
class Finding:
    """One difference between the two languages (or one problem in one file).

    `where` is the file the message starts with; `other` the file it compares against, if any.
    `message` reads after "§ section:", e.g. "list has 15 items; en/duties.md has 16".
    """

    rule: str
    where: Location
    message: str
    other: Location | None = None
    section: str | None = None
    # A how-to that finishes the message, from data/rule-help.yml: (hint name, ((placeholder, value), ...)).
    # The checker fills it in (with_hints); rules only name it, so the wording is the site's, not the code's.
    hint: tuple[str, tuple[tuple[str, str], ...]] | None = None

    def __post_init__(self) -> None:
        if self.rule not in RULES:
            raise ValueError(f"unknown rule id {self.rule!r}")

    @property
    def pair(self) -> str:
        """The page both files are versions of: "duties.md"."""
        return self.where.file.split("/", 1)[1] if "/" in self.where.file else self.where.file

    def render(self) -> str:
        section = f" § {self.section}" if self.section else ""
        return f"{self.where}{section}: {self.message} [{self.rule}]"

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        del data["hint"]  # filled into the message by the checker
        data["files"] = [self.where.file] + ([self.other.file] if self.other else [])
        data["text"] = self.render()
        return data
