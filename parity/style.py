"""P11-style: the style rules CONTRIBUTING documents, checked per page.

- Chinese typography (a space between Chinese and Latin letters or digits, full-width punctuation in Chinese text)
  with AutoCorrect (autocorrect-py), the maintained linter for CJK copywriting. It lints the Markdown as Markdown
  (code, links and front-matter keys are left alone); a table row is judged cell by cell, so the English cells of
  the glossary's bilingual tables are not held to Chinese rules.
- American spelling on English pages, with the British→American word list of `eng` (orsinium-labs/eng).
- Description length: ≤ 160 characters in English, ≤ 80 in Chinese.
- Admonition titles in the page's own language.
- A `nav_translations` entry, for every language but the default, for every nav section.

Exemptions (with their reasons) are in data/terms.yml.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import autocorrect_py
import eng

import yaml

from parity.config import ConfigError, _TolerantLoader
from parity.findings import Finding, Location
from parity.language import is_chinese
from parity.page import Page, counterpart_labels
from parity.registry import declare
from parity.rule_language import untranslated_copy
from parity.run import Run
from parity.source import outside_fences
from parity.termdata import Terminology

STYLE = declare(
    "P11-style", "Chinese typography, American spelling, description length, admonition titles and nav section "
    "names in each language", house_style=True,
    how_to="Apply the correction the message gives (AutoCorrect's for Chinese typography, the American spelling, "
    "a shorter description, a title in the page's language, a nav_translations entry); a proper name keeps its "
    "own spelling: add it to data/terms.yml's exemptions with the reason.",
)
RULE = STYLE.id
LINT_CHUNK_LINES = 2000  # well below where AutoCorrect's parser gives up (see _lint)
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN_LETTER = re.compile(r"[A-Za-z]")
_SPELLING_SKIP = re.compile(r"`[^`]*`|\]\([^)]*\)|<[^>]*>|\{[^}]*\}|https?://\S+|^\s*\[\^?[^\]]*\]:\s*\S+")


def _configure_autocorrect(exempt_texts: Sequence[str]) -> None:
    """AutoCorrect's settings: its default rules, with our exempt texts turned off."""
    # autocorrect-py exports load_config, but its type stub does not declare it.
    autocorrect_py.load_config(json.dumps({"textRules": {text: 0 for text in exempt_texts}}))  # type: ignore[attr-defined]


def _excerpt(old: str, new: str, context: int = 8) -> tuple[str, str]:
    """The changed part of a line, with a little context on each side."""
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    opcodes = [op for op in matcher.get_opcodes() if op[0] != "equal"]
    if not opcodes:
        return old, new
    start_a, end_a = opcodes[0][1], opcodes[-1][2]
    start_b, end_b = opcodes[0][3], opcodes[-1][4]
    left = max(0, start_a - context)
    shift = start_a - left
    return old[left:end_a + context].strip(), new[start_b - shift:end_b + context].strip()


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def _lint(lines: list[str], first: int = 0) -> Iterator[tuple[int, Any]]:
    """AutoCorrect's problems, (line offset, problem), linting at most LINT_CHUNK_LINES lines at a time.

    AutoCorrect parses Markdown with pest under a call limit: a parse of a page of some 8,000-10,000 lines fails
    with "call limit reached" (a ValueError), at a size that depends on the text and, in one process, on what was
    parsed before (the same 10,000 lines passed once, then failed on every later call: a long-running `mkdocs
    serve` rebuilding a huge page). That crashed the check. The page is cut at blank lines, which end every
    Markdown block the lint cares about; a part that still fails is cut in halves."""
    start = 0
    while start < len(lines):
        end = min(start + LINT_CHUNK_LINES, len(lines))
        while end < min(len(lines), start + 2 * LINT_CHUNK_LINES) and lines[end - 1].strip():
            end += 1  # to the end of the paragraph, table or list
        try:
            problems = autocorrect_py.lint_for("\n".join(lines[start:end]), "md").lines
        except ValueError:
            if end - start == 1:
                problems = []  # one line AutoCorrect cannot read: nothing to say about it
            else:
                middle = (end - start) // 2
                yield from _lint(lines[start:start + middle], first + start)
                yield from _lint(lines[start + middle:end], first + start + middle)
                start = end
                continue
        yield from ((first + start, problem) for problem in problems)
        start = end


