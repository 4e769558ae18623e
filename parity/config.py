"""What the checker needs to know about the site, read from mkdocs.yml without importing MkDocs."""

from __future__ import annotations

import importlib
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

LOCK_FILE_NAME = "parity.lock.json"
CACHE_DIR_NAME = ".parity-cache"
# MkDocs always adds these to the configured extensions (MkDocsConfig.markdown_extensions' builtins).
MKDOCS_BUILTIN_EXTENSIONS = ("toc", "tables", "fenced_code")


class ConfigError(Exception):
    """mkdocs.yml is missing or unusable; the CLI exits with status 2."""


@dataclass(frozen=True)
class SiteConfig:
    """The parts of the site configuration the parity checker uses."""

    root: Path  # the folder holding mkdocs.yml
    docs_dir: Path
    languages: tuple[str, ...]  # the default language first
    extensions: tuple[Any, ...]  # names, as in mkdocs.yml (or extension objects, from the live config)
    extension_configs: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    lock_path: Path = Path(LOCK_FILE_NAME)
    cache_dir: Path | None = None  # None: no on-disk cache
    nav_pages: tuple[str, ...] | None = None  # the pages `nav` lists (None: no nav, MkDocs lists every page)
    language_names: Mapping[str, str] = field(default_factory=dict)  # locale -> name, from the i18n block
    data_dir: Path | None = None  # the site's policy files (parity/policy.py); None: the handbook's own

    def language_name(self, lang: str) -> str:
        return self.language_names.get(lang, lang)

    def lang_dir(self, lang: str) -> Path:
        return self.docs_dir / lang


class _TolerantLoader(yaml.SafeLoader):  # type: ignore[misc]  # PyYAML ships untyped
    """A YAML loader that understands the tags MkDocs configs use (!ENV, !relative, !!python/name:...)."""


def _construct_env(loader: _TolerantLoader, node: yaml.Node) -> Any:
    """`!ENV NAME` or `!ENV [NAME, OTHER_NAME, default]`, as pyyaml-env-tag reads them."""
    if isinstance(node, yaml.ScalarNode):
        names: list[Any] = [loader.construct_scalar(node)]
        default: Any = None
    else:
        items = loader.construct_sequence(node, deep=True)
        names, default = (items[:-1], items[-1]) if len(items) > 1 else (items, None)
    for name in names:
        if str(name) in os.environ:
            return yaml.safe_load(os.environ[str(name)])
    return default


def _construct_python_name(loader: _TolerantLoader, suffix: str, node: yaml.Node) -> Any:
    module_name, _, attribute = suffix.rpartition(".")
    try:
        return getattr(importlib.import_module(module_name), attribute)
    except (ImportError, AttributeError, ValueError):
        return None


def _construct_unknown(loader: _TolerantLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node, deep=True)
    return loader.construct_mapping(node, deep=True)


_TolerantLoader.add_constructor("!ENV", _construct_env)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/name:", _construct_python_name)
_TolerantLoader.add_multi_constructor("!", _construct_unknown)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", _construct_unknown)


def find_config_file(start: Path) -> Path:
    """mkdocs.yml in `start` or the nearest folder above it."""
    start = start.resolve()
    for folder in (start, *start.parents):
        for name in ("mkdocs.yml", "mkdocs.yaml"):
            candidate = folder / name
            if candidate.is_file():
                return candidate
    raise ConfigError(f"no mkdocs.yml in {start} or any folder above it")


def split_extensions(entries: Sequence[Any]) -> tuple[list[str], dict[str, dict[str, Any]]]:
    """mkdocs.yml's `markdown_extensions` list (names or one-key mappings) as names + per-name configs."""
    names: list[str] = []
    configs: dict[str, dict[str, Any]] = {}
    for entry in entries:
        options: dict[str, Any]
        if isinstance(entry, str):
            name, options = entry, {}
        elif isinstance(entry, Mapping) and len(entry) == 1:
            name, options = next(iter(entry.items()))
            options = dict(options or {})
        else:
            raise ConfigError(f"markdown_extensions: cannot read entry {entry!r}")
        if name not in names:
            names.append(name)
        if options:
            configs[name] = options
    return names, configs


def nav_pages(nav: Any) -> tuple[str, ...] | None:
    """The Markdown pages a `nav` lists, in order (`- index.md`, `- Title: page.md`, nested sections)."""
    if nav is None:
        return None
    found: list[str] = []

    def walk(entry: Any) -> None:
        if isinstance(entry, str):
            if entry.endswith(".md") and "://" not in entry:
                found.append(entry)
        elif isinstance(entry, Mapping):
            for value in entry.values():
                walk(value)
        elif isinstance(entry, list):
            for item in entry:
                walk(item)

    walk(nav)
    return tuple(found)


def _i18n_languages(plugins: Any) -> tuple[tuple[str, ...], dict[str, str]]:
    """The i18n block's locales (the default first) and their names."""
    entries = plugins if isinstance(plugins, list) else [plugins] if plugins else []
    for entry in entries:
        if isinstance(entry, Mapping) and "i18n" in entry:
            options = entry["i18n"] or {}
            languages = [lang for lang in options.get("languages") or [] if isinstance(lang, Mapping)]
            default = [lang["locale"] for lang in languages if lang.get("default")]
            others = [lang["locale"] for lang in languages if not lang.get("default")]
            locales = tuple(default + others)
            if len(locales) >= 2:
                return locales, {str(lang["locale"]): str(lang.get("name") or lang["locale"]) for lang in languages}
    raise ConfigError("mkdocs.yml: the i18n plugin with at least two `languages` is not configured")


def load_site_config(config_file: Path, *, use_cache: bool = True) -> SiteConfig:
    """Read mkdocs.yml (tolerating MkDocs' YAML tags) into a `SiteConfig`."""
    try:
        raw = yaml.load(config_file.read_text(encoding="utf-8-sig"), Loader=_TolerantLoader)  # noqa: S506 - SafeLoader subclass
    except OSError as error:
        raise ConfigError(f"cannot read {config_file}: {error}") from error
    except yaml.YAMLError as error:
        raise ConfigError(f"{config_file} is not valid YAML: {error}") from error
    if not isinstance(raw, Mapping):
        raise ConfigError(f"{config_file} is not a YAML mapping")
    root = config_file.resolve().parent
    names, configs = split_extensions(raw.get("markdown_extensions") or [])
    for builtin in reversed(MKDOCS_BUILTIN_EXTENSIONS):
        if builtin not in names:
            names.insert(0, builtin)
    languages, language_names = _i18n_languages(raw.get("plugins"))
    return SiteConfig(
        root=root,
        docs_dir=(root / str(raw.get("docs_dir") or "docs")).resolve(),
        languages=languages,
        language_names=language_names,
        data_dir=root / "data",
        extensions=tuple(names),
        extension_configs=configs,
        lock_path=root / LOCK_FILE_NAME,
        cache_dir=root / CACHE_DIR_NAME if use_cache else None,
        nav_pages=nav_pages(raw.get("nav")),
    )
