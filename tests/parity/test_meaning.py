"""P10-terms, P11-style and P12-glossary on tiny sites that carry a glossary and data/terms.yml."""

from __future__ import annotations

import textwrap

import pytest

from tests.parity.test_hook import EN_STATUS, ZH_STATUS, mkdocs_build

GLOSSARY_ROWS = """\
| Board of directors | 董事会 | The body that governs a company. | 治理公司的机构。 |
| CEO (chief executive officer) | 首席执行官 | The most senior executive. | 最高行政负责人。 |
| CMO (Chief Marketing Officer) | 首席营销官 | The executive who leads marketing. | 负责营销的高级管理者。 |
| Commission | 提成 | Pay as a share of sales. | 按销售额比例计算的报酬。 |
| Cross-territory selling | 窜货 | Selling outside one's territory. | 把货物销往指定区域以外。 |
| Executive director | 执行总监 | An operational director. | 业务执行岗位的总监。 |
| General manager | 总经理 | The head of day-to-day management. | 主持日常经营管理的负责人。 |
| Head of marketing | 市场总监 | The head of the marketing department. | 市场部门的负责人。 |
| Marketing director | 营销总监 | A director-level marketing post. | 总监级营销职位。 |
| Operations director | 运营总监 | The director of operations. | 负责运营的总监。 |
"""

EN_GLOSSARY = f"""\
---
title: Glossary
description: Every term the handbook uses.
---

# Glossary

## Roles {{ #roles }}

| English | Chinese | Definition | Chinese definition |
|---|---|---|---|
{GLOSSARY_ROWS}"""

ZH_GLOSSARY = f"""\
---
title: 术语表
description: 本手册使用的全部术语。
---

# 术语表

## 角色 {{ #roles }}

| 英文 | 中文 | 英文释义 | 中文释义 |
|---|---|---|---|
{GLOSSARY_ROWS}"""

EN_TEAM = """\
---
title: Team
description: Who does what.
---

# Team

The CMO works with the board and the marketing director. The director earns a commission.

## Roles { #roles }

| Role | Reports to |
|---|---|
| CMO | The CEO |
| Marketing director | The CMO |

- The executive director runs projects.
- The operations director sets strategy.

!!! note "Editorial note"
    The head of marketing leads the department.
"""

ZH_TEAM = """\
---
title: 团队
description: 谁负责什么。
---

# 团队

首席营销官与董事会和营销总监合作。营销总监可以拿提成。

## 角色 { #roles }

| 角色 | 汇报对象 |
|---|---|
| 首席营销官 | 首席执行官 |
| 营销总监 | 首席营销官 |

- 执行总监负责项目执行。
- 运营总监制定战略。

!!! note "编者注"
    市场总监领导市场部门。
"""

TERMS_YML = """\
glossary: glossary.md
key_terms: [CMO, CEO, Marketing director, Head of marketing, Executive director, Operations director,
            General manager, Board of directors, Commission]
variants:
  Board of directors:
    en: [board]
  Marketing director:
    en: [the director]
forbidden:
  - variant: 串货
    preferred: 窜货
    lang: zh
    reason: 串货 is a non-standard variant of 窜货.
exemptions:
  - rule: P10-terms
    page: glossary.md
    reason: The glossary holds both languages in every row; P12-glossary compares it row for row.
  - rule: P11-style
    text: Ministry of Labour
    reason: An official English name keeps its own spelling.
"""

PAGES = {
    ("en", "glossary.md"): EN_GLOSSARY,
    ("zh", "glossary.md"): ZH_GLOSSARY,
    ("en", "team.md"): EN_TEAM,
    ("zh", "team.md"): ZH_TEAM,
}


@pytest.fixture
def meaning_site(make_site):
    site = make_site(lock=False, pages=PAGES)
    (site.root / "data").mkdir(exist_ok=True)
    (site.root / "data" / "terms.yml").write_text(TERMS_YML, encoding="utf-8")
    site.lock()
    return site


def test_meaning_site_passes(meaning_site):
    assert meaning_site.findings() == []


# --- P10-terms ------------------------------------------------------------------------------------------------


