"""Per matched section: P4 blocks, P5 links, P6 figures.

Messages lead with the non-default language's page, e.g.
`zh/duties.md:12 § Responsibilities: list 1 has 15 items; en/duties.md:14 has 16 [P4-blocks]`.
"""

from __future__ import annotations

import posixpath
import re

from collections import Counter
from collections.abc import Iterable
from typing import Any

from parity.findings import Finding, Location, plural, words
from parity.language import number_words
from parity.page import Page, Section, match_sections
from parity.registry import declare
from parity.run import Run
from parity.source import figure_lines

BLOCKS = declare(
    "P4-blocks", "same lists (with nesting), tables, admonitions, code, images, footnotes, blockquotes, tabs and "
    "definition lists per section",
    how_to="Make the structure match; write the same list as a list on both sides, not as a list on one and a "
    "sentence on the other.",
)
LINKS = declare(
    "P5-links", "same internal targets and external URLs per section; links to pages and anchors that exist",
    how_to="Link to the same page, anchor and URL on both sides, and to pages and heading ids that exist.",
)
FIGURES = declare(
    "P6-figures", "same Arabic-numeral figures per section, counted",
    how_to="Correct the figure, or write a count the same way on both sides (digits on both, or words on both).",
)
_COUNTED = {
    "code": ("code block", "code blocks"),
    "image": ("image", "images"),
    "footnote": ("footnote reference", "footnote references"),
    "blockquote": ("blockquote", "blockquotes"),
}


def _line(section: Section, kind: str, index: int) -> int | None:
    """The source line of a section's `index`-th block of `kind`, or the section's heading line if unknown."""
    blocks = section.blocks_of(kind)
    line = blocks[index].line if 0 <= index < len(blocks) else None
    return line if line is not None else section.line


def _list_difference(name: str, a: list[Any], b: list[Any]) -> tuple[str, str] | None:
    """The first difference between two list signatures, as (this side, other side) descriptions."""
    if a[0] != b[0]:
        kinds = {"ol": "numbered", "ul": "bulleted"}
        return f"{name} is {kinds.get(a[0], a[0])}", f"has a {kinds.get(b[0], b[0])} one"
    items_a, items_b = a[1], b[1]
    if len(items_a) != len(items_b):
        return f"{name} has {plural(len(items_a), 'item')}", f"has {len(items_b)}"
    for number, (nested_a, nested_b) in enumerate(zip(items_a, items_b), start=1):
        if len(nested_a) != len(nested_b):
            return f"{name}, item {number} has {plural(len(nested_a), 'nested list')}", f"has {len(nested_b)}"
        for inner, (list_a, list_b) in enumerate(zip(nested_a, nested_b), start=1):
            nested_name = f"{name}, item {number}, nested list" + (f" {inner}" if len(nested_a) > 1 else "")
            difference = _list_difference(nested_name, list_a, list_b)
            if difference:
                return difference
    return None


