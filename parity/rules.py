"""The parity rules, one function each. Each takes page summaries (and the lock) and returns findings.

Pair rules take `first` and `second`: the two language versions of one page. Messages lead with `first` (the
non-default language) and name `second` as the other file, e.g.
`zh/duties.md:12 § Responsibilities: list 1 has 15 items; en/duties.md:14 has 16 [P4-blocks]`.
"""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from parity.findings import Finding, Location
from parity.language import is_chinese
from parity.lock import LockEntry, PairState, SectionChanges, compare, section_changes
from parity.structure import FOOTNOTES, INTRO, HeadingInfo, PageSummary, SectionSummary, SourceSection

REQUIRED_FRONT_MATTER = ("title", "description")
SHARED_FRONT_MATTER = ("search",)  # settings, not text: the same value on both sides
LOCK_COMMAND = "uv run python -m parity lock"
DIFF_COMMAND = "uv run python -m parity diff"


def _loc(page: PageSummary, line: int | None = None) -> Location:
    return Location(page.display, line)


def _list(values: Iterable[object]) -> str:
    return ", ".join(str(value) for value in values) or "none"


def _plural(count: int, noun: str, plural: str | None = None) -> str:
    return f"{count} {noun if count == 1 else (plural or noun + 's')}"


# --- P1 pages ------------------------------------------------------------------------------------------------


def check_every_page_exists(pages: Mapping[str, Iterable[str]], name: Callable[[str], str] = str) -> list[Finding]:
    """P1: every page exists in every language (`name` gives a language's name, from mkdocs.yml's i18n block)."""
    findings: list[Finding] = []
    by_lang = {lang: set(rels) for lang, rels in pages.items()}
    everything = sorted(set().union(*by_lang.values()))
    for rel in everything:
        present = [lang for lang in by_lang if rel in by_lang[lang]]
        for lang in pages:
            if lang in present:
                continue
            source = present[0]
            findings.append(
                Finding(
                    "P1-pages",
                    Location(f"{source}/{rel}"),
                    f"has no {name(lang)} counterpart",
                    other=Location(f"{lang}/{rel}"),
                    hint=("create", (("file", f"{lang}/{rel}"),)),
                )
            )
    return findings


def check_nav(nav: Iterable[str] | None, pages: Mapping[str, Iterable[str]]) -> list[Finding]:
    """P1: every page is in mkdocs.yml's `nav`, and every page `nav` lists exists (what a strict build fails on)."""
    if nav is None:
        return []
    listed = set(nav)
    findings: list[Finding] = []
    for lang, rels in pages.items():
        for rel in sorted(set(rels) - listed):
            findings.append(Finding(
                "P1-pages",
                Location(f"{lang}/{rel}"),
                f"is not in mkdocs.yml's nav (the strict build fails on a page outside it): add `- {rel}` to nav",
            ))
        for rel in sorted(listed - set(rels)):
            findings.append(Finding(
                "P1-pages",
                Location(f"{lang}/{rel}"),
                f"is listed in mkdocs.yml's nav but does not exist: add {lang}/{rel} or remove it from nav",
            ))
    return findings


# --- P8 encoding ---------------------------------------------------------------------------------------------


def check_encoding(page: PageSummary, other: PageSummary | None) -> list[Finding]:
    """P8: the page is UTF-8 (a BOM and CRLF line endings are fine)."""
    problem = page.encoding_problem
    if not problem:
        return []
    guess = problem.looks_like
    diagnosis = f"it looks like {guess}" if guess else "its encoding is unknown"
    counterpart = f" ({other.display} is fine)" if other and not other.encoding_problem else ""
    return [
        Finding(
            "P8-encoding",
            _loc(page, problem.line),
            f"is not UTF-8: byte 0x{problem.first_bad_byte:02X} at line {problem.line}, column {problem.column}; "
            f"{diagnosis}{counterpart}",
            other=_loc(other) if other else None,
            hint=("save-as-utf8", (("file", page.display),)),
        )
    ]


# --- P2 front matter -----------------------------------------------------------------------------------------


