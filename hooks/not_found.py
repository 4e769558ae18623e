"""MkDocs hook: a 404 page per language, each with its own language's chrome (see handbook/not_found.py).

- While 404.html renders, the language switcher offers each language's home page (Material's extra.alternate):
  mkdocs-static-i18n would leave the links of whichever page it rendered last.
- Its words are each language's own (extra.not_found in that language's i18n entry in mkdocs.yml), checked when the
  build starts: a missing one stops the build with one line naming the language and the key.
- Each build's rendering is kept; when the outermost build ends, each goes to its place: /404.html (English),
  /zh/404.html (Chinese).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from handbook import language_words
from handbook.build_nesting import BuildNesting
from handbook.not_found import language_homes, not_found_path
from handbook.site import site_from_config

TEMPLATE = "404.html"
nesting = BuildNesting()
rendered: dict[str, str] = {}  # language -> its 404 page


def on_config(config):
    try:
        language_words.check(config, "not_found")
    except language_words.MissingWords as error:
        raise PluginError(f"404 page: {error}") from None
    return config


def on_pre_build(config):
    if nesting.enter():  # the outermost build: start afresh
        rendered.clear()


def on_build_error(error):
    nesting.reset()


def on_pre_template(template, template_name, config):
    if template_name == TEMPLATE:
        homes = language_homes(site_from_config(config).languages, urlsplit(config.site_url or "/").path)
        # Both spellings: the templates read config.extra.alternate, which an attribute set earlier would shadow.
        config.extra["alternate"] = homes
        config.extra.alternate = homes
    return template


def on_post_template(output_content, template_name, config):
    if template_name == TEMPLATE:
        rendered[config.theme["language"]] = output_content
    return output_content


@event_priority(-1000)  # after mkdocs-static-i18n has built every language (-100)
def on_post_build(config):
    if not nesting.leave():
        return
    site = site_from_config(config)
    for code, page in rendered.items():
        target = Path(config.site_dir) / not_found_path(site.language(code))
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page, encoding="utf-8")
