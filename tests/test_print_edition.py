"""The PDF edition: `ENABLE_PDF_EXPORT=1 mkdocs build` writes cmo-handbook-en.pdf and cmo-handbook-zh.pdf.

The site is built with the PDFs once per session (it takes a few seconds more than a plain build); the PDFs are
then read with pypdf, as a reader's PDF viewer would: pages, text, bookmarks, fonts and links.
"""

from __future__ import annotations

import os
import posixpath
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader
from pypdf.generic import Destination

from handbook import pdf_printer
from handbook.pdf_text import repair_to_unicode
from handbook.print_edition import edition_file_name, page_anchor
from tests.browser import browser_required, chromium_executable
from tests.conftest import ROOT
from tests.site_build import build_problems, failed_build_line
from tests.site_pages import CHINESE, DEFAULT, SITE

EN, ZH = DEFAULT.code, CHINESE.code  # the checks below read English and Chinese text
LANGUAGES = {language.code: language.root for language in SITE.languages}
MAX_BYTES = 3 * 1024 * 1024
SITE_URL = "https://example.test/cmo-handbook/"
CJK = re.compile(r"[\u4e00-\u9fff]")


def _chromium_found() -> bool:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        return chromium_executable(playwright) is not None


def _in_own_thread(function, *args):
    """Run Playwright's sync API in a thread of its own: the session's browser fixture may already run Playwright's
    event loop in this one, and the sync API refuses to start inside a running loop."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(function, *args).result()


def _print_pdfs(jobs) -> None:
    _in_own_thread(pdf_printer.print_pdfs, jobs)


def _require_chromium() -> None:
    found = _in_own_thread(_chromium_found)
    if not found:
        reason = "no Chromium to print the PDF edition with"
        if browser_required():
            pytest.fail(f"REQUIRE_BROWSER=1 but {reason}")
        pytest.skip(reason)


@pytest.fixture(scope="module")
def pdf_build(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """The site built as the Pages workflow builds it, PDFs included (passed or not)."""
    _require_chromium()
    site_dir = tmp_path_factory.mktemp("pdf-site")
    env = {**os.environ, "ENABLE_PDF_EXPORT": "1", "SITE_URL": SITE_URL, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("BUILD_ONLY_LOCALE", None)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )
    return site_dir, result


def test_the_pdf_build_passes(pdf_build):
    _, result = pdf_build
    assert result.returncode == 0, build_problems(result.stdout + result.stderr)


@pytest.fixture(scope="module")
def pdf_site(pdf_build) -> Path:
    """The PDF build's site folder, for tests that read it: one line each if the build failed (the test above
    shows the build's problems once)."""
    site_dir, result = pdf_build
    if result.returncode != 0:
        pytest.fail(failed_build_line(result.stdout + result.stderr, "test_the_pdf_build_passes"), pytrace=False)
    return site_dir


def nav_pages(site_dir: Path, language: str) -> list[tuple[str, str]]:
    """(address, H1) of each page in nav order, found as a reader would: from the home page, "next" after "next"."""
    pages, url = [], LANGUAGES[language]
    while len(pages) < 100:
        soup = BeautifulSoup((site_dir / url / "index.html").read_text(encoding="utf-8"), "lxml")
        heading = soup.select_one("article h1")
        for permalink in heading.select(".headerlink"):
            permalink.decompose()
        pages.append((url, heading.get_text(" ", strip=True)))
        following = soup.select_one('link[rel="next"]')
        if following is None:
            break
        target = posixpath.normpath(posixpath.join(url or ".", following["href"]))
        url = "" if target == "." else target + "/"
    return pages


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def editions(pdf_site) -> dict[str, PdfReader]:
    return {language: PdfReader(pdf_site / edition_file_name(language)) for language in LANGUAGES}


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_has_its_pdf_of_at_most_3_mb(pdf_site, language):
    path = pdf_site / edition_file_name(language)
    assert path.is_file()
    assert 0 < path.stat().st_size <= MAX_BYTES, f"{path.name}: {path.stat().st_size} bytes"


@pytest.mark.parametrize("language", LANGUAGES)
def test_pdf_has_a_cover_contents_and_every_nav_page_on_its_own_sheets(pdf_site, editions, language):
    reader, pages = editions[language], nav_pages(pdf_site, language)
    assert len(pages) >= 10, pages
    assert len(reader.pages) >= len(pages) + 2, "cover + contents + at least a sheet per page"
    assert reader.metadata.title == ("CMO Handbook" if language == EN else "首席营销官手册")
    assert reader.trailer["/Root"].get("/Lang") == language
    cover = reader.pages[0].extract_text()
    assert reader.metadata.title in cover and re.search(r"20\d\d", cover), cover