def check_front_matter(first: PageSummary, second: PageSummary) -> list[Finding]:
    """P2: valid YAML, the same keys on both sides, and a non-empty title and description."""
    findings: list[Finding] = []
    for page, other in ((first, second), (second, first)):
        problem = page.front_matter_problem
        if problem:
            findings.append(
                Finding(
                    "P2-front-matter",
                    _loc(page, problem.line),
                    f"front matter is not valid: {problem.problem} (MkDocs would silently render the page without "
                    f"its title and description); compare {other.display}",
                    other=_loc(other),
                )
            )
            continue
        front_matter = page.front_matter
        if front_matter is None:
            findings.append(
                Finding(
                    "P2-front-matter",
                    _loc(page, 1),
                    f"has no front matter: start the file with ---, title: …, description: …, --- "
                    f"like {other.display}",
                    other=_loc(other),
                )
            )
            continue
        for key in REQUIRED_FRONT_MATTER:
            if not front_matter.get(key, "").strip():
                what = "is empty" if key in front_matter else "is missing"
                findings.append(
                    Finding(
                        "P2-front-matter",
                        _loc(page, 2),
                        f"front matter `{key}` {what}; every page needs a title and a description "
                        f"(search engines show it); {other.display} is the counterpart",
                        other=_loc(other),
                    )
                )
    if first.front_matter is not None and second.front_matter is not None:
        keys_first, keys_second = set(first.front_matter), set(second.front_matter)
        if keys_first != keys_second:
            findings.append(
                Finding(
                    "P2-front-matter",
                    _loc(first, 2),
                    f"front matter keys are {_list(sorted(keys_first))}; {Location(second.display, 2)} has "
                    f"{_list(sorted(keys_second))}",
                    other=_loc(second, 2),
                )
            )
        for key in SHARED_FRONT_MATTER:
            value_first, value_second = first.front_matter.get(key), second.front_matter.get(key)
            if key in keys_first & keys_second and value_first != value_second:
                findings.append(
                    Finding(
                        "P2-front-matter",
                        _loc(first, 2),
                        f"front matter `{key}` is {value_first}; {Location(second.display, 2)} has {value_second} "
                        f"(a setting, not text: give both pages the same)",
                        other=_loc(second, 2),
                    )
                )
    return findings


# --- P3 headings ---------------------------------------------------------------------------------------------


def _heading_label(heading: HeadingInfo) -> str:
    return f"H{heading.level} “{heading.text}”"


def check_headings(first: PageSummary, second: PageSummary) -> list[Finding]:
    """P3: one H1 each, every lower heading has an explicit id, and both sides have the same (level, id) sequence."""
    findings: list[Finding] = []
    for page, other in ((first, second), (second, first)):
        if len(page.h1) != 1:
            findings.append(
                Finding(
                    "P3-headings",
                    _loc(page),
                    f"has {_plural(len(page.h1), 'H1 heading')}; a page has exactly one, its title "
                    f"({other.display} has {len(other.h1)})",
                    other=_loc(other),
                )
            )
        seen: dict[str, int | None] = {}
        for heading in page.headings:
            if heading.id is None:
                findings.append(
                    Finding(
                        "P3-headings",
                        _loc(page, heading.line),
                        f"{_heading_label(heading)} has no explicit id",
                        other=_loc(other),
                        hint=("add-id", (("other", other.display),)),
                    )
                )
            elif heading.id in seen:
                findings.append(
                    Finding(
                        "P3-headings",
                        _loc(page, heading.line),
                        f"id #{heading.id} is used twice (first at line {seen[heading.id]}); ids must be unique "
                        f"and match {other.display}",
                        other=_loc(other),
                    )
                )
            else:
                seen[heading.id] = heading.line

    sequence_first = [(h.level, h.id) for h in first.headings]
    sequence_second = [(h.level, h.id) for h in second.headings]
    if sequence_first == sequence_second:
        return findings
    matcher = difflib.SequenceMatcher(a=sequence_first, b=sequence_second, autojunk=False)
    for tag, a_start, a_end, b_start, b_end in matcher.get_opcodes():
        if tag == "equal":
            continue
        a_items = first.headings[a_start:a_end]
        b_items = second.headings[b_start:b_end]
        if tag == "replace" and len(a_items) == len(b_items):
            for a_heading, b_heading in zip(a_items, b_items):
                if a_heading.level == b_heading.level and None in (a_heading.id, b_heading.id):
                    continue  # a missing id is reported above
                findings.append(_heading_difference(first, a_heading, second, b_heading))
            continue
        for heading in a_items:
            findings.append(
                Finding(
                    "P3-headings",
                    _loc(first, heading.line),
                    f"{_heading_label(heading)} #{heading.id} has no counterpart in {second.display}",
                    other=_loc(second),
                )
            )
        for heading in b_items:
            findings.append(
                Finding(
                    "P3-headings",
                    _loc(first),
                    f"has no counterpart of {second.display}:{heading.line} {_heading_label(heading)} "
                    f"#{heading.id}",
                    other=_loc(second, heading.line),
                )
            )
    return findings


