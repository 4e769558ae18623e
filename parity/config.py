"""What the checker needs to know about the site, read from mkdocs.yml without importing MkDocs.

The one MkDocs-free reader of the site's configuration (handbook/site.py wraps it): languages and their i18n
settings (mkdocs-static-i18n 1.x, or 0.x's `default_language` form), the page layout (`docs_structure: folder`
with one folder per language, or `suffix` with `page.<locale>.md` beside `page.md`), nav, Markdown extensions.
Anything it cannot use is one line: a `ConfigError` when there is nothing to check (no i18n plugin, another i18n
plugin, one language), a warning when the check can go on without it (an extension that is not installed).
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any

import yaml

LOCK_FILE_NAME = "parity.lock.json"
CACHE_DIR_NAME = ".parity-cache"
# MkDocs always adds these to the configured extensions (MkDocsConfig.markdown_extensions' builtins).
MKDOCS_BUILTIN_EXTENSIONS = ("toc", "tables", "fenced_code")
FOLDER, SUFFIX = "folder", "suffix"
# mkdocs-static-i18n's default layout when `docs_structure` is not set (its config.py: Choice(..., default="suffix")).
DEFAULT_DOCS_STRUCTURE = SUFFIX
# A locale as mkdocs-static-i18n accepts it (its config.py RE_LOCALE): en, zh-Hant, zh-TW, zh-Hant-TW, pt_BR.
LOCALE = re.compile(r"(^[a-z]{2}(-[A-Za-z]{4})?(-[A-Z]{2})?$)|(^[a-z]{2}_[A-Z]{2}$)")
# Plugins that translate a site some other way; the checker reads only mkdocs-static-i18n's configuration.
OTHER_I18N_PLUGINS = ("mdpo", "i18n-po", "polyglot", "translations", "multilang", "ultralang")
# `!!python/object/apply:` only builds objects from these packages (the extensions' documented helpers, such as
# pymdownx.slugs.slugify); MkDocs would run any callable, a checker reading someone's mkdocs.yml should not.
APPLY_ALLOWED = ("pymdownx.", "markdown.", "material.")


class ConfigError(Exception):
    """mkdocs.yml is missing or unusable; the CLI exits with status 2."""


@dataclass(frozen=True)
class LanguageConfig:
    """One language of the i18n plugin, as mkdocs.yml declares it."""

    locale: str  # "en", "zh-Hant", "pt-BR"; also its folder (folder layout) or file suffix (suffix layout)
    name: str  # the language switcher's label
    default: bool = False
    build: bool = True
    link: str = ""  # where its pages are served: "/" for the default language, "/<locale>/" for the others
    site_name: str | None = None
    site_description: str | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)  # the language's own `extra:` (merged per build)
    nav_translations: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class SiteConfig:
    """The parts of the site configuration the parity checker uses."""

    root: Path  # the folder holding mkdocs.yml
    docs_dir: Path
    languages: tuple[str, ...]  # the default (reference) language first
    extensions: tuple[Any, ...]  # names, as in mkdocs.yml (or extension objects, from the live config)
    extension_configs: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    lock_path: Path = Path(LOCK_FILE_NAME)
    cache_dir: Path | None = None  # None: no on-disk cache
    nav_pages: tuple[str, ...] | None = None  # the pages `nav` lists (None: no nav, MkDocs lists every page)
    language_names: Mapping[str, str] = field(default_factory=dict)  # locale -> name, from the i18n block
    data_dir: Path | None = None  # the site's policy files (parity/policy.py); None: the handbook's own
    docs_structure: str = FOLDER  # mkdocs-static-i18n's layout: "folder" (docs/<locale>/x.md) or "suffix" (x.<locale>.md)
    language_configs: tuple[LanguageConfig, ...] = ()  # the i18n entries, in `languages` order (the default first)
    config_file: Path | None = None
    nav: Any = None  # mkdocs.yml's `nav` as written
    warnings: tuple[str, ...] = ()  # what the check goes on without, one line each (an extension not installed)
    exclude_docs: str | None = None  # MkDocs' `exclude_docs` (gitignore patterns): files that are not pages
    fallback_to_default: bool = False  # the i18n plugin serves the default language's page where a translation lacks one

    def language_name(self, lang: str) -> str:
        return self.language_names.get(lang, lang)

    @property
    def reference(self) -> str:
        """The language every translation is checked against: the i18n plugin's default language."""
        return self.languages[0]

    @property
    def translations(self) -> tuple[str, ...]:
        return self.languages[1:]

    def language(self, lang: str) -> LanguageConfig:
        for entry in self.language_configs:
            if entry.locale == lang:
                return entry
        return LanguageConfig(lang, self.language_name(lang), default=lang == self.reference)

    def lang_dir(self, lang: str) -> Path:
        """The folder a language's pages are in: docs/<locale> (folder layout), docs itself (suffix layout)."""
        return self.docs_dir if self.docs_structure == SUFFIX else self.docs_dir / lang

    def page_path(self, lang: str, rel: str) -> Path:
        """The file of page `rel` ("guide/setup.md") in `lang`, whether it exists or not."""
        if self.docs_structure != SUFFIX:
            return self.docs_dir / lang / rel
        found = self.page_files(lang).get(rel)
        if found is not None:
            return found
        return self.docs_dir / rel if lang == self.reference else self.docs_dir / _suffixed(rel, lang)

    def page_files(self, lang: str) -> dict[str, Path]:
        """Every Markdown page of `lang`: page name ("guide/setup.md", the same in every language) -> file."""
        excluded = _excluded(self.exclude_docs)
        if self.docs_structure != SUFFIX:
            folder = self.docs_dir / lang
            return {rel: folder / rel for rel in _markdown_files(folder) if not excluded(f"{lang}/{rel}")}
        known = {locale.lower() for locale in self.languages}
        found: dict[str, Path] = {}
        for rel in _markdown_files(self.docs_dir):
            if excluded(rel):
                continue
            name, locale = _split_suffix(rel, known)
            if locale is None and lang == self.reference and name not in found:
                found[name] = self.docs_dir / rel  # an unsuffixed page is the default language's
            elif locale is not None and locale.lower() == lang.lower():
                found[name] = self.docs_dir / rel  # page.<default>.md wins over page.md
        return dict(sorted(found.items()))

    def page_name(self, path: Path) -> tuple[str, str] | None:
        """(language, page name) of a file under docs_dir, or None when it is no language's page."""
        try:
            rel = path.resolve().relative_to(self.docs_dir.resolve()).as_posix()
        except ValueError:
            return None
        if self.docs_structure == SUFFIX:
            name, locale = _split_suffix(rel, {locale.lower() for locale in self.languages})
            if locale is None:
                return self.reference, name
            return next((lang for lang in self.languages if lang.lower() == locale.lower()), locale), name
        first, _, rest = rel.partition("/")
        return (first, rest) if first in self.languages and rest else None

    def unlocalised(self, lang: str, target: str) -> str:
        """A link target as the reference language writes it: on a page in `lang`, an absolute link into that
        language's own root (its i18n `link`, /zh/ by default) points where the reference's /... link does."""
        link = self.language(lang).link if lang != self.reference else ""
        if not link or link == "/":
            link = "" if lang == self.reference else f"/{lang}/"
        if link and target.startswith(link):
            return "/" + target[len(link):]
        return target

    def display(self, lang: str, rel: str) -> str:
        """How messages name a page: `zh/duties.md` (folder layout), `duties.zh.md` (suffix layout)."""
        if self.docs_structure != SUFFIX:
            return f"{lang}/{rel}"
        return self.page_path(lang, rel).relative_to(self.docs_dir).as_posix()


