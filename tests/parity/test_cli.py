"""The command line: check (human and JSON), --strict, lock, and exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from click.testing import CliRunner

from parity.cli import main
from parity.lock import read_lock


@pytest.fixture
def use_cache() -> bool:
    """Builds and CLI runs: one cache mode is enough (the rule tests run both)."""
    return False


def run(site, *args: str):
    return CliRunner().invoke(main, ["--config", str(site.config_file), "--no-cache", *args])


def test_check_passes_with_exit_0(make_site):
    result = run(make_site(), "check")
    assert result.exit_code == 0, result.output
    assert "2 page pair(s) in step, no findings" in result.output


def test_check_reports_findings_with_exit_1(make_site):
    site = make_site()
    site.edit("zh", "duties.md", "规划占用 37% 的时间", "规划占用 38% 的时间")
    result = run(site, "check")
    assert result.exit_code == 1
    assert "zh/duties.md:12 § Five functions: 37% appears 0× here and 1× in en/duties.md:12; 38% appears 1×" in result.output
    assert "parity: 2 finding(s) in 2 page pair(s): P6-figures ×1, P9-stale ×1" in result.output


def test_staleness_fails_unless_allowed_while_editing(make_site):
    site = make_site()
    site.edit("en", "role.md", "A CMO leads marketing.", "A CMO leads the marketing function.")
    strict = run(site, "check")
    assert strict.exit_code == 1  # as the strict build fails
    assert "warning:" not in strict.output
    assert "en/role.md:8 § Definition: changed since the pair was locked on 2026-01-02" in strict.output
    relaxed = run(site, "check", "--allow-stale")
    assert relaxed.exit_code == 0
    assert "warning: en/role.md:8 § Definition: changed since" in relaxed.output
    assert run(site, "check", "--strict").exit_code == 1  # the old spelling still works


def test_check_json(make_site):
    site = make_site()
    site.edit("zh", "duties.md", '!!! note "编者按"', '!!! tip "提示"')
    result = run(site, "check", "--json")
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert data["ok"] is False
    blocks = [f for f in data["findings"] if f["rule"] == "P4-blocks"]
    assert blocks == [
        {
            "rule": "P4-blocks",
            "where": {"file": "zh/duties.md", "line": 23},
            "message": "admonitions are tip; en/duties.md:23 has note",
            "other": {"file": "en/duties.md", "line": 23},
            "section": "Five functions",
            "files": ["zh/duties.md", "en/duties.md"],
            "text": "zh/duties.md:23 § Five functions: admonitions are tip; en/duties.md:23 has note [P4-blocks]",
        }
    ]
    pairs = {pair["page"]: pair for pair in data["pairs"]}
    assert pairs["duties.md"]["lock"]["state"] == "stale"
    assert pairs["duties.md"]["lock"]["stale"] == ["en"]
    assert pairs["role.md"]["lock"] == {"state": "in-step", "locked": "2026-01-02", "changed": [], "stale": []}


def test_lock_refreshes_and_skips_pages_with_findings(make_site):
    site = make_site(lock=False)
    site.edit("zh", "role.md", "首席营销官负责营销工作。", "首席营销官负责 3 项营销工作。")
    result = run(site, "lock")
    assert result.exit_code == 1
    assert "locked duties.md" in result.output
    assert "not locked role.md: fix these findings first (or use --force if you are sure):" in result.output
    assert "locked duties.md (first lock)" in result.output
    assert set(read_lock(site.config().lock_path)) == {"duties.md"}
    forced = run(site, "lock", "--force", "docs/zh/role.md")
    assert forced.exit_code == 0, forced.output
    assert set(read_lock(site.config().lock_path)) == {"duties.md", "role.md"}


def test_lock_keeps_the_date_of_unchanged_pairs(make_site):
    site = make_site()  # locked on 2026-01-02
    assert run(site, "lock").exit_code == 0
    assert {entry.locked for entry in read_lock(site.config().lock_path).values()} == {"2026-01-02"}


def test_usage_and_config_errors_exit_2(make_site, tmp_path):
    site = make_site()
    assert run(site, "check", "--bogus").exit_code == 2
    assert run(site, "lock", "nope.md").exit_code == 2
    missing = CliRunner().invoke(main, ["--config", str(tmp_path / "missing.yml"), "check"])
    assert missing.exit_code == 2 and "parity: error: cannot read" in missing.output
    site.config().lock_path.write_text("{not json", encoding="utf-8")
    broken = run(site, "check")
    assert broken.exit_code == 2
    assert "parity.lock.json cannot be read" in broken.output


def test_module_entry_point_runs_from_the_site_folder(make_site):
    site = make_site()
    site.edit("zh", "role.md", "首席营销官负责营销工作。", "首席营销官负责营销工作。")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "parity", "check", "--strict"], cwd=site.root, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    site.page("zh", "role.md").write_bytes("# 角色\n".encode("gbk"))
    result = subprocess.run(
        [sys.executable, "-m", "parity", "check"], cwd=site.root, env=env, capture_output=True, text=True
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert "zh/role.md:1: is not UTF-8" in result.stdout


def test_check_fails_on_broken_links_and_anchors_as_the_strict_build_does(make_site):
    site = make_site()
    assert run(site, "check").exit_code == 0
    site.edit("en", "duties.md", "(role.md#definition)", "(role.md#defnition)")
    site.edit("zh", "duties.md", "(role.md#definition)", "(role.md#defnition)")
    site.edit("en", "role.md", "A CMO leads marketing.", "A CMO leads [marketing](marketing.md).")
    site.edit("zh", "role.md", "首席营销官负责营销工作。", "首席营销官负责[营销](marketing.md)工作。")
    result = run(site, "check", "--allow-stale")
    assert result.exit_code == 1
    assert "en/duties.md:8 § (introduction): links to role.md#defnition, but en/role.md has no heading or anchor " \
           "#defnition: use one of its heading ids [P5-links]" in result.output
    assert "zh/role.md:10 § 定义: links to marketing.md, which does not exist in zh/ (the strict build fails on a " \
           "broken link): fix the link or add zh/marketing.md [P5-links]" in result.output


def test_check_fails_on_a_page_outside_nav_as_the_strict_build_does(make_site):
    site = make_site()
    config = site.config_file.read_text(encoding="utf-8")
    site.config_file.write_text(config + "nav:\n  - duties.md\n  - role.md\n", encoding="utf-8")
    assert run(site, "check").exit_code == 0
    site.config_file.write_text(config + "nav:\n  - duties.md\n  - Gone: gone.md\n", encoding="utf-8")
    result = run(site, "check")
    assert result.exit_code == 1
    assert "en/role.md: is not in mkdocs.yml's nav (the strict build fails on a page outside it): add `- role.md` " \
           "to nav [P1-pages]" in result.output
    assert "zh/gone.md: is listed in mkdocs.yml's nav but does not exist" in result.output
