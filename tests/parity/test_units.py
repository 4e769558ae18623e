"""Figures, language purity, documents and config, below the rules."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from parity.config import ConfigError, load_site_config
from parity.documents import decode, split_front_matter
from parity.figures import extract_figures, strip_heading_number
from parity.language import chinese_runs, english_prose_runs


@pytest.mark.parametrize(
    ("english", "chinese"),
    [
        ("500,000 people", "50 万人"),
        ("3.2 billion", "32 亿"),
        ("1% and 0.5%", "1% 和 0.5%"),
        ("from 3 to 5 years", "3 到 5 年"),
        ("3–5 years", "3-5 年"),
        ("the 70-20-10 rule", "70-20-10 法则"),
        ("in 2006, 37%", "2006 年，37%"),
        ("(The Practice of Management, 1954)", "（The Practice of Management，1954 年）"),
    ],
)
def test_figures_compare_equal_across_languages(english, chinese):
    assert sorted(extract_figures(english)) == sorted(extract_figures(chinese))


def test_figures_values():
    assert extract_figures("50 万, 500,000, 0.5 million, 37 %, ３７％") == ["500000"] * 3 + ["37%", "37%"]
    assert extract_figures("3.20 and 1,000 and 1,2") == ["3.2", "1000", "1"]
    assert extract_figures("see https://example.com/2024/report-5") == []


def test_chinese_text_glued_to_a_url_keeps_its_figures():
    assert extract_figures("见 https://example.com/a.html（2006 年版）") == ["2006"]
    assert extract_figures("见 https://example.com/a.html。共 67 项") == ["67"]
    assert extract_figures("70-20-10") == ["70", "20", "10"]


def test_a_name_s_middle_part_and_a_port_are_not_figures_but_a_hyphenated_year_and_a_colon_s_figure_are():
    assert extract_figures("aes-128-gcm, example.com:443, h2") == []
    assert extract_figures("from 2014 to mid-2016") == ["2014", "2016"]
    assert extract_figures("eFinancialCareers：2007 年") == ["2007"]
    assert extract_figures("情形 C：6") == ["6"]


def test_heading_numbers_are_not_figures():
    assert strip_heading_number("1. Strategy") == "Strategy"
    assert strip_heading_number("2.3 Budget") == "Budget"
    assert strip_heading_number("2006 standard") == "2006 standard"


def test_english_prose_runs():
    assert english_prose_runs("据原文介绍 the source reports that most CMOs leave early。") == [
        "the source reports that most CMOs leave early"
    ]
    assert english_prose_runs("SAP、Oracle、IBM and Microsoft；Gail McGovern and John A. Quelch") == []
    assert english_prose_runs("首席营销官（Chief Marketing Officer, the most senior marketer）") == []
    assert english_prose_runs("(a gloss in ASCII parentheses that is of modest length)") == []


def test_chinese_runs():
    assert chinese_runs("The CMO 负责品牌和市场。") == ["负责品牌和市场"]
    assert chinese_runs("A senior marketer (高级营销师).") == []
    assert chinese_runs("《营销师国家职业标准》 (National standard for marketers)") == []
    assert chinese_runs("see 营销师国家职业标准的全部要求和其它条件以及相关的说明材料 (the standard)") != []


def test_decode_handles_bom_crlf_and_gbk():
    assert decode("\ufeffa\r\nb".encode()) == ("a\nb", None)
    text, problem = decode("第一行\n第二行".encode("gbk"))
    assert text == "第一行\n第二行"
    assert problem is not None and problem.line == 1 and problem.looks_like == "GBK/GB18030"


def test_front_matter_split_like_mkdocs():
    assert split_front_matter("---\ntitle: A\n---\n# A\n") == ("title: A\n", "# A\n", 4)
    assert split_front_matter("# No front matter\n")[0] is None
    assert split_front_matter("---\ntitle: A\n---")[0] is None  # MkDocs needs a newline after the fence


def test_config_reads_mkdocs_tags(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("PARITY_TEST_URL", "https://example.com/")
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "site_url: !ENV [PARITY_TEST_URL, 'x']\n"
        "plugins:\n  - i18n:\n      languages:\n        - {locale: zh, name: 中文}\n"
        "        - {locale: en, default: true, name: English}\n"
        "markdown_extensions:\n  - pymdownx.superfences:\n      custom_fences:\n        - name: mermaid\n"
        "          class: mermaid\n          format: !!python/name:pymdownx.superfences.fence_code_format\n",
        encoding="utf-8",
    )
    site = load_site_config(config)
    assert site.languages == ("en", "zh")
    assert "pymdownx.superfences" in site.extensions and "toc" in site.extensions
    fence = site.extension_configs["pymdownx.superfences"]["custom_fences"][0]
    assert fence["format"].__name__ == "fence_code_format"


def test_config_without_i18n_is_an_error(tmp_path: Path):
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: x\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="i18n"):
        load_site_config(config)


def test_pages_and_findings_round_trip_through_the_cache(make_site):
    """What the cache gives back is exactly what was stored: every page field, and every finding, cold and warm."""
    from parity.cache import CACHE_FILE, Cache
    from parity.checker import check_site, settings_fingerprint

    site = make_site()
    site.edit("zh", "duties.md", "规划占用 37% 的时间", "规划占用 38% 的时间")
    fresh = check_site(site.config())
    assert fresh.findings
    cached_config = load_site_config(site.config_file, use_cache=True)
    first = check_site(cached_config)  # renders and saves
    assert (site.root / ".parity-cache" / CACHE_FILE).is_file()
    stored = Cache(cached_config.cache_dir, settings_fingerprint(cached_config))
    from parity.cache import page_key

    for (lang, rel), page in fresh.pages.items():
        raw = site.page(lang, rel).read_bytes()
        assert stored.get("page:" + page_key(lang, rel, raw)) == page
    second = check_site(cached_config)  # reads every page and finding back from .parity-cache/
    assert second.pages == fresh.pages
    assert [f.render() for f in second.findings] == [f.render() for f in first.findings] == [
        f.render() for f in fresh.findings
    ]


def test_site_policy_comes_from_the_sites_data_folder(make_site):
    from click.testing import CliRunner

    from parity.checker import check_site
    from parity.cli import main
    from parity.status import status_table

    site = make_site()
    site.edit("zh", "role.md", "首席营销官负责营销工作。", "首席营销官负责营销工作。\n\n| 英文 | 中文 |\n|---|---|\n| the chief marketing officer of a firm | 首席营销官 |\n")
    site.edit("en", "role.md", "A CMO leads marketing.", "A CMO leads marketing.\n\n| English | Chinese |\n|---|---|\n| the chief marketing officer of a firm | 首席营销官 |\n")
    rules = {f.rule for f in check_site(site.config()).findings}
    assert "P7-language" in rules  # role.md's tables are not bilingual by the handbook's own policy
    data = site.root / "data"
    data.mkdir(exist_ok=True)
    (data / "parity.yml").write_text("bilingual_tables:\n  - role.md\n", encoding="utf-8")
    (data / "rule-help.yml").write_text(
        "P9-stale:\n  how_to: Ask the translation desk.\n", encoding="utf-8"
    )
    (data / "status-labels.yml").write_text(
        "en:\n  page: Document\n  state: Status\n  locked: Confirmed\n  in-step: aligned\n  stale: '{langs} behind'\n"
        "  both-changed: both edited\n  not-locked: new\n  findings: 'problems ({count})'\n  missing: 'no {langs}'\n"
        "  never: '-'\n  joiner: ' & '\n  languages: {en: English, zh: Chinese}\n",
        encoding="utf-8",
    )
    result = check_site(site.config())
    assert {f.rule for f in result.findings} == {"P9-stale"}  # the tables are now exempt from P7
    output = CliRunner().invoke(main, ["--config", str(site.config_file), "--no-cache", "check"]).output
    assert "explains each rule):\n  P9-stale: Ask the translation desk." in output  # the site's own rule help
    table = status_table(result, "en")
    assert table.startswith("| Document | Status | Confirmed |") and "| both edited |" in table
    site.lock()
    site.edit("en", "duties.md", "The report is at", "The full report is at")
    assert "| Chinese behind |" in status_table(check_site(site.config()), "en")


def test_a_broken_policy_file_is_named_with_its_line(make_site):
    from click.testing import CliRunner

    from parity.cli import main

    site = make_site()
    (site.root / "data").mkdir(exist_ok=True)
    (site.root / "data" / "parity.yml").write_text("bilingual_tables:\n  - 'glossary.md\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["--config", str(site.config_file), "--no-cache", "check"])
    assert result.exit_code == 2
    assert "data/parity.yml:" in result.output and "not valid YAML" in result.output


def test_pages_rendered_in_worker_processes_equal_those_rendered_here(make_site):
    from parity.checker import check_site

    site = make_site()
    site.edit("zh", "duties.md", "规划占用 37% 的时间", "规划占用 38% 的时间")
    here = check_site(site.config(), workers=1)
    pooled = check_site(load_site_config(site.config_file, use_cache=False), workers=2)
    assert pooled.pages == here.pages
    assert [f.render() for f in pooled.findings] == [f.render() for f in here.findings] != []
