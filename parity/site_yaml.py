"""mkdocs.yml as YAML: MkDocs' tags (!ENV, !relative, !!python/name:..., !!python/object/apply:...) and `INHERIT:`,
without importing MkDocs; a file that cannot be read is one ConfigError line naming the file and line."""

from __future__ import annotations

import importlib
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

# `!!python/object/apply:` only builds objects from these packages (the extensions' documented helpers, such as
# pymdownx.slugs.slugify); MkDocs would run any callable, a checker reading someone's mkdocs.yml should not.
APPLY_ALLOWED = ("pymdownx.", "markdown.", "material.")


class ConfigError(Exception):
    """mkdocs.yml is missing or unusable; the CLI exits with status 2."""


class _Unresolved:
    """A `!!python/name:` or `!!python/object/apply:` value that cannot be built here (module not installed)."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return f"<{self.name}: not importable>"


class _TolerantLoader(yaml.SafeLoader):  # type: ignore[misc]  # PyYAML ships untyped
    """A YAML loader that understands the tags MkDocs configs use (!ENV, !relative, !!python/name:...,
    !!python/object/apply:...). `config_dir` is set per file (for !relative)."""

    config_dir: Path = Path(".")


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


def _construct_relative(loader: _TolerantLoader, node: yaml.Node) -> Any:
    """MkDocs' `!relative` (a path relative to the config file's folder; `!relative $config_dir` is that folder)."""
    value = str(loader.construct_scalar(node)) if isinstance(node, yaml.ScalarNode) else ""
    if value in ("", "$config_dir"):
        return str(loader.config_dir)
    if value.startswith("$config_dir/"):
        value = value[len("$config_dir/") :]
    return str(loader.config_dir / value)


def _import(dotted: str) -> Any:
    module_name, _, attribute = dotted.rpartition(".")
    try:
        return getattr(importlib.import_module(module_name), attribute)
    except (ImportError, AttributeError, ValueError):
        return _Unresolved(dotted)


def _construct_python_name(loader: _TolerantLoader, suffix: str, node: yaml.Node) -> Any:
    return _import(suffix)


def _construct_apply(loader: _TolerantLoader, suffix: str, node: yaml.Node) -> Any:
    """`!!python/object/apply:pymdownx.slugs.slugify {kwds: {case: lower}}` (Material's documented toc setting)."""
    args: list[Any] = []
    kwds: dict[str, Any] = {}
    if isinstance(node, yaml.SequenceNode):
        args = loader.construct_sequence(node, deep=True)
    elif isinstance(node, yaml.MappingNode):
        value = loader.construct_mapping(node, deep=True)
        args, kwds = list(value.get("args") or []), dict(value.get("kwds") or {})
    if not suffix.startswith(APPLY_ALLOWED):
        return _Unresolved(suffix)
    target = _import(suffix)
    if isinstance(target, _Unresolved) or not callable(target):
        return _Unresolved(suffix)
    try:
        return target(*args, **kwds)
    except Exception:  # noqa: BLE001 - a bad call in someone's mkdocs.yml is a warning, not a crash
        return _Unresolved(suffix)


def _construct_unknown(loader: _TolerantLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node, deep=True)
    return loader.construct_mapping(node, deep=True)


_TolerantLoader.add_constructor("!ENV", _construct_env)
_TolerantLoader.add_constructor("!relative", _construct_relative)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/name:", _construct_python_name)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/object/apply:", _construct_apply)
_TolerantLoader.add_multi_constructor("!", _construct_unknown)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", _construct_unknown)


def _deep_merge(base: Mapping[str, Any], override: Mapping[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, Mapping) and isinstance(merged.get(key), Mapping):
            merged[key] = _deep_merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def read_yaml(config_file: Path, seen: tuple[Path, ...] = ()) -> Mapping[str, Any]:
    """mkdocs.yml as a mapping (MkDocs' YAML tags understood, `INHERIT:` merged), or one ConfigError line."""
    loader = type("_SiteLoader", (_TolerantLoader,), {"config_dir": config_file.resolve().parent})
    try:
        text = config_file.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        raise ConfigError(f"{config_file}: not UTF-8 (byte {error.start}); save it as UTF-8") from error
    except OSError as error:
        raise ConfigError(f"cannot read {config_file}: {error}") from error
    try:
        raw = yaml.load(text, Loader=loader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = f"{config_file}:{mark.line + 1}" if mark is not None else str(config_file)
        raise ConfigError(f"{where}: not valid YAML: {error.problem or error.context}") from error
    except yaml.YAMLError as error:
        raise ConfigError(f"{config_file} is not valid YAML: {error}") from error
    if not isinstance(raw, Mapping):
        raise ConfigError(f"{config_file} is not a YAML mapping")
    parent = raw.get("INHERIT")
    if parent:
        parent_file = (config_file.parent / str(parent)).resolve()
        if parent_file in seen:
            raise ConfigError(f"{config_file}: INHERIT loops back to {parent_file}")
        base = read_yaml(parent_file, (*seen, config_file.resolve()))
        raw = _deep_merge(base, {key: value for key, value in raw.items() if key != "INHERIT"})
    return raw
