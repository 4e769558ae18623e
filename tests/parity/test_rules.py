"""Every rule: a passing fixture pair and failing ones, as tiny sites checked through the public API."""

from __future__ import annotations

import json

import pytest

from parity.documents import content_hash


def test_base_site_passes(make_site):
    site = make_site()
    assert site.findings() == []


# --- P1 pages ------------------------------------------------------------------------------------------------


def test_p1_missing_translation_names_both_files(make_site):
    site = make_site()
    site.page("zh", "role.md").unlink()
    messages = site.findings("P1-pages")
    assert len(messages) == 1
    assert messages[0].startswith("en/role.md: has no 中文 counterpart; create zh/role.md")  # the i18n block's name
    assert messages[0].endswith("[P1-pages]")


def test_p1_extra_page_in_chinese_only(make_site):
    site = make_site()
    site.write("zh", "extra.md", "---\ntitle: 额外\ndescription: 额外页面。\n---\n\n# 额外\n")
    assert any("zh/extra.md: has no English counterpart; create en/extra.md" in m for m in site.findings("P1-pages"))


# --- P2 front matter ----------------------------------------------------------------------------------------


def test_p2_malformed_yaml_names_file_and_line(make_site):
    site = make_site()
    site.edit("zh", "duties.md", "description: 首席营销官的五项职能。", "description: [首席营销官的五项职能。")
    messages = site.findings("P2-front-matter")
    assert len(messages) == 1
    assert messages[0].startswith("zh/duties.md:")
    line = int(messages[0].split(":")[1].split()[0])
    assert line in (3, 4)  # the unclosed flow sequence starts on line 3; PyYAML reports where it noticed
    assert "not valid" in messages[0] and "en/duties.md" in messages[0]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "title: 岗位职责",
            'title: "岗位职责',
            "zh/duties.md:2: front matter is not valid: the value of `title` opens a quote (\") that is not closed on "
            "this line: end the value with \"",
        ),
        (
            "description: 首席营销官的五项职能。",
            "description: 首席营销官的职能: 五项",
            "zh/duties.md:3: front matter is not valid: the value of `description` contains a colon followed by a "
            "space, which YAML reads as the start of another key: put the whole value in quotes: "
            'description: "首席营销官的职能: 五项"',
        ),
        (
            "description: 首席营销官的五项职能。",
            "\tdescription: 首席营销官的五项职能。",
            "zh/duties.md:3: front matter is not valid: a tab character at column 1; YAML does not allow tabs here: "
            "replace it with spaces",
        ),
    ],
    ids=["unclosed-quote", "colon-in-value", "tab"],
)
def test_p2_yaml_mistakes_in_plain_words_on_their_line(make_site, old, new, expected):
    site = make_site()
    site.edit("zh", "duties.md", old, new)
    (message,) = site.findings("P2-front-matter")
    assert message.startswith(expected), message
    assert "closing" not in message and "mapping values" not in message and "scanning" not in message


def test_p2_missing_description_and_key_mismatch(make_site):
    site = make_site()
    site.edit("en", "role.md", "description: What a CMO is.\n", "")
    messages = site.findings("P2-front-matter")
    assert any(m.startswith("en/role.md:2: front matter `description` is missing") for m in messages)
    assert any("front matter keys are description, title; en/role.md:2 has title" in m for m in messages)


def test_p2_no_front_matter(make_site):
    site = make_site()
    site.write("zh", "role.md", "# 首席营销官的角色\n\n## 定义 { #definition }\n\n首席营销官负责营销工作。\n")
    assert any(m.startswith("zh/role.md:1: has no front matter") for m in site.findings("P2-front-matter"))


def test_p2_empty_title(make_site):
    site = make_site()
    site.edit("zh", "role.md", "title: 首席营销官的角色", "title: ''")
    assert any("front matter `title` is empty" in m for m in site.findings("P2-front-matter"))


def test_p2_search_boost_is_a_setting_the_same_on_both_sides_and_not_content(make_site):
    site = make_site()
    site.edit("en", "role.md", "title: The CMO role", "title: The CMO role\nsearch:\n  boost: 0.5")
    site.edit("zh", "role.md", "title: 首席营销官的角色", "title: 首席营销官的角色\nsearch:\n  boost: 2")
    messages = site.findings()
    assert any("front matter `search` is" in m and "give both pages the same" in m for m in messages), messages
    site.edit("zh", "role.md", "  boost: 2", "  boost: 0.5")
    assert site.findings() == [], "a search boost on both sides made the locked pair stale"