def _heading_difference(
    first: PageSummary, a: HeadingInfo, second: PageSummary, b: HeadingInfo
) -> Finding:
    if a.id == b.id:
        what = f"heading #{a.id} is H{a.level}; {second.display}:{b.line} has H{b.level}"
    elif a.level == b.level:
        what = (
            f"{_heading_label(a)} has id #{a.id}; the heading in the same place in "
            f"{second.display}:{b.line} has #{b.id}"
        )
    else:
        what = (
            f"{_heading_label(a)} #{a.id} stands where {second.display}:{b.line} has "
            f"{_heading_label(b)} #{b.id}"
        )
    return Finding("P3-headings", _loc(first, a.line), what, other=_loc(second, b.line))


# --- sections ------------------------------------------------------------------------------------------------


def section_label(page: PageSummary, section: SectionSummary) -> str:
    if section.key in (INTRO, FOOTNOTES):
        return section.key
    return " › ".join(section.path)


def match_sections(first: PageSummary, second: PageSummary) -> list[tuple[SectionSummary, SectionSummary, str]]:
    """Pairs of corresponding sections: the introduction and footnotes by kind, others by id, then by position."""
    pairs: list[tuple[SectionSummary, SectionSummary, str]] = []

    def heading_id(page: PageSummary, section: SectionSummary) -> str | None:
        index = section.heading
        return page.headings[index].id if index is not None else None

    second_by_key: dict[str, SectionSummary] = {}
    for section in second.sections:
        key = heading_id(second, section) or section.key
        if section.heading is None or heading_id(second, section):
            second_by_key.setdefault(key, section)
    used_second: set[int] = set()
    unmatched_first: list[SectionSummary] = []
    for section in first.sections:
        wanted = heading_id(first, section) or (section.key if section.heading is None else None)
        partner = second_by_key.get(wanted) if wanted else None
        if partner is not None and id(partner) not in used_second:
            used_second.add(id(partner))
            pairs.append((section, partner, section_label(second, partner)))
        else:
            unmatched_first.append(section)
    unmatched_second = [s for s in second.sections if id(s) not in used_second]
    for a, b in zip(unmatched_first, unmatched_second):
        pairs.append((a, b, section_label(second, b)))
    return pairs


def _block_line(section: SectionSummary, kind: str, index: int) -> int | None:
    """The source line of a section's `index`-th block of `kind`, or the section's heading line if unknown."""
    lines = section.block_lines.get(kind, [])
    line = lines[index] if 0 <= index < len(lines) else None
    return line if line is not None else section.line


def _blocks_finding(first: PageSummary, a: SectionSummary, second: PageSummary, b: SectionSummary,
                    label: str, what_first: str, what_second: str,
                    lines: tuple[int | None, int | None] | None = None) -> Finding:
    line_a, line_b = lines if lines else (a.line, b.line)
    return Finding(
        "P4-blocks",
        _loc(first, line_a),
        f"{what_first}; {Location(second.display, line_b)} {what_second}",
        other=_loc(second, line_b),
        section=label,
    )


def _list_difference(name: str, a: list[Any], b: list[Any]) -> tuple[str, str] | None:
    """The first difference between two list signatures, as (this side, other side) descriptions."""
    if a[0] != b[0]:
        kinds = {"ol": "numbered", "ul": "bulleted"}
        return f"{name} is {kinds.get(a[0], a[0])}", f"has a {kinds.get(b[0], b[0])} one"
    items_a, items_b = a[1], b[1]
    if len(items_a) != len(items_b):
        return f"{name} has {_plural(len(items_a), 'item')}", f"has {len(items_b)}"
    for number, (nested_a, nested_b) in enumerate(zip(items_a, items_b), start=1):
        if len(nested_a) != len(nested_b):
            return (
                f"{name}, item {number} has {_plural(len(nested_a), 'nested list')}",
                f"has {len(nested_b)}",
            )
        for inner, (list_a, list_b) in enumerate(zip(nested_a, nested_b), start=1):
            nested_name = f"{name}, item {number}, nested list" + (f" {inner}" if len(nested_a) > 1 else "")
            difference = _list_difference(nested_name, list_a, list_b)
            if difference:
                return difference
    return None


