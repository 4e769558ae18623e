"""The hiring guide (docs/*/hiring.md, issue 17): in the nav of both languages, its parts in both languages, a
merged job description of 8 to 10 items each tagged with a source by the handbook's label, McGovern and Quelch's
checks as the sidebar says them, and links that resolve in the built site.

Each check is a function that returns what is wrong; the tests run it on the real pages and, to show it can fail,
on a broken copy."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from tests.site_pages import SITE
from tests.test_content_frameworks import SEED_REVERSAL, WARNING_SIGN, without_editorial_notes

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
PAGE = "hiring.md"
LANGUAGES = SITE.codes
TITLE = {"en": "Hiring guide", "zh": "招聘与设岗指南"}
SYNTHESIS = {"en": "!!! abstract \"Editors' synthesis\"", "zh": '!!! abstract "编者综述"'}
# The guide's parts (issue 17, item 3), by heading id: the scope test, when a separate CMO makes sense, the checks
# before hiring, the warning signs, and the merged job description.
PARTS = ("already-the-cmo", "separate-cmo", "checks-before-hiring", "warning-signs", "job-description")
# McGovern and Quelch's suggestions that bear on hiring, as the checks table numbers them.
CHECKS = (1, 2, 3, 5)


def page_text(language: str) -> str:
    return (DOCS / language / PAGE).read_text(encoding="utf-8-sig")


def section(text: str, anchor: str) -> str:
    """The body of the H2 section with this id, up to the next H2 (or the footnotes)."""
    match = re.search(rf"^## [^\n]*\{{ #{re.escape(anchor)} \}}\n(.*?)(?=^## |^\[\^|\Z)", text, re.S | re.M)
    return match.group(1) if match else ""


def source_labels(language: str) -> list[str]:
    """The handbook's one label per source, column 2 of the sources page's table of the five source pages."""
    table = section((DOCS / language / "sources.md").read_text(encoding="utf-8-sig"), "source-pages")
    rows = re.findall(r"^\| 00\d \| ([^|]+?) \|", table, re.M)
    assert len(rows) == 5, f"docs/{language}/sources.md § source-pages: expected 5 source rows, found {len(rows)}"
    return rows


def label_forms(label: str) -> list[str]:
    """A label as it may open a table cell or follow a semicolon: with or without its article, in any case."""
    return [label.lower(), re.sub(r"^the ", "", label, flags=re.I).lower()]


# --- checks (pure: text in, problems out) -------------------------------------------------------------------------


def missing_parts(text: str, language: str) -> list[str]:
    problems = [f"no section {{ #{anchor} }} with content" for anchor in PARTS if not section(text, anchor).strip()]
    first_h2 = text.find("\n## ")
    box = text.find(SYNTHESIS[language])
    if box < 0 or (first_h2 >= 0 and box > first_h2):
        problems.append(f"the {SYNTHESIS[language]} box must come before the first section")
    elif text.find("\n!!! ") != box - 1:
        problems.append("the editors' synthesis must be the page's first box")
    return problems


def job_description_problems(text: str, language: str) -> list[str]:
    table = section(text, "job-description")
    rows = [row for row in re.findall(r"^\|[^\n]*\|$", table, re.M) if re.match(r"^\| \d+ \|", row)]
    problems = [] if 8 <= len(rows) <= 10 else [f"the job description has {len(rows)} items; it must have 8 to 10"]
    forms = [form for label in source_labels(language) for form in label_forms(label)]
    for row in rows:
        cells = [cell.strip() for cell in row.strip("|").split("|")]
        number, sources = cells[0], cells[-1]
        tagged = [part for part in re.split(r"[;；]", sources) if any(part.strip().lower().startswith(f) for f in forms)]
        if len(cells) < 3 or not tagged:
            problems.append(f"item {number}: its last cell names no source by the handbook's label: {sources!r}")
        elif len(tagged) != len(re.split(r"[;；]", sources)):
            problems.append(f"item {number}: a source in {sources!r} is not named by the handbook's label")
    return problems


def checks_problems(text: str, language: str) -> list[str]:
    """The checks before hiring: McGovern and Quelch's suggestions 1, 2, 3 and 5, as the sidebar says them."""
    statement, notes = without_editorial_notes(section(text, "checks-before-hiring"))
    statement = re.sub(r"\s+", " ", statement)
    rows = {int(n): row for n, row in re.findall(r"^\| (\d)\. ([^\n]*)", section(text, "checks-before-hiring"), re.M)}
    problems = [f"no check for suggestion {n}" for n in CHECKS if n not in rows]
    if 1 in rows and not re.search(r"CEO", rows[1]):
        problems.append("suggestion 1 must name the CEO among the leaders who understand the mission")
    if 1 in rows and re.search(r"(?:especially|particularly) the CMO|尤其是首席营销官", rows[1]):
        problems.append("suggestion 1 names the CMO where the sidebar names the CEO (the recruitment-site article's version)")
    if 2 in rows and not re.search({"en": r"unless[^.|]*well-connected insider", "zh": r"除非[^。|]*人脉深厚的内部人士"}[language], rows[2]):
        problems.append("suggestion 2's exception must be the sidebar's well-connected insider")
    if 3 in rows and not re.search(WARNING_SIGN[language], rows[3]):
        problems.append("suggestion 3 must warn against the CEO who will not give up any control of marketing")
    reversal = [pattern for pattern in SEED_REVERSAL[language] if re.search(pattern, statement)]
    if reversal:
        problems.append(f"the recruitment-site article's reversal of suggestion 3 is stated outside an editorial note: {reversal}")
    if 5 in rows and not re.search(r"on-the-job training|边干边学", rows[5]):
        problems.append("suggestion 5 must say there is little tolerance for on-the-job training")
    return problems