# --- P3 headings --------------------------------------------------------------------------------------------


def test_p3_missing_explicit_id(make_site):
    site = make_site()
    site.edit("zh", "duties.md", "## 资料来源 { #sources }", "## 资料来源")
    messages = site.findings("P3-headings")
    assert any(m.startswith("zh/duties.md:40: H2 “资料来源” has no explicit id") for m in messages), messages


def test_p3_level_difference(make_site):
    site = make_site()
    site.edit("zh", "duties.md", "## 资料来源 { #sources }", "### 资料来源 { #sources }")
    messages = site.findings("P3-headings")
    assert messages == ["zh/duties.md:40: heading #sources is H3; en/duties.md:40 has H2 [P3-headings]"]


def test_p3_missing_heading(make_site):
    site = make_site()
    site.edit("en", "role.md", "A CMO leads marketing.", "A CMO leads marketing.\n\n## History { #history }\n\nOld.")
    messages = site.findings("P3-headings")
    assert len(messages) == 1
    assert "has no counterpart of en/role.md:12 H2 “History” #history" in messages[0]


def test_p3_two_h1(make_site):
    site = make_site()
    site.edit("zh", "role.md", "首席营销官负责营销工作。", "首席营销官负责营销工作。\n\n# 第二个标题")
    assert any("has 2 H1 headings" in m for m in site.findings("P3-headings"))


# --- P4 blocks ----------------------------------------------------------------------------------------------


def test_p4_list_item_count(make_site):
    site = make_site()
    site.edit("zh", "duties.md", "3. 团队[^1]不断壮大。", "")
    site.edit("zh", "duties.md", "2. 预算为 50 万元。", "2. 预算为 50 万元。团队[^1]不断壮大。")
    messages = site.findings("P4-blocks")
    assert messages == [
        "zh/duties.md:12 § Five functions: list has 2 items; en/duties.md:12 has 3 [P4-blocks]"
    ]


def test_p4_nested_list_count(make_site):
    site = make_site()
    site.edit("zh", "duties.md", "    - 广告\n", "    - 广告\n    - 公关\n")
    assert site.findings("P4-blocks") == [
        "zh/duties.md:12 § Five functions: list, item 2, nested list has 3 items; en/duties.md:12 has 2 [P4-blocks]"
    ]


def test_p4_table_shape(make_site):
    site = make_site()
    site.edit("zh", "duties.md", "| 销售 | 30% |\n", "| 销售 | 30% |\n| 其他 | 0 |\n")
    site.edit("en", "duties.md", "| Sales | 30% |\n", "| Sales | 30% |\n| Other | 0 |\n| Total | |\n")
    messages = site.findings("P4-blocks")
    assert messages == ["zh/duties.md:18 § Five functions: table is 4 rows × 2 columns; en/duties.md:18 has 5 × 2 [P4-blocks]"]


def test_p4_admonition_types(make_site):
    site = make_site()
    site.edit("zh", "duties.md", '!!! note "编者按"', '!!! warning "注意"')
    assert any(m.startswith("zh/duties.md:23 § Five functions: admonitions are warning; en/duties.md:23 has note")
               for m in site.findings("P4-blocks"))


def test_p4_counts_of_code_images_footnotes_quotes_tabs(make_site):
    site = make_site()
    site.edit("zh", "duties.md", "```text\ncode 456 is not a figure\n```\n", "")
    site.edit("zh", "duties.md", "![图表](chart.png)", "")
    site.edit("zh", "duties.md", "团队[^1]", "团队")
    site.edit("zh", "duties.md", "> 关于企业", "关于企业")
    site.edit("zh", "duties.md", '=== "复核"\n    复核计划。\n', "")
    messages = site.findings("P4-blocks")
    joined = "\n".join(messages)
    for expected in (
        "section has 0 code blocks; en/duties.md:10 has 1",
        "section has 0 images; en/duties.md:10 has 1",
        "section has 0 footnote references; en/duties.md:10 has 1",
        "section has 0 blockquotes; en/duties.md:10 has 1",
        "content tabs have 1 tabs; en/duties.md:10 has 2",
    ):
        assert expected in joined, joined