def _markdown_files(folder: Path) -> list[str]:
    """Markdown files under `folder` (hidden files and folders left out), relative, sorted, forward slashes."""
    pages: list[str] = []
    if not folder.is_dir():
        return pages
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(name for name in dirnames if not name.startswith("."))
        for name in filenames:
            if name.endswith(".md") and not name.startswith("."):
                pages.append(Path(dirpath, name).relative_to(folder).as_posix())
    return sorted(pages)


def _excluded(patterns: str | None) -> Any:
    """A test for docs-relative paths that MkDocs' `exclude_docs` leaves out (gitignore syntax, via pathspec, which
    MkDocs itself uses)."""
    if not patterns:
        return lambda rel: False
    try:
        import pathspec

        spec = pathspec.GitIgnoreSpec.from_lines(patterns.splitlines())
    except Exception:  # noqa: BLE001 - pathspec missing or a pattern it refuses: nothing is excluded
        return lambda rel: False
    return spec.match_file


def _split_suffix(rel: str, known: set[str]) -> tuple[str, str | None]:
    """("guide/setup.md", "zh-Hant") for "guide/setup.zh-Hant.md"; ("guide/setup.md", None) for an unsuffixed page.

    A suffix that looks like a locale but is not configured still marks the file as another language's (as
    mkdocs-static-i18n does), so it is returned too and matches no configured language."""
    folder, _, name = rel.rpartition("/")
    stem = name[: -len(".md")]
    base, dot, suffix = stem.rpartition(".")
    if dot and base and (suffix.lower() in known or LOCALE.match(suffix)):
        return (f"{folder}/" if folder else "") + base + ".md", suffix
    return rel, None


