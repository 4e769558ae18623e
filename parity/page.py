"""The one page model every rule reads: a page in one language, rendered once (parity.render), as frozen
dataclasses.

A `Page` holds its sections in order. A section is keyed by its heading's explicit id (`{ #id }`); the
introduction and the footnotes by kind; a heading without an id by its position (`#3`, the third heading). Each
section holds its blocks (lists, tables, admonitions, ...), its units (heading, table cells, list items, admonition
titles, paragraphs of prose, each with its source line), its links, its figures and its runs of the other
language. `match_sections` is the one way two pages' sections are paired.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from parity.documents import EncodingProblem, FrontMatterProblem

INTRO = "(introduction)"
FOOTNOTES = "(footnotes)"
_EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.\-]*:|//)", re.IGNORECASE)


def resolve_link(rel: str, href: str) -> str:
    """A link target as comparable text: external URLs as written, internal ones as `page.md#anchor`."""
    href = href.strip()
    if _EXTERNAL.match(href):
        return href
    path, _, fragment = href.partition("#")
    path = path.split("?", 1)[0]
    target = posixpath.normpath(posixpath.join(posixpath.dirname(rel), path)) if path else rel
    return f"{target}#{fragment}" if fragment else target


@dataclass(frozen=True)
class Unit:
    """One comparable piece of text as a reader sees it, with its line in the Markdown source (None: not found)."""

    kind: str  # heading, cell, item, title or prose; run or leftover for text of the other language (P7)
    text: str
    line: int | None


@dataclass(frozen=True)
class Heading:
    """A heading below H1."""

    level: int
    id: str | None  # the explicit { #id }, if the author wrote one
    text: str
    line: int | None


@dataclass(frozen=True)
class Block:
    """A list, table, admonition, code block, image, footnote reference, blockquote, tab set or definition list.

    `signature` is what P4 compares: a list's kind and nesting, a table's rows × columns, an admonition's type, a
    tab set's tab count, a definition list's term count; 1 for the others (an image's is its src)."""

    kind: str  # list, table, admonition, code, image, footnote, blockquote, tabs or deflist
    signature: Any
    line: int | None


@dataclass(frozen=True)
class Link:
    target: str  # comparable: an external URL as written, an internal one as `page.md#anchor`
    href: str  # as written
    line: int | None


@dataclass(frozen=True)
class Section:
    key: str  # explicit heading id, INTRO, FOOTNOTES, or "#<n>" for the n-th heading when it has no id
    label: str  # heading path as messages name it: "Duties › Details"
    line: int | None
    heading: Heading | None = None
    blocks: tuple[Block, ...] = ()
    links: tuple[Link, ...] = ()
    figures: tuple[str, ...] = ()  # canonical figures in reading order (parity.figures)
    span: tuple[int, int] = (1, 1)  # the file lines [first, end) the section's source spans
    runs: tuple[Unit, ...] = ()  # runs of the other language (P7)
    title: Unit | None = None  # the heading as a unit
    tables: tuple[tuple[tuple[Unit, ...], ...], ...] = ()  # table -> rows -> cells
    items: tuple[Unit, ...] = ()  # every list item in order, nested ones included
    titles: tuple[Unit, ...] = ()  # admonition and details titles
    prose: tuple[Unit, ...] = ()  # paragraphs and other running text

    def blocks_of(self, kind: str) -> list[Block]:
        return [block for block in self.blocks if block.kind == kind]

    def units(self) -> Iterator[Unit]:
        """Every unit of the section, in kind order (heading, cells, items, titles, prose)."""
        if self.title:
            yield self.title
        for table in self.tables:
            for row in table:
                yield from row
        yield from self.items
        yield from self.titles
        yield from self.prose


@dataclass(frozen=True)
class SourceSection:
    """One section of the Markdown source, as the lock hashes it: from its heading to the next heading."""

    key: str  # the heading's explicit id; INTRO; or "(line N)" for a heading without an id
    line: int  # the heading's line in the file (the body's first line for the introduction)
    label: str
    hash: str  # sha256 of the section's normalised text


@dataclass(frozen=True)
class Page:
    """Everything the rules read about one page in one language (cached whole by parity.cache)."""

    lang: str
    rel: str
    display: str  # "zh/duties.md"
    content_hash: str
    text: str  # the decoded file
    front_matter: Mapping[str, str] | None  # key -> value as text; None when missing or invalid
    front_matter_problem: FrontMatterProblem | None
    encoding_problem: EncodingProblem | None
    h1: tuple[str, ...]
    headings: tuple[Heading, ...]  # below H1
    sections: tuple[Section, ...]
    source_sections: tuple[SourceSection, ...]
    anchors: tuple[str, ...]  # every id a link can point at: explicit ids, footnotes, toc's slugs of the others

    @property
    def title(self) -> str:
        return (self.front_matter or {}).get("title", "")

    def section_hashes(self) -> dict[str, str]:
        """The source sections as the lock records them: key -> hash, in page order."""
        return {section.key: section.hash for section in self.source_sections}

    def source_section(self, key: str) -> SourceSection | None:
        return next((section for section in self.source_sections if section.key == key), None)


def match_sections(first: Page, second: Page) -> list[tuple[Section, Section]]:
    """Corresponding sections: the introduction and footnotes by kind, headings by explicit id, then the rest by
    position. Every rule pairs sections this way."""
    by_key: dict[str, Section] = {}
    for section in second.sections:
        if not section.key.startswith("#"):
            by_key.setdefault(section.key, section)
    used: set[int] = set()
    pairs: list[tuple[Section, Section]] = []
    unmatched: list[Section] = []
    for section in first.sections:
        partner = by_key.get(section.key) if not section.key.startswith("#") else None
        if partner is not None and id(partner) not in used:
            used.add(id(partner))
            pairs.append((section, partner))
        else:
            unmatched.append(section)
    rest = [section for section in second.sections if id(section) not in used]
    pairs.extend(zip(unmatched, rest))
    return pairs


def counterpart_labels(page: Page, other: Page | None) -> dict[str, str]:
    """Section key -> label as `other` names it, so messages about a page name sections as the default language's
    page does (as every pair rule's messages do)."""
    if other is None:
        return {}
    return {a.key: b.label for a, b in match_sections(page, other)}