def test_p4_sections_matched_by_id_not_position(make_site):
    site = make_site()
    # A list added to the "sources" section only on the English side is reported in that section.
    site.edit("en", "duties.md", "The report is at", "- one\n- two\n\nThe report is at")
    assert site.findings("P4-blocks") == [
        "zh/duties.md:40 § Sources: section has 0 lists; en/duties.md:40 has 1 [P4-blocks]"
    ]


# --- P5 links -----------------------------------------------------------------------------------------------


def test_p5_link_anchor_and_url_differ(make_site):
    site = make_site()
    site.edit("zh", "duties.md", "(role.md#definition)", "(role.md)")
    site.edit("zh", "duties.md", "https://example.com/report-2024", "https://example.cn/report-2024")
    messages = site.findings("P5-links")
    assert any(
        "zh/duties.md:8 § (introduction): links to role.md, which en/duties.md:8 does not; "
        "en/duties.md:8 links to role.md#definition, which this section does not" in m
        for m in messages
    ), messages
    assert any(m.startswith("zh/duties.md:42 § Sources: links to https://example.cn/report-2024, which en/duties.md:42")
               for m in messages)


def test_p5_relative_links_resolve_per_folder(make_site):
    site = make_site()
    site.write("en", "sub/page.md", "---\ntitle: Sub\ndescription: Sub.\n---\n\n# Sub\n\nSee [duties](../duties.md).\n")
    site.write("zh", "sub/page.md", "---\ntitle: 子页\ndescription: 子页。\n---\n\n# 子页\n\n见[职责](/duties.md)。\n")
    messages = site.findings("P5-links")
    assert any("links to /duties.md" in m and "links to duties.md" in m for m in messages), messages


# --- P6 figures ---------------------------------------------------------------------------------------------


def test_p6_figure_differs(make_site):
    site = make_site()
    site.edit("zh", "duties.md", "规划占用 37% 的时间", "规划占用 38% 的时间")
    assert site.findings("P6-figures") == [
        "zh/duties.md:12 § Five functions: 37% appears 0× here and 1× in en/duties.md:12; "
        "38% appears 1× here and 0× in en/duties.md:12 [P6-figures]"
    ]


def test_p6_units_and_separators_are_normalised(make_site):
    # The base pair has 50 万 / 500,000 and 3 到 5 / 3–5; heading numbers and list markers are not figures.
    site = make_site()
    site.edit("en", "duties.md", "## Five functions { #five-functions }", "## 1. Five functions { #five-functions }")
    assert site.findings("P6-figures") == []


def test_p6_figure_moved_to_another_section(make_site):
    site = make_site()
    site.edit("zh", "duties.md", "16 项职责", "若干项职责")
    site.edit("zh", "duties.md", "报告见", "16 项职责的报告见")
    messages = site.findings("P6-figures")
    assert len(messages) == 2
    assert "zh/duties.md:5 § (introduction): 16 appears 0× here and 1× in en/duties.md:8 [P6-figures]" in messages
    assert "zh/duties.md:42 § Sources: 16 appears 1× here and 0× in en/duties.md:40 [P6-figures]" in messages


def test_p6_counts_the_figure_and_points_at_its_line(make_site):
    site = make_site()
    site.edit("en", "role.md", "A CMO leads marketing.", "A CMO leads marketing.\n\nAbout 1% do; 1% more plan to; 1% left.")
    site.edit("zh", "role.md", "首席营销官负责营销工作。", "首席营销官负责营销工作。\n\n约 1% 如此；另有 1% 计划如此。")
    assert site.findings("P6-figures") == [
        "zh/role.md:12 § Definition: 1% appears 2× here and 3× in en/role.md:12 [P6-figures]"
    ]


# --- P7 language --------------------------------------------------------------------------------------------


def test_p7_english_prose_on_chinese_page(make_site):
    site = make_site()
    site.edit("zh", "role.md", "首席营销官负责营销工作。", "首席营销官负责营销工作。the source reports that this is wrong。")
    messages = site.findings("P7-language")
    assert messages == [
        "zh/role.md:10 § Definition: untranslated English on a Chinese page: “the source reports that this is wrong”; "
        "translate it (as en/role.md says it), or keep only a short gloss in parentheses [P7-language]"
    ]


def test_p7_chinese_prose_on_english_page(make_site):
    site = make_site()
    site.edit("en", "role.md", "A CMO leads marketing.", "A CMO leads marketing. 负责品牌建设。")
    messages = site.findings("P7-language")
    assert len(messages) == 1 and "Chinese on an English page: “负责品牌建设”" in messages[0]