@pytest.mark.parametrize("language", LANGUAGES)
def test_pdf_has_the_heading_of_every_nav_page_in_its_language(pdf_site, editions, language):
    text = squeeze("".join(page.extract_text() for page in editions[language].pages))
    for url, heading in nav_pages(pdf_site, language):
        assert squeeze(heading) in text, f"{url or '/'}: “{heading}” is not in the PDF"
        if language == ZH:
            assert CJK.search(heading), heading
    # The English pages cite Chinese titles, and the Chinese pages English names: the bulk decides.
    letters = [char for char in text if char.isalpha()]
    chinese = sum(1 for char in letters if CJK.match(char)) / len(letters)
    assert (chinese > 0.6) if language == ZH else (chinese < 0.05), f"{chinese:.0%} of the letters are Chinese"


def _outline_titles(outline) -> list[str]:
    return [item.title for item in outline if isinstance(item, Destination)]


@pytest.mark.parametrize("language", LANGUAGES)
def test_outline_lists_every_page_in_nav_order_with_its_sections(pdf_site, editions, language):
    reader = editions[language]
    outline = reader.outline
    top = _outline_titles(outline)
    headings = [heading for _, heading in nav_pages(pdf_site, language)]
    assert [squeeze(title) for title in top[-len(headings):]] == [squeeze(h) for h in headings], top
    starts = [reader.get_destination_page_number(item) for item in outline if isinstance(item, Destination)]
    assert starts == sorted(starts) and len(set(starts[-len(headings):])) == len(headings), starts
    nested = [item for item in outline if isinstance(item, list)]
    assert len(nested) >= len(headings) // 2, "pages' sections are not nested under them in the outline"


def _fonts(reader: PdfReader) -> dict[int, dict]:
    fonts = {}
    for page in reader.pages:
        for reference in (page.get("/Resources", {}).get("/Font") or {}).values():
            fonts[reference.idnum] = reference.get_object()
    return fonts


def _embedded(font) -> bool:
    if font["/Subtype"] == "/Type3":
        return len(font["/CharProcs"]) > 0  # glyphs drawn in the PDF itself
    descriptor = (font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font)["/FontDescriptor"]
    return any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))


def _maps_cjk(font) -> bool:
    if "/ToUnicode" not in font:
        return False
    cmap = font["/ToUnicode"].get_object().get_data().decode("latin-1")
    return any(0x4E00 <= int(code, 16) <= 0x9FFF for code in re.findall(r"<([0-9A-Fa-f]{4})>\s*(?:\n|$)", cmap))


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_font_is_embedded_and_chinese_glyphs_travel_with_the_pdf(editions, language):
    fonts = _fonts(editions[language])
    assert fonts
    missing = [font.get("/BaseFont", font["/Subtype"]) for font in fonts.values() if not _embedded(font)]
    assert not missing, f"fonts not embedded: {missing}"
    if language == ZH:
        assert any(_maps_cjk(font) for font in fonts.values()), "no embedded font carries Chinese glyphs"


def _links(reader: PdfReader) -> tuple[list[int], list[str]]:
    """(target page of each link inside the document, address of each link out of it), after the cover (whose
    link is the web edition's address)."""
    inside, outside = [], []
    named = reader.named_destinations
    for page in reader.pages[1:]:
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            if annotation.get("/Subtype") != "/Link":
                continue
            action = annotation.get("/A")
            if action is not None and action.get("/S") == "/URI":
                outside.append(str(action["/URI"]))
                continue
            target = annotation.get("/Dest") if action is None else action.get("/D")
            if isinstance(target, str):
                assert target in named, f"link to a missing destination {target!r}"
                inside.append(reader.get_destination_page_number(named[target]))
            else:
                inside.append(reader.get_page_number(target[0].get_object()))
    return inside, outside


