"""MkDocs hook: robots.txt pointing crawlers at the bilingual sitemap (handbook/robots_txt.py), written once the
whole bilingual build has finished (mkdocs-static-i18n nests the other languages' builds inside the first)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority

from handbook.build_nesting import BuildNesting
from handbook.robots_txt import robots_txt

nesting = BuildNesting()


def on_pre_build(config):
    nesting.enter()


def on_build_error(error):
    nesting.reset()


@event_priority(-1000)
def on_post_build(config):
    if nesting.leave():
        (Path(config.site_dir) / "robots.txt").write_text(robots_txt(config.site_url or "/"), encoding="utf-8")
