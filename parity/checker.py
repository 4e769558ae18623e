"""Run every rule over a site: load pages, summarise them (cached, in parallel when there are many), compare."""

from __future__ import annotations

import hashlib
import multiprocessing
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import markdown

from parity import rules
from parity.cache import SummaryCache
from parity.config import SiteConfig
from parity.documents import load_document
from parity.findings import Finding
from parity.lock import LockComparison, LockEntry, compare, pair_entry, read_lock
from parity.meaning import MeaningCheck
from parity.policy import Policy, load_policy
from parity.structure import SUMMARY_VERSION, PageSummary, Renderer

PARALLEL_THRESHOLD = 200  # below this many pages to render, a process pool costs more than it saves


@dataclass(frozen=True)
class PairStatus:
    """One page pair as the status page shows it."""

    rel: str
    titles: Mapping[str, str]  # lang -> title (empty when the page is missing)
    present: tuple[str, ...]  # languages that have the page
    lock: LockComparison  # its `reason` says why a one-sided change was locked, if it was
    findings: int  # findings other than P9-stale


@dataclass
class CheckResult:
    findings: list[Finding] = field(default_factory=list)
    pairs: list[PairStatus] = field(default_factory=list)
    languages: tuple[str, ...] = ()
    summaries: dict[tuple[str, str], PageSummary] = field(default_factory=dict)
    policy: Policy = field(default_factory=Policy)
    # Findings that a MkDocs build reports by itself (broken links and anchors): the CLI reports them so that its
    # verdict is the strict build's; the build hook leaves them to MkDocs, so each is said once.
    also_reported_by_mkdocs: list[Finding] = field(default_factory=list)

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


def _code_fingerprint() -> str:
    """A hash of this package's source, so a changed checker never reuses summaries made by an older one."""
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def settings_fingerprint(site: SiteConfig) -> str:
    import pymdownx

    parts = [
        str(SUMMARY_VERSION),
        _code_fingerprint(),
        markdown.__version__,
        getattr(pymdownx, "__version__", "?"),
        _stable(list(site.extensions)),
        _stable(dict(site.extension_configs)),
        _stable(sorted(load_policy(site.data_dir).bilingual_tables)),
    ]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()


# --- rendering in worker processes ---------------------------------------------------------------------------

_worker_renderer: Renderer | None = None


def _init_worker(
    extensions: Sequence[Any], extension_configs: Mapping[str, Mapping[str, Any]], bilingual_tables: frozenset[str]
) -> None:
    global _worker_renderer
    _worker_renderer = Renderer(extensions, extension_configs, bilingual_tables)


def _summarise_in_worker(job: tuple[str, str, bytes]) -> PageSummary:
    assert _worker_renderer is not None
    lang, rel, raw = job
    return _worker_renderer.summarise(load_document(Path("."), lang, rel, raw))


