"""Corrected facts on the pay and certification pages, pinned in both languages.

- Certification: the senior-marketer conditions of the 2006 standard (19 years' continuous work; 4 years after the
  marketer certificate; 3 years after it plus formal training) are given as the standard's, and the four conditions
  of the director-roles article (004) are given as the article's, in a section of their own; only the standard's are
  said to describe the former national certificate.
- Certification today (third edition): the page opens with the editors' synthesis and says what can be obtained now
  (the vocational skill-level certificate, 职业技能等级证书) and who issues it (employers and registered training and
  assessment organizations), the occupation codes of the 2022 classification (营销员 4-01-02-01, 互联网营销师
  4-01-06-02, the 2021 code 4-01-02-07 no longer listed), how to check a certificate (the skill-evaluation website
  and its address), that an association's "national" certificate is not a national qualification (the 2017 wording
  rule), and a worked check; each outside fact is cited on the sources page.
- Evaluation and pay: the key-account rule is set out under both readings (the whole team commission forfeited, or
  only the key accounts excluded from it), Case C is worked both ways (¥60,000 and ¥150,000), every equation on the
  page is arithmetically right, and the fit-or-unfit test belongs to the commitments item alone.
- Evaluation and pay, third edition: one checklist names the five decisions the article leaves open (profit or
  profit margin; tax; refunds, returns and bad debts; the period a collection counts in; whether key-account sales
  count in team sales); a case where the team misses its target while the director holds key accounts is worked
  under both readings (¥30,000 and ¥62,500); and the page says the rates are one anonymous page's proposal
  ("应该为"), not a norm.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

from parity.figures import extract_figures
from tests.site_pages import CHINESE, DEFAULT

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
EN, ZH = DEFAULT.code, CHINESE.code  # the pinned wording below is English and Chinese
LANGUAGES = (EN, ZH)
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*\{\s*#([\w-]+)\s*\}\s*$", re.M)

# What each language calls things on these pages.
WORDS = {
    EN: {
        "article": "director-roles article",
        "standard": "2006 standard",
        "former certificate": "former national certificate",
        "seed education routes": ["Postgraduate", "Bachelor", "Junior college"],
        "standard routes": [r"\b19 years' continuous work", r"\b4 years' continuous work .*after obtaining the marketer",
                            r"\b3 years' continuous work .*after obtaining the marketer certificate, plus formal\s+senior-marketer training"],
        "no match": "match no published copy",
        "both sets claim": "Both sets of conditions below describe",
        "not tied": "cannot be tied to it",
        "synthesis": '!!! abstract "Editors\' synthesis"',
        "certificate today": "vocational skill-level certificate (职业技能等级证书)",
        "issuers": ("An employer that runs skill-level recognition", "registered with the human resources",
                    "(经备案的社会培训评价组织)"),
        "licensing kinds": ("(水平评价类)", "(准入类)"),
        "old code gone": "no longer lists",
        "wording rule": ('"national" (国家)', '"nationwide" (全国)', '(职业资格)'),
        "not national": "not a national qualification",
        "lookup": ("技能人才评价工作网", "osta.mohrss.gov.cn"),
        "reading A": ("Reading A", "whole team commission is forfeited"),
        "reading B": ("Reading B", "only the key accounts are excluded"),
        "unsettled": "does not settle",
        "case C A": "Case C, reading A",
        "case C B": "Case C, reading B",
        "commission row": "Commission",
        "fit": "competent in, and suited to, the post",
        "commitments row": "Commitments",
        "verdict row": "The verdict",
        "period": "commission period",
        "collected": ("collected", "booked"),
        # the five open decisions, each the bold lead of one checklist item (and what the item must say)
        "decisions": {
            "profit or margin": (r"Profit or profit margin", r"profit margin \(利润率\).*profit \(利润\)"),
            "tax": (r"Tax-inclusive or not", r"VAT"),
            "refunds": (r"Refunds, returns, and bad debts", r"clawed back"),
            "collection period": (r"which period a collection counts in", r"arrives after the period of the sale"),
            "key accounts in team sales": (r"Whether key-account sales count in team sales", r"compared with the target"),
        },
        "case D A": "Case D, reading A",
        "case D B": "Case D, reading B",
        "target met row": "Target met?",
        "no": "No",
        "team sales row": "Actual team sales, key accounts included",
        "collected row": "Payment collected on the key accounts",
        "target row": "Team sales target",
        "assumptions": ("Assumptions for this case", r"count\s+toward the target", "sales equal collections"),
        "proposal": ("A proposal, not a norm", "anonymous", "should be", "应该为",
                     r"not a legal requirement, an industry\s+standard, or market data"),
    },
    ZH: {
        "article": "总监角色一文",
        "standard": "2006 年标准",
        "former certificate": "原国家职业资格证书",
        "seed education routes": ["研究生", "本科", "大专"],
        "standard routes": [r"连续从事本职业工作 19 年以上", r"取得本职业营销师职业资格证书后，连续从事本职业工作 4 年以上",
                            r"取得本职业营销师职业资格证书后，连续从事本职业工作 3 年以上，经本职业高级营销师正规培训"],
        "no match": "没有一个与总监角色一文的四项条件相符",
        "both sets claim": "两套条件针对的都是",
        "not tied": "无法确认针对的是国家职业资格证书",
        "synthesis": '!!! abstract "编者综述"',
        "certificate today": "职业技能等级证书",
        "issuers": ("自主开展职业技能等级认定的用人单位", "经人力资源社会保障部门备案的社会培训评价组织"),
        "licensing kinds": ("水平评价类", "准入类"),
        "old code gone": "不再列出",
        "wording rule": ("“国家”", "“全国”", "“职业资格”"),
        "not national": "不是国家职业资格",
        "lookup": ("技能人才评价工作网", "osta.mohrss.gov.cn"),
        "reading A": ("读法甲", "失去全部团队管理提成"),
        "reading B": ("读法乙", "只把专项客户排除在外"),
        "unsettled": "没有说明",
        "case C A": "情形 C，读法甲",
        "case C B": "情形 C，读法乙",
        "commission row": "提成合计",
        "fit": "称职",
        "commitments row": "承诺",
        "verdict row": "结论",
        "period": "提成周期",
        "collected": ("回款", "入账"),
        "decisions": {
            "profit or margin": (r"利润率还是利润额", r"利润率.*利润"),
            "tax": (r"是否含税", r"含税还是不含税"),
            "refunds": (r"退款、退货与坏账", r"是否扣回"),
            "collection period": (r"回款的归属期", r"回款计入哪一期"),
            "key accounts in team sales": (r"专项客户的销售额是否计入团队销售额", r"比较团队销售额与目标"),
        },
        "case D A": "情形 D，读法甲",
        "case D B": "情形 D，读法乙",
        "target met row": "是否完成目标",
        "no": "否",
        "team sales row": "团队实际销售额（含专项客户）",
        "collected row": "专项客户的实际回款额",
        "target row": "团队销售目标",
        "assumptions": ("本情形的假定", "计入目标完成情况", "销售额等于回款额"),
        "proposal": ("这是一家之言，不是规范", "匿名问答文章的主张", "应该为", "既不是法律规定，也不是行业标准或市场数据"),
    },
}


def page(language: str, slug: str) -> str:
    return (DOCS / language / slug).read_text(encoding="utf-8-sig")


def section(text: str, anchor: str) -> tuple[str, str]:
    """The heading text and the body of the section with `{ #anchor }`, up to the next heading of the same or a higher level."""
    headings = list(HEADING.finditer(text))
    for index, match in enumerate(headings):
        if match[3] == anchor:
            level = len(match[1])
            end = next((later.start() for later in headings[index + 1:] if len(later[1]) <= level), len(text))
            return match[2], text[match.end():end]
    raise AssertionError(f"no section {{ #{anchor} }}")


def table_rows(text: str) -> list[list[str]]:
    rows = [line.strip().strip("|").split("|") for line in text.splitlines() if line.lstrip().startswith("|")]
    return [[cell.strip() for cell in row] for row in rows if not all(set(cell.strip()) <= set("-: ") for cell in row)]


# --- certification ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_2006_standards_conditions_are_given_as_the_standards(language):
    words = WORDS[language]
    heading, body = section(page(language, "certification.md"), "eligibility-in-the-standard")
    assert words["standard"] in heading, f"{language}: the section's heading does not name the 2006 standard: {heading!r}"
    for route in words["standard routes"]:
        assert re.search(route, body, re.S), f"{language}/certification.md: the standard's route {route!r} is missing"
    leaked = [route for route in words["seed education routes"] if route.lower() in body.lower()]
    assert not leaked, f"{language}: the article's conditions {leaked} appear among the standard's"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_four_seed_conditions_are_labelled_as_the_articles(language):
    words = WORDS[language]
    heading, body = section(page(language, "certification.md"), "eligibility-in-the-article")
    assert words["article"] in heading, f"{language}: the four conditions are not headed as the article's: {heading!r}"
    rows = table_rows(body)[1:]
    assert [row[0] for row in rows] == ["1", "2", "3", "4"], rows
    assert [extract_figures(row[2]) for row in rows] == [["3"], ["4"], ["5"], ["6"]], rows
    for route in words["seed education routes"]:
        assert route.lower() in body.lower(), f"{language}: the article's route {route!r} is missing"
    assert "19" not in body, f"{language}: the standard's 19-year route is mixed into the article's conditions"


@pytest.mark.parametrize("language", LANGUAGES)
def test_only_the_standards_conditions_describe_the_former_certificate_and_the_mismatch_is_stated(language):
    words = WORDS[language]
    _, body = section(page(language, "certification.md"), "senior-marketer-eligibility")
    assert words["former certificate"] in body
    assert words["no match"] in body, f"{language}: the page does not say the article's conditions match no copy"
    assert words["not tied"] in body, f"{language}: the page does not say the article's conditions cannot be tied to it"
    assert words["both sets claim"] not in page(language, "certification.md"), (
        f"{language}/certification.md says again that both sets of conditions describe the national certificate"
    )
    _, sources = section(page(language, "sources.md"), "certification")
    assert "19" in sources and words["article"] in sources, f"{language}/sources.md does not record the correction"


# --- evaluation and pay ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_key_account_rule_is_set_out_under_both_readings(language):
    words = WORDS[language]
    _, body = section(page(language, "evaluation-pay.md"), "key-account-rule")
    for label, meaning in (words["reading A"], words["reading B"]):
        assert label in body and meaning in body, f"{language}: reading {label!r} ({meaning!r}) is missing"
    assert words["unsettled"] in body, f"{language}: the page does not say the source leaves the reading open"
    assert re.search(r"60,000|6 万元", body) and re.search(r"150,000|15 万元", body), "both Case C results belong here"


@pytest.mark.parametrize("language", LANGUAGES)
def test_case_c_is_worked_both_ways(language):
    words = WORDS[language]
    _, body = section(page(language, "evaluation-pay.md"), "worked-example")
    rows = table_rows(body)
    header = rows[0]
    assert words["case C A"] in header and words["case C B"] in header, header
    commission = next(row for row in rows if row[0] == words["commission row"])
    results = {
        reading: Decimal(extract_figures(commission[header.index(words[reading])])[-1])
        for reading in ("case C A", "case C B")
    }
    assert results == {"case C A": Decimal(60000), "case C B": Decimal(150000)}, results


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_fit_or_unfit_test_belongs_to_the_commitments_item(language):
    words = WORDS[language]
    _, body = section(page(language, "evaluation-pay.md"), "evaluation")
    rows = table_rows(body)
    with_fit = [row[0] for row in rows if words["fit"] in " ".join(row[1:])]
    assert with_fit == [words["commitments row"]], with_fit
    assert words["verdict row"] not in [row[0] for row in rows]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_pay_page_says_what_the_source_leaves_open(language):
    words = WORDS[language]
    _, body = section(page(language, "evaluation-pay.md"), "open-questions")
    assert words["period"] in body
    assert all(word in body for word in words["collected"])


EQUATION_CHARACTERS = re.compile(r"[0-9,.%¥万元×+−=()（） ]+")
NUMBER = re.compile(r"(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s?(%|万)?")


def evaluate(expression: str) -> Decimal:
    """An arithmetic expression as written on the page (`(¥12,000,000 − ¥3,000,000) × 1%`, `300 万元 × 2%`)."""

    def number(match: re.Match[str]) -> str:
        value = Decimal(match[1].replace(",", ""))
        value = value / 100 if match[2] == "%" else value * 10_000 if match[2] == "万" else value
        return f"Decimal('{value}')"

    python = NUMBER.sub(number, expression.replace("¥", "").replace("元", ""))
    python = python.replace("×", "*").replace("−", "-").replace("（", "(").replace("）", ")")
    assert re.fullmatch(r"[\sDecimal('0-9.)*+\-(]+", python), python
    return eval(python, {"Decimal": Decimal})  # noqa: S307 - only digits, Decimal and + - * ( ) remain


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_equation_on_the_pay_page_is_right(language):
    text = page(language, "evaluation-pay.md")
    equations = [run.strip(" ,.") for run in EQUATION_CHARACTERS.findall(text) if "=" in run and re.search(r"\d", run)]
    assert len(equations) >= 8, f"{language}: expected the worked example's equations, found {equations}"
    for equation in equations:
        values = [evaluate(side) for side in equation.split("=")]
        assert len(set(values)) == 1, f"{language}/evaluation-pay.md: {equation!r} does not add up ({values})"


CHECKLIST_ITEM = re.compile(r"^(\d+)\. \*\*(.+?)\*\*(.*(?:\n[ \t]+\S.*)*)", re.M)  # with its indented lines


@pytest.mark.parametrize("language", LANGUAGES)
def test_one_checklist_names_the_five_decisions_the_source_leaves_open(language):
    _, body = section(page(language, "evaluation-pay.md"), "open-questions")
    items = [(int(match[1]), match[2], " ".join((match[2] + match[3]).split())) for match in CHECKLIST_ITEM.finditer(body)]
    assert [number for number, _, _ in items] == list(range(1, len(items) + 1)), f"{language}: not one numbered list: {items}"
    for decision, (lead, says) in WORDS[language]["decisions"].items():
        found = [text for _, bold, text in items if re.search(lead, bold)]
        assert len(found) == 1, f"{language}/evaluation-pay.md: no single checklist item is headed {lead!r} ({decision})"
        assert re.search(says, found[0]), f"{language}: the {decision!r} item does not say {says!r}: {found[0]!r}"


def _amount(cell: str) -> Decimal:
    """The last figure in a cell: the result of an equation, or the amount itself (`¥30,000 + ¥32,500 = ¥62,500`)."""
    return Decimal(extract_figures(cell)[-1])


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_missed_target_case_is_worked_under_both_readings(language):
    words = WORDS[language]
    _, body = section(page(language, "evaluation-pay.md"), "missed-target-case")
    for assumption in words["assumptions"]:
        assert re.search(assumption, body), f"{language}: the case does not state the assumption {assumption!r}"
    rows = table_rows(body)
    header = rows[0]
    by_label = {row[0]: row for row in rows[1:]}
    columns = {reading: header.index(words[reading]) for reading in ("case D A", "case D B")}

    def cell(row: str, reading: str) -> str:
        return by_label[words[row]][columns[reading]]

    for reading in columns:
        target, sales = _amount(cell("target row", reading)), _amount(cell("team sales row", reading))
        collected = _amount(cell("collected row", reading))
        assert sales < target and cell("target met row", reading) == words["no"], f"{language}: the team must miss its target"
        assert 0 < collected < sales, f"{language}: the key accounts are part of the team's sales"
    commission = next(row for row in rows if row[0] == words["commission row"])
    results = {reading: _amount(commission[column]) for reading, column in columns.items()}
    assert results == {
        "case D A": collected * Decimal("0.02"),  # reading A: the key accounts' 2%, no team commission
        "case D B": collected * Decimal("0.02") + (sales - collected) * Decimal("0.005"),  # B: plus 0.5% on the rest
    } == {"case D A": Decimal(30000), "case D B": Decimal(62500)}, results
    _, rule = section(page(language, "evaluation-pay.md"), "key-account-rule")
    assert re.search(r"30,000|3 万元", rule) and re.search(r"62,500|6\.25 万元", rule), "both results belong in the warning"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_rates_are_called_one_anonymous_pages_proposal_not_a_norm(language):
    _, body = section(page(language, "evaluation-pay.md"), "pay-structure")
    statement = next((paragraph for paragraph in body.split("\n\n") if WORDS[language]["proposal"][0] in paragraph), "")
    for words in WORDS[language]["proposal"]:
        assert re.search(words, statement), f"{language}/evaluation-pay.md § pay-structure: the statement lacks {words!r}"
    assert all(rate in statement for rate in ("1%", "0.5%", "2%")), f"{language}: the statement must name the rates"

# --- certification today (third edition) -------------------------------------------------------------------------

CODES = {"营销员": "4-01-02-01", "互联网营销师": "4-01-06-02"}
OLD_INTERNET_MARKETER_CODE = "4-01-02-07"


def introduction(text: str) -> str:
    """The page's text between its H1 and its first lower heading."""
    start = re.search(r"^# .*$", text, re.M).end()
    return text[start:HEADING.search(text, start).start()]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_page_opens_with_the_editors_synthesis_which_names_todays_certificate_and_codes(language):
    words = WORDS[language]
    intro = introduction(page(language, "certification.md"))
    assert words["synthesis"] in intro, f"{language}/certification.md does not open with the editors' synthesis box"
    box = intro[intro.index(words["synthesis"]):]
    for fact in (words["certificate today"], *CODES.values(), "#today", "#checking-a-certificate", "#worked-check"):
        assert fact in box, f"{language}/certification.md: the editors' synthesis does not give {fact!r}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_page_says_what_can_be_obtained_today_and_who_issues_it(language):
    words = WORDS[language]
    _, body = section(page(language, "certification.md"), "today")
    assert words["certificate today"] in body, f"{language}: today's certificate is not named"
    for issuer in words["issuers"]:
        assert issuer in body, f"{language}: the section does not say who issues it ({issuer!r} is missing)"
    for kind in words["licensing kinds"]:
        assert kind in body, f"{language}: the non-licensing/licensing distinction ({kind!r}) is missing"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_2022_codes_are_given_for_each_occupation_and_the_old_code_is_marked_gone(language):
    words = WORDS[language]
    _, body = section(page(language, "certification.md"), "today")
    rows = table_rows(body)[1:]
    for occupation, code in CODES.items():
        row = next((row for row in rows if occupation in row[0]), None)
        assert row is not None, f"{language}: the codes table has no row for {occupation}"
        assert row[1] == code, f"{language}: {occupation} is given {row[1]!r}, not {code}"
    old = next(row for row in rows if OLD_INTERNET_MARKETER_CODE in " ".join(row))
    assert "互联网营销师" in old[0] and words["old code gone"] in old[-1], old
    _, reform = section(page(language, "sources.md"), "reform-documents")
    assert all(code in reform for code in CODES.values()), f"{language}/sources.md does not cite the codes"
    assert "github.com/Optima-Chat/china-jobs" in reform, f"{language}/sources.md does not say where the codes were checked"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_page_warns_that_an_associations_national_certificate_is_not_a_national_qualification(language):
    words = WORDS[language]
    _, checking = section(page(language, "certification.md"), "checking-a-certificate")
    for word in words["wording rule"]:
        assert word in checking, f"{language}: the 2017 wording rule does not name {word!r}"
    _, worked = section(page(language, "certification.md"), "worked-check")
    assert "高级营销师（国家职业资格一级）" in worked, f"{language}: the worked check does not take the reader's case"
    assert words["not national"] in worked, f"{language}: the worked check gives no verdict"
    _, reform = section(page(language, "sources.md"), "reform-documents")
    assert "jizihe.com" in reform and ("“全国”" in reform or '"nationwide"' in reform), "the wording rule is not cited"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_page_says_how_to_check_a_certificate_online_and_cites_it(language):
    words = WORDS[language]
    _, checking = section(page(language, "certification.md"), "checking-a-certificate")
    for part in words["lookup"]:
        assert part in checking, f"{language}: the verification route ({part!r}) is missing"
    _, reform = section(page(language, "sources.md"), "reform-documents")
    assert "osta.mohrss.gov.cn" in reform and "pouringspot.com" in reform, f"{language}/sources.md does not cite it"