def broken_links(site_dir: Path, served_path: str) -> list[str]:
    """Every link in the built page's content that stays on the site must reach a page, and an id on it."""
    html = (site_dir / served_path / "index.html").read_text(encoding="utf-8")
    content = BeautifulSoup(html, "html.parser").select_one("article.md-content__inner")
    problems, pages = [], {}
    base = "http://site/" + served_path
    for link in content.select("a[href]"):
        href = link["href"]
        target = urlsplit(urljoin(base, href))
        if target.netloc != "site":
            continue
        path = unquote(target.path).lstrip("/")
        file = site_dir / path / "index.html" if not path or path.endswith("/") else site_dir / path
        if not file.is_file():
            problems.append(f"{href}: no page at {path}")
            continue
        if target.fragment:
            if file not in pages:
                pages[file] = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
            if pages[file].find(id=unquote(target.fragment)) is None:
                problems.append(f"{href}: {path} has no id #{target.fragment}")
    return problems


def nav_problems(site_dir: Path, language_root: str, title: str) -> list[str]:
    """The language's home page lists the guide in its primary navigation, under the page's own title."""
    html = (site_dir / language_root / "index.html").read_text(encoding="utf-8")
    nav = BeautifulSoup(html, "html.parser").select_one("nav.md-nav--primary")
    links = [a for a in nav.select("a.md-nav__link[href]") if urljoin("http://site/" + language_root, a["href"]).endswith("/" + language_root + "hiring/")]
    if not links:
        return [f"{language_root or '/'}: no link to the hiring guide in the navigation"]
    if not any(title in a.get_text(" ", strip=True) for a in links):
        return [f"{language_root or '/'}: the navigation names the hiring guide {[a.get_text(strip=True) for a in links]}, not {title!r}"]
    return []


# --- the real pages ---------------------------------------------------------------------------------------------


def test_the_hiring_guide_is_in_the_nav_config():
    assert PAGE in SITE.pages, "mkdocs.yml's nav must list hiring.md"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_guide_has_its_title_the_synthesis_first_and_every_part(language):
    text = page_text(language)
    assert re.search(rf"^title: {re.escape(TITLE[language])}$", text, re.M), f"docs/{language}/{PAGE}: title must be {TITLE[language]}"
    assert not missing_parts(text, language), f"docs/{language}/{PAGE}: {missing_parts(text, language)}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_job_description_has_8_to_10_items_each_tagged_with_its_source(language):
    problems = job_description_problems(page_text(language), language)
    assert not problems, f"docs/{language}/{PAGE}: {problems}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_checks_are_suggestions_1_2_3_and_5_as_the_sidebar_says_them(language):
    problems = checks_problems(page_text(language), language)
    assert not problems, f"docs/{language}/{PAGE}: {problems}"


