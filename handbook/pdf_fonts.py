"""Check that a printed PDF's text is drawn with real glyphs: no reader gets a page of empty boxes.

Chromium prints whatever fonts the machine has (through fontconfig). Without a font that covers a language, say no
CJK font for Chinese, it still writes the PDF, but draws each of those characters with glyph 0, `.notdef`: an empty
box (tofu), and the PDF carries no text for it. The build then succeeds with an unreadable edition. So after
printing, the PDF's own content is read (pikepdf): every glyph shown through a CID-keyed font (Type0, Identity-H,
as Chromium writes TrueType fonts) with CID 0 is a `.notdef` box; and a document whose text has Chinese characters
must have an embedded font whose text map carries Chinese characters. Either failure is one line naming the font
package to install.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pikepdf

from handbook.pdf_text import _mappings

CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# The fonts to install for a language's script, as Debian packages (Ubuntu names them the same); the README's setup
# sections name them too. Any other language: Noto's core fonts.
FONT_PACKAGES = {"zh": "fonts-noto-cjk", "ja": "fonts-noto-cjk", "ko": "fonts-noto-cjk"}
DEFAULT_FONT_PACKAGE = "fonts-noto-core"
TEXT_OPERATORS = {"Tj", "TJ", "'", '"'}


def font_package(language: str, document_text: str = "") -> str:
    """The package whose fonts cover the document: a CJK one if it has Chinese characters (the English edition cites
    Chinese titles too), else the language's."""
    if CJK.search(document_text):
        return FONT_PACKAGES["zh"]
    return FONT_PACKAGES.get(language.split("-")[0].split("_")[0], DEFAULT_FONT_PACKAGE)


@dataclass(frozen=True)
class GlyphReport:
    notdef: int  # glyphs drawn as .notdef (empty boxes)
    cjk_mapped: bool  # some embedded font's text map carries a Chinese (CJK) character


def _is_identity_cid_font(font: pikepdf.Object) -> bool:
    return font.get("/Subtype") == "/Type0" and font.get("/Encoding") == "/Identity-H"


def _notdef_in(content_owner: pikepdf.Object, resources: pikepdf.Object | None, seen: set) -> int:
    fonts = resources.get("/Font", {}) if resources is not None else {}
    xobjects = resources.get("/XObject", {}) if resources is not None else {}
    count = 0
    current: pikepdf.Object | None = None
    for operands, operator in pikepdf.parse_content_stream(content_owner):
        name = str(operator)
        if name == "Tf":
            current = fonts.get(str(operands[0])) if operands else None
        elif name in TEXT_OPERATORS and current is not None and _is_identity_cid_font(current):
            strings = operands[-1] if name != "TJ" else [part for part in operands[0] if isinstance(part, pikepdf.String)]
            if name != "TJ":
                strings = [strings]
            for string in strings:
                data = bytes(string)
                count += sum(1 for i in range(0, len(data) - 1, 2) if data[i] == 0 and data[i + 1] == 0)
        elif name == "Do" and operands:
            xobject = xobjects.get(str(operands[0]))
            if xobject is not None and xobject.get("/Subtype") == "/Form" and xobject.objgen not in seen:
                seen.add(xobject.objgen)
                count += _notdef_in(xobject, xobject.get("/Resources", resources), seen)
    return count


def glyph_report(pdf_path: Path) -> GlyphReport:
    notdef = 0
    cjk_mapped = False
    with pikepdf.open(pdf_path) as pdf:
        seen: set = set()
        for page in pdf.pages:
            notdef += _notdef_in(page.obj, page.obj.get("/Resources"), seen)
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == "/Font" and "/ToUnicode" in obj:
                text = "".join(_mappings(obj.ToUnicode.read_bytes().decode("latin-1")).values())
                if CJK.search(text):
                    cjk_mapped = True
    return GlyphReport(notdef, cjk_mapped)


def unreadable(pdf_path: Path, language: str, document_text: str) -> str | None:
    """None when the PDF draws its text with real glyphs; else one line saying what is wrong and what to install."""
    report = glyph_report(pdf_path)
    install = (f"install the fonts it needs (Debian/Ubuntu: `sudo apt-get install {font_package(language, document_text)}`), "
               "then build again")
    if report.notdef:
        return f"{pdf_path.name} draws {report.notdef} character(s) as empty boxes, as no installed font has them: {install}"
    if CJK.search(document_text) and not report.cjk_mapped:
        return f"{pdf_path.name} has Chinese text but embeds no font with Chinese glyphs: {install}"
    return None
