"""MkDocs hook: the PDF edition, one per language (cmo-handbook-en.pdf, cmo-handbook-zh.pdf in the site's root).

Only `mkdocs build` with ENABLE_PDF_EXPORT=1 makes it (the Pages workflow sets it); otherwise, and always under
`mkdocs serve`, this hook does nothing. Each language's build records its nav pages in order; when the outermost
build ends (mkdocs-static-i18n builds the other languages inside the default one's post-build step), each language's
built pages are assembled into one document (handbook/print_edition.py) and printed by Chromium
(handbook/pdf_printer.py). Without a browser the build fails with one line saying what to install; so does a PDF
that draws any text as empty boxes, for want of a font (handbook/pdf_fonts.py): it is deleted, not published.
Its words are each language's own (extra.print_edition in that language's i18n entry in mkdocs.yml), checked when
the build starts, with or without the PDFs: a missing one stops the build with one line naming the language and the
key. The pages in extra.print_edition_linked_from (the home and sources pages) link to the PDF in their language
(overrides/partials/print-edition-link.html) in that build only, so a build without the PDFs has no link to a
missing file.
"""

from __future__ import annotations

import datetime
import os
import time
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger

from handbook import language_words
from handbook.build_nesting import BuildNesting
from handbook.pdf_fonts import unreadable
from handbook.pdf_printer import PrinterUnavailable, PrintJob, print_pdfs
from handbook.print_edition import EditionTexts, PrintEditionError, assemble, edition_file_name, number_contents

log = get_plugin_logger("print_edition")
nesting = BuildNesting()
SWITCH = "ENABLE_PDF_EXPORT"


class _State:
    def __init__(self) -> None:
        self.command: str | None = None
        self.editions: dict[str, dict] = {}  # language -> {"urls": [...], "title": ..., "description": ...}


_state = _State()


def enabled() -> bool:
    return _state.command == "build" and os.environ.get(SWITCH, "").strip().lower() in ("1", "true", "yes")


def on_startup(command, dirty):
    _state.command = command
    if command == "serve" and os.environ.get(SWITCH):
        log.info(f"{SWITCH} is ignored while serving; `{SWITCH}=1 uv run mkdocs build` makes the PDF edition")


def on_config(config):
    try:
        language_words.check(config, "print_edition")
    except language_words.MissingWords as error:
        raise PluginError(f"PDF edition: {error}") from None
    return config


def on_pre_build(config):
    if nesting.enter():  # the outermost build: start afresh
        _state.editions = {}


def on_build_error(error):
    nesting.reset()


@event_priority(-200)  # after mkdocs-static-i18n has made this language's nav (-100)
def on_nav(nav, config, files):
    if enabled():
        language = config.theme["language"]
        _state.editions[language] = {
            "urls": [page.url for page in nav.pages],
            "title": config.site_name,
            "description": config.site_description,
        }
    return nav


def on_page_context(context, page, config, nav):
    """On the pages listed in extra.print_edition_linked_from, offer this language's PDF (only when it is made)."""
    page_name = page.file.src_uri.split("/", 1)[-1]
    if enabled() and page_name in config.extra.get("print_edition_linked_from", []):
        language = config.theme["language"]
        context["print_edition"] = {
            "file": edition_file_name(language),
            "text": language_words.words(config, language, "print_edition")["link"],
        }
    return context


@event_priority(-1000)  # after mkdocs-static-i18n has built every language (-100)
def on_post_build(config):
    if not nesting.leave() or not enabled():
        return
    started = time.perf_counter()
    site_dir = Path(config.site_dir)
    stylesheets = sorted((site_dir / "assets" / "stylesheets").glob("main.*.min.css"))
    stylesheets += sorted((site_dir / "assets" / "stylesheets").glob("palette.*.min.css"))
    stylesheets += [site_dir / css for css in config.extra_css]
    day = _edition_day()
    jobs = []
    try:
        for language, edition in _state.editions.items():
            words = language_words.words(config, language, "print_edition")
            texts = EditionTexts(
                title=edition["title"],
                description=edition["description"],
                contents=words["contents"],
                date=words["date"],
                published_at=words["published_at"],
            )
            document = assemble(site_dir, language, edition["urls"], texts, config.site_url, stylesheets, day)
            jobs.append(PrintJob(document, site_dir / edition_file_name(language), texts.title, number_contents))
        print_pdfs(jobs)
        _check_glyphs(list(zip(_state.editions, jobs)))
    except (PrinterUnavailable, PrintEditionError) as error:
        raise PluginError(f"PDF edition ({SWITCH}=1): {error}") from None
    sizes = ", ".join(f"{job.target.name} {job.target.stat().st_size / 1024:.0f} KiB" for job in jobs)
    log.info(f"PDF edition: {sizes} in {time.perf_counter() - started:.1f}s")


def _check_glyphs(printed: list[tuple[str, PrintJob]]) -> None:
    """Fail with one line if a PDF draws text as empty boxes (a font is missing), and delete the unreadable PDFs."""
    problems = []
    for language, job in printed:
        problem = unreadable(job.target, language, job.html)
        if problem:
            problems.append(problem)
            job.target.unlink()
    if problems:
        more = f" (and {len(problems) - 1} more PDF)" if len(problems) > 1 else ""
        raise PrintEditionError(problems[0] + more)


def _edition_day() -> datetime.date:
    """Today (UTC), or SOURCE_DATE_EPOCH's day for a reproducible build."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = datetime.datetime.fromtimestamp(int(epoch), datetime.UTC) if epoch else datetime.datetime.now(datetime.UTC)
    return moment.date()
