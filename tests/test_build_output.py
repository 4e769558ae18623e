"""Build output carries only what an editor needs: no jieba warnings that look like a crash, every other warning
still shown, and a strict build that aborts on them (tested in tests/parity/test_hook.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The `mkdocs` command editors run (`uv run mkdocs build`): it turns Python warnings into log lines.
MKDOCS = str(Path(sys.executable).with_name("mkdocs"))

TINY_SITE = """\
site_name: Output test
theme:
  name: material
plugins:
{plugins}
  - search
"""


def _build(folder: Path, tmp_path: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    """A strict build in which Python compiles jieba from source, as on a fresh CI runner: no cached bytecode."""
    pycache = tmp_path / "no-cached-bytecode"
    pycache.mkdir(exist_ok=True)
    env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "PYTHONDONTWRITEBYTECODE": "1",
        "PYTHONPYCACHEPREFIX": str(pycache),
    }
    for name in ("PYTHONWARNINGS", "BUILD_ONLY_LOCALE"):
        env.pop(name, None)
    return subprocess.run(
        [MKDOCS, "build", "--strict", *extra],
        cwd=folder, env=env, capture_output=True, text=True, timeout=600,
    )


def _tiny_site(tmp_path: Path, plugins: str) -> Path:
    folder = tmp_path / "site"
    (folder / "docs").mkdir(parents=True)
    (folder / "docs" / "index.md").write_text("# 首页\n\n中文搜索。\n", encoding="utf-8")
    (folder / "mkdocs.yml").write_text(TINY_SITE.format(plugins=plugins), encoding="utf-8")
    return folder


def test_without_the_plugin_jieba_floods_the_output(tmp_path):
    result = _build(_tiny_site(tmp_path, ""), tmp_path)
    assert "DeprecationWarning: invalid escape sequence" in result.stdout + result.stderr or \
        "SyntaxWarning: invalid escape sequence" in result.stdout + result.stderr


def test_the_plugin_silences_only_jiebas_escape_warnings(tmp_path):
    folder = _tiny_site(tmp_path, "  - jieba-warnings")
    (folder / "warns.py").write_text('import warnings\nwarnings.warn("still shown", DeprecationWarning)\n')
    (folder / "mkdocs.yml").write_text((folder / "mkdocs.yml").read_text() + "hooks:\n  - warns.py\n")
    result = _build(folder, tmp_path)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "invalid escape sequence" not in output
    assert "DeprecationWarning: still shown" in output  # other warnings are not hidden


def test_strict_build_of_the_handbook_prints_no_warning_or_traceback(tmp_path):
    result = _build(ROOT, tmp_path, "--site-dir", str(tmp_path / "out"))
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "DeprecationWarning" not in output and "SyntaxWarning" not in output
    assert "Traceback" not in output
    assert all(line.startswith("INFO") for line in output.splitlines() if line.strip()), output
