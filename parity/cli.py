"""`python -m parity check|lock|diff`: the same checker the MkDocs hook runs, from the command line.

Exit status: 0 in step; 1 findings (or, for `lock`, pages left unlocked); 2 the check could not run (usage,
mkdocs.yml, lock file, or an internal error, reported in one line). `check` fails on exactly the findings that
fail the strict build, stale pairs included; `--allow-stale` relaxes staleness while you edit.
"""

from __future__ import annotations

import sys
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, NoReturn

import click

from parity.changes import show_changes
from parity.checker import CheckResult, check_site
from parity.config import ConfigError, SiteConfig, find_config_file, load_site_config
from parity.history import current_commit
from parity.lock import LockEntry, LockError, PairState, pair_entries, read_lock, refreshed, write_lock
from parity.registry import all_rules, describe, rule_table
from parity.report import as_json, human
from parity.stale import DIFF_COMMAND, LOCK_COMMAND, changed_sections, describe_changes, section_hashes

EXIT_FINDINGS = 1
EXIT_ERROR = 2
SOFT_RULES = ("P9-stale",)  # warnings, not failures, with --allow-stale


def _site(config: str | None, no_cache: bool) -> SiteConfig:
    config_file = Path(config) if config else find_config_file(Path.cwd())
    return load_site_config(config_file, use_cache=not no_cache)


def _fail(message: str) -> NoReturn:
    click.echo(f"parity: error: {message}", err=True)
    sys.exit(EXIT_ERROR)


def _checked(context: click.Context) -> tuple[SiteConfig, dict[str, LockEntry], CheckResult]:
    """The site, its lock and a full check of it, or one error line (never a traceback)."""
    try:
        site = _site(context.obj["config"], context.obj["no_cache"])
        for warning in site.warnings:  # what the check goes on without (an extension not installed here)
            click.echo(f"parity: warning: {warning}", err=True)
        entries = read_lock(site.lock_path)
        result = check_site(site)
        for note in result.notes:  # what the check left out (a translation with no terms of its own)
            click.echo(f"parity: note: {note}", err=True)
        return site, entries, result
    except (ConfigError, LockError) as error:
        _fail(str(error))
    except Exception as error:  # noqa: BLE001 - no input may produce a traceback
        _fail(f"the parity checker crashed ({type(error).__name__}: {error}); please report this")


def _config_option(command: Any) -> Any:
    """`-f mkdocs.yml` after the command too (`parity check -f site/mkdocs.yml`), as before it."""

    def remember(context: click.Context, _: click.Parameter, value: str | None) -> None:
        if value:
            context.ensure_object(dict)["config"] = value

    return click.option(
        "--config", "-f", "command_config", type=click.Path(dir_okay=False), expose_value=False, callback=remember,
        is_eager=True, help="mkdocs.yml (default: the nearest one above the current folder)",
    )(command)


def _rules_epilog() -> str:
    lines = ["\b", "Rules (`python -m parity rules RULE` explains one):"]
    lines += [f"  {rule.id:<16} {rule.summary}" + (" [house style]" if rule.house_style else "") for rule in all_rules()]
    return "\n".join(lines)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 118},
             epilog=_rules_epilog())
@click.option("--config", "-f", type=click.Path(dir_okay=False), help="mkdocs.yml (default: the nearest one above the current folder)")
@click.option("--no-cache", is_flag=True, help="Render every page again instead of reusing .parity-cache/.")
@click.pass_context
def main(context: click.Context, config: str | None, no_cache: bool) -> None:
    """Check that each page's language versions stay in parity."""
    context.obj = {"config": config, "no_cache": no_cache}


@main.command()
@_config_option
@click.option("--json", "json_output", is_flag=True, help="Print findings as JSON.")
@click.option(
    "--allow-stale",
    is_flag=True,
    help="While editing: report pages changed on one side since the lock (P9-stale) as warnings, not failures.",
)
@click.option("--strict", is_flag=True, hidden=True, help="The default; kept so older commands still work.")
@click.pass_context
def check(context: click.Context, json_output: bool, allow_stale: bool, strict: bool) -> None:
    """Report every parity finding; exit 1 on exactly what fails the strict build, stale pairs included."""
    _, _, result = _checked(context)
    soft = SOFT_RULES if allow_stale else ()
    click.echo(as_json(result) if json_output else human(result, warnings_only=soft))
    failing = [finding for finding in result.findings if finding.rule not in soft]
    sys.exit(EXIT_FINDINGS if failing else 0)