def check_chinese_typography(display: str, rel: str, text: str, terminology: Terminology | None) -> list[Finding]:
    """AutoCorrect's lint of a Chinese page; table rows are judged cell by cell, and only cells with Chinese."""
    exempt = [e.text for e in terminology.exemptions_for(RULE, rel) if e.text] if terminology else []
    _configure_autocorrect(exempt)
    findings: list[Finding] = []
    # Indentation means nothing to typography, but to CommonMark an admonition's 4-space-indented body is code,
    # which AutoCorrect would skip; fenced code is blanked out (AutoCorrect lints ```text blocks). Lines keep
    # their numbers.
    kept = dict(outside_fences(text))
    lines = [kept[number].strip() if number in kept else "" for number in range(1, text.count("\n") + 2)]
    for first, problem in _lint(lines):
        old_lines = problem.old.split("\n")
        new_lines = problem.new.split("\n")
        for offset, (old, new) in enumerate(zip(old_lines, new_lines)):
            if old == new:
                continue
            number = first + problem.line + offset
            source = lines[number - 1] if 0 < number <= len(lines) else old
            changes: list[tuple[str, str]] = []
            if source.lstrip().startswith("|"):
                for cell in _cells(source):
                    if _HAN.search(cell):
                        fixed = autocorrect_py.format(cell)
                        if fixed != cell:
                            changes.append(_excerpt(cell, fixed))
            else:
                changes.append(_excerpt(old, new))
            for before, after in changes:
                if any(phrase in before for phrase in exempt):
                    continue
                findings.append(
                    Finding(
                        RULE,
                        Location(display, number),
                        f"Chinese typography: “{before}” should be “{after}” (a space between Chinese and Latin "
                        f"letters or digits; full-width punctuation in Chinese text; checked by AutoCorrect)",
                    )
                )
    return findings


def check_spelling(display: str, rel: str, text: str, terminology: Terminology | None) -> list[Finding]:
    """American spelling on an English page (code, URLs, link targets and ids are skipped)."""
    exempt = [e.text for e in terminology.exemptions_for(RULE, rel) if e.text] if terminology else []
    findings: list[Finding] = []
    numbered = outside_fences(text)
    joined = "\n".join(_SPELLING_SKIP.sub(" ", line) for _, line in numbered)
    for phrase in exempt:  # an exempt phrase may be wrapped over two lines
        pattern = re.escape(phrase).replace(r"\ ", r"\s+")
        joined = re.sub(pattern, lambda m: re.sub(r"[^\n]", " ", m.group()), joined, flags=re.IGNORECASE)
    by_row: dict[int, list[str]] = {}  # one pass of eng over the page; its rows are the lines of `joined`
    for replacement in eng.TextFixer(content=joined).replacements:
        if replacement.word_from != replacement.word_to:
            by_row.setdefault(replacement.row, []).append(f"“{replacement.word_from}” → “{replacement.word_to}”")
    for row, fixes in sorted(by_row.items()):
        number = numbered[row][0]
        if fixes:
            findings.append(
                Finding(
                    RULE,
                    Location(display, number),
                    f"British spelling on an English page: {', '.join(dict.fromkeys(fixes))}; the handbook uses "
                    f"American spelling (a proper name keeps its own: add it to data/terms.yml's exemptions "
                    f"with the reason)",
                )
            )
    return findings


def check_description(display: str, lang: str, front_matter: Mapping[str, str] | None, text: str,
                      limit: int | None) -> list[Finding]:
    """The description is at most `limit` characters (the policy's description_limits for the language)."""
    if not front_matter or not front_matter.get("description") or limit is None:
        return []
    description = " ".join(front_matter["description"].split())
    if len(description) <= limit:
        return []
    line = next((n for n, l in enumerate(text.split("\n"), start=1) if l.startswith("description:")), 2)
    return [
        Finding(
            RULE,
            Location(display, line),
            f"description is {len(description)} characters; the limit is {limit} in "
            f"{'Chinese' if is_chinese(lang) else 'English'} (search engines cut longer ones): shorten it to one "
            f"sentence",
        )
    ]


