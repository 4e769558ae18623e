"""What every rule's check function may read during one check: the site, its policy, its rendered pages, the lock
and (for the house-style term rules) the terminology."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from parity.config import SiteConfig
from parity.lock import LockEntry
from parity.page import Page
from parity.policy import Policy
from parity.termdata import TermMatcher, Terminology


@dataclass
class Run:
    site: SiteConfig
    policy: Policy
    pages: Mapping[tuple[str, str], Page]  # (lang, rel) -> page
    present: Mapping[str, list[str]]  # lang -> the pages it has
    lock: Mapping[str, LockEntry] = field(default_factory=dict)
    terminology: Terminology | None = None
    _matchers: dict[str, TermMatcher] = field(default_factory=dict)
    memo: dict[tuple[str, ...], object] = field(default_factory=dict)  # what one rule works out for others

    @property
    def default(self) -> str:
        return self.site.languages[0]

    def counterpart(self, page: Page) -> Page | None:
        """The page the messages about `page` compare with: the default language's, or for a page in the default
        language, the first other language's."""
        if page.lang != self.default:
            return self.pages.get((self.default, page.rel))
        return next((self.pages[(lang, page.rel)] for lang in self.site.languages[1:]
                     if (lang, page.rel) in self.pages), None)

    def matcher(self, lang: str) -> TermMatcher | None:
        if self.terminology is None:
            return None
        if lang not in self._matchers:
            self._matchers[lang] = TermMatcher(self.terminology.terms, lang)
        return self._matchers[lang]
