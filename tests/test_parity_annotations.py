"""Pull requests show parity findings where the reviewer looks: .github/parity_report.py, the workflow's first check,
turns each finding of `python -m parity check` into an annotation on its file and line, and writes a job summary.

The format is pinned against a real finding: a one-sided edit in a scratch copy of the site, checked by the script
as the workflow runs it, its workflow commands parsed as GitHub's runner parses them.
"""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.repository_copy import copy_repository

SCRIPT = ROOT / ".github" / "parity_report.py"
# GitHub's workflow command `::error file=…,line=…,title=…::message` (properties escaped: % \r \n : ,).
COMMAND = re.compile(r"^::error (?P<properties>[^:]*)::(?P<message>.*)$")


def _unescape(text: str) -> str:
    for escaped, plain in (("%2C", ","), ("%3A", ":"), ("%0A", "\n"), ("%0D", "\r"), ("%25", "%")):
        text = text.replace(escaped, plain)
    return text


def annotations(output: str) -> list[dict[str, str]]:
    found = []
    for line in output.splitlines():
        match = COMMAND.match(line)
        if match:
            properties = dict(part.split("=", 1) for part in match["properties"].split(","))
            found.append({**{key: _unescape(value) for key, value in properties.items()},
                          "message": _unescape(match["message"])})
    return found


@pytest.fixture
def scratch_site(tmp_path) -> Path:
    """A copy of the repository's site and checker (the parity cache too, so that the check is quick)."""
    return copy_repository(tmp_path)


def report(site: Path, summary: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "GITHUB_STEP_SUMMARY": str(summary)}
    return subprocess.run([sys.executable, str(site / ".github" / "parity_report.py")], cwd=site, env=env,
                          capture_output=True, text=True, timeout=300)


def test_a_one_sided_edit_is_annotated_on_its_file_and_line_with_a_job_summary(scratch_site, tmp_path):
    before = report(scratch_site, tmp_path / "before.md")
    assert before.returncode in (0, 1), before.stderr  # other pages may have findings on a working branch
    page = scratch_site / "docs" / "en" / "duties.md"
    page.write_text(page.read_text(encoding="utf-8").rstrip("\n") + "\n\nThe team meets 99 times a year.\n",
                    encoding="utf-8")
    added_line = len(page.read_text(encoding="utf-8").splitlines())
    after = report(scratch_site, tmp_path / "after.md")
    assert after.returncode == 1, after.stdout + after.stderr

    new = [a for a in annotations(after.stdout) if a not in annotations(before.stdout)]
    (figure,) = [a for a in new if a["title"] == "P6-figures"]
    # The finding names the page that lacks the figure and points at the English line that has it.
    assert figure["file"] in ("docs/zh/duties.md", "docs/en/duties.md"), figure
    lines = (scratch_site / figure["file"]).read_text(encoding="utf-8").splitlines()
    assert 1 <= int(figure["line"]) <= len(lines)
    assert re.search(rf"\b99 appears [01]× here and [01]× in (en|zh)/duties\.md:\d+", figure["message"]), figure
    assert f"en/duties.md:{added_line}" in figure["message"] or figure["line"] == str(added_line), figure
    assert figure["message"].endswith("[P6-figures]") and "§ " in figure["message"]

    summary = (tmp_path / "after.md").read_text(encoding="utf-8")
    assert summary.startswith("### Parity check: ") and "finding(s)" in summary.splitlines()[0]
    assert re.search(r"^\| P6-figures \| \d+ \|$", summary, re.M)
    assert "uv run python -m parity check" in summary
    assert len(summary.splitlines()) <= 40, "the summary fits on one screen"
    assert after.stdout.splitlines()[-1].startswith("Parity check: ")


def _script():
    spec = importlib.util.spec_from_file_location("parity_report", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_site_in_step_gets_a_short_passing_summary():
    text = _script().summary({"findings": [], "pairs": [{}] * 14}, "docs")
    assert text == "### Parity check: passed\n\n14 page pair(s) in step, no findings.\n"


def test_annotation_properties_and_message_are_escaped_as_workflow_commands_require():
    module = _script()
    finding = {"rule": "P6-figures", "where": {"file": "zh/a,b.md", "line": 7}, "section": "Pay: 1%",
               "message": "50% appears 1× here\nand 0× there"}
    line = module.annotation(finding, "docs")
    assert line == ("::error file=docs/zh/a%2Cb.md,line=7,title=P6-figures::"
                    "§ Pay: 1%25: 50%25 appears 1× here%0Aand 0× there [P6-figures]")
    (parsed,) = annotations(line)
    assert parsed["file"] == "docs/zh/a,b.md" and parsed["message"].startswith("§ Pay: 1%: 50% appears")
