"""P7-language: no prose of the other language on a page (outside the allowances in parity.language)."""

from __future__ import annotations

from parity.findings import Finding, Location
from parity.language import is_chinese
from parity.page import Page, counterpart_labels
from parity.registry import declare
from parity.run import Run

LANGUAGE = declare(
    "P7-language", "no untranslated prose of the other language",
    how_to="Translate the text, or reduce it to a short gloss in parentheses.",
    hints={
        "translate-english": "translate it (as {other} says it), or keep only a short gloss in parentheses",
        "translate-chinese": "translate it (as {other} says it), or keep it only as a short gloss, e.g. senior "
        "marketer (高级营销师)",
    },
)


@LANGUAGE.page
def check_language(page: Page, other: Page | None, run: Run) -> list[Finding]:
    """Runs of the other language, one finding each, in the section the default language's page names."""
    findings: list[Finding] = []
    counterpart = other.display if other else "the other language"
    labels = counterpart_labels(page, other) if page.lang != run.default else {}
    for section in page.sections:
        label = labels.get(section.key, section.label)
        for run_ in section.runs:
            chinese = is_chinese(page.lang)
            what = (f"untranslated English on a Chinese page: “{run_.text}”" if chinese
                    else f"Chinese on an English page: “{run_.text}”")
            findings.append(Finding(
                LANGUAGE.id, Location(page.display, run_.line if run_.line is not None else section.line), what,
                other=Location(other.display) if other else None, section=label,
                hint=("translate-english" if chinese else "translate-chinese", (("other", counterpart),)),
            ))
    return findings