def test_p10_role_swapped_in_a_table_cell(meaning_site):
    meaning_site.edit("zh", "team.md", "| 营销总监 | 首席营销官 |", "| 营销总监 | 首席执行官 |")
    messages = meaning_site.findings("P10-terms")
    assert messages == [
        "zh/team.md:15 § Roles: table, row 2, column 2: has 首席执行官 (CEO), which en/team.md:15 lacks; "
        "en/team.md:15 has CMO (首席营销官), which this one lacks. Fix: use the glossary's pair on both sides "
        "(CEO ↔ 首席执行官; CMO ↔ 首席营销官), or correct the side that names another role [P10-terms]"
    ]


def test_p10_head_of_marketing_for_marketing_director_in_a_list_item(meaning_site):
    meaning_site.edit("zh", "team.md", "- 执行总监负责项目执行。", "- 运营总监负责项目执行。")
    messages = meaning_site.findings("P10-terms")
    assert len(messages) == 1
    assert messages[0].startswith("zh/team.md:17 § Roles: list item 1: has 运营总监 (Operations director), which "
                                  "en/team.md:17 lacks; en/team.md:17 has executive director (执行总监)")


def test_p10_marketing_director_and_head_of_marketing_are_different_terms(meaning_site):
    meaning_site.edit("zh", "team.md", "    市场总监领导市场部门。", "    营销总监领导市场部门。")
    messages = meaning_site.findings("P10-terms")
    assert any(m.startswith("zh/team.md:10 § Roles: section: en/team.md:21 has head of marketing (市场总监), which "
                            "this section lacks") for m in messages), messages


def test_p10_general_manager_for_the_board_in_prose(meaning_site):
    meaning_site.edit("zh", "team.md", "首席营销官与董事会和营销总监合作。", "首席营销官与总经理和营销总监合作。")
    messages = meaning_site.findings("P10-terms")
    assert len(messages) == 1
    assert "zh/team.md:8 § (introduction): section: has 总经理 (General manager), which en/team.md:8 lacks" in messages[0]
    assert "en/team.md:8 has board (董事会), which this section lacks" in messages[0]


def test_p10_an_exemption_masks_only_the_words_it_names(meaning_site):
    """A source label such as "the director-roles article" is not the marketing director; the unit's other terms
    still count."""
    terms = meaning_site.root / "data" / "terms.yml"
    terms.write_text(terms.read_text(encoding="utf-8") + (
        "  - rule: P10-terms\n    text: director-roles article\n    reason: A source's label, not a role.\n"
    ), encoding="utf-8")
    meaning_site.edit("en", "team.md", "- The executive director runs projects.",
                      "- The executive director runs projects, says the director-roles article.")
    assert meaning_site.findings("P10-terms") == []
    meaning_site.edit("zh", "team.md", "- 执行总监负责项目执行。", "- 运营总监负责项目执行。")
    messages = meaning_site.findings("P10-terms")
    assert len(messages) == 1 and "list item 1: has 运营总监 (Operations director)" in messages[0], messages


def test_p10_a_term_inside_an_address_is_no_use_of_it_but_chinese_glued_to_the_address_still_counts(meaning_site):
    meaning_site.edit("en", "team.md", "    The head of marketing leads the department.\n",
                      "    The head of marketing leads the department.\n\nSee <https://example.com/news/general-manager-title>.\n")
    meaning_site.edit("zh", "team.md", "    市场总监领导市场部门。\n",
                      "    市场总监领导市场部门。\n\n见 <https://example.com/news/general-manager-title>。\n")
    assert meaning_site.findings("P10-terms") == []
    meaning_site.edit("zh", "team.md", "general-manager-title>。", "general-manager-title>总经理的职衔。")
    assert len(meaning_site.findings("P10-terms")) == 1


def test_p10_forbidden_variant_names_the_preferred_form(meaning_site):
    meaning_site.edit("zh", "team.md", "运营总监制定战略。", "运营总监制定战略，防止串货。")
    assert meaning_site.findings("P10-terms") == [
        "zh/team.md:18: “串货” is not the handbook's term: write “窜货” (串货 is a non-standard variant of 窜货.) "
        "[P10-terms]"
    ]


def test_p10_harmless_edits_pass(meaning_site):
    # another accepted form of the same term, reworded prose with the same terms, and a CRLF re-save
    meaning_site.edit("en", "team.md", "| CMO | The CEO |", "| Chief Marketing Officer | The chief executive officer |")
    meaning_site.edit("en", "team.md", "The CMO works with the board and the marketing director.",
                      "Together with the marketing director and the board of directors, the CMO sets the course.")
    path = meaning_site.page("zh", "team.md")
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    assert [m for m in meaning_site.findings() if "P9-stale" not in m] == []


