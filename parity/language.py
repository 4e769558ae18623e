"""Language purity: untranslated English prose on a Chinese page, Chinese prose on an English page.

Callers pass text with code, URLs in link targets, abbreviations and exempt tables already left out, one block
per line. Allowed here: proper names and titles (runs of capitalised words), abbreviations, numbers, and short
parenthetical glosses such as 首席营销官（Chief Marketing Officer） or senior marketer (高级营销师).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

GLOSS_MAX_CHARS = 100  # a parenthetical gloss longer than this is prose, not a gloss
ENGLISH_RUN_MIN_WORDS = 4  # a run of this many English words ...
ENGLISH_RUN_MIN_PROSE_WORDS = 2  # ... with this many lower-case, non-connector words is untranslated prose
CHINESE_GLOSSED_TERM_MAX_CHARS = 24  # "营销师国家职业标准 (National ...)": a term followed by its gloss

URL = re.compile(r"(?:https?://|ftp://|mailto:|www\.)\S+", re.IGNORECASE)  # to the next space
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f"
_ASCII_GLOSS = re.compile(r"\(([^()\n]{0,%d})\)" % GLOSS_MAX_CHARS)
_FULLWIDTH_GLOSS = re.compile(r"（([^（）\n]{0,%d})）" % GLOSS_MAX_CHARS)
_BOOK_TITLE = re.compile(r"《[^《》\n]{0,%d}》" % GLOSS_MAX_CHARS)
# Latin text between Chinese: words, digits, spaces and ASCII punctuation, starting and ending on a letter.
_LATIN_RUN = re.compile(r"[A-Za-z][A-Za-z0-9\s,.;:!?&/+'’\"“”\-–—%]*[A-Za-z]")
_SPACED_WORDS = re.compile(r"[A-Za-z]+ [A-Za-z]+ [A-Za-z]+")  # three words with only spaces between them
_WORD = re.compile(r"[A-Za-z]+(?:['’\-][A-Za-z]+)*")
_CONNECTORS = frozenset(
    "a an and as at by de du for from in of on or the to vs via with von van la le der".split()
)
_HAN_RUN = re.compile(r"[%s](?:[%s\u3000-\u303f\uff01-\uff0f\uff1a-\uff20·\s]*[%s])?" % (_HAN, _HAN, _HAN))
_GLOSS_AFTER = re.compile(r"[》」』”\"'\s]*[(（]")


# --- locales and scripts ----------------------------------------------------------------------------------------
# Script codes are ISO 15924: Hans (Simplified Chinese), Hant (Traditional Chinese), Latn (Latin), Cyrl, Jpan,
# Kore... A locale's script comes from CLDR's likely subtags (through Babel, which mkdocs-material already
# installs): zh → zh_Hans_CN, zh-TW → zh_Hant_TW, zh-HK → zh_Hant_HK, pt-BR → pt_Latn_BR.
SIMPLIFIED, TRADITIONAL, LATIN = "Hans", "Hant", "Latn"
HAN_SCRIPTS = frozenset({SIMPLIFIED, TRADITIONAL})  # scripts written in Chinese characters alone
# Scripts that mix Chinese characters with their own (Japanese kana, Korean hangul): Chinese runs prove nothing there.
HAN_MIXING_SCRIPTS = frozenset({"Jpan", "Kore", "Hani"})
# Used when Babel is not importable: the Chinese variants and a few common languages.
_FALLBACK_SCRIPTS = {
    "zh": SIMPLIFIED, "zh_cn": SIMPLIFIED, "zh_sg": SIMPLIFIED, "zh_my": SIMPLIFIED,
    "zh_tw": TRADITIONAL, "zh_hk": TRADITIONAL, "zh_mo": TRADITIONAL,
    "ja": "Jpan", "ko": "Kore", "ru": "Cyrl", "uk": "Cyrl", "el": "Grek", "ar": "Arab", "he": "Hebr",
}


def locale_parts(locale: str) -> tuple[str, str | None, str | None]:
    """(language, script, region) of a locale code in any of the forms sites use: zh, zh-TW, zh_Hant, zh-Hant-TW, pt-BR."""
    parts = [part for part in locale.replace("_", "-").split("-") if part]
    language = parts[0].lower() if parts else ""
    script = region = None
    for part in parts[1:]:
        if len(part) == 4 and part.isalpha():
            script = part.title()
        elif (len(part) == 2 and part.isalpha()) or (len(part) == 3 and part.isdigit()):
            region = part.upper()
    return language, script, region


def base_language(locale: str) -> str:
    """The language without script or region: zh-Hant → zh, pt_BR → pt."""
    return locale_parts(locale)[0]


def _likely_script(language: str, region: str | None) -> str | None:
    keys = ([f"{language}_{region}"] if region else []) + [language]
    try:
        from babel.core import get_global

        likely = get_global("likely_subtags")
    except Exception:  # noqa: BLE001 - Babel missing or without data: the small table below
        likely = None
    for key in keys:
        if likely is not None and key in likely:
            script = locale_parts(likely[key])[1]
            if script:
                return script
        if key.lower() in _FALLBACK_SCRIPTS:
            return _FALLBACK_SCRIPTS[key.lower()]
    return None


def script_of(locale: str) -> str | None:
    """The ISO 15924 script a locale is written in: zh, zh-CN → Hans; zh-TW, zh-HK, zh-Hant → Hant; en, fr, pt-BR
    → Latn; None for a code nothing is known about. An explicit script subtag wins."""
    language, script, region = locale_parts(locale)
    return script or _likely_script(language, region) or (LATIN if language in ("en", "fr", "de", "es", "it", "pt", "nl") else None)


def is_chinese(lang: str) -> bool:
    """Any Chinese variant: zh, zh-CN, zh-TW, zh-Hant, zh_Hans_SG."""
    return base_language(lang) == "zh"


def chinese_variant(locale: str) -> str | None:
    """Hans or Hant for a Chinese locale (zh-TW → Hant), None for any other language."""
    return script_of(locale) if is_chinese(locale) else None


def best_match(locale: str, available: Iterable[str]) -> str | None:
    """The key of `available` (language codes of some data: terms, labels, glossaries) that fits `locale` best.

    The same code (any case, - or _) first; then the same language in the same script (zh-TW takes zh-Hant data,
    zh-CN takes zh); never the same language in another script: a Traditional page does not get Simplified words.
    None when nothing fits."""
    codes = list(available)
    wanted = locale.replace("_", "-").lower()
    for code in codes:
        if code.replace("_", "-").lower() == wanted:
            return code
    language, script = base_language(locale), script_of(locale)
    candidates = [code for code in codes if base_language(code) == language and script_of(code) == script]
    if not candidates:
        return None
    return min(candidates, key=lambda code: (len(code), code))  # the plainest: zh before zh-CN


def _excerpt(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def english_prose_runs(text: str) -> list[str]:
    """Runs of English prose in Chinese text (outside glosses, book titles and URLs)."""
    text = URL.sub("、", text)
    for pattern in (_ASCII_GLOSS, _FULLWIDTH_GLOSS, _BOOK_TITLE):
        text = pattern.sub("、", text)
    runs: list[str] = []
    for line in text.split("\n"):
        for match in _LATIN_RUN.finditer(line):
            words = _WORD.findall(match.group())
            if len(words) < ENGLISH_RUN_MIN_WORDS:
                continue
            prose = [word for word in words if word[0].islower() and word.lower() not in _CONNECTORS]
            # Prose strings words with spaces; a list of names or identifiers (amd64, arm, arm64 or 386/amd64/arm)
            # separates each by punctuation.
            if len(prose) >= ENGLISH_RUN_MIN_PROSE_WORDS and _SPACED_WORDS.search(match.group()):
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
    text = URL.sub(" ", text)
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
    """The runs of the other language in `text`, written in `lang`: English prose on a page in Chinese characters
    (Simplified or Traditional); Chinese on a page in another script (Latin, Cyrillic...); nothing on a Japanese or
    Korean page, whose own script includes Chinese characters."""
    script = script_of(lang)
    if is_chinese(lang) or script in HAN_SCRIPTS:
        return english_prose_runs(text)
    if script in HAN_MIXING_SCRIPTS:
        return []
    return chinese_runs(text)


# --- numbers written as words --------------------------------------------------------------------------------
# A translation may write a small number as digits where the reference spells it out ("two layers" → "2 つの
# レイヤー", "five" → "5 个"), or the other way round. P6 compares Arabic figures; these words let it see that
# such a figure is there in words. Small integers only: larger numbers are written in digits in every language.
_NUMBER_WORDS: dict[str, dict[str, int]] = {
    "en": {word: value for value, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
        "seventeen eighteen nineteen twenty".split())}
    | {word: value for value, word in enumerate(
        "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth".split())}
    # An article or "per" is how English often says the 1 a Chinese or Japanese sentence writes (1 秒あたり: per
    # second; 1 个文件: a file); "hexadecimal" is base 16 (16 进制).
    | {"a": 1, "an": 1, "per": 1, "each": 1, "single": 1, "once": 1, "both": 2, "twice": 2, "double": 2, "triple": 3, "dozen": 12,
       "hexadecimal": 16,
       "non-negative": 0, "nonnegative": 0},  # "0 以上", "0 or more"
    "fr": {word: value for value, word in enumerate(
        "zéro un deux trois quatre cinq six sept huit neuf dix onze douze".split())} | {"une": 1},
    "de": {word: value for value, word in enumerate(
        "null eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf".split())} | {"ein": 1, "eine": 1},
    "es": {word: value for value, word in enumerate(
        "cero uno dos tres cuatro cinco seis siete ocho nueve diez once doce".split())} | {"una": 1, "un": 1},
    "ru": {word: value for value, word in enumerate(
        "ноль один два три четыре пять шесть семь восемь девять десять".split())} | {"одна": 1, "две": 2, "оба": 2},
}
# Chinese numerals (also read in Japanese text): one character each, so counted as characters.
_HAN_NUMERALS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
                 "八": 8, "九": 9, "十": 10}
_HAN_NUMBER_LOCALES = ("zh", "ja")  # ko writes 둘, 셋 (not listed: Hangul numerals are not handled)
_LATIN_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")  # with its hyphenated compounds: non-negative
_SIMPLE_WORD = re.compile(r"[^\W\d_]+")


def number_words(text: str, value: int, lang: str) -> int:
    """How often `text` (in `lang`) writes the small integer `value` in words: "two" in English, "两"/"二" in
    Chinese and Japanese. 0 for a language or number with no words here."""
    # Glued to a name (v1, TUICV5, HTTP2): figures.py leaves these out, so they count here, in any language.
    versions = len(re.findall(rf"(?<=[A-Za-z]){value}(?![0-9])", text))
    return versions + _spelled(text, value, lang)


def _spelled(text: str, value: int, lang: str) -> int:
    language = base_language(lang)
    if language in _HAN_NUMBER_LOCALES:
        return sum(1 for char in text if _HAN_NUMERALS.get(char) == value)
    words = _NUMBER_WORDS.get(language)
    if not words:
        return 0
    lowered = text.lower()  # "five-second" counts its five; "non-negative" counts as a whole
    compounds = [word for word in _LATIN_WORD.findall(lowered) if "-" in word]
    return sum(1 for word in _SIMPLE_WORD.findall(lowered) + compounds if words.get(word) == value)
