"""Untranslated text a reader notices, beyond parity.language's runs of prose:

- English leftovers in Chinese prose: a lowercase common English word ("the", "and", "director"'s "of the") left
  in a Chinese sentence, outside glosses, quotations, book titles, URLs, code, links and emphasis (where English
  is quoted or named on purpose). Acronyms and names are capitalised, so they never count.
- An untranslated copy of a page: most of its text is the counterpart's text, or in the counterpart's script.
  Such a page is one finding, not one per sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from parity.language import URL, is_chinese

# Common English words that a term mention ("即英文的 marketing") does not contain but a leftover phrase usually
# does: articles, pronouns, prepositions, conjunctions, auxiliaries.
COMMON_WORDS = frozenset("""
a an the and or but nor if then than so as at by for from in into of off on onto out over per to up upon via with
within without about above after against along among around before behind below between beyond during except
under until while whether which who whom whose what when where why how that this these those there here it its
he she his her him they them their we us our you your i me my is are was were be been being am do does did done
has have had having will would shall should can could may might must not no yes also only just very more most
such each every all any both either neither other another some own same too again once
""".split())
_SPARED = re.compile(  # glosses, book titles and quotations: English kept on purpose
    r"\([^()\n]{0,100}\)|（[^（）\n]{0,100}）|《[^《》\n]{0,100}》|“[^”\n]{0,100}”|「[^」\n]{0,100}」|\"[^\"\n]{0,100}\""
)
# Words, not pieces of identifiers or options: u16be, up_mbps, network_is_constrained, any/all hold no English word.
_LATIN_RUN = re.compile(
    r"(?<![A-Za-z0-9_./])[A-Za-z][A-Za-z'’\-]*(?![A-Za-z0-9_/])(?:[ \t]+[A-Za-z][A-Za-z'’\-]*(?![A-Za-z0-9_/]))*"
)
_WORD = re.compile(r"[A-Za-z]+(?:['’\-][A-Za-z]+)*")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN_WORDS = re.compile(r"[A-Za-z]{2,}")
COPY_SHARE = 0.5  # a page whose units are mostly the counterpart's text is an untranslated copy
_MIN_UNIT_CHARS = 12  # shorter units (names, numbers, "CMO") say nothing about translation


def english_leftovers(text: str) -> list[str]:
    """Runs of English words in Chinese text that hold a lowercase common word, outside spared spans."""
    text = _SPARED.sub("、", URL.sub("、", text))
    found: list[str] = []
    for line in text.split("\n"):
        if not _HAN.search(line):
            continue  # no Chinese around it (a heading of field names, "up, down"): not left in Chinese prose
        for match in _LATIN_RUN.finditer(line):
            words = _WORD.findall(match.group())
            named = [word for word in words if word not in COMMON_WORDS]
            if named and all(word[0].isupper() for word in named):
                continue  # a name: DNS over HTTPS, Attack of the Clones, by Ljzd-PRO
            if any(word in COMMON_WORDS for word in words) and any(word.islower() and len(word) > 1 for word in words):
                found.append(" ".join(match.group().split()))
    return found


def _foreign(text: str, lang: str, other_lang: str) -> bool:
    """The unit is written in the other language's script (Chinese vs Latin)."""
    if is_chinese(lang) and not is_chinese(other_lang):
        return not _HAN.search(text) and len(_LATIN_WORDS.findall(text)) >= 3
    if is_chinese(other_lang) and not is_chinese(lang):
        return bool(_HAN.search(text)) and not _LATIN_WORDS.search(text)
    return False


def copied_share(texts: Iterable[str], other_texts: Iterable[str], lang: str, other_lang: str) -> tuple[int, int, int]:
    """(units that are the counterpart's text, units in the counterpart's script, units considered) of a page."""
    others = {text for text in other_texts if len(text) >= _MIN_UNIT_CHARS}
    considered = identical = foreign = 0
    for text in texts:
        if len(text) < _MIN_UNIT_CHARS or len(text.split()) < 2:
            continue  # one token (override_address, Chromium/Cronet) reads the same in every language
        considered += 1
        identical += text in others
        foreign += _foreign(text, lang, other_lang)
    return identical, foreign, considered
