"""The pure build helpers behind hooks/: search index split, worker repair, charts, abbreviations, build nesting."""

from __future__ import annotations

import pytest

from handbook.abbreviations import AbbreviationsError, append_abbreviations, load_abbreviations
from handbook.bar_charts import BarChartError, draw_bars
from handbook.build_nesting import BuildNesting
from handbook.search_index import chinese_subwords, split_search_index
from handbook.search_worker import BUGGY, FIXED, SearchWorkerPatternMissing, repair_query_segmentation
from handbook.site import SiteError, load_site, served_path

ZWSP = "\u200b"


TINY_SITE = """\
site_name: Tiny
theme:
  name: material
plugins:
  - i18n:
      docs_structure: folder
      languages:
        - locale: de
          name: Deutsch
          extra:
            og_locale: de_DE
        - locale: fr
          default: true
          name: Français
nav:
  - index.md
  - Guide:
      - guide/index.md
      - guide/start.md
  - https://example.com/
markdown_extensions:
  - abbr
  - toc:
      permalink: true
"""


def test_the_site_model_reads_languages_pages_and_extensions_from_mkdocs_yml(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text(TINY_SITE, encoding="utf-8")
    site = load_site(tmp_path / "mkdocs.yml")
    assert [(lang.code, lang.name, lang.root, lang.og_locale) for lang in site.languages] == [
        ("fr", "Français", "", None),  # the default language first, served at the site's root
        ("de", "Deutsch", "de/", "de_DE"),
    ]
    assert site.pages == ("index.md", "guide/index.md", "guide/start.md")
    assert "abbr" in site.extensions and site.extension_configs["toc"] == {"permalink": True}
    assert [path for _, path in site.served_pages()] == ["", "guide/", "guide/start/", "de/", "de/guide/", "de/guide/start/"]
    assert site.language_of("de/guide/start.md").code == "de"
    assert site.language_of("assets/stylesheets/site.css").code == "fr", "shared files belong to the default language"
    with pytest.raises(SiteError, match="declares no language 'it'"):
        site.language("it")


def test_the_site_model_says_when_mkdocs_yml_has_no_languages(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: Tiny\nnav:\n  - index.md\n", encoding="utf-8")
    with pytest.raises(SiteError, match="mkdocs.yml: the i18n plugin .* is not configured"):
        load_site(tmp_path / "mkdocs.yml")


def test_served_path_of_a_page():
    assert served_path("index.md") == ""
    assert served_path("frameworks/index.md") == "frameworks/"
    assert served_path("role.md") == "role/"


def test_split_search_index_keeps_each_language_apart_with_relative_locations():
    index = {
        "config": {"lang": ["en", "zh"], "fields": {"title": {"boost": 1000}, "text": {"boost": 1}}},
        "docs": [
            {"location": "", "title": "Home", "text": "x"},
            {"location": "role/#drucker", "title": "Drucker", "text": "x"},
            {"location": "zh/", "title": f"首席{ZWSP}营销官", "text": "x"},
            {"location": "zh/role/#drucker", "title": "德鲁克", "text": "x"},
        ],
    }
    parts = split_search_index(index, ("en", "zh"), "en")
    assert [d["location"] for d in parts["en"]["docs"]] == ["", "role/#drucker"]
    assert [d["location"] for d in parts["zh"]["docs"]] == ["", "role/#drucker"]
    assert "title_subwords" in parts["zh"]["config"]["fields"] and "title_subwords" not in parts["en"]["config"]["fields"]
    assert index["docs"][2]["location"] == "zh/", "the input index must not be modified"


def test_chinese_subwords_add_the_parts_of_compounds_only():
    words = chinese_subwords(f"<p>市场营销{ZWSP}总监</p>").split(ZWSP)
    assert "营销" in words, "the inner word of 市场营销 is added"
    assert "市场" not in words, "a prefix of a whole word is already found by Material's prefix queries"
    assert "总监" not in words, "a whole word already in the text is not repeated"


def test_worker_repair_extends_the_query_splitting_loop_once():
    worker = f"a;{BUGGY};b"
    repaired = repair_query_segmentation(worker)
    assert FIXED in repaired and BUGGY not in repaired
    assert repair_query_segmentation(repaired) == repaired


def test_worker_repair_fails_loudly_when_material_changes():
    with pytest.raises(SearchWorkerPatternMissing, match="Material has changed"):
        repair_query_segmentation("function fe(t,e){}")


def test_the_installed_material_worker_still_has_the_loop_we_repair():
    from pathlib import Path

    import material

    workers = list((Path(material.__file__).parent / "templates/assets/javascripts/workers").glob("search.*.min.js"))
    assert workers and all(FIXED in repair_query_segmentation(w.read_text(encoding="utf-8")) for w in workers)


def test_bar_chart_draws_one_bar_per_row_and_rejects_rows_without_a_share():
    html = '<div class="bar-chart"><table><tbody><tr><td>A</td><td>35%</td></tr><tr><td>B</td><td>5%</td></tr></tbody></table></div>'
    drawn = draw_bars(html)
    assert drawn.count('class="bar-chart__bar"') == 2 and "--share: 35%" in drawn and "--share: 5%" in drawn
    assert draw_bars("<p>no chart</p>") == "<p>no chart</p>"
    with pytest.raises(BarChartError, match="no percentage"):
        draw_bars('<div class="bar-chart"><table><tbody><tr><td>A</td><td>many</td></tr></tbody></table></div>')


def test_abbreviations_are_appended_and_a_missing_file_is_named(tmp_path):
    (tmp_path / "abbreviations").mkdir()
    (tmp_path / "abbreviations" / "en.md").write_text("*[CMO]: Chief Marketing Officer\n", encoding="utf-8")
    assert append_abbreviations("# Title\n", load_abbreviations(tmp_path, "en")).endswith("*[CMO]: Chief Marketing Officer\n")
    with pytest.raises(AbbreviationsError, match=r"zh\.md: abbreviation file"):
        load_abbreviations(tmp_path, "zh")


def test_build_nesting_tells_the_outermost_build_from_nested_ones():
    nesting = BuildNesting()
    assert nesting.enter() is True, "the first build is the outermost"
    assert nesting.enter() is False, "a build inside it is nested"
    assert nesting.leave() is False
    assert nesting.leave() is True
    nesting.enter()
    nesting.reset()  # a failed build
    assert nesting.enter() is True
