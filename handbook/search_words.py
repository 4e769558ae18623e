"""The handbook's own Chinese terms, added to jieba's dictionary so search indexes them as whole words.

Material's search plugin splits Chinese with jieba; without these, 营销总监 is indexed as 营销 + 总监 and
市场营销总监 as 市场营销 + 总监. The file is jieba's user-dictionary format: `word [frequency] [part of speech]`.
"""

from __future__ import annotations

from pathlib import Path

import jieba


class SearchWordsError(Exception):
    """The search-words file is missing, not UTF-8, or has a malformed line."""


def read_search_words(path: Path) -> list[tuple[str, int]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError as error:
        raise SearchWordsError(f"{path}: file is missing") from error
    except UnicodeDecodeError as error:
        raise SearchWordsError(f"{path}: not UTF-8 (byte {error.start}); save it as UTF-8") from error
    words: list[tuple[str, int]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        parts = line.split()
        if not parts or line.lstrip().startswith("#"):
            continue
        if len(parts) > 3 or (len(parts) > 1 and not parts[1].isdigit()):
            raise SearchWordsError(f"{path}:{number}: expected 'word [frequency] [part of speech]', got {line!r}")
        words.append((parts[0], int(parts[1]) if len(parts) > 1 else 50000))
    return words


def add_search_words(words: list[tuple[str, int]]) -> None:
    for word, frequency in words:
        jieba.add_word(word, freq=frequency)
