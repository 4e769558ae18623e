"""Any site, any set of languages: the fixture sites in tests/parity/fixtures/ (three languages, the suffix layout,
no policy of its own), the lock per (reference, translation) pair, the config reader on odd input, locale scripts."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import markdown
import pytest
from click.testing import CliRunner

from handbook.search_index import is_chinese as search_is_chinese
from handbook.search_index import split_search_index
from parity.checker import check_site
from parity.cli import main
from parity.config import ConfigError, load_site_config
from parity.language import best_match, chinese_variant, impure_runs, is_chinese, script_of
from parity.lock import LockEntry, PairState, read_lock, write_lock

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def copy_fixture(tmp_path: Path):
    def copy(name: str) -> Path:
        target = tmp_path / name
        shutil.copytree(FIXTURES / name, target)
        return target / "mkdocs.yml"

    return copy


def run(config: Path, *args: str):
    return CliRunner().invoke(main, ["--no-cache", *args[:1], "-f", str(config), *args[1:]])


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def stale(config: Path) -> list[str]:
    return [f.render() for f in check_site(load_site_config(config, use_cache=False)).findings if f.rule == "P9-stale"]


# --- three languages: each translation against the reference, on its own ----------------------------------------


def test_three_language_fixture_is_clean_once_locked(copy_fixture):
    config = copy_fixture("three-languages")
    locked = run(config, "lock")
    assert locked.exit_code == 0, locked.output
    result = run(config, "check")
    assert result.exit_code == 0, result.output
    data = json.loads((config.parent / "parity.lock.json").read_text(encoding="utf-8"))
    assert data["version"] == 3
    assert set(data["pages"]["guide.md"]["pairs"]) == {"zh", "zh-Hant"}
    assert set(data["pages"]["guide.md"]["pairs"]["zh-Hant"]["hashes"]) == {"en", "zh-Hant"}


def test_editing_one_translation_names_only_that_translation(copy_fixture):
    config = copy_fixture("three-languages")
    assert run(config, "lock").exit_code == 0
    edit(config.parent / "docs" / "zh-Hant" / "guide.md", "審閱計劃。", "仔細審閱計劃。")
    findings = stale(config)
    assert len(findings) == 1, findings
    assert findings[0].startswith("zh-Hant/guide.md:12 § Review: changed since the pair was locked")
    assert "en/guide.md did not change" in findings[0]
    assert "zh/guide.md" not in findings[0]


def test_editing_the_reference_makes_every_translation_stale(copy_fixture):
    config = copy_fixture("three-languages")
    assert run(config, "lock").exit_code == 0
    edit(config.parent / "docs" / "en" / "guide.md", "Review the plan.", "Review the plan twice.")
    findings = stale(config)
    assert len(findings) == 2, findings
    assert any("zh/guide.md did not change" in f for f in findings)
    assert any("zh-Hant/guide.md did not change" in f for f in findings)


def test_locking_one_translation_keeps_the_other_translations_record(copy_fixture):
    config = copy_fixture("three-languages")
    assert run(config, "lock").exit_code == 0
    before = read_lock(config.parent / "parity.lock.json")["guide.md"].pairs["zh"]
    # The reference and one translation change together; the other translation is not yet updated.
    edit(config.parent / "docs" / "en" / "guide.md", "Review the plan.", "Review the plan twice.")
    edit(config.parent / "docs" / "zh-Hant" / "guide.md", "審閱計劃。", "審閱計劃兩次。")
    locked = run(config, "lock", "guide.md")
    assert "locked guide.md (zh-Hant against en)" in locked.output
    assert "not locked guide.md: zh: one side changed since the lock" in locked.output
    after = read_lock(config.parent / "parity.lock.json")["guide.md"].pairs
    assert after["zh"] == before, "the stale translation's record must not be confirmed with it"
    findings = stale(config)
    assert len(findings) == 1 and "zh/guide.md did not change" in findings[0], findings


def test_a_version_2_lock_with_three_languages_is_read_per_translation(copy_fixture):
    """The reviewer's zh-Hant trial wrote one entry for all three languages; it is read as one pair each."""
    config = copy_fixture("three-languages")
    site = load_site_config(config, use_cache=False)
    result = check_site(site)
    entries = {
        pair.rel: LockEntry(
            hashes={lang: result.summaries[(lang, pair.rel)].content_hash for lang in pair.present}, locked="2026-11-30"
        )
        for pair in result.pairs
    }
    write_lock(site.lock_path, entries)
    assert json.loads(site.lock_path.read_text(encoding="utf-8"))["version"] == 2
    assert stale(config) == []
    edit(config.parent / "docs" / "zh" / "index.md", "说明两个步骤", "说明这两个步骤")
    findings = stale(config)
    assert len(findings) == 1 and findings[0].startswith("zh/index.md") and "zh-Hant" not in findings[0], findings


