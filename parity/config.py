"""What the checker needs to know about the site, read from mkdocs.yml without importing MkDocs.

The one MkDocs-free reader of the site's configuration (handbook/site.py wraps it): languages and their i18n
settings (mkdocs-static-i18n 1.x, or 0.x's `default_language` form), the page layout (`docs_structure: folder`
with one folder per language, or `suffix` with `page.<locale>.md` beside `page.md`), nav, Markdown extensions.
Anything it cannot use is one line: a `ConfigError` when there is nothing to check (no i18n plugin, another i18n
plugin, one language), a warning when the check can go on without it (an extension that is not installed).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# The YAML reader and the extensions are modules of their own; callers keep importing their names from here.
from parity.extensions import MKDOCS_BUILTIN_EXTENSIONS, heading_id_maker, split_extensions, usable_extensions  # noqa: F401
from parity.i18n import FOLDER, LOCALE, SUFFIX, LanguageConfig, i18n_options, read_languages  # noqa: F401
from parity.site_yaml import ConfigError, _TolerantLoader, read_yaml  # noqa: F401

LOCK_FILE_NAME = "parity.lock.json"
CACHE_DIR_NAME = ".parity-cache"
# MkDocs 1.6's defaults for `validation:` (mkdocs/config/defaults.py): only these kinds fail a strict build.
MKDOCS_VALIDATION_DEFAULTS = {
    ("nav", "omitted_files"): "info", ("nav", "not_found"): "warn", ("nav", "absolute_links"): "info",
    ("links", "not_found"): "warn", ("links", "anchors"): "info", ("links", "absolute_links"): "info",
    ("links", "unrecognized_links"): "info",
}


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
    validation: Mapping[str, Any] | None = None  # mkdocs.yml's `validation:` (None: every kind is a warning)

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

    def validation_level(self, kind: str, name: str) -> str:
        """What MkDocs 1.6 does with a kind of link problem here: "warn" (a strict build fails), "info" or "ignore".

        `kind` is "nav" or "links"; `name` e.g. "omitted_files". A flat `validation: omitted_files: warn` applies
        to both kinds, as in MkDocs. Without a `validation:` read (the build hook), everything is a warning."""
        if self.validation is None:
            return "warn"
        nested = self.validation.get(kind)
        for source in (nested if isinstance(nested, Mapping) else {}, self.validation):
            if name in source and not isinstance(source[name], Mapping):
                return str(source[name])
        return MKDOCS_VALIDATION_DEFAULTS.get((kind, name), "warn")

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
        validation=dict(raw.get("validation") or {}),
    )
