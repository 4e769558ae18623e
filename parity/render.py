"""Render a page once, with the site's own Markdown extensions, and read the HTML back (lxml) into a `Page`.

One walker visits the rendered page once: it opens a section at each heading, records blocks and links, collects
the text readers see (for figures and for runs of the other language) and the units the meaning rules compare.
One locator (parity.source) puts source lines on all of them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import lxml.html
import markdown
from lxml.html import HtmlElement

from parity.config import heading_id_maker
from parity.documents import Document, content_hash
from parity.figures import extract_figures, strip_heading_number
from parity import html as dom
from parity.html import UNIT_SKIP, unit_text
from parity.language import impure_runs, is_chinese
from parity.leftovers import english_leftovers
from parity.page import FOOTNOTES, INTRO, Block, Heading, Link, Page, Section, SourceSection, Unit, resolve_link
from parity.source import ADMONITION, Locator, heading_lines, split_source_sections

# toc only adds ids and permalinks. Without it a heading has an id only if the author wrote { #id }, which is what
# the headings rule checks; everything readers see is rendered by the other extensions.
_SKIPPED_EXTENSIONS = frozenset({"toc", "markdown.extensions.toc"})
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_BLOCK_TAGS = frozenset(
    "p li td th dt dd div blockquote pre table tr ul ol dl details summary figure figcaption hr br section".split()
)
_PLAIN_NUMBER = re.compile(r"^\s*\d+(?:,\d{3})*(?:\.\d+)?\s*%?\s*$")  # inline code that is one number (not 1.2.3.4)
_NO_TEXT_TAGS = frozenset({"code", "kbd", "samp", "script", "style", "abbr", "svg", "math", "input"})
_ITEM_SKIP = UNIT_SKIP | {"ul", "ol", "table", "div"}  # an item's own text leaves out what it nests
_MENTION_TAGS = frozenset({"a", "em", "i", "q", "cite", "dfn"})
_PROSE_BLOCKS = frozenset({"p", "dt", "dd", "figcaption", "th", "td", "summary"})
_SKIPPED_LINK_CLASSES = frozenset({"headerlink", "footnote-ref", "footnote-backref"})


@dataclass
class _Open:
    """A section while the walker is in it."""

    key: str
    label: str
    line: int | None
    heading: Heading | None = None
    heading_index: int | None = None  # into the page's headings
    title: Unit | None = None
    blocks: list[list[Any]] = field(default_factory=list)  # [kind, signature, line]
    hrefs: list[str] = field(default_factory=list)
    figures_text: list[str] = field(default_factory=list)
    language_text: list[str] = field(default_factory=list)
    prose_text: list[str] = field(default_factory=list)  # language_text without links, emphasis and quotes
    tables: list[tuple[tuple[Unit, ...], ...]] = field(default_factory=list)
    items: list[Unit] = field(default_factory=list)
    titles: list[Unit] = field(default_factory=list)
    prose: list[Unit] = field(default_factory=list)


class _Walker:
    def __init__(self, locator: Locator, exempt_tables: bool, heading_line: Mapping[int, int | None]) -> None:
        self.locator = locator
        self.exempt_tables = exempt_tables
        self.heading_line = heading_line  # index of a heading below H1 -> its source line
        self.h1: list[str] = []
        self.headings: list[Heading] = []
        self.section = _Open(INTRO, INTRO, None)  # the section being walked: the last of `sections`
        self.sections = [self.section]
        self.path: list[tuple[int, str]] = []
        self.mention = 0  # inside a link or emphasis, where English is named on purpose

    def open(self, section: _Open) -> None:
        self.sections.append(section)
        self.section = section

    def unit(self, kind: str, text: str) -> Unit:
        return Unit(kind, text, self.locator.find(text))

    def text(self, text: str, in_table: bool) -> None:
        section = self.section
        section.figures_text.append(text)
        if not (in_table and self.exempt_tables):
            section.language_text.append(text)
            if not self.mention:
                section.prose_text.append(text)

    def gap(self) -> None:
        section = self.section
        if section.figures_text and section.figures_text[-1] == "\n":
            return  # one break is enough between blocks
        section.figures_text.append("\n")
        section.language_text.append("\n")
        section.prose_text.append("\n")

    def block(self, kind: str, signature: Any, line: int | None = None) -> list[Any]:
        entry = [kind, signature, line]
        self.section.blocks.append(entry)
        return entry

    def heading(self, element: HtmlElement, level: int) -> None:
        text = " ".join(element.text_content().split())
        if level == 1:
            self.h1.append(text)
            self.locator.find(unit_text(element))
        else:
            line = self.heading_line.get(len(self.headings))
            heading = Heading(level, element.get("id") or None, text, line)
            self.headings.append(heading)
            while self.path and self.path[-1][0] >= level:
                self.path.pop()
            self.path.append((level, text))
            self.locator.skip_to(line)
            title = Unit("heading", unit_text(element), line if line is not None else self.locator.find(text))
            key = heading.id or f"#{len(self.headings)}"
            label = " › ".join(name for _, name in self.path)
            self.open(_Open(key, label, line, heading, len(self.headings) - 1, title))
        self.gap()
        self.text(strip_heading_number(text), False)
        self.gap()

    def walk(self, node: HtmlElement, in_list: bool = False, in_table: bool = False, units: bool = True) -> None:
        """Visit `node`'s text and children; each child's tail text belongs to `node`."""
        if node.text:
            self.text(node.text, in_table)
        for child in node:
            self.visit(child, in_list, in_table, units)
            if child.tail:
                self.text(child.tail, in_table)

    def visit(self, child: HtmlElement, in_list: bool, in_table: bool, units: bool) -> None:
        name = child.tag
        if not isinstance(name, str):  # a comment or processing instruction
            return
        if name in _HEADINGS:
            self.heading(child, _HEADINGS[name])
            return
        if name in _NO_TEXT_TAGS:
            if name == "code" and _PLAIN_NUMBER.match(child.text_content() or ""):
                self.section.figures_text.append(f" {child.text_content()} ")  # `1` is the figure 1 written as code
            return
        classes = dom.classes(child)
        if name == "pre" or (name == "div" and "highlight" in classes):
            self.block("code", 1)
            self.gap()
            return
        if name == "sup" and (child.get("id") or "").startswith("fnref"):
            self.block("footnote", 1)
            return
        inner_units = units
        if name == "a":
            if classes & _SKIPPED_LINK_CLASSES:
                return
            if child.get("href"):
                self.section.hrefs.append(str(child.get("href")))
        elif name == "img":
            self.block("image", child.get("src") or "")
        elif name in ("ul", "ol"):
            if not in_list:
                self.walk_list(child, in_table, units)
                return
        elif name == "li" and units:
            self.section.items.append(self.unit("item", unit_text(child, _ITEM_SKIP)))
            self.gap()
            self.walk_item(child, in_table)
            self.gap()
            return
        elif name == "table":
            self.walk_table(child, in_list, units)
            return
        elif name == "div" and "admonition" in classes:
            kinds = [c for c in str(child.get("class")).split() if c != "admonition"]
            self.block("admonition", kinds[0] if kinds else "note",
                       self.locator.next_match(ADMONITION))
        elif name == "details":
            self.block("admonition", "details:" + (child.get("class") or "note").split()[0],
                       self.locator.next_match(ADMONITION))
        elif name == "blockquote":
            self.block("blockquote", 1)
        elif name == "dl":
            self.block("deflist", sum(1 for term in child if term.tag == "dt"))
        elif name == "div" and "tabbed-set" in classes:
            self.block("tabs", dom.tab_count(child))
        elif name == "div" and "footnote" in classes:
            self.open(_Open(FOOTNOTES, FOOTNOTES, None))
        elif units and name == "p" and "admonition-title" in classes:
            self.section.titles.append(self.unit("title", unit_text(child)))
            inner_units = False
        elif units and name == "summary" and child.getparent() is not None and child.getparent().tag == "details":
            self.section.titles.append(self.unit("title", unit_text(child)))
            inner_units = False
        elif units and name in _PROSE_BLOCKS:
            text = unit_text(child)
            if text:
                self.section.prose.append(self.unit("prose", text))
            inner_units = False
        mention = name in _MENTION_TAGS
        self.mention += mention
        if name in _BLOCK_TAGS:
            self.gap()
            self.walk(child, in_list, in_table, inner_units)
            self.gap()
        else:
            self.walk(child, in_list, in_table, inner_units)
        self.mention -= mention

    def walk_item(self, item: HtmlElement, in_table: bool) -> None:
        if item.text:
            self.text(item.text, in_table)
        for child in item:  # nested lists, tables and admonitions are units of their own; the rest is the item's
            self.visit(child, True, in_table, child.tag in ("ul", "ol", "table", "div"))
            if child.tail:
                self.text(child.tail, in_table)

    def walk_list(self, element: HtmlElement, in_table: bool, units: bool) -> None:
        entry = self.block("list", dom.list_signature(element))
        before = len(self.section.items)
        self.gap()
        self.walk(element, True, in_table, units)
        self.gap()
        items = self.section.items[before:]
        entry[2] = items[0].line if items else self.locator.peek(dom.first_line(element))

    def walk_table(self, element: HtmlElement, in_list: bool, units: bool) -> None:
        rows = [[cell for cell in row if cell.tag in ("td", "th")] for row in dom.rows(element)]
        entry = self.block("table", [len(rows), max((len(row) for row in rows), default=0)])
        if units:
            table = tuple(tuple(self.unit("cell", unit_text(cell)) for cell in row) for row in rows)
            self.section.tables.append(table)
            entry[2] = next((cell.line for row in table for cell in row), None)
        if entry[2] is None:
            entry[2] = self.locator.peek(dom.first_line(element))
        self.gap()
        self.walk(element, in_list, True, False)
        self.gap()


class Renderer:
    """Renders pages with the site's Markdown extensions (one reused Markdown instance) into `Page`s."""

    def __init__(self, extensions: Iterable[Any], extension_configs: Mapping[str, Mapping[str, Any]],
                 bilingual_tables: Iterable[str] = ()) -> None:
        self._bilingual_tables = frozenset(bilingual_tables)
        names = [ext for ext in extensions if not (isinstance(ext, str) and ext in _SKIPPED_EXTENSIONS)]
        configs = {name: dict(options) for name, options in extension_configs.items() if name not in _SKIPPED_EXTENSIONS}
        self._markdown = markdown.Markdown(extensions=names, extension_configs=configs)
        self._heading_id = heading_id_maker(extension_configs)

    def render(self, body: str) -> str:
        self._markdown.reset()
        return str(self._markdown.convert(body))

    def page(self, document: Document) -> Page:
        html = self.render(document.body)
        root = lxml.html.fragment_fromstring(html, create_parent="div") if html.strip() else None
        locator = Locator(document.body, document.body_line)
        source_headings = [entry for entry in heading_lines(document.body, document.body_line) if entry[0] > 1]
        rendered = list(root.iter("h2", "h3", "h4", "h5", "h6")) if root is not None else []
        if len(rendered) == len(source_headings):
            lines = {index: line for index, (_, _, line) in enumerate(source_headings)}
        else:
            by_id = {explicit_id: line for _, explicit_id, line in source_headings if explicit_id}
            lines = {index: by_id.get(element.get("id")) for index, element in enumerate(rendered)}
        walker = _Walker(locator, document.rel in self._bilingual_tables, lines)
        anchors: list[str] = []
        if root is not None:
            anchors = [str(element.get("id")) for element in root.iter() if element.get("id")]
            used = set(anchors)  # toc's ids for the others: the site's slugify, de-duplicated (_1, _2) as toc does
            anchors += [self._heading_id(" ".join(h.text_content().split()), used) for h in root.iter(*_HEADINGS) if not h.get("id")]
            walker.walk(root)
        if document.front_matter is not None:
            walker.sections[0].line = document.body_line
        heading_starts = [heading.line for heading in walker.headings]
        sections = [self._section(open_, heading_starts, locator, document) for open_ in walker.sections]
        labels = {open_.key: open_.label for open_ in walker.sections}
        source_sections = tuple(
            SourceSection(key, line, labels.get(key, key), content_hash(text))
            for key, line, text in split_source_sections(document.body, document.body_line)
        )
        return Page(
            lang=document.lang, rel=document.rel, display=document.display, content_hash=document.content_hash,
            text=document.text,
            front_matter=None if document.front_matter is None else {
                key: "" if value is None else str(value) for key, value in document.front_matter.items()
            },
            front_matter_problem=document.front_matter_problem, encoding_problem=document.encoding_problem,
            h1=tuple(walker.h1), headings=tuple(walker.headings), sections=tuple(sections),
            source_sections=source_sections, anchors=tuple(anchors),
        )

    @staticmethod
    def _section(open_: _Open, starts: list[int | None], locator: Locator, document: Document) -> Section:
        heading = open_.heading
        start, end = locator.section_range(open_.key == FOOTNOTES, open_.heading_index, starts)
        runs = [Unit("run", run, locator.find_between(run, start, end))
                for run in impure_runs("".join(open_.language_text), document.lang)]
        if is_chinese(document.lang):  # a leftover inside a run already reported is not reported again
            runs += [Unit("leftover", text, locator.find_between(text, start, end))
                     for text in english_leftovers("".join(open_.prose_text))
                     if not any(text in run.text for run in runs)]
        return Section(
            key=open_.key, label=open_.label, line=open_.line, heading=heading,
            blocks=tuple(Block(kind, signature, line) for kind, signature, line in open_.blocks),
            links=tuple(Link(resolve_link(document.rel, href), href, locator.find_raw(href, start, end))
                        for href in open_.hrefs),
            figures=tuple(extract_figures("".join(open_.figures_text))),
            span=locator.span(start, end),
            runs=tuple(sorted(runs, key=lambda unit: unit.line or 0)),
            title=open_.title, tables=tuple(open_.tables), items=tuple(open_.items), titles=tuple(open_.titles),
            prose=tuple(open_.prose),
        )
