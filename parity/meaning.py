"""The meaning-level rules over a whole site: P10-terms, P11-style and P12-glossary.

`MeaningCheck` renders each page's units once (cached in .parity-cache/units.json), reads the terminology (the
glossary tables plus data/terms.yml) and runs the rules per page pair; parity.checker calls it next to P1–P9.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from parity import style, terms
from parity.config import ConfigError, SiteConfig, _TolerantLoader
from parity.documents import decode
from parity.findings import Finding
from parity.language import is_chinese
from parity.structure import PageSummary, Renderer
from parity.termdata import DATA_FILE, TermDataError, Terminology, load_terminology
from parity.units import PageUnits, UnitsCache, all_units

DEFAULT_GLOSSARY = "glossary.md"


def _glossary_name(root: Path) -> str:
    path = root / DATA_FILE
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8-sig")) if path.is_file() else None
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return DEFAULT_GLOSSARY  # load_terminology reports the problem with its line
    return str(data.get("glossary") or DEFAULT_GLOSSARY) if isinstance(data, dict) else DEFAULT_GLOSSARY


class MeaningCheck:
    """Everything the meaning-level rules need, prepared once per check."""

    def __init__(self, site: SiteConfig, pages: Mapping[str, Mapping[str, bytes]], settings: str) -> None:
        self.site = site
        self.pages = pages
        jobs = [(lang, rel, raw) for lang in site.languages for rel, raw in pages.get(lang, {}).items()]
        cache = UnitsCache(site.cache_dir, settings)
        self.units: dict[tuple[str, str], PageUnits] = all_units(
            lambda: Renderer(site.extensions, site.extension_configs), jobs, cache
        )
        self.glossary = _glossary_name(site.root)
        glossary_units = {
            lang: self.units[(lang, self.glossary)] for lang in site.languages if (lang, self.glossary) in self.units
        }
        self.terminology: Terminology | None = load_terminology(site.root, glossary_units)
        self._texts: dict[tuple[str, str], str] = {}

    def text(self, lang: str, rel: str) -> str:
        key = (lang, rel)
        if key not in self._texts:
            self._texts[key] = decode(self.pages[lang][rel])[0]
        return self._texts[key]

    def check_page(self, page: PageSummary) -> list[Finding]:
        """Rules about one page on its own: forbidden variants, typography, spelling, description, titles."""
        lang, rel, display = page["lang"], page["rel"], page["display"]
        if (lang, rel) not in self.units:
            return []
        text = self.text(lang, rel)
        findings: list[Finding] = []
        if self.terminology is not None:
            findings += terms.check_forbidden(display, lang, rel, text, self.terminology)
        if is_chinese(lang):
            findings += style.check_chinese_typography(display, rel, text, self.terminology)
        else:
            findings += style.check_spelling(display, rel, text, self.terminology)
        findings += style.check_description(display, lang, page["front_matter"], text)
        findings += style.check_admonition_titles(self.units[(lang, rel)])
        return findings

    def check_pair(self, first: PageSummary, second: PageSummary) -> list[Finding]:
        """Rules comparing the two language versions of one page: P10-terms, and P12-glossary on the glossary."""
        key_a, key_b = (first["lang"], first["rel"]), (second["lang"], second["rel"])
        if key_a not in self.units or key_b not in self.units:
            return []
        units_a, units_b = self.units[key_a], self.units[key_b]
        findings: list[Finding] = []
        if self.terminology is not None:
            findings += terms.check_terms(units_a, units_b, self.terminology)
            if first["rel"] == self.glossary:
                findings += terms.check_glossary(units_a, units_b)
        return findings

    def check_site(self) -> list[Finding]:
        """Site-wide rules: a nav_translations entry for every nav section."""
        for name in ("mkdocs.yml", "mkdocs.yaml"):
            config_file = self.site.root / name
            if config_file.is_file():
                break
        else:
            return []
        try:
            raw: Any = yaml.load(config_file.read_text(encoding="utf-8-sig"), Loader=_TolerantLoader)  # noqa: S506
        except (OSError, yaml.YAMLError) as error:
            raise ConfigError(f"{config_file.name}: cannot be read: {error}") from error
        if not isinstance(raw, Mapping):
            return []
        return style.check_nav_translations(config_file, raw, self.site.languages[0])


__all__ = ["MeaningCheck", "TermDataError"]