def _section_blocks(a: Section, b: Section) -> Iterable[tuple[str, str, str | None, int]]:
    """(this side, other side, block kind for the line or None, index) for each difference."""
    def signatures(section: Section, kind: str) -> list[Any]:
        return [block.signature for block in section.blocks_of(kind)]

    lists_a, lists_b = signatures(a, "list"), signatures(b, "list")
    if len(lists_a) != len(lists_b):
        yield f"section has {plural(len(lists_a), 'list')}", f"has {len(lists_b)}", None, 0
    else:
        for number, (list_a, list_b) in enumerate(zip(lists_a, lists_b), start=1):
            difference = _list_difference(f"list {number}" if len(lists_a) > 1 else "list", list_a, list_b)
            if difference:
                yield *difference, "list", number - 1
    tables_a, tables_b = signatures(a, "table"), signatures(b, "table")
    if len(tables_a) != len(tables_b):
        yield f"section has {plural(len(tables_a), 'table')}", f"has {len(tables_b)}", None, 0
    else:
        for number, (table_a, table_b) in enumerate(zip(tables_a, tables_b), start=1):
            if table_a != table_b:
                name = f"table {number}" if len(tables_a) > 1 else "table"
                yield (f"{name} is {table_a[0]} rows × {table_a[1]} columns", f"has {table_b[0]} × {table_b[1]}",
                       "table", number - 1)
    admonitions_a, admonitions_b = signatures(a, "admonition"), signatures(b, "admonition")
    if admonitions_a != admonitions_b:
        differs = next((i for i, (x, y) in enumerate(zip(admonitions_a, admonitions_b)) if x != y),
                       min(len(admonitions_a), len(admonitions_b)))
        yield f"admonitions are {words(admonitions_a)}", f"has {words(admonitions_b)}", "admonition", differs
    for kind, (singular, several) in _COUNTED.items():
        count_a, count_b = len(a.blocks_of(kind)), len(b.blocks_of(kind))
        if count_a != count_b:
            yield f"section has {plural(count_a, singular, several)}", f"has {count_b}", None, 0
    tabs_a, tabs_b = signatures(a, "tabs"), signatures(b, "tabs")
    if len(tabs_a) != len(tabs_b):
        yield f"section has {plural(len(tabs_a), 'set')} of content tabs", f"has {len(tabs_b)}", None, 0
    elif tabs_a != tabs_b:
        yield f"content tabs have {words(tabs_a)} tabs", f"has {words(tabs_b)}", None, 0
    terms_a, terms_b = signatures(a, "deflist"), signatures(b, "deflist")
    if terms_a != terms_b:
        yield f"definition lists have {words(terms_a)} terms", f"has {words(terms_b)}", None, 0


@BLOCKS.pair
def check_blocks(first: Page, second: Page, run: Run) -> list[Finding]:
    """Per matched section, the same lists (with nesting), tables, admonitions, code, images, footnotes,
    blockquotes, content tabs and definition lists. The footnote definitions are the (footnotes) section's list."""
    findings: list[Finding] = []
    for a, b in match_sections(first, second):
        for what_first, what_second, kind, index in _section_blocks(a, b):
            line_a, line_b = (_line(a, kind, index), _line(b, kind, index)) if kind else (a.line, b.line)
            findings.append(Finding(
                BLOCKS.id, Location(first.display, line_a),
                f"{what_first}; {Location(second.display, line_b)} {what_second}",
                other=Location(second.display, line_b), section=b.label,
            ))
    return findings


def _link_line(section: Section, targets: Iterable[str]) -> int | None:
    wanted = set(targets)
    return next((link.line for link in section.links if link.target in wanted and link.line is not None),
                section.line)


def _linked_page(run: Run, lang: str, path: str) -> Page | None:
    """The page a link's path points at: `guide/setup.md`, or an absolute URL `/guide/setup/` as MkDocs serves it."""
    candidates = [path] if path.endswith(".md") else []
    if path.startswith("/"):
        bare = path.strip("/")
        candidates += [bare] if bare.endswith(".md") else [f"{bare}.md", f"{bare}/index.md" if bare else "index.md"]
    for rel in candidates:
        page = run.pages.get((lang, rel)) or run.pages.get((run.site.languages[0], rel))
        if page is not None:
            return page
    return None


def _without_language(url: str, languages: tuple[str, ...]) -> str:
    """An external URL with the reader's language taken out, so that a translation's link to the same page in its
    own language is the reference's link: hysteria.network/zh/docs/x and hysteria.network/docs/x,
    README-ru.md and README.md, ?lang=ru and no query; anchors are left out. Only the site's own languages (and their zh-cn, zh_TW forms)."""
    names = {code.lower().replace("_", "-") for code in languages} | {code.lower().split("-")[0] for code in languages}
    if "zh" in names:
        names |= {"cn", "chs", "cht", "tw", "hans", "hant"}  # README-cn.md, /chs/: Chinese as sites name it
    codes = "|".join(sorted((re.escape(name) for name in names), key=len, reverse=True))
    code = rf"(?:{codes})(?:[-_][a-z]{{2,4}})?"
    original = url
    url = re.sub(rf"/{code}(?=/|$)", "", url, flags=re.IGNORECASE)  # a path segment: /zh/, /zh-cn/, /ru
    url = re.sub(rf"[-_.]{code}(?=\.[a-z0-9]+(?:$|[?#]))", "", url, flags=re.IGNORECASE)  # README-ru.md
    if url != original:  # translations/README-cn.md is the translation of README.md
        url = re.sub(r"/(?:translations?|i18n|l10n|locales?)(?=/)", "", url, flags=re.IGNORECASE)
    url = re.sub(rf"([?&])(?:lang|hl|locale)={code}(?=&|#|$)", r"\1", url, flags=re.IGNORECASE)
    # Without its anchor: a page in the reader's language has that language's anchors (#_4 for #bandwidth).
    return url.replace("?&", "?").rstrip("?&").split("#", 1)[0]


