"""The MkDocs adapter: real strict builds of tiny sites, serve mode, and a checker crash."""

from __future__ import annotations

import importlib.util
import logging
import os
import subprocess
import sys

import pytest

from tests.parity.conftest import EN_ROLE, HOOK, ZH_ROLE

EN_STATUS = "---\ntitle: Translation status\ndescription: Status.\n---\n\n# Translation status\n\nThe table.\n"
ZH_STATUS = "---\ntitle: 翻译状态\ndescription: 状态。\n---\n\n# 翻译状态\n\n下表。\n"
PAGES = {
    ("en", "index.md"): EN_ROLE,
    ("zh", "index.md"): ZH_ROLE,
    ("en", "translation-status.md"): EN_STATUS,
    ("zh", "translation-status.md"): ZH_STATUS,
}


@pytest.fixture
def use_cache() -> bool:
    """Builds and CLI runs: one cache mode is enough (the rule tests run both)."""
    return False


def mkdocs_build(site, *extra: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", *extra],
        cwd=site.root, env=env, capture_output=True, text=True, timeout=300,
    )


def test_strict_build_passes_and_fills_the_status_page(make_site):
    site = make_site(pages=PAGES)
    result = mkdocs_build(site, "--verbose")
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert output.count("parity: checked 2 page pairs") == 1  # once per build, not once per language
    english = (site.root / "site" / "translation-status" / "index.html").read_text(encoding="utf-8")
    chinese = (site.root / "site" / "zh" / "translation-status" / "index.html").read_text(encoding="utf-8")
    assert "<th>Page</th>" in english and "<th>Last locked</th>" in english
    assert "<td>in step</td>" in english and "2026-01-02" in english
    assert "<th>页面</th>" in chinese and "<td>已同步</td>" in chinese and "首席营销官的角色" in chinese


def test_strict_build_fails_on_a_mismatch_with_a_clear_message(make_site):
    site = make_site(pages=PAGES)
    site.edit("zh", "index.md", "首席营销官负责营销工作。", "首席营销官负责营销工作。\n\n- 一\n- 二\n")
    result = mkdocs_build(site)
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert "Traceback" not in output
    expected = "WARNING -  parity: zh/index.md:8 § Definition: section has 1 list; en/index.md:8 has 0 [P4-blocks]"
    assert output.count(expected) == 1, output
    # The Chinese side changed: the message starts there, and names English only as possibly stale.
    assert "parity: zh/index.md:8 § Definition: changed since the pair was locked on 2026-01-02; en/index.md did " \
           "not change, so it may be stale;" in output
    assert "Aborted with 2 warnings in strict mode!" in output
    status = (site.root / "site" / "translation-status" / "index.html").read_text(encoding="utf-8")
    assert "findings (1)" in status


def test_gbk_page_gives_a_clear_message_not_a_traceback(make_site):
    site = make_site(pages=PAGES)
    site.page("zh", "index.md").write_bytes(site.page("zh", "index.md").read_text(encoding="utf-8").encode("gbk"))
    result = mkdocs_build(site)
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert "Traceback" not in output and "UnicodeDecodeError" not in output
    assert "parity: zh/index.md:2: is not UTF-8: byte 0xCA at line 2, column 8; it looks like GBK/GB18030" in output
    assert "Save with Encoding" in output