def test_a_new_language_leaves_the_locked_pairs_in_step(copy_fixture):
    config = copy_fixture("three-languages")
    hant = config.parent / "docs" / "zh-Hant"
    saved = config.parent / "zh-Hant-later"
    hant.rename(saved)
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("        - locale: zh-Hant\n          name: 繁體中文\n", ""), encoding="utf-8")
    assert run(config, "lock").exit_code == 0
    assert json.loads((config.parent / "parity.lock.json").read_text(encoding="utf-8"))["version"] == 2
    config.write_text(text, encoding="utf-8")
    saved.rename(hant)
    findings = stale(config)
    assert sorted(f.split(":")[0] for f in findings) == ["zh-Hant/guide.md", "zh-Hant/index.md"], findings
    assert all("not in parity.lock.json" in f for f in findings)


# --- the suffix layout ------------------------------------------------------------------------------------------


def test_suffix_fixture_finds_its_pairs(copy_fixture):
    config = copy_fixture("suffix")
    site = load_site_config(config, use_cache=False)
    assert site.docs_structure == "suffix"
    assert {rel: path.name for rel, path in site.page_files("en").items()} == {
        "guide/setup.md": "setup.en.md",  # page.<default>.md
        "index.md": "index.md",  # an unsuffixed page is the default language's
    }
    assert {rel: path.name for rel, path in site.page_files("zh").items()} == {
        "guide/setup.md": "setup.zh.md",
        "index.md": "index.zh.md",
    }
    assert site.display("zh", "guide/setup.md") == "guide/setup.zh.md"
    assert site.page_name(site.docs_dir / "guide" / "setup.zh.md") == ("zh", "guide/setup.md")
    result = check_site(site)
    assert sorted(pair.rel for pair in result.pairs) == ["guide/setup.md", "index.md"]
    assert all(pair.present == ("en", "zh") for pair in result.pairs)
    assert [f.render() for f in result.findings if f.rule != "P9-stale"] == []


def test_suffix_fixture_locks_and_checks_clean(copy_fixture):
    config = copy_fixture("suffix")
    assert run(config, "lock").exit_code == 0
    result = run(config, "check")
    assert result.exit_code == 0, result.output
    assert "Markdown extension `not_an_installed_extension` is not installed here; checking without it" in result.output


def test_snippets_resolve_against_the_site_not_the_working_folder(copy_fixture, tmp_path, monkeypatch):
    config = copy_fixture("suffix")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    site = load_site_config(config, use_cache=False)
    assert site.extension_configs["pymdownx.snippets"]["base_path"] == [str(config.parent / "snippets")]
    html = markdown.Markdown(extensions=list(site.extensions), extension_configs=dict(site.extension_configs)).convert(
        '--8<-- "shared-note.md"'
    )
    assert "install --all" in html


def test_the_sites_own_toc_slugify_and_deduplicated_ids_are_used(copy_fixture):
    config = copy_fixture("suffix")
    site = load_site_config(config, use_cache=False)
    slugify = site.extension_configs["toc"]["slugify"]
    assert slugify("First Steps", "-") == "first-steps"
    assert slugify("第一步", "-") == "第一步", "pymdownx.slugs.slugify keeps Chinese"
    page = site.docs_dir / "guide" / "setup.zh.md"
    edit(page, "它可以运行。", "它可以运行，见[常见问题](#常见问题)。\n\n## 常见问题\n\n暂无。")
    assert [f.render() for f in check_site(site).findings if "no heading or anchor" in f.message] == []
    # With toc's default slugify, Chinese headings get the de-duplicated ids _1, _2, ...: links to them resolve.
    three = copy_fixture("three-languages")
    plain = load_site_config(three, use_cache=False)
    edit(plain.docs_dir / "zh-Hant" / "guide.md", "然後見[審閱](#review)。", "然後見[審閱](#review)與[計劃](#_1)。")
    messages = [f.render() for f in check_site(plain).findings if "no heading or anchor" in f.message]
    assert messages == []
    edit(plain.docs_dir / "zh-Hant" / "guide.md", "(#_1)", "(#_9)")
    messages = [f.render() for f in check_site(plain).findings if "no heading or anchor" in f.message]
    assert len(messages) == 1 and "#_9" in messages[0], messages


