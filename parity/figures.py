"""Arabic-numeral figures in a piece of text, normalised so both languages compare equal.

`50 万`, `500,000` and `0.5 million` are all `500000`; `1%` stays `1%`; `3–5`, `3-5` and `3 到 5` give 3 and 5;
`70-20-10` gives 70, 20 and 10 on both sides. Digits inside URLs are not figures (callers leave out code,
link targets, list markers and heading numbers before they get here).
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

# Here a URL is printable ASCII (parity.language.URL runs to the next space): it ends at the first non-ASCII
# character, so Chinese text glued to it (no space in Chinese) is still read, for figures and for key terms.
ASCII_URL = re.compile(r"(?:https?://|ftp://|mailto:|www\.)[!-~]+", re.IGNORECASE)
_NUMBER = re.compile(
    r"(?<![0-9.])(?<![0-9],)"  # not the tail of a longer number (3.2, 500,000)
    r"(?<![A-Za-z_])"  # nor part of a name: h2, v2ray, x25519, TUICV5 (a version "v1" is read as words: language.py)
    r"(?!(?<=[A-Za-z]-)\d+-?[A-Za-z])"  # nor a name's middle part: aes-128-gcm (mid-2016 is a year)
    r"(?<!(?-i:[a-z]):)"  # nor a port: example.com:443 (not 情形 C：6)
    r"(?P<int>\d{1,3}(?:,\d{3})+|\d+)"  # 500,000 or 2006
    r"(?:\.(?P<frac>\d+))?"  # 3.2
    r"(?![0-9])"
    r"(?:\s?(?P<unit>%|‰|万|亿|千|(?:thousand|million|billion)\b))?",
    re.IGNORECASE,
)
_MULTIPLIER = {
    "千": Decimal(10) ** 3,
    "thousand": Decimal(10) ** 3,
    "万": Decimal(10) ** 4,
    "million": Decimal(10) ** 6,
    "亿": Decimal(10) ** 8,
    "billion": Decimal(10) ** 9,
}
# A heading's own number ("1. Strategy", "2.3 Budget", "3) Plan") is structure, not a figure.
_HEADING_NUMBER = re.compile(r"^\s*(?:\d+(?:\.\d+)+[.)、:：]?|\d+[.)、:：])\s*")


def _plain(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text or "0"


def extract_figures(text: str) -> list[str]:
    """Every figure in `text`, in order, as canonical strings (`500000`, `0.5%`, `2006`)."""
    # NFKC turns full-width digits and ％ into ASCII; a full-width comma is punctuation, never a thousands separator.
    # The URL goes first: NFKC would turn a full-width bracket after it into an ASCII one that reads as part of it.
    # A full-width colon is punctuation too, never a port's colon (eFinancialCareers：2007).
    text = unicodedata.normalize("NFKC", ASCII_URL.sub(" ", text.replace("，", "、").replace("：", ": ")))
    figures: list[str] = []
    for match in _NUMBER.finditer(text):
        digits = match["int"].replace(",", "")
        if match["frac"]:
            digits += "." + match["frac"]
        try:
            value = Decimal(digits)
        except InvalidOperation:  # pragma: no cover - the pattern only matches digits
            continue
        unit = (match["unit"] or "").lower()
        if unit in _MULTIPLIER:
            figures.append(_plain(value * _MULTIPLIER[unit]))
        else:
            figures.append(_plain(value) + unit)
    return figures


def strip_heading_number(text: str) -> str:
    """A heading's text without its leading section number."""
    return _HEADING_NUMBER.sub("", text, count=1)
