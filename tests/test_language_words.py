"""Per-language words live in each language's own i18n entry (mkdocs.yml), and a missing one stops the build at once
with one line naming the language and the key (handbook/language_words.py, checked by the 404 and PDF hooks)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from handbook.language_words import REQUIRED, problems
from tests.conftest import ROOT
from tests.site_pages import SITE


class _Loader(yaml.SafeLoader):
    pass


_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)


def _config(path: Path = ROOT / "mkdocs.yml") -> dict:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)


def _i18n(config: dict) -> dict:
    return next(plugin["i18n"] for plugin in config["plugins"] if isinstance(plugin, dict) and "i18n" in plugin)


def test_every_language_declares_all_its_words_in_its_own_entry():
    extras = {entry["locale"]: entry.get("extra") for entry in _i18n(_config())["languages"]}
    assert set(extras) == set(SITE.codes)
    for section in REQUIRED:
        assert problems(extras, section) == []


def test_the_shared_extra_names_no_language():
    """Adding a language means adding its i18n entry and nothing else: no top-level `extra` key is keyed by language."""
    extra = _config()["extra"]
    for key, value in extra.items():
        if isinstance(value, dict):
            assert not set(value) & set(SITE.codes), f"extra.{key} has per-language entries: move them to the i18n block"


def test_a_missing_word_is_one_line_naming_the_language_and_the_key():
    extras = {"en": {"not_found": {"title": "Page not found", "text": "Gone.", "home": "Home"}},
              "zh": {"not_found": {"title": "页面不存在", "text": ""}}, "fr": {"og_locale": "fr_FR"}}
    found = problems(extras, "not_found")
    assert found == [
        "mkdocs.yml: plugins › i18n › languages › zh › extra › not_found › text is missing: "
        "add the zh language's not_found.text",
        "mkdocs.yml: plugins › i18n › languages › zh › extra › not_found › home is missing: "
        "add the zh language's not_found.home",
        "mkdocs.yml: plugins › i18n › languages › fr › extra › not_found is missing: "
        "the fr language needs its words title, text, home",
    ]


def _build_with(tmp_path: Path, edit) -> subprocess.CompletedProcess[str]:
    copy = tmp_path / "repo"
    copy.mkdir()
    for name in ("docs", "data", "includes", "overrides", "hooks", "handbook", "parity"):
        shutil.copytree(ROOT / name, copy / name)
    for name in ("parity.lock.json",):
        shutil.copy2(ROOT / name, copy / name)
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    (copy / "mkdocs.yml").write_text(edit(text), encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(copy)}
    env.pop("BUILD_ONLY_LOCALE", None)
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--site-dir", str(tmp_path / "out")], cwd=copy,
                          env=env, capture_output=True, text=True, timeout=300)


def test_a_build_missing_a_languages_word_stops_with_one_line(tmp_path):
    line = "              home: 返回手册首页\n"
    assert line in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    result = _build_with(tmp_path, lambda text: text.replace(line, ""))
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output
    errors = [text for text in output.splitlines() if text.startswith("ERROR")]
    assert errors == ["ERROR   -  404 page: mkdocs.yml: plugins › i18n › languages › zh › extra › not_found › home is "
                      "missing: add the zh language's not_found.home"], output
