"""Site report: per-page weight and Lighthouse scores for the built handbook. A benchmark, not a test.

    uv run python bench/site_report.py                 # every page, weight + Lighthouse
    uv run python bench/site_report.py --no-lighthouse # weight only (a few seconds)
    uv run python bench/site_report.py --pages 4 --json report.json

What it does:
1. builds the site strictly into a temporary folder, for a loopback address under /cmo-handbook/, and serves it
   with the test suite's GitHub-Pages-like server (tests/site_server.py);
2. lists every page of both languages (each index.html of the build; the 404 page is not a page);
3. weight: opens each page in real Chromium (Playwright), records what it loads until the network is idle, and
   gzips (level 9) each body itself. First view = the HTML document plus every stylesheet and script; fetch/xhr
   (the search index) and anything else are listed separately. Budget: first view <= 60 KiB. Then it moves the
   pointer, as a reader's first interaction does, and lists what that loads (Material's bundle, the search worker
   and the search index: overrides/partials/scripts-on-interaction.html);
4. Lighthouse (mobile, default config), one page at a time, with Chromium from CHROME_PATH (default
   /usr/bin/chromium). Lighthouse comes from the npm registry into bench/node_modules: `cd bench && npm ci`.

Nothing here leaves the machine: the site is served on 127.0.0.1, and any request to another origin is blocked
and reported.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.browser import CHROMIUM_FLAGS, chromium_executable, wake  # noqa: E402  (the project's launch rules)
from tests.site_server import BASE_PATH, SiteServer, free_port  # noqa: E402

BUDGET_KIB = 60
KIB = 1024
LIGHTHOUSE_CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
LIGHTHOUSE_CLI = BENCH / "node_modules" / "lighthouse" / "cli" / "index.js"
DEFAULT_CHROME = "/usr/bin/chromium"
# Chromium's own background traffic (sign-in, component and network-time checks) ignores the flags above and still
# tries to reach Google; resolving every host but loopback to nothing keeps Lighthouse's Chromium off the internet.
OFFLINE_FLAG = "--host-resolver-rules='MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost'"
LIGHTHOUSE_CHROME_FLAGS = " ".join(["--headless=new", *CHROMIUM_FLAGS,
                                    *([] if any("host-resolver-rules" in f for f in CHROMIUM_FLAGS) else [OFFLINE_FLAG])])
LIGHTHOUSERC = ROOT / "lighthouserc.json"
FIRST_VIEW = {"document": "html", "stylesheet": "css", "script": "js"}
DATA = {"fetch", "xhr"}


# --- serving like GitHub Pages ----------------------------------------------------------------------------------

COMPRESSIBLE = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")


class GzipSiteServer(SiteServer):
    """tests/site_server.py's server, plus what Pages also does on the wire: gzip text responses for clients that
    accept it. Lighthouse's simulated throttling scores transfer sizes, so an uncompressed loopback server would
    understate performance by far. The handler is the test suite's; only its finished response is re-encoded."""

    def __init__(self, root: Path, port: int):
        super().__init__(root, port)
        base = self._server.RequestHandlerClass

        class Gzipping(base):
            def _serve(self, head_only: bool):
                real, buffer = self.wfile, io.BytesIO()
                self.wfile = buffer  # the handler writes status, headers (at end_headers) and body here
                try:
                    super()._serve(head_only)
                finally:
                    self.wfile = real
                real.write(_gzip_response(buffer.getvalue(), self.headers.get("Accept-Encoding", ""), head_only))

        self._server.RequestHandlerClass = Gzipping


