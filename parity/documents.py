"""Load one page: decode its bytes, split and parse its front matter, hash its normalised content.

Nothing here knows about the other language; it only turns a file into a `Document`.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

UTF8_BOM = "\ufeff"
_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class EncodingProblem:
    """Why a file is not valid UTF-8, and where the first bad byte is."""

    first_bad_byte: int
    line: int
    column: int
    looks_like: str | None  # "GBK/GB18030" when the bytes decode as such, else None


@dataclass(frozen=True)
class FrontMatterProblem:
    """A front-matter block that is not a valid YAML mapping."""

    line: int  # 1-based line in the file
    problem: str


@dataclass(frozen=True)
class Document:
    """One page in one language, decoded and split into front matter and body."""

    lang: str
    rel: str  # path relative to the language folder, with forward slashes: "frameworks/eight-suggestions.md"
    text: str  # the decoded file, BOM removed, line endings normalised to \n
    body: str  # the Markdown after the front matter
    body_line: int  # 1-based line in the file where `body` starts
    front_matter: dict[str, object] | None  # None when there is no front-matter block or it is invalid
    front_matter_problem: FrontMatterProblem | None = None
    encoding_problem: EncodingProblem | None = None
    content_hash: str = field(default="")

    @property
    def display(self) -> str:
        """The name used in messages: `zh/duties.md`."""
        return f"{self.lang}/{self.rel}"


def decode(raw: bytes) -> tuple[str, EncodingProblem | None]:
    """Decode a page as UTF-8 (a BOM and CRLF are fine); on failure, diagnose and decode as best we can."""
    problem: EncodingProblem | None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = error.start - (before.rfind(b"\n") + 1) + 1
        looks_like: str | None
        try:
            text = raw.decode("gb18030")
            looks_like = "GBK/GB18030"
        except UnicodeDecodeError:
            text = raw.decode("utf-8", errors="replace")
            looks_like = None
        problem = EncodingProblem(raw[error.start], line, column, looks_like)
    else:
        problem = None
    if text.startswith(UTF8_BOM):
        text = text[1:]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, problem


def normalise(text: str) -> str:
    """Content as the lock sees it: line endings and trailing whitespace do not count."""
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return "\n".join(lines).strip("\n") + "\n"


# Front-matter keys that are settings, not content: changing them does not make a page pair stale, so the lock's
# hash leaves them out (see CONTRIBUTING.md, "Front matter"). `search` holds Material's per-page search boost.
SETTINGS_KEYS = ("search",)


def without_settings(text: str) -> str:
    """The text without the front matter's settings keys (a top-level `search:` line and its indented lines)."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip(" \t") != "---":
        return text
    kept, skipping = [lines[0]], False
    for index in range(1, len(lines)):
        line = lines[index]
        if line.rstrip(" \t") in ("---", "..."):
            return "\n".join(kept + lines[index:])
        if line[:1] not in (" ", "\t", ""):
            skipping = line.split(":", 1)[0].strip() in SETTINGS_KEYS
        if not skipping:
            kept.append(line)
    return text


def content_hash(text: str) -> str:
    """The lock's hash of a page: sha256 of its normalised content, front-matter settings left out."""
    return "sha256:" + hashlib.sha256(normalise(without_settings(text)).encode("utf-8")).hexdigest()


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """Split `---` front matter off the text, the way MkDocs does.

    Returns (front matter YAML or None, body, 1-based line where the body starts).
    """
    lines = text.split("\n")
    if not lines or lines[0].rstrip(" \t") != "---":
        return None, text, 1
    for index in range(1, len(lines)):
        if lines[index].rstrip(" \t") in ("---", "..."):
            if index == len(lines) - 1:  # MkDocs requires a newline after the closing fence
                break
            yaml_text = "\n".join(lines[1:index]) + "\n"
            body = "\n".join(lines[index + 1 :])
            return yaml_text, body, index + 2
    return None, text, 1