def _suffixed(rel: str, lang: str) -> str:
    return rel[: -len(".md")] + f".{lang}.md"


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


def _plugin_entries(plugins: Any) -> list[tuple[str, Mapping[str, Any]]]:
    """mkdocs.yml's `plugins` (a list of names or one-key mappings, or a mapping) as (name, options) pairs."""
    if isinstance(plugins, Mapping):
        items = list(plugins.items())
    elif isinstance(plugins, list):
        items = []
        for entry in plugins:
            if isinstance(entry, str):
                items.append((entry, {}))
            elif isinstance(entry, Mapping):
                items += list(entry.items())
    else:
        items = []
    return [(str(name), options if isinstance(options, Mapping) else {}) for name, options in items]


def i18n_options(plugins: Any) -> Mapping[str, Any]:
    """The i18n plugin's options as written (empty when it is not configured)."""
    return next((options for name, options in _plugin_entries(plugins) if name == "i18n"), {})


def read_languages(plugins: Any, where: str = "mkdocs.yml") -> tuple[str, tuple[LanguageConfig, ...]]:
    """The i18n plugin's layout and languages (the default first), or one ConfigError line saying what is missing.

    Reads mkdocs-static-i18n 1.x (`languages:` a list of entries with `locale`) and 0.x (`default_language:` and
    `languages:` a mapping of locale to name, always the suffix layout)."""
    entries = _plugin_entries(plugins)
    names = [name for name, _ in entries]
    options = next((options for name, options in entries if name == "i18n"), None)
    if options is None:
        others = [name for name in names if name in OTHER_I18N_PLUGINS or "i18n" in name or "lang" in name]
        if others:
            raise ConfigError(
                f"{where}: translations come from the `{others[0]}` plugin; the parity checker reads only "
                f"mkdocs-static-i18n's configuration (plugins: - i18n: languages: ...)"
            )
        raise ConfigError(
            f"{where}: the i18n plugin (mkdocs-static-i18n) is not configured, so there are no language pairs to check"
        )
    if options.get("enabled") is False:
        raise ConfigError(f"{where}: the i18n plugin is disabled (enabled: false), so there are no language pairs to check")
    structure = str(options.get("docs_structure") or DEFAULT_DOCS_STRUCTURE)
    if structure not in (FOLDER, SUFFIX):
        raise ConfigError(f"{where}: i18n docs_structure is `{structure}`; mkdocs-static-i18n knows `folder` and `suffix`")
    raw_languages = options.get("languages") or []
    languages: list[LanguageConfig] = []
    if isinstance(raw_languages, Mapping):  # 0.x: {en: English, fr: Français} + default_language
        default = str(options.get("default_language") or "")
        for locale, value in raw_languages.items():
            name = value.get("name") if isinstance(value, Mapping) else value
            languages.append(LanguageConfig(str(locale), str(name or locale), default=str(locale) == default))
        if default and default not in raw_languages:
            languages.insert(0, LanguageConfig(default, default, default=True))
        structure = SUFFIX
    else:
        for entry in raw_languages:
            if not isinstance(entry, Mapping) or not entry.get("locale") or str(entry["locale"]) == "null":
                continue  # "null" is a switcher-only link, not a language with pages
            locale = str(entry["locale"])
            default = bool(entry.get("default"))
            languages.append(
                LanguageConfig(
                    locale=locale,
                    name=str(entry.get("name") or locale),
                    default=default,
                    build=entry.get("build") is not False,
                    link=str(entry.get("link") or ("/" if default else f"/{locale}/")),
                    site_name=entry.get("site_name"),
                    site_description=entry.get("site_description"),
                    extra=dict(entry.get("extra") or {}),
                    nav_translations={str(k): str(v) for k, v in (entry.get("nav_translations") or {}).items()},
                )
            )
    defaults = [language for language in languages if language.default]
    if len(defaults) != 1:
        found = "none" if not defaults else ", ".join(language.locale for language in defaults)
        raise ConfigError(f"{where}: the i18n plugin needs exactly one language with `default: true` (found {found})")
    ordered = defaults + [language for language in languages if not language.default]
    if len(ordered) < 2:
        raise ConfigError(
            f"{where}: the i18n plugin declares only `{ordered[0].locale}`; parity needs at least two languages"
        )
    bad = [language.locale for language in ordered if not LOCALE.match(language.locale)]
    if bad:
        raise ConfigError(f"{where}: `{bad[0]}` is not a locale mkdocs-static-i18n accepts (en, zh-Hant, zh-TW, pt_BR)")
    return structure, tuple(ordered)