@pytest.mark.parametrize("language", LANGUAGES)
def test_links_to_pages_of_the_handbook_jump_within_the_pdf(pdf_site, editions, language):
    reader = editions[language]
    inside, outside = _links(reader)
    pages = nav_pages(pdf_site, language)
    assert len(inside) >= len(pages) * 3, f"only {len(inside)} links inside the PDF"
    assert all(0 <= number < len(reader.pages) for number in inside)
    own_pages = {SITE_URL + url for url, _ in pages}
    leaking = [uri for uri in outside if uri.split("#")[0] in own_pages]
    assert not leaking, f"links that leave the PDF for a page it contains: {leaking[:5]}"
    # The contents (sheet 2) link each page to the sheet where its section starts.
    starts = {
        squeeze(item.title): reader.get_destination_page_number(item)
        for item in reader.outline if isinstance(item, Destination)
    }
    contents_targets = _links_on_sheet(reader, 1)
    assert contents_targets == [starts[squeeze(heading)] for _, heading in pages]
    # … and give that sheet's number, as printed in the footer (1-based).
    numbers = re.findall(r"\d+", reader.pages[1].extract_text())
    expected = [str(starts[squeeze(heading)] + 1) for _, heading in pages]
    assert " ".join(expected) in " ".join(numbers), (expected, numbers)


def _links_on_sheet(reader: PdfReader, index: int) -> list[int]:
    named, targets = reader.named_destinations, []
    for annotation in reader.pages[index].get("/Annots") or []:
        annotation = annotation.get_object()
        action = annotation.get("/A")
        target = annotation.get("/Dest") if action is None else action.get("/D")
        if isinstance(target, str):
            targets.append(reader.get_destination_page_number(named[target]))
    return targets


