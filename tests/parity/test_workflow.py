"""The editor's workflow around the check: an honest lock, section-level staleness, and `parity diff` with and
without git (including a shallow clone)."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from click.testing import CliRunner

from parity.cli import main
from parity.lock import read_lock
from parity.status import status_table

GIT = shutil.which("git")
needs_git = pytest.mark.skipif(GIT is None, reason="git is not installed")


@pytest.fixture
def use_cache() -> bool:
    """Builds and CLI runs: one cache mode is enough (the rule tests run both)."""
    return False


def run(site, *args: str):
    return CliRunner().invoke(main, ["--config", str(site.config_file), "--no-cache", *args])


def git(root, *args: str) -> str:
    completed = subprocess.run(
        ["git", "-c", "user.name=Editor", "-c", "user.email=editor@example.com", "-c", "init.defaultBranch=main",
         "-c", "commit.gpgsign=false", *args],
        cwd=root, capture_output=True, text=True, check=True,
    )
    return completed.stdout


def commit_all(root, message: str) -> str:
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message)
    return git(root, "rev-parse", "HEAD").strip()


# --- lock ----------------------------------------------------------------------------------------------------


def test_lock_refuses_a_one_sided_change(make_site):
    site = make_site()
    before = site.config().lock_path.read_text(encoding="utf-8")
    site.edit("en", "role.md", "A CMO leads marketing.", "A CMO leads the marketing function.")
    result = run(site, "lock", "role.md")
    assert result.exit_code == 1
    assert "not locked role.md: only en/role.md changed (§ Definition (line 8)) since the lock on 2026-01-02; " \
           "zh/role.md did not." in result.output
    assert '--reason "typo fix"' in result.output
    assert site.config().lock_path.read_text(encoding="utf-8") == before
    assert run(site, "lock", "role.md", "--force").exit_code == 1  # --force is for findings, not for this


def test_lock_accepts_a_one_sided_change_with_a_reason_and_shows_it(make_site):
    site = make_site()
    site.edit("en", "role.md", "A CMO leads marketing.", "A CMO leads marketing.  ")  # whitespace: not a change
    site.edit("en", "role.md", "A CMO leads marketing.", "A CMO leads marketing!")
    result = run(site, "lock", "role.md", "--reason", "punctuation only")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("locked role.md (only en/role.md changed (§ Definition (line 8))")
    assert "reason: punctuation only" in result.output
    entry = read_lock(site.config().lock_path)["role.md"]
    assert entry.reason == "punctuation only"
    checked = site.check()
    assert checked.findings == []
    assert "in step; locked with a change to one side only (editor's note, as written: “punctuation only”)" in status_table(checked, "en")
    assert "已同步；锁定时只改了一侧（编辑附注，照录原文：“punctuation only”）" in status_table(checked, "zh")
    # Locking both sides again later clears the reason.
    site.edit("en", "role.md", "marketing!", "marketing work.")
    site.edit("zh", "role.md", "首席营销官负责营销工作。", "首席营销官负责各项营销工作。")
    assert run(site, "lock", "role.md").exit_code == 0
    assert read_lock(site.config().lock_path)["role.md"].reason is None


def test_lock_with_a_blank_reason_or_a_reason_without_a_page_is_a_usage_error(make_site):
    site = make_site()
    assert run(site, "lock", "role.md", "--reason", "  ").exit_code == 2
    assert run(site, "lock", "--reason", "typo").exit_code == 2


def test_lock_without_pages_locks_only_safe_pairs_and_says_exactly_what_it_did(make_site):
    site = make_site()
    site.edit("en", "role.md", "A CMO leads marketing.", "A CMO leads the marketing function.")  # one-sided
    site.edit("en", "duties.md", "The report is at", "The full report is at")
    site.edit("zh", "duties.md", "报告见", "完整报告见")  # both sides
    result = run(site, "lock")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0] == "locked duties.md (both sides changed since 2026-01-02)"
    assert lines[1].startswith("not locked role.md: only en/role.md changed")
    entries = read_lock(site.config().lock_path)
    assert entries["duties.md"].locked != "2026-01-02"
    assert entries["role.md"].locked == "2026-01-02"
    again = run(site, "lock", "duties.md")
    assert again.exit_code == 0 and "unchanged duties.md: in step since" in again.output
    assert "locked" not in again.output.replace("unchanged", "")


def test_lock_never_marks_a_pair_with_findings_in_step_unless_forced(make_site):
    site = make_site()
    site.edit("en", "role.md", "A CMO leads marketing.", "A CMO leads marketing in 3 regions.")
    site.edit("zh", "role.md", "首席营销官负责营销工作。", "首席营销官负责营销工作。")
    site.edit("zh", "role.md", "营销工作。", "各地区的营销工作。")
    refused = run(site, "lock", "role.md")
    assert refused.exit_code == 1
    assert "fix these findings first" in refused.output and "[P6-figures]" in refused.output
    assert read_lock(site.config().lock_path)["role.md"].locked == "2026-01-02"
    forced = run(site, "lock", "role.md", "--force")
    assert forced.exit_code == 0 and "locked role.md (both sides changed" in forced.output


def test_lock_records_section_hashes_and_upgrades_an_old_lock(make_site):
    site = make_site()
    path = site.config().lock_path
    data = json.loads(path.read_text(encoding="utf-8"))
    for entry in data["pages"].values():
        del entry["sections"]
    path.write_text(json.dumps(data), encoding="utf-8")
    result = run(site, "lock")
    assert result.exit_code == 0, result.output
    assert "locked role.md (in step since 2026-01-02; recorded its section hashes)" in result.output
    entry = json.loads(path.read_text(encoding="utf-8"))["pages"]["duties.md"]
    assert entry["locked"] == "2026-01-02"
    assert list(entry["sections"]["en"]) == ["(introduction)", "five-functions", "sources"]
    assert run(site, "lock").output == "unchanged: 2 pair(s) already in step\nnothing to lock: parity.lock.json is unchanged\n"


# --- diff ----------------------------------------------------------------------------------------------------


def test_diff_without_git_lists_the_sections(make_site, monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    site = make_site()
    site.edit("en", "duties.md", "The report is at", "The full report is at")
    result = run(site, "diff", "docs/en/duties.md")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[:3] == [
        "en/duties.md changed since the pair was locked on 2026-01-02, in § Sources (line 40)",
        "  zh/duties.md did not change: if the change is right, update zh/duties.md § 资料来源 (line 40) to match; "
        "if it was a mistake, undo it.",
        "  (no git repository here: the sections above are all the lock can tell)",
    ]
    assert run(site, "diff", "role.md").output.startswith("role.md: in step since 2026-01-02")


@needs_git
def test_diff_with_git_shows_the_text_changed_since_the_lock(make_site):
    site = make_site(lock=False)
    git(site.root, "init", "-q")
    commit_all(site.root, "pages")
    assert run(site, "lock").exit_code == 0
    locked_at = git(site.root, "rev-parse", "HEAD").strip()
    assert read_lock(site.config().lock_path)["duties.md"].commit == locked_at
    commit_all(site.root, "lock")
    site.edit("en", "duties.md", "The report is at", "The full report is at")
    result = run(site, "diff", "duties.md")
    assert result.exit_code == 0, result.output
    assert f"  text changes since {locked_at[:12]} (the locked version):" in result.output
    assert "-The report is at <https://example.com/report-2024>." in result.output
    assert "+The full report is at <https://example.com/report-2024>." in result.output
    assert "zh/duties.md" not in result.output.split("text changes")[1]  # only the changed side's text


@needs_git
def test_diff_finds_the_locked_version_when_pages_were_locked_before_being_committed(make_site):
    site = make_site(lock=False)
    git(site.root, "init", "-q")
    commit_all(site.root, "first draft")
    site.edit("en", "role.md", "A CMO leads marketing.", "A CMO leads all marketing.")
    site.edit("zh", "role.md", "首席营销官负责营销工作。", "首席营销官负责全部营销工作。")
    assert run(site, "lock").exit_code == 0  # locked with uncommitted edits: HEAD is the first draft
    commit_all(site.root, "both sides, and the lock")
    site.edit("en", "role.md", "all marketing.", "all of marketing.")
    output = run(site, "diff", "role.md").output
    assert "-A CMO leads all marketing." in output and "+A CMO leads all of marketing." in output


@needs_git
def test_diff_in_a_shallow_clone(make_site, tmp_path):
    site = make_site(lock=False)
    git(site.root, "init", "-q")
    for number in range(3):
        site.write("en", f"extra-{number}.txt", "history\n")
        commit_all(site.root, f"unrelated {number}")
    assert run(site, "lock").exit_code == 0
    commit_all(site.root, "lock")
    site.edit("en", "role.md", "A CMO leads marketing.", "A CMO leads the marketing function.")
    commit_all(site.root, "one-sided edit")

    shallow = tmp_path / "shallow"
    git(tmp_path, "clone", "-q", "--depth", "2", site.root.as_uri(), str(shallow))
    assert git(shallow, "rev-parse", "--is-shallow-repository").strip() == "true"
    clone = type(site)(shallow)
    output = run(clone, "diff", "role.md").output
    assert "+A CMO leads the marketing function." in output

    shallower = tmp_path / "shallower"
    git(tmp_path, "clone", "-q", "--depth", "1", site.root.as_uri(), str(shallower))
    output = run(type(site)(shallower), "diff", "role.md").output
    assert "en/role.md changed since the pair was locked on" in output
    assert "the locked version of en/role.md is not in this clone" in output
    assert "git fetch --deepen=50" in output
