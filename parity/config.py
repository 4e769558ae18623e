"""What the checker needs to know about the site, read from mkdocs.yml without importing MkDocs.

The one MkDocs-free reader of the site's configuration (handbook/site.py wraps it): languages and their i18n
settings (mkdocs-static-i18n 1.x, or 0.x's `default_language` form), the page layout (`docs_structure: folder`
with one folder per language, or `suffix` with `page.<locale>.md` beside `page.md`), nav, Markdown extensions.
Anything it cannot use is one line: a `ConfigError` when there is nothing to check (no i18n plugin, another i18n
plugin, one language), a warning when the check can go on without it (an extension that is not installed).
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# The YAML reader and the extensions are modules of their own; callers keep importing their names from here.
from parity.extensions import MKDOCS_BUILTIN_EXTENSIONS, heading_id_maker, split_extensions, usable_extensions  # noqa: F401
from parity.site_yaml import ConfigError, _TolerantLoader, read_yaml  # noqa: F401

LOCK_FILE_NAME = "parity.lock.json"
CACHE_DIR_NAME = ".parity-cache"
FOLDER, SUFFIX = "folder", "suffix"
# mkdocs-static-i18n's default layout when `docs_structure` is not set (its config.py: Choice(..., default="suffix")).
DEFAULT_DOCS_STRUCTURE = SUFFIX
# A locale as mkdocs-static-i18n accepts it (its config.py RE_LOCALE): en, zh-Hant, zh-TW, zh-Hant-TW, pt_BR.
LOCALE = re.compile(r"(^[a-z]{2}(-[A-Za-z]{4})?(-[A-Z]{2})?$)|(^[a-z]{2}_[A-Z]{2}$)")
# Plugins that translate a site some other way; the checker reads only mkdocs-static-i18n's configuration.
OTHER_I18N_PLUGINS = ("mdpo", "i18n-po", "polyglot", "translations", "multilang", "ultralang")


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
        root = link.rstrip("/")  # /zh/, also as /zh or /zh#top once normalised
        if root and (target.startswith(root + "/") or target == root or target.startswith(root + "#")):
            return "/" + target[len(root):].lstrip("/")
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


def find_config_file(start: Path) -> Path:
    """mkdocs.yml in `start` or the nearest folder above it."""
    start = start.resolve()
    for folder in (start, *start.parents):
        for name in ("mkdocs.yml", "mkdocs.yaml"):
            candidate = folder / name
            if candidate.is_file():
                return candidate
    raise ConfigError(f"no mkdocs.yml in {start} or any folder above it")


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
