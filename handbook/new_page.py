"""A new page in one command: `uv run python -m handbook new-page SLUG --title en "…" --title zh "…" …`.

It writes docs/<lang>/SLUG.md for every language of mkdocs.yml's i18n block (front matter with the keys the parity
checker requires, `title` and `description`; the H1; the editors' synthesis to fill in, from data/new-page.yml), adds
`- SLUG.md` to `nav:` in mkdocs.yml (a one-line text insertion: comments and layout stay as they are), and adds the
page's row to the home page's "handbook at a glance" table in every language. Every list that only repeats nav (the
PDF edition, Lighthouse CI's pages, the tests' page list) is derived from nav, so nothing else needs the page.

Nothing is written unless everything can be: a bad slug, an existing page, a missing title or description, or an
unknown --after page is one line saying what to do.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from handbook.site import Site

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*(?:/[a-z0-9]+(?:-[a-z0-9]+)*)*$")
TEMPLATE_FILE = Path("data") / "new-page.yml"


class NewPageError(Exception):
    """The page cannot be made as asked; the message (one line) says why and what to do."""


@dataclass(frozen=True)
class PlannedFile:
    path: Path  # absolute
    text: str
    created: bool  # a new file (True) or an edit of an existing one


def page_name(slug: str) -> str:
    """`hiring`, `hiring.md` or `frameworks/new-one` as the docs-relative page name `hiring.md`."""
    name = slug.strip().removesuffix(".md")
    if not SLUG.match(name):
        raise NewPageError(
            f"'{slug}' is not a page slug: use lower-case letters, digits and hyphens (a folder before a slash), "
            "e.g. hiring or frameworks/hiring-checklist"
        )
    return f"{name}.md"


def _scalar(value: str) -> str:
    """A YAML value as the pages write it: plain when YAML reads it back unchanged, else double-quoted."""
    try:
        if yaml.safe_load(f"key: {value}") == {"key": value}:
            return value
    except yaml.YAMLError:
        pass
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def page_text(title: str, description: str, synthesis_title: str, placeholder: str) -> str:
    return (
        f"---\ntitle: {_scalar(title)}\ndescription: {_scalar(description)}\n---\n\n# {title}\n\n"
        f'!!! abstract "{synthesis_title}"\n    {placeholder}\n'
    )


def insert_nav_entry(mkdocs_yml: str, page: str, after: str | None) -> str:
    """mkdocs.yml with `- page` added to `nav:` after the entry `- after` (at the end of nav without one), as one
    inserted line: comments, order and layout stay as they are."""
    lines = mkdocs_yml.splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if re.match(r"^nav:\s*(#.*)?$", line)), None)
    if start is None:
        raise NewPageError("mkdocs.yml has no top-level `nav:` list: add one (CONTRIBUTING.md, Adding a page)")
    end = start + 1
    while end < len(lines) and (not lines[end].strip() or lines[end][0] in " \t#"):
        end += 1
    while end > start + 1 and (not lines[end - 1].strip() or lines[end - 1].lstrip().startswith("#")):
        end -= 1  # the comment that introduces the next block belongs to it
    entries = [(i, re.match(r"^(\s*)- ", lines[i])) for i in range(start + 1, end)]
    entries = [(i, match.group(1)) for i, match in entries if match]
    if not entries:
        raise NewPageError("mkdocs.yml: `nav:` has no entries to add the page next to")
    if after is None:
        indent = entries[0][1]
        at = end
    else:
        pattern = re.compile(rf"^(\s*)- (?:[^:#]+:\s*)?{re.escape(after)}\s*(#.*)?$")
        found = [(i, indent) for i, indent in entries if pattern.match(lines[i])]
        if not found:
            raise NewPageError(f"--after {after}: no such page in mkdocs.yml's nav")
        at, indent = found[0][0] + 1, found[0][1]
    if at > 0 and not lines[at - 1].endswith("\n"):
        lines[at - 1] += "\n"
    lines.insert(at, f"{indent}- {page}\n")
    return "".join(lines)


def add_overview_row(index_text: str, section_id: str, page: str, title: str, description: str) -> str | None:
    """The home page with a row `| [title](page) | description |` at the end of the table in section `section_id`,
    or None when it has no such section with a table."""
    lines = index_text.splitlines(keepends=True)
    heading = next((i for i, line in enumerate(lines) if re.match(rf"^#+ .*\{{\s*#{re.escape(section_id)}\s*\}}\s*$", line)), None)
    if heading is None:
        return None
    last_row = None
    for i in range(heading + 1, len(lines)):
        if lines[i].startswith("#"):
            break
        if lines[i].lstrip().startswith("|"):
            last_row = i
        elif last_row is not None:
            break
    if last_row is None:
        return None
    label, cell = title.replace("|", "\\|"), description.replace("|", "\\|")
    if not lines[last_row].endswith("\n"):
        lines[last_row] += "\n"
    lines.insert(last_row + 1, f"| [{label}]({page}) | {cell} |\n")
    return "".join(lines)


def _per_language(values: Sequence[tuple[str, str]], option: str, codes: Sequence[str]) -> dict[str, str]:
    given: dict[str, str] = {}
    for code, text in values:
        if code not in codes:
            raise NewPageError(f"{option} {code}: mkdocs.yml declares no language '{code}' (it has {', '.join(codes)})")
        if not text.strip():
            raise NewPageError(f"{option} {code} is empty")
        given[code] = " ".join(text.split())
    missing = [code for code in codes if code not in given]
    if missing:
        example = " ".join(f'{option} {code} "…"' for code in missing)
        raise NewPageError(f"every language needs its {option.lstrip('-')}: add {example}")
    return given


def _template(root: Path, codes: Sequence[str]) -> Mapping:
    path = root / TEMPLATE_FILE
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as error:
        raise NewPageError(f"{TEMPLATE_FILE}: cannot read it ({type(error).__name__}: {error})") from None
    for code in codes:
        entry = (data.get("synthesis") or {}).get(code) or {}
        if not entry.get("title") or not entry.get("placeholder"):
            raise NewPageError(f"{TEMPLATE_FILE}: synthesis › {code} needs a title and a placeholder")
    return data


def plan(
    root: Path,
    site: Site,
    slug: str,
    titles: Sequence[tuple[str, str]],
    descriptions: Sequence[tuple[str, str]],
    after: str | None = None,
) -> list[PlannedFile]:
    """Every file the new page writes or changes, checked; nothing is written."""
    page = page_name(slug)
    codes = site.codes
    title = _per_language(titles, "--title", codes)
    description = _per_language(descriptions, "--description", codes)
    existing = [f"docs/{code}/{page}" for code in codes if (site.docs_dir / code / page).exists()]
    if existing or page in site.pages:
        where = ", ".join(existing) if existing else "mkdocs.yml's nav"
        raise NewPageError(f"{page} already exists ({where}): edit it, or choose another slug")
    if after is not None:
        after = page_name(after)
        if after not in site.pages:
            raise NewPageError(f"--after {after}: no such page in mkdocs.yml's nav ({', '.join(site.pages)})")
    template = _template(root, codes)
    planned: list[PlannedFile] = []
    for code in codes:
        words = template["synthesis"][code]
        text = page_text(title[code], description[code], words["title"], words["placeholder"])
        planned.append(PlannedFile(site.docs_dir / code / page, text, created=True))
    config_file = root / "mkdocs.yml"
    planned.append(PlannedFile(config_file, insert_nav_entry(config_file.read_text(encoding="utf-8"), page, after), False))
    overview = template.get("overview") or {}
    if overview.get("page") and overview.get("section_id"):
        for code in codes:
            index = site.docs_dir / code / overview["page"]
            if not index.is_file():
                continue
            link = Path(*[".."] * (len(Path(overview["page"]).parts) - 1), page).as_posix()
            edited = add_overview_row(index.read_text(encoding="utf-8"), overview["section_id"], link, title[code],
                                      description[code])
            if edited is None:
                raise NewPageError(
                    f"docs/{code}/{overview['page']}: no table under a heading {{ #{overview['section_id']} }} to add "
                    f"the page's row to ({TEMPLATE_FILE}, overview)"
                )
            planned.append(PlannedFile(index, edited, False))
    return planned


def write(planned: Sequence[PlannedFile]) -> None:
    for file in planned:
        file.path.parent.mkdir(parents=True, exist_ok=True)
        file.path.write_text(file.text, encoding="utf-8")
