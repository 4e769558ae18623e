"""mkdocs.yml's Markdown extensions as the check can use them: names and settings, the ones not installed here left
out with a warning line each, pymdownx.snippets' base_path made relative to the site, and toc's heading ids."""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Mapping, Sequence
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any

from parity.site_yaml import ConfigError, _Unresolved

# MkDocs always adds these to the configured extensions (MkDocsConfig.markdown_extensions' builtins).
MKDOCS_BUILTIN_EXTENSIONS = ("toc", "tables", "fenced_code")


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


def heading_id_maker(extension_configs: Mapping[str, Mapping[str, Any]]) -> Any:
    """`make(text, used) -> id`: the id toc gives a heading without an explicit one, with the site's own toc
    settings (its `slugify` and `separator`) and toc's de-duplication against the ids already used on the page
    (a second “概述” gets `_1` after `_`... exactly as toc numbers them). `make` adds the id to `used`."""
    from markdown.extensions.toc import slugify, unique

    options: Mapping[str, Any] = {}
    for name, value in extension_configs.items():
        if name in ("toc", "markdown.extensions.toc"):
            options = value
    slug = options.get("slugify") or slugify
    separator = str(options.get("separator", "-"))
    if isinstance(slug, _Unresolved) or not callable(slug):
        slug = slugify

    def make(text: str, used: set[str]) -> str:
        return str(unique(slug(text, separator), used))

    return make


def _extension_available(name: str) -> bool:
    """Whether Python-Markdown can load extension `name` here (an entry point, or an importable module path)."""
    if any(point.name == name for point in entry_points(group="markdown.extensions")):
        return True
    module = name.split(":", 1)[0]
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        return False


def _unresolved_in(value: Any) -> list[str]:
    if isinstance(value, _Unresolved):
        return [value.name]
    if isinstance(value, Mapping):
        return [name for item in value.values() for name in _unresolved_in(item)]
    if isinstance(value, (list, tuple)):
        return [name for item in value for name in _unresolved_in(item)]
    return []


def _without_unresolved(value: Any) -> Any:
    """The value with every unbuildable setting left out (a list entry holding one is left out whole)."""
    if isinstance(value, Mapping):
        return {key: _without_unresolved(item) for key, item in value.items() if not isinstance(item, _Unresolved)}
    if isinstance(value, list):
        return [_without_unresolved(item) for item in value if not _unresolved_in(item)]
    return value


def usable_extensions(
    names: Sequence[str], configs: Mapping[str, Mapping[str, Any]], root: Path, where: str = "mkdocs.yml"
) -> tuple[list[str], dict[str, dict[str, Any]], list[str]]:
    """The extensions the check can render with, their settings, and a warning line for each one left out.

    An extension that is not installed is left out; a setting whose Python object cannot be built here is left
    out; an extension that Python-Markdown refuses with these settings is left out. pymdownx.snippets' base_path is
    made relative to the site (MkDocs reads it relative to the folder it runs in, which is the site's)."""
    import markdown

    kept: list[str] = []
    kept_configs: dict[str, dict[str, Any]] = {}
    warnings: list[str] = []
    for name in names:
        options = dict(configs.get(name) or {})
        if not _extension_available(name):
            warnings.append(f"{where}: Markdown extension `{name}` is not installed here; checking without it")
            continue
        missing = _unresolved_in(options)
        if missing:
            warnings.append(
                f"{where}: `{name}` setting {', '.join(f'`{m}`' for m in dict.fromkeys(missing))} cannot be loaded "
                f"here (not installed); checking without that setting"
            )
            options = _without_unresolved(options)
        if name == "pymdownx.snippets":
            base = options.get("base_path", ["."])
            bases = [base] if isinstance(base, (str, os.PathLike)) else list(base or [])
            options["base_path"] = [str(root / str(path)) for path in bases] or [str(root)]
            options.setdefault("check_paths", False)
        try:
            markdown.Markdown(extensions=[name], extension_configs={name: options} if options else {})
        except Exception as error:  # noqa: BLE001 - someone's extension settings must not crash the check
            warnings.append(f"{where}: Markdown extension `{name}` cannot be loaded ({type(error).__name__}: {error}); checking without it")
            continue
        kept.append(name)
        if options:
            kept_configs[name] = options
    return kept, kept_configs, warnings
