"""What a reader sees on one page, section by section: render the Markdown with the site's own extensions and
read the HTML back with lxml's HTML parser.

The result is a `PageSummary` of frozen dataclasses; parity.cache turns it into JSON and back.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import lxml.html
import markdown
from parity.config import heading_id_maker
from lxml.html import HtmlElement

from parity.documents import Document, EncodingProblem, FrontMatterProblem, content_hash
from parity.figures import extract_figures, strip_heading_number
from parity.language import impure_runs

SUMMARY_VERSION = 7  # bump when the summary's shape or meaning changes, so cached summaries are not reused

INTRO = "(introduction)"
FOOTNOTES = "(footnotes)"
BLOCK_KINDS = ("list", "table", "admonition", "code", "image", "footnote", "blockquote", "tabs", "deflist")
# toc only adds ids and permalinks. Without it a heading has an id only if the author wrote { #id }, which is what
# the headings rule checks; everything readers see is rendered by the other extensions.
_SKIPPED_EXTENSIONS = frozenset({"toc", "markdown.extensions.toc"})
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_BLOCK_TAGS = frozenset(
    "p li td th dt dd div blockquote pre table tr ul ol dl details summary figure figcaption hr br section".split()
)
_NO_TEXT_TAGS = frozenset({"code", "kbd", "samp", "script", "style", "abbr", "svg", "math", "input"})
_SKIPPED_LINK_CLASSES = frozenset({"headerlink", "footnote-ref", "footnote-backref"})
_EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.\-]*:|//)", re.IGNORECASE)
_ATX_HEADING = re.compile(r"^ {0,3}(?:>\s*)?(?:\s{4})*(#{1,6})(?:\s+|$)(.*)$")
_EXPLICIT_ID = re.compile(r"\{[^}]*#([^\s}]+)[^}]*\}\s*#*\s*$")
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")


@dataclass
class HeadingInfo:
    """A heading below H1, as rendered; its source line is filled in once the source has been read."""

    level: int
    id: str | None
    text: str
    line: int | None = None


@dataclass(frozen=True)
class SectionSummary:
    """What readers see in one section: its blocks, links, figures and any prose of the other language."""

    key: str  # "(introduction)", "(footnotes)", or the heading's index as a string
    heading: int | None  # index into PageSummary.headings
    path: list[str]  # heading texts from H2 down to this section's heading
    line: int | None
    blocks: dict[str, list[Any]]  # kind -> signatures in order
    links: list[str]
    figures: list[str]
    impure: list[str]  # runs of the other language
    # Source lines, so messages point at the list, table, figure, link or sentence rather than the heading
    # (None where the text could not be found in the source).
    block_lines: dict[str, list[int | None]] = field(default_factory=dict)  # kind -> line of each, in order
    figure_lines: dict[str, list[int]] = field(default_factory=dict)  # figure -> lines where it is written
    link_lines: list[int | None] = field(default_factory=list)  # parallel to links
    impure_lines: list[int | None] = field(default_factory=list)  # parallel to impure


@dataclass(frozen=True)
class SourceSection:
    """One section of the Markdown source, as the lock hashes it: from its heading to the next heading."""

    key: str  # the heading's explicit id; "(introduction)"; or "(line N)" for a heading without an id
    line: int  # the heading's line in the file (the body's first line for the introduction)
    label: str  # the heading path, as messages name the section
    hash: str  # sha256 of the section's normalised text


@dataclass(frozen=True)
class PageSummary:
    """Everything the rules compare about one page in one language (cached on disk by parity.cache)."""

    lang: str
    rel: str
    display: str
    content_hash: str
    front_matter: dict[str, str] | None  # key -> value as text; None when missing or invalid
    front_matter_problem: FrontMatterProblem | None
    encoding_problem: EncodingProblem | None
    h1: list[str]
    headings: list[HeadingInfo]  # below H1
    sections: list[SectionSummary]
    source_sections: list[SourceSection]
    anchors: list[str]  # every id a link can point at: explicit ids, footnotes, and toc's slugs of the others


def _new_section(key: str, heading: int | None, path: list[str], line: int | None) -> dict[str, Any]:
    return {
        "key": key,
        "heading": heading,
        "path": path,
        "line": line,
        "blocks": {},
        "links": [],
        "figures_text": [],
        "language_text": [],
        "probes": {},  # kind -> text that finds each block's line in the source
        "hrefs": [],  # links as written, parallel to "links"
    }


def source_heading_lines(body: str, body_line: int) -> list[tuple[int, str | None, int]]:
    """(level, explicit id, file line) of each ATX heading in the Markdown source, outside fenced code.

    Only used to put line numbers on messages; the structure itself comes from the rendered HTML.
    """
    found: list[tuple[int, str | None, int]] = []
    fence: str | None = None
    for offset, line in enumerate(body.split("\n")):
        fence_match = _FENCE.match(line)
        if fence_match:
            marker = fence_match.group(1)
            if fence is None:
                fence = marker[0] * 3
            elif marker.startswith(fence):
                fence = None
            continue
        if fence is not None:
            continue
        match = _ATX_HEADING.match(line)
        if match:
            id_match = _EXPLICIT_ID.search(match.group(2))
            found.append((len(match.group(1)), id_match.group(1) if id_match else None, body_line + offset))
    return found


def split_source_sections(body: str, body_line: int) -> list[tuple[str, int, str]]:
    """(key, first line, text) of each section of the Markdown source: the introduction, then one per heading
    below H1 (an H1 stays in the introduction). Keys are explicit heading ids, so a section keeps its key when
    headings are added or moved around it."""
    lines = body.split("\n")
    starts = [(explicit_id, line) for level, explicit_id, line in source_heading_lines(body, body_line) if level > 1]
    sections: list[tuple[str, int, str]] = []
    boundaries = [line for _, line in starts] + [body_line + len(lines)]
    sections.append((INTRO, body_line, "\n".join(lines[: boundaries[0] - body_line])))
    for index, (explicit_id, line) in enumerate(starts):
        text = "\n".join(lines[line - body_line : boundaries[index + 1] - body_line])
        sections.append((explicit_id or f"(line {line})", line, text))
    return sections


def _classes(element: HtmlElement) -> list[str]:
    return (element.get("class") or "").split()


def _nearest(element: HtmlElement, tag: str) -> HtmlElement | None:
    return next(element.iterancestors(tag), None)


def _list_signature(element: HtmlElement) -> list[Any]:
    """["ul", [nested lists of item 1, nested lists of item 2, ...]]; each nested list has the same shape."""
    items: list[list[Any]] = []
    for item in element:
        if item.tag != "li":
            continue
        nested = [_list_signature(candidate) for candidate in item.iterdescendants("ul", "ol") if _nearest(candidate, "li") is item]
        items.append(nested)
    return [element.tag, items]


def _table_signature(element: HtmlElement) -> list[int]:
    rows = [row for row in element.iter("tr") if _nearest(row, "table") is element]
    columns = max((sum(1 for cell in row if cell.tag in ("td", "th")) for row in rows), default=0)
    return [len(rows), columns]


def _tab_count(element: HtmlElement) -> int:
    for child in element:
        if child.tag == "div" and "tabbed-labels" in _classes(child):
            return sum(1 for label in child if label.tag == "label")
    return sum(1 for child in element if child.tag == "input")


def resolve_link(rel: str, href: str) -> str:
    """A link target as comparable text: external URLs as written, internal ones as `page.md#anchor`."""
    href = href.strip()
    if _EXTERNAL.match(href):
        return href
    path, _, fragment = href.partition("#")
    path = path.split("?", 1)[0]
    if path:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(rel), path))
    else:
        target = rel
    return f"{target}#{fragment}" if fragment else target


class _PageWalker:
    """One pass over a rendered page, collecting headings and per-section blocks, links and text."""

    def __init__(self, rel: str, language_exempt_tables: bool) -> None:
        self.rel = rel
        self.language_exempt_tables = language_exempt_tables
        self.h1: list[str] = []
        self.headings: list[HeadingInfo] = []
        self.sections: list[dict[str, Any]] = [_new_section(INTRO, None, [], None)]
        self._path: list[tuple[int, str]] = []

    @property
    def section(self) -> dict[str, Any]:
        return self.sections[-1]

    def _probe(self, kind: str, element: HtmlElement) -> None:
        """Remember the first line of a block's first item or cell, to find the block's line in the source."""
        first = next((item for item in element.iter("li", "td", "th")), element)
        lines = [" ".join(line.split()) for line in first.text_content().split("\n")]
        self.section["probes"].setdefault(kind, []).append(next((line for line in lines if line), "")[:40])

    def _record(self, kind: str, signature: Any) -> None:
        self.section["blocks"].setdefault(kind, []).append(signature)

    def _text(self, text: str, in_table: bool) -> None:
        self.section["figures_text"].append(text)
        if not (in_table and self.language_exempt_tables):
            self.section["language_text"].append(text)

    def _break(self) -> None:
        self.section["figures_text"].append("\n")
        self.section["language_text"].append("\n")

    def _heading(self, element: HtmlElement, level: int) -> None:
        text = " ".join(element.text_content().split())
        if level == 1:
            self.h1.append(text)
            self._break()
            self._text(strip_heading_number(text), False)
            self._break()
            return
        explicit_id = element.get("id")
        index = len(self.headings)
        self.headings.append(HeadingInfo(level, explicit_id or None, text))
        while self._path and self._path[-1][0] >= level:
            self._path.pop()
        self._path.append((level, text))
        self.sections.append(_new_section(str(index), index, [name for _, name in self._path], None))
        self._text(strip_heading_number(text), False)
        self._break()

    def walk(self, node: HtmlElement, in_list: bool = False, in_table: bool = False) -> None:
        """Visit `node`'s text and children; each child's tail text belongs to `node`."""
        if node.text:
            self._text(node.text, in_table)
        for child in node:
            self._visit(child, in_list, in_table)
            if child.tail:
                self._text(child.tail, in_table)

    def _visit(self, child: HtmlElement, in_list: bool, in_table: bool) -> None:
        name = child.tag
        if not isinstance(name, str):  # a comment or processing instruction
            return
        if name in _HEADINGS:
            self._heading(child, _HEADINGS[name])
            return
        if name in _NO_TEXT_TAGS:
            return
        classes = _classes(child)
        if name == "pre" or (name == "div" and "highlight" in classes):
            self._record("code", 1)
            self._break()
            return
        if name == "sup" and (child.get("id") or "").startswith("fnref"):
            self._record("footnote", 1)
            return
        if name == "a":
            if _SKIPPED_LINK_CLASSES.intersection(classes):
                return
            href = child.get("href")
            if href:
                self.section["links"].append(resolve_link(self.rel, href))
                self.section["hrefs"].append(href)
        elif name == "img":
            self._record("image", child.get("src") or "")
        elif name in ("ul", "ol"):
            if not in_list:
                self._record("list", _list_signature(child))
                self._probe("list", child)
            in_list = True
        elif name == "table":
            self._record("table", _table_signature(child))
            self._probe("table", child)
            in_table = True
        elif name == "div" and "admonition" in classes:
            self._record("admonition", next((c for c in classes if c != "admonition"), "note"))
        elif name == "details":
            self._record("admonition", "details:" + next(iter(classes), "note"))
        elif name == "blockquote":
            self._record("blockquote", 1)
        elif name == "dl":
            self._record("deflist", sum(1 for term in child if term.tag == "dt"))
        elif name == "div" and "tabbed-set" in classes:
            self._record("tabs", _tab_count(child))
        elif name == "div" and "footnote" in classes:
            self.sections.append(_new_section(FOOTNOTES, None, [FOOTNOTES], None))
        if name in _BLOCK_TAGS:
            self._break()
            self.walk(child, in_list, in_table)
            self._break()
        else:
            self.walk(child, in_list, in_table)


class Renderer:
    """Renders pages with the site's Markdown extensions (one reused Markdown instance) and summarises them."""

    def __init__(
        self,
        extensions: Iterable[Any],
        extension_configs: Mapping[str, Mapping[str, Any]],
        bilingual_tables: Iterable[str] = (),
    ) -> None:
        self._bilingual_tables = frozenset(bilingual_tables)
        names = [ext for ext in extensions if not (isinstance(ext, str) and ext in _SKIPPED_EXTENSIONS)]
        configs = {name: dict(options) for name, options in extension_configs.items() if name not in _SKIPPED_EXTENSIONS}
        self._markdown = markdown.Markdown(extensions=names, extension_configs=configs)
        self._heading_id = heading_id_maker(extension_configs)

    def render(self, body: str) -> str:
        self._markdown.reset()
        return str(self._markdown.convert(body))

    def summarise(self, document: Document) -> PageSummary:
        html = self.render(document.body)
        walker = _PageWalker(document.rel, language_exempt_tables=document.rel in self._bilingual_tables)
        anchors: list[str] = []
        if html.strip():
            root = lxml.html.fragment_fromstring(html, create_parent="div")
            anchors = [str(element.get("id")) for element in root.iter() if element.get("id")]
            used = set(anchors)  # toc's ids for the others: the site's slugify, de-duplicated (_1, _2) as toc does
            for heading in root.iter(*_HEADINGS):
                if not heading.get("id"):
                    anchors.append(self._heading_id(" ".join(heading.text_content().split()), used))
            walker.walk(root)
        _attach_lines(walker.headings, source_heading_lines(document.body, document.body_line))
        sections: list[SectionSummary] = []
        source = _SourceLines(document.body, document.body_line)
        heading_lines = [heading.line for heading in walker.headings]
        for raw in walker.sections:
            heading = raw["heading"]
            line = walker.headings[heading].line if heading is not None else None
            if raw["key"] == INTRO and document.front_matter is not None:
                line = document.body_line
            start, end = source.section_range(raw["key"], heading, heading_lines)
            impure = impure_runs("".join(raw["language_text"]), document.lang)
            sections.append(
                SectionSummary(
                    key=raw["key"],
                    heading=heading,
                    path=raw["path"],
                    line=line,
                    blocks=raw["blocks"],
                    links=raw["links"],
                    figures=extract_figures("".join(raw["figures_text"])),
                    impure=impure,
                    block_lines={
                        **{kind: [source.find(probe, start, end) for probe in probes] for kind, probes in raw["probes"].items()},
                        "admonition": source.admonition_lines(start, end),
                    },
                    figure_lines=source.figure_lines(start, end),
                    link_lines=[source.find_raw(href, start, end) for href in raw["hrefs"]],
                    impure_lines=[source.find(run, start, end) for run in impure],
                )
            )
        labels = {
            walker.headings[raw["heading"]].id: " › ".join(raw["path"])
            for raw in walker.sections
            if raw["heading"] is not None and walker.headings[raw["heading"]].id
        }
        source_sections = [
            SourceSection(key, line, INTRO if key == INTRO else labels.get(key, key), content_hash(text))
            for key, line, text in split_source_sections(document.body, document.body_line)
        ]
        return PageSummary(
            lang=document.lang,
            rel=document.rel,
            display=document.display,
            content_hash=document.content_hash,
            front_matter=_front_matter_text(document.front_matter),
            front_matter_problem=document.front_matter_problem,
            encoding_problem=document.encoding_problem,
            h1=walker.h1,
            headings=walker.headings,
            sections=sections,
            source_sections=source_sections,
            anchors=anchors,
        )


