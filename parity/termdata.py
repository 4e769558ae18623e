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
from parity.language import is_chinese
from parity.page import Page

DATA_FILE = Path("data") / "terms.yml"
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]+$")
_GLOSS = re.compile(r"^(?P<main>.*?)\s*[（(](?P<gloss>[^()（）]*)[)）]\s*$")


class TermDataError(ConfigError):
    """data/terms.yml or a glossary table cannot be used; the message names the file and line."""


@dataclass(frozen=True)
class Term:
    """One glossary row: its accepted forms in each language and where the row is."""

    name: str  # the first English form: "CMO", "Marketing director"
    forms: Mapping[str, tuple[str, ...]]  # "en" / "zh" -> accepted forms
    key: bool = False

    def label(self, lang: str) -> str:
        forms = self.forms.get("zh" if is_chinese(lang) else "en", ())
        return forms[0] if forms else self.name


@dataclass(frozen=True)
class Forbidden:
    variant: str
    preferred: str
    lang: str
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
    """(English cell, Chinese cell, line) of every body row of every table on a glossary page."""
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


def load_terminology(path: Path, glossary_units: Mapping[str, Page], source: str = DATA_FILE.as_posix()
                     ) -> Terminology | None:
    """Read the terminology file `path` (named `source` in messages) with the glossary pages (lang -> page); None
    when there is no such file (the term rules then do not run)."""
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

    # The term pairs: the rows of the default-language glossary (the other glossary must match it: P12-glossary).
    default = next(iter(glossary_units), None)
    if default is None:
        raise TermDataError(f"{source}:{_line_of(text, 'glossary:')}: the glossary page {glossary} does not exist; "
                            f"the term pairs are read from its tables (docs/<language>/{glossary})")
    rows = _glossary_rows(glossary_units[default]) if default else []
    by_name: dict[str, tuple[list[str], list[str]]] = {}
    for english, chinese, _ in rows:
        en_forms = list(split_forms(english))
        zh_forms = list(split_forms(chinese))
        if not en_forms:
            continue
        if _ACRONYM.match(en_forms[0]):
            zh_forms.append(en_forms[0])  # Chinese pages may write the abbreviation itself
        by_name[en_forms[0].lower()] = (en_forms, zh_forms)

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
        raise TermDataError(f"{source}:{_line_of(text, 'variants:')}: variants must map a glossary term to en/zh lists")
    for name, per_lang in variants.items():
        if name == "__line__":
            continue
        line = _line_of(text, f"{name}:")
        if str(name).lower() not in by_name:
            raise TermDataError(f"{source}:{line}: variants: “{name}” is not the English term of any glossary row")
        if not isinstance(per_lang, dict):
            raise TermDataError(f"{source}:{line}: variants: “{name}” needs en: [...] and/or zh: [...]")
        en_forms, zh_forms = by_name[str(name).lower()]
        for lang, values in per_lang.items():
            if lang == "__line__":
                continue
            if lang not in ("en", "zh"):
                raise TermDataError(f"{source}:{line}: variants: “{name}” has language `{lang}`; use en or zh")
            (en_forms if lang == "en" else zh_forms).extend(_strings(values, f"{source}:{line}: variants: {name}.{lang}"))
    keys = {str(name).lower() for name in key_names}
    terms = tuple(
        Term(
            name=en_forms[0],
            forms={"en": tuple(dict.fromkeys(en_forms)), "zh": tuple(dict.fromkeys(zh_forms))},
            key=lowered in keys,
        )
        for lowered, (en_forms, zh_forms) in by_name.items()
    )

    forbidden: list[Forbidden] = []
    for entry in data.get("forbidden") or []:
        line = entry.get("__line__", 1) if isinstance(entry, dict) else 1
        if not isinstance(entry, dict) or not all(isinstance(entry.get(k), str) and entry.get(k) for k in
                                                  ("variant", "preferred", "lang", "reason")):
            raise TermDataError(f"{source}:{line}: forbidden: each entry needs variant, preferred, lang and reason")
        forbidden.append(Forbidden(entry["variant"], entry["preferred"], entry["lang"], entry["reason"]))

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
    return Terminology(source, glossary, terms, tuple(forbidden), tuple(exemptions))


@dataclass(frozen=True)
class TermMatch:
    term: Term
    form: str  # as written on the page


class TermMatcher:
    """Finds the key terms in text of one language: whole words in English (any case, optional plural -s/-es),
    anywhere in Chinese; an English form on a Chinese page (CMO) is matched as a whole word. Each term is looked
    for on its own and the longest match wins: "sales and marketing director" is one term, not also "marketing
    director"."""

    def __init__(self, terms: Sequence[Term], lang: str) -> None:
        self.lang = "zh" if is_chinese(lang) else "en"
        self._patterns: list[tuple[Term, re.Pattern[str]]] = []
        self._anchors: list[tuple[str, ...]] = []
        for term in terms:
            if not term.key:
                continue
            forms = sorted({self._normal(form) for form in term.forms.get(self.lang, ())}, key=len, reverse=True)
            pieces = []
            for form in forms:
                escaped = re.escape(form).replace(r"\ ", r"[\s\-]+")
                if re.search(r"[A-Za-z0-9]", form):
                    pieces.append(rf"(?<![A-Za-z0-9]){escaped}(?:e?s)?(?![A-Za-z0-9])")
                else:
                    pieces.append(escaped)
            if pieces:
                # A word each form must contain (any letter case): a cheap substring test before the regex.
                anchors = tuple({max(re.split(r"[\s\-]+", form), key=len) for form in forms})
                self._patterns.append((term, re.compile("|".join(pieces), re.IGNORECASE)))
                self._anchors.append(anchors)
        # One search for any form first: most units name no key term at all.
        self._any = re.compile("|".join(f"(?:{p.pattern})" for _, p in self._patterns), re.IGNORECASE) if self._patterns else None

    @staticmethod
    def _normal(form: str) -> str:
        return " ".join(form.lower().replace("-", " ").split())

    def matches(self, text: str) -> list[TermMatch]:
        """Every use of a key term in `text`, in order; where matches overlap, the longest wins: "sales and
        marketing director" is one term, not also "marketing director"."""
        if self._any is None or not self._any.search(text):
            return []
        lowered = self._normal(text) if "-" in text else " ".join(text.lower().split())
        candidates = [(term, m) for (term, pattern), anchors in zip(self._patterns, self._anchors)
                      if any(anchor in lowered for anchor in anchors) for m in pattern.finditer(text)]
        candidates.sort(key=lambda tm: (-(tm[1].end() - tm[1].start()), tm[1].start()))
        taken: list[tuple[int, int, TermMatch]] = []
        for term, m in candidates:
            if not any(m.start() < end and start < m.end() for start, end, _ in taken):
                taken.append((m.start(), m.end(), TermMatch(term, m.group())))
        return [match for _, _, match in sorted(taken, key=lambda entry: entry[0])]

    def find(self, text: str) -> dict[str, TermMatch]:
        """Term name -> the first match of that term in `text`."""
        found: dict[str, TermMatch] = {}
        for match in self.matches(text):
            found.setdefault(match.term.name, match)
        return found
