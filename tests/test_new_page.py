"""A new page is one command: `uv run python -m handbook new-page SLUG --title LANG TEXT … --description LANG TEXT …`
scaffolds it in every language, adds it to nav and to the home page's overview table (handbook/new_page.py).
Run on a scratch copy of the repository, as an editor would run it in theirs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from handbook.new_page import NewPageError, insert_nav_entry, page_name
from handbook.site import load_site
from tests.conftest import ROOT
from tests.repository_copy import copy_repository
from tests.site_pages import SITE

ONBOARDING = [
    "--title", "en", "Onboarding a CMO", "--title", "zh", "首席营销官入职",
    "--description", "en", "How to bring a new Chief Marketing Officer into the company, step by step.",
    "--description", "zh", "新任首席营销官入职时要做哪些安排。",
]


@pytest.fixture
def repo(tmp_path) -> Path:
    return copy_repository(tmp_path)


def run(repo: Path, *args: str, module: str = "handbook") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(repo)}
    return subprocess.run([sys.executable, "-m", module, *args], cwd=repo, env=env, capture_output=True, text=True,
                          timeout=300)


def snapshot(repo: Path) -> dict[str, str]:
    return {path.relative_to(repo).as_posix(): path.read_text(encoding="utf-8")
            for path in [repo / "mkdocs.yml", *sorted((repo / "docs").rglob("*.md"))]}


def test_new_page_scaffolds_every_language_nav_and_the_overview(repo):
    before = snapshot(repo)
    result = run(repo, "new-page", "onboarding", *ONBOARDING, "--after", "evaluation-pay.md")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[:5] == [
        "created docs/en/onboarding.md", "created docs/zh/onboarding.md", "updated mkdocs.yml",
        "updated docs/en/index.md", "updated docs/zh/index.md",
    ]
    after = snapshot(repo)
    changed = sorted(name for name in after if before.get(name) != after[name])
    assert changed == ["docs/en/index.md", "docs/en/onboarding.md", "docs/zh/index.md", "docs/zh/onboarding.md", "mkdocs.yml"]

    # mkdocs.yml: one line inserted after evaluation-pay.md, every comment kept.
    old, new = before["mkdocs.yml"].splitlines(), after["mkdocs.yml"].splitlines()
    at = old.index("  - evaluation-pay.md") + 1
    assert new == old[:at] + ["  - onboarding.md"] + old[at:]
    pages = load_site(repo / "mkdocs.yml").pages
    assert pages[pages.index("evaluation-pay.md") + 1] == "onboarding.md"

    english = after["docs/en/onboarding.md"]
    assert english.startswith("---\ntitle: Onboarding a CMO\ndescription: How to bring a new")
    assert "\n# Onboarding a CMO\n" in english and '!!! abstract "Editors\' synthesis"' in english
    assert "\n# 首席营销官入职\n" in after["docs/zh/onboarding.md"] and '!!! abstract "编者综述"' in after["docs/zh/onboarding.md"]
    assert "| [Onboarding a CMO](onboarding.md) | How to bring a new" in after["docs/en/index.md"]
    assert "| [首席营销官入职](onboarding.md) | 新任首席营销官入职时要做哪些安排。 |" in after["docs/zh/index.md"]

    # The parity checker finds nothing wrong with the new pair but that it is not locked yet.
    check = run(repo, "check", "--json", module="parity")
    findings = [f for f in json.loads(check.stdout)["findings"] if f["where"]["file"].endswith("/onboarding.md")]
    assert [f["rule"] for f in findings] == ["P9-stale"] and "not in parity.lock.json" in findings[0]["message"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["Onboarding", *ONBOARDING], "'Onboarding' is not a page slug: use lower-case letters, digits and hyphens"),
        (["../onboarding", *ONBOARDING], "'../onboarding' is not a page slug"),
        (["duties", *ONBOARDING], "duties.md already exists (docs/en/duties.md, docs/zh/duties.md): edit it, or choose another slug"),
        (["onboarding", *ONBOARDING[:6]], 'every language needs its description: add --description en "…" --description zh "…"'),
        (["onboarding", *ONBOARDING, "--title", "fr", "Recruter"], "--title fr: mkdocs.yml declares no language 'fr'"),
        (["onboarding", *ONBOARDING, "--after", "nowhere.md"], "--after nowhere.md: no such page in mkdocs.yml's nav"),
    ],
)
def test_a_bad_request_is_one_line_and_writes_nothing(repo, args, message):
    before = snapshot(repo)
    result = run(repo, "new-page", *args)
    assert result.returncode == 2
    assert result.stderr.startswith(f"new-page: error: {message}"), result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    assert snapshot(repo) == before


def test_page_names():
    assert page_name("onboarding") == page_name("onboarding.md") == "onboarding.md"
    assert page_name("frameworks/hiring-checklist") == "frameworks/hiring-checklist.md"
    for bad in ("", "hiring page", "Hiring", "-hiring", "hiring_", "/hiring", "a//b"):
        with pytest.raises(NewPageError):
            page_name(bad)


def test_the_nav_entry_goes_at_the_end_of_nav_by_default_and_keeps_comments():
    text = "site_name: x\n# the pages\nnav:\n  - index.md # home\n  - Group:\n      - group/index.md\n\n# --- Plugins\nplugins: []\n"
    assert insert_nav_entry(text, "new.md", None) == (
        "site_name: x\n# the pages\nnav:\n  - index.md # home\n  - Group:\n      - group/index.md\n  - new.md\n"
        "\n# --- Plugins\nplugins: []\n"
    )
    assert insert_nav_entry(text, "group/new.md", "group/index.md").splitlines()[6] == "      - group/new.md"


def test_lists_that_repeat_nav_are_derived_from_it():
    """Lighthouse CI's pages come from nav at run time (bench/lighthouse_ci.py), not from a hand-kept copy."""
    from bench.lighthouse_ci import lighthouse_ci_config

    committed = json.loads((ROOT / "lighthouserc.json").read_text(encoding="utf-8"))
    assert "url" not in committed["ci"]["collect"], "lighthouserc.json lists pages by hand: nav is the list"
    config = lighthouse_ci_config(SITE)
    assert config["ci"]["collect"]["url"] == [f"http://localhost/{path}" for _, path in SITE.served_pages()]
    assert {key: value for key, value in config["ci"]["collect"].items() if key != "url"} == committed["ci"]["collect"]
