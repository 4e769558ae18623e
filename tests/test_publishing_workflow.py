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
