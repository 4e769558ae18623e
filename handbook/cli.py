"""`uv run python -m handbook new-page`: scaffold a page in every language (handbook/new_page.py).

Exit status: 0 done; 2 nothing written, with one line saying why (a bad slug, an existing page, a missing title …).
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from handbook.new_page import NewPageError, plan, write
from handbook.site import SiteError, load_site

EXIT_ERROR = 2


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """The handbook's editing commands."""


@main.command("new-page")
@click.argument("slug")
@click.option("--title", "titles", nargs=2, multiple=True, metavar="LANG TEXT", help="The page's title in LANG (every language).")
@click.option("--description", "descriptions", nargs=2, multiple=True, metavar="LANG TEXT",
              help="One sentence for search engines in LANG (every language; ≤ 160 characters in English, ≤ 80 in Chinese).")
@click.option("--after", metavar="PAGE", help="Put the page after PAGE in nav (default: at the end of nav).")
def new_page(slug: str, titles: tuple[tuple[str, str], ...], descriptions: tuple[tuple[str, str], ...], after: str | None) -> None:
    """Add the page SLUG (e.g. hiring) in every language, to nav and to the home page's overview table."""
    root = Path.cwd()
    config_file = root / "mkdocs.yml"
    if not config_file.is_file():
        click.echo("new-page: error: no mkdocs.yml here: run it in the repository's folder", err=True)
        sys.exit(EXIT_ERROR)
    try:
        site = load_site(config_file)
        planned = plan(root, site, slug, titles, descriptions, after)
    except (NewPageError, SiteError) as error:
        click.echo(f"new-page: error: {error}", err=True)
        sys.exit(EXIT_ERROR)
    write(planned)
    for file in planned:
        click.echo(f"{'created' if file.created else 'updated'} {file.path.relative_to(root).as_posix()}")
    page = planned[0].path.name if len(Path(slug).parts) == 1 else slug.removesuffix(".md") + ".md"
    codes = " and ".join(f"docs/{code}/{page}" for code in site.codes)
    click.echo(
        f"Next: write {codes} (the synthesis first), preview with `uv run mkdocs serve`, check with "
        f"`uv run python -m parity check --allow-stale`; once both say the same, `uv run python -m parity lock` "
        f"locks the new pair and the home page."
    )