def test_p7_allowances(make_site):
    site = make_site()
    site.edit(
        "zh", "role.md", "首席营销官负责营销工作。",
        "首席营销官负责营销工作，参见 SAP、Oracle 和 IBM 的案例，以及《The Practice of Management》"
        "（There is only one valid definition of business purpose）。`run the command now please`",
    )
    site.edit("en", "role.md", "A CMO leads marketing.", "A senior marketer (高级营销师) and 营销师 (marketer) lead marketing.")
    assert site.findings("P7-language") == []


def test_p7_glossary_tables_are_exempt_but_its_prose_is_not(make_site):
    site = make_site()
    table = "\n| English | 中文 |\n|---|---|\n| chief marketing officer | 首席营销官 |\n"
    site.write("en", "glossary.md", "---\ntitle: Glossary\ndescription: Terms.\n---\n\n# Glossary\n" + table)
    site.write("zh", "glossary.md", "---\ntitle: 术语表\ndescription: 术语。\n---\n\n# 术语表\n" + table)
    assert site.findings("P7-language") == []
    site.edit("en", "glossary.md", "# Glossary\n", "# Glossary\n\n术语和缩写。\n")
    assert len(site.findings("P7-language")) == 1


# --- P8 encoding --------------------------------------------------------------------------------------------


def test_p8_gbk_page_is_diagnosed(make_site):
    site = make_site()
    text = site.page("zh", "role.md").read_text(encoding="utf-8")
    site.page("zh", "role.md").write_bytes(text.encode("gbk"))
    messages = site.findings("P8-encoding")
    assert len(messages) == 1
    message = messages[0]
    assert message.startswith("zh/role.md:2: is not UTF-8: byte 0xCA at line 2, column 8; it looks like GBK/GB18030")
    assert "Save with Encoding" in message and "Save As → Encoding: UTF-8" in message
    # The rest of the page is still checked as decoded text: no other rule misfires on it.
    # The decoded text is what was locked, so P9 does not fire either.
    assert [f.rule for f in site.check().findings if f.pair == "role.md"] == ["P8-encoding"]


def test_p8_bom_and_crlf_are_fine(make_site):
    site = make_site(lock=False)
    text = site.page("zh", "role.md").read_text(encoding="utf-8")
    site.write("zh", "role.md", "\ufeff" + text, newline="\r\n")
    site.lock()
    assert site.findings() == []


# --- P9 stale -----------------------------------------------------------------------------------------------


def test_p9_not_locked(make_site):
    site = make_site(lock=False)
    assert site.findings("P9-stale") == [
        "parity.lock.json: does not exist, so none of the 2 page pairs is confirmed in step yet; once the "
        "translations say what the English pages say, run `uv run python -m parity lock` to create it [P9-stale]"
    ]
    site.lock()
    site.write("en", "new.md", "# New\n")
    site.write("zh", "new.md", "# 新\n")
    messages = site.findings("P9-stale")
    assert len(messages) == 1
    assert messages[0].startswith("zh/new.md: this page pair is not in parity.lock.json")


def test_p9_names_the_changed_side_and_its_sections_and_the_sections_to_update(make_site):
    site = make_site()
    site.edit("en", "role.md", "A CMO leads marketing.", "A CMO leads the marketing function.")
    assert site.findings("P9-stale") == [
        "en/role.md:8 § Definition: changed since the pair was locked on 2026-01-02; zh/role.md did not change, so "
        "it may be stale; if the change is right, update zh/role.md § 定义 (line 8) to match; if it was a mistake, "
        "undo it. See what changed: `uv run python -m parity diff role.md`; then run "
        "`uv run python -m parity lock role.md` [P9-stale]"
    ]
    site.edit("zh", "role.md", "首席营销官负责营销工作。", "首席营销官领导营销职能。")
    both = site.findings("P9-stale")[0]
    assert "both zh/role.md and en/role.md changed since they were locked" in both
    assert "zh/role.md § 定义 (line 8); en/role.md § Definition (line 8)" in both
    site.lock()
    assert site.findings() == []


def test_p9_only_the_changed_sections_are_named(make_site):
    site = make_site()
    site.edit("en", "duties.md", "The report is at", "The full report is at")
    (message,) = site.findings("P9-stale")
    assert message.startswith("en/duties.md:40 § Sources: changed since")
    assert "update zh/duties.md § 资料来源 (line 40) to match" in message
    assert "Five functions" not in message and "五项职能" not in message