def _i18n_languages(plugins: Any) -> tuple[tuple[str, ...], dict[str, str]]:
    """The i18n block's locales (the default first) and their names."""
    _, languages = read_languages(plugins)
    return tuple(language.locale for language in languages), {language.locale: language.name for language in languages}


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


def load_site_config(config_file: Path, *, use_cache: bool = True) -> SiteConfig:
    """Read mkdocs.yml (tolerating MkDocs' YAML tags) into a `SiteConfig`."""
    raw = read_yaml(config_file)
    root = config_file.resolve().parent
    where = config_file.name
    names, configs = split_extensions(raw.get("markdown_extensions") or [])
    names = list(dict.fromkeys([*MKDOCS_BUILTIN_EXTENSIONS, *names]))  # as MkDocs orders them: builtins first
    structure, language_configs = read_languages(raw.get("plugins"), where)
    names, configs, warnings = usable_extensions(names, configs, root, where)
    docs_dir = (root / str(raw.get("docs_dir") or "docs")).resolve()
    if not docs_dir.is_dir():
        warnings.append(f"{where}: docs_dir `{raw.get('docs_dir') or 'docs'}` is not a folder ({docs_dir}): no pages")
    return SiteConfig(
        root=root,
        docs_dir=docs_dir,
        languages=tuple(language.locale for language in language_configs),
        language_names={language.locale: language.name for language in language_configs},
        data_dir=root / "data",
        extensions=tuple(names),
        extension_configs=configs,
        lock_path=root / LOCK_FILE_NAME,
        cache_dir=root / CACHE_DIR_NAME if use_cache else None,
        nav_pages=nav_pages(raw.get("nav")),
        docs_structure=structure,
        language_configs=language_configs,
        config_file=config_file.resolve(),
        nav=raw.get("nav"),
        warnings=tuple(warnings),
        exclude_docs=str(raw["exclude_docs"]) if raw.get("exclude_docs") else None,
        fallback_to_default=i18n_options(raw.get("plugins")).get("fallback_to_default", True) is not False,
    )
