"""Universal rules vs house style: a site without data/parity.yml gets the universal rules only; the policy file
switches rules and house-style checks on and off."""

from __future__ import annotations

from click.testing import CliRunner

from parity.cli import main
from parity.policy import load_policy
from parity.status import DEFAULT_LABELS, status_table

LONG = "A description far longer than any search engine shows. " * 4


def _house_style_slips(site) -> None:
    site.edit("en", "role.md", "A CMO leads marketing.", "A CMO leads marketing.\n\n## Scope\n\nAll of it.")
    site.edit("zh", "role.md", "首席营销官负责营销工作。", "首席营销官负责营销工作。\n\n## 范围\n\n全部。")
    site.edit("en", "role.md", "description: What a CMO is.", f"description: {LONG}")
    site.edit("zh", "role.md", "description: 首席营销官是什么。", "")


def test_a_site_without_a_policy_gets_only_universal_rules(make_site):
    site = make_site(policy=False, lock=False)
    _house_style_slips(site)
    site.lock()
    assert load_policy(site.config().data_dir).source is None
    # No explicit ids, no description limit, no required keys, no same-keys rule.
    assert [f.render() for f in site.check().findings] == []
    site.edit("zh", "role.md", "全部。", "全部 12 项。")  # the universal rules still run
    assert {f.rule for f in site.check().findings} == {"P6-figures", "P9-stale"}


def test_a_site_without_a_policy_reads_nothing_from_any_data_folder(make_site):
    site = make_site(policy=False)
    result = site.check()
    assert result.policy.terms_file is None and not result.policy.status_labels and not result.policy.help
    assert status_table(result, "zh").startswith(f"| {DEFAULT_LABELS['page']} | {DEFAULT_LABELS['state']} |")


def test_the_handbook_policy_switches_house_style_on(make_site):
    site = make_site(lock=False)
    _house_style_slips(site)
    site.lock()
    messages = [f.render() for f in site.check().findings]
    assert any("H2 “Scope” has no explicit id" in m and "[P3-headings]" in m for m in messages)
    assert any("front matter `description` is missing" in m for m in messages)
    assert any("front matter keys are" in m for m in messages)


def test_the_policy_can_switch_a_universal_rule_off(make_site):
    site = make_site()
    site.edit("zh", "role.md", "首席营销官负责营销工作。", "首席营销官负责 12 项营销工作。")
    assert "P6-figures" in {f.rule for f in site.check().findings}
    policy = site.root / "data" / "parity.yml"
    policy.write_text(policy.read_text(encoding="utf-8").replace("rules:\n", "rules:\n  P6-figures: off\n"),
                      encoding="utf-8")
    assert "P6-figures" not in {f.rule for f in site.check().findings}


def test_a_policy_naming_an_unknown_rule_is_one_clear_error(make_site):
    site = make_site()
    policy = site.root / "data" / "parity.yml"
    policy.write_text(policy.read_text(encoding="utf-8").replace("rules:\n", "rules:\n  P99-nothing: on\n"),
                      encoding="utf-8")
    result = CliRunner().invoke(main, ["--config", str(site.config_file), "--no-cache", "check"])
    assert result.exit_code == 2
    assert "data/parity.yml: rules: no rule P99-nothing" in result.output and "Traceback" not in result.output
