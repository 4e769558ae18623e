"""Reading rendered HTML (lxml): the visible text of an element, and the shapes P4 compares."""

from __future__ import annotations

from typing import Any

from lxml.html import HtmlElement

UNIT_SKIP = frozenset({"pre", "code", "kbd", "samp", "script", "style", "svg", "math", "input"})


def classes(element: HtmlElement) -> set[str]:
    return set((element.get("class") or "").split())


def nearest(element: HtmlElement, tag: str) -> HtmlElement | None:
    return next(element.iterancestors(tag), None)


def unit_text(element: HtmlElement, skip: frozenset[str] = UNIT_SKIP) -> str:
    """The element's visible text, leaving out code, footnote references, permalinks and the `skip` tags."""
    parts: list[str] = []

    def visit(node: HtmlElement) -> None:
        if node.text:
            parts.append(node.text)
        for child in node:
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag and tag not in skip and not classes(child) & {"footnote-ref", "headerlink"}:
                visit(child)
            if child.tail:
                parts.append(child.tail)

    visit(element)
    return " ".join("".join(parts).split())


def list_signature(element: HtmlElement) -> list[Any]:
    """["ul", [nested lists of item 1, nested lists of item 2, ...]]; each nested list has the same shape."""
    items = [
        [list_signature(inner) for inner in item.iterdescendants("ul", "ol") if nearest(inner, "li") is item]
        for item in element
        if item.tag == "li"
    ]
    return [element.tag, items]


def rows(table: HtmlElement) -> list[HtmlElement]:
    return [row for row in table.iter("tr") if nearest(row, "table") is table]


def tab_count(element: HtmlElement) -> int:
    for child in element:
        if child.tag == "div" and "tabbed-labels" in classes(child):
            return sum(1 for label in child if label.tag == "label")
    return sum(1 for child in element if child.tag == "input")


def first_line(element: HtmlElement) -> str:
    first = next(iter(element.iter("li", "td", "th")), element)
    return next((" ".join(line.split()) for line in first.text_content().split("\n") if line.strip()), "")[:40]