_MARKUP = re.compile(r"\[\^[^\]]*\]|\]\([^)]*\)|\{[^}]*\}|[*_`~\[\]<>|#!]|^\s*(?:[-+]|\d+[.)])\s+|^\s*>")
_LIST_MARKER = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_LINK_TARGET = re.compile(r"\]\([^)]*\)|<https?://[^>]*>|https?://\S+")
_ADMONITION = re.compile(r"^\s*(?:!!!|\?\?\?\+?)\s")


def _plain(text: str) -> str:
    return " ".join(_MARKUP.sub(" ", text).split())


class _SourceLines:
    """Finds where a block, figure, link or sentence is written in a page's Markdown source."""

    def __init__(self, body: str, body_line: int) -> None:
        self.body_line = body_line
        self.lines = body.split("\n")
        self.plain = [_plain(line) for line in self.lines]

    def section_range(self, key: str, heading: int | None, heading_lines: list[int | None]) -> tuple[int, int]:
        """0-based [start, end) of a section's source lines; footnotes and unknown lines search the whole page."""
        known = [line - self.body_line for line in heading_lines if line is not None]
        if key == FOOTNOTES or len(known) != len(heading_lines):
            return 0, len(self.lines)
        if heading is None:
            return 0, known[0] if known else len(self.lines)
        start = known[heading]
        return start, known[heading + 1] if heading + 1 < len(known) else len(self.lines)

    def find(self, text: str, start: int, end: int) -> int | None:
        probe = _plain(text)[:16].strip()
        if not probe:
            return None
        for index in range(start, end):
            if probe in self.plain[index]:
                return self.body_line + index
        return None

    def find_raw(self, text: str, start: int, end: int) -> int | None:
        for index in range(start, end):
            if text in self.lines[index]:
                return self.body_line + index
        return None

    def admonition_lines(self, start: int, end: int) -> list[int | None]:
        return [self.body_line + index for index in range(start, end) if _ADMONITION.match(self.lines[index])]

    def figure_lines(self, start: int, end: int) -> dict[str, list[int]]:
        found: dict[str, list[int]] = {}
        fence = False
        for index in range(start, end):
            line = self.lines[index]
            if _FENCE.match(line):
                fence = not fence
                continue
            if fence or _ATX_HEADING.match(line):
                continue
            text = _LINK_TARGET.sub(" ", _LIST_MARKER.sub("", line))
            for figure in extract_figures(text):
                found.setdefault(figure, []).append(self.body_line + index)
        return found


def _front_matter_text(front_matter: dict[str, object] | None) -> dict[str, str] | None:
    if front_matter is None:
        return None
    return {key: "" if value is None else str(value) for key, value in front_matter.items()}


def _attach_lines(headings: list[HeadingInfo], source: list[tuple[int, str | None, int]]) -> None:
    """Give each rendered heading (below H1) its source line: by order when the counts agree, else by id."""
    below_h1 = [entry for entry in source if entry[0] > 1]
    if len(below_h1) == len(headings):
        for heading, (_, _, line) in zip(headings, below_h1):
            heading.line = line
        return
    by_id = {explicit_id: line for _, explicit_id, line in below_h1 if explicit_id}
    for heading in headings:
        if heading.id in by_id:
            heading.line = by_id[heading.id]
