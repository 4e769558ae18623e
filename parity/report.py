"""Findings as a human report or as JSON."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from parity.checker import CheckResult, how_to
from parity.findings import Finding


def sort_key(finding: Finding) -> tuple[str, str, int]:
    return (finding.pair, finding.rule, finding.where.line or 0)


def human(result: CheckResult, *, warnings_only: Iterable[str] = ()) -> str:
    """One line per finding, grouped by page, then a summary line."""
    findings = sorted(result.findings, key=sort_key)
    soft = set(warnings_only)
    lines: list[str] = []
    current = None
    for finding in findings:
        if finding.pair != current:
            current = finding.pair
            if lines:
                lines.append("")
            lines.append(f"{current}:")
        prefix = "warning: " if finding.rule in soft else ""
        lines.append(f"  {prefix}{finding.render()}")
    pages = len(result.pairs)
    if findings:
        by_rule: dict[str, int] = {}
        for finding in findings:
            by_rule[finding.rule] = by_rule.get(finding.rule, 0) + 1
        counts = ", ".join(f"{rule} ×{count}" for rule, count in sorted(by_rule.items()))
        lines.append("")
        lines.append("What to do (`uv run python -m parity rules` explains each rule):")
        for rule in sorted(by_rule):
            lines.append(f"  {rule}: {how_to(rule, result.policy)}")
        lines.append("")
        lines.append(f"parity: {len(findings)} finding(s) in {pages} page pair(s): {counts}")
    else:
        lines.append(f"parity: {pages} page pair(s) in step, no findings")
    return "\n".join(lines)


def as_json(result: CheckResult) -> str:
    data: dict[str, Any] = {
        "ok": result.ok,
        "languages": list(result.languages),
        "notes": list(result.notes),
        "findings": [finding.to_json() for finding in sorted(result.findings, key=sort_key)],
        "pairs": [
            {
                "page": pair.rel,
                "present": list(pair.present),
                "lock": {
                    "state": pair.lock.state.value,
                    "locked": pair.lock.locked,
                    "changed": list(pair.lock.changed),
                    "stale": list(pair.lock.stale),
                },
                "findings": pair.findings,
            }
            for pair in result.pairs
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2)
