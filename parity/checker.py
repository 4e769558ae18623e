"""Run every rule over a site: render each page once into a `Page` (cached, in parallel when there are many),
then run each enabled rule's checks: site checks once, page checks per page, pair checks per page pair."""

from __future__ import annotations

import hashlib
import multiprocessing
import os
from collections.abc import Iterable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import markdown

from parity.cache import Cache, code_fingerprint, page_key
from parity.config import SUFFIX, ConfigError, SiteConfig
from parity.documents import load_document
from parity.findings import Finding
from parity.lock import LockComparison, LockEntry, compare, read_lock
from parity.page import Page
from parity.policy import Policy, load_policy
from parity.registry import RULES, Check, Rule, all_rules
from parity.render import Renderer
from parity.run import Run
from parity.termdata import load_terminology

PARALLEL_THRESHOLD = 200  # below this many pages to render, a process pool costs more than it saves


@dataclass(frozen=True)
class PairStatus:
    """One page pair as the status page shows it."""

    rel: str
    titles: Mapping[str, str]  # lang -> title (empty when the page is missing)
    present: tuple[str, ...]  # languages that have the page
    lock: LockComparison  # its `reason` says why a one-sided change was locked, if it was
    findings: int  # findings of the page and pair rules other than P9-stale


@dataclass
class CheckResult:
    findings: list[Finding] = field(default_factory=list)
    pairs: list[PairStatus] = field(default_factory=list)
    languages: tuple[str, ...] = ()
    pages: dict[tuple[str, str], Page] = field(default_factory=dict)
    policy: Policy = field(default_factory=Policy)
    rules: tuple[str, ...] = ()  # the rules this check ran, in order
    notes: list[str] = field(default_factory=list)  # what the check left out, one line each (a language's terms)

    @property
    def summaries(self) -> dict[tuple[str, str], Page]:  # the name parity.changes and older callers use
        return self.pages

    @property
    def also_reported_by_mkdocs(self) -> list[Finding]:
        """Findings a MkDocs build reports by itself (broken links and anchors, pages outside nav): the CLI
        reports them so that its verdict is the strict build's; the build hook leaves them to MkDocs."""
        return [finding for finding in self.findings if finding.also_reported_by_mkdocs]

    @property
    def ok(self) -> bool:
        return not self.findings


def _stable(value: Any) -> str:
    """repr() without memory addresses, so functions in extension configs give the same fingerprint every run."""
    if isinstance(value, Mapping):
        return "{" + ",".join(f"{_stable(k)}:{_stable(v)}" for k, v in sorted(value.items(), key=lambda kv: str(kv[0]))) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ",".join(_stable(v) for v in value) + "]"
    if callable(value) or isinstance(value, type):
        return f"{getattr(value, '__module__', '?')}.{getattr(value, '__qualname__', type(value).__name__)}"
    if isinstance(value, (str, int, float, bool)) or value is None:
        return repr(value)
    return type(value).__qualname__


def _file_bytes(path: Path | None) -> bytes:
    return path.read_bytes() if path is not None and path.is_file() else b"-"


def settings_fingerprint(site: SiteConfig, policy: Policy | None = None) -> str:
    """What every cached page and finding depends on besides the pages: the checker's code, the Markdown
    libraries, the site's extensions and its policy files."""
    import pymdownx

    policy = policy if policy is not None else load_policy(site.data_dir)
    parts = [code_fingerprint(), markdown.__version__, getattr(pymdownx, "__version__", "?"),
             _stable(list(site.extensions)), _stable(dict(site.extension_configs)), _stable(sorted(site.languages))]
    digest = hashlib.sha256("|".join(parts).encode())
    for path in (policy.source, policy.terms_file):
        digest.update(b"\0" + _file_bytes(path))
    digest.update(_stable({rule: dict(entry) for rule, entry in policy.help.items()}).encode())
    return digest.hexdigest()


