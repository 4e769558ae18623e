"""parity.lock.json: per page pair, what each side looked like when both were confirmed in step.

A pair is a translation and the reference (the i18n plugin's default language): each translation is locked against
the reference on its own, so editing one translation never makes another stale, and editing the reference makes
every translation stale. On a two-language site an entry is the one pair (`hashes` for both languages: version 2,
the handbook's format); with more languages an entry holds one such record per translation under `pairs`
(version 3). A version 2 entry that holds three or more languages is read as one pair per translation.

For each side it records the hash of the page's normalised content and a hash per section (keyed by heading id),
so that without any git history the checker can say which sections changed since the lock. When the lock is
written in a git checkout it also records the commit, so `parity diff` can show the text that changed.
A pair locked although only one side changed carries the editor's reason.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

LOCK_VERSION = 3  # written when an entry has per-translation `pairs`
LOCK_VERSION_PAIR = 2  # written when every entry is a single pair (two languages): unchanged since version 2


class LockError(Exception):
    """The lock file exists but cannot be read."""


@dataclass(frozen=True)
class LockEntry:
    hashes: Mapping[str, str]  # lang -> "sha256:..."
    locked: str  # ISO date the pair was last confirmed in step
    sections: Mapping[str, Mapping[str, str]] = field(default_factory=dict)  # lang -> section key -> hash
    commit: str | None = None  # the git commit checked out when the pair was locked, if any
    reason: str | None = None  # why the pair was locked although only one side changed
    # With three or more languages: translation locale -> that pair's own record (hashes of the reference and the
    # translation). Empty for a two-language entry, which is its one pair.
    pairs: Mapping[str, LockEntry] = field(default_factory=dict)


class PairState(str, Enum):
    IN_STEP = "in-step"
    STALE = "stale"  # one side changed since the lock; the others may be stale
    BOTH_CHANGED = "both-changed"  # every side changed since the lock; confirm and refresh it
    NOT_LOCKED = "not-locked"


@dataclass(frozen=True)
class LockComparison:
    state: PairState
    changed: tuple[str, ...] = ()  # languages whose content changed since the lock
    stale: tuple[str, ...] = ()  # languages that may be stale (did not change while another did)
    locked: str | None = None
    reason: str | None = None
    pairs: Mapping[str, LockComparison] = field(default_factory=dict)  # translation -> its pair (3+ languages)


@dataclass(frozen=True)
class SectionChanges:
    """How one side's sections differ from the lock, by section key, in page order."""

    changed: tuple[str, ...] = ()
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    known: bool = True  # False when the lock predates section hashes

    @property
    def all(self) -> tuple[str, ...]:
        return self.changed + self.added + self.removed


def _entry(data: Mapping[str, object]) -> LockEntry:
    pairs = data.get("pairs")
    if pairs is not None:
        if not isinstance(pairs, Mapping):
            raise TypeError("pairs must be a mapping of translation to pair entry")
        return LockEntry(hashes={}, locked="", pairs={str(lang): _entry(pair) for lang, pair in pairs.items()})
    hashes = data["hashes"]
    sections = data.get("sections") or {}
    if not isinstance(hashes, Mapping) or not isinstance(sections, Mapping):
        raise TypeError("hashes and sections must be mappings")
    commit, reason = data.get("commit"), data.get("reason")
    return LockEntry(
        hashes={str(k): str(v) for k, v in hashes.items()},
        locked=str(data["locked"]),
        sections={str(lang): {str(k): str(v) for k, v in keys.items()} for lang, keys in sections.items()},
        commit=str(commit) if commit else None,
        reason=str(reason) if reason else None,
    )