def _gzip_response(raw: bytes, accept_encoding: str, head_only: bool) -> bytes:
    head, sep, body = raw.partition(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    headers = {line.split(b":", 1)[0].strip().lower(): line for line in lines[1:] if b":" in line}
    content_type = headers.get(b"content-type", b"").split(b":", 1)[-1].strip().decode("latin-1")
    if "gzip" not in accept_encoding or not sep or not content_type.startswith(COMPRESSIBLE):
        return raw
    if head_only:  # no body to encode; a HEAD answer stays as the handler made it
        return raw
    length = int(headers.get(b"content-length", b":0").split(b":", 1)[1])
    packed = gzip.compress(body[:length], compresslevel=6, mtime=0)
    kept = [line for line in lines[1:] if line.split(b":", 1)[0].strip().lower() != b"content-length"]
    new_head = b"\r\n".join([lines[0], *kept, b"Content-Encoding: gzip", b"Vary: Accept-Encoding",
                               b"Content-Length: " + str(len(packed)).encode()])
    return new_head + b"\r\n\r\n" + packed


# --- build and pages -------------------------------------------------------------------------------------------

def build_site(site_dir: Path, site_url: str, strict: bool = True) -> None:
    env = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("BUILD_ONLY_LOCALE", None)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict" if strict else "--no-strict", "--site-dir", str(site_dir)],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )
    if result.returncode != 0:
        sys.exit(f"{'strict ' if strict else ''}build failed (exit {result.returncode}):\n"
                 f"{(result.stdout + result.stderr)[-4000:]}\n(--no-strict measures a work-in-progress tree anyway)")


def list_pages(site_dir: Path) -> list[str]:
    """Site-relative paths ('', 'role/', 'zh/', 'zh/role/', …) of every page, English first, then Chinese."""
    pages = []
    for index in site_dir.rglob("index.html"):
        relative = index.parent.relative_to(site_dir).as_posix()
        if relative.split("/")[0] in {"assets", "search"}:
            continue
        pages.append("" if relative == "." else relative + "/")
    return sorted(pages, key=lambda p: (p.startswith("zh/"), p.removeprefix("zh/") != "", p))


# --- weight ----------------------------------------------------------------------------------------------------

@dataclass
class Resource:
    url: str
    type: str
    status: int
    raw: int
    gzip: int


@dataclass
class PageWeight:
    page: str
    html: int = 0
    css: int = 0
    js: int = 0
    data: int = 0
    other: int = 0
    on_interaction: int = 0  # what the first interaction loads: Material's bundle, search worker and index
    resources: list[Resource] = field(default_factory=list)
    third_party: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def first_view(self) -> int:
        return self.html + self.css + self.js


def gz(body: bytes) -> int:
    return len(gzip.compress(body, compresslevel=9, mtime=0))


def measure_weights(base_url: str, pages: list[str]) -> list[PageWeight]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as error:
        sys.exit(f"Playwright is not importable ({error}); run with `uv run python bench/site_report.py`.")
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(base_url))
    results = []
    with sync_playwright() as playwright:
        executable = chromium_executable(playwright)
        if executable is None:
            sys.exit("no Chromium: install Debian's (`apt-get install chromium fonts-noto-cjk`) or Playwright's own.")
        browser = playwright.chromium.launch(executable_path=str(executable), args=CHROMIUM_FLAGS, headless=True)
        try:
            for page_path in pages:
                results.append(_measure_one(browser, origin, base_url + page_path, page_path))
        finally:
            browser.close()
    return results


def _measure_one(browser, origin: str, url: str, page_path: str) -> PageWeight:
    weight = PageWeight(page="/" + page_path)
    context = browser.new_context()  # fresh cache: a first view
    responses = []

    def guard(route):
        if route.request.url.startswith(origin + "/") or route.request.url.startswith("data:"):
            route.continue_()
        else:
            weight.third_party.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    page = context.new_page()
    page.on("response", lambda response: responses.append(response))
    try:
        page.goto(url, wait_until="networkidle")
        page.wait_for_timeout(300)
    except Exception as error:  # a benchmark reports, it does not stop
        weight.errors.append(f"load: {error}")
    first_view_responses = len(responses)
    try:
        wake(page)
    except Exception as error:
        weight.errors.append(f"first interaction: {error}")
    seen = set()
    for number, response in enumerate(responses):
        request = response.request
        if response.url in seen or response.url.startswith("data:"):
            continue
        seen.add(response.url)
        try:
            body = response.body()
        except Exception as error:
            weight.errors.append(f"body of {response.url}: {error}")
            continue
        resource = Resource(response.url, request.resource_type, response.status, len(body), gz(body))
        weight.resources.append(resource)
        if number >= first_view_responses:
            weight.on_interaction += resource.gzip
            continue
        kind = FIRST_VIEW.get(resource.type) or ("data" if resource.type in DATA else "other")
        setattr(weight, kind, getattr(weight, kind) + resource.gzip)
    context.close()
    return weight