def inputs_fingerprint(site: SiteConfig) -> tuple[Any, ...]:
    """Everything a check reads, cheaply (paths, sizes and modification times of the pages, the lock and the
    policy files; the settings): a check with the same fingerprint gives the same result."""
    entries: list[tuple[str, int, int]] = []
    files = [(f"{lang}/{rel}", path) for lang in site.languages for rel, path in site.page_files(lang).items()]
    if site.data_dir is not None and site.data_dir.is_dir():
        files += [(f"data/{path.name}", path) for path in sorted(site.data_dir.glob("*.yml"))]
    if site.lock_path.exists():
        files.append((site.lock_path.name, site.lock_path))
    for name, path in files:
        stat = path.stat()
        entries.append((name, stat.st_size, stat.st_mtime_ns))
    return (tuple(entries), settings_fingerprint(site))


# --- rendering, in worker processes when there are many pages ---------------------------------------------------

_worker_renderer: Renderer | None = None


def _init_worker(extensions: Sequence[Any], configs: Mapping[str, Mapping[str, Any]], tables: frozenset[str]) -> None:
    global _worker_renderer
    _worker_renderer = Renderer(extensions, configs, tables)


def _render_in_worker(job: tuple[str, str, bytes]) -> Page:
    assert _worker_renderer is not None
    return _worker_renderer.page(load_document(Path("."), *job))


