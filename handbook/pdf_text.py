"""Repair the text layer of a Chinese PDF printed by Chromium, so that copying and searching give the right characters.

Chromium (Skia) writes each font's ToUnicode map, which says what text each glyph stands for, from the font's own
character map. Noto Sans CJK draws the radical ⾸ (U+2FB8) and the ideograph 首 (U+9996) with the same glyph, and
Skia picks the radical: the PDF looks right but 首席营销官手册 copies, searches and reads aloud as ⾸席营销官⼿册.
Each radical's equivalent ideograph is Unicode's own data (equivalent_unified_ideographs.txt); the handbook's text
has no radicals, so every radical in a ToUnicode map is one of these and is replaced by its ideograph.
Likewise a Latin ligature glyph (ﬁ, ﬃ) stands for its letters, so that "Officer" is found in the PDF.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from pathlib import Path

EQUIVALENTS_FILE = Path(__file__).with_name("equivalent_unified_ideographs.txt")
_BFCHAR = re.compile(r"beginbfchar(.*?)endbfchar", re.S)
_BFRANGE = re.compile(r"beginbfrange(.*?)endbfrange", re.S)
_HEX = re.compile(r"<([0-9A-Fa-f]+)>")
LIGATURES = range(0xFB00, 0xFB07)  # Alphabetic Presentation Forms: ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ


@cache
def equivalent_ideographs() -> dict[int, int]:
    """Radical → equivalent unified ideograph, from the data file."""
    table: dict[int, int] = {}
    for line in EQUIVALENTS_FILE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            radical, ideograph = line.split(";")
            table[int(radical, 16)] = int(ideograph, 16)
    return table


def _text(utf16_hex: str) -> str:
    return bytes.fromhex(utf16_hex).decode("utf-16-be", errors="surrogatepass")


def _utf16_hex(text: str) -> str:
    return text.encode("utf-16-be", errors="surrogatepass").hex().upper()


def _mappings(cmap: str) -> dict[str, str]:
    """Glyph code (hex, as written) → text, from a ToUnicode CMap's bfchar and bfrange sections."""
    mappings: dict[str, str] = {}
    for block in _BFCHAR.findall(cmap):
        codes = _HEX.findall(block)
        for source, target in zip(codes[0::2], codes[1::2]):
            mappings[source] = _text(target)
    for block in _BFRANGE.findall(cmap):
        for line in block.strip().splitlines():
            codes = _HEX.findall(line)
            if len(codes) != 3 or "[" in line:
                continue  # array ranges: Skia does not write them
            first, last, start = int(codes[0], 16), int(codes[1], 16), _text(codes[2])
            for offset in range(last - first + 1):
                mappings[f"{first + offset:0{len(codes[0])}X}"] = start[:-1] + chr(ord(start[-1]) + offset)
    return mappings


def _repaired(char: str, table: dict[int, int]) -> str:
    if ord(char) in table:
        return chr(table[ord(char)])
    if ord(char) in LIGATURES:
        return unicodedata.normalize("NFKC", char)
    return char


def repair_to_unicode(cmap: str) -> str | None:
    """The CMap with every radical replaced by its ideograph and every ligature by its letters, or None when it
    maps neither."""
    table = equivalent_ideographs()
    mappings = _mappings(cmap)
    if not any(_repaired(char, table) != char for text in mappings.values() for char in text):
        return None
    repaired = {code: "".join(_repaired(char, table) for char in text) for code, text in mappings.items()}
    head = cmap[: min(match.start() for match in (_BFCHAR.search(cmap), _BFRANGE.search(cmap)) if match)]
    head = head[: head.rfind("\n") + 1] if "\n" in head else head
    tail = cmap[cmap.index("endcmap") :]
    entries = sorted(repaired.items())
    blocks = []
    for start in range(0, len(entries), 100):  # at most 100 entries per block (PDF reference)
        chunk = entries[start : start + 100]
        lines = "\n".join(f"<{code}> <{_utf16_hex(text)}>" for code, text in chunk)
        blocks.append(f"{len(chunk)} beginbfchar\n{lines}\nendbfchar\n")
    return head + "".join(blocks) + tail