def _page_name(site: SiteConfig, name: str) -> str:
    """`duties.md`, `en/duties.md`, `docs/zh/duties.md` or an absolute path, as the page name `duties.md`."""
    path = Path(name)
    if path.is_absolute() or path.exists():
        found = site.page_name(path)
        if found is not None:
            return found[1]
    parts = path.as_posix().split("/")
    if parts and parts[0] == "docs":
        parts = parts[1:]
    if parts and parts[0] in site.languages:
        parts = parts[1:]
    return "/".join(parts)


def _pair_entry(
    site: SiteConfig, result: CheckResult, rel: str, commit: str | None, reason: str | None, langs: tuple[str, ...] = ()
) -> LockEntry:
    """The lock entry confirming `langs` (default: every language the page has) against each other as they are."""
    pair = next(pair for pair in result.pairs if pair.rel == rel)
    pages = {lang: result.pages[(lang, rel)] for lang in (langs or pair.present)}
    return LockEntry(
        hashes={lang: page.content_hash for lang, page in pages.items()},
        locked=datetime.now(timezone.utc).date().isoformat(),
        sections={lang: section_hashes(page) for lang, page in pages.items()},
        commit=commit,
        reason=reason,
    )


def _one_sided(result: CheckResult, rel: str, entry: LockEntry | None) -> str:
    """What changed on one side only, as the refusal names it."""
    pair = next(pair for pair in result.pairs if pair.rel == rel)
    parts = []
    for lang in pair.lock.changed:
        page = result.pages[(lang, rel)]
        changes = changed_sections(page, entry)
        where = f" ({describe_changes(page, changes)})" if changes.known and changes.all else ""
        parts.append(f"{page.display} changed{where}")
    untouched = ", ".join(result.pages[(lang, rel)].display for lang in pair.lock.stale)
    return f"only {'; '.join(parts)} since the lock on {pair.lock.locked}; {untouched} did not"