def _heading_ids(page: Page) -> list[str]:
    """The id of each heading below H1, in order: its explicit id, or the one toc gave it (the last anchors)."""
    missing = [heading for heading in page.headings if heading.id is None]
    generated = iter(page.anchors[len(page.anchors) - len(missing):] if missing else ())
    return [heading.id or next(generated, "") for heading in page.headings]


def _comparable(run: Run, page: Page, target: str) -> str:
    """A link target as both languages can share it. A translation's absolute link into its own language root
    (/zh/page/) is the reference's /page/; a page and its URL are one target (guide/setup.md, ../setup/ from a
    sibling, /guide/setup/); an anchor toc made from a translated heading (`#_5`) is the reference's id of the
    heading in the same place (`#build-tags`), when both versions of the linked page have the same headings."""
    reference = run.site.languages[0]
    target = run.site.unlocalised(page.lang, target)
    path, _, anchor = target.partition("#")
    if ":" in path:
        return _without_language(target, run.site.languages)
    linked_rel = path
    if path and not path.startswith("/"):  # docs-relative, as parity.page.resolve_link made it
        if path.endswith(".md"):  # a page is its URL: guide/index.md is /guide
            url = "/" + path[: -len(".md")]
            path = "/" if url == "/index" else url[: -len("/index")] if url.endswith("/index") else url
        else:  # ../migration/ is a URL from where the page is served (directory URLs: deprecated.md at /deprecated/)
            source_dir = posixpath.dirname(page.rel)
            href = posixpath.relpath(path, source_dir or ".")
            served = "/" + (page.rel[: -len(".md")] + "/" if not page.rel.endswith("index.md") else source_dir + "/")
            path = posixpath.normpath(posixpath.join(served.replace("//", "/"), href))
            linked_rel = path
    if path.startswith("/") and not path.endswith(".md"):
        path = path.rstrip("/") or "/"
    if anchor and page.lang != reference:
        own = _linked_page(run, page.lang, linked_rel) if linked_rel else page
        theirs = _linked_page(run, reference, linked_rel) if linked_rel else run.pages.get((reference, page.rel))
        if own is not None and theirs is not None and own.lang != reference:
            own_ids, their_ids = _heading_ids(own), _heading_ids(theirs)
            if anchor in own_ids and len(own_ids) == len(their_ids):
                anchor = their_ids[own_ids.index(anchor)] or anchor
    return f"{path}#{anchor}" if anchor else path


@LINKS.pair
def check_links(first: Page, second: Page, run: Run) -> list[Finding]:
    """Per matched section, the same internal targets (page and anchor) and external URLs."""
    findings: list[Finding] = []
    for a, b in match_sections(first, second):
        # Compared as both languages can share them (_comparable), named as written.
        keys_a = {_comparable(run, first, link.target): link.target for link in a.links}
        keys_b = {_comparable(run, second, link.target): link.target for link in b.links}
        only_a = sorted(keys_a[key] for key in set(keys_a) - set(keys_b))
        only_b = sorted(keys_b[key] for key in set(keys_b) - set(keys_a))
        if not (only_a or only_b):
            continue
        line_a = _link_line(a, only_a) if only_a else a.line
        line_b = _link_line(b, only_b) if only_b else b.line
        other = Location(second.display, line_b)
        parts = []
        if only_a:
            parts.append(f"links to {words(only_a)}, which {other} does not")
        if only_b:
            parts.append(f"{other} links to {words(only_b)}, which this section does not")
        findings.append(Finding(LINKS.id, Location(first.display, line_a), "; ".join(parts), other=other,
                                section=b.label))
    return findings


