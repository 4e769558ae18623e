"""parity.lock.json: per page pair, the hash of each side's normalised content when both were confirmed in step.

It works without git history: a side whose hash no longer matches has changed since the lock. If only one side
changed, the other may be stale.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

LOCK_VERSION = 1


class LockError(Exception):
    """The lock file exists but cannot be read."""


@dataclass(frozen=True)
class LockEntry:
    hashes: Mapping[str, str]  # lang -> "sha256:..."
    locked: str  # ISO date the pair was last confirmed in step


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


def read_lock(path: Path) -> dict[str, LockEntry]:
    """The lock's entries by page (`duties.md`); an absent file is an empty lock."""
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
        pages = data["pages"]
        return {
            str(page): LockEntry(hashes={str(k): str(v) for k, v in entry["hashes"].items()}, locked=str(entry["locked"]))
            for page, entry in pages.items()
        }
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise LockError(f"{path.name} cannot be read ({type(error).__name__}: {error}); restore it from version control or delete it and run `uv run python -m parity lock`") from error


def write_lock(path: Path, entries: Mapping[str, LockEntry]) -> None:
    """Write the lock with sorted keys and one entry per page, so diffs stay small and readable."""
    data = {
        "version": LOCK_VERSION,
        "about": "Parity lock: per page pair, the sha256 of each side's normalised content when both were last "
        "confirmed in step. Refresh with `uv run python -m parity lock` after updating both sides.",
        "pages": {
            page: {"hashes": dict(sorted(entry.hashes.items())), "locked": entry.locked}
            for page, entry in sorted(entries.items())
        },
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
        return LockComparison(PairState.IN_STEP, locked=entry.locked)
    unchanged = tuple(sorted(lang for lang in hashes if lang not in changed))
    if unchanged:
        return LockComparison(PairState.STALE, changed=changed, stale=unchanged, locked=entry.locked)
    return LockComparison(PairState.BOTH_CHANGED, changed=changed, locked=entry.locked)


def refreshed(
    entries: Mapping[str, LockEntry], confirmed: Mapping[str, Mapping[str, str]], today: str, keep: set[str]
) -> dict[str, LockEntry]:
    """The lock after confirming `confirmed` pairs (page -> lang -> hash) on `today`.

    Entries for other pages are kept only if the page still exists (`keep`), so deleted pages drop out.
    An entry whose hashes did not change keeps its original date.
    """
    result = {page: entry for page, entry in entries.items() if page in keep}
    for page, hashes in confirmed.items():
        previous = entries.get(page)
        if previous is not None and dict(previous.hashes) == dict(hashes):
            result[page] = previous
        else:
            result[page] = LockEntry(hashes=dict(hashes), locked=today)
    return result