def render_pages(site: SiteConfig, policy: Policy, jobs: Sequence[tuple[str, str, bytes]], cache: Cache,
                 workers: int | None = None) -> dict[tuple[str, str], Page]:
    """(lang, rel) -> Page for (lang, rel, raw bytes) jobs; pages not in the cache are rendered."""
    result: dict[tuple[str, str], Page] = {}
    todo = []
    for lang, rel, raw in jobs:
        page = cache.get("page:" + page_key(lang, rel, raw))
        if page is None:
            todo.append((lang, rel, raw))
        else:
            result[(lang, rel)] = page
    if workers is None:
        workers = min(os.cpu_count() or 1, 4) if len(todo) >= PARALLEL_THRESHOLD else 1
    fresh: Iterable[Page]
    if todo and workers > 1 and "fork" in multiprocessing.get_all_start_methods():
        with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork"),
                                 initializer=_init_worker,
                                 initargs=(site.extensions, site.extension_configs, policy.bilingual_tables)) as pool:
            fresh = list(pool.map(_render_in_worker, todo, chunksize=max(1, len(todo) // (workers * 8))))
    elif todo:  # loading the Markdown extensions is worth it only when there is a page to render
        renderer = Renderer(site.extensions, site.extension_configs, policy.bilingual_tables)
        fresh = [renderer.page(load_document(Path("."), lang, rel, raw)) for lang, rel, raw in todo]
    else:
        fresh = []
    for (lang, rel, raw), page in zip(todo, fresh):
        result[(lang, rel)] = page
        cache.put("page:" + page_key(lang, rel, raw), page)
    if site.docs_structure == SUFFIX:  # messages name the real file: guide/setup.zh.md, not zh/guide/setup.md
        result = {(lang, rel): replace(page, display=site.display(lang, rel)) for (lang, rel), page in result.items()}
    return result


# --- the check -----------------------------------------------------------------------------------------------


def read_pages(site: SiteConfig) -> dict[str, dict[str, bytes]]:
    """lang -> rel -> raw bytes of every page."""
    return {
        lang: {rel: path.read_bytes() for rel, path in site.page_files(lang).items()}
        for lang in site.languages
    }


def enabled_rules(policy: Policy) -> list[Rule]:
    return [rule for rule in all_rules() if policy.enabled(rule.id, rule.house_style, rule.default)]


class _CachedChecks:
    """Runs page and pair checks, reusing findings stored for the same pages' bytes and the same rule data."""

    def __init__(self, run: Run, cache: Cache, keys: Mapping[tuple[str, str], str], data_key: str) -> None:
        self.run, self.cache, self.keys, self.data_key = run, cache, keys, data_key

    def __call__(self, rule: Rule, check: Check, *pages: Page | None) -> list[Finding]:
        key = ":".join(["findings", rule.id, f"{check.__module__}.{check.__qualname__}", self.data_key]
                       + [self.keys[(page.lang, page.rel)] if page else "-" for page in pages])
        findings = self.cache.get(key)
        if findings is None:
            findings = check(*pages, self.run)
            self.cache.put(key, findings)
        return list(findings)


def check_pages(site: SiteConfig, pages: Mapping[str, Mapping[str, bytes]], lock: Mapping[str, LockEntry],
                workers: int | None = None) -> CheckResult:
    """Run every enabled rule over the given pages; `pages` maps lang -> rel -> raw bytes."""
    languages = site.languages
    all_rules()  # declares every rule, so the policy can name them
    policy = load_policy(site.data_dir, RULES)
    rules = enabled_rules(policy)
    cache = Cache(site.cache_dir, settings_fingerprint(site, policy))
    jobs = [(lang, rel, raw) for lang in languages for rel, raw in pages.get(lang, {}).items()]
    keys = {(lang, rel): page_key(lang, rel, raw) for lang, rel, raw in jobs}
    rendered = render_pages(site, policy, jobs, cache, workers)
    run = Run(site, policy, rendered, {lang: list(pages.get(lang, {})) for lang in languages}, lock)
    if policy.terms_file is not None and any(rule.house_style for rule in rules):
        glossary = _glossary_name(policy.terms_file)
        run.terminology = load_terminology(
            policy.terms_file, {lang: rendered[(lang, glossary)] for lang in languages if (lang, glossary) in rendered},
            policy.terms_file.relative_to(site.root).as_posix() if policy.terms_file.is_relative_to(site.root)
            else str(policy.terms_file), languages)
    data = hashlib.sha256(str(sorted(keys.get((lang, run.terminology.glossary), "-") for lang in languages)
                              if run.terminology else "-").encode()).hexdigest()
    checked = _CachedChecks(run, cache, keys, data)
    result = CheckResult(languages=languages, pages=rendered, policy=policy, rules=tuple(rule.id for rule in rules))
    if run.terminology is not None:
        result.notes += [f"no glossary for {lang} ({run.terminology.glossary}): the terms rules P10-terms and "
                         f"P12-glossary skip it"
                         for lang in run.terminology.skipped]
    for rule in rules:
        result.findings += [finding for scope, check in rule.checks if scope == "site" for finding in check(run)]
    default, others = languages[0], languages[1:]
    for rel in sorted(set().union(*(set(pages.get(lang, {})) for lang in languages))):
        present = {lang: rendered[(lang, rel)] for lang in languages if (lang, rel) in rendered}
        pair_findings: list[Finding] = []
        for page in present.values():
            counterpart = run.counterpart(page)
            pair_findings += [finding for rule in rules for scope, check in rule.checks if scope == "page"
                              for finding in checked(rule, check, page, counterpart)]
        for lang in others:
            if default in present and lang in present:
                pair_findings += [finding for rule in rules for scope, check in rule.checks if scope == "pair"
                                  for finding in checked(rule, check, present[lang], present[default])]
        result.findings += pair_findings
        result.pairs.append(PairStatus(
            rel=rel, titles={lang: page.title for lang, page in present.items()}, present=tuple(present),
            lock=compare(lock.get(rel), {lang: page.content_hash for lang, page in present.items()}, default),
            findings=len(pair_findings),
        ))
    cache.save()
    result.findings = [with_hint(finding, policy) for finding in result.findings]
    return result


def _glossary_name(terms_file: Path) -> str:
    import yaml

    try:
        text = terms_file.read_text(encoding="utf-8-sig") if terms_file.is_file() else ""
        data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506 - safe
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return "glossary.md"  # load_terminology reports the problem with its line
    return str(data.get("glossary") or "glossary.md") if isinstance(data, dict) else "glossary.md"


def how_to(rule_id: str, policy: Policy) -> str:
    """What to do about a rule's findings: the site's own words (data/rule-help.yml), else the declaration's."""
    return str(policy.help.get(rule_id, {}).get("how_to") or RULES[rule_id].how_to)


def with_hint(finding: Finding, policy: Policy) -> Finding:
    """The finding with its hint (named by the rule, worded in its declaration or the site's rule help) added."""
    if finding.hint is None:
        return finding
    name, values = finding.hint
    text = (policy.help.get(finding.rule, {}).get("hints") or {}).get(name) or RULES[finding.rule].hints.get(name)
    if text is None:
        raise ConfigError(f"rule {finding.rule} has no hint `{name}`: declare it with the rule")
    return replace(finding, message=f"{finding.message}; {str(text).format(**dict(values))}", hint=None)


def check_site(site: SiteConfig, workers: int | None = None) -> CheckResult:
    """Check the whole site as it is on disk."""
    return check_pages(site, read_pages(site), read_lock(site.lock_path), workers)