def print_weights(weights: list[PageWeight], base_url: str, budget: int) -> None:
    print(f"\n## Weight: first view = gzip -9 of HTML + CSS + JS the page loads (budget ≤ {budget} KiB)\n")
    width = max(len(w.page) for w in weights)
    header = (f"{'page':<{width}}  {'HTML':>6}  {'CSS':>6}  {'JS':>6}  {'total':>6}  budget  {'fetch':>6}  {'other':>6}"
              f"  {'on 1st interaction':>18}")
    print(header + "\n" + "-" * len(header))
    for w in weights:
        mark = "✓" if w.first_view <= budget * KIB else "✗"
        print(
            f"{w.page:<{width}}  {w.html / KIB:6.1f}  {w.css / KIB:6.1f}  {w.js / KIB:6.1f}  "
            f"{w.first_view / KIB:6.1f}  {mark:^6}  {w.data / KIB:6.1f}  {w.other / KIB:6.1f}"
            f"  {w.on_interaction / KIB:18.1f}"
        )
    over = [w for w in weights if w.first_view > budget * KIB]
    totals = [w.first_view / KIB for w in weights]
    print(f"\nfirst view: min {min(totals):.1f} KiB, max {max(totals):.1f} KiB; "
          f"{len(over)} of {len(weights)} pages over {budget} KiB (all figures in KiB, gzip level 9)")

    # The biggest resources across all pages, each counted once.
    biggest: dict[str, tuple[Resource, int]] = {}
    for w in weights:
        for r in w.resources:
            key = r.url if r.type != "document" else "(each page's HTML)"
            previous = biggest.get(key)
            if r.type == "document":
                keep = r if previous is None or r.gzip > previous[0].gzip else previous[0]
                biggest[key] = (keep, (previous[1] + 1) if previous else 1)
            else:
                biggest[key] = (r, (previous[1] + 1) if previous else 1)
    print("\nbiggest resources (gzip KiB, raw KiB, type, on how many pages):")
    for resource, count in sorted(biggest.values(), key=lambda item: -item[0].gzip)[:12]:
        name = resource.url.removeprefix(base_url) if resource.url.startswith(base_url) else resource.url
        label = f"(largest page HTML: {name or '/'})" if resource.type == "document" else name
        print(f"  {resource.gzip / KIB:7.1f}  {resource.raw / KIB:7.1f}  {resource.type:<10}  {count:>3}  {label}")

    third = sorted({u for w in weights for u in w.third_party})
    print(f"\nthird-party requests (blocked): {len(third) or 'none'}")
    for url in third:
        print(f"  {url}")
    for w in weights:
        for status in {r.status for r in w.resources if r.status >= 400}:
            for r in w.resources:
                if r.status == status:
                    print(f"  HTTP {r.status} on {w.page}: {r.url}")
        for error in w.errors:
            print(f"  error on {w.page}: {error}")


# --- Lighthouse ------------------------------------------------------------------------------------------------

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


def run_lighthouse(url: str, out_dir: Path) -> dict:
    chrome = os.environ.get("CHROME_PATH", DEFAULT_CHROME)
    report = out_dir / "report.json"
    command = [
        "node", str(LIGHTHOUSE_CLI), url,
        f"--chrome-flags={LIGHTHOUSE_CHROME_FLAGS}",
        f"--only-categories={','.join(LIGHTHOUSE_CATEGORIES)}",
        "--output=json", f"--output-path={report}", "--quiet",
    ]
    try:
        result = subprocess.run(command, env={**os.environ, "CHROME_PATH": chrome}, capture_output=True,
                                text=True, timeout=300)
    except subprocess.TimeoutExpired:
        return {"error": "Lighthouse timed out after 300 s"}
    if result.returncode != 0 or not report.is_file():
        return {"error": f"Lighthouse exit {result.returncode}: {(result.stderr or result.stdout)[-1500:]}"}
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


def _diagnostics(audits: dict) -> dict:
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


def summarise_lhr(lhr: dict) -> dict:
    scores, failing = {}, {}
    audits = lhr.get("audits", {})
    for category_id in LIGHTHOUSE_CATEGORIES:
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
            misses.append({
                "id": ref["id"], "title": audit.get("title", ""), "score": audit["score"],
                "weight": ref.get("weight", 0), "display": audit.get("displayValue", ""),
                "items": _detail_items(audit),
            })
        failing[category_id] = sorted(misses, key=lambda m: -m["weight"])
    return {
        "scores": scores, "failing": failing, "diagnostics": _diagnostics(audits),
        "warnings": lhr.get("runWarnings", []),
        "runtime_error": (lhr.get("runtimeError") or {}).get("message"),
        "metrics": {
            key: audits.get(key, {}).get("displayValue")
            for key in ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time",
                        "cumulative-layout-shift", "speed-index")
        },
    }


