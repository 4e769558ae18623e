"""The i18n plugin's block of mkdocs.yml (mkdocs-static-i18n 1.x, or 0.x's `default_language` form): its layout and
its languages, the default first. Nothing to check is one ConfigError line: no i18n plugin, another i18n plugin,
one language, no default."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from parity.site_yaml import ConfigError

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
