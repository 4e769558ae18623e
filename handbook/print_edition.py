"""Assemble one language's print edition: every nav page, in nav order, as one HTML document for Chromium to print.

The document has a cover (title, description, date, the site's address), a table of contents, then each page as a
section. Ids are made unique per page (`page-role--definition`), so footnotes and anchors of different pages do not
collide, and every link to a page of the same language becomes a link to that page's section or heading in the
document; any other link to the site (the other language, an asset) becomes an absolute link to the published site.
No script, and nothing to fetch: the site's own stylesheets are inlined, and the text uses the system's fonts.
"""

from __future__ import annotations

import datetime
import html
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup, Tag

# What the print edition leaves out of a page: permalink anchors, edit buttons, and the link to the PDF itself.
DROPPED = ".headerlink, .md-content__button, .md-source-file, .print-edition-link, script"
PRINT_STYLESHEET = Path(__file__).with_name("print_edition.css")
_BASE = "http://site.invalid/"  # resolves a page's relative links; never requested


# Where the contents give a page's sheet number: a placeholder as wide as the number, filled in once the document
# has been printed and the sheets counted (number_contents).
PAGE_PLACEHOLDER = "000"
_PAGE_SLOT = re.compile(rf'data-page-of="([^"]+)">{PAGE_PLACEHOLDER}<')


class PrintEditionError(Exception):
    """A nav page's built HTML is missing or has no article to print."""


@dataclass(frozen=True)
class EditionTexts:
    """The words of the edition in its language (mkdocs.yml: extra.print_edition.<language>)."""

    title: str  # the site's name in this language
    description: str  # the site's description in this language
    contents: str  # heading of the table of contents
    date: str  # a str.format pattern for the date, e.g. "{date:%B} {date.day}, {date.year}"
    published_at: str  # the cover's line before the site's address


def edition_file_name(language: str) -> str:
    """The PDF's name in the site's root: cmo-handbook-en.pdf, cmo-handbook-zh.pdf."""
    return f"cmo-handbook-{language}.pdf"


def page_anchor(url: str) -> str:
    """The id of a page's section: "" → page-home, "zh/role/" → page-zh-role, "frameworks/" → page-frameworks."""
    slug = "-".join(part for part in PurePosixPath(url).parts if part)
    return f"page-{slug or 'home'}"


def _served_path(url: str) -> str:
    """A site-relative address as the nav gives it: "role/", "" for the home page; index.html dropped."""
    path = url.lstrip("/")
    if path.endswith("index.html"):
        path = path[: -len("index.html")]
    return path


def _article(site_dir: Path, url: str) -> Tag:
    path = site_dir / url / "index.html"
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as error:
        raise PrintEditionError(f"{path}: the built page for nav entry '{url or '/'}' is missing") from error
    article = BeautifulSoup(text, "lxml").select_one("article.md-content__inner")
    if article is None:
        raise PrintEditionError(f"{path}: no <article class=\"md-content__inner\"> to print")
    return article


def _rewrite(article: Tag, url: str, anchors: dict[str, str], site_url: str) -> None:
    """Make the article's ids unique in the document and its links point inside it (see the module's doc)."""
    prefix = anchors[url]
    for element in article.select(DROPPED):
        element.decompose()
    for element in article.select("[id]"):
        element["id"] = f"{prefix}--{element['id']}"
    for link in article.select("a[href]"):
        href = link["href"]
        if href.startswith("#"):
            link["href"] = f"#{prefix}--{href[1:]}" if len(href) > 1 else f"#{prefix}"
            continue
        target = urlsplit(urljoin(_BASE + url, href))
        if f"{target.scheme}://{target.netloc}/" != _BASE:
            continue  # an external address: kept
        path = _served_path(target.path)
        if path in anchors:
            link["href"] = f"#{anchors[path]}--{target.fragment}" if target.fragment else f"#{anchors[path]}"
        else:
            link["href"] = site_url + path + (f"#{target.fragment}" if target.fragment else "")


def _inline_styles(stylesheets: list[Path]) -> str:
    return "\n".join(f"<style>{path.read_text(encoding='utf-8')}</style>" for path in stylesheets)


def edition_date(texts: EditionTexts, day: datetime.date) -> str:
    return texts.date.format(date=day)


def assemble(
    site_dir: Path,
    language: str,
    urls: list[str],
    texts: EditionTexts,
    site_url: str,
    stylesheets: list[Path],
    day: datetime.date,
) -> str:
    """The print document of one language: `urls` are its nav pages, site-relative ("", "role/", "zh/role/")."""
    anchors = {url: page_anchor(url) for url in urls}
    sections, contents = [], []
    for url in urls:
        article = _article(site_dir, url)
        _rewrite(article, url, anchors, site_url)
        heading = article.find("h1")
        title = heading.get_text(" ", strip=True) if heading else url
        contents.append(
            f'<li><a href="#{anchors[url]}">{html.escape(title)}</a>'
            f'<span class="print-contents__page" data-page-of="{anchors[url]}">{PAGE_PLACEHOLDER}</span></li>'
        )
        body = "".join(str(child) for child in article.children)
        sections.append(f'<section class="print-page" id="{anchors[url]}">{body}</section>')
    home = site_url + ("" if not urls else urls[0])
    palette = 'data-md-color-scheme="default" data-md-color-primary="indigo" data-md-color-accent="indigo"'
    return f"""<!doctype html>
<html lang="{language}" dir="ltr">
<head>
<meta charset="utf-8">
<title>{html.escape(texts.title)}</title>
<meta name="description" content="{html.escape(texts.description)}">
{_inline_styles([*stylesheets, PRINT_STYLESHEET])}
</head>
<body {palette}>
<div class="md-typeset print-edition">
<header class="print-cover">
<p class="print-cover__title">{html.escape(texts.title)}</p>
<p class="print-cover__description">{html.escape(texts.description)}</p>
<p class="print-cover__date">{html.escape(edition_date(texts, day))}</p>
<p class="print-cover__address">{html.escape(texts.published_at)}<br><a href="{html.escape(home)}">{html.escape(home)}</a></p>
</header>
<nav class="print-contents" aria-labelledby="print-contents">
<h1 id="print-contents">{html.escape(texts.contents)}</h1>
<ol>{''.join(contents)}</ol>
</nav>
{''.join(sections)}
</div>
</body>
</html>
"""


def number_contents(document: str, sheets: dict[str, int]) -> str:
    """The document with each contents entry's sheet number (1-based), from {section id: sheet} of a first print."""
    return _PAGE_SLOT.sub(lambda slot: f'data-page-of="{slot[1]}">{sheets.get(slot[1], "")}<', document)