def _item_key(item: str) -> str:
    """The same element or resource on another page: ignore numbers and relative-path prefixes."""
    return re.sub(r"(\.\./)+|\d+", "#", item)


def _value_range(displays: set[str]) -> str:
    """'80 ms', '230 ms', … → '80 ms … 230 ms' (numeric order, first unit)."""
    def number(text: str) -> float:
        found = re.search(r"[\d.,]+", text)
        return float(found.group().replace(",", "")) if found else 0.0
    ordered = sorted(displays, key=number)
    return ordered[0] if len(ordered) == 1 else f"{ordered[0]} … {ordered[-1]}"


def print_lighthouse(results: dict[str, dict], base_url: str = "") -> None:
    print("\n## Lighthouse (mobile, default config)")
    print(f"CHROME_PATH={os.environ.get('CHROME_PATH', DEFAULT_CHROME)} --chrome-flags=\"{LIGHTHOUSE_CHROME_FLAGS}\"\n")
    names = {"performance": "perf", "accessibility": "a11y", "best-practices": "b-p", "seo": "seo"}
    width = max(len(page) for page in results)
    print(f"{'page':<{width}}  " + "  ".join(f"{names[c]:>4}" for c in LIGHTHOUSE_CATEGORIES) + "  FCP / LCP / TBT / CLS")
    for page, result in results.items():
        if "error" in result:
            print(f"{page:<{width}}  error: {result['error'].splitlines()[-1] if result['error'] else ''}")
            continue
        scores = result["scores"]
        cells = "  ".join(f"{'—' if scores.get(c) is None else scores[c]:>4}" for c in LIGHTHOUSE_CATEGORIES)
        m = result["metrics"]
        metrics = " / ".join(str(m.get(k) or "—") for k in ("first-contentful-paint", "largest-contentful-paint",
                                                          "total-blocking-time", "cumulative-layout-shift"))
        print(f"{page:<{width}}  {cells}  {metrics}")

    scored = [r for r in results.values() if "scores" in r]
    if scored:
        print("\nper category: " + "; ".join(
            f"{c} min {min(r['scores'].get(c) or 0 for r in scored)} max {max(r['scores'].get(c) or 0 for r in scored)}"
            for c in LIGHTHOUSE_CATEGORIES))
    failures: dict[tuple[str, str], dict] = {}
    for page, result in results.items():
        if "error" in result:
            print(f"\n{page}: Lighthouse failed:\n{result['error']}")
            continue
        if result.get("runtime_error"):
            print(f"\n{page}: runtime error: {result['runtime_error']}")
        for warning in result.get("warnings", []):
            print(f"\n{page}: warning: {warning}")
        for category, misses in result["failing"].items():
            for miss in misses:
                entry = failures.setdefault((category, miss["id"]), {**miss, "pages": [], "displays": set(),
                                                                      "all_items": [], "item_keys": set()})
                entry["pages"].append(page)
                if miss["display"]:
                    entry["displays"].add(miss["display"])
                for item in miss["items"]:
                    key = _item_key(item)
                    if not item.startswith("… and ") and key not in entry["item_keys"]:
                        entry["item_keys"].add(key)
                        entry["all_items"].append(item)
    slow = {page: r for page, r in results.items() if "scores" in r and (r["scores"].get("performance") or 0) < 100}
    if slow:
        print("\nwhere the time goes on pages under 100 in performance (mobile simulation):")
        for page, result in slow.items():
            d = result.get("diagnostics", {})
            print(f"  {page} ({result['scores']['performance']}): "
                  f"TBT {result['metrics'].get('total-blocking-time')}, LCP {result['metrics'].get('largest-contentful-paint')}")
            for label, key in (("long tasks", "long_tasks"), ("CPU per script", "cpu_per_script"),
                               ("main thread", "main_thread"), ("LCP element", "lcp_element"), ("LCP phases", "lcp_phases")):
                if d.get(key):
                    print(f"      {label}: " + "; ".join(d[key]).replace(base_url, ""))
    if not failures:
        return
    print("\nfailing audits in categories under 100, by category (weighted first; weight 0 = shown but not scored):")
    for category in LIGHTHOUSE_CATEGORIES:
        entries = sorted((e for (c, _), e in failures.items() if c == category),
                         key=lambda e: (-e["weight"], -len(e["pages"]), e["id"]))
        if not entries:
            continue
        print(f"\n  {category}:")
        for entry in entries:
            where = "every page" if len(entry["pages"]) == len(results) else ", ".join(entry["pages"])
            display = f" ({_value_range(entry['displays'])})" if entry["displays"] else ""
            print(f"  ✗ {entry['id']} [weight {entry['weight']}]: {entry['title']}{display} — on {where}")
            items = entry["all_items"]
            for item in items[:6]:
                print(f"      {item.replace(base_url, '') if base_url else item}")
            if len(items) > 6:
                print(f"      … {len(items) - 6} more distinct items (see --json)")