@LINKS.site
def check_link_targets(run: Run) -> list[Finding]:
    """Every internal link to a page points at a page of the same language that exists, and at an anchor that
    page has (what MkDocs' link validation fails a strict build on; MkDocs reports it itself)."""
    findings: list[Finding] = []
    for (lang, _rel), page in sorted(run.pages.items()):
        for section in page.sections:
            for link in section.links:
                path, _, anchor = link.target.partition("#")
                if ":" in path or path.startswith("/") or not path.endswith(".md"):
                    continue  # external, absolute (MkDocs' own setting decides) or not a page
                other = run.pages.get((lang, path))
                if other is None and run.site.fallback_to_default:  # the i18n plugin serves the default page
                    other = run.pages.get((run.site.languages[0], path))
                if other is None:
                    what = (f"links to {path}, which does not exist in {lang}/ (the strict build fails on a broken "
                            f"link): fix the link or add {run.site.display(lang, path)}")
                elif anchor and anchor not in other.anchors:
                    what = (f"links to {link.target}, but {other.display} has no heading or anchor #{anchor}: use "
                            f"one of its heading ids")
                else:
                    continue
                findings.append(Finding(
                    LINKS.id, Location(page.display, link.line if link.line is not None else section.line), what,
                    other=Location(other.display) if other else None, section=section.label,
                    also_reported_by_mkdocs=True,
                ))
    return findings


def _figure_line(page: Page, section: Section, figures: Iterable[str]) -> int | None:
    lines = figure_lines(page.text, section.span)
    known = [lines[figure][0] for figure in figures if lines.get(figure)]
    return min(known) if known else section.line


SMALL_NUMBER = 20  # a figure up to this may be written in words on one side ("two" for 2, "两" for 2)


def _in_words(figure: str, *sides: tuple[Page, Section, Counter[str]]) -> bool:
    """Whether the side with fewer of this figure writes the missing ones in words (a small number: parity.language)
    or glued to a name (v1.19 for 1.19), which parity.figures does not count as a figure."""
    (page_a, section_a, count_a), (page_b, section_b, count_b) = sides
    page, section, missing = (
        (page_a, section_a, count_b[figure] - count_a[figure]) if count_a[figure] < count_b[figure]
        else (page_b, section_b, count_a[figure] - count_b[figure])
    )
    text = " ".join(unit.text for unit in section.units())
    glued = len(re.findall(rf"(?<=[A-Za-z]){re.escape(figure)}(?![0-9])", text))  # v1.19.20 for 1.19
    if not figure.isdigit() or int(figure) > SMALL_NUMBER:
        return glued >= missing
    return number_words(text, int(figure), page.lang) >= missing


@FIGURES.pair
def check_figures(first: Page, second: Page, run: Run) -> list[Finding]:
    """Per matched section, the same multiset of Arabic-numeral figures, counted."""
    findings: list[Finding] = []
    for a, b in match_sections(first, second):
        counter_a, counter_b = Counter(a.figures), Counter(b.figures)
        if counter_a == counter_b:
            continue
        differing = [figure for figure in sorted(set(counter_a - counter_b) | set(counter_b - counter_a))
                     if not _in_words(figure, (first, a, counter_a), (second, b, counter_b))]
        if not differing:
            continue
        line_a = _figure_line(first, a, [f for f in differing if counter_a[f]])
        line_b = _figure_line(second, b, [f for f in differing if counter_b[f]])
        other = Location(second.display, line_b)
        parts = [f"{figure} appears {counter_a[figure]}× here and {counter_b[figure]}× in {other}" for figure in differing]
        findings.append(Finding(FIGURES.id, Location(first.display, line_a), "; ".join(parts), other=other,
                                section=b.label))
    return findings
