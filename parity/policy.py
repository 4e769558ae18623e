"""Site policy, read from YAML data files in the site's `data/` folder: which pages pair the languages in their
tables, what an editor should do about each rule's findings, and the translation-status page's words.

The rules are code; what this site decides about them is data. Language names come from mkdocs.yml's i18n block
(SiteConfig.language_names), not from here.
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
STATUS_LABELS_FILE = "status-labels.yml"
# The handbook's own data folder, used for a site that has none (the tests' tiny sites).
DEFAULT_DATA_DIR = Path(__file__).resolve().parent.parent / "data"


@dataclass(frozen=True)
class Policy:
    bilingual_tables: frozenset[str] = frozenset()  # pages whose tables P7 skips
    how_to: Mapping[str, str] = field(default_factory=dict)  # rule -> what to do about its findings
    hints: Mapping[str, Mapping[str, str]] = field(default_factory=dict)  # rule -> hint name -> text
    status_labels: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)  # page language -> words

    def hint(self, rule: str, name: str, **values: str) -> str:
        text = self.hints.get(rule, {}).get(name)
        if text is None:
            raise ConfigError(f"data/{RULE_HELP_FILE}: {rule} has no hint `{name}`; add it under {rule}: hints:")
        return text.format(**values)

    def labels(self, lang: str) -> Mapping[str, Any]:
        """The status page's words in `lang` (or in the first language the file has)."""
        if not self.status_labels:
            raise ConfigError(f"data/{STATUS_LABELS_FILE} is missing or empty")
        return self.status_labels.get(lang.split("-")[0].lower(), next(iter(self.status_labels.values())))


def _read(path: Path) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8-sig"))
    except OSError as error:
        raise ConfigError(f"cannot read {path}: {error}") from error
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = f"{path}:{mark.line + 1}" if mark is not None else str(path)
        raise ConfigError(f"{where}: not valid YAML: {error.problem or error.context}") from error


def _mapping(path: Path, value: Any) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise ConfigError(f"{path}: expected a mapping of names to values")
    return value


def load_policy(data_dir: Path | None) -> Policy:
    """The policy in `data_dir`, falling back to the handbook's own data folder for a file (or, in rule-help.yml,
    a rule or hint) the site does not have."""

    def path(name: str) -> Path:
        if data_dir is not None and (data_dir / name).is_file():
            return data_dir / name
        return DEFAULT_DATA_DIR / name

    policy_path, labels_path = path(POLICY_FILE), path(STATUS_LABELS_FILE)
    policy = _mapping(policy_path, _read(policy_path) or {})
    labels = _mapping(labels_path, _read(labels_path) or {})
    # Rule help: the site's file, rule by rule and hint by hint, over the handbook's own.
    how_to: dict[str, str] = {}
    hints: dict[str, dict[str, str]] = {}
    help_files = [DEFAULT_DATA_DIR / RULE_HELP_FILE]
    if data_dir is not None and (data_dir / RULE_HELP_FILE).is_file() and data_dir.resolve() != DEFAULT_DATA_DIR:
        help_files.append(data_dir / RULE_HELP_FILE)
    for help_path in help_files:
        for rule, entry in _mapping(help_path, _read(help_path) or {}).items():
            if not isinstance(entry, Mapping):
                raise ConfigError(f"{help_path}: {rule} must be a mapping with how_to and hints")
            if entry.get("how_to"):
                how_to[str(rule)] = str(entry["how_to"])
            for name, text in (entry.get("hints") or {}).items():
                hints.setdefault(str(rule), {})[str(name)] = str(text)
    return Policy(
        bilingual_tables=frozenset(str(page) for page in policy.get("bilingual_tables") or []),
        how_to=how_to,
        hints=hints,
        status_labels={str(lang): _mapping(labels_path, words) for lang, words in labels.items()},
    )