def _load_hook():
    spec = importlib.util.spec_from_file_location("parity_hook_under_test", HOOK)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_serve_shows_findings_and_keeps_serving(make_site, caplog, monkeypatch):
    """Under serve a finding is an INFO line: the site's strict mode and MkDocs' warning counter are left alone,
    and the build does not abort."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    site = make_site(pages=PAGES)
    site.edit("zh", "index.md", "首席营销官负责营销工作。", "首席营销官负责营销工作。\n\n- 一\n")
    monkeypatch.chdir(site.root)
    config = load_config(str(site.config_file), site_dir=str(site.root / "served"))
    config.strict = True  # as with `strict: true` in mkdocs.yml
    hook = next(p for name, p in config.plugins.items() if name.endswith("parity_check.py"))
    monkeypatch.setattr(hook, "_state", hook._State())
    config.plugins.on_startup(command="serve", dirty=False)
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        build(config, serve_url="http://127.0.0.1:8000/")  # a WARNING would raise Abort here
    messages = [(r.levelname, r.getMessage()) for r in caplog.records if r.name.startswith("mkdocs.plugins.parity")]
    assert any(level == "INFO" and text.startswith("parity: parity finding: zh/index.md:8") and "[P4-blocks]" in text
               for level, text in messages), messages
    assert not any(level == "WARNING" for level, _ in messages)
    assert config.strict is True


def test_a_checker_crash_is_one_error_line(make_site, caplog, monkeypatch):
    from mkdocs.config import load_config

    site = make_site(pages=PAGES)
    hook = _load_hook()

    def boom(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(hook.parity.checker, "check_pages", boom)
    config = load_config(str(site.config_file))
    with caplog.at_level(logging.INFO):
        hook.on_pre_build(config)
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(errors) == 1
    assert errors[0].startswith("parity: the parity checker crashed (RuntimeError: boom at test_hook.py:")
    assert all(r.exc_info is None for r in caplog.records)


def test_lock_error_is_reported_not_raised(make_site, caplog):
    from mkdocs.config import load_config

    site = make_site(pages=PAGES)
    site.config().lock_path.write_text("[]", encoding="utf-8")
    hook = _load_hook()
    with caplog.at_level(logging.INFO):
        hook.on_pre_build(load_config(str(site.config_file)))
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(errors) == 1 and "parity.lock.json cannot be read" in errors[0]


def test_strict_build_shows_every_warning_of_every_language_once(make_site):
    site = make_site(pages=PAGES)
    site.edit("en", "index.md", "A CMO leads marketing.", "A CMO leads marketing ([more](missing.md)).")
    site.edit("zh", "index.md", "首席营销官负责营销工作。", "首席营销官负责营销工作（[详见](missing.md)）。")
    result = mkdocs_build(site)
    output = result.stdout + result.stderr
    assert result.returncode == 1
    warnings = [line for line in output.splitlines() if line.startswith("WARNING")]
    assert len(warnings) == 3, output  # one P9 finding, and the broken link in each language
    assert "'en/missing.md' is not found" in output and "'zh/missing.md' is not found" in output
    assert "Aborted with" in output and "in strict mode!" in output


@pytest.mark.parametrize(
    ("lang", "old", "new"),
    [
        (None, None, None),  # in step: both pass
        ("zh", "首席营销官负责营销工作。", "首席营销官负责 12 项营销工作。"),  # P6 and P9
        ("en", "A CMO leads marketing.", "A CMO leads [marketing](index.md#nowhere)."),  # a broken anchor, P5 and P9
    ],
    ids=["in-step", "figure", "broken-anchor"],
)
def test_strict_build_fails_on_exactly_what_parity_check_fails_on(make_site, lang, old, new):
    from click.testing import CliRunner

    from parity.cli import main

    site = make_site(pages=PAGES)
    if lang:
        site.edit(lang, "index.md", old, new)
    check = CliRunner().invoke(main, ["--config", str(site.config_file), "--no-cache", "check"])
    build = mkdocs_build(site)
    assert check.exit_code in (0, 1), check.output
    assert (build.returncode == 0) == (check.exit_code == 0), build.stdout + build.stderr + check.output


def test_the_hook_leaves_strict_mode_alone(make_site, monkeypatch):
    import logging as logging_module

    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.utils import CountHandler

    site = make_site(pages=PAGES)
    monkeypatch.chdir(site.root)
    config = load_config(str(site.config_file), site_dir=str(site.root / "out"))
    config.strict = True
    build(config)
    assert config.strict is True
    assert not [h for h in logging_module.getLogger("mkdocs").handlers if isinstance(h, CountHandler)]
    source = HOOK.read_text(encoding="utf-8")
    assert "CountHandler" not in source and "strict =" not in source and "BuildNesting" not in source


def test_a_quiet_strict_build_still_fails_on_findings(make_site):
    """`-q` sets MkDocs' logger to ERROR, so no warning reaches strict mode's counter; the hook fails the build."""
    site = make_site(pages=PAGES)
    site.edit("zh", "index.md", "首席营销官负责营销工作。", "首席营销官负责 12 项营销工作。")
    result = mkdocs_build(site, "-q")
    assert result.returncode == 1
    assert "parity: 2 finding(s), hidden by --quiet; strict mode fails on them" in result.stdout + result.stderr


def test_the_status_page_lists_the_checks_where_it_asks_for_them(make_site):
    pages = {**PAGES, ("en", "translation-status.md"): EN_STATUS + "\nThe build checks:\n\n<!-- parity:checks -->\n",
             ("zh", "translation-status.md"): ZH_STATUS + "\n每次构建检查：\n\n<!-- parity:checks -->\n"}
    site = make_site(pages=pages)
    result = mkdocs_build(site)
    assert result.returncode == 0, result.stdout + result.stderr
    english = (site.root / "site" / "translation-status" / "index.html").read_text(encoding="utf-8")
    chinese = (site.root / "site" / "zh" / "translation-status" / "index.html").read_text(encoding="utf-8")
    assert "<li>every page exists in both languages and is in the menu</li>" in english
    assert "<li>每个页面两种语言齐备，并列在导航菜单中</li>" in chinese