def read_lock(path: Path) -> dict[str, LockEntry]:
    """The lock's entries by page (`duties.md`); an absent file is an empty lock. Reads version 1 locks too."""
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
        return {str(page): _entry(entry) for page, entry in data["pages"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise LockError(f"{path.name} cannot be read ({type(error).__name__}: {error}); restore it from version control or delete it and run `uv run python -m parity lock`") from error


def _entry_json(entry: LockEntry) -> dict[str, object]:
    if entry.pairs:
        return {"pairs": {lang: _entry_json(pair) for lang, pair in sorted(entry.pairs.items())}}
    data: dict[str, object] = {"hashes": dict(sorted(entry.hashes.items())), "locked": entry.locked}
    if entry.commit:
        data["commit"] = entry.commit
    if entry.reason:
        data["reason"] = entry.reason
    if entry.sections:
        data["sections"] = {lang: dict(keys) for lang, keys in sorted(entry.sections.items())}
    return data


def write_lock(path: Path, entries: Mapping[str, LockEntry]) -> None:
    """Write the lock with sorted keys and one entry per page, so diffs stay small and readable."""
    per_translation = any(entry.pairs for entry in entries.values())
    data = {
        "version": LOCK_VERSION if per_translation else LOCK_VERSION_PAIR,
        "about": "Parity lock: per page pair, the sha256 of each side's normalised content (and of each section, by "
        "heading id) when both were last confirmed in step, and the git commit then checked out. Refresh with "
        "`uv run python -m parity lock PAGE` after updating both sides."
        + (" With more than two languages, each translation is locked against the reference under `pairs`."
           if per_translation else ""),
        "pages": {page: _entry_json(entry) for page, entry in sorted(entries.items())},
    }
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    temporary.replace(path)


def pair_entry(entry: LockEntry | None, reference: str, translation: str) -> LockEntry | None:
    """The record of one (reference, translation) pair in a page's entry, or None if that pair was never locked.

    A two-language entry is its own pair; a version 2 entry with more languages is cut down to the two."""
    if entry is None:
        return None
    if entry.pairs:
        return entry.pairs.get(translation)
    if reference not in entry.hashes or translation not in entry.hashes:
        return None
    if len(entry.hashes) == 2:
        return entry
    keep = (reference, translation)
    return LockEntry(
        hashes={lang: entry.hashes[lang] for lang in keep},
        locked=entry.locked,
        sections={lang: keys for lang, keys in entry.sections.items() if lang in keep},
        commit=entry.commit,
        reason=entry.reason,
    )


def pair_entries(entry: LockEntry | None, reference: str) -> dict[str, LockEntry]:
    """Every locked pair of a page's entry: translation -> its record."""
    if entry is None:
        return {}
    if entry.pairs:
        return dict(entry.pairs)
    return {
        lang: pair
        for lang in entry.hashes
        if lang != reference and (pair := pair_entry(entry, reference, lang)) is not None
    }


def _compare_pair(entry: LockEntry | None, hashes: Mapping[str, str]) -> LockComparison:
    if entry is None or set(entry.hashes) != set(hashes):
        return LockComparison(PairState.NOT_LOCKED)
    changed = tuple(sorted(lang for lang, value in hashes.items() if entry.hashes[lang] != value))
    if not changed:
        return LockComparison(PairState.IN_STEP, locked=entry.locked, reason=entry.reason)
    unchanged = tuple(sorted(lang for lang in hashes if lang not in changed))
    if unchanged:
        return LockComparison(PairState.STALE, changed=changed, stale=unchanged, locked=entry.locked)
    return LockComparison(PairState.BOTH_CHANGED, changed=changed, locked=entry.locked)


def compare(entry: LockEntry | None, hashes: Mapping[str, str], reference: str | None = None) -> LockComparison:
    """How a page's current hashes (lang -> hash, the reference first unless named) stand against its lock entry.

    With two languages this is the pair's state. With more, each translation is compared with the reference on
    its own (in `pairs`), and the page's state sums them up: in step when every pair is, not locked when any pair
    is not, stale when any pair has one side changed, both-changed otherwise; `changed` and `stale` are the union."""
    if not hashes:
        return LockComparison(PairState.NOT_LOCKED)
    reference = reference if reference in hashes else next(iter(hashes))
    translations = [lang for lang in hashes if lang != reference]
    if len(translations) <= 1 and (entry is None or not entry.pairs) and (entry is None or len(entry.hashes) <= 2):
        return _compare_pair(entry, hashes)
    pairs = {
        lang: _compare_pair(pair_entry(entry, reference, lang), {reference: hashes[reference], lang: hashes[lang]})
        for lang in translations
    }
    states = {pair.state for pair in pairs.values()}
    dates = sorted(pair.locked for pair in pairs.values() if pair.locked)
    locked = dates[0] if dates else None  # the oldest lock: the page is in step since then
    if states == {PairState.IN_STEP}:
        reasons = [f"{lang}: {pair.reason}" for lang, pair in pairs.items() if pair.reason]
        return LockComparison(PairState.IN_STEP, locked=locked, reason="; ".join(reasons) or None, pairs=pairs)
    if PairState.NOT_LOCKED in states:
        state = PairState.NOT_LOCKED
    elif PairState.STALE in states:
        state = PairState.STALE
    else:
        state = PairState.BOTH_CHANGED
    changed = tuple(sorted({lang for pair in pairs.values() for lang in pair.changed}))
    stale = tuple(sorted({lang for pair in pairs.values() for lang in pair.stale} - set(changed)))
    return LockComparison(state, changed=changed, stale=stale, locked=locked, pairs=pairs)


def section_changes(entry: LockEntry | None, lang: str, current: Mapping[str, str]) -> SectionChanges:
    """Which of one side's sections (key -> hash, in page order) changed, appeared or went since the lock."""
    if entry is None or lang not in entry.sections:
        return SectionChanges(known=False)
    locked = entry.sections[lang]
    return SectionChanges(
        changed=tuple(key for key, value in current.items() if key in locked and locked[key] != value),
        added=tuple(key for key in current if key not in locked),
        removed=tuple(key for key in locked if key not in current),
    )


def with_pairs(entry: LockEntry, reference: str) -> LockEntry:
    """A page entry confirming every language it has hashes for, as one record per translation when there are
    three or more languages (a two-language entry stays as it is)."""
    if entry.pairs or len(entry.hashes) <= 2:
        return entry
    return LockEntry(hashes={}, locked="", pairs=pair_entries(entry, reference))


def refreshed(
    entries: Mapping[str, LockEntry],
    confirmed: Mapping[str, LockEntry],
    keep: set[str],
    reference: str | None = None,
) -> dict[str, LockEntry]:
    """The lock after confirming the `confirmed` pairs.

    Entries for other pages are kept only if the page still exists (`keep`), so deleted pages drop out.
    A confirmed entry whose hashes did not change keeps its original date, commit and reason. With `reference`
    and three or more languages, a confirmed entry replaces only the pairs it holds: the page's other
    translations keep their own records.
    """
    result = {page: entry for page, entry in entries.items() if page in keep}
    for page, entry in confirmed.items():
        previous = entries.get(page)
        if reference is not None and (entry.pairs or len(entry.hashes) > 2 or (previous and previous.pairs)):
            merged = pair_entries(previous, reference)
            for lang, pair in pair_entries(with_pairs(entry, reference), reference).items():
                merged[lang] = _refreshed_pair(merged.get(lang), pair)
            result[page] = merged[next(iter(merged))] if len(merged) == 1 else LockEntry({}, "", pairs=dict(sorted(merged.items())))
            continue
        result[page] = _refreshed_pair(previous, entry)
    return result


def _refreshed_pair(previous: LockEntry | None, entry: LockEntry) -> LockEntry:
    if previous is not None and dict(previous.hashes) == dict(entry.hashes) and entry.reason is None:
        return LockEntry(previous.hashes, previous.locked, entry.sections or previous.sections, previous.commit, previous.reason)
    return entry
