"""The terminology the meaning-level rules use: term pairs read from the glossary pages' tables, plus the rule data
in data/terms.yml (key terms, extra accepted forms, forbidden variants, exemptions with their reasons).

Bad data is a `TermDataError` whose message names the file and line, e.g.
`data/terms.yml:14: key_terms: “Marketing directer” is not a row of the glossary (en/glossary.md)`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from parity.config import ConfigError
from parity.language import best_match
from parity.page import Page
from parity.termmatch import TermMatch, TermMatcher

__all__ = ["Exemption", "Forbidden", "Term", "TermDataError", "TermMatch", "TermMatcher", "Terminology", "load_terminology"]

DATA_FILE = Path("data") / "terms.yml"
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]+$")
_GLOSS = re.compile(r"^(?P<main>.*?)\s*[（(](?P<gloss>[^()（）]*)[)）]\s*$")


class TermDataError(ConfigError):
    """data/terms.yml or a glossary table cannot be used; the message names the file and line."""


@dataclass(frozen=True)
class Term:
    """One glossary row: its accepted forms in each language and where the row is."""

    name: str  # the first English form: "CMO", "Marketing director"
    forms: Mapping[str, tuple[str, ...]]  # language code ("en", "zh", "zh-Hant") -> accepted forms
    key: bool = False

    def label(self, lang: str) -> str:
        code = best_match(lang, self.forms)
        forms = self.forms.get(code, ()) if code else ()
        return forms[0] if forms else self.name


@dataclass(frozen=True)
class Forbidden:
    variant: str
    preferred: str
    lang: str  # a language code the site declares
    reason: str


@dataclass(frozen=True)
class Exemption:
    rule: str
    reason: str
    page: str | None = None
    text: str | None = None
    line: int = 0  # where it is written in data/terms.yml

    def covers(self, rule: str, page: str, text: str | None = None) -> bool:
        if rule != self.rule or (self.page is not None and self.page != page):
            return False
        return self.text is None or (text is not None and self.text in text)


@dataclass(frozen=True)
class Terminology:
    source: str  # "data/terms.yml"
    glossary: str  # "glossary.md"
    terms: tuple[Term, ...] = ()
    forbidden: tuple[Forbidden, ...] = ()
    exemptions: tuple[Exemption, ...] = ()
    languages: tuple[str, ...] = ()  # the languages with terms: the reference and each translation with its own
    skipped: tuple[str, ...] = ()  # translations with no glossary page and no variants: the term rules skip them

    def covers(self, lang: str) -> bool:
        """Whether `lang` has terms of its own (a Traditional page never gets Simplified ones)."""
        return lang in self.languages

    def exempt(self, rule: str, page: str, text: str | None = None) -> bool:
        return any(exemption.covers(rule, page, text) for exemption in self.exemptions)

    def exemptions_for(self, rule: str, page: str) -> list[Exemption]:
        return [e for e in self.exemptions if e.rule == rule and (e.page is None or e.page == page)]


def split_forms(cell: str) -> tuple[str, ...]:
    """“CMO (Chief Marketing Officer)” -> (CMO, Chief Marketing Officer); “《营销师国家职业标准》” -> both with and
    without the title marks."""
    cell = " ".join(cell.split())
    forms: list[str] = []
    match = _GLOSS.match(cell)
    if match and match.group("main"):
        forms += [match.group("main"), match.group("gloss")]
    else:
        forms.append(cell)
    for form in list(forms):
        bare = form.strip("《》“”\"")
        if bare and bare != form:
            forms.append(bare)
    return tuple(dict.fromkeys(form.strip() for form in forms if form.strip()))


def _glossary_rows(units: Page) -> list[tuple[str, str, int | None]]:
    """(column 1, column 2, line) of every body row of every table on a glossary page: the reference language's
    term, then the page's own language's."""
    rows: list[tuple[str, str, int | None]] = []
    for section in units.sections:
        for table in section.tables:
            for row in table[1:]:
                if len(row) >= 2:
                    rows.append((row[0].text, row[1].text, row[0].line))
    return rows


class _Loader(yaml.SafeLoader):  # type: ignore[misc]  # PyYAML ships untyped
    """Keeps each mapping's line, so that messages can name it."""


class _FastLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """The same with libyaml, when PyYAML has it; a problem is worded by _Loader."""


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping: dict[str, Any] = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_FastLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _line_of(text: str, needle: str) -> int:
    for number, line in enumerate(text.split("\n"), start=1):
        if needle in line:
            return number
    return 1


