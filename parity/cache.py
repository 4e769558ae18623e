"""An on-disk cache of page summaries, keyed by a hash of the file's bytes, its path and the renderer settings.

Rendering is the slow part of a check; an unchanged page is never rendered twice. The cache lives in
.parity-cache/ (git-ignored) and is safe to delete at any time.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from pathlib import Path
from typing import Any

from parity.documents import EncodingProblem, FrontMatterProblem
from parity.structure import HeadingInfo, PageSummary, SectionSummary, SourceSection


def summary_to_json(summary: PageSummary) -> dict[str, Any]:
    """A page summary as JSON-compatible data (the only place that knows its on-disk shape)."""
    return dataclasses.asdict(summary)


def summary_from_json(data: dict[str, Any]) -> PageSummary:
    """The page summary `summary_to_json` wrote."""
    encoding = data["encoding_problem"]
    front_matter_problem = data["front_matter_problem"]
    return PageSummary(
        lang=data["lang"],
        rel=data["rel"],
        display=data["display"],
        content_hash=data["content_hash"],
        front_matter=data["front_matter"],
        front_matter_problem=FrontMatterProblem(**front_matter_problem) if front_matter_problem else None,
        encoding_problem=EncodingProblem(**encoding) if encoding else None,
        h1=list(data["h1"]),
        headings=[HeadingInfo(**heading) for heading in data["headings"]],
        sections=[SectionSummary(**section) for section in data["sections"]],
        source_sections=[SourceSection(**section) for section in data["source_sections"]],
        anchors=list(data["anchors"]),
    )


def page_key(lang: str, rel: str, raw: bytes) -> str:
    """A cache key for one page's raw bytes: the summaries' and the meaning rules' caches both use it."""
    digest = hashlib.sha256()
    for part in (lang.encode(), b"\0", rel.encode(), b"\0", raw):
        digest.update(part)
    return digest.hexdigest()


class JsonFileCache:
    """One JSON file in the cache folder: entries keyed by `page_key`, valid only for the settings they were made
    with. The summaries' cache and the meaning rules' cache (parity/units.py) are both one of these."""

    def __init__(self, directory: Path | None, file_name: str, settings: str) -> None:
        self._settings = settings
        self._entries: dict[str, Any] = {}
        self._used: set[str] = set()
        self._dirty = False
        self._path = directory / file_name if directory else None
        if self._path and self._path.is_file():
            try:
                data = json.loads(self._path.read_text(encoding="utf-8"))
                if data.get("settings") == settings:
                    self._entries = data["entries"]
            except (OSError, ValueError, KeyError, TypeError, AttributeError):
                self._entries = {}  # a damaged cache is only a slower check

    @staticmethod
    def key(lang: str, rel: str, raw: bytes) -> str:
        return page_key(lang, rel, raw)

    def get_raw(self, key: str) -> Any:
        value = self._entries.get(key)
        if value is not None:
            self._used.add(key)
        return value

    def put_raw(self, key: str, value: Any) -> None:
        self._entries[key] = value
        self._used.add(key)
        self._dirty = True

    def save(self) -> None:
        """Write the cache, keeping only the entries this check used, so it never grows without bound."""
        if self._path is None:
            return
        if not self._dirty and len(self._used) == len(self._entries):
            return
        entries = {key: self._entries[key] for key in self._used}
        payload: dict[str, Any] = {"settings": self._settings, "entries": entries}
        try:
            self._path.parent.mkdir(parents=True, exist_ok=True)
            temporary = self._path.with_name(f"{self._path.name}.{os.getpid()}.tmp")
            temporary.write_text(json.dumps(payload, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
            temporary.replace(self._path)
        except OSError:
            pass  # a read-only checkout still gets a correct (if slower) check


class SummaryCache(JsonFileCache):
    def __init__(self, directory: Path | None, settings_fingerprint: str) -> None:
        super().__init__(directory, "summaries.json", settings_fingerprint)

    def get(self, key: str) -> PageSummary | None:
        data = self._entries.get(key)
        if data is None:
            return None
        try:
            summary = summary_from_json(data)
        except (KeyError, TypeError, ValueError):
            return None  # written by an older checker: render again
        self._used.add(key)
        return summary

    def put(self, key: str, summary: PageSummary) -> None:
        self.put_raw(key, summary_to_json(summary))
