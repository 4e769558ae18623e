"""Print HTML documents to PDF with real Chromium (the tests' rules: handbook/chromium.py).

Chromium writes a tagged PDF with an outline (bookmarks) from the headings, links that jump within the document,
the document's language and title, page numbers in the footer, and subsets of the fonts it used embedded (for
Chinese, the system's Noto Sans CJK), so the PDF reads the same on a machine without those fonts.
Nothing is fetched while printing: every request is refused, so no request can leave the machine.
Chromium writes the tagged PDF's structure (thousands of small objects) uncompressed; qpdf (pikepdf) packs them into
compressed object streams, which halves the file, and the fonts' text maps are repaired (handbook/pdf_text.py).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pikepdf

from handbook.chromium import CHROMIUM_FLAGS, INSTALL_HINT, chromium_executable
from handbook.pdf_text import repair_to_unicode


class PrinterUnavailable(Exception):
    """Playwright or a Chromium to drive is missing; the message says what to install."""


@dataclass(frozen=True)
class PrintJob:
    html: str  # the whole document, with its styles inline
    target: Path  # where the PDF goes
    footer_label: str  # the text before the page number in each sheet's footer
    # Given the sheet (1-based) each named destination lands on, the document to print again with those numbers
    # (its table of contents); None prints once.
    paginate: Callable[[str, dict[str, int]], str] | None = None


FOOTER = (
    '<div style="inline-size: 100%; font-size: 9px; color: #444; text-align: center; '
    "font-family: 'Noto Sans CJK SC', 'Noto Sans', sans-serif;\">"
    '{label} · <span class="pageNumber"></span> / <span class="totalPages"></span></div>'
)


def print_pdfs(jobs: list[PrintJob]) -> None:
    """Print every job with one Chromium. Raises PrinterUnavailable when there is no browser to print with."""
    try:
        from playwright.sync_api import Error as PlaywrightError
        from playwright.sync_api import sync_playwright
    except ImportError as error:
        raise PrinterUnavailable(f"Playwright is not installed ({error}): run `uv sync`") from error
    with sync_playwright() as playwright:
        executable = chromium_executable(playwright)
        if executable is None:
            raise PrinterUnavailable(f"no Chromium to print with: {INSTALL_HINT}")
        try:
            browser = playwright.chromium.launch(executable_path=str(executable), args=CHROMIUM_FLAGS, headless=True)
        except PlaywrightError as error:
            first_line = str(error).strip().splitlines()[0]
            raise PrinterUnavailable(f"Chromium at {executable} did not start ({first_line}): {INSTALL_HINT}") from error
        try:
            page = browser.new_page()
            page.route("**/*", lambda route: route.abort())  # the document needs nothing from anywhere
            for job in jobs:
                pdf = _print(page, job.html, job.footer_label)
                if job.paginate is not None:
                    pdf = _print(page, job.paginate(job.html, destination_sheets(pdf)), job.footer_label)
                job.target.write_bytes(compact(pdf))
        finally:
            browser.close()


def _print(page, document: str, footer_label: str) -> bytes:
    page.set_content(document, wait_until="load")
    page.evaluate("document.fonts.ready")
    label = footer_label.replace("&", "&amp;").replace("<", "&lt;")
    return page.pdf(
        prefer_css_page_size=True,
        print_background=True,
        display_header_footer=True,
        header_template="<div></div>",
        footer_template=FOOTER.format(label=label),
        outline=True,
        tagged=True,
    )


def destination_sheets(pdf: bytes) -> dict[str, int]:
    """{named destination: the sheet (1-based) it is on}. Chromium names one for every id a link points to, in the
    catalogue's /Dests dictionary (a /Names tree is read too)."""
    with pikepdf.open(io.BytesIO(pdf)) as document:
        sheets = {page.obj.objgen: number for number, page in enumerate(document.pages, start=1)}
        named: list[tuple[str, object]] = []
        if "/Dests" in document.Root:
            named += [(str(key)[1:], value) for key, value in document.Root.Dests.items()]
        names = document.Root.get("/Names")
        if names is not None and "/Dests" in names:
            named += [(str(key), value) for key, value in pikepdf.NameTree(names.Dests).items()]
        found = {}
        for name, destination in named:
            target = destination.get("/D") if isinstance(destination, pikepdf.Dictionary) else destination
            if isinstance(target, pikepdf.Array) and len(target) and target[0].objgen in sheets:
                found[name] = sheets[target[0].objgen]
        return found


def compact(pdf: bytes) -> bytes:
    """The same PDF with its fonts' text maps repaired and its objects in compressed object streams (PDF 1.5)."""
    packed = io.BytesIO()
    with pikepdf.open(io.BytesIO(pdf)) as document:
        for font in document.objects:
            if isinstance(font, pikepdf.Dictionary) and font.get("/Type") == "/Font" and "/ToUnicode" in font:
                repaired = repair_to_unicode(font.ToUnicode.read_bytes().decode("latin-1"))
                if repaired is not None:
                    font.ToUnicode.write(repaired.encode("latin-1"))
        document.save(packed, object_stream_mode=pikepdf.ObjectStreamMode.generate)
    return packed.getvalue()
