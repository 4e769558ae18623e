"""The units of one page that the meaning-level rules compare: headings, table cells, list items, admonition
titles and each section's running prose, each with its text and its line in the Markdown source.

Pages are rendered with the site's own Markdown extensions (parity.structure.Renderer) and read back with lxml,
so a unit is what a reader sees. Source lines are found by locating each unit's text in the Markdown, in order.
Results are cached on disk (.parity-cache/units.json) by the page's bytes and the checker's settings.
"""

from __future__ import annotations

import multiprocessing
import os
import re
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import lxml.html
from lxml.html import HtmlElement

from parity.cache import JsonFileCache
from parity.documents import Document, load_document
from parity.structure import FOOTNOTES, INTRO, Renderer

UNITS_VERSION = 1
_HEADINGS = {"h2", "h3", "h4", "h5", "h6"}
_SKIP = frozenset({"pre", "code", "kbd", "samp", "script", "style", "svg", "math", "input"})
_PROSE_BLOCKS = frozenset({"p", "dt", "dd", "figcaption", "th", "td", "summary"})
_MARKUP = re.compile(r"\]\([^)]*\)|\{[^}]*\}|<https?://[^>]*>|[\s*_`\[\]<>|#!\"'“”‘’\\~=:+-]")


@dataclass(frozen=True)
class Unit:
    """One comparable piece of a page."""

    kind: str  # "heading", "cell", "item", "title" or "prose"
    text: str
    line: int | None


@dataclass(frozen=True)
class Section:
    key: str  # the heading's id, "(introduction)", "(footnotes)", or "#<n>" for a heading without an id
    label: str  # heading path, as in other messages: "Duties › Details"
    line: int | None
    heading: Unit | None = None
    tables: list[list[list[Unit]]] = field(default_factory=list)  # table -> rows -> cells
    items: list[Unit] = field(default_factory=list)  # every list item in order, nested ones included
    titles: list[Unit] = field(default_factory=list)  # admonition and details titles
    prose: list[Unit] = field(default_factory=list)  # paragraphs and other running text


@dataclass(frozen=True)
class PageUnits:
    lang: str
    rel: str
    display: str
    sections: list[Section]

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @staticmethod
    def from_json(data: dict[str, Any]) -> PageUnits:
        def unit(value: dict[str, Any] | None) -> Unit | None:
            return Unit(**value) if value else None

        sections = [
            Section(
                key=s["key"],
                label=s["label"],
                line=s["line"],
                heading=unit(s["heading"]),
                tables=[[[Unit(**c) for c in row] for row in table] for table in s["tables"]],
                items=[Unit(**u) for u in s["items"]],
                titles=[Unit(**u) for u in s["titles"]],
                prose=[Unit(**u) for u in s["prose"]],
            )
            for s in data["sections"]
        ]
        return PageUnits(data["lang"], data["rel"], data["display"], sections)


def _plain(text: str) -> str:
    """Text without Markdown punctuation and spaces, for locating rendered text in the source."""
    return _MARKUP.sub("", text)


class _Locator:
    """Finds the source line of each unit, in document order."""

    def __init__(self, body: str, body_line: int) -> None:
        self._lines = [_plain(line) for line in body.split("\n")]
        self._first = body_line
        self._cursor = 0

    def find(self, text: str) -> int | None:
        probe = _plain(text)[:16]
        if not probe:
            return None
        for index in range(self._cursor, len(self._lines)):
            if probe in self._lines[index]:
                self._cursor = index
                return self._first + index
        return None

    def skip_to(self, line: int | None) -> None:
        if line is not None:
            self._cursor = max(self._cursor, line - self._first)


def _classes(element: HtmlElement) -> set[str]:
    return set((element.get("class") or "").split())


def _text(element: HtmlElement, skip: frozenset[str] = _SKIP) -> str:
    """The element's visible text, leaving out code, footnote references and the given tags."""
    parts: list[str] = []

    def visit(node: HtmlElement) -> None:
        if node.text:
            parts.append(node.text)
        for child in node:
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag and tag not in skip and "footnote-ref" not in _classes(child) and "headerlink" not in _classes(child):
                visit(child)
            if child.tail:
                parts.append(child.tail)

    visit(element)
    return " ".join("".join(parts).split())


_NESTED = frozenset(_SKIP | {"ul", "ol", "table", "div"})


