"""MkDocs adapter for the parity checker (the checker itself is the pure `parity` package).

- Checks once per build, before any page renders (on_pre_build). mkdocs-static-i18n runs a nested build per extra
  language from its on_post_build, with the same config object; the result is memoised on a fingerprint of the
  docs files, the lock and data/*.yml (paths, sizes, mtimes), and findings are logged only by the outermost build
  (handbook/build_nesting.py). Broken links and pages outside nav are left to MkDocs, which reports them itself (the
  CLI reports them too, so that its verdict is the strict build's).
- Findings are WARNINGs on a logger under "mkdocs.plugins.", so `mkdocs build --strict` (strict: true in
  mkdocs.yml) counts them and fails. A crash in the checker is one ERROR line, never a traceback.
- One count for the whole bilingual build: each MkDocs build counts the warnings logged while it runs, and the
  nested build of a further language would abort with its own count only ("Aborted with 1 warnings" after three
  warnings). So strict is turned off for the nested builds (they attach no counter of their own) and back on when
  the outermost build ends: the outer build's counter sees every warning of every language and aborts once, with
  the right number.
- Under `mkdocs serve`, strict is turned off, so findings stay warnings and the server keeps running.
- Pages that are not UTF-8 are handed to MkDocs decoded (as GB18030), so MkDocs does not crash with a
  traceback; the checker reports them (P8-encoding), which fails a strict build.
- Fills docs/<lang>/translation-status.md with the status table, in that page's language.

Why a hook and not a setting: no MkDocs or plugin setting compares the languages' pages. The file is not named
parity.py: MkDocs puts hooks/ first on sys.path while it loads a hook, and a hooks/parity.py would shadow the
`parity` package.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import Any

import parity.checker
import parity.config
import parity.documents
import parity.lock
import parity.status
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import CountHandler

from handbook.build_nesting import BuildNesting
from handbook.site import SiteError, site_from_config

log = get_plugin_logger("parity")


class _State:
    """What the hook remembers between events and builds (MkDocs loads a hook module once per process)."""

    def __init__(self) -> None:
        self.command: str | None = None
        self.announced_serve = False
        self.fingerprint: tuple[Any, ...] | None = None
        self.result: Any = None  # parity.checker.CheckResult of the last check; None if it could not run
        self.crashed: str | None = None
        self.nesting = BuildNesting()  # findings are logged by the outermost build only
        self.undecodable: dict[str, str] = {}  # "en/page.md" -> the page decoded as well as possible
        self.strict_off_until_done: MkDocsConfig | None = None  # its strict was on; back on when the build ends


_state = _State()


def on_startup(command: str, dirty: bool) -> None:
    _state.command = command


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if _state.command == "serve":
        # build() attaches its strict-mode warning counter before this event runs, so turning strict off here
        # also detaches that counter; otherwise a finding would abort the build and stop the server.
        config.strict = False
        mkdocs_logger = logging.getLogger("mkdocs")
        for handler in list(mkdocs_logger.handlers):
            if isinstance(handler, CountHandler):
                mkdocs_logger.removeHandler(handler)
        if not _state.announced_serve:
            _state.announced_serve = True
            log.info("serving: parity findings are warnings, and strict mode is off while serving")
    return config


def _site_config(config: MkDocsConfig) -> Any:
    root = Path(config.config_file_path).resolve().parent if config.config_file_path else Path.cwd()
    try:
        site = site_from_config(config)
    except SiteError as error:
        raise parity.config.ConfigError(str(error)) from error
    names = {language.code: language.name for language in site.languages}
    return parity.config.SiteConfig(
        root=root,
        docs_dir=Path(config.docs_dir).resolve(),
        languages=site.codes,
        extensions=tuple(config.markdown_extensions),
        extension_configs=dict(config.mdx_configs),
        lock_path=root / parity.config.LOCK_FILE_NAME,
        cache_dir=root / parity.config.CACHE_DIR_NAME,
        nav_pages=parity.config.nav_pages(config.nav),
        language_names=names,
        data_dir=root / "data",
        docs_structure=str(getattr(config.plugins["i18n"].config, "docs_structure", parity.config.FOLDER)),
        fallback_to_default=bool(getattr(config.plugins["i18n"].config, "fallback_to_default", False)),
    )


def _fingerprint(site: Any) -> tuple[Any, ...]:
    entries: list[tuple[str, int, int]] = []
    for lang in site.languages:
        for rel, path in site.page_files(lang).items():
            stat = path.stat()
            entries.append((f"{lang}/{rel}", stat.st_size, stat.st_mtime_ns))
    if site.data_dir is not None and site.data_dir.is_dir():
        for path in sorted(site.data_dir.glob("*.yml")):
            stat = path.stat()
            entries.append((f"data/{path.name}", stat.st_size, stat.st_mtime_ns))
    lock = site.lock_path.stat() if site.lock_path.exists() else None
    settings = parity.checker.settings_fingerprint(site)
    return (tuple(entries), (lock.st_size, lock.st_mtime_ns) if lock else None, settings)


def _run_check(config: MkDocsConfig) -> None:
    _state.crashed = None
    try:
        site = _site_config(config)
        fingerprint = _fingerprint(site)
        if fingerprint == _state.fingerprint and _state.result is not None:
            return
        started = time.perf_counter()
        pages = parity.checker.read_pages(site)
        lock = parity.lock.read_lock(site.lock_path)
        _state.result = parity.checker.check_pages(site, pages, lock)
        _state.fingerprint = fingerprint
        log.debug(f"checked {len(_state.result.pairs)} page pairs in {time.perf_counter() - started:.3f}s")
        _state.undecodable = {
            f"{lang}/{rel}": parity.documents.decode(pages[lang][rel])[0]
            for (lang, rel), summary in _state.result.summaries.items()
            if summary.encoding_problem
        }
    except (parity.config.ConfigError, parity.lock.LockError) as error:
        _state.result, _state.fingerprint = None, None
        _state.crashed = str(error)
    except Exception as error:  # noqa: BLE001 - a checker crash is reported, never a traceback
        _state.result, _state.fingerprint = None, None
        where = ""
        traceback = error.__traceback__
        while traceback is not None and traceback.tb_next is not None:
            traceback = traceback.tb_next
        if traceback is not None:
            where = f" at {Path(traceback.tb_frame.f_code.co_filename).name}:{traceback.tb_lineno}"
        _state.crashed = f"the parity checker crashed ({type(error).__name__}: {error}{where}); please report this"


def on_pre_build(config: MkDocsConfig) -> None:
    outermost = _state.nesting.enter()
    if outermost and config.strict:
        # This build's warning counter is already attached; the nested builds of further languages, started from
        # static-i18n's on_post_build with this config object, will attach none while strict is off.
        config.strict = False
        _state.strict_off_until_done = config
    _run_check(config)
    if not outermost:  # one of mkdocs-static-i18n's nested builds: the outermost one has logged
        return
    if _state.crashed:
        log.error(_state.crashed)
        return
    result = _state.result
    own = [finding for finding in result.findings if finding not in result.also_reported_by_mkdocs]
    for finding in sorted(own, key=lambda f: (f.pair, f.rule, f.where.line or 0)):
        log.warning(finding.render())
    if own:
        log.info(f"{len(own)} parity finding(s); run `uv run python -m parity check` for the report")


def on_page_read_source(page: Page, config: MkDocsConfig) -> str | None:
    """Hand MkDocs a decoded copy of a page that is not UTF-8, instead of letting it crash."""
    return _state.undecodable.get(page.file.src_uri)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    parts = page.file.src_uri.split("/", 1)
    if len(parts) != 2 or parts[1] != parity.status.STATUS_PAGE or _state.result is None:
        return markdown
    return markdown.rstrip("\n") + "\n\n" + parity.status.status_table(_state.result, parts[0]) + "\n"


def _outer_build_ended() -> None:
    _state.nesting.reset()
    if _state.strict_off_until_done is not None:
        _state.strict_off_until_done.strict = True
        _state.strict_off_until_done = None


@event_priority(-1000)  # after static-i18n's on_post_build (-100), which runs the nested builds
def on_post_build(config: MkDocsConfig) -> None:
    if _state.nesting.leave():
        _outer_build_ended()


def on_build_error(error: Exception) -> None:
    _outer_build_ended()
