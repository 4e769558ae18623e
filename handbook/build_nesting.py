"""Tell the outermost MkDocs build from the nested ones mkdocs-static-i18n runs.

static-i18n builds each further language inside the default language's on_post_build, with the same config object
and every event again (on_pre_build … on_post_build). No MkDocs or static-i18n setting says which build is running,
so every hook that must act once per build keeps one of these: enter() in on_pre_build, leave() in an
on_post_build that runs after static-i18n's (event priority below -100), reset() in on_build_error.
"""

from __future__ import annotations


class BuildNesting:
    def __init__(self) -> None:
        self.depth = 0

    def enter(self) -> bool:
        """Enter one build level; True when it is the outermost build."""
        self.depth += 1
        return self.depth == 1

    def leave(self) -> bool:
        """Leave one build level; True when that was the outermost build."""
        self.depth = max(self.depth - 1, 0)
        return self.depth == 0

    def reset(self) -> None:
        self.depth = 0