def _unclosed_front_matter(text: str) -> bool:
    """The file opens a front-matter block (`---`, then a `key: value` line) that no `---` or `...` line closes."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip(" \t") != "---":
        return False
    first = next((line for line in lines[1:] if line.strip()), "")
    return _KEY_VALUE.match(first) is not None


_KEY_VALUE = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)[ \t]*:[ \t]*(?P<value>.*)$")


def _plain_problem(yaml_text: str, parser_line: int | None) -> FrontMatterProblem | None:
    """The mistakes editors make in front matter, in plain words, on the line where they made them.

    PyYAML reports an unclosed quote where the block ends (the closing `---`), and a colon in a value or a tab in
    parser jargon; look for each on the lines themselves. Line numbers are file lines (the block starts on line 2).
    """
    found: list[FrontMatterProblem] = []
    for index, text in enumerate(yaml_text.split("\n")):
        line = 2 + index
        if "\t" in text:
            column = text.index("\t") + 1
            found.append(FrontMatterProblem(
                line,
                f"a tab character at column {column}; YAML does not allow tabs here: replace it with spaces",
            ))
            continue
        match = _KEY_VALUE.match(text)
        if not match:
            continue
        key, value = match["key"], match["value"].rstrip()
        if value[:1] in ("\"", "'"):
            quote = value[0]
            closed = len(value) > 1 and value.endswith(quote) and not (quote == '"' and value.endswith('\\"'))
            if not closed:
                found.append(FrontMatterProblem(
                    line,
                    f"the value of `{key}` opens a quote ({quote}) that is not closed on this line: end the value "
                    f"with {quote}",
                ))
        elif re.search(r":(?:\s|$)", value):
            quoted = '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
            found.append(FrontMatterProblem(
                line,
                f"the value of `{key}` contains a colon followed by a space, which YAML reads as the start of "
                f"another key: put the whole value in quotes: {key}: {quoted}",
            ))
    if not found:
        return None
    if parser_line is not None:
        at_or_before = [problem for problem in found if problem.line <= parser_line]
        if at_or_before:
            return at_or_before[-1]
    return found[0]


def parse_front_matter(yaml_text: str) -> tuple[dict[str, object] | None, FrontMatterProblem | None]:
    """Parse a front-matter block; line numbers in problems are file lines (the block starts on line 2)."""
    try:
        try:  # libyaml when PyYAML has it (several times faster); PyYAML's own parser words the problems
            data = yaml.load(yaml_text, Loader=_FAST_LOADER)  # noqa: S506 - a safe loader
        except yaml.YAMLError:
            data = yaml.safe_load(yaml_text)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = 2 + mark.line if mark is not None else 2
        plain = _plain_problem(yaml_text, line)
        if plain is not None:
            return None, plain
        problem = error.problem or error.context or "invalid YAML"
        return None, FrontMatterProblem(line, f"invalid YAML: {problem}")
    except yaml.YAMLError as error:  # pragma: no cover - every PyYAML parse error is a MarkedYAMLError
        return None, FrontMatterProblem(2, f"invalid YAML: {error}")
    if data is None:
        return {}, None
    if not isinstance(data, dict):
        return None, FrontMatterProblem(2, f"front matter must be a mapping of keys to values, not a {type(data).__name__}")
    return {str(key): value for key, value in data.items()}, None


def load_document(lang_dir: Path, lang: str, rel: str, raw: bytes | None = None) -> Document:
    """Read and decode `lang_dir/rel`."""
    if raw is None:
        raw = (lang_dir / rel).read_bytes()
    text, encoding_problem = decode(raw)
    yaml_text, body, body_line = split_front_matter(text)
    front_matter: dict[str, object] | None = None
    front_matter_problem: FrontMatterProblem | None = None
    if yaml_text is not None:
        front_matter, front_matter_problem = parse_front_matter(yaml_text)
    elif _unclosed_front_matter(text):
        front_matter_problem = FrontMatterProblem(
            1, "the block opened by `---` on line 1 is never closed: add a line with `---` after its last key"
        )
    return Document(
        lang=lang,
        rel=rel,
        text=text,
        body=body,
        body_line=body_line,
        front_matter=front_matter,
        front_matter_problem=front_matter_problem,
        encoding_problem=encoding_problem,
        content_hash=content_hash(text),
    )
