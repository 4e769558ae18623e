"""Track nested MkDocs builds: mkdocs-static-i18n builds each further language inside the default one's
post-build step. Site-wide outputs (the per-language search indexes, robots.txt) must be written once, when the
outermost build ends."""

from __future__ import annotations


class BuildNesting:
    def __init__(self) -> None:
        self.depth = 0

    def enter(self) -> None:
        self.depth += 1

    def leave(self) -> bool:
        """Leave one build level; True when that was the outermost build."""
        self.depth = max(self.depth - 1, 0)
        return self.depth == 0

    def reset(self) -> None:
        self.depth = 0
