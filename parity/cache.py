"""The checker's one on-disk cache: .parity-cache/parity.pickle (git-ignored, safe to delete at any time).

It holds rendered pages (`Page`) and rule findings, keyed by the raw bytes of the pages they came from. The whole
file is valid only for the fingerprint it was written with: a hash of the checker's own source code, the Markdown
library versions and the site's extension settings and policy. Any change to the code (a new field in `Page`, a
changed rule) therefore starts from an empty cache; nothing is rebuilt field by field, so nothing can come back
half-filled. Values are pickled whole, so what is read back is exactly what was stored.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path
from typing import Any

CACHE_FILE = "parity.pickle"


def page_key(lang: str, rel: str, raw: bytes) -> str:
    """A cache key for one page's raw bytes."""
    digest = hashlib.sha256()
    for part in (lang.encode(), b"\0", rel.encode(), b"\0", raw):
        digest.update(part)
    return digest.hexdigest()


def code_fingerprint() -> str:
    """A hash of this package's source, so a changed checker never reuses what an older one stored."""
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


class Cache:
    """Entries keyed by text, valid only for the fingerprint they were made with; `directory=None`: no cache."""

    def __init__(self, directory: Path | None, fingerprint: str) -> None:
        self._fingerprint = fingerprint
        self._entries: dict[str, Any] = {}
        self._used: set[str] = set()
        self._dirty = False
        self._path = directory / CACHE_FILE if directory else None
        if self._path and self._path.is_file():
            try:
                with self._path.open("rb") as file:
                    fingerprint_read, entries = pickle.load(file)  # noqa: S301 - our own git-ignored file
                if fingerprint_read == fingerprint and isinstance(entries, dict):
                    self._entries = entries
            except Exception:  # noqa: BLE001 - a damaged or foreign cache is only a slower check
                self._entries = {}

    def get(self, key: str) -> Any:
        value = self._entries.get(key)
        if value is not None:
            self._used.add(key)
        return value

    def put(self, key: str, value: Any) -> None:
        if self._path is None:
            return
        self._entries[key] = value
        self._used.add(key)
        self._dirty = True

    def save(self) -> None:
        """Write the cache, keeping only the entries this check used, so it never grows without bound."""
        if self._path is None or (not self._dirty and len(self._used) == len(self._entries)):
            return
        entries = {key: self._entries[key] for key in self._used}
        try:
            self._path.parent.mkdir(parents=True, exist_ok=True)
            temporary = self._path.with_name(f"{self._path.name}.{os.getpid()}.tmp")
            with temporary.open("wb") as file:
                pickle.dump((self._fingerprint, entries), file, protocol=pickle.HIGHEST_PROTOCOL)
            temporary.replace(self._path)
        except OSError:
            pass  # a read-only checkout still gets a correct (if slower) check
