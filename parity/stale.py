"""P9-stale: each page pair against parity.lock.json (which side changed since the lock, in which sections, and
what to update on the other side), and the words `parity lock` and `parity diff` use for those changes."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from parity.findings import Finding, Location
from parity.lock import LockEntry, PairState, SectionChanges, compare, pair_entry, section_changes
from parity.page import Page
from parity.registry import declare
from parity.run import Run

LOCK_COMMAND = "uv run python -m parity lock"
DIFF_COMMAND = "uv run python -m parity diff"
STALE = declare(
    "P9-stale", "every page pair confirmed in step in parity.lock.json; a side changed since then is named, with "
    "the sections to update",
    how_to=f"See what changed with `{DIFF_COMMAND} PAGE`, bring the other side in step (or undo a "
    f"mistaken change), then run `{LOCK_COMMAND} PAGE`.",
    hints={
        "one-side-changed": "if the change is right, update {target} to match; if it was a mistake, undo it. See "
        "what changed: `" + DIFF_COMMAND + " {page}`; then run `" + LOCK_COMMAND + " {page}`",
        "both-changed": "check they still say the same thing (see `" + DIFF_COMMAND + " {page}`), then "
        "run `" + LOCK_COMMAND + " {page}`",
        "not-locked": "once {first} and {second} say the same thing, run `" + LOCK_COMMAND + " {page}`",
    },
)


def _loc(page: Page, line: int | None = None) -> Location:
    return Location(page.display, line)


def section_hashes(page: Page) -> dict[str, str]:
    """A page's source sections as the lock records them: key -> hash, in page order."""
    return page.section_hashes()


def _label_of_key(preferred: Page, fallback: Page, key: str) -> str:
    section = preferred.source_section(key) or fallback.source_section(key)
    return section.label if section else f"#{key}"


def _section_names(page: Page, keys: Iterable[str]) -> str:
    names = []
    for key in keys:
        section = page.source_section(key)
        names.append(f"{section.label} (line {section.line})" if section else f"#{key}")
    return "; ".join(names)


def changed_sections(page: Page, entry: LockEntry | None) -> SectionChanges:
    """Which sections of `page` changed since the pair was locked."""
    return section_changes(entry, page.lang, page.section_hashes())


def describe_changes(page: Page, changes: SectionChanges) -> str:
    """"§ Five functions (line 10); new § Sources (line 30); removed #history" for one side's changes."""
    parts = []
    if changes.changed:
        parts.append("§ " + _section_names(page, changes.changed))
    if changes.added:
        parts.append("new § " + _section_names(page, changes.added))
    if changes.removed:
        parts.append("removed " + ", ".join(f"#{key}" for key in changes.removed))
    return "; ".join(parts)


def sections_to_update(changed: Page, changes: SectionChanges, other: Page) -> str:
    """The other side's sections matching the changed ones (by heading id), named with that side's headings."""
    keys = [key for key in changes.changed + changes.removed if other.source_section(key)]
    parts = []
    if keys:
        parts.append("§ " + _section_names(other, keys))
    missing = [key for key in changes.all if not other.source_section(key)]
    if missing:
        parts.append("a section for " + ", ".join(
            f"{changed.display} § {_section_names(changed, [key])}" if changed.source_section(key) else f"#{key}"
            for key in missing
        ))
    return "; ".join(parts)


@STALE.site
def check_every_pair_is_locked(run: Run) -> list[Finding]:
    """Each translation of a page against the reference (the default language), on that pair's own lock record:
    editing one translation never makes another stale; editing the reference makes every translation stale."""
    findings: list[Finding] = []
    reference = run.site.languages[0]
    if not run.lock and not run.site.lock_path.exists():  # a site that has not started locking: one line, not N
        pairs = sum(1 for (lang, rel) in run.pages if lang != reference and (reference, rel) in run.pages)
        return [Finding(
            STALE.id, Location(run.site.lock_path.name),
            f"does not exist, so none of the {pairs} page pairs is confirmed in step yet; once the translations say "
            f"what the {run.site.language_name(reference)} pages say, run `{LOCK_COMMAND}` to create it",
        )] if pairs else []
    for rel in sorted(set().union(*(set(rels) for rels in run.present.values()))):
        if (reference, rel) not in run.pages:
            continue
        for lang in run.site.languages[1:]:
            if (lang, rel) in run.pages:
                pages = {reference: run.pages[(reference, rel)], lang: run.pages[(lang, rel)]}
                findings += check_stale(rel, pages, pair_entry(run.lock.get(rel), reference, lang))
    return findings


def check_stale(rel: str, pages: Mapping[str, Page], entry: LockEntry | None) -> list[Finding]:
    """Compared with parity.lock.json, which side changed since the lock, where, and what to update."""
    hashes = {lang: page.content_hash for lang, page in pages.items()}
    result = compare(entry, hashes)
    langs = list(pages)
    first, second = pages[langs[-1]], pages[langs[0]]
    if result.state is PairState.IN_STEP:
        return []
    if result.state is PairState.NOT_LOCKED:
        return [
            Finding(
                STALE.id,
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
        first_section = first.source_section(edited[0]) if first_changes.known and edited else None
        return [
            Finding(
                STALE.id,
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
                first_section = changed.source_section(edited[0]) if edited else None
                line = first_section.line if first_section else None
                label = "; ".join(
                    _label_of_key(default, changed, key)
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
                    STALE.id,
                    _loc(changed, line),
                    f"{what}; {other.display} did not change, so it may be stale",
                    other=_loc(other),
                    hint=("one-side-changed", (("target", target), ("page", rel))),
                    section=label,
                )
            )
    return findings