_COUNTED = {
    "code": ("code block", "code blocks"),
    "image": ("image", "images"),
    "footnote": ("footnote reference", "footnote references"),
    "blockquote": ("blockquote", "blockquotes"),
}


def check_blocks(first: PageSummary, second: PageSummary) -> list[Finding]:
    """P4: per matched section, the same lists (with nesting), tables, admonitions, code, images, footnotes,
    blockquotes, content tabs and definition lists."""
    findings: list[Finding] = []
    for a, b, label in match_sections(first, second):
        blocks_a, blocks_b = a.blocks, b.blocks

        def add(what_first: str, what_second: str, kind: str | None = None, index: int = 0) -> None:
            lines = (_block_line(a, kind, index), _block_line(b, kind, index)) if kind else None
            findings.append(_blocks_finding(first, a, second, b, label, what_first, what_second, lines))

        lists_a, lists_b = blocks_a.get("list", []), blocks_b.get("list", [])
        if len(lists_a) != len(lists_b):
            add(f"section has {_plural(len(lists_a), 'list')}", f"has {len(lists_b)}")
        else:
            for number, (list_a, list_b) in enumerate(zip(lists_a, lists_b), start=1):
                difference = _list_difference(f"list {number}" if len(lists_a) > 1 else "list", list_a, list_b)
                if difference:
                    add(*difference, kind="list", index=number - 1)

        tables_a, tables_b = blocks_a.get("table", []), blocks_b.get("table", [])
        if len(tables_a) != len(tables_b):
            add(f"section has {_plural(len(tables_a), 'table')}", f"has {len(tables_b)}")
        else:
            for number, (table_a, table_b) in enumerate(zip(tables_a, tables_b), start=1):
                if table_a != table_b:
                    name = f"table {number}" if len(tables_a) > 1 else "table"
                    add(
                        f"{name} is {table_a[0]} rows × {table_a[1]} columns",
                        f"has {table_b[0]} × {table_b[1]}",
                        kind="table",
                        index=number - 1,
                    )

        admonitions_a, admonitions_b = blocks_a.get("admonition", []), blocks_b.get("admonition", [])
        if admonitions_a != admonitions_b:
            differs = next(
                (i for i, (x, y) in enumerate(zip(admonitions_a, admonitions_b)) if x != y),
                min(len(admonitions_a), len(admonitions_b)),
            )
            add(f"admonitions are {_list(admonitions_a)}", f"has {_list(admonitions_b)}", kind="admonition", index=differs)

        for kind, (singular, plural) in _COUNTED.items():
            count_a, count_b = len(blocks_a.get(kind, [])), len(blocks_b.get(kind, []))
            if count_a != count_b:
                add(f"section has {_plural(count_a, singular, plural)}", f"has {count_b}")

        tabs_a, tabs_b = blocks_a.get("tabs", []), blocks_b.get("tabs", [])
        if len(tabs_a) != len(tabs_b):
            add(f"section has {_plural(len(tabs_a), 'set')} of content tabs", f"has {len(tabs_b)}")
        elif tabs_a != tabs_b:
            add(f"content tabs have {_list(tabs_a)} tabs", f"has {_list(tabs_b)}")

        terms_a, terms_b = blocks_a.get("deflist", []), blocks_b.get("deflist", [])
        if terms_a != terms_b:
            add(f"definition lists have {_list(terms_a)} terms", f"has {_list(terms_b)}")
    return findings


# --- P5 links, P6 figures ------------------------------------------------------------------------------------


def _link_line(section: SectionSummary, targets: Iterable[str]) -> int | None:
    wanted = set(targets)
    lines = section.link_lines
    for target, line in zip(section.links, lines):
        if target in wanted and line is not None:
            return line
    return section.line


def check_links(first: PageSummary, second: PageSummary) -> list[Finding]:
    """P5: per matched section, the same internal targets (page and anchor) and external URLs."""
    findings: list[Finding] = []
    for a, b, label in match_sections(first, second):
        only_a = sorted(set(a.links) - set(b.links))
        only_b = sorted(set(b.links) - set(a.links))
        if not (only_a or only_b):
            continue
        line_a = _link_line(a, only_a) if only_a else a.line
        line_b = _link_line(b, only_b) if only_b else b.line
        other = Location(second.display, line_b)
        parts = []
        if only_a:
            parts.append(f"links to {_list(only_a)}, which {other} does not")
        if only_b:
            parts.append(f"{other} links to {_list(only_b)}, which this section does not")
        findings.append(
            Finding("P5-links", _loc(first, line_a), "; ".join(parts), other=_loc(second, line_b), section=label)
        )
    return findings


