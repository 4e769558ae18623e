"""MkDocs adapter for the parity checker (the checker itself is the pure `parity` package). Public events only.

- Checks before any page renders (on_pre_build), and logs each finding as a WARNING on a logger under
  "mkdocs.plugins.", so a strict build (strict: true in mkdocs.yml) counts them and fails: it fails on exactly
  what `python -m parity check` fails on. Broken links and pages outside nav are left to MkDocs, which reports them
  itself. A crash in the checker is one ERROR line, never a traceback. `-q` hides warnings from strict mode's
  counter too (MkDocs sets its logger to ERROR), so a quiet strict build with findings fails with one error.
- Once per build: mkdocs-static-i18n builds each further language with the same config object, calling
  on_pre_build again; the check is memoised on a fingerprint of its inputs, and findings are logged once per
  config object and fingerprint. A new build (a new `mkdocs build`, a serve rebuild) loads a new config and logs
  them again. Nothing here needs to know which build is nested in which.
- Under `mkdocs serve`, findings are logged as INFO lines ("parity finding: …"): the site's strict mode is left as
  it is, but a finding never stops the server. `mkdocs build` (and CI) fails on them.
- Pages that are not UTF-8 are handed to MkDocs decoded (as GB18030), so MkDocs does not crash with a traceback;
  the checker reports them (P8-encoding).
- Fills docs/<lang>/translation-status.md with the status table, in that page's language, and replaces a
  `<!-- parity:checks -->` line on it with the list of the checks the build runs (data/status-labels.yml's words).

Why a hook and not a setting: no MkDocs or plugin setting compares the languages' pages. The file is not named
parity.py: MkDocs puts hooks/ first on sys.path while it loads a hook, and a hooks/parity.py would shadow the
`parity` package.
"""

from __future__ import annotations

import logging
import time
import weakref
from pathlib import Path
from typing import Any

import parity.checker
import parity.config
import parity.lock
import parity.status
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from handbook.site import SiteError, site_from_config

log = get_plugin_logger("parity")


class _State:
    """What the hook remembers between events (MkDocs loads a hook module once per process)."""

    def __init__(self) -> None:
        self.command: str | None = None
        self.fingerprint: tuple[Any, ...] | None = None
        self.result: Any = None  # parity.checker.CheckResult of the last check; None if it could not run
        self.crashed: str | None = None
        self.logged: tuple[weakref.ref[MkDocsConfig], tuple[Any, ...] | None] | None = None
        self.undecodable: dict[str, str] = {}  # "en/page.md" -> the page decoded as well as possible


_state = _State()


def on_startup(command: str, dirty: bool) -> None:
    _state.command = command


def _site_config(config: MkDocsConfig) -> parity.config.SiteConfig:
    root = Path(config.config_file_path).resolve().parent if config.config_file_path else Path.cwd()
    try:
        site = site_from_config(config)
    except SiteError as error:
        raise parity.config.ConfigError(str(error)) from error
    return parity.config.SiteConfig(
        root=root,
        docs_dir=Path(config.docs_dir).resolve(),
        languages=site.codes,
        extensions=tuple(config.markdown_extensions),
        extension_configs=dict(config.mdx_configs),
        lock_path=root / parity.config.LOCK_FILE_NAME,
        cache_dir=root / parity.config.CACHE_DIR_NAME,
        nav_pages=parity.config.nav_pages(config.nav),
        language_names={language.code: language.name for language in site.languages},
        data_dir=root / "data",
        docs_structure=str(getattr(config.plugins["i18n"].config, "docs_structure", parity.config.FOLDER)),
        fallback_to_default=bool(getattr(config.plugins["i18n"].config, "fallback_to_default", False)),
    )


def _run_check(config: MkDocsConfig) -> None:
    _state.crashed = None
    try:
        site = _site_config(config)
        fingerprint = parity.checker.inputs_fingerprint(site)
        if fingerprint == _state.fingerprint and _state.result is not None:
            return
        started = time.perf_counter()
        _state.result = parity.checker.check_site(site)
        _state.fingerprint = fingerprint
        log.debug(f"checked {len(_state.result.pairs)} page pairs in {time.perf_counter() - started:.3f}s")
        for note in _state.result.notes:  # what the check left out (a translation with no terms of its own)
            log.info(f"parity: {note}")
        _state.undecodable = {page.display: page.text for page in _state.result.pages.values() if page.encoding_problem}
    except (parity.config.ConfigError, parity.lock.LockError) as error:
        _state.result, _state.fingerprint = None, None
        _state.crashed = str(error)
    except Exception as error:  # noqa: BLE001 - a checker crash is reported, never a traceback
        _state.result, _state.fingerprint = None, None
        traceback = error.__traceback__
        while traceback is not None and traceback.tb_next is not None:
            traceback = traceback.tb_next
        where = f" at {Path(traceback.tb_frame.f_code.co_filename).name}:{traceback.tb_lineno}" if traceback else ""
        _state.crashed = f"the parity checker crashed ({type(error).__name__}: {error}{where}); please report this"


def on_pre_build(config: MkDocsConfig) -> None:
    _run_check(config)
    if _state.logged is not None and _state.logged[0]() is config and _state.logged[1] == _state.fingerprint:
        return  # the same build again: a further language of mkdocs-static-i18n, already reported
    _state.logged = (weakref.ref(config), _state.fingerprint)
    if _state.crashed:
        log.error(_state.crashed)
        return
    result = _state.result
    serving = _state.command == "serve"
    own = [finding for finding in result.findings if not finding.also_reported_by_mkdocs]
    for finding in sorted(own, key=lambda f: (f.pair, f.rule, f.where.line or 0)):
        if serving:
            log.info(f"parity finding: {finding.render()}")
        else:
            log.warning(finding.render())
    if own and config.strict and not serving and not log.isEnabledFor(logging.WARNING):
        # `mkdocs build --strict -q` sets MkDocs' logger to ERROR, so no warning reaches strict mode's counter.
        raise PluginError(f"parity: {len(own)} finding(s), hidden by --quiet; strict mode fails on them: run "
                          f"`uv run python -m parity check` to see them")
    if own:
        log.info(f"{len(own)} parity finding(s); run `uv run python -m parity check` for the report"
                 + ("; `mkdocs build` fails on them" if serving else ""))


def on_page_read_source(page: Page, config: MkDocsConfig) -> str | None:
    """Hand MkDocs a decoded copy of a page that is not UTF-8, instead of letting it crash."""
    return _state.undecodable.get(page.file.src_uri)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    parts = page.file.src_uri.split("/", 1)
    if len(parts) != 2 or parts[1] != parity.status.STATUS_PAGE or _state.result is None:
        return markdown
    if parity.status.CHECKS_MARKER in markdown:
        markdown = markdown.replace(parity.status.CHECKS_MARKER, parity.status.checks_list(_state.result, parts[0]))
    return markdown.rstrip("\n") + "\n\n" + parity.status.status_table(_state.result, parts[0]) + "\n"
