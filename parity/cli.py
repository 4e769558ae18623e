"""`python -m parity check|lock`: the same checker the MkDocs hook runs, from the command line.

Exit status: 0 in step; 1 findings (or, for `lock`, pages left unlocked); 2 the check could not run (usage,
mkdocs.yml, lock file, or an internal error, reported in one line).
"""

from __future__ import annotations

import sys
from datetime import datetime, timezone
from pathlib import Path

import click

from parity.checker import check_site
from parity.config import ConfigError, SiteConfig, find_config_file, load_site_config
from parity.lock import LockError, read_lock, refreshed, write_lock
from parity.report import as_json, human

EXIT_FINDINGS = 1
EXIT_ERROR = 2
SOFT_RULES = ("P9-stale",)  # warnings, not failures, without --strict


def _site(config: str | None, no_cache: bool) -> SiteConfig:
    config_file = Path(config) if config else find_config_file(Path.cwd())
    return load_site_config(config_file, use_cache=not no_cache)


def _fail(message: str) -> None:
    click.echo(f"parity: error: {message}", err=True)
    sys.exit(EXIT_ERROR)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--config", "-f", type=click.Path(dir_okay=False), help="mkdocs.yml (default: the nearest one above the current folder)")
@click.option("--no-cache", is_flag=True, help="Render every page again instead of reusing .parity-cache/.")
@click.pass_context
def main(context: click.Context, config: str | None, no_cache: bool) -> None:
    """Check that the English and Chinese pages stay in parity."""
    context.obj = {"config": config, "no_cache": no_cache}


@main.command()
@click.option("--json", "json_output", is_flag=True, help="Print findings as JSON.")
@click.option("--strict", is_flag=True, help="Fail on every finding, staleness included (as the strict build does).")
@click.pass_context
def check(context: click.Context, json_output: bool, strict: bool) -> None:
    """Report every parity finding; exit 1 if there are any (staleness only with --strict)."""
    try:
        site = _site(context.obj["config"], context.obj["no_cache"])
        result = check_site(site)
    except (ConfigError, LockError) as error:
        _fail(str(error))
    except Exception as error:  # noqa: BLE001 - no input may produce a traceback
        _fail(f"the parity checker crashed ({type(error).__name__}: {error}); please report this")
    soft = () if strict else SOFT_RULES
    click.echo(as_json(result) if json_output else human(result, warnings_only=soft))
    failing = [finding for finding in result.findings if finding.rule not in soft]
    sys.exit(EXIT_FINDINGS if failing else 0)


def _page_name(site: SiteConfig, name: str) -> str:
    """`duties.md`, `en/duties.md`, `docs/zh/duties.md` or an absolute path, as the page name `duties.md`."""
    path = Path(name)
    if path.is_absolute() or path.exists():
        resolved = path.resolve()
        for lang in site.languages:
            try:
                return resolved.relative_to(site.lang_dir(lang).resolve()).as_posix()
            except ValueError:
                continue
    parts = path.as_posix().split("/")
    if parts and parts[0] == "docs":
        parts = parts[1:]
    if parts and parts[0] in site.languages:
        parts = parts[1:]
    return "/".join(parts)


@main.command()
@click.argument("pages", nargs=-1)
@click.option("--force", is_flag=True, help="Lock pages even if they have other parity findings.")
@click.pass_context
def lock(context: click.Context, pages: tuple[str, ...], force: bool) -> None:
    """Record that both sides of PAGES (default: every page) are in step, in parity.lock.json.

    Run it after you have updated both languages. Pages with other findings are skipped unless --force.
    """
    try:
        site = _site(context.obj["config"], context.obj["no_cache"])
        entries = read_lock(site.lock_path)
        result = check_site(site)
    except (ConfigError, LockError) as error:
        _fail(str(error))
    except Exception as error:  # noqa: BLE001
        _fail(f"the parity checker crashed ({type(error).__name__}: {error}); please report this")
    by_rel = {pair.rel: pair for pair in result.pairs}
    wanted = [_page_name(site, name) for name in pages] or sorted(by_rel)
    unknown = [name for name in wanted if name not in by_rel]
    if unknown:
        _fail(f"no such page: {', '.join(unknown)} (give paths like duties.md or docs/en/duties.md)")
    blocking: dict[str, list[str]] = {}
    for finding in result.findings:
        if finding.rule != "P9-stale":
            blocking.setdefault(finding.pair, []).append(finding.render())
    confirmed: dict[str, dict[str, str]] = {}
    skipped: list[str] = []
    for rel in wanted:
        pair = by_rel[rel]
        if len(pair.present) != len(site.languages) or (rel in blocking and not force):
            skipped.append(rel)
            continue
        confirmed[rel] = {lang: result.summaries[(lang, rel)]["content_hash"] for lang in pair.present}
    today = datetime.now(timezone.utc).date().isoformat()
    new_entries = refreshed(entries, confirmed, today, keep=set(by_rel))
    if new_entries != entries or not site.lock_path.exists():
        write_lock(site.lock_path, new_entries)
    for rel in confirmed:
        click.echo(f"locked {rel} ({new_entries[rel].locked})")
    for rel in skipped:
        reasons = blocking.get(rel) or ["the page is missing in one language"]
        click.echo(f"not locked {rel}: fix these first (or use --force):", err=True)
        for reason in reasons:
            click.echo(f"  {reason}", err=True)
    sys.exit(EXIT_FINDINGS if skipped else 0)
