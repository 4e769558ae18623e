"""Finding the key terms in the text of one language: the forms a `Term` holds for that language code."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from parity.language import best_match

if TYPE_CHECKING:
    from parity.termdata import Term


@dataclass(frozen=True)
class TermMatch:
    term: Term
    form: str  # as written on the page


class TermMatcher:
    """Finds the key terms in text of one language: whole words in English (any case, optional plural -s/-es),
    anywhere in Chinese; an English form on a Chinese page (CMO) is matched as a whole word. Each term is looked
    for on its own and the longest match wins: "sales and marketing director" is one term, not also "marketing
    director"."""

    def __init__(self, terms: Sequence[Term], lang: str) -> None:
        self.lang = lang
        self._patterns: list[tuple[Term, re.Pattern[str]]] = []
        self._anchors: list[tuple[str, ...]] = []
        for term in terms:
            if not term.key:
                continue
            code = best_match(lang, term.forms)
            forms = sorted({self._normal(form) for form in term.forms.get(code, ()) if code}, key=len, reverse=True)
            pieces = []
            for form in forms:
                escaped = re.escape(form).replace(r"\ ", r"[\s\-]+")
                if re.search(r"[A-Za-z0-9]", form):
                    pieces.append(rf"(?<![A-Za-z0-9]){escaped}(?:e?s)?(?![A-Za-z0-9])")
                else:
                    pieces.append(escaped)
            if pieces:
                # A word each form must contain (any letter case): a cheap substring test before the regex.
                anchors = tuple({max(re.split(r"[\s\-]+", form), key=len) for form in forms})
                self._patterns.append((term, re.compile("|".join(pieces), re.IGNORECASE)))
                self._anchors.append(anchors)
        # One search for any form first: most units name no key term at all.
        self._any = re.compile("|".join(f"(?:{p.pattern})" for _, p in self._patterns), re.IGNORECASE) if self._patterns else None

    @staticmethod
    def _normal(form: str) -> str:
        return " ".join(form.lower().replace("-", " ").split())

    def matches(self, text: str) -> list[TermMatch]:
        """Every use of a key term in `text`, in order; where matches overlap, the longest wins: "sales and
        marketing director" is one term, not also "marketing director"."""
        if self._any is None or not self._any.search(text):
            return []
        lowered = self._normal(text) if "-" in text else " ".join(text.lower().split())
        candidates = [(term, m) for (term, pattern), anchors in zip(self._patterns, self._anchors)
                      if any(anchor in lowered for anchor in anchors) for m in pattern.finditer(text)]
        candidates.sort(key=lambda tm: (-(tm[1].end() - tm[1].start()), tm[1].start()))
        taken: list[tuple[int, int, TermMatch]] = []
        for term, m in candidates:
            if not any(m.start() < end and start < m.end() for start, end, _ in taken):
                taken.append((m.start(), m.end(), TermMatch(term, m.group())))
        return [match for _, _, match in sorted(taken, key=lambda entry: entry[0])]

    def find(self, text: str) -> dict[str, TermMatch]:
        """Term name -> the first match of that term in `text`."""
        found: dict[str, TermMatch] = {}
        for match in self.matches(text):
            found.setdefault(match.term.name, match)
        return found
