"""The Markdown source of a page, line by line: the one fence scanner, the one heading scanner and the one
locator that finds where rendered text is written."""

from __future__ import annotations

import re

from parity.figures import extract_figures
from parity.page import INTRO

ADMONITION = re.compile(r"^\s*(?:!!!|\?\?\?\+?)\s")
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_ATX_HEADING = re.compile(r"^ {0,3}(?:>\s*)?(?:\s{4})*(#{1,6})(?:\s+|$)(.*)$")
_EXPLICIT_ID = re.compile(r"\{[^}]*#([^\s}]+)[^}]*\}\s*#*\s*$")
# Markdown punctuation, link targets, attribute lists, autolinks and all spaces: what rendering removes.
_MARKUP = re.compile(r"\[\^[^\]]*\]|\]\([^)]*\)|\{[^}]*\}|<https?://[^>]*>|[\s*_`\[\]<>|#!\"'“”‘’\\~=:+-]")
_LIST_MARKER = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_LINK_TARGET = re.compile(r"\]\([^)]*\)|<https?://[^>]*>|https?://\S+")


def outside_fences(text: str, first_line: int = 1) -> list[tuple[int, str]]:
    """(file line, text) of every line outside fenced code blocks (the fences themselves left out)."""
    found: list[tuple[int, str]] = []
    fence: str | None = None
    for offset, line in enumerate(text.split("\n")):
        match = _FENCE.match(line)
        if match:
            marker = match.group(1)
            if fence is None:
                fence = marker[0] * 3
            elif marker.startswith(fence):
                fence = None
            continue
        if fence is None:
            found.append((first_line + offset, line))
    return found


def heading_lines(body: str, body_line: int) -> list[tuple[int, str | None, int]]:
    """(level, explicit id, file line) of each ATX heading in the Markdown source, outside fenced code."""
    found: list[tuple[int, str | None, int]] = []
    for number, line in outside_fences(body, body_line):
        match = _ATX_HEADING.match(line)
        if match:
            id_match = _EXPLICIT_ID.search(match.group(2))
            found.append((len(match.group(1)), id_match.group(1) if id_match else None, number))
    return found


def split_source_sections(body: str, body_line: int) -> list[tuple[str, int, str]]:
    """(key, first line, text) of each section of the source: the introduction, then one per heading below H1.
    Keys are explicit heading ids, so a section keeps its key when headings are added or moved around it."""
    lines = body.split("\n")
    starts = [(explicit_id, line) for level, explicit_id, line in heading_lines(body, body_line) if level > 1]
    boundaries = [line for _, line in starts] + [body_line + len(lines)]
    sections = [(INTRO, body_line, "\n".join(lines[: boundaries[0] - body_line]))]
    for index, (explicit_id, line) in enumerate(starts):
        text = "\n".join(lines[line - body_line : boundaries[index + 1] - body_line])
        sections.append((explicit_id or f"(line {line})", line, text))
    return sections


def plain(text: str) -> str:
    """Text without Markdown punctuation and spaces, so rendered text can be found in the source."""
    return _MARKUP.sub("", text)


class Locator:
    """Finds where rendered text is written in a page's source. `find` moves forward through the page as the
    walker does, so repeated text is found where it is, not where it first appears."""

    def __init__(self, body: str, body_line: int) -> None:
        self.first = body_line
        self.lines = body.split("\n")
        self.plain = [plain(line) for line in self.lines]
        self.cursor = 0

    def _search(self, text: str, start: int, end: int) -> int | None:
        probe = plain(text[:80])[:16]
        if not probe:
            return None
        for index in range(start, end):
            if probe in self.plain[index]:
                return index
        return None

    def find(self, text: str) -> int | None:
        index = self._search(text, self.cursor, len(self.lines))
        if index is None:
            return None
        self.cursor = index
        return self.first + index

    def peek(self, text: str) -> int | None:
        index = self._search(text, self.cursor, len(self.lines))
        return None if index is None else self.first + index

    def skip_to(self, line: int | None) -> None:
        if line is not None:
            self.cursor = max(self.cursor, line - self.first)

    def next_match(self, pattern: re.Pattern[str]) -> int | None:
        for index in range(self.cursor, len(self.lines)):
            if pattern.match(self.lines[index]):
                self.cursor = index
                return self.first + index
        return None

    def section_range(self, footnotes: bool, heading: int | None, starts: list[int | None]) -> tuple[int, int]:
        """0-based [start, end) of a section's lines (`heading`: its index in `starts`, None for the
        introduction); the footnotes, and any section when a heading's line is unknown, span the whole page."""
        if footnotes or any(line is None for line in starts):
            return 0, len(self.lines)
        known = [line - self.first for line in starts if line is not None]
        if heading is None:
            return 0, known[0] if known else len(self.lines)
        return known[heading], known[heading + 1] if heading + 1 < len(known) else len(self.lines)

    def find_between(self, text: str, start: int, end: int) -> int | None:
        index = self._search(text, start, end)
        return None if index is None else self.first + index

    def find_raw(self, text: str, start: int, end: int) -> int | None:
        return next((self.first + i for i in range(start, end) if text in self.lines[i]), None)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """A 0-based [start, end) range of body lines as file lines [first, last + 1)."""
        return self.first + start, self.first + end


def figure_lines(text: str, span: tuple[int, int]) -> dict[str, tuple[int, ...]]:
    """Figure -> the file lines (within `span`, file lines [first, end)) where it is written, outside code and
    headings. Only P6 asks, and only when a section's figures differ."""
    lines = text.split("\n")[span[0] - 1 : span[1] - 1]
    found: dict[str, list[int]] = {}
    for number, line in outside_fences("\n".join(lines), span[0]):
        if _ATX_HEADING.match(line):
            continue
        for figure in extract_figures(_LINK_TARGET.sub(" ", _LIST_MARKER.sub("", line))):
            found.setdefault(figure, []).append(number)
    return {figure: tuple(numbers) for figure, numbers in found.items()}