# --- a site with no policy of its own ---------------------------------------------------------------------------


def test_a_site_without_policy_gets_no_house_style(copy_fixture):
    config = copy_fixture("no-policy")
    findings = check_site(load_site_config(config, use_cache=False)).findings
    assert [f.render() for f in findings if f.rule in ("P10-terms", "P11-style", "P12-glossary")] == []


# --- the config reader on odd input: one line, never a traceback ------------------------------------------------

I18N = "plugins:\n  - i18n:\n      languages:\n        - {locale: en, default: true, name: English}\n        - {locale: zh-TW, name: 繁體中文}\n"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("site_name: x\n", "the i18n plugin (mkdocs-static-i18n) is not configured, so there are no language pairs"),
        ("plugins:\n  - mdpo:\n      languages: [en, es]\n", "translations come from the `mdpo` plugin"),
        ("plugins:\n  - i18n:\n      languages:\n        - {locale: en, default: true, name: E}\n", "declares only `en`"),
        ("plugins:\n  - i18n:\n      languages:\n        - {locale: en, name: E}\n        - {locale: fr, name: F}\n",
         "exactly one language with `default: true` (found none)"),
        ("plugins:\n  - i18n:\n      docs_structure: nested\n", "docs_structure is `nested`"),
        ("site_name: [unclosed\nplugins: x\n", "mkdocs.yml:2: not valid YAML"),
        ("- a list\n", "is not a YAML mapping"),
    ],
)
def test_unusable_config_is_one_clear_line(tmp_path, text, message):
    (tmp_path / "mkdocs.yml").write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=None) as raised:
        load_site_config(tmp_path / "mkdocs.yml")
    assert message in str(raised.value)
    assert "\n" not in str(raised.value)
    result = CliRunner().invoke(main, ["check", "-f", str(tmp_path / "mkdocs.yml")])
    assert result.exit_code == 2 and result.output.startswith("parity: error:") and "Traceback" not in result.output


def test_config_in_gbk_is_one_line(tmp_path):
    (tmp_path / "mkdocs.yml").write_bytes(("site_name: 手册\n" + I18N).encode("gbk"))
    result = CliRunner().invoke(main, ["check", "-f", str(tmp_path / "mkdocs.yml")])
    assert result.exit_code == 2
    assert "mkdocs.yml: not UTF-8 (byte 11); save it as UTF-8" in result.output


def test_old_static_i18n_form_and_inherit_are_read(tmp_path):
    (tmp_path / "base.yml").write_text("markdown_extensions:\n  - admonition\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "INHERIT: base.yml\nplugins:\n  - i18n:\n      default_language: en\n      languages:\n        en: English\n"
        "        pt-BR: Português\n",
        encoding="utf-8",
    )
    site = load_site_config(tmp_path / "mkdocs.yml")
    assert site.languages == ("en", "pt-BR") and site.docs_structure == "suffix"
    assert "admonition" in site.extensions


def test_a_page_in_gbk_or_with_an_unclosed_front_matter_is_a_finding_not_a_traceback(copy_fixture):
    config = copy_fixture("three-languages")
    docs = config.parent / "docs"
    (docs / "zh" / "index.md").write_bytes((docs / "zh" / "index.md").read_text(encoding="utf-8").encode("gbk"))
    (docs / "zh-Hant" / "guide.md").write_text("---\ntitle: 指南\n\n# 指南\n", encoding="utf-8")
    result = run(config, "check")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "zh/index.md" in result.output and "[P8-encoding]" in result.output
    assert (
        "zh-Hant/guide.md:1: front matter is not valid: the block opened by `---` on line 1 is never closed: add a "
        "line with `---` after its last key"
    ) in result.output


# --- locales and scripts ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("locale", "script", "variant"),
    [
        ("zh", "Hans", "Hans"),
        ("zh-CN", "Hans", "Hans"),
        ("zh-TW", "Hant", "Hant"),
        ("zh-HK", "Hant", "Hant"),
        ("zh-Hant", "Hant", "Hant"),
        ("zh_Hans_SG", "Hans", "Hans"),
        ("pt-BR", "Latn", None),
        ("fr", "Latn", None),
        ("ja", "Jpan", None),
    ],
)
def test_script_of_a_locale(locale, script, variant):
    assert script_of(locale) == script
    assert chinese_variant(locale) == variant
    assert is_chinese(locale) == (variant is not None) == search_is_chinese(locale)


