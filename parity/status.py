"""The translation-status table, in each language, from a check result and the lock."""

from __future__ import annotations

import posixpath

from parity.checker import CheckResult, PairStatus
from parity.lock import PairState
from parity.rules import language_name

STATUS_PAGE = "translation-status.md"

_LABELS: dict[str, dict[str, str]] = {
    "en": {
        "page": "Page",
        "state": "State",
        "locked": "Last locked",
        "in-step": "in step",
        "in-step-reason": "in step; locked with a change to one side only: “{reason}”",
        "stale": "{langs} may be stale",
        "both-changed": "both sides changed since the lock",
        "not-locked": "not locked",
        "findings": "findings ({count})",
        "missing": "missing in {langs}",
        "never": "never",
        "en": "English",
        "zh": "Chinese",
    },
    "zh": {
        "page": "页面",
        "state": "状态",
        "locked": "上次锁定",
        "in-step": "已同步",
        "in-step-reason": "已同步；锁定时只改了一侧，理由：“{reason}”",
        "stale": "{langs}版可能过时",
        "both-changed": "锁定后两种语言均有修改",
        "not-locked": "尚未锁定",
        "findings": "有问题（{count} 项）",
        "missing": "缺少{langs}版",
        "never": "从未",
        "en": "英文",
        "zh": "中文",
    },
}


def _labels(lang: str) -> dict[str, str]:
    return _LABELS.get(lang.split("-")[0].lower(), _LABELS["en"])


def _lang_names(langs: tuple[str, ...], labels: dict[str, str]) -> str:
    joiner = "、" if labels is _LABELS["zh"] else ", "
    return joiner.join(labels.get(lang, language_name(lang)) for lang in langs)


def state_label(pair: PairStatus, languages: tuple[str, ...], lang: str) -> str:
    labels = _labels(lang)
    missing = tuple(other for other in languages if other not in pair.present)
    if missing:
        return labels["missing"].format(langs=_lang_names(missing, labels))
    if pair.findings:
        return labels["findings"].format(count=pair.findings)
    if pair.lock.state is PairState.IN_STEP and pair.lock.reason:
        return labels["in-step-reason"].format(reason=pair.lock.reason)
    if pair.lock.state is PairState.STALE:
        return labels["stale"].format(langs=_lang_names(pair.lock.stale, labels))
    return labels[pair.lock.state.value]


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def status_table(result: CheckResult, lang: str, page_rel: str = STATUS_PAGE) -> str:
    """A Markdown table with one row per page pair, labelled in `lang`, linking to that language's pages."""
    labels = _labels(lang)
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
        lines.append(f"| {page} | {state_label(pair, result.languages, lang)} | {locked} |")
    return "\n".join(lines) + "\n"
