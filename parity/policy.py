"""A site's house style for the parity checker: the policy file `data/parity.yml` next to the site's mkdocs.yml.

A site without that file gets the universal rules only and reads nothing else from any data folder. With it, the
file switches rules on or off (`rules:`), sets what the house-style checks need (explicit heading ids, front-matter
keys, description lengths, the terminology file, pages with bilingual tables) and may name a file of status-page
words. Rule help comes from the rule declarations (parity.registry); a site may override it in
`data/rule-help.yml`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from parity.config import ConfigError

POLICY_FILE = "parity.yml"
RULE_HELP_FILE = "rule-help.yml"
_KEYS = {"rules", "explicit_heading_ids", "front_matter", "description_limits", "bilingual_tables", "terms",
         "status_labels"}


@dataclass(frozen=True)
class Policy:
    source: Path | None = None  # the policy file; None: universal rules only
    rules: Mapping[str, bool] = field(default_factory=dict)  # rule id -> on/off, as the file says
    explicit_heading_ids: bool = False  # P3: every heading below H1 has an explicit { #id }
    required_front_matter: tuple[str, ...] = ()  # P2: keys every page needs, non-empty
    same_front_matter_keys: bool = False  # P2: both sides have the same keys
    shared_front_matter: tuple[str, ...] = ()  # P2: settings that must have the same value on both sides
    description_limits: Mapping[str, int] = field(default_factory=dict)  # P11: language -> characters
    bilingual_tables: frozenset[str] = frozenset()  # pages whose tables P7 skips
    terms_file: Path | None = None  # P10/P11/P12: the terminology data
    status_labels: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)  # page language -> words
    help: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)  # rule -> how_to / hints overrides

    def enabled(self, rule_id: str, house_style: bool, default: bool) -> bool:
        if rule_id in self.rules:
            return self.rules[rule_id]
        return default and not house_style

    def description_limit(self, lang: str) -> int | None:
        return self.description_limits.get(lang, self.description_limits.get(lang.split("-")[0]))


def _read(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8-sig")
        try:  # libyaml when PyYAML has it; PyYAML's own parser words any problem
            return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506 - safe
        except yaml.YAMLError:
            return yaml.safe_load(text)
    except OSError as error:
        raise ConfigError(f"cannot read {path}: {error}") from error
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = f"{path}:{mark.line + 1}" if mark is not None else str(path)
        raise ConfigError(f"{where}: not valid YAML: {error.problem or error.context}") from error


def _mapping(path: Path, value: Any, what: str = "a mapping of names to values") -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise ConfigError(f"{path}: expected {what}")
    return value


def _names(path: Path, value: Any, key: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise ConfigError(f"{path}: `{key}` must be a list")
    return tuple(str(item) for item in value)


def load_policy(data_dir: Path | None, known_rules: Mapping[str, Any] | None = None) -> Policy:
    """The site's policy (`data_dir/parity.yml`), or the universal-only policy when the site has none."""
    path = data_dir / POLICY_FILE if data_dir is not None else None
    if path is None or not path.is_file():
        return Policy()
    assert data_dir is not None
    data = _mapping(path, _read(path) or {})
    unknown = sorted(set(data) - _KEYS)
    if unknown:
        raise ConfigError(f"{path}: unknown key `{unknown[0]}`; expected one of {', '.join(sorted(_KEYS))}")
    rules = {str(k): v for k, v in _mapping(path, data.get("rules") or {}, "rules: RULE-ID: on|off").items()}
    for rule_id, value in rules.items():
        if not isinstance(value, bool):
            raise ConfigError(f"{path}: rules: {rule_id} must be on or off, not {value!r}")
        if known_rules is not None and rule_id not in known_rules:
            raise ConfigError(f"{path}: rules: no rule {rule_id} (see `python -m parity rules`)")
    front = _mapping(path, data.get("front_matter") or {}, "front_matter: required/same_keys/shared")
    limits = _mapping(path, data.get("description_limits") or {}, "description_limits: LANGUAGE: characters")
    # The terminology and the status page's words default to terms.yml and status-labels.yml beside the policy.
    terms = data.get("terms") or ("terms.yml" if (data_dir / "terms.yml").is_file() else None)
    labels_name = data.get("status_labels") or ("status-labels.yml" if (data_dir / "status-labels.yml").is_file() else None)
    labels: Mapping[str, Any] = {}
    if labels_name:
        labels_path = data_dir / str(labels_name)
        labels = _mapping(labels_path, _read(labels_path) or {})
    help_path = data_dir / RULE_HELP_FILE
    help_ = _mapping(help_path, _read(help_path) or {}) if help_path.is_file() else {}
    for rule_id, entry in help_.items():
        if not isinstance(entry, Mapping):
            raise ConfigError(f"{help_path}: {rule_id} must be a mapping with how_to and hints")
    return Policy(
        source=path,
        rules=rules,
        explicit_heading_ids=bool(data.get("explicit_heading_ids")),
        required_front_matter=_names(path, front.get("required"), "front_matter.required"),
        same_front_matter_keys=bool(front.get("same_keys")),
        shared_front_matter=_names(path, front.get("shared"), "front_matter.shared"),
        description_limits={str(k): int(v) for k, v in limits.items()},
        bilingual_tables=frozenset(_names(path, data.get("bilingual_tables"), "bilingual_tables")),
        terms_file=data_dir / str(terms) if terms else None,
        status_labels={str(lang): _mapping(data_dir / str(labels_name), words) for lang, words in labels.items()},
        help={str(rule): entry for rule, entry in help_.items()},
    )
