"""The GitHub Pages workflow passes actionlint and zizmor, and publishes with GitHub's official actions."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

WORKFLOW = Path(__file__).resolve().parent.parent / ".github" / "workflows" / "pages.yml"


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} is not installed; it is a dev dependency (uv sync)")
    return path


def test_actionlint_finds_nothing():
    result = subprocess.run([_tool("actionlint"), "-no-color", str(WORKFLOW)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_finds_nothing():
    result = subprocess.run(
        [_tool("zizmor"), "--offline", "--no-progress", str(WORKFLOW)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_workflow_deploys_with_pinned_official_actions_and_least_privilege():
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert workflow["permissions"] == {}, "top-level permissions must be empty; jobs ask for what they need"
    assert workflow["concurrency"]["group"]
    uses = [step["uses"] for job in workflow["jobs"].values() for step in job["steps"] if "uses" in step]
    names = {use.split("@")[0] for use in uses}
    assert {"actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"} <= names
    for use in uses:
        ref = use.split("@")[1]
        assert len(ref) == 40 and all(c in "0123456789abcdef" for c in ref), f"{use} is not pinned to a commit"
    assert workflow["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}


def test_every_pull_request_runs_the_tests_and_the_strict_build_and_only_main_publishes():
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    triggers = workflow[True]  # PyYAML reads the key `on` as True
    assert "pull_request" in triggers and triggers["push"]["branches"] == ["main"]
    build = workflow["jobs"]["build"]
    runs = {step.get("name", ""): step.get("run", "") for step in build["steps"]}
    assert runs["Test (strict build, parity, browser)"] == "uv run --frozen pytest"
    strict_builds = [step for step in build["steps"] if "mkdocs build --strict" in step.get("run", "")]
    assert {step.get("if") for step in strict_builds} == {"env.PUBLISH != 'true'", "env.PUBLISH == 'true'"}
    assert build["env"]["PUBLISH"] == "${{ github.event_name != 'pull_request' && github.ref == 'refs/heads/main' }}"
    gated = {step["uses"].split("@")[0]: step.get("if") for step in build["steps"] if "uses" in step}
    assert gated["actions/upload-pages-artifact"] == "env.PUBLISH == 'true'"
    assert gated["actions/checkout"] is None and gated["astral-sh/setup-uv"] is None
    assert workflow["jobs"]["deploy"]["if"] == "github.event_name != 'pull_request' && github.ref == 'refs/heads/main'"


def test_uv_comes_from_the_maintained_action_not_pip():
    text = WORKFLOW.read_text(encoding="utf-8")
    assert "pip install" not in "\n".join(line.split("#")[0] for line in text.splitlines())  # no step
    workflow = yaml.safe_load(text)
    (setup,) = [s for s in workflow["jobs"]["build"]["steps"] if s.get("uses", "").startswith("astral-sh/setup-uv@")]
    assert setup["with"]["version"]  # the same uv everywhere, not whatever is newest
    assert "# v" in next(line for line in text.splitlines() if "astral-sh/setup-uv@" in line)  # release named


PARITY_STEP = "Parity check (English and Chinese pages in step)"


def test_the_parity_check_runs_on_its_own_before_the_test_suite():
    """A one-sided edit fails the job at the parity step, before Chromium is installed and the tests run."""
    steps = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]["build"]["steps"]
    names = [step.get("name", step.get("uses", "")) for step in steps]
    parity = names.index(PARITY_STEP)
    assert steps[parity]["run"] == "uv run --frozen python .github/parity_report.py"
    assert "if" not in steps[parity] and not steps[parity].get("continue-on-error")  # always runs, and stops the job
    assert parity < names.index("Test (strict build, parity, browser)")
    assert parity < min(i for i, step in enumerate(steps) if "playwright install" in step.get("run", ""))
    assert names.index(next(n for n in names if n.startswith("astral-sh/setup-uv@"))) < parity
