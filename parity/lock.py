"""parity.lock.json: per page pair, what each side looked like when both were confirmed in step.

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

LOCK_VERSION = 2


class LockError(Exception):
    """The lock file exists but cannot be read."""


@dataclass(frozen=True)
class LockEntry:
    hashes: Mapping[str, str]  # lang -> "sha256:..."
    locked: str  # ISO date the pair was last confirmed in step
    sections: Mapping[str, Mapping[str, str]] = field(default_factory=dict)  # lang -> section key -> hash
    commit: str | None = None  # the git commit checked out when the pair was locked, if any
    reason: str | None = None  # why the pair was locked although only one side changed


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
    data = {
        "version": LOCK_VERSION,
        "about": "Parity lock: per page pair, the sha256 of each side's normalised content (and of each section, by "
        "heading id) when both were last confirmed in step, and the git commit then checked out. Refresh with "
        "`uv run python -m parity lock PAGE` after updating both sides.",
        "pages": {page: _entry_json(entry) for page, entry in sorted(entries.items())},
    }
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    temporary.replace(path)


def compare(entry: LockEntry | None, hashes: Mapping[str, str]) -> LockComparison:
    """How a page pair's current hashes stand against its lock entry."""
    if entry is None or set(entry.hashes) != set(hashes):
        return LockComparison(PairState.NOT_LOCKED)
    changed = tuple(sorted(lang for lang, value in hashes.items() if entry.hashes[lang] != value))
    if not changed:
        return LockComparison(PairState.IN_STEP, locked=entry.locked, reason=entry.reason)
    unchanged = tuple(sorted(lang for lang in hashes if lang not in changed))
    if unchanged:
        return LockComparison(PairState.STALE, changed=changed, stale=unchanged, locked=entry.locked)
    return LockComparison(PairState.BOTH_CHANGED, changed=changed, locked=entry.locked)


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


def refreshed(
    entries: Mapping[str, LockEntry], confirmed: Mapping[str, LockEntry], keep: set[str]
) -> dict[str, LockEntry]:
    """The lock after confirming the `confirmed` pairs.

    Entries for other pages are kept only if the page still exists (`keep`), so deleted pages drop out.
    A confirmed entry whose hashes did not change keeps its original date, commit and reason.
    """
    result = {page: entry for page, entry in entries.items() if page in keep}
    for page, entry in confirmed.items():
        previous = entries.get(page)
        if previous is not None and dict(previous.hashes) == dict(entry.hashes) and entry.reason is None:
            result[page] = LockEntry(
                previous.hashes, previous.locked, entry.sections or previous.sections, previous.commit, previous.reason
            )
        else:
            result[page] = entry
    return result