# --- P12-glossary ---------------------------------------------------------------------------------------------


def test_p12_glossaries_give_different_chinese_terms(meaning_site):
    meaning_site.edit("zh", "glossary.md", "| Head of marketing | 市场总监 |", "| Head of marketing | 营销总监 |")
    messages = meaning_site.findings("P12-glossary")
    assert messages == [
        "zh/glossary.md:19 § Roles: glossary row “Head of marketing”, column “Chinese”, says “营销总监” where "
        "en/glossary.md:19 says “市场总监”; give the same term pair in both glossaries [P12-glossary]"
    ]


# --- P11-style ------------------------------------------------------------------------------------------------


def test_p11_chinese_typography_with_autocorrect(meaning_site):
    meaning_site.edit("zh", "team.md", "- 运营总监制定战略。", "- 运营总监为CMO制定战略,共6年。")
    messages = meaning_site.findings("P11-style")
    assert len(messages) == 1
    assert messages[0].startswith("zh/team.md:18: Chinese typography: “")
    assert "为 CMO 制定战略，共 6 年" in messages[0]


def test_p11_typography_inside_an_admonition_but_not_in_code(meaning_site):
    meaning_site.edit("zh", "team.md", "    市场总监领导市场部门。", "    市场总监领导市场部门,共6年。\n\n```text\n代码abc\n```")
    messages = meaning_site.findings("P11-style")
    assert len(messages) == 1, messages
    assert messages[0].startswith("zh/team.md:21: Chinese typography: “")
    assert "市场部门，共 6 年。" in messages[0]


def test_p11_english_cells_of_the_glossary_are_not_held_to_chinese_rules(meaning_site):
    meaning_site.edit("zh", "glossary.md", "| The most senior executive. |", "| The most senior “top” executive. |")
    meaning_site.edit("en", "glossary.md", "| The most senior executive. |", "| The most senior “top” executive. |")
    assert meaning_site.findings("P11-style") == []


def test_p11_admonition_title_in_the_other_language(meaning_site):
    meaning_site.edit("zh", "team.md", '!!! note "编者注"', '!!! note "Editorial note"')
    assert meaning_site.findings("P11-style") == [
        "zh/team.md:20 § Roles: admonition title “Editorial note” is not in Chinese; write it in Chinese "
        "(e.g. “编者注”) [P11-style]"
    ]


def test_p11_description_too_long(meaning_site):
    meaning_site.edit("zh", "team.md", "description: 谁负责什么。", "description: " + "很长的描述" * 17 + "。")
    messages = meaning_site.findings("P11-style")
    assert messages == [
        "zh/team.md:3: description is 86 characters; the limit is 80 in Chinese (search engines cut longer "
        "ones): shorten it to one sentence [P11-style]"
    ]


def test_p11_british_spelling_but_not_in_an_exempt_proper_name(meaning_site):
    meaning_site.edit("en", "team.md", "- The operations director sets strategy.",
                      "- The operations director organises strategy with the Ministry of Labour.")
    assert meaning_site.findings("P11-style") == [
        "en/team.md:18: British spelling on an English page: “organises” → “organizes”; the handbook uses American "
        "spelling (a proper name keeps its own: add it to data/terms.yml's exemptions with the reason) [P11-style]"
    ]


def test_p11_nav_section_without_a_chinese_name(meaning_site):
    config = meaning_site.config_file
    config.write_text(config.read_text(encoding="utf-8") + "nav:\n  - team.md\n  - Reference:\n      - glossary.md\n",
                      encoding="utf-8")
    messages = meaning_site.findings("P11-style")
    assert len(messages) == 1
    assert messages[0].startswith("mkdocs.yml:")
    assert "nav section “Reference” has no 中文 name: add `Reference: …` under nav_translations" in messages[0]
    text = config.read_text(encoding="utf-8").replace(
        "          name: 中文\n", "          name: 中文\n          nav_translations:\n            Reference: 参考\n")
    config.write_text(text, encoding="utf-8")
    assert meaning_site.findings("P11-style") == []


