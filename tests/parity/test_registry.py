"""The one list of rules: every rule declared once, its help printed whole, CONTRIBUTING's table equal to it."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from click.testing import CliRunner

from parity.cli import main
from parity.registry import RULE_MODULES, all_rules, describe, rule_table
from tests.parity.conftest import ROOT


def test_rules_are_numbered_once_each_with_a_check_a_summary_and_advice():
    rules = all_rules()
    assert [rule.number for rule in rules] == list(range(1, len(rules) + 1))
    for rule in rules:
        assert re.fullmatch(r"P\d+-[a-z-]+", rule.id)
        assert rule.checks, f"{rule.id} has no check"
        assert rule.summary and "\n" not in rule.summary and "|" not in rule.summary
        assert rule.how_to.endswith(".") and "|" not in rule.how_to


def test_every_hint_a_rule_names_is_declared_with_it():
    """A finding's hint=("name", ...) must be among its rule's declared hints (else a ConfigError at run time)."""
    declared = {rule.id: set(rule.hints) for rule in all_rules()}
    named: dict[str, set[str]] = {}
    for module in RULE_MODULES:
        path = ROOT / (module.replace(".", "/") + ".py")
        tree = ast.parse(path.read_text(encoding="utf-8"))
        constants = {  # NAME = declare("P1-pages", ...)
            target.id: node.value.args[0].value
            for node in ast.walk(tree) if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call)
            and getattr(node.value.func, "id", "") == "declare"
            for target in node.targets if isinstance(target, ast.Name)
        }
        for call in (n for n in ast.walk(tree) if isinstance(n, ast.Call) and getattr(n.func, "id", "") == "Finding"):
            rule = call.args[0]
            rule_id = constants.get(getattr(getattr(rule, "value", None), "id", ""), "") if isinstance(rule, ast.Attribute) else ""
            for keyword in call.keywords:
                if keyword.arg == "hint" and isinstance(keyword.value, ast.Tuple):
                    name = keyword.value.elts[0]  # "name", or "a" if ... else "b"
                    names = {n.value for n in ast.walk(name) if isinstance(n, ast.Constant) and isinstance(n.value, str)}
                    assert names, f"{path.name}:{call.lineno}: write the hint's name as a literal"
                    named.setdefault(rule_id, set()).update(names)
    assert named, "no hints found: the test no longer reads the rule modules"
    for rule_id, names in named.items():
        assert names <= declared[rule_id], f"{rule_id} names undeclared hints {names - declared[rule_id]}"


def test_every_help_text_is_printed_whole():
    output = CliRunner().invoke(main, ["rules"]).output
    for rule in all_rules():
        assert describe(rule) in output
        assert rule.how_to in output
    # YAML once read `{ #id }` as a comment and cut this line off; the declarations are Python strings.
    assert "to fix: Give both headings the same level and the same explicit { #id }.\n" in output
    assert "hint add-id: add { #id } with the same English slug" in output
    one = CliRunner().invoke(main, ["rules", "P3"])
    assert one.exit_code == 0 and one.output.startswith("P3-headings (universal; pair; on by default)")
    unknown = CliRunner().invoke(main, ["rules", "P99"])
    assert unknown.exit_code == 2 and "no rule P99" in unknown.output


def test_help_lists_every_rule():
    output = CliRunner().invoke(main, ["--help"]).output
    for rule in all_rules():
        assert f"{rule.id} " in output


def test_contributing_carries_the_generated_rule_table():
    contributing = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert rule_table() in contributing, (
        "CONTRIBUTING.md's rule table differs from the declarations; paste the output of "
        "`uv run python -m parity rules --markdown`"
    )
    documented = set(re.findall(r"^\| `(P\d+-[a-z-]+)` \|", contributing, re.MULTILINE))
    assert documented == {rule.id for rule in all_rules()}


def test_no_parity_module_is_over_350_lines():
    for path in (ROOT / "parity").glob("*.py"):
        assert len(path.read_text(encoding="utf-8").splitlines()) <= 350, path.name


def test_the_status_page_words_name_every_rule_the_handbook_runs():
    """data/status-labels.yml's `checks` words, in every language, for exactly the rules the policy runs."""
    from parity.checker import enabled_rules
    from parity.policy import load_policy
    from parity.registry import RULES

    all_rules()
    policy = load_policy(ROOT / "data", RULES)
    running = {rule.id for rule in enabled_rules(policy)}
    assert running == set(RULES)  # the handbook runs every rule
    for lang, words in policy.status_labels.items():
        assert set(words["checks"]) == running, f"status-labels.yml: {lang}: checks differ from the rules"


def test_the_checks_marker_becomes_the_list_of_checks(make_site):
    from parity.status import CHECKS_MARKER, checks_list

    result = make_site().check()
    listed = checks_list(result, "zh").splitlines()
    assert len(listed) == len(result.rules) and listed[0] == "- 每个页面两种语言齐备，并列在导航菜单中"
    assert CHECKS_MARKER.startswith("<!--")
