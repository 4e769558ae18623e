"""The terms rules (P10-terms, P12-glossary) on a site with a third language: the three-language fixture (en, zh,
zh-Hant) with a small policy added here. Each translation is checked against its own glossary's forms: Traditional
pages get Traditional terms, never Simplified ones; a translation with no terms of its own is skipped, with a note."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from parity.checker import check_site
from parity.cli import main
from parity.config import load_site_config

FIXTURES = Path(__file__).parent / "fixtures"

POLICY = """\
rules:
  P10-terms: on
  P12-glossary: on
bilingual_tables: [glossary.md]
terms: terms.yml
"""

TERMS = """\
glossary: glossary.md
key_terms:
  - Plan
  - Review
exemptions:
  - rule: P10-terms
    page: glossary.md
    reason: the glossary's tables hold both languages in every row
"""


def _glossary(title: str, header: str, plan: str, review: str) -> str:
    return (f"---\ntitle: {title}\ndescription: {title}\n---\n\n# {title}\n\n## Terms {{ #terms }}\n\n"
            f"| {header} |\n|---|---|\n| Plan | {plan} |\n| Review | {review} |\n")


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """The three-language fixture with the policy, the terms and the en and zh glossaries (no zh-Hant one)."""
    root = tmp_path / "three-languages"
    shutil.copytree(FIXTURES / "three-languages", root)
    (root / "data").mkdir()
    (root / "data" / "parity.yml").write_text(POLICY, encoding="utf-8")
    (root / "data" / "terms.yml").write_text(TERMS, encoding="utf-8")
    (root / "docs" / "en" / "glossary.md").write_text(_glossary("Glossary", "English | Chinese", "计划", "审阅"),
                                                      encoding="utf-8")
    (root / "docs" / "zh" / "glossary.md").write_text(_glossary("术语表", "英文 | 中文", "计划", "审阅"),
                                                      encoding="utf-8")
    return root


def _traditional_glossary(root: Path) -> None:
    (root / "docs" / "zh-Hant" / "glossary.md").write_text(_glossary("術語表", "英文 | 中文", "計劃", "審閱"),
                                                           encoding="utf-8")


def _swap_review_heading(root: Path, lang: str, review: str, plan: str) -> None:
    """The Review section's heading names Plan instead: a swapped term."""
    path = root / "docs" / lang / "guide.md"
    text = path.read_text(encoding="utf-8")
    assert f"## {review} {{ #review }}" in text
    path.write_text(text.replace(f"## {review} {{ #review }}", f"## {plan} {{ #review }}"), encoding="utf-8")


def _term_findings(root: Path) -> list[str]:
    result = check_site(load_site_config(root / "mkdocs.yml", use_cache=False))
    return [f.render() for f in result.findings if f.rule in ("P10-terms", "P12-glossary")]


def test_a_traditional_translation_is_checked_against_its_own_glossary(site):
    _traditional_glossary(site)
    assert _term_findings(site) == []  # the Simplified 计划 / 审阅 are not demanded on the Traditional pages
    _swap_review_heading(site, "zh-Hant", "審閱", "計劃")
    findings = _term_findings(site)
    assert len(findings) == 1, findings
    assert findings[0].startswith("zh-Hant/guide.md:")
    assert "計劃 (Plan)" in findings[0] and "Review (審閱)" in findings[0] and "审阅" not in findings[0]


def test_the_traditional_glossary_keeps_the_rows_but_its_own_column(site):
    _traditional_glossary(site)
    glossary = site / "docs" / "zh-Hant" / "glossary.md"
    glossary.write_text(glossary.read_text(encoding="utf-8").replace("| Review | 審閱 |\n", ""), encoding="utf-8")
    findings = [finding for finding in _term_findings(site) if finding.endswith("[P12-glossary]")]
    assert len(findings) == 1, findings  # the missing row; not 計劃 where en/glossary.md says 计划
    assert findings[0].startswith("zh-Hant/glossary.md:") and "“Review” of en/glossary.md" in findings[0]


def test_a_translation_without_a_glossary_is_skipped_with_a_note(site):
    _swap_review_heading(site, "zh-Hant", "審閱", "計劃")
    _swap_review_heading(site, "zh", "审阅", "计划")
    findings = _term_findings(site)
    assert [finding.split(":")[0] for finding in findings] == ["zh/guide.md"]  # zh is checked, zh-Hant is not
    result = CliRunner().invoke(main, ["--no-cache", "check", "-f", str(site / "mkdocs.yml")])
    assert "parity: note: no glossary for zh-Hant (glossary.md): the terms rules P10-terms and P12-glossary skip it" \
        in result.output
    assert "note: no glossary for zh " not in result.output


def test_a_variant_in_a_language_the_site_does_not_declare_names_file_and_line(site):
    (site / "data" / "terms.yml").write_text(TERMS + "variants:\n  Plan:\n    zh-Hant: [計畫]\n    fr: [plan]\n",
                                             encoding="utf-8")
    result = CliRunner().invoke(main, ["--no-cache", "check", "-f", str(site / "mkdocs.yml")])
    assert result.exit_code != 0
    assert ("data/terms.yml:12: variants: “Plan” has language `fr`; the site declares en, zh, zh-Hant"
            in result.output), result.output
    assert "Traceback" not in result.output


def test_a_variant_gives_a_translation_terms_of_its_own(site):
    (site / "data" / "terms.yml").write_text(TERMS + "variants:\n  Plan:\n    zh-Hant: [計劃]\n  Review:\n"
                                             "    zh-Hant: [審閱]\n", encoding="utf-8")
    _swap_review_heading(site, "zh-Hant", "審閱", "計劃")
    findings = _term_findings(site)
    assert [finding.split(":")[0] for finding in findings] == ["zh-Hant/guide.md"], findings
