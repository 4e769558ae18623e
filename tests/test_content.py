"""The handbook's content: every page of the page map in both languages, edited, with its figures and glossary."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from tests.site_pages import CHINESE, DEFAULT, SITE

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
PAGES = SITE.pages  # nav
LANGUAGES = SITE.codes  # mkdocs.yml's i18n block
# Text from the scraped pages' navigation, related-article lists and footers (EDITORIAL.md: junk to leave out).
SCRAPED_JUNK = [
    "Previous article:", "Next article:", "- Related articles", "】相关文章", "相关推荐执行总监", "推荐度:", "推荐度：",
    "欢迎分享", "转载请注明来源", "评论列表(", "上一篇:", "上一篇：", "下一篇:", "下一篇：", "下面跟着小编",
    "Guoan", "Huzhou", "Rong Zixi", "Shenyang Dafang", "Qidaowan", "Zaozhuang", "Liannan", "律师的职责有哪些",
    "抗生素联合应用", "咨询公司职能解析", "Education and Training Encyclopedia - Education and training",
]
# Capitalised names that are not abbreviations: companies, brands and a campaign name.
NAMES_NOT_ABBREVIATIONS = {"BMW", "SAP", "NEW", "PLAY"}


def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8-sig")
    match = re.match(r"---\r?\n(.*?)\r?\n---\r?\n", text, re.S)
    assert match, f"{path}: no front matter"
    return yaml.safe_load(match.group(1))


def body(path: Path) -> str:
    return re.sub(r"\A---\r?\n.*?\r?\n---\r?\n", "", path.read_text(encoding="utf-8-sig"), count=1, flags=re.S)


@pytest.mark.parametrize("slug", PAGES)
def test_every_page_of_the_nav_exists_in_every_language(slug):
    for language in LANGUAGES:
        assert (DOCS / language / slug).is_file(), f"docs/{language}/{slug} is missing"


@pytest.mark.parametrize("slug", PAGES)
def test_every_page_has_a_title_and_description_in_its_language(slug):
    for language in LANGUAGES:
        meta = front_matter(DOCS / language / slug)
        assert meta.get("title") and meta.get("description"), f"{language}/{slug}: title or description missing"
        has_cjk = bool(re.search(r"[\u4e00-\u9fff]", meta["title"] + meta["description"]))
        assert has_cjk == (language == CHINESE.code), f"{language}/{slug}: front matter not in the page's language"


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_scraped_junk_appears(language):
    for path in (DOCS / language).rglob("*.md"):
        text = body(path)
        if path.name == "sources.md":  # the sources page names the junk categories it removed
            continue
        found = [junk for junk in SCRAPED_JUNK if junk in text]
        assert not found, f"{path.relative_to(ROOT)} contains scraped-page text: {found}"


def abbreviations_defined(language: str) -> set[str]:
    text = (ROOT / "includes" / "abbreviations" / f"{language}.md").read_text(encoding="utf-8")
    return set(re.findall(r"^\*\[([^\]]+)\]:", text, re.M))


def abbreviations_used() -> set[str]:
    used: set[str] = set()
    for path in DOCS.rglob("*.md"):
        text = re.sub(r"\]\([^)]*\)|`[^`]*`|https?://\S+", " ", body(path))
        used |= set(re.findall(r"(?<![A-Za-z&])([A-Z][A-Z&]{1,5})(?![A-Za-z&])", text))
    return used - NAMES_NOT_ABBREVIATIONS


def test_every_abbreviation_used_has_a_hover_expansion_in_both_languages():
    used = abbreviations_used()
    for language in LANGUAGES:
        missing = used - abbreviations_defined(language)
        assert not missing, f"includes/abbreviations/{language}.md lacks {sorted(missing)}"


def test_the_glossary_covers_every_abbreviation_used_on_the_site():
    for language in LANGUAGES:
        glossary = body(DOCS / language / "glossary.md")
        missing = [abbr for abbr in sorted(abbreviations_used()) if not re.search(rf"(?<![A-Za-z]){re.escape(abbr)}(?![A-Za-z])", glossary)]
        assert not missing, f"{language}/glossary.md does not cover {missing}"


def test_glossary_uses_the_fixed_terminology():
    en, zh = body(DOCS / DEFAULT.code / "glossary.md"), body(DOCS / CHINESE.code / "glossary.md")
    for english, chinese in [
        ("Chief Marketing Officer", "首席营销官"), ("sales and marketing director", "营销总监"), ("sales director", "销售总监"),
        ("operations director", "运营总监"), ("commission", "提成"), ("performance pay", "绩效工资"),
        ("payment collection", "回款"), ("line manager", "直线经理"),
        # December 2026 decisions (EDITORIAL.md): 市场总监 is "marketing director", the line organization is
        # 业务一线部门 (not 直线组织), and the CEO as cheerleader is the brand's 头号代言人 (not 头号支持者).
        ("marketing director", "市场总监"), ("line organization", "业务一线部门"), ("cheerleader", "头号代言人"),
    ]:
        for language, text in ((DEFAULT.code, en), (CHINESE.code, zh)):
            # the pair must be one row: English term in the first column, Chinese in the second (not just both words
            # somewhere on the page, which "sales and marketing director" would satisfy for "marketing director")
            rows = re.findall(r"^\| ([^|\n]+) \| ([^|\n]+) \|", text, re.M)
            paired = [(first, second) for first, second in rows
                      if english.lower() in {form.strip().lower() for form in re.split(r" \(|\)", first) if form.strip()}
                      and chinese in second]
            assert paired, f"{language}/glossary.md: no row pairs “{english}” with “{chinese}”"


@pytest.mark.parametrize("language", LANGUAGES)
def test_pay_page_carries_the_commission_figures(language):
    text = body(DOCS / language / "evaluation-pay.md")
    for figure in ("1%", "0.5%", "2%"):
        assert re.search(rf"(?<![\d.]){re.escape(figure)}", text), f"{language}/evaluation-pay.md lacks {figure}"


ELIGIBILITY = {
    DEFAULT.code: [r"\b3\b.*years?", r"postgraduate|master", r"bachelor", r"college|associate|junior college"],
    CHINESE.code: [r"三年|3 年", r"研究生", r"本科", r"大专"],
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_certification_page_carries_the_four_eligibility_conditions(language):
    text = body(DOCS / language / "certification.md")
    years = ["3", "4", "5", "6"]
    for pattern in ELIGIBILITY[language]:
        assert re.search(pattern, text, re.I), f"{language}/certification.md lacks a condition matching {pattern}"
    for year in years:
        assert re.search(rf"(?<!\d){year}(?!\d)\s*(年|years?)", text), f"{language}/certification.md lacks {year} years"
    assert "2006" in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_knowledge_mix_gives_the_five_shares_as_the_explainers_claim_not_as_a_chart(language):
    # Group-A review, December 2026: the shares are unsourced, so the page states them in prose, not as a bar chart.
    text = body(DOCS / language / "skills.md")
    section = re.search(r"\{ #knowledge-mix \}(.*?)\n#", text, re.S)
    assert section, f"{language}/skills.md has no knowledge-mix section"
    shares = re.findall(r"(?<![\d.])(\d+)%", section[1])
    assert [n for n in shares if n != "100"] == ["35", "25", "20", "15", "5"], shares
    assert "bar-chart" not in section[1], f"{language}/skills.md draws the unsourced knowledge mix as a chart"


def test_abbreviations_show_their_expansion_in_each_language(site):
    for language_root, expansion in ((DEFAULT.root, "Chief marketing officer"), (CHINESE.root, "首席营销官")):
        soup = BeautifulSoup((site.site_dir / language_root / "role" / "index.html").read_text(encoding="utf-8"), "html.parser")
        titles = {abbr.get_text(): abbr.get("title") for abbr in soup.select("article abbr")}
        assert "CMO" in titles and expansion in titles["CMO"], titles
