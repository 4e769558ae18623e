"""The one list of rules. Each rule is declared once, next to its check functions:

    BLOCKS = declare("P4-blocks", "same lists, tables, ... per section", how_to="Make the structure match; ...")

    @BLOCKS.pair
    def check_blocks(first: Page, second: Page, run: Run) -> list[Finding]: ...

A declaration says what the rule checks (one line), whether it is universal (any mkdocs-static-i18n site) or this
site's house style (on only where the site's policy file switches it on), whether it is on by default, and what to
do about its findings (`how_to`, plus named `hints` that finish particular messages). A check function has a scope:
`site` (the whole site), `page` (one page, with its counterpart) or `pair` (two language versions of one page).
`python -m parity rules`, CONTRIBUTING's rule table and the findings' advice all come from this list.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

# The modules that declare rules, in rule order; importing them fills RULES.
RULE_MODULES = ("parity.rule_structure", "parity.rule_blocks", "parity.rule_language", "parity.stale",
                "parity.terms", "parity.style")
SCOPES = ("site", "page", "pair")

Check = Callable[..., list[Any]]


@dataclass
class Rule:
    id: str  # "P4-blocks"
    summary: str  # one line: what the rule checks
    how_to: str  # what an editor does about a finding
    house_style: bool = False  # True: runs only where the site's policy switches it on
    default: bool = True  # on unless the policy turns it off
    hints: Mapping[str, str] = field(default_factory=dict)  # name -> text with {placeholders}
    checks: list[tuple[str, Check]] = field(default_factory=list)  # (scope, function)

    @property
    def number(self) -> int:
        return int(self.id[1:].split("-", 1)[0])

    @property
    def scopes(self) -> tuple[str, ...]:
        return tuple(scope for scope in SCOPES if any(s == scope for s, _ in self.checks))

    @property
    def kind(self) -> str:
        return "house style" if self.house_style else "universal"

    def _register(self, scope: str) -> Callable[[Check], Check]:
        def register(function: Check) -> Check:
            self.checks.append((scope, function))
            return function
        return register

    @property
    def site(self) -> Callable[[Check], Check]:
        return self._register("site")

    @property
    def page(self) -> Callable[[Check], Check]:
        return self._register("page")

    @property
    def pair(self) -> Callable[[Check], Check]:
        return self._register("pair")

    def hint(self, name: str, **values: str) -> str:
        return self.hints[name].format(**values)


RULES: dict[str, Rule] = {}


def declare(rule_id: str, summary: str, *, how_to: str, house_style: bool = False, default: bool = True,
            hints: Mapping[str, str] | None = None) -> Rule:
    if rule_id in RULES:
        raise ValueError(f"rule {rule_id} is declared twice")
    rule = Rule(rule_id, summary, how_to, house_style, default, dict(hints or {}))
    RULES[rule_id] = rule
    return rule


def all_rules() -> list[Rule]:
    """Every declared rule, in rule-number order."""
    for module in RULE_MODULES:
        importlib.import_module(module)
    return sorted(RULES.values(), key=lambda rule: rule.number)


def rule_table() -> str:
    """CONTRIBUTING.md's rule table (a test keeps the two equal)."""
    lines = ["| Rule | Kind | Checks | What to do |", "|---|---|---|---|"]
    for rule in all_rules():
        kind = rule.kind + ("" if rule.default else ", off by default")
        lines.append(f"| `{rule.id}` | {kind} | {rule.summary} | {rule.how_to} |")
    return "\n".join(lines)


def describe(rule: Rule) -> str:
    """A rule's full help, as `python -m parity rules` prints it."""
    scopes = "/".join(rule.scopes)
    lines = [f"{rule.id} ({rule.kind}; {scopes}; {'on' if rule.default else 'off'} by default)",
             f"  checks: {rule.summary}", f"  to fix: {rule.how_to}"]
    lines += [f"  hint {name}: {text.replace('{{', '{').replace('}}', '}')}" for name, text in rule.hints.items()]
    return "\n".join(lines)