def _figure_line(section: SectionSummary, figures: Iterable[str]) -> int | None:
    lines = [section.figure_lines.get(figure, [None])[0] for figure in figures]
    known = [line for line in lines if line is not None]
    return min(known) if known else section.line


def check_figures(first: PageSummary, second: PageSummary) -> list[Finding]:
    """P6: per matched section, the same multiset of Arabic-numeral figures, counted."""
    findings: list[Finding] = []
    for a, b, label in match_sections(first, second):
        counter_a, counter_b = Counter(a.figures), Counter(b.figures)
        if counter_a == counter_b:
            continue
        differing = sorted(set(counter_a - counter_b) | set(counter_b - counter_a))
        line_a = _figure_line(a, [f for f in differing if counter_a[f]])
        line_b = _figure_line(b, [f for f in differing if counter_b[f]])
        other = Location(second.display, line_b)
        parts = [f"{figure} appears {counter_a[figure]}× here and {counter_b[figure]}× in {other}" for figure in differing]
        findings.append(
            Finding("P6-figures", _loc(first, line_a), "; ".join(parts), other=_loc(second, line_b), section=label)
        )
    return findings


def check_link_targets(pages: Mapping[tuple[str, str], PageSummary]) -> list[Finding]:
    """P5: every internal link to a page points at a page of the same language that exists, and at an anchor that
    page has (what MkDocs' link validation fails a strict build on)."""
    findings: list[Finding] = []
    for (lang, _rel), page in sorted(pages.items()):
        for section in page.sections:
            lines = section.link_lines
            for number, target in enumerate(section.links):
                path, _, anchor = target.partition("#")
                if ":" in path or path.startswith("/") or not path.endswith(".md"):
                    continue  # external, absolute (MkDocs' own setting decides) or not a page
                line = lines[number] if number < len(lines) and lines[number] is not None else section.line
                other = pages.get((lang, path))
                if other is None:
                    what = (
                        f"links to {path}, which does not exist in {lang}/ (the strict build fails on a broken link): "
                        f"fix the link or add {lang}/{path}"
                    )
                elif anchor and anchor not in other.anchors:
                    what = (
                        f"links to {target}, but {other.display} has no heading or anchor #{anchor}: use one of "
                        f"its heading ids"
                    )
                else:
                    continue
                findings.append(
                    Finding("P5-links", _loc(page, line), what, other=_loc(other) if other else None,
                            section=section_label(page, section))
                )
    return findings


# --- P7 language ---------------------------------------------------------------------------------------------


def check_language(page: PageSummary, other: PageSummary | None) -> list[Finding]:
    """P7: no prose of the other language (outside the allowances in parity.language)."""
    findings: list[Finding] = []
    counterpart = other.display if other else "the other language"
    # Label sections with the English heading path, like the other rules, when the headings match by id.
    labels: dict[str, str] = {}
    if other is not None and not is_chinese(other.lang) and is_chinese(page.lang):
        for other_section in other.sections:
            index = other_section.heading
            other_id = other.headings[index].id if index is not None else None
            if other_id:
                labels[other_id] = section_label(other, other_section)
    for section in page.sections:
        index = section.heading
        heading_id = page.headings[index].id if index is not None else None
        label = labels.get(heading_id or "", section_label(page, section))
        run_lines = section.impure_lines
        for number, run in enumerate(section.impure):
            line = run_lines[number] if number < len(run_lines) and run_lines[number] is not None else section.line
            if is_chinese(page.lang):
                what, hint = f"untranslated English on a Chinese page: “{run}”", "translate-english"
            else:
                what, hint = f"Chinese on an English page: “{run}”", "translate-chinese"
            findings.append(
                Finding(
                    "P7-language",
                    _loc(page, line),
                    what,
                    other=_loc(other) if other else None,
                    section=label,
                    hint=(hint, (("other", counterpart),)),
                )
            )
    return findings


# --- P9 stale ------------------------------------------------------------------------------------------------


def section_hashes(page: PageSummary) -> dict[str, str]:
    """A page's source sections as the lock records them: key -> hash, in page order."""
    return {section.key: section.hash for section in page.source_sections}


def _source_section(page: PageSummary, key: str) -> SourceSection | None:
    return next((section for section in page.source_sections if section.key == key), None)