@pytest.mark.parametrize("page", ["", "sources/"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_home_and_sources_pages_link_to_the_pdf_in_their_language(pdf_site, language, page):
    path = pdf_site / LANGUAGES[language] / page / "index.html"
    links = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml").select(".print-edition-link a[href]")
    assert len(links) == 1, f"{path}: {len(links)} links to the PDF edition"
    target = (path.parent / links[0]["href"]).resolve()
    assert target == (pdf_site / edition_file_name(language)).resolve() and target.is_file()
    text = links[0].parent.get_text(" ", strip=True)
    assert bool(CJK.search(text)) == (language == ZH), text


def test_a_build_without_the_switch_makes_no_pdf_and_no_link_to_one(site):
    assert not list(site.site_dir.glob("*.pdf"))
    for language, root in LANGUAGES.items():
        assert "print-edition-link" not in (site.site_dir / root / "index.html").read_text(encoding="utf-8")


def test_without_chromium_printing_fails_with_one_line_naming_what_to_install(monkeypatch, tmp_path):
    monkeypatch.setattr(pdf_printer, "chromium_executable", lambda playwright: None)
    with pytest.raises(pdf_printer.PrinterUnavailable) as raised:
        _print_pdfs([pdf_printer.PrintJob("<p>x</p>", tmp_path / "x.pdf", "x")])
    message = str(raised.value)
    assert "\n" not in message and "playwright install chromium" in message and "apt-get install chromium" in message


def test_page_anchor_names_each_page_uniquely():
    assert page_anchor("") == "page-home"
    assert page_anchor("zh/") == "page-zh"
    assert page_anchor("frameworks/eight-suggestions/") == "page-frameworks-eight-suggestions"


def test_text_maps_give_ideographs_and_letters_not_radicals_and_ligatures():
    cmap = (
        "begincmap\n1 begincodespacerange\n<00> <FF>\nendcodespacerange\n"
        "2 beginbfchar\n<01> <2FB8>\n<02> <FB01>\nendbfchar\n"
        "1 beginbfrange\n<10> <11> <0041>\nendbfrange\nendcmap\n"
    )
    repaired = repair_to_unicode(cmap)
    assert "<01> <9996>" in repaired  # ⾸ (KANGXI RADICAL HEAD) → 首
    assert "<02> <00660069>" in repaired  # ﬁ → fi
    assert "<10> <0041>" in repaired and "<11> <0042>" in repaired  # ranges kept, as single entries
    assert repaired.startswith("begincmap\n1 begincodespacerange") and repaired.rstrip().endswith("endcmap")
    assert repair_to_unicode(cmap.replace("<2FB8>", "<9996>").replace("<FB01>", "<0066>")) is None


def test_assemble_makes_ids_unique_and_links_jump_inside_the_document(tmp_path):
    from handbook.print_edition import EditionTexts, assemble

    def page(path: str, article: str) -> None:
        target = tmp_path / path / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(f'<html><body><article class="md-content__inner md-typeset">{article}</article></body></html>')

    page("", '<h1 id="home">Home<a class="headerlink" href="#home">¶</a></h1><a href="role/#duty">duty</a>'
             '<a href="zh/">中文</a><a href="https://example.org/x">out</a><sup id="fnref:1"><a href="#fn:1">1</a></sup>')
    page("role", '<h1 id="role">Role</h1><h2 id="duty">Duty</h2><a href="../">home</a><li id="fn:1">note</li>')
    texts = EditionTexts("Book", "About", "Contents", "{date.year}", "At")
    import datetime

    document = assemble(tmp_path, EN, ["", "role/"], texts, "https://site.test/b/", [], datetime.date(2026, 1, 2))
    soup = BeautifulSoup(document, "lxml")
    ids = [element["id"] for element in soup.select("[id]")]
    assert len(ids) == len(set(ids)), ids
    assert {"page-home", "page-role", "page-role--duty", "page-home--fnref:1", "page-role--fn:1"} <= set(ids)
    hrefs = [link["href"] for link in soup.select("section a[href]")]
    assert hrefs == ["#page-role--duty", "https://site.test/b/zh/", "https://example.org/x", "#page-home--fn:1", "#page-home"]
    assert not soup.select(".headerlink")
    assert [link["href"] for link in soup.select(".print-contents a")] == ["#page-home", "#page-role"]
    assert soup.html["lang"] == EN and soup.title.string == "Book" and "2026" in soup.select_one(".print-cover").text


def _fontconfig_without_cjk(tmp_path: Path) -> Path:
    """A fontconfig file that offers Chromium the DejaVu fonts only: a machine without CJK fonts."""
    dejavu = Path("/usr/share/fonts/truetype/dejavu")
    if not dejavu.is_dir():
        pytest.skip("no /usr/share/fonts/truetype/dejavu to stand for a machine without CJK fonts")
    config = tmp_path / "fonts.conf"
    config.write_text(
        f'<?xml version="1.0"?>\n<fontconfig><dir>{dejavu}</dir><cachedir>{tmp_path / "cache"}</cachedir></fontconfig>\n',
        encoding="utf-8",
    )
    return config


CHINESE_SAMPLE = (
    "<html lang=zh><body style=\"font-family: 'Noto Sans CJK SC', sans-serif\">"
    "<h1>首席营销官手册</h1><p>营销总监的 16 项职责。</p></body></html>"
)


def test_the_glyph_check_passes_real_chinese_glyphs_and_names_the_font_package_for_empty_boxes(tmp_path, monkeypatch):
    from handbook.pdf_fonts import glyph_report, unreadable

    _require_chromium()
    readable = tmp_path / "readable.pdf"
    _print_pdfs([pdf_printer.PrintJob(CHINESE_SAMPLE, readable, "x")])
    assert unreadable(readable, ZH, CHINESE_SAMPLE) is None
    monkeypatch.setenv("FONTCONFIG_FILE", str(_fontconfig_without_cjk(tmp_path)))
    boxes = tmp_path / "boxes.pdf"
    _print_pdfs([pdf_printer.PrintJob(CHINESE_SAMPLE, boxes, "x")])
    assert glyph_report(boxes).notdef == len("首席营销官手册营销总监的项职责。")
    message = unreadable(boxes, ZH, CHINESE_SAMPLE)
    assert message is not None and "\n" not in message
    assert "empty boxes" in message and "apt-get install fonts-noto-cjk" in message


def test_a_pdf_build_without_cjk_fonts_fails_with_one_line_naming_the_package(tmp_path):
    """The review's M4: without CJK fonts the build used to succeed with a Chinese PDF of empty boxes."""
    _require_chromium()
    env = {**os.environ, "ENABLE_PDF_EXPORT": "1", "SITE_URL": SITE_URL, "NO_MKDOCS_2_WARNING": "1",
           "FONTCONFIG_FILE": str(_fontconfig_without_cjk(tmp_path))}
    env.pop("BUILD_ONLY_LOCALE", None)
    site_dir = tmp_path / "site"
    result = subprocess.run(  # not strict: this test is about the fonts, whatever the pages' parity
        [sys.executable, "-m", "mkdocs", "build", "--no-strict", "--site-dir", str(site_dir)],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    errors = [line for line in output.splitlines() if line.startswith("ERROR")]
    assert len(errors) == 1 and "empty boxes" in errors[0] and "apt-get install fonts-noto-cjk" in errors[0], output
    assert not list(site_dir.glob("*.pdf")), "an unreadable PDF was left in the site"
