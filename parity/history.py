"""What git knows about a page: the commit checked out now, and the version of a page that a lock confirmed.

Everything here is optional: without git, or outside a repository, every function answers None and the checker
falls back to the lock's section hashes.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from parity.documents import content_hash, decode


def _git(root: Path, *args: str) -> str | None:
    """git's output, or None when git is missing, this is not a repository, or the command fails."""
    executable = shutil.which("git")
    if executable is None:
        return None
    try:
        completed = subprocess.run(
            [executable, *args], cwd=root, capture_output=True, check=False, timeout=60
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if completed.returncode != 0:
        return None
    return completed.stdout.decode("utf-8", errors="replace")


def current_commit(root: Path) -> str | None:
    """The commit checked out in `root`'s repository, or None."""
    output = _git(root, "rev-parse", "--verify", "--quiet", "HEAD")
    return output.strip() or None if output else None


def has_commit(root: Path, commit: str) -> bool:
    return _git(root, "cat-file", "-e", f"{commit}^{{commit}}") is not None


def _version_hash(root: Path, commit: str, path: str) -> str | None:
    executable = shutil.which("git")
    if executable is None:
        return None
    try:
        completed = subprocess.run(
            [executable, "show", f"{commit}:./{path}"], cwd=root, capture_output=True, check=False, timeout=60
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if completed.returncode != 0:
        return None
    return content_hash(decode(completed.stdout)[0])


def locked_version(root: Path, path: str, locked_hash: str, commit: str | None) -> str | None:
    """A commit holding the version of `path` (relative to `root`) that the lock confirmed, or None.

    The lock records the commit checked out when it was written; the confirmed text is there, or (when the pages
    were locked before they were committed) in a later commit that touched the page. Without a recorded commit,
    the page's whole history is searched. Works in a shallow clone as long as that version is in it.
    """
    candidates: list[str] = []
    if commit and has_commit(root, commit):
        candidates.append(commit)
        later = _git(root, "log", "--format=%H", "--reverse", f"{commit}..HEAD", "--", path)
        candidates += (later or "").split()
    else:
        candidates += (_git(root, "log", "--format=%H", "--", path) or "").split()
    for candidate in candidates:
        if _version_hash(root, candidate, path) == locked_hash:
            return candidate
    return None


def text_diff(root: Path, commit: str, path: str) -> str | None:
    """`git diff` of `path` from `commit` to the working tree, or None if git cannot produce it."""
    return _git(root, "-c", "core.quotepath=off", "diff", "--no-color", "--no-ext-diff", commit, "--", path)