def _section_label(preferred: PageSummary, fallback: PageSummary, key: str) -> str:
    section = _source_section(preferred, key) or _source_section(fallback, key)
    return section.label if section else f"#{key}"


def _section_names(page: PageSummary, keys: Iterable[str]) -> str:
    names = []
    for key in keys:
        section = _source_section(page, key)
        names.append(f"{section.label} (line {section.line})" if section else f"#{key}")
    return "; ".join(names)


def changed_sections(page: PageSummary, entry: LockEntry | None) -> SectionChanges:
    """Which sections of `page` changed since the pair was locked."""
    return section_changes(entry, page.lang, section_hashes(page))


def describe_changes(page: PageSummary, changes: SectionChanges) -> str:
    """"§ Five functions (line 10); new § Sources (line 30); removed #history" for one side's changes."""
    parts = []
    if changes.changed:
        parts.append("§ " + _section_names(page, changes.changed))
    if changes.added:
        parts.append("new § " + _section_names(page, changes.added))
    if changes.removed:
        parts.append("removed " + ", ".join(f"#{key}" for key in changes.removed))
    return "; ".join(parts)


def sections_to_update(changed: PageSummary, changes: SectionChanges, other: PageSummary) -> str:
    """The other side's sections matching the changed ones (by heading id), named with that side's headings."""
    keys = [key for key in changes.changed + changes.removed if _source_section(other, key)]
    parts = []
    if keys:
        parts.append("§ " + _section_names(other, keys))
    missing = [key for key in changes.all if not _source_section(other, key)]
    if missing:
        parts.append("a section for " + ", ".join(
            f"{changed.display} § {_section_names(changed, [key])}" if _source_section(changed, key) else f"#{key}"
            for key in missing
        ))
    return "; ".join(parts)


def check_stale(rel: str, pages: Mapping[str, PageSummary], entry: LockEntry | None) -> list[Finding]:
    """P9: compared with parity.lock.json, which side changed since the lock, where, and what to update."""
    hashes = {lang: page.content_hash for lang, page in pages.items()}
    result = compare(entry, hashes)
    langs = list(pages)
    first, second = pages[langs[-1]], pages[langs[0]]
    if result.state is PairState.IN_STEP:
        return []
    if result.state is PairState.NOT_LOCKED:
        return [
            Finding(
                "P9-stale",
                _loc(first),
                "this page pair is not in parity.lock.json",
                other=_loc(second),
                hint=("not-locked", (("first", first.display), ("second", second.display), ("page", rel))),
            )
        ]
    if result.state is PairState.BOTH_CHANGED:
        where = []
        for page in (first, second):
            changes = changed_sections(page, entry)
            if changes.known and changes.all:
                where.append(f"{page.display} {describe_changes(page, changes)}")
        detail = f" ({'; '.join(where)})" if where else ""
        first_changes = changed_sections(first, entry)
        edited = first_changes.changed + first_changes.added
        first_section = _source_section(first, edited[0]) if first_changes.known and edited else None
        return [
            Finding(
                "P9-stale",
                _loc(first, first_section.line if first_section else None),
                f"both {first.display} and {second.display} changed since they were locked on {result.locked}"
                f"{detail}",
                other=_loc(second),
                hint=("both-changed", (("page", rel),)),
            )
        ]
    findings = []
    default = pages[langs[0]]
    for changed_lang in result.changed:
        changed = pages[changed_lang]
        changes = changed_sections(changed, entry)
        for stale_lang in result.stale:
            other = pages[stale_lang]
            line = None
            label = None
            what = f"changed since the pair was locked on {result.locked}"
            target = other.display
            if changes.known and changes.all:
                edited = changes.changed + changes.added
                first_section = _source_section(changed, edited[0]) if edited else None
                line = first_section.line if first_section else None
                label = "; ".join(
                    _section_label(default, changed, key)
                    for key in edited
                ) or None
                extra = [part for part in describe_changes(changed, SectionChanges((), changes.added, changes.removed)).split("; ") if part]
                if extra:
                    what += f" ({'; '.join(extra)})"
                update = sections_to_update(changed, changes, other)
                if update:
                    target = f"{other.display} {update}"
            findings.append(
                Finding(
                    "P9-stale",
                    _loc(changed, line),
                    f"{what}; {other.display} did not change, so it may be stale",
                    other=_loc(other),
                    hint=("one-side-changed", (("target", target), ("page", rel))),
                    section=label,
                )
            )
    return findings