@main.command()
@_config_option
@click.argument("pages", nargs=-1)
@click.option(
    "--reason",
    metavar="TEXT",
    help="Lock PAGE although only one side changed, because the change needs no translation (a typo fix); "
    "the reason is recorded in the lock and shown on the translation-status page.",
)
@click.option("--force", is_flag=True, help="Lock pages even if they have other parity findings.")
@click.pass_context
def lock(context: click.Context, pages: tuple[str, ...], reason: str | None, force: bool) -> None:
    """Record that both sides of PAGES are in step, in parity.lock.json.

    Run it after you have updated both languages. Without PAGES, every pair that changed on both sides (or was
    never locked) is locked; a pair changed on one side only is never locked without naming it and giving
    --reason, and a pair with other findings is never locked without --force.
    """
    if reason is not None and not reason.strip():
        _fail("--reason needs a few words saying why the other side needs no change")
    if reason and not pages:
        _fail(f"--reason applies to the pages you name: `{LOCK_COMMAND} PAGE --reason \"...\"`")
    site, entries, result = _checked(context)
    by_rel = {pair.rel: pair for pair in result.pairs}
    wanted = [_page_name(site, name) for name in pages] or sorted(by_rel)
    unknown = [name for name in wanted if name not in by_rel]
    if unknown:
        _fail(f"no such page: {', '.join(unknown)} (give paths like duties.md or docs/en/duties.md)")
    blocking: dict[str, list[str]] = {}
    for finding in result.findings:
        if finding.rule != "P9-stale":
            blocking.setdefault(finding.pair, []).append(finding.render())
    commit = current_commit(site.root)
    confirmed: dict[str, LockEntry] = {}
    done: list[str] = []
    unchanged: list[str] = []
    refused: list[tuple[str, list[str]]] = []
    for rel in wanted:
        pair = by_rel[rel]
        state = pair.lock.state
        ready = [
            lang for lang, each in pair.lock.pairs.items() if each.state in (PairState.BOTH_CHANGED, PairState.NOT_LOCKED)
        ]  # with 3+ languages: the translations whose pair can be locked while another translation is stale
        if site.reference not in pair.present or len(pair.present) < 2:
            refused.append((rel, ["the page is missing in one language"]))
        elif rel in blocking and not force:
            refused.append((rel, ["fix these findings first (or use --force if you are sure):", *blocking[rel]]))
        elif state is PairState.IN_STEP:
            now = {lang: section_hashes(result.pages[(lang, rel)]) for lang in pair.present}
            locked_pairs = pair_entries(entries[rel], site.reference).values()
            if any(dict(each.sections) != {lang: now[lang] for lang in each.hashes} for each in locked_pairs):
                confirmed[rel] = _pair_entry(site, result, rel, commit, None)  # the section hashes it lacks
                done.append(f"{rel} (in step since {pair.lock.locked}; recorded its section hashes)")
            else:
                unchanged.append(rel)
        elif state is PairState.STALE and not reason and ready:
            confirmed[rel] = _pair_entry(site, result, rel, commit, None, (site.reference, *ready))
            done.append(f"{rel} ({', '.join(ready)} against {site.reference})")
            stale = [lang for lang, each in pair.lock.pairs.items() if each.state is PairState.STALE]
            refused.append((
                rel,
                [
                    f"{', '.join(stale)}: one side changed since the lock; update it (see `uv run python -m parity "
                    f"diff {rel}`) or, if the change needs no translation, give --reason",
                ],
            ))
        elif state is PairState.STALE and not reason:
            refused.append((
                rel,
                [
                    _one_sided(result, rel, entries.get(rel)) + ".",
                    f"Update the other side (see `{DIFF_COMMAND} {rel}`), or, if the change needs no "
                    f"translation, say why: `{LOCK_COMMAND} {rel} --reason \"typo fix\"`",
                ],
            ))
        else:
            why = {
                PairState.NOT_LOCKED: "first lock",
                PairState.BOTH_CHANGED: f"both sides changed since {pair.lock.locked}",
                PairState.STALE: f"{_one_sided(result, rel, entries.get(rel))}; reason: {reason}",
            }[state]
            confirmed[rel] = _pair_entry(site, result, rel, commit, reason if state is PairState.STALE else None)
            done.append(f"{rel} ({why})")
    new_entries = refreshed(entries, confirmed, keep=set(by_rel), reference=site.reference)
    dropped = sorted(set(entries) - set(new_entries))
    if new_entries != entries or not site.lock_path.exists():
        write_lock(site.lock_path, new_entries)
    for line in done:
        click.echo(f"locked {line}")
    for rel in dropped:
        click.echo(f"dropped {rel} (the page no longer exists)")
    if unchanged and pages:
        for rel in unchanged:
            click.echo(f"unchanged {rel}: in step since {by_rel[rel].lock.locked}")
    elif unchanged:
        click.echo(f"unchanged: {len(unchanged)} pair(s) already in step")
    for rel, reasons in refused:
        click.echo(f"not locked {rel}: {reasons[0]}", err=True)
        for line in reasons[1:]:
            click.echo(f"  {line}", err=True)
    if not (done or dropped or refused):
        click.echo("nothing to lock: parity.lock.json is unchanged")
    sys.exit(EXIT_FINDINGS if refused else 0)


@main.command()
@click.argument("rule_ids", nargs=-1, metavar="[RULE]...")
@click.option("--markdown", is_flag=True, help="Print the rule table CONTRIBUTING.md carries.")
def rules(rule_ids: tuple[str, ...], markdown: bool) -> None:
    """What each rule checks, whether it is universal or house style, and what to do about its findings."""
    if markdown:
        click.echo(rule_table())
        return
    known = {rule.id: rule for rule in all_rules()}
    by_number = {rule.id.split("-", 1)[0]: rule for rule in known.values()}
    unknown = [name for name in rule_ids if name not in known and name.upper() not in by_number]
    if unknown:
        _fail(f"no rule {', '.join(unknown)}; the rules are {', '.join(known)}")
    chosen = [known.get(name) or by_number[name.upper()] for name in rule_ids] or list(known.values())
    click.echo("\n\n".join(describe(rule) for rule in chosen))


@main.command()
@_config_option
@click.argument("page")
@click.pass_context
def diff(context: click.Context, page: str) -> None:
    """Show what changed in PAGE since the pair was locked: the text diff of each changed side (with git), or the
    sections that changed (without it)."""
    site, entries, result = _checked(context)
    rel = _page_name(site, page)
    pair = next((pair for pair in result.pairs if pair.rel == rel), None)
    if pair is None:
        _fail(f"no such page: {page} (give a path like duties.md or docs/en/duties.md)")
    click.echo(show_changes(site, result, rel, entries.get(rel)))
