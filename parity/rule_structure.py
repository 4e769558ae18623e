"""The structural rules: P1 pages, P2 front matter, P3 headings, P8 encoding.

Pair rules take `first` and `second`: the two language versions of one page. Messages lead with `first` (the
non-default language) and name `second` as the other file, e.g.
`zh/duties.md:40: heading #sources is H3; en/duties.md:40 has H2 [P3-headings]`.
"""

from __future__ import annotations

import difflib

from parity.findings import Finding, Location, plural, words
from parity.page import Heading, Page
from parity.registry import declare
from parity.run import Run

PAGES = declare(
    "P1-pages", "every page exists in every language, and in mkdocs.yml's nav",
    how_to="Add the missing page at the same path in the other language, and list every page in mkdocs.yml's nav.",
    hints={"create": "create {file} with the same structure (a missing translation is never filled in silently)"},
)
FRONT_MATTER = declare(
    "P2-front-matter", "valid YAML front matter; with a policy, the keys it requires and the same keys on both sides",
    how_to="Fix the YAML on the line named (a value with a colon needs quotes); give both sides the same keys, "
    "with a title and a description.",
)
HEADINGS = declare(
    "P3-headings", "one H1; the same heading levels (and, with a policy, explicit { #id }s) in the same order",
    how_to="Give both headings the same level and the same explicit { #id }.",
    hints={"add-id": "add {{ #id }} with the same English slug as the matching heading in {other}"},
)
ENCODING = declare(
    "P8-encoding", "UTF-8 only", how_to="Save the file as UTF-8.",
    hints={"save-as-utf8": "save it as UTF-8: in VS Code, click the encoding in the status bar, “Save with "
           "Encoding” → UTF-8; in Notepad, Save As → Encoding: UTF-8; or run `iconv -f GB18030 -t UTF-8 {file} > "
           "tmp && mv tmp {file}` in docs/"},
)


def _loc(page: Page, line: int | None = None) -> Location:
    return Location(page.display, line)


# --- P1 pages ------------------------------------------------------------------------------------------------


@PAGES.site
def check_every_page_exists(run: Run) -> list[Finding]:
    """Every page exists in every language (a language's name comes from mkdocs.yml's i18n block)."""
    findings: list[Finding] = []
    by_lang = {lang: set(rels) for lang, rels in run.present.items()}
    for rel in sorted(set().union(*by_lang.values())):
        present = [lang for lang in by_lang if rel in by_lang[lang]]
        for lang in by_lang:
            if lang not in present:
                findings.append(Finding(
                    PAGES.id, Location(run.site.display(present[0], rel)),
                    f"has no {run.site.language_name(lang)} counterpart",
                    other=Location(run.site.display(lang, rel)), hint=("create", (("file", run.site.display(lang, rel)),)),
                ))
    return findings


@PAGES.site
def check_nav(run: Run) -> list[Finding]:
    """Every page is in mkdocs.yml's `nav`, and every page `nav` lists exists (what a strict build fails on;
    MkDocs reports these itself, so the build hook leaves them to it)."""
    if run.site.nav_pages is None:
        return []
    listed = set(run.site.nav_pages)
    findings: list[Finding] = []
    omitted_fails = run.site.validation_level("nav", "omitted_files") == "warn"  # MkDocs' default: info only
    for lang, rels in run.present.items():
        for rel in sorted(set(rels) - listed) if omitted_fails else ():
            findings.append(Finding(
                PAGES.id, Location(run.site.display(lang, rel)),
                f"is not in mkdocs.yml's nav (the strict build fails on a page outside it): add `- {rel}` to nav",
                also_reported_by_mkdocs=True,
            ))
        for rel in sorted(listed - set(rels)):
            if run.site.fallback_to_default and rel in run.present.get(run.site.languages[0], ()):
                continue  # the i18n plugin serves the default page there (P1 still names the missing translation)
            findings.append(Finding(
                PAGES.id, Location(run.site.display(lang, rel)),
                f"is listed in mkdocs.yml's nav but does not exist: add {run.site.display(lang, rel)} or remove it from nav",
                also_reported_by_mkdocs=True,
            ))
    return findings


# --- P8 encoding ---------------------------------------------------------------------------------------------


@ENCODING.page
def check_encoding(page: Page, other: Page | None, run: Run) -> list[Finding]:
    """The page is UTF-8 (a BOM and CRLF line endings are fine)."""
    problem = page.encoding_problem
    if not problem:
        return []
    diagnosis = f"it looks like {problem.looks_like}" if problem.looks_like else "its encoding is unknown"
    counterpart = f" ({other.display} is fine)" if other and not other.encoding_problem else ""
    return [Finding(
        ENCODING.id, _loc(page, problem.line),
        f"is not UTF-8: byte 0x{problem.first_bad_byte:02X} at line {problem.line}, column {problem.column}; "
        f"{diagnosis}{counterpart}",
        other=_loc(other) if other else None, hint=("save-as-utf8", (("file", page.display),)),
    )]


# --- P2 front matter -----------------------------------------------------------------------------------------


def _front_matter_problems(page: Page, other: Page, run: Run) -> list[Finding]:
    problem = page.front_matter_problem
    if problem:
        return [Finding(
            FRONT_MATTER.id, _loc(page, problem.line),
            f"front matter is not valid: {problem.problem} (MkDocs would silently render the page without its "
            f"title and description); compare {other.display}", other=_loc(other),
        )]
    required = run.policy.required_front_matter
    if page.front_matter is None:
        if not required:
            return []
        return [Finding(
            FRONT_MATTER.id, _loc(page, 1),
            f"has no front matter: start the file with ---, {', '.join(f'{key}: …' for key in required)}, --- "
            f"like {other.display}", other=_loc(other),
        )]
    findings = []
    for key in required:
        if not page.front_matter.get(key, "").strip():
            what = "is empty" if key in page.front_matter else "is missing"
            findings.append(Finding(
                FRONT_MATTER.id, _loc(page, 2),
                f"front matter `{key}` {what}; every page needs a title and a description (search engines show "
                f"it); {other.display} is the counterpart", other=_loc(other),
            ))
    return findings


