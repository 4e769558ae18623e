"""A parity finding: which rule, where (both files, section, line) and what differs."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any


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
    # A how-to that finishes the message: (hint name, ((placeholder, value), ...)). The rule's declaration
    # (parity.registry) words it; the checker fills it in (parity.checker.with_hint).
    hint: tuple[str, tuple[tuple[str, str], ...]] | None = None
    # MkDocs reports this itself (a broken link, a page outside nav): the build hook leaves it to MkDocs.
    also_reported_by_mkdocs: bool = False

    def __post_init__(self) -> None:
        from parity.registry import RULES  # the rule modules declare their ids before they make findings

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
        del data["hint"], data["also_reported_by_mkdocs"]
        data["files"] = [self.where.file] + ([self.other.file] if self.other else [])
        data["text"] = self.render()
        return data


def words(values: Iterable[object]) -> str:
    """"a, b, c", or "none"."""
    return ", ".join(str(value) for value in values) or "none"


def plural(count: int, noun: str, plural_form: str | None = None) -> str:
    return f"{count} {noun if count == 1 else (plural_form or noun + 's')}"
