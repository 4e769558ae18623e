"""Lighthouse on one page, its report summarised into typed results. A benchmark, not a test.

Lighthouse 13 comes from the npm registry into bench/node_modules (`cd bench && npm ci`) and runs Chromium from
CHROME_PATH (default /usr/bin/chromium) with the tests' flags, plus a host-resolver rule: Chromium's own background
traffic (sign-in, component and network-time checks) ignores the flags and still tries to reach Google; resolving
every host but loopback to nothing keeps it off the internet.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from tests.browser import CHROMIUM_FLAGS

BENCH = Path(__file__).resolve().parent
LIGHTHOUSE_CLI = BENCH / "node_modules" / "lighthouse" / "cli" / "index.js"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
METRICS = ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift",
           "speed-index")
DEFAULT_CHROME = "/usr/bin/chromium"
OFFLINE_FLAG = "--host-resolver-rules='MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost'"
CHROME_FLAGS = " ".join(["--headless=new", *CHROMIUM_FLAGS, OFFLINE_FLAG])


@dataclass(frozen=True)
class FailingAudit:
    id: str
    title: str
    score: float
    weight: float  # its weight in the category's score (0: shown but not scored)
    display: str  # Lighthouse's displayValue, e.g. "230 ms"
    items: list[str]  # the elements or resources it points at


@dataclass
class LighthouseResult:
    scores: dict[str, int | None] = field(default_factory=dict)  # category → 0–100
    failing: dict[str, list[FailingAudit]] = field(default_factory=dict)  # category under 100 → its failing audits
    diagnostics: dict[str, list[str]] = field(default_factory=dict)  # where main-thread time and LCP go
    metrics: dict[str, str | None] = field(default_factory=dict)  # METRICS → display value
    warnings: list[str] = field(default_factory=list)
    runtime_error: str | None = None
    error: str | None = None  # Lighthouse did not run to the end: nothing else is set


def lighthouse_ready() -> str | None:
    """None when Lighthouse can run, else what to do about it."""
    if shutil.which("node") is None:
        return "Node.js is missing: install it (`apt-get install nodejs npm`), then `cd bench && npm ci`."
    if not LIGHTHOUSE_CLI.is_file():
        return "Lighthouse is not installed: run `cd bench && npm ci` (or skip it with --no-lighthouse)."
    chrome = os.environ.get("CHROME_PATH", DEFAULT_CHROME)
    if not Path(chrome).is_file():
        return f"no Chromium at CHROME_PATH={chrome}: `apt-get install chromium`, or set CHROME_PATH."
    return None


def run_lighthouse(url: str) -> LighthouseResult:
    """Lighthouse (mobile, default config) on one page, summarised."""
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as out:
        return _run(url, Path(out) / "report.json")


def _run(url: str, report: Path) -> LighthouseResult:
    chrome = os.environ.get("CHROME_PATH", DEFAULT_CHROME)
    command = [
        "node", str(LIGHTHOUSE_CLI), url,
        f"--chrome-flags={CHROME_FLAGS}",
        f"--only-categories={','.join(CATEGORIES)}",
        "--output=json", f"--output-path={report}", "--quiet",
    ]
    try:
        result = subprocess.run(command, env={**os.environ, "CHROME_PATH": chrome}, capture_output=True,
                                text=True, timeout=300)
    except subprocess.TimeoutExpired:
        return LighthouseResult(error="Lighthouse timed out after 300 s")
    if result.returncode != 0 or not report.is_file():
        return LighthouseResult(error=f"Lighthouse exit {result.returncode}: {(result.stderr or result.stdout)[-1500:]}")
    return summarise_lhr(json.loads(report.read_text(encoding="utf-8")))


def _detail_items(audit: dict, limit: int = 4) -> list[str]:
    """Say which element or resource an audit is about."""
    details = audit.get("details") or {}
    items = details.get("items") or []
    if isinstance(items, dict):  # checklist details: {name: {label, value}}
        items = [{"description": f"{v.get('label', k)}: {v.get('value')}"} for k, v in items.items()
                 if isinstance(v, dict) and not v.get("value")]
    if details.get("type") == "list":  # a list of tables: flatten their rows
        items = [row for sub in items if isinstance(sub, dict) for row in (sub.get("items") or [])]
    out = []
    for item in items[:limit]:
        if not isinstance(item, dict):
            continue
        node = item.get("node") if isinstance(item.get("node"), dict) else None
        if node is None and isinstance(item.get("source"), dict) and item["source"].get("type") == "node":
            node = item["source"]
        if node:
            text = node.get("selector") or ""
            snippet = (node.get("snippet") or "")[:140]
            explanation = " ".join((node.get("explanation") or "").split())[:320]
            out.append(" ".join(part for part in (text, snippet, explanation) if part))
            continue
        source = item.get("source") if isinstance(item.get("source"), dict) else {}
        url = item.get("url") or source.get("url")
        parts = [str(url)] if url else []
        for key in ("wastedBytes", "totalBytes", "wastedMs", "description", "sourceLocation"):
            if key in item and item[key] not in (None, ""):
                value = item[key]
                if isinstance(value, dict):
                    value = value.get("url", "")
                parts.append(f"{key}={value}")
        if not parts:
            parts = [json.dumps(item, ensure_ascii=False)[:200]]
        out.append(" ".join(parts))
    if len(items) > limit:
        out.append(f"… and {len(items) - limit} more")
    return out


def _diagnostics(audits: dict) -> dict[str, list[str]]:
    """Where the main-thread time goes: what explains total-blocking-time and LCP when performance is under 100."""
    def rows(audit_id: str) -> list[dict]:
        return ((audits.get(audit_id) or {}).get("details") or {}).get("items") or []

    lcp = [row for row in rows("lcp-breakdown-insight") if isinstance(row, dict) and row.get("type") == "node"]
    phases = next((row.get("items") for row in rows("lcp-breakdown-insight")
                   if isinstance(row, dict) and row.get("type") == "table"), []) or []
    return {
        "long_tasks": [f"{t.get('url')} {round(t.get('duration', 0))} ms" for t in rows("long-tasks")[:4]],
        "cpu_per_script": [f"{t.get('url')} {round(t.get('total', 0))} ms (eval {round(t.get('scripting', 0))} ms)"
                           for t in rows("bootup-time")[:4]],
        "main_thread": [f"{t.get('groupLabel')} {round(t.get('duration', 0))} ms" for t in rows("mainthread-work-breakdown")[:4]],
        "lcp_element": [(n.get("selector") or "") + " " + (n.get("snippet") or "")[:100] for n in lcp[:1]],
        "lcp_phases": [f"{ph.get('label')} {round(ph.get('duration', 0))} ms" for ph in phases if isinstance(ph, dict)],
    }


def summarise_lhr(lhr: dict) -> LighthouseResult:
    scores, failing = {}, {}
    audits = lhr.get("audits", {})
    for category_id in CATEGORIES:
        category = lhr.get("categories", {}).get(category_id)
        if category is None:
            continue
        score = category.get("score")
        scores[category_id] = None if score is None else round(score * 100)
        if score is not None and score >= 1:
            continue
        misses = []
        for ref in category.get("auditRefs", []):
            audit = audits.get(ref["id"], {})
            if audit.get("score") is None or audit["score"] >= 1:
                continue
            if audit.get("scoreDisplayMode") in ("notApplicable", "manual", "informative"):
                continue
            misses.append(FailingAudit(
                id=ref["id"], title=audit.get("title", ""), score=audit["score"], weight=ref.get("weight", 0),
                display=audit.get("displayValue", ""), items=_detail_items(audit),
            ))
        failing[category_id] = sorted(misses, key=lambda m: -m.weight)
    return LighthouseResult(
        scores=scores, failing=failing, diagnostics=_diagnostics(audits),
        warnings=list(lhr.get("runWarnings", [])),
        runtime_error=(lhr.get("runtimeError") or {}).get("message"),
        metrics={key: audits.get(key, {}).get("displayValue") for key in METRICS},
    )