class _Walker:
    def __init__(self, locator: _Locator) -> None:
        self.locator = locator
        self.sections: list[Section] = [Section(INTRO, INTRO, None)]
        self.path: list[tuple[int, str]] = []
        self.count = 0

    @property
    def section(self) -> Section:
        return self.sections[-1]

    def unit(self, kind: str, text: str) -> Unit:
        return Unit(kind, text, self.locator.find(text))

    def walk(self, children: Iterable[HtmlElement]) -> None:
        for child in children:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP:
                continue
            classes = _classes(child)
            if tag == "h1":
                self.locator.find(_text(child))
            elif tag in _HEADINGS:
                level = int(tag[1])
                text = _text(child)
                heading = self.unit("heading", text)
                while self.path and self.path[-1][0] >= level:
                    self.path.pop()
                self.path.append((level, text))
                self.count += 1
                key = child.get("id") or f"#{self.count}"
                label = " › ".join(name for _, name in self.path)
                self.sections.append(Section(key, label, heading.line, heading=heading))
            elif tag == "table":
                rows: list[list[Unit]] = []
                for row in child.iter("tr"):
                    if next(row.iterancestors("table"), None) is not child:
                        continue
                    rows.append([self.unit("cell", _text(cell)) for cell in row if cell.tag in ("td", "th")])
                self.section.tables.append(rows)
            elif tag in ("ul", "ol"):
                for item in child:
                    if item.tag != "li":
                        continue
                    self.section.items.append(self.unit("item", _text(item, _NESTED)))
                    self.walk(inner for inner in item if inner.tag != "p")
            elif tag == "div" and ("admonition" in classes):
                for inner in child:
                    if inner.tag == "p" and "admonition-title" in _classes(inner):
                        self.section.titles.append(self.unit("title", _text(inner)))
                    else:
                        self.walk([inner])
            elif tag == "details":
                for inner in child:
                    if inner.tag == "summary":
                        self.section.titles.append(self.unit("title", _text(inner)))
                    else:
                        self.walk([inner])
            elif tag == "div" and "footnote" in classes:
                self.sections.append(Section(FOOTNOTES, FOOTNOTES, None))
                self.walk(child)
            elif tag in _PROSE_BLOCKS:
                text = _text(child)
                if text:
                    self.section.prose.append(self.unit("prose", text))
            else:
                self.walk(child)


def page_units(renderer: Renderer, document: Document) -> PageUnits:
    """The units of one page."""
    html = renderer.render(document.body)
    walker = _Walker(_Locator(document.body, document.body_line))
    if html.strip():
        walker.walk(lxml.html.fragment_fromstring(html, create_parent="div"))
    sections = walker.sections
    if document.front_matter is not None and sections[0].line is None:
        sections[0] = Section(INTRO, INTRO, document.body_line, None, sections[0].tables, sections[0].items,
                              sections[0].titles, sections[0].prose)
    return PageUnits(document.lang, document.rel, document.display, sections)


class UnitsCache(JsonFileCache):
    """Page units, and the meaning-level rules' findings, on disk (.parity-cache/units.json), keyed by the pages'
    bytes and the checker's settings (and, for findings, the rule data)."""

    def __init__(self, directory: Path | None, settings: str) -> None:
        super().__init__(directory, "units.json", f"{UNITS_VERSION}:{settings}")

    def get(self, key: str) -> PageUnits | None:
        data = self.get_raw(key)
        return None if data is None else PageUnits.from_json(data)

    def put(self, key: str, units: PageUnits) -> None:
        self.put_raw(key, units.to_json())


_worker_renderer: Renderer | None = None


def _init_worker(extensions: Sequence[Any], extension_configs: Any) -> None:
    global _worker_renderer
    _worker_renderer = Renderer(extensions, extension_configs)


def _units_in_worker(job: tuple[str, str, bytes]) -> PageUnits:
    assert _worker_renderer is not None
    lang, rel, raw = job
    return page_units(_worker_renderer, load_document(Path("."), lang, rel, raw))


def all_units(
    extensions: Sequence[Any],
    extension_configs: Any,
    jobs: Sequence[tuple[str, str, bytes]],
    cache: UnitsCache,
    parallel_threshold: int = 200,
) -> dict[tuple[str, str], PageUnits]:
    """(lang, rel) -> units for each (lang, rel, raw bytes) job; only pages not in the cache are rendered, in a
    process pool when there are many (as parity.checker does for summaries)."""
    result: dict[tuple[str, str], PageUnits] = {}
    todo: list[tuple[str, str, bytes]] = []
    keys: dict[tuple[str, str], str] = {}
    for lang, rel, raw in jobs:
        key = cache.key(lang, rel, raw)
        keys[(lang, rel)] = key
        units = cache.get(key)
        if units is None:
            todo.append((lang, rel, raw))
        else:
            result[(lang, rel)] = units
    if todo:
        workers = min(os.cpu_count() or 1, 4) if len(todo) >= parallel_threshold else 1
        fresh: list[PageUnits]
        if workers > 1 and "fork" in multiprocessing.get_all_start_methods():
            with ProcessPoolExecutor(
                max_workers=workers,
                mp_context=multiprocessing.get_context("fork"),
                initializer=_init_worker,
                initargs=(extensions, extension_configs),
            ) as pool:
                fresh = list(pool.map(_units_in_worker, todo, chunksize=max(1, len(todo) // (workers * 8))))
        else:
            renderer = Renderer(extensions, extension_configs)
            fresh = [page_units(renderer, load_document(Path("."), lang, rel, raw)) for lang, rel, raw in todo]
        for (lang, rel, _), units in zip(todo, fresh):
            result[(lang, rel)] = units
            cache.put(keys[(lang, rel)], units)
    return result


def source_lines(document_text: str) -> list[tuple[int, str]]:
    """(file line, text) of every line outside fenced code blocks."""
    found: list[tuple[int, str]] = []
    fence: str | None = None
    for number, line in enumerate(document_text.split("\n"), start=1):
        stripped = line.strip()
        if stripped.startswith(("```", "~~~")):
            marker = stripped[:3]
            fence = marker if fence is None else (None if marker == fence else fence)
            continue
        if fence is None:
            found.append((number, line))
    return found

