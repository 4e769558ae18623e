"""The meaning-level rules over a whole site: P10-terms, P11-style and P12-glossary.

`MeaningCheck` reads the terminology (the glossary tables plus data/terms.yml) and runs the rules per page and per
page pair; parity.checker calls it next to P1–P9. Each page's units (parity.units) are rendered once, and the
findings are cached in .parity-cache/units.json by the pages' bytes and the rule data, so an unchanged page costs
a lookup.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import asdict
from pathlib import Path
from typing import Any

import yaml

from parity import style, terms
from parity.config import ConfigError, SiteConfig, _TolerantLoader
from parity.documents import decode
from parity.findings import Finding, Location
from parity.language import is_chinese
from parity.structure import PageSummary
from parity.termdata import DATA_FILE, TermDataError, TermMatcher, Terminology, load_terminology
from parity.units import PageUnits, UnitsCache, all_units

DEFAULT_GLOSSARY = "glossary.md"


def _glossary_name(root: Path) -> str:
    path = root / DATA_FILE
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8-sig")) if path.is_file() else None
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return DEFAULT_GLOSSARY  # load_terminology reports the problem with its line
    return str(data.get("glossary") or DEFAULT_GLOSSARY) if isinstance(data, dict) else DEFAULT_GLOSSARY


def _to_json(findings: list[Finding]) -> list[dict[str, Any]]:
    return [asdict(finding) for finding in findings]


def _from_json(data: list[dict[str, Any]]) -> list[Finding]:
    def location(value: dict[str, Any] | None) -> Location | None:
        return Location(value["file"], value["line"]) if value else None

    findings = []
    for item in data:
        where = location(item["where"])
        assert where is not None
        findings.append(Finding(item["rule"], where, item["message"], location(item["other"]), item["section"]))
    return findings


class MeaningCheck:
    """Everything the meaning-level rules need, prepared once per check."""

    def __init__(self, site: SiteConfig, pages: Mapping[str, Mapping[str, bytes]], settings: str) -> None:
        self.site = site
        self.pages = pages
        self.cache = UnitsCache(site.cache_dir, settings)
        self.glossary = _glossary_name(site.root)
        self.keys = {
            (lang, rel): self.cache.key(lang, rel, raw) for lang in site.languages for rel, raw in pages.get(lang, {}).items()
        }
        digest = hashlib.sha256()
        data_file = site.root / DATA_FILE
        digest.update(data_file.read_bytes() if data_file.is_file() else b"-")
        for lang in site.languages:
            digest.update(b"\0" + self.keys.get((lang, self.glossary), "-").encode())
        self.rules_key = digest.hexdigest()  # the rule data: data/terms.yml and the glossary pages
        self._units: dict[tuple[str, str], PageUnits] = {}
        self._terminology: Terminology | None = None
        self._terminology_loaded = False
        self._matchers: dict[str, TermMatcher] = {}
        # Render, in one pass (in parallel when many), every page whose findings are not cached.
        default, others = site.languages[0], site.languages[1:]
        needed = {key for key in self.keys if self.cache.get_raw(self._page_key(key)) is None}
        for rel in pages.get(default, {}):
            for lang in others:
                if (lang, rel) in self.keys and self.cache.get_raw(self._pair_key((lang, rel), (default, rel))) is None:
                    needed |= {(lang, rel), (default, rel)}
        if needed:
            needed |= {(lang, self.glossary) for lang in site.languages if (lang, self.glossary) in self.keys}
            self._load_units(sorted(needed))

    def _page_key(self, key: tuple[str, str]) -> str:
        return f"page:{self.keys[key]}:{self.rules_key}"

    def _pair_key(self, first: tuple[str, str], second: tuple[str, str]) -> str:
        return f"pair:{self.keys[first]}:{self.keys[second]}:{self.rules_key}"

    def _load_units(self, wanted: list[tuple[str, str]]) -> None:
        jobs = [(lang, rel, self.pages[lang][rel]) for lang, rel in wanted if (lang, rel) not in self._units]
        if jobs:
            self._units.update(all_units(self.site.extensions, self.site.extension_configs, jobs, self.cache))

    def units(self, lang: str, rel: str) -> PageUnits:
        if (lang, rel) not in self._units:
            self._load_units([(lang, rel)])
        return self._units[(lang, rel)]

    @property
    def terminology(self) -> Terminology | None:
        if not self._terminology_loaded:
            glossary_units = {
                lang: self.units(lang, self.glossary) for lang in self.site.languages if (lang, self.glossary) in self.keys
            }
            self._terminology = load_terminology(self.site.root, glossary_units)
            self._terminology_loaded = True
        return self._terminology

    def matcher(self, lang: str) -> TermMatcher | None:
        terminology = self.terminology
        if terminology is None:
            return None
        if lang not in self._matchers:
            self._matchers[lang] = TermMatcher(terminology.terms, lang)
        return self._matchers[lang]

    def check_page(self, page: PageSummary) -> list[Finding]:
        """Rules about one page on its own: forbidden variants, typography, spelling, description, titles."""
        key = (page.lang, page.rel)
        if key not in self.keys:
            return []
        cached = self.cache.get_raw(self._page_key(key))
        if cached is not None:
            return _from_json(cached)
        findings = self._check_page(page)
        self.cache.put_raw(self._page_key(key), _to_json(findings))
        return findings

    def _check_page(self, page: PageSummary) -> list[Finding]:
        lang, rel, display = page.lang, page.rel, page.display
        text = decode(self.pages[lang][rel])[0]
        terminology = self.terminology
        findings: list[Finding] = []
        if terminology is not None:
            findings += terms.check_forbidden(display, lang, rel, text, terminology)
        if is_chinese(lang):
            findings += style.check_chinese_typography(display, rel, text, terminology)
        else:
            findings += style.check_spelling(display, rel, text, terminology)
        findings += style.check_description(display, lang, page.front_matter, text)
        default = self.site.languages[0]
        labels = {}
        if lang != default and (default, rel) in self.keys:
            labels = {section.key: section.label for section in self.units(default, rel).sections}
        findings += style.check_admonition_titles(self.units(lang, rel), labels)
        return findings

    def check_pair(self, first: PageSummary, second: PageSummary) -> list[Finding]:
        """Rules comparing the two language versions of one page: P10-terms, and P12-glossary on the glossary."""
        key_a, key_b = (first.lang, first.rel), (second.lang, second.rel)
        if key_a not in self.keys or key_b not in self.keys:
            return []
        cache_key = self._pair_key(key_a, key_b)
        cached = self.cache.get_raw(cache_key)
        if cached is not None:
            return _from_json(cached)
        findings: list[Finding] = []
        terminology = self.terminology
        if terminology is not None:
            units_a, units_b = self.units(*key_a), self.units(*key_b)
            matcher_a, matcher_b = self.matcher(key_a[0]), self.matcher(key_b[0])
            assert matcher_a is not None and matcher_b is not None
            findings += terms.check_terms(units_a, units_b, terminology, matcher_a, matcher_b)
            if first.rel == self.glossary:
                findings += terms.check_glossary(units_a, units_b)
        self.cache.put_raw(cache_key, _to_json(findings))
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

    def finish(self) -> None:
        """Write the cache."""
        self.cache.save()


__all__ = ["MeaningCheck", "TermDataError"]