def _strings(value: Any, where: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return list(value)
    raise TermDataError(f"{where}: expected a list of words, e.g. [board, boards]")


def load_terminology(path: Path, glossary_units: Mapping[str, Page], source: str = DATA_FILE.as_posix(),
                     languages: Sequence[str] = ()) -> Terminology | None:
    """Read the terminology file `path` (named `source` in messages) with the glossary pages (lang -> page) of the
    site's `languages` (the reference first); None when there is no such file (the term rules then do not run)."""
    if not path.is_file():
        return None
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise TermDataError(f"{source}: cannot be read as UTF-8 ({error})") from error
    try:
        try:
            data = yaml.load(text, Loader=_FastLoader)  # noqa: S506 - a safe loader
        except yaml.YAMLError:
            data = yaml.load(text, Loader=_Loader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark is not None else 1
        raise TermDataError(f"{source}:{line}: not valid YAML: {error.problem or error.context}") from error
    except yaml.YAMLError as error:  # pragma: no cover - every parse error is a MarkedYAMLError
        raise TermDataError(f"{source}: not valid YAML: {error}") from error
    if not isinstance(data, dict):
        raise TermDataError(f"{source}:1: expected a mapping with glossary, key_terms, variants, forbidden, exemptions")
    known = {"glossary", "key_terms", "variants", "forbidden", "exemptions", "__line__"}
    for key in data:
        if key not in known:
            raise TermDataError(f"{source}:{_line_of(text, str(key) + ':')}: unknown key `{key}`; expected one of "
                                f"{', '.join(sorted(known - {'__line__'}))}")
    glossary = str(data.get("glossary") or "glossary.md")

    # The terms: column 1 of the reference glossary; each language's forms from its own glossary page (column 2 of
    # a translation's page, which P12-glossary keeps row for row with the reference's).
    codes = list(languages) if languages else list(glossary_units)
    default = codes[0] if codes and codes[0] in glossary_units else next(iter(glossary_units), None)
    if default is None:
        raise TermDataError(f"{source}:{_line_of(text, 'glossary:')}: the glossary page {glossary} does not exist; "
                            f"the term pairs are read from its tables (docs/<language>/{glossary})")
    by_name: dict[str, dict[str, list[str]]] = {}
    for reference, _, _ in _glossary_rows(glossary_units[default]):
        forms = list(split_forms(reference))
        if forms:
            by_name[forms[0].lower()] = {default: forms}
    for lang, page in glossary_units.items():
        if lang == default:
            continue
        for reference, own, _ in _glossary_rows(page):
            forms = list(split_forms(reference))
            if forms and forms[0].lower() in by_name:  # a row the reference lacks is P12-glossary's to report
                by_name[forms[0].lower()].setdefault(lang, []).extend(split_forms(own))

    def declared(code: Any, line: int, what: str) -> str:
        match = best_match(str(code), codes) if isinstance(code, str) else None
        if match is None:
            raise TermDataError(f"{source}:{line}: {what} has language `{code}`; the site declares "
                                f"{', '.join(codes)}")
        return match

    key_names = data.get("key_terms") or []
    if not isinstance(key_names, list):
        raise TermDataError(f"{source}:{_line_of(text, 'key_terms:')}: key_terms must be a list of glossary terms")
    for name in key_names:
        if str(name).lower() not in by_name:
            raise TermDataError(
                f"{source}:{_line_of(text, str(name))}: key_terms: “{name}” is not the English term of any row in "
                f"the glossary tables ({default}/{glossary}); write it as the row's English column starts"
            )
    variants = data.get("variants") or {}
    if not isinstance(variants, dict):
        raise TermDataError(f"{source}:{_line_of(text, 'variants:')}: variants must map a glossary term to lists "
                            f"per language code")
    with_variants: set[str] = set()
    for name, per_lang in variants.items():
        if name == "__line__":
            continue
        line = _line_of(text, f"{name}:")
        if str(name).lower() not in by_name:
            raise TermDataError(f"{source}:{line}: variants: “{name}” is not the English term of any glossary row")
        if not isinstance(per_lang, dict):
            raise TermDataError(f"{source}:{line}: variants: “{name}” needs lists per language code, e.g. en: [...]")
        for lang, values in per_lang.items():
            if lang == "__line__":
                continue
            code = declared(lang, _line_of(text[text.find(f"{name}:"):], f"{lang}:") + line - 1,
                            f"variants: “{name}”")
            with_variants.add(code)
            by_name[str(name).lower()].setdefault(code, []).extend(
                _strings(values, f"{source}:{line}: variants: {name}.{lang}"))
    own = [lang for lang in codes if lang == default or lang in glossary_units or lang in with_variants]
    keys = {str(name).lower() for name in key_names}
    terms = []
    for lowered, forms in by_name.items():
        name = forms[default][0]
        if _ACRONYM.match(name):  # a translation may write the abbreviation itself (CMO)
            for lang in own:
                if lang != default:
                    forms.setdefault(lang, []).append(name)
        terms.append(Term(name=name, forms={lang: tuple(dict.fromkeys(forms.get(lang, ()))) for lang in own},
                          key=lowered in keys))

    forbidden: list[Forbidden] = []
    for entry in data.get("forbidden") or []:
        line = entry.get("__line__", 1) if isinstance(entry, dict) else 1
        if not isinstance(entry, dict) or not all(isinstance(entry.get(k), str) and entry.get(k) for k in
                                                  ("variant", "preferred", "lang", "reason")):
            raise TermDataError(f"{source}:{line}: forbidden: each entry needs variant, preferred, lang and reason")
        lang = declared(entry["lang"], line, f"forbidden: “{entry['variant']}”")
        forbidden.append(Forbidden(entry["variant"], entry["preferred"], lang, entry["reason"]))

    exemptions: list[Exemption] = []
    for entry in data.get("exemptions") or []:
        line = entry.get("__line__", 1) if isinstance(entry, dict) else 1
        if not isinstance(entry, dict) or not isinstance(entry.get("rule"), str):
            raise TermDataError(f"{source}:{line}: exemptions: each entry needs a rule (P10-terms, P11-style, ...)")
        reason = entry.get("reason")
        if not isinstance(reason, str) or not reason.strip():
            raise TermDataError(f"{source}:{line}: exemptions: every exemption needs its reason (reason: ...)")
        if entry.get("page") is None and entry.get("text") is None:
            raise TermDataError(f"{source}:{line}: exemptions: say what is exempt: a page, a text, or both")
        exemptions.append(Exemption(entry["rule"], reason.strip(), entry.get("page"), entry.get("text"), line))
    return Terminology(source, glossary, tuple(terms), tuple(forbidden), tuple(exemptions), tuple(own),
                       tuple(lang for lang in codes if lang not in own))
