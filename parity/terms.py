"""P10-terms and P12-glossary: the same key terms, unit by unit, in both languages; the forbidden variants; the
two glossary pages giving the same term pairs, row for row.

Messages lead with the first page (the non-default language) and name the other file, e.g.
`zh/comparison.md:19 § Overview: table 1, row 1, column 4 has 市场总监 (Head of marketing) where
en/comparison.md:19 has Marketing director (营销总监); use the glossary's pair on both sides … [P10-terms]`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from parity.figures import ASCII_URL
from parity.findings import Finding, Location
from parity.page import Page, Section, Unit, match_sections
from parity.registry import declare
from parity.rule_language import untranslated_copy
from parity.run import Run
from parity.source import outside_fences
from parity.termdata import Term, TermMatch, TermMatcher, Terminology

TERMS = declare(
    "P10-terms", "the glossary's key terms used alike in each unit (a swapped term is caught, counted per unit); "
    "no forbidden variants", house_style=True,
    how_to="Use the glossary's pair on both sides (the message names it), or correct the side that names another "
    "role; a forbidden variant is replaced by the preferred form.",
)
GLOSSARY = declare(
    "P12-glossary", "both glossaries give the same term pairs, row for row", house_style=True,
    how_to="Give the same rows, with the same English and Chinese cells, in both glossary pages.",
)
RULE = TERMS.id
GLOSSARY_RULE = GLOSSARY.id


@dataclass(frozen=True)
class AlignedUnit:
    """A unit of the first page with its counterpart on the second; `what` names it in messages."""

    what: str
    first: Sequence[Unit]
    second: Sequence[Unit]
    first_line: int | None
    second_line: int | None


def aligned_units(a: Section, b: Section) -> Iterator[AlignedUnit]:
    """The units of two matched sections, paired. A kind of unit whose structure differs (P4-blocks reports it)
    is compared as part of the section's prose instead, so a term is never silently skipped."""
    prose_a, prose_b = list(a.prose), list(b.prose)
    if a.title and b.title:
        yield AlignedUnit("heading", [a.title], [b.title], a.title.line, b.title.line)
    shapes_a = [[len(row) for row in table] for table in a.tables]
    shapes_b = [[len(row) for row in table] for table in b.tables]
    if shapes_a == shapes_b:
        for t, (table_a, table_b) in enumerate(zip(a.tables, b.tables), start=1):
            name = f"table {t}, " if len(a.tables) > 1 else "table, "
            for r, (row_a, row_b) in enumerate(zip(table_a, table_b)):
                for c, (cell_a, cell_b) in enumerate(zip(row_a, row_b), start=1):
                    where = "header row" if r == 0 else f"row {r}"
                    yield AlignedUnit(f"{name}{where}, column {c}", [cell_a], [cell_b], cell_a.line, cell_b.line)
    else:
        prose_a += [cell for table in a.tables for row in table for cell in row]
        prose_b += [cell for table in b.tables for row in table for cell in row]
    for kind, name, units_a, units_b in (("item", "list item", a.items, b.items), ("title", "admonition title", a.titles, b.titles)):
        if len(units_a) == len(units_b):
            for number, (unit_a, unit_b) in enumerate(zip(units_a, units_b), start=1):
                yield AlignedUnit(f"{name} {number}", [unit_a], [unit_b], unit_a.line, unit_b.line)
        else:
            prose_a += units_a
            prose_b += units_b
    if len(prose_a) == len(prose_b) == len(a.prose) == len(b.prose) and len(a.prose) > 1:
        for number, (unit_a, unit_b) in enumerate(zip(a.prose, b.prose), start=1):  # paragraph by paragraph
            yield AlignedUnit(f"paragraph {number}", [unit_a], [unit_b], unit_a.line, unit_b.line)
    elif prose_a or prose_b:
        yield AlignedUnit("prose", prose_a, prose_b, a.line, b.line)


def _found(matcher: TermMatcher, units: Sequence[Unit], exempt: re.Pattern[str] | None
           ) -> tuple[dict[str, tuple[TermMatch, int | None]], Counter[str]]:
    """Each key term's first use in the units (with its line), and how many times each is used."""
    found: dict[str, tuple[TermMatch, int | None]] = {}
    counts: Counter[str] = Counter()
    for unit in units:
        text = ASCII_URL.sub(lambda m: " " * len(m.group()), unit.text)  # executive-director in an address is no term
        if exempt is not None:  # an exemption in data/terms.yml: the words it names are not a use of a term
            text = exempt.sub(lambda m: " " * len(m.group()), text)
        for match in matcher.matches(text):
            found.setdefault(match.term.name, (match, unit.line))
            counts[match.term.name] += 1
    return found, counts


def _describe(matches: Sequence[TermMatch], other_lang: str) -> str:
    return ", ".join(f"{match.form} ({match.term.label(other_lang)})" for match in matches)


