"""The site model: each site fact as mkdocs.yml declares it, once.

- languages, their names, roots and Open Graph locales: the i18n plugin's `languages` (the default language first);
- pages: `nav`;
- Markdown extensions: `markdown_extensions` (with the ones MkDocs always adds).

Hooks build the model from the live MkDocs config (`site_from_config`); tests and bench load mkdocs.yml with the
parity checker's MkDocs-free reader (`load_site` wraps parity/config.py's `load_site_config`). Nothing else in the project declares a language, a language root or a page list.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CONFIG_FILE = ROOT / "mkdocs.yml"


class SiteError(Exception):
    """mkdocs.yml does not declare what the site model needs; the message says what is missing."""


@dataclass(frozen=True)
class Language:
    code: str  # the i18n locale, which is also its folder under docs/: "en"
    name: str  # the language switcher's label: "English"
    root: str  # where its pages are served, below the site's address: "" for the default language, "zh/" …
    default: bool
    og_locale: str | None = None  # Open Graph's form of the locale (language_TERRITORY): "en_US"; optional


@dataclass(frozen=True)
class Site:
    languages: tuple[Language, ...]  # the default language first, then mkdocs.yml's order
    pages: tuple[str, ...]  # nav's Markdown files, docs-relative inside a language folder, in nav order (or none)
    extensions: tuple[str, ...]  # Markdown extension names, as MkDocs loads them
    extension_configs: Mapping[str, Mapping[str, Any]]
    docs_dir: Path

    @property
    def default_language(self) -> Language:
        return self.languages[0]

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(language.code for language in self.languages)

    def language(self, code: str) -> Language:
        for language in self.languages:
            if language.code == code:
                return language
        raise SiteError(f"mkdocs.yml: the i18n plugin declares no language '{code}' (it has {', '.join(self.codes)})")

    def language_of(self, src_uri: str) -> Language:
        """The language a docs-relative path belongs to (`zh/role.md`); shared files belong to the default one."""
        parts = PurePosixPath(src_uri).parts
        if parts and parts[0] in self.codes:
            return self.language(parts[0])
        return self.default_language

    def served_pages(self) -> Iterator[tuple[Language, str]]:
        """(language, path below the site's address) of every page, language by language in nav order."""
        for language in self.languages:
            for page in self.pages:
                yield language, language.root + served_path(page)


def served_path(page: str) -> str:
    """A docs-relative page as served: role.md → role/, frameworks/index.md → frameworks/, index.md → ''."""
    parts = list(PurePosixPath(page).with_suffix("").parts)
    if parts and parts[-1] == "index":
        parts = parts[:-1]
    return "".join(f"{part}/" for part in parts)


def _nav_pages(nav: Any) -> Iterator[str]:
    if isinstance(nav, str):
        if nav.endswith(".md") and "://" not in nav:
            yield nav
    elif isinstance(nav, Mapping):
        for value in nav.values():
            yield from _nav_pages(value)
    elif isinstance(nav, list):
        for entry in nav:
            yield from _nav_pages(entry)


def site_from_config(config: Any) -> Site:
    """The site model of a loaded MkDocs config (mkdocs.config.defaults.MkDocsConfig)."""
    i18n = config.plugins.get("i18n") if config.plugins else None
    if i18n is None:
        raise SiteError(f"{config.config_file_path}: the i18n plugin (mkdocs-static-i18n) is not configured")
    # Every declared language, built or not (BUILD_ONLY_LOCALE builds one); "null" is a switcher-only entry.
    declared = [entry for entry in i18n.config.languages if entry.locale != "null"]
    ordered = [entry for entry in declared if entry.default] + [entry for entry in declared if not entry.default]
    languages = [
        Language(entry.locale, entry.name, entry.link.lstrip("/"), bool(entry.default), (entry.extra or {}).get("og_locale"))
        for entry in ordered
    ]
    if len(languages) < 2 or not languages[0].default:
        raise SiteError(f"{config.config_file_path}: the i18n plugin needs a default language and at least one other")
    return Site(
        languages=tuple(languages),
        pages=tuple(_nav_pages(config.nav or [])),
        extensions=tuple(name for name in config.markdown_extensions if isinstance(name, str)),
        extension_configs={name: dict(options) for name, options in config.mdx_configs.items()},
        docs_dir=Path(config.docs_dir),
    )


@functools.cache
def load_site(config_file: Path = CONFIG_FILE) -> Site:
    """Load mkdocs.yml with the parity checker's MkDocs-free reader (parity/config.py, the one place that reads the
    file; the build uses MkDocs' own config through `site_from_config`) and return its site model."""
    from parity.config import ConfigError, load_site_config

    try:
        config = load_site_config(config_file, use_cache=False)
    except ConfigError as error:
        raise SiteError(str(error)) from error
    languages = tuple(
        Language(entry.locale, entry.name, entry.link.lstrip("/"), entry.default, entry.extra.get("og_locale"))
        for entry in config.language_configs
    )
    return Site(
        languages=languages,
        pages=config.nav_pages or (),
        extensions=tuple(name for name in config.extensions if isinstance(name, str)),
        extension_configs={name: dict(options) for name, options in config.extension_configs.items()},
        docs_dir=config.docs_dir,
    )


def markdown_extensions_yaml(site: Site) -> str:
    """The site's `markdown_extensions:` as mkdocs.yml text, for tools that write a config of their own."""
    import yaml

    entries = [{name: dict(site.extension_configs[name])} if name in site.extension_configs else name for name in site.extensions]
    return yaml.safe_dump({"markdown_extensions": entries}, allow_unicode=True, sort_keys=False)