def check_admonition_titles(units: Page, labels: Mapping[str, str] | None = None) -> list[Finding]:
    """Admonition titles are in the page's own language. `labels` names sections as the default language's page
    does (section key -> heading path), like the other rules' messages."""
    findings: list[Finding] = []
    chinese = is_chinese(units.lang)
    for section in units.sections:
        for title in section.titles:
            has_han = bool(_HAN.search(title.text))
            if chinese and not has_han and _LATIN_LETTER.search(title.text):
                what = f"admonition title “{title.text}” is not in Chinese; write it in Chinese (e.g. “编者注”)"
            elif not chinese and has_han:
                what = f"admonition title “{title.text}” is not in English; write it in English (e.g. “Editorial note”)"
            else:
                continue
            label = (labels or {}).get(section.key, section.label)
            findings.append(Finding(RULE, Location(units.display, title.line or section.line), what, section=label))
    return findings


def _nav_sections(nav: Any) -> list[str]:
    sections: list[str] = []
    if isinstance(nav, list):
        for entry in nav:
            if isinstance(entry, Mapping):
                for title, value in entry.items():
                    if isinstance(value, list):
                        sections.append(str(title))
                        sections += _nav_sections(value)
    return sections


def check_nav_translations(config_file: Path, raw: Mapping[str, Any], default: str) -> list[Finding]:
    """Every nav section has a `nav_translations` entry in every other language of the i18n plugin."""
    sections = _nav_sections(raw.get("nav"))
    if not sections:
        return []
    try:
        text = config_file.read_text(encoding="utf-8-sig")
    except OSError:
        text = ""
    languages: list[Mapping[str, Any]] = []
    plugins = raw.get("plugins") or []
    for entry in plugins if isinstance(plugins, list) else []:
        if isinstance(entry, Mapping) and "i18n" in entry:
            languages = [lang for lang in (entry["i18n"] or {}).get("languages") or [] if isinstance(lang, Mapping)]
    findings: list[Finding] = []
    for language in languages:
        locale = str(language.get("locale"))
        if locale == default or language.get("default"):
            continue
        translations = language.get("nav_translations") or {}
        for title in sections:
            if title in translations:
                continue
            line = next((n for n, l in enumerate(text.split("\n"), start=1) if re.match(rf"\s*-\s*{re.escape(title)}\s*:", l)), None)
            findings.append(
                Finding(
                    RULE,
                    Location(config_file.name, line),
                    f"nav section “{title}” has no {language.get('name') or locale} name: add `{title}: …` under "
                    f"nav_translations of the `{locale}` language in the i18n plugin (otherwise that menu shows it "
                    f"in the default language)",
                )
            )
    return findings


@STYLE.page
def check_page_style(page: Page, other: Page | None, run: Run) -> list[Finding]:
    """Typography (Chinese) or spelling (English), description length and admonition titles of one page."""
    if untranslated_copy(page, other, run):
        return []  # P7 reports an untranslated copy once, for the whole page
    terminology = run.terminology
    findings: list[Finding] = []
    if is_chinese(page.lang):
        findings += check_chinese_typography(page.display, page.rel, page.text, terminology)
    else:
        findings += check_spelling(page.display, page.rel, page.text, terminology)
    findings += check_description(page.display, page.lang, page.front_matter, page.text,
                                  run.policy.description_limit(page.lang))
    labels = counterpart_labels(page, other) if page.lang != run.default else {}
    return findings + check_admonition_titles(page, labels)


@STYLE.site
def check_nav_section_names(run: Run) -> list[Finding]:
    """A nav_translations entry for every nav section, in every language but the default."""
    for name in ("mkdocs.yml", "mkdocs.yaml"):
        config_file = run.site.root / name
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
    return check_nav_translations(config_file, raw, run.default)