def _pair(term: Term, first_lang: str, second_lang: str) -> str:
    return f"{term.label(second_lang)} ↔ {term.label(first_lang)}"


def _finding(first: Page, second: Page, section: str, what: str,
             only_a: Sequence[tuple[TermMatch, int | None]], only_b: Sequence[tuple[TermMatch, int | None]],
             line_a: int | None, line_b: int | None) -> Finding:
    line_a = min((line for _, line in only_a if line is not None), default=line_a)
    line_b = min((line for _, line in only_b if line is not None), default=line_b)
    other = Location(second.display, line_b)
    terms = list({match.term.name: match.term for match, _ in [*only_a, *only_b]}.values())
    parts = []
    if only_a:
        parts.append(f"has {_describe([m for m, _ in only_a], second.lang)}, which {other} lacks")
    if only_b:
        parts.append(f"{other} has {_describe([m for m, _ in only_b], first.lang)}, which this "
                     f"{'section' if what == 'section' else 'one'} lacks")
    fix = "; ".join(_pair(term, first.lang, second.lang) for term in terms)
    return Finding(
        RULE,
        Location(first.display, line_a),
        f"{what}: {'; '.join(parts)}. Fix: use the glossary's pair on both sides ({fix}), or correct the side "
        f"that names another role",
        other=other,
        section=section,
    )


def _counted(found: dict[str, tuple[TermMatch, int | None]], counts: Counter[str], names: Sequence[str],
             other_lang: str) -> str:
    return ", ".join(f"{found[name][0].form} ({found[name][0].term.label(other_lang)}) {counts[name]}×"
                     for name in names if counts[name])


def _count_finding(first: Page, second: Page, section: str, unit: AlignedUnit,
                   side_a: tuple[dict[str, tuple[TermMatch, int | None]], Counter[str]],
                   side_b: tuple[dict[str, tuple[TermMatch, int | None]], Counter[str]], names: Sequence[str]) -> Finding:
    """A swap seen only by counting: the same term on both sides, but once beside a different term."""
    names = list(dict.fromkeys(names))
    other = Location(second.display, unit.second_line)
    terms = {found[name][0].term.name: found[name][0].term for found, _ in (side_a, side_b) for name in names if name in found}
    fix = "; ".join(_pair(term, first.lang, second.lang) for term in terms.values())
    return Finding(
        RULE, Location(first.display, unit.first_line),
        f"{unit.what}: has {_counted(*side_a, names, second.lang)} where {other} has "
        f"{_counted(*side_b, names, first.lang)}. Fix: use the glossary's pair on both sides ({fix}), or correct "
        f"the side that names another role",
        other=other, section=section,
    )


def check_terms(first: Page, second: Page, terminology: Terminology,
                matcher_a: TermMatcher | None = None, matcher_b: TermMatcher | None = None) -> list[Finding]:
    """P10: no aligned unit names a key term on one side where the other names a different one (a swapped role);
    and in each section, every key term used on one side is used on the other (so a unit may say "they" or leave
    out the page's subject, as long as the section names it)."""
    rel = first.rel
    if terminology.exempt(RULE, rel):
        return []
    matcher_a = matcher_a or TermMatcher(terminology.terms, first.lang)
    matcher_b = matcher_b or TermMatcher(terminology.terms, second.lang)
    variants = [f.variant for f in terminology.forbidden]
    phrases = [  # an exemption whose text holds a forbidden variant is about that variant, not about this rule's units
        e.text for e in terminology.exemptions_for(RULE, rel) if e.text and not any(v in e.text for v in variants)
    ]
    exempt = re.compile("|".join(re.escape(p) for p in phrases), re.IGNORECASE) if phrases else None
    findings: list[Finding] = []
    for a, b in match_sections(first, second):
        section_a: dict[str, tuple[TermMatch, int | None]] = {}
        section_b: dict[str, tuple[TermMatch, int | None]] = {}
        reported: set[str] = set()
        for unit in aligned_units(a, b):
            (found_a, count_a), (found_b, count_b) = _found(matcher_a, unit.first, exempt), _found(matcher_b, unit.second, exempt)
            for name, value in found_a.items():
                section_a.setdefault(name, value)
            for name, value in found_b.items():
                section_b.setdefault(name, value)
            only_a = [found_a[name] for name in found_a if name not in found_b]
            only_b = [found_b[name] for name in found_b if name not in found_a]
            if unit.what == "prose":
                continue
            if only_a and only_b:  # one side names a term where the other names another
                reported.update(found_a.keys() ^ found_b.keys())
                findings.append(_finding(first, second, b.label, unit.what, only_a, only_b, unit.first_line,
                                         unit.second_line))
                continue
            more_a = [name for name in count_a if count_a[name] > count_b[name]]
            more_b = [name for name in count_b if count_b[name] > count_a[name]]
            if more_a and more_b:  # a role twice on one side, once beside another role on the other: a swap
                reported.update(more_a + more_b)
                findings.append(_count_finding(first, second, b.label, unit, (found_a, count_a), (found_b, count_b),
                                               more_a + more_b))
            # otherwise not a swap: a term left out of one unit is judged over the whole section below
        only_a = [section_a[name] for name in section_a if name not in section_b and name not in reported]
        only_b = [section_b[name] for name in section_b if name not in section_a and name not in reported]
        if not (only_a or only_b):
            continue
        findings.append(_finding(first, second, b.label, "section", only_a, only_b, a.line, b.line))
    return findings