@pytest.mark.parametrize("language", SITE.languages, ids=LANGUAGES)
def test_the_built_guide_is_in_each_languages_nav_and_its_links_resolve(site, language):
    assert not nav_problems(site.site_dir, language.root, TITLE[language.code])
    problems = broken_links(site.site_dir, language.root + "hiring/")
    assert not problems, f"{language.root}hiring/: {problems}"
    # The guide links to the pages it draws on.
    html = (site.site_dir / language.root / "hiring" / "index.html").read_text(encoding="utf-8")
    for page in ("role/", "duties/", "frameworks/eight-suggestions/", "frameworks/eight-responsibilities/", "comparison/", "evaluation-pay/", "sources/"):
        assert f'href="../{page}' in html, f"{language.root}hiring/ does not link to {page}"


# --- each check can fail ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_part_check_rejects_a_guide_without_warning_signs_or_synthesis(language):
    text = page_text(language)
    without_signs = re.sub(r"\{ #warning-signs \}", "{ #cautions }", text)
    assert "no section { #warning-signs } with content" in missing_parts(without_signs, language)
    without_box = text.replace(SYNTHESIS[language], '!!! note "x"')
    assert any("box must come before" in p for p in missing_parts(without_box, language))


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_job_description_check_rejects_too_few_items_and_an_untagged_item(language):
    text = page_text(language)
    table = section(text, "job-description")
    rows = [row for row in re.findall(r"^\| \d+ \|[^\n]*$", table, re.M)]
    short = text.replace("\n".join(rows[-2:]) + "\n", "")
    assert any("must have 8 to 10" in p for p in job_description_problems(short, language))
    untagged = text.replace(rows[0], re.sub(r"\|[^|]*\|$", "| — |", rows[0]))
    assert any("names no source" in p for p in job_description_problems(untagged, language))
    unknown = text.replace(rows[0], re.sub(r"\|([^|]*)\|$", r"|\1; Wikipedia |", rows[0]))
    assert any("not named by the handbook's label" in p for p in job_description_problems(unknown, language))


SEED_VERSIONS = {
    # The recruitment-site article's suggestion 3: the CEO keeps control; and its suggestion 1: the CMO, not the CEO.
    "en": ("A CEO who hires a CMO is not thereby giving up control of marketing.", "especially the CMO, the board"),
    "zh": ("CEO 招聘首席营销官，并不意味着放弃对营销的控制。", "尤其是首席营销官、董事会"),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_checks_check_rejects_the_recruitment_site_articles_version(language):
    text = page_text(language)
    rows = dict(re.findall(r"^\| (\d)\. ([^\n]*)", section(text, "checks-before-hiring"), re.M))
    reversal, cmo_first = SEED_VERSIONS[language]
    seeded = text.replace(rows["3"], f"x | {reversal} | y |").replace(rows["1"], f"x | {cmo_first} | y |")
    problems = checks_problems(seeded, language)
    assert any("suggestion 3 must warn" in p for p in problems), problems
    assert any("reversal" in p for p in problems), problems
    assert any("suggestion 1 must name the CEO" in p for p in problems), problems
    no_five = text.replace("| " + "5. " + rows["5"], "| 6. " + rows["5"])
    assert "no check for suggestion 5" in checks_problems(no_five, language)


def test_the_link_and_nav_checks_report_a_missing_target_and_a_missing_entry(site, tmp_path):
    import shutil

    copy = tmp_path / "site"
    shutil.copytree(site.site_dir, copy)
    shutil.rmtree(copy / "comparison")
    (copy / "role" / "index.html").write_text("<html><body><p>no ids</p></body></html>", encoding="utf-8")
    problems = broken_links(copy, "hiring/")
    assert any("no page at comparison/" in p for p in problems), problems
    assert any("has no id #cmo-vs-directors" in p for p in problems), problems
    home = copy / "index.html"
    home.write_text(re.sub(r'href="hiring/"', 'href="elsewhere/"', home.read_text(encoding="utf-8")), encoding="utf-8")
    assert nav_problems(copy, "", TITLE["en"])
