"""P7-language: no prose of the other language on a page (outside the allowances in parity.language)."""

from __future__ import annotations

from parity.findings import Finding, Location
from parity.language import is_chinese
from parity.leftovers import COPY_SHARE, copied_share
from parity.page import Page, counterpart_labels
from parity.registry import declare
from parity.run import Run

LANGUAGE = declare(
    "P7-language", "no untranslated prose of the other language, no English words left in Chinese prose; an "
    "untranslated copy of a page is one finding",
    how_to="Translate the text, or reduce it to a short gloss in parentheses.",
    hints={
        "translate-english": "translate it (as {other} says it), or keep only a short gloss in parentheses",
        "translate-chinese": "translate it (as {other} says it), or keep it only as a short gloss, e.g. senior "
        "marketer (高级营销师)",
        "translate-page": "translate the page; its sentence-by-sentence language and term findings wait until then",
    },
)


def _texts(page: Page, run: Run) -> list[str]:
    skip_cells = page.rel in run.policy.bilingual_tables
    return [unit.text for section in page.sections for unit in section.units()
            if not (skip_cells and unit.kind == "cell")]


def _shares(page: Page, other: Page, run: Run) -> tuple[float, float, int]:
    identical, foreign, considered = copied_share(_texts(page, run), _texts(other, run), page.lang, other.lang)
    return (identical / considered, foreign / considered, considered) if considered else (0.0, 0.0, 0)


def untranslated_copy(page: Page, other: Page | None, run: Run) -> tuple[int, int] | None:
    """(copied units, units) when `page` is an untranslated copy of `other`: most of its text is `other`'s text
    or in `other`'s script. Of two identical pages, the copy is the one in the wrong script, else the one that
    is not in the default language."""
    if other is None:
        return None
    key = ("untranslated", page.display, other.display)
    if key not in run.memo:
        run.memo[key] = _untranslated_copy(page, other, run)
    return run.memo[key]  # type: ignore[return-value]


def _untranslated_copy(page: Page, other: Page, run: Run) -> tuple[int, int] | None:
    identical, foreign, considered = _shares(page, other, run)
    if considered < 3 or max(identical, foreign) < COPY_SHARE:
        return None
    if foreign < COPY_SHARE:  # the same text on both sides, in this page's own script: is the other the copy?
        other_foreign = _shares(other, page, run)[1]
        if other_foreign >= COPY_SHARE or page.lang == run.default:
            return None
    return round(max(identical, foreign) * considered), considered


@LANGUAGE.page
def check_language(page: Page, other: Page | None, run: Run) -> list[Finding]:
    """Runs of the other language, one finding each, in the section the default language's page names; or, for
    an untranslated copy of the counterpart, one finding for the page."""
    findings: list[Finding] = []
    if other is None and page.lang == run.default:
        return []  # a page only the reference language has (an English-only changelog) pairs with nothing; P1 says so
    counterpart = other.display if other else "the other language"
    copy = untranslated_copy(page, other, run)
    if copy is not None and other is not None:
        return [Finding(
            LANGUAGE.id, Location(page.display, 1),
            f"looks like an untranslated copy of {other.display}: {copy[0]} of its {copy[1]} paragraphs, list "
            f"items, table cells and headings are {other.display}'s text or in its language",
            other=Location(other.display), hint=("translate-page", ()),
        )]
    labels = counterpart_labels(page, other) if page.lang != run.default else {}
    for section in page.sections:
        label = labels.get(section.key, section.label)
        for run_ in section.runs:
            chinese = is_chinese(page.lang)
            what = (f"untranslated English on a Chinese page: “{run_.text}”" if chinese
                    else f"Chinese on an English page: “{run_.text}”")
            if run_.kind == "leftover":
                what = f"English words left in Chinese prose: “{run_.text}”"
            findings.append(Finding(
                LANGUAGE.id, Location(page.display, run_.line if run_.line is not None else section.line), what,
                other=Location(other.display) if other else None, section=label,
                hint=("translate-english" if chinese else "translate-chinese", (("other", counterpart),)),
            ))
    return findings