def test_data_keyed_by_language_code_never_gives_simplified_words_to_a_traditional_page():
    assert best_match("zh-TW", ["en", "zh", "zh-Hant"]) == "zh-Hant"
    assert best_match("zh-HK", ["en", "zh"]) is None
    assert best_match("zh-CN", ["en", "zh", "zh-Hant"]) == "zh"
    assert best_match("pt-BR", ["en", "pt"]) == "pt"
    assert best_match("EN", ["en"]) == "en"


def test_purity_by_script():
    prose = "这一段 contains an untranslated English sentence here 结束"
    assert impure_runs(prose, "zh-Hant") == impure_runs(prose, "zh") != []
    assert impure_runs("Le directeur 市场营销总监负责品牌 et la stratégie.", "fr") == ["市场营销总监负责品牌"]
    assert impure_runs("マーケティング責任者は市場戦略を担当する。", "ja") == [], "kanji are Japanese, not Chinese"


def test_every_chinese_variant_gets_sub_words_and_a_lunr_language_that_exists():
    index = {
        "config": {"lang": ["en"], "fields": {"title": {"boost": 1000}, "text": {"boost": 1}}},
        "docs": [
            {"location": "role/", "title": "Role", "text": "The CMO"},
            {"location": "zh-Hant/role/", "title": "市場營銷總監", "text": "市場營銷"},
            {"location": "pt-BR/role/", "title": "Função", "text": "O CMO"},
        ],
    }
    parts = split_search_index(index, ("en", "zh-Hant", "pt-BR"), "en")
    assert parts["zh-Hant"]["config"]["lang"] == ["en"]  # lunr.zh-Hant does not exist; jieba pre-splits the words
    assert parts["pt-BR"]["config"]["lang"] == ["pt"]
    assert "title_subwords" in parts["zh-Hant"]["docs"][0]
    assert "title_subwords" not in parts["pt-BR"]["docs"][0]


# --- what a translation may write differently and still say the same -------------------------------------------


def test_links_compare_as_both_languages_share_them(copy_fixture):
    config = copy_fixture("three-languages")
    docs = config.parent / "docs"
    # toc's ids of headings without an explicit id differ by language (#notes, #_2); /zh/ is zh's own root.
    edit(docs / "en" / "guide.md", "Review the plan.", "Review the plan; see [notes](#notes) and [home](/).\n\n## Notes\n\nNone.")
    edit(docs / "zh" / "guide.md", "审阅计划。", "审阅计划；见[备注](#_2)与[首页](/zh/)。\n\n## 备注\n\n无。")
    edit(docs / "zh-Hant" / "guide.md", "審閱計劃。", "審閱計劃；見[備註](#_2)與[首頁](/zh-Hant/)。\n\n## 備註\n\n無。")
    findings = check_site(load_site_config(config, use_cache=False)).findings
    assert [f.render() for f in findings if f.rule == "P5-links"] == []
    edit(docs / "zh-Hant" / "guide.md", "(#_2)", "(#_1)")  # now the H1's id: another heading than the reference's
    findings = check_site(load_site_config(config, use_cache=False)).findings
    assert [f.where.file for f in findings if f.rule == "P5-links"] == ["zh-Hant/guide.md"]


def test_a_small_number_in_words_on_one_side_is_the_same_figure(copy_fixture):
    config = copy_fixture("three-languages")
    docs = config.parent / "docs"
    edit(docs / "zh-Hant" / "index.md", "說明兩個步驟", "說明 2 個步驟")  # en: "the two steps"
    assert [f.render() for f in check_site(load_site_config(config, use_cache=False)).findings if f.rule == "P6-figures"] == []
    edit(docs / "zh-Hant" / "index.md", "說明 2 個步驟", "說明 3 個步驟")
    messages = [f.render() for f in check_site(load_site_config(config, use_cache=False)).findings if f.rule == "P6-figures"]
    assert len(messages) == 1 and "3 appears 1× here and 0× in en/index.md" in messages[0], messages


def test_suffix_messages_name_the_real_files(copy_fixture):
    config = copy_fixture("suffix")
    (config.parent / "docs" / "guide" / "setup.zh.md").unlink()
    findings = [f.render() for f in check_site(load_site_config(config, use_cache=False)).findings if f.rule == "P1-pages"]
    assert findings == [
        "guide/setup.en.md: has no 中文 counterpart; create guide/setup.zh.md with the same structure (a missing "
        "translation is never filled in silently) [P1-pages]"
    ], findings