def summarise_pages(
    site: SiteConfig, jobs: Sequence[tuple[str, str, bytes]], workers: int | None = None
) -> list[PageSummary]:
    """Summaries for (lang, rel, raw bytes) jobs, cached by content, rendered in a process pool when many."""
    policy = load_policy(site.data_dir)
    cache = SummaryCache(site.cache_dir, settings_fingerprint(site))
    results: list[PageSummary | None] = []
    todo: list[int] = []
    keys: list[str] = []
    for index, (lang, rel, raw) in enumerate(jobs):
        key = cache.key(lang, rel, raw)
        keys.append(key)
        summary = cache.get(key)
        results.append(summary)
        if summary is None:
            todo.append(index)
    if todo:
        if workers is None:
            workers = min(os.cpu_count() or 1, 4) if len(todo) >= PARALLEL_THRESHOLD else 1
        fresh: Iterable[PageSummary]
        if workers > 1 and "fork" in multiprocessing.get_all_start_methods():
            with ProcessPoolExecutor(
                max_workers=workers,
                mp_context=multiprocessing.get_context("fork"),
                initializer=_init_worker,
                initargs=(site.extensions, site.extension_configs, policy.bilingual_tables),
            ) as pool:
                chunk = max(1, len(todo) // (workers * 8))
                fresh = list(pool.map(_summarise_in_worker, (jobs[i] for i in todo), chunksize=chunk))
        else:
            renderer = Renderer(site.extensions, site.extension_configs, policy.bilingual_tables)
            fresh = [renderer.summarise(load_document(Path("."), jobs[i][0], jobs[i][1], jobs[i][2])) for i in todo]
        for index, summary in zip(todo, fresh):
            results[index] = summary
            cache.put(keys[index], summary)
    cache.save()
    return [summary for summary in results if summary is not None]


# --- the check -----------------------------------------------------------------------------------------------


def read_pages(site: SiteConfig) -> dict[str, dict[str, bytes]]:
    """lang -> rel -> raw bytes of every page."""
    return {
        lang: {rel: path.read_bytes() for rel, path in site.page_files(lang).items()}
        for lang in site.languages
    }


def check_pages(
    site: SiteConfig,
    pages: Mapping[str, Mapping[str, bytes]],
    lock: Mapping[str, LockEntry],
    workers: int | None = None,
) -> CheckResult:
    """Run every rule over the given pages; `pages` maps lang -> rel -> raw bytes."""
    languages = site.languages
    jobs = [(lang, rel, raw) for lang in languages for rel, raw in pages.get(lang, {}).items()]
    summaries = {(s.lang, s.rel): s for s in summarise_pages(site, jobs, workers)}
    policy = load_policy(site.data_dir)
    result = CheckResult(languages=languages, summaries=summaries, policy=policy)
    result.findings.extend(
        rules.check_every_page_exists({lang: list(pages.get(lang, {})) for lang in languages}, site.language_name)
    )
    result.also_reported_by_mkdocs = rules.check_link_targets(summaries) + rules.check_nav(
        site.nav_pages, {lang: list(pages.get(lang, {})) for lang in languages}
    )
    result.findings.extend(result.also_reported_by_mkdocs)
    meaning = MeaningCheck(site, pages, settings_fingerprint(site))  # P10-terms, P11-style, P12-glossary
    result.findings.extend(meaning.check_site())

    default, others = languages[0], languages[1:]
    all_rels = sorted(set().union(*(set(pages.get(lang, {})) for lang in languages)))
    for rel in all_rels:
        present = {lang: summaries[(lang, rel)] for lang in languages if (lang, rel) in summaries}
        pair_findings: list[Finding] = []
        for lang, page in present.items():
            counterpart = present.get(default) if lang != default else next(
                (present[o] for o in others if o in present), None
            )
            pair_findings += rules.check_encoding(page, counterpart)
            pair_findings += rules.check_language(page, counterpart)
            pair_findings += meaning.check_page(page)
        if default in present:
            second = present[default]
            for other_lang in others:
                if other_lang not in present:
                    continue
                first = present[other_lang]
                for rule in _PAIR_RULES:
                    pair_findings += rule(first, second)
                pair_findings += meaning.check_pair(first, second)
        lock_result = compare(lock.get(rel), {lang: page.content_hash for lang, page in present.items()}, default)
        stale_findings = []
        for other_lang in others:  # each translation against the reference, on its own lock record
            if default in present and other_lang in present:
                stale_findings += rules.check_stale(
                    rel, {default: present[default], other_lang: present[other_lang]}, pair_entry(lock.get(rel), default, other_lang)
                )
        result.findings += pair_findings + stale_findings
        result.pairs.append(
            PairStatus(
                rel=rel,
                titles={lang: (page.front_matter or {}).get("title", "") for lang, page in present.items()},
                present=tuple(present),
                lock=lock_result,
                findings=len(pair_findings),
            )
        )
    meaning.finish()
    result.findings = [with_hint(finding, policy) for finding in result.findings]
    return result


def with_hint(finding: Finding, policy: Policy) -> Finding:
    """The finding with its how-to (named by the rule, worded in data/rule-help.yml) added to its message."""
    if finding.hint is None:
        return finding
    name, values = finding.hint
    return replace(finding, message=f"{finding.message}; {policy.hint(finding.rule, name, **dict(values))}", hint=None)


_PAIR_RULES: tuple[Callable[[PageSummary, PageSummary], list[Finding]], ...] = (
    rules.check_front_matter,
    rules.check_headings,
    rules.check_blocks,
    rules.check_links,
    rules.check_figures,
)


def check_site(site: SiteConfig, workers: int | None = None) -> CheckResult:
    """Check the whole site as it is on disk."""
    return check_pages(site, read_pages(site), read_lock(site.lock_path), workers)
