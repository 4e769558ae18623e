"""overrides/main.html renders the same under Jinja2 (MkDocs) and MiniJinja (Zensical's template engine).

Material's base.html is stood in for by a template with the same blocks, so this checks our expressions only:
no Python string methods, nothing MiniJinja lacks.
"""

from __future__ import annotations

import html

import jinja2
import minijinja

from handbook.scripts import without_header
from tests.conftest import ROOT
from tests.site_pages import CHINESE, SITE

OVERRIDES = ROOT / "overrides"
BASE = """<head>{% block site_meta %}{% endblock %}{% block config %}<script id="__config">{}</script>{% endblock %}\
{% block extrahead %}{% endblock %}</head><body>{% block header %}<header></header>{% endblock %}\
{% block scripts %}<script src="assets/bundle.js"></script>{% endblock %}</body>"""


def templates() -> dict[str, str]:
    files = {"base.html": BASE, "main.html": (OVERRIDES / "main.html").read_text(encoding="utf-8")}
    for script in (OVERRIDES / "javascripts").glob("*.js"):
        files[f"javascripts/{script.name}"] = script.read_text(encoding="utf-8")
    return files


def context() -> dict:
    languages = [
        {"code": lang.code, "root": lang.root, "default": lang.default, "og_locale": lang.og_locale}
        for lang in SITE.languages
    ]
    page = {"url": CHINESE.root + "role/", "canonical_url": f"https://example.org/{CHINESE.root}role/",
            "meta": {"title": "Title", "description": "Description"}, "previous_page": None, "next_page": None}
    config = {"site_url": "https://example.org/", "site_name": "Site", "site_description": "About",
              "theme": {"favicon": "favicon.svg"}}
    current = next(lang for lang in languages if lang["code"] == CHINESE.code)
    return {"site_languages": languages, "site_language": current, "page": page, "config": config,
            "mkdocs_version": "1.6.1"}


def test_main_html_renders_the_same_under_jinja2_and_minijinja():
    sources = templates()
    jinja = jinja2.Environment(loader=jinja2.DictLoader(sources))
    jinja.filters["without_header"] = without_header
    jinja.filters["url"] = lambda value: value
    mini = minijinja.Environment(templates=sources)
    mini.pycompat = False  # the Python binding adds Python's str methods; Zensical's Rust MiniJinja has none
    mini.add_filter("without_header", without_header)
    mini.add_filter("url", lambda value: value)
    expected = jinja.get_template("main.html").render(**context())
    rendered = html.unescape(mini.render_template("main.html", **context()))
    assert rendered.split() == html.unescape(expected).split()
    assert f'hreflang="x-default" href="https://example.org/role/"' in expected