def check_lighthouserc(pages: list[str]) -> None:
    """lighthouserc.json lists its URLs by hand: say which pages it misses or which it lists that do not exist."""
    try:
        urls = json.loads(LIGHTHOUSERC.read_text(encoding="utf-8"))["ci"]["collect"]["url"]
    except (OSError, ValueError, KeyError, TypeError) as error:
        print(f"\nlighthouserc.json: cannot read ci.collect.url ({error})")
        return
    listed = {urlsplit(url).path.lstrip("/") for url in urls}
    missing, extra = sorted(set(pages) - listed), sorted(listed - set(pages))
    if missing or extra:
        print("\nlighthouserc.json is out of step with the site:"
              + "".join(f"\n  missing http://localhost/{p}" for p in missing)
              + "".join(f"\n  no such page: http://localhost/{p}" for p in extra))
    else:
        print(f"\nlighthouserc.json lists all {len(pages)} pages.")


# --- main ------------------------------------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-lighthouse", action="store_true", help="skip Lighthouse, report weights only")
    parser.add_argument("--pages", type=int, metavar="N", help="only the first N pages (English first)")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write every figure to FILE as JSON")
    parser.add_argument("--no-strict", action="store_true",
                        help="build without --strict, to measure a work-in-progress tree (the figures still count)")
    parser.add_argument("--no-compression", action="store_true",
                        help="serve uncompressed (the test server as is); by default text is gzipped as on Pages")
    parser.add_argument("--budget", type=float, default=BUDGET_KIB, help=f"first-view budget in KiB ({BUDGET_KIB})")
    args = parser.parse_args(argv)

    lighthouse_problem = None if args.no_lighthouse else lighthouse_ready()
    if lighthouse_problem:
        print(f"Lighthouse will be skipped. {lighthouse_problem}", file=sys.stderr)

    port = free_port()
    base_url = f"http://127.0.0.1:{port}{BASE_PATH}"
    with tempfile.TemporaryDirectory(prefix="site-report-") as tmp:
        site_dir = Path(tmp) / "site"
        print(f"building the site {'NOT strictly' if args.no_strict else 'strictly'} for {base_url} …", flush=True)
        build_site(site_dir, base_url, strict=not args.no_strict)
        pages = list_pages(site_dir)
        all_pages = pages
        if args.pages:
            pages = pages[: args.pages]
        print(f"{len(pages)} pages", flush=True)
        report: dict = {"site_url": base_url, "budget_kib": args.budget, "pages": {}}
        with (SiteServer if args.no_compression else GzipSiteServer)(site_dir, port):
            weights = measure_weights(base_url, pages)
            print_weights(weights, base_url, args.budget)
            for w in weights:
                report["pages"][w.page] = {
                    "weight": {**asdict(w), "first_view": w.first_view, "within_budget": w.first_view <= args.budget * KIB},
                }
            if not args.no_lighthouse and not lighthouse_problem:
                lighthouse: dict[str, dict] = {}
                for number, page_path in enumerate(pages, 1):
                    print(f"Lighthouse {number}/{len(pages)}: /{page_path}", file=sys.stderr, flush=True)
                    with tempfile.TemporaryDirectory(prefix="lighthouse-") as out:
                        lighthouse["/" + page_path] = run_lighthouse(base_url + page_path, Path(out))
                print_lighthouse(lighthouse, base_url)
                for page, result in lighthouse.items():
                    report["pages"][page]["lighthouse"] = result
            elif lighthouse_problem:
                print(f"\nLighthouse skipped: {lighthouse_problem}")
    check_lighthouserc(all_pages)
    if args.json:
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"\nwrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