def check_forbidden(display: str, lang: str, rel: str, text: str, terminology: Terminology) -> list[Finding]:
    """P10: a forbidden variant on a page of its language, with the preferred form."""
    findings: list[Finding] = []
    variants = [f for f in terminology.forbidden if f.lang == lang]  # zh's variants are not zh-Hant's
    if not variants:
        return findings
    exemptions = [e.text for e in terminology.exemptions_for(RULE, rel) if e.text]
    for number, line in outside_fences(text):
        masked = line
        for phrase in exemptions:
            masked = masked.replace(phrase, "\0" * len(phrase))
        for variant in variants:
            if variant.variant in masked:
                findings.append(
                    Finding(
                        RULE,
                        Location(display, number),
                        f"“{variant.variant}” is not the handbook's term: write “{variant.preferred}” "
                        f"({variant.reason})",
                    )
                )
    return findings


def check_glossary(first: Page, second: Page, columns: int | None = None) -> list[Finding]:
    """P12: the two glossary pages give the same rows (English, Chinese, and both definitions), row for row; with
    `columns`, only that many columns of each row are compared (1: the reference language's terms)."""
    findings: list[Finding] = []
    for a, b in match_sections(first, second):
        for number, (table_a, table_b) in enumerate(zip(a.tables, b.tables), start=1):
            rows_b = {row[0].text: row for row in table_b[1:] if row}
            rows_a = {row[0].text: row for row in table_a[1:] if row}
            headers = [cell.text for cell in table_b[0]] if table_b else []
            for key, row_a in rows_a.items():
                row_b = rows_b.get(key)
                if row_b is None:
                    findings.append(
                        Finding(
                            GLOSSARY_RULE,
                            Location(first.display, row_a[0].line),
                            f"glossary row “{key}” is missing from the same table of "
                            f"{Location(second.display, b.line)}; the two glossaries must list the same rows",
                            other=Location(second.display, b.line),
                            section=b.label,
                        )
                    )
                    continue
                for column, (cell_a, cell_b) in enumerate(list(zip(row_a, row_b))[:columns]):
                    if cell_a.text != cell_b.text:
                        header = headers[column] if column < len(headers) else f"column {column + 1}"
                        findings.append(
                            Finding(
                                GLOSSARY_RULE,
                                Location(first.display, cell_a.line),
                                f"glossary row “{key}”, column “{header}”, says “{cell_a.text}” where "
                                f"{Location(second.display, cell_b.line)} says “{cell_b.text}”; give the same term "
                                f"pair in both glossaries",
                                other=Location(second.display, cell_b.line),
                                section=b.label,
                            )
                        )
            for key, row_b in rows_b.items():
                if key not in rows_a:
                    findings.append(
                        Finding(
                            GLOSSARY_RULE,
                            Location(first.display, a.line),
                            f"glossary row “{key}” of {Location(second.display, row_b[0].line)} is missing from the "
                            f"same table here; the two glossaries must list the same rows",
                            other=Location(second.display, row_b[0].line),
                            section=b.label,
                        )
                    )
    return findings


@TERMS.pair
def check_key_terms(first: Page, second: Page, run: Run) -> list[Finding]:
    if run.terminology is None or not (run.terminology.covers(first.lang) and run.terminology.covers(second.lang)):
        return []  # a language without terms of its own is skipped (one note says so), never given another's
    if untranslated_copy(first, second, run) or untranslated_copy(second, first, run):
        return []  # P7 reports an untranslated copy once, for the whole page
    return check_terms(first, second, run.terminology, run.matcher(first.lang), run.matcher(second.lang))


@TERMS.page
def check_forbidden_variants(page: Page, other: Page | None, run: Run) -> list[Finding]:
    if run.terminology is None or not run.terminology.covers(page.lang):
        return []
    return check_forbidden(page.display, page.lang, page.rel, page.text, run.terminology)


@GLOSSARY.pair
def check_glossaries(first: Page, second: Page, run: Run) -> list[Finding]:
    if run.terminology is None or first.rel != run.terminology.glossary or not run.terminology.covers(first.lang):
        return []
    # The reference glossary pairs its terms with the first translation's (column 2 onwards); a further
    # translation (zh-Hant beside zh) has its own words there, so only its rows and their first column must match.
    return check_glossary(first, second, None if first.lang == run.site.languages[1] else 1)