def test_p9_new_and_removed_sections(make_site):
    site = make_site()
    site.edit("en", "role.md", "A CMO leads marketing.", "A CMO leads marketing.\n\n## History { #history }\n\nNew.")
    (message,) = site.findings("P9-stale")
    assert "(new § History (line 12))" in message
    assert "update zh/role.md a section for en/role.md § History (line 12) to match" in message


def test_p9_one_sided_change_does_not_blame_the_untouched_side(make_site):
    site = make_site()
    site.edit("zh", "role.md", "首席营销官负责营销工作。", "首席营销官领导营销职能。")
    (message,) = site.findings("P9-stale")
    assert message.startswith("zh/role.md:8 § Definition: changed since the pair was locked on 2026-01-02; "
                              "en/role.md did not change, so it may be stale; if the change is right, update "
                              "en/role.md § Definition (line 8) to match; if it was a mistake, undo it.")
    assert not message.startswith("en/role.md")


def test_p9_with_a_version_1_lock_still_names_the_sides(make_site):
    site = make_site()
    lock = site.config().lock_path
    data = json.loads(lock.read_text(encoding="utf-8"))
    for entry in data["pages"].values():
        del entry["sections"]
    data["version"] = 1
    lock.write_text(json.dumps(data), encoding="utf-8")
    assert site.findings() == []
    site.edit("zh", "role.md", "首席营销官负责营销工作。", "首席营销官领导营销职能。")
    (message,) = site.findings("P9-stale")
    assert message.startswith("zh/role.md: changed since the pair was locked on 2026-01-02; en/role.md did not")


def test_p9_whitespace_and_line_endings_do_not_count(make_site):
    site = make_site()
    text = site.page("en", "role.md").read_text(encoding="utf-8")
    site.write("en", "role.md", text.replace("marketing.", "marketing.   ") + "\n\n", newline="\r\n")
    assert site.findings("P9-stale") == []
    assert content_hash("a  \r\nb\n\n") == content_hash("a\nb")


# --- P7: leftovers and untranslated copies -------------------------------------------------------------------


def test_p7_english_words_left_in_chinese_prose(make_site):
    site = make_site()
    site.edit("zh", "role.md", "首席营销官负责营销工作。", "首席营销官负责 the 营销工作，向 board of 董事会汇报。")
    assert site.findings("P7-language") == [
        "zh/role.md:10 § Definition: English words left in Chinese prose: “the”; translate it (as en/role.md says "
        "it), or keep only a short gloss in parentheses [P7-language]",
        "zh/role.md:10 § Definition: English words left in Chinese prose: “board of”; translate it (as en/role.md "
        "says it), or keep only a short gloss in parentheses [P7-language]",
    ]


def test_p7_english_named_on_purpose_is_not_a_leftover(make_site):
    site = make_site()
    site.edit(
        "zh", "role.md", "首席营销官负责营销工作。",
        "首席营销官即英文的 marketing officer，不是 CMO Council 或 IBM；*the director* 与“the board”都是引文，"
        "[the report](https://example.com/the-report) 是链接，`the code` 是代码（the gloss）。",
    )
    assert site.findings("P7-language") == []


UNTRANSLATED = """\
---
title: The CMO role
description: What a CMO is.
---

# The CMO role

## Definition { #definition }

A CMO leads marketing and answers for the brand across every channel.

- The role reports to the chief executive officer.
- The role sets the budget for the marketing department.
- The role hires and develops the marketing team.
"""


def test_p7_an_untranslated_copy_is_one_finding_for_the_page(make_site):
    site = make_site(lock=False, pages={("en", "role.md"): UNTRANSLATED, ("zh", "role.md"): UNTRANSLATED})
    messages = site.findings()
    assert [m for m in messages if "[P9-stale]" not in m] == [
        "zh/role.md:1: looks like an untranslated copy of en/role.md: 4 of its 4 paragraphs, list items, table cells "
        "and headings are en/role.md's text or in its language; translate the page; its sentence-by-sentence "
        "language and term findings wait until then [P7-language]"
    ]


def test_p7_an_english_page_in_chinese_is_the_copy_whichever_side_holds_it(make_site):
    site = make_site()
    zh = site.page("zh", "duties.md").read_text(encoding="utf-8")
    site.write("en", "duties.md", zh)
    messages = [m for m in site.findings("P7-language")]
    assert len(messages) == 1 and messages[0].startswith("en/duties.md:1: looks like an untranslated copy of zh/duties.md")
