"""`parity diff PAGE`: what changed in a page pair since it was locked, for the editor who must bring the other
side in step. With git, the text diff of each changed side since the locked version; without it (or when that
version is not in this clone), the sections that changed and the sections to update on the other side."""

from __future__ import annotations

from parity.checker import CheckResult
from parity.config import SiteConfig
from parity.history import current_commit, locked_version, text_diff
from parity.lock import LockComparison, LockEntry, PairState, pair_entry
from parity.stale import LOCK_COMMAND, changed_sections, describe_changes, sections_to_update


def show_changes(site: SiteConfig, result: CheckResult, rel: str, entry: LockEntry | None) -> str:
    """The report `parity diff` prints for one page: each translation against the reference, on its own."""
    pair = next(pair for pair in result.pairs if pair.rel == rel)
    if not pair.lock.pairs:
        return _pair_changes(site, result, rel, pair.lock, entry)
    reports = []
    for lang, comparison in pair.lock.pairs.items():
        report = _pair_changes(site, result, rel, comparison, pair_entry(entry, site.reference, lang))
        reports.append(f"{site.display(lang, rel)} against {site.display(site.reference, rel)}: {report}")
    return "\n".join(reports)


def _pair_changes(
    site: SiteConfig, result: CheckResult, rel: str, comparison: LockComparison, entry: LockEntry | None
) -> str:
    lines: list[str] = []
    if comparison.state is PairState.NOT_LOCKED or entry is None:
        return (
            f"{rel}: not locked yet, so there is nothing to compare with; once both sides say the same thing, run "
            f"`{LOCK_COMMAND} {rel}`"
        )
    if comparison.state is PairState.IN_STEP:
        note = f" (locked with a one-sided change: {entry.reason})" if entry.reason else ""
        return f"{rel}: in step since {entry.locked}{note}; nothing changed since the lock"
    has_git = current_commit(site.root) is not None
    for lang in comparison.changed:
        page = result.summaries[(lang, rel)]
        changes = changed_sections(page, entry)
        headline = f"{page.display} changed since the pair was locked on {entry.locked}"
        if changes.known and changes.all:
            headline += f", in {describe_changes(page, changes)}"
        lines.append(headline)
        for other_lang in comparison.stale:
            other = result.summaries[(other_lang, rel)]
            update = sections_to_update(page, changes, other) if changes.known else ""
            lines.append(
                f"  {other.display} did not change: if the change is right, update "
                f"{other.display + ' ' + update if update else 'it'} to match; if it was a mistake, undo it."
            )
        path = site.page_path(lang, rel).relative_to(site.root).as_posix()
        if not has_git:
            lines.append("  (no git repository here: the sections above are all the lock can tell)")
            continue
        version = locked_version(site.root, path, entry.hashes[lang], entry.commit)
        if version is None:
            missing = f"commit {entry.commit[:12]} and later" if entry.commit else "the page's history"
            lines.append(
                f"  the locked version of {page.display} is not in this clone ({missing}); fetch more history "
                f"(`git fetch --deepen=50` or `git fetch --unshallow`) to see the text diff"
            )
            continue
        diff = text_diff(site.root, version, path)
        if diff is None:
            lines.append("  git could not show the diff")
            continue
        lines.append(f"  text changes since {version[:12]} (the locked version):")
        lines.append(diff.rstrip("\n") or "  (only whitespace or line endings changed)")
    if comparison.state is PairState.STALE:
        lines.append(
            f"When both sides agree: `{LOCK_COMMAND} {rel}` (or, if the change needs no translation, "
            f"`{LOCK_COMMAND} {rel} --reason \"…\"`)"
        )
    else:
        lines.append(f"Both sides changed; once they say the same thing: `{LOCK_COMMAND} {rel}`")
    return "\n".join(lines)
