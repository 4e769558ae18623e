"""The translation-status table, in each language, from a check result and the lock; its words are in
data/status-labels.yml."""

from __future__ import annotations

import posixpath
from collections.abc import Mapping
from typing import Any

from parity.checker import CheckResult, PairStatus
from parity.lock import PairState
from parity.policy import Policy

STATUS_PAGE = "translation-status.md"
CHECKS_MARKER = "<!-- parity:checks -->"  # on the status page, replaced by the list of the checks the build runs
# The status page's words for a site whose policy names no status-labels file (English).
DEFAULT_LABELS: Mapping[str, Any] = {
    "page": "Page", "state": "State", "locked": "Last locked", "in-step": "in step",
    "in-step-reason": "in step; locked with a change to one side only (editor's note: “{reason}”)",
    "stale": "{langs} may be stale", "both-changed": "both sides changed since the lock", "not-locked": "not locked",
    "findings": "findings ({count})", "missing": "missing in {langs}", "never": "never", "joiner": ", ",
    "languages": {},
}


def labels_for(policy: Policy, lang: str) -> Mapping[str, Any]:
    """The status page's words in `lang` (data/status-labels.yml), or the first language the file has, or the
    built-in English ones."""
    if not policy.status_labels:
        return DEFAULT_LABELS
    return policy.status_labels.get(lang, policy.status_labels.get(lang.split("-")[0].lower(),
                                                                   next(iter(policy.status_labels.values()))))


def _lang_names(langs: tuple[str, ...], labels: Mapping[str, Any]) -> str:
    names = labels.get("languages") or {}
    return str(labels.get("joiner", ", ")).join(str(names.get(lang, lang)) for lang in langs)


def state_label(pair: PairStatus, languages: tuple[str, ...], lang: str, policy: Policy) -> str:
    """The pair's state in words, in `lang` (data/status-labels.yml)."""
    labels = labels_for(policy, lang)
    missing = tuple(other for other in languages if other not in pair.present)
    if missing:
        return str(labels["missing"]).format(langs=_lang_names(missing, labels))
    if pair.findings:
        return str(labels["findings"]).format(count=pair.findings)
    if pair.lock.state is PairState.IN_STEP and pair.lock.reason:
        return str(labels["in-step-reason"]).format(reason=pair.lock.reason)
    if pair.lock.state is PairState.STALE:
        return str(labels["stale"]).format(langs=_lang_names(pair.lock.stale, labels))
    return str(labels[pair.lock.state.value])


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def status_table(result: CheckResult, lang: str, page_rel: str = STATUS_PAGE) -> str:
    """A Markdown table with one row per page pair, labelled in `lang`, linking to that language's pages."""
    labels = labels_for(result.policy, lang)
    lines = [
        f"| {labels['page']} | {labels['state']} | {labels['locked']} |",
        "| --- | --- | --- |",
    ]
    base = posixpath.dirname(page_rel)
    for pair in sorted(result.pairs, key=lambda p: p.rel):
        title = pair.titles.get(lang) or pair.rel
        if lang in pair.present:
            link = posixpath.relpath(pair.rel, base) if base else pair.rel
            page = f"[{_cell(title)}]({link})"
        else:
            page = _cell(f"{title} ({pair.rel})")
        locked = pair.lock.locked or labels["never"]
        lines.append(f"| {page} | {state_label(pair, result.languages, lang, result.policy)} | {locked} |")
    return "\n".join(lines) + "\n"


def checks_list(result: CheckResult, lang: str) -> str:
    """What the build checks, one item per rule it runs, in `lang`: the `checks` words of data/status-labels.yml
    (a test keeps them in step with the rule list), or the rule's own one-line summary."""
    from parity.registry import RULES

    words = labels_for(result.policy, lang).get("checks") or {}
    return "".join(f"- {words.get(rule_id) or RULES[rule_id].summary}\n" for rule_id in result.rules)