# --- data/terms.yml -------------------------------------------------------------------------------------------


def test_bad_terms_data_names_file_and_line(meaning_site):
    from parity.config import ConfigError

    path = meaning_site.root / "data" / "terms.yml"
    path.write_text(TERMS_YML.replace("key_terms: [CMO,", "key_terms: [Marketing directer, CMO,"), encoding="utf-8")
    with pytest.raises(ConfigError, match=r"^data/terms.yml:2: key_terms: “Marketing directer” is not the English"):
        meaning_site.check()
    path.write_text(TERMS_YML + "  - rule: P10-terms\n    page: team.md\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"^data/terms.yml:2\d: exemptions: every exemption needs its reason"):
        meaning_site.check()
    path.write_text("key_terms: [CMO\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"^data/terms.yml:2: not valid YAML"):
        meaning_site.check()
    path.write_text(TERMS_YML, encoding="utf-8")
    meaning_site.page("en", "glossary.md").unlink()
    meaning_site.page("zh", "glossary.md").unlink()
    with pytest.raises(ConfigError, match=r"^data/terms.yml:1: the glossary page glossary.md does not exist"):
        meaning_site.check()


# --- the strict build -----------------------------------------------------------------------------------------


def test_strict_build_fails_on_each_example_with_page_and_line(meaning_site):
    site = meaning_site
    site.write("en", "translation-status.md", EN_STATUS)
    site.write("zh", "translation-status.md", ZH_STATUS)
    site.lock()
    site.edit("zh", "team.md", "| 营销总监 | 首席营销官 |", "| 营销总监 | 首席执行官 |")  # CEO for CMO
    site.edit("zh", "team.md", "- 执行总监负责项目执行。", "- 运营总监负责项目执行,防止串货。")  # role swap, variant, comma
    site.edit("zh", "team.md", '!!! note "编者注"', '!!! note "Editorial note"')
    site.edit("zh", "glossary.md", "| Head of marketing | 市场总监 |", "| Head of marketing | 营销总监 |")
    site.edit("en", "team.md", "description: Who does what.", "description: " + "Who does what. " * 12)
    site.write("en", "index.md", EN_STATUS.replace("Translation status", "Home"))
    site.write("zh", "index.md", ZH_STATUS.replace("翻译状态", "首页"))
    result = mkdocs_build(site)
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert "Traceback" not in output
    for expected in (
        "zh/team.md:15 § Roles: table, row 2, column 2: has 首席执行官 (CEO)",
        "zh/team.md:17 § Roles: list item 1: has 运营总监 (Operations director)",
        "zh/team.md:17: “串货” is not the handbook's term: write “窜货”",
        "zh/team.md:17: Chinese typography:",
        "zh/team.md:20 § Roles: admonition title “Editorial note” is not in Chinese",
        "zh/glossary.md:19 § Roles: glossary row “Head of marketing”, column “Chinese”, says “营销总监”",
        "en/team.md:3: description is 179 characters; the limit is 160 in English",
    ):
        assert f"WARNING -  parity: {expected}" in output, (expected, output)


def test_strict_build_names_a_mistake_in_the_terms_data(meaning_site):
    site = meaning_site
    site.write("en", "index.md", EN_STATUS.replace("Translation status", "Home"))
    site.write("zh", "index.md", ZH_STATUS.replace("翻译状态", "首页"))
    site.write("en", "translation-status.md", EN_STATUS)
    site.write("zh", "translation-status.md", ZH_STATUS)
    site.lock()
    (site.root / "data" / "terms.yml").write_text(TERMS_YML.replace("    reason: 串货 is a non-standard variant of 窜货.\n", ""),
                                                  encoding="utf-8")
    result = mkdocs_build(site)
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert "Traceback" not in output
    assert "ERROR   -  parity: data/terms.yml:10: forbidden: each entry needs variant, preferred, lang and reason" in output


def test_p10_a_swap_seen_only_by_counting_in_a_table_cell(meaning_site):
    """The same role twice on one side, once beside another role on the other: the head of marketing is still
    named elsewhere in the section, so only counting inside the cell finds the swap."""
    cells = {"en": ("Marketing director", "Marketing director and marketing director"), "zh": ("营销总监", "营销总监和市场总监")}
    for lang, (old, new) in cells.items():
        meaning_site.edit(lang, "team.md", f"| {old} |", f"| {new} |")
    expected = ("zh/team.md:15 § Roles: table, row 2, column 1: has 市场总监 (Head of marketing) 1×, 营销总监 (Marketing "
                "director) 1× where en/team.md:15 has Marketing director (营销总监) 2×. Fix: use the glossary's pair on "
                "both sides (Head of marketing ↔ 市场总监; Marketing director ↔ 营销总监), or correct the side that "
                "names another role [P10-terms]")
    assert meaning_site.findings("P10-terms") == [expected]


def test_p10_the_longest_term_wins_when_counting(meaning_site):
    """“Sales and marketing director” is one term: its “marketing director” is not counted again."""
    glossary_row = "| Sales and marketing director | 营销总经理 | The director of sales and marketing. | 管销售和营销的总监。 |\n"
    for lang in ("en", "zh"):
        meaning_site.edit(lang, "glossary.md", "| Operations director |", glossary_row + "| Operations director |")
    terms = meaning_site.root / "data" / "terms.yml"
    terms.write_text(terms.read_text(encoding="utf-8").replace("key_terms: [CMO,", "key_terms: [Sales and marketing director, CMO,"), encoding="utf-8")
    meaning_site.edit("en", "team.md", "| Marketing director | The CMO |", "| Sales and marketing director | The CMO |")
    meaning_site.edit("zh", "team.md", "| 营销总监 | 首席营销官 |", "| 营销总经理 | 首席营销官 |")
    assert meaning_site.findings("P10-terms") == []


def test_p10_paragraphs_are_units_when_both_sides_have_as_many(meaning_site):
    """Both roles are named elsewhere in the introduction, so only the paragraph-by-paragraph comparison sees
    that the second paragraph names the marketing director where the English names the CMO."""
    meaning_site.edit("en", "team.md", "The director earns a commission.\n",
                      "The director earns a commission.\n\nThe CEO hires the CMO.\n")
    meaning_site.edit("zh", "team.md", "营销总监可以拿提成。\n", "营销总监可以拿提成。\n\n首席执行官聘任营销总监。\n")
    messages = meaning_site.findings("P10-terms")
    assert len(messages) == 1, messages
    assert messages[0].startswith("zh/team.md:10 § (introduction): paragraph 2: has 营销总监 (Marketing director), "
                                  "which en/team.md:10 lacks; en/team.md:10 has CMO (首席营销官), which this one lacks")


def test_p11_a_huge_chinese_page_is_linted_without_crashing(meaning_site):
    """AutoCorrect's parser stops at a call limit on a page of some 8,000 lines ("call limit reached"); the page
    is linted in parts, and a slip far down the page is still found on its own line."""
    filler = "首席营销官负责营销工作。\n\n" * 6000
    meaning_site.edit("zh", "team.md", "营销总监可以拿提成。\n", "营销总监可以拿提成。\n\n" + filler + "共有6年。\n")
    messages = meaning_site.findings("P11-style")
    assert len(messages) == 1, messages[:3]
    assert messages[0].startswith("zh/team.md:12010: Chinese typography: “共有6年。” should be “共有 6 年。”")


def test_p11_a_part_autocorrect_cannot_parse_is_cut_in_halves(monkeypatch):
    """AutoCorrect's limit depends on the text (and, in a long-running process, on what it parsed before), so
    here it is simulated: any part over 3,000 lines fails as AutoCorrect fails."""
    import autocorrect_py

    from parity import style

    failures = []
    lint_for = autocorrect_py.lint_for

    def limited(text, kind):
        if text.count("\n") + 1 > 3000:
            failures.append(text.count("\n") + 1)
            raise ValueError(" --> 8232:1\n  |\n  = call limit reached")
        return lint_for(text, kind)

    monkeypatch.setattr(style.autocorrect_py, "lint_for", limited)
    monkeypatch.setattr(style, "LINT_CHUNK_LINES", 100_000)  # one part of 10,001 lines
    lines = ["首席营销官负责营销工作。", ""] * 5000 + ["共有6年。"]
    found = [(first + problem.line, problem.new) for first, problem in style._lint(lines)]
    assert failures == [10_001, 5_000, 5_001]  # the whole part, then each half, then quarters that pass
    assert found == [(10_001, "共有 6 年。")]
