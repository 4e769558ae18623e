"""Print Lighthouse results: scores per page, and what keeps a category under 100, grouped across pages."""

from __future__ import annotations

import os
import re
from dataclasses import asdict

from bench.lighthouse import CATEGORIES, CHROME_FLAGS, DEFAULT_CHROME, LighthouseResult


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


def print_lighthouse(results: dict[str, LighthouseResult], base_url: str = "") -> None:
    """Scores per page, then what keeps any category under 100, grouped across pages."""
    print("\n## Lighthouse (mobile, default config)")
    print(f"CHROME_PATH={os.environ.get('CHROME_PATH', DEFAULT_CHROME)} --chrome-flags=\"{CHROME_FLAGS}\"\n")
    names = {"performance": "perf", "accessibility": "a11y", "best-practices": "b-p", "seo": "seo"}
    width = max(len(page) for page in results)
    print(f"{'page':<{width}}  " + "  ".join(f"{names[c]:>4}" for c in CATEGORIES) + "  FCP / LCP / TBT / CLS")
    for page, result in results.items():
        if result.error is not None:
            print(f"{page:<{width}}  error: {result.error.splitlines()[-1] if result.error else ''}")
            continue
        scores = result.scores
        cells = "  ".join(f"{'—' if scores.get(c) is None else scores[c]:>4}" for c in CATEGORIES)
        m = result.metrics
        metrics = " / ".join(str(m.get(k) or "—") for k in ("first-contentful-paint", "largest-contentful-paint",
                                                          "total-blocking-time", "cumulative-layout-shift"))
        print(f"{page:<{width}}  {cells}  {metrics}")

    scored = [r for r in results.values() if r.error is None]
    if scored:
        print("\nper category: " + "; ".join(
            f"{c} min {min(r.scores.get(c) or 0 for r in scored)} max {max(r.scores.get(c) or 0 for r in scored)}"
            for c in CATEGORIES))
    failures: dict[tuple[str, str], dict] = {}
    for page, result in results.items():
        if result.error is not None:
            print(f"\n{page}: Lighthouse failed:\n{result.error}")
            continue
        if result.runtime_error:
            print(f"\n{page}: runtime error: {result.runtime_error}")
        for warning in result.warnings:
            print(f"\n{page}: warning: {warning}")
        for category, misses in result.failing.items():
            for miss in misses:
                entry = failures.setdefault((category, miss.id), {**asdict(miss), "pages": [], "displays": set(),
                                                                  "all_items": [], "item_keys": set()})
                entry["pages"].append(page)
                if miss.display:
                    entry["displays"].add(miss.display)
                for item in miss.items:
                    key = _item_key(item)
                    if not item.startswith("… and ") and key not in entry["item_keys"]:
                        entry["item_keys"].add(key)
                        entry["all_items"].append(item)
    slow = {page: r for page, r in results.items() if r.error is None and (r.scores.get("performance") or 0) < 100}
    if slow:
        print("\nwhere the time goes on pages under 100 in performance (mobile simulation):")
        for page, result in slow.items():
            d = result.diagnostics
            print(f"  {page} ({result.scores['performance']}): "
                  f"TBT {result.metrics.get('total-blocking-time')}, LCP {result.metrics.get('largest-contentful-paint')}")
            for label, key in (("long tasks", "long_tasks"), ("CPU per script", "cpu_per_script"),
                               ("main thread", "main_thread"), ("LCP element", "lcp_element"), ("LCP phases", "lcp_phases")):
                if d.get(key):
                    print(f"      {label}: " + "; ".join(d[key]).replace(base_url, ""))
    if not failures:
        return
    print("\nfailing audits in categories under 100, by category (weighted first; weight 0 = shown but not scored):")
    for category in CATEGORIES:
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
