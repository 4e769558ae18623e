"""Our JavaScript (overrides/javascripts/*.js): linted by ESLint, and inlined into the pages as the files say.

Each behaviour has its browser test in test_reader_experience.py (scheme before and after Material starts, search
before it starts, the first interaction, search in the page's language).
"""

from __future__ import annotations

import shutil
import subprocess

import pytest
from bs4 import BeautifulSoup

from handbook.scripts import ScriptHeaderMissing, without_header
from tests.browser import browser_required
from tests.conftest import ROOT
from tests.site_pages import SITE

SCRIPTS = sorted((ROOT / "overrides" / "javascripts").glob("*.js"))
BENCH = ROOT / "bench"
ESLINT = BENCH / "node_modules" / "eslint" / "bin" / "eslint.js"
# Material's own inline scripts (partials/javascripts/base.html and its palette/hash restorers) start like this.
MATERIAL_INLINE = ("__md_scope=", "var palette=__md_get(", "var target=document.getElementById(location.hash")


def test_every_script_has_a_header_naming_what_it_relies_on():
    assert SCRIPTS, "overrides/javascripts/ holds no scripts"
    for script in SCRIPTS:
        text = script.read_text(encoding="utf-8")
        header = text[: len(text) - len(without_header(text))]
        assert "Relies on Material for MkDocs" in header, f"{script.name}: the header lists no Material behaviour"
        assert "Inlined" in header, f"{script.name}: the header does not say where it is inlined"


def test_a_script_without_a_header_is_refused():
    with pytest.raises(ScriptHeaderMissing):
        without_header("document.title = 'x';\n")


def test_eslint_finds_nothing():
    node = shutil.which("node")
    if node is None or not ESLINT.is_file():
        reason = "ESLint is not installed: run `npm ci` in bench/ (Node.js and npm needed)"
        if browser_required():
            pytest.fail(f"REQUIRE_BROWSER=1 but {reason}")
        pytest.skip(reason)
    result = subprocess.run(
        [node, str(ESLINT), "--config", str(BENCH / "eslint.config.mjs"), "--max-warnings", "0",
         *[str(script.relative_to(ROOT)) for script in SCRIPTS]],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def inline_scripts(html: str) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    return [(tag.string or "").strip() for tag in soup.find_all("script") if not tag.get("src") and not tag.get("type")]


def test_every_inline_script_of_a_page_is_one_of_the_files_or_materials_own(site):
    code = {script.name: without_header(script.read_text(encoding="utf-8")) for script in SCRIPTS}
    everywhere = {"scripts-pending.js", "palette-before-material.js", "material-on-interaction.js"}
    for language, path in SITE.served_pages():
        scripts = inline_scripts((site.site_dir / path / "index.html").read_text(encoding="utf-8"))
        ours = {name for name, body in code.items() if body in scripts}
        expected = everywhere if language.default else everywhere | {"search-in-page-language.js"}
        assert ours == expected, f"/{path}: inlined {sorted(ours)}, expected {sorted(expected)}"
        unknown = [s[:60] for s in scripts if s not in code.values() and not s.startswith(MATERIAL_INLINE)]
        assert not unknown, f"/{path}: inline script that is not in overrides/javascripts/: {unknown}"


def test_the_scripts_are_not_also_published_as_files(site):
    assert not (site.site_dir / "javascripts").exists(), "overrides/javascripts/ was copied into the site"


def test_the_404_pages_inline_the_language_swap_only_on_the_default_language(site):
    """Pages serves the default language's /404.html for every missing address: only it swaps in another's."""
    swap = without_header((ROOT / "overrides" / "javascripts" / "not-found-language.js").read_text(encoding="utf-8"))
    for language in SITE.languages:
        scripts = inline_scripts((site.site_dir / language.root / "404.html").read_text(encoding="utf-8"))
        assert (swap in scripts) == language.default, f"/{language.root}404.html"
