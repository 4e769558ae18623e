"""Language purity: untranslated English prose on a Chinese page, Chinese prose on an English page.

Callers pass text with code, URLs in link targets, abbreviations and exempt tables already left out, one block
per line. Allowed here: proper names and titles (runs of capitalised words), abbreviations, numbers, and short
parenthetical glosses such as 首席营销官（Chief Marketing Officer） or senior marketer (高级营销师).
"""

from __future__ import annotations

import re

GLOSS_MAX_CHARS = 100  # a parenthetical gloss longer than this is prose, not a gloss
ENGLISH_RUN_MIN_WORDS = 4  # a run of this many English words ...
ENGLISH_RUN_MIN_PROSE_WORDS = 2  # ... with this many lower-case, non-connector words is untranslated prose
CHINESE_GLOSSED_TERM_MAX_CHARS = 24  # "营销师国家职业标准 (National ...)": a term followed by its gloss

_URL = re.compile(r"(?:https?://|ftp://|mailto:|www\.)\S+", re.IGNORECASE)
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f"
_ASCII_GLOSS = re.compile(r"\(([^()\n]{0,%d})\)" % GLOSS_MAX_CHARS)
_FULLWIDTH_GLOSS = re.compile(r"（([^（）\n]{0,%d})）" % GLOSS_MAX_CHARS)
_BOOK_TITLE = re.compile(r"《[^《》\n]{0,%d}》" % GLOSS_MAX_CHARS)
# Latin text between Chinese: words, digits, spaces and ASCII punctuation, starting and ending on a letter.
_LATIN_RUN = re.compile(r"[A-Za-z][A-Za-z0-9\s,.;:!?&/+'’\"“”\-–—%]*[A-Za-z]")
_WORD = re.compile(r"[A-Za-z]+(?:['’\-][A-Za-z]+)*")
_CONNECTORS = frozenset(
    "a an and as at by de du for from in of on or the to vs via with von van la le der".split()
)
_HAN_RUN = re.compile(r"[%s](?:[%s\u3000-\u303f\uff01-\uff0f\uff1a-\uff20·\s]*[%s])?" % (_HAN, _HAN, _HAN))
_GLOSS_AFTER = re.compile(r"[》」』”\"'\s]*[(（]")


def is_chinese(lang: str) -> bool:
    return lang.lower().startswith("zh")


def _excerpt(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def english_prose_runs(text: str) -> list[str]:
    """Runs of English prose in Chinese text (outside glosses, book titles and URLs)."""
    text = _URL.sub("、", text)
    for pattern in (_ASCII_GLOSS, _FULLWIDTH_GLOSS, _BOOK_TITLE):
        text = pattern.sub("、", text)
    runs: list[str] = []
    for line in text.split("\n"):
        for match in _LATIN_RUN.finditer(line):
            words = _WORD.findall(match.group())
            if len(words) < ENGLISH_RUN_MIN_WORDS:
                continue
            prose = [word for word in words if word[0].islower() and word.lower() not in _CONNECTORS]
            if len(prose) >= ENGLISH_RUN_MIN_PROSE_WORDS:
                runs.append(_excerpt(match.group()))
    return runs


def _is_gloss(inner: str) -> bool:
    return len(inner.strip()) <= GLOSS_MAX_CHARS


def _gloss_spans(line: str) -> list[tuple[int, int]]:
    return [
        match.span()
        for pattern in (_ASCII_GLOSS, _FULLWIDTH_GLOSS)
        for match in pattern.finditer(line)
        if _is_gloss(match[1])
    ]


def chinese_runs(text: str) -> list[str]:
    """Runs of Chinese in English text, outside short parenthetical glosses and glossed terms."""
    text = _URL.sub(" ", text)
    runs: list[str] = []
    for line in text.split("\n"):
        glosses = _gloss_spans(line)
        for match in _HAN_RUN.finditer(line):
            start, end = match.span()
            if any(g_start < start and end < g_end for g_start, g_end in glosses):
                continue  # senior marketer (高级营销师)
            followed_by_gloss = _GLOSS_AFTER.match(line, end) is not None
            if followed_by_gloss and len(match.group()) <= CHINESE_GLOSSED_TERM_MAX_CHARS:
                continue  # 高级营销师 (senior marketer)
            runs.append(_excerpt(match.group()))
    return runs


def impure_runs(text: str, lang: str) -> list[str]:
    """The runs of the other language in `text`, written in `lang`."""
    return english_prose_runs(text) if is_chinese(lang) else chinese_runs(text)
