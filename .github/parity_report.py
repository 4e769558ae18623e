"""The parity check, for a pull request: each finding as an annotation on its file and line, and a job summary.

Run by .github/workflows/pages.yml before the test suite (`uv run --frozen python .github/parity_report.py`). It
runs the editors' own check, `python -m parity check --json`, so its verdict and exit status are that command's
(0 in step, 1 findings, 2 the check could not run), and turns its output into what GitHub shows a reviewer:

- one workflow command per finding, `::error file=docs/en/duties.md,line=14,title=P6-figures::§ section: message`:
  GitHub puts it on that line of the pull request's "Files changed" tab and lists it on the run's summary page;
- a one-screen summary (counts by rule, the first findings, what to run locally) appended to $GITHUB_STEP_SUMMARY.

Workflow commands: https://docs.github.com/en/actions/reference/workflow-commands-for-github-actions
The parity package is used through its command line only, the interface editors use too.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SUMMARY_FINDINGS = 10  # findings listed in the job summary; the log and the annotations have all of them
SUMMARY_MESSAGE_CHARS = 240


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def docs_folder(root: Path) -> str:
    """The docs folder, relative to the repository (mkdocs.yml's docs_dir; MkDocs' default is docs)."""
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)  # !ENV and the like: not needed here
    config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader) or {}
    return str(config.get("docs_dir") or "docs").strip("/")


def _where(finding: dict, docs: str) -> tuple[str, int | None]:
    return f"{docs}/{finding['where']['file']}", finding["where"].get("line")


def _message(finding: dict) -> str:
    section = f"§ {finding['section']}: " if finding.get("section") else ""
    return f"{section}{finding['message']}"


def annotation(finding: dict, docs: str) -> str:
    """The workflow command that annotates the finding's file and line."""
    file, line = _where(finding, docs)
    properties = [f"file={_escape_property(file)}"]
    if line:
        properties.append(f"line={line}")
    properties.append(f"title={_escape_property(finding['rule'])}")
    return f"::error {','.join(properties)}::{_escape_data(_message(finding))} [{finding['rule']}]"


def summary(report: dict, docs: str) -> str:
    """A one-screen Markdown summary of the check."""
    findings = report["findings"]
    pairs = len(report["pairs"])
    if not findings:
        return f"### Parity check: passed\n\n{pairs} page pair(s) in step, no findings.\n"
    counts: dict[str, int] = {}
    for finding in findings:
        counts[finding["rule"]] = counts.get(finding["rule"], 0) + 1
    lines = [
        f"### Parity check: {len(findings)} finding(s) in {pairs} page pair(s)",
        "",
        "The English and Chinese pages differ; the test suite and the build were not run. Each finding is also an "
        "annotation on its line in *Files changed*.",
        "",
        "| Rule | Findings |",
        "|---|---|",
        *(f"| {rule} | {count} |" for rule, count in sorted(counts.items())),
        "",
    ]
    for finding in findings[:SUMMARY_FINDINGS]:
        file, line = _where(finding, docs)
        message = _message(finding)
        if len(message) > SUMMARY_MESSAGE_CHARS:
            message = message[: SUMMARY_MESSAGE_CHARS - 1] + "…"
        message = message.replace("|", "\\|").replace("\n", " ")
        lines.append(f"- `{file}{f':{line}' if line else ''}` **{finding['rule']}** {message}")
    if len(findings) > SUMMARY_FINDINGS:
        lines.append(f"- … and {len(findings) - SUMMARY_FINDINGS} more in the step's log")
    lines += [
        "",
        "On your machine: `uv run python -m parity check` (the full report, with what to do for each rule), then "
        "`uv run python -m parity diff PAGE`; CONTRIBUTING.md, *Reading a parity error*.",
        "",
    ]
    return "\n".join(lines)


def main() -> int:
    result = subprocess.run(
        [sys.executable, "-m", "parity", "check", "--json"], cwd=ROOT, capture_output=True, text=True
    )
    if result.returncode not in (0, 1):
        error = (result.stderr.strip() or result.stdout.strip() or f"exit status {result.returncode}").splitlines()
        print(f"::error title=parity::{_escape_data(error[-1])}")
        print(result.stderr, file=sys.stderr, end="")
        return result.returncode
    report = json.loads(result.stdout)
    docs = docs_folder(ROOT)
    for finding in report["findings"]:
        print(annotation(finding, docs))
    text = summary(report, docs)
    print(text.splitlines()[0].lstrip("# "))
    summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary_file:
        with open(summary_file, "a", encoding="utf-8") as out:
            out.write(text)
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
