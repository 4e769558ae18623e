"""MkDocs hook: what overrides/ templates get from us besides MkDocs' and Material's own context.

- `site_languages` (every language: code, name, root, og_locale, default; the default first) and `site_language`
  (the one being built: mkdocs-static-i18n sets theme.language per language), from mkdocs.yml's i18n block
  through handbook/site.py. overrides/main.html writes the hreflang alternates and Open Graph locales from them,
  so no template names a language.
- the filter `without_header`, which inlines a script of overrides/javascripts/ without its header comment
  (handbook/scripts.py). The scripts live only inlined: MkDocs would also copy them from the theme folder into the
  site as files nothing loads, so on_files leaves them out.

Why a hook: a template could only reach the language list through the i18n plugin's object
(config.plugins.i18n.config), and Material's config.extra.alternate, which static-i18n fills, holds per-page links
in two shapes (the site's path on home pages, page URLs elsewhere) and no Open Graph locale. Jinja has no filter
that drops a leading comment.
"""

from __future__ import annotations

from pathlib import Path

from handbook.scripts import without_header
from handbook.site import site_from_config


def on_env(env, config, files):
    site = site_from_config(config)
    env.globals["site_languages"] = site.languages
    env.globals["site_language"] = site.language(config.theme["language"])
    env.filters["without_header"] = without_header
    return env


def on_files(files, config):
    scripts = (Path(config.theme.custom_dir) / "javascripts").resolve()
    for file in list(files):
        if file.abs_src_path and Path(file.abs_src_path).resolve().parent == scripts:
            files.remove(file)
    return files