@FRONT_MATTER.pair
def check_front_matter(first: Page, second: Page, run: Run) -> list[Finding]:
    """Valid YAML; with a policy, the required keys (non-empty), the same keys and the same settings."""
    findings = _front_matter_problems(first, second, run) + _front_matter_problems(second, first, run)
    if first.front_matter is None or second.front_matter is None:
        return findings
    keys_first, keys_second = set(first.front_matter), set(second.front_matter)
    other = Location(second.display, 2)
    if run.policy.same_front_matter_keys and keys_first != keys_second:
        findings.append(Finding(
            FRONT_MATTER.id, _loc(first, 2),
            f"front matter keys are {words(sorted(keys_first))}; {other} has {words(sorted(keys_second))}",
            other=other,
        ))
    for key in run.policy.shared_front_matter:
        value_first, value_second = first.front_matter.get(key), second.front_matter.get(key)
        if key in keys_first & keys_second and value_first != value_second:
            findings.append(Finding(
                FRONT_MATTER.id, _loc(first, 2),
                f"front matter `{key}` is {value_first}; {other} has {value_second} (a setting, not text: give "
                f"both pages the same)", other=other,
            ))
    return findings


# --- P3 headings ---------------------------------------------------------------------------------------------


def _label(heading: Heading) -> str:
    return f"H{heading.level} “{heading.text}”"


def _id(heading: Heading) -> str:
    return f" #{heading.id}" if heading.id else ""


def _own_headings(page: Page, other: Page, explicit_ids: bool) -> list[Finding]:
    findings: list[Finding] = []
    # Both sides without an H1 (the title from front matter or nav) is no parity problem; a policy asks for one.
    if len(page.h1) != 1 and (len(page.h1) != len(other.h1) or explicit_ids):
        findings.append(Finding(
            HEADINGS.id, _loc(page),
            f"has {plural(len(page.h1), 'H1 heading')}; a page has exactly one, its title ({other.display} has "
            f"{len(other.h1)})", other=_loc(other),
        ))
    seen: dict[str, int | None] = {}
    for heading in page.headings:
        if heading.id is None:
            if explicit_ids:
                findings.append(Finding(
                    HEADINGS.id, _loc(page, heading.line), f"{_label(heading)} has no explicit id",
                    other=_loc(other), hint=("add-id", (("other", other.display),)),
                ))
        elif heading.id in seen:
            findings.append(Finding(
                HEADINGS.id, _loc(page, heading.line),
                f"id #{heading.id} is used twice (first at line {seen[heading.id]}); ids must be unique and match "
                f"{other.display}", other=_loc(other),
            ))
        else:
            seen[heading.id] = heading.line
    return findings


@HEADINGS.pair
def check_headings(first: Page, second: Page, run: Run) -> list[Finding]:
    """One H1 each, unique ids, and the same (level, id) sequence on both sides; with the policy's explicit ids,
    every heading below H1 has one."""
    explicit = run.policy.explicit_heading_ids
    findings = _own_headings(first, second, explicit) + _own_headings(second, first, explicit)
    sequence_first = [(h.level, h.id) for h in first.headings]
    sequence_second = [(h.level, h.id) for h in second.headings]
    if not explicit:  # without ids in the house style, a heading is known by its level and place
        sequence_first = [(level, None) for level, _ in sequence_first]
        sequence_second = [(level, None) for level, _ in sequence_second]
    if sequence_first == sequence_second:
        return findings
    matcher = difflib.SequenceMatcher(a=sequence_first, b=sequence_second, autojunk=False)
    for tag, a_start, a_end, b_start, b_end in matcher.get_opcodes():
        if tag == "equal":
            continue
        a_items, b_items = first.headings[a_start:a_end], second.headings[b_start:b_end]
        if tag == "replace" and len(a_items) == len(b_items):
            for a_heading, b_heading in zip(a_items, b_items):
                if a_heading.level == b_heading.level and None in (a_heading.id, b_heading.id):
                    continue  # a missing id is reported above
                findings.append(_heading_difference(first, a_heading, second, b_heading))
            continue
        for heading in a_items:
            findings.append(Finding(
                HEADINGS.id, _loc(first, heading.line),
                f"{_label(heading)}{_id(heading)} has no counterpart in {second.display}", other=_loc(second),
            ))
        for heading in b_items:
            findings.append(Finding(
                HEADINGS.id, _loc(first),
                f"has no counterpart of {second.display}:{heading.line} {_label(heading)}{_id(heading)}",
                other=_loc(second, heading.line),
            ))
    return findings


def _heading_difference(first: Page, a: Heading, second: Page, b: Heading) -> Finding:
    if a.id == b.id:
        what = f"{f'heading #{a.id}' if a.id else _label(a)} is H{a.level}; {second.display}:{b.line} has H{b.level}"
    elif a.level == b.level:
        what = f"{_label(a)} has id{_id(a) or ' none'}; the heading in the same place in {second.display}:{b.line} has{_id(b) or ' none'}"
    else:
        what = f"{_label(a)}{_id(a)} stands where {second.display}:{b.line} has {_label(b)}{_id(b)}"
    return Finding(HEADINGS.id, _loc(first, a.line), what, other=_loc(second, b.line))
