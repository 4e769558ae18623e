"""An MkDocs plugin with one job: keep jieba's import-time warnings out of build and serve output.

jieba 0.42.1, which Material's search plugin uses to split Chinese into words, writes regular expressions with
invalid escape sequences. Whenever Python compiles jieba's source rather than loading cached bytecode (a fresh CI
runner, PYTHONDONTWRITEBYTECODE, a read-only environment), each one is a DeprecationWarning (a SyntaxWarning from
Python 3.12), and MkDocs logs each with its stack: about 18 lines that look like a crash, around the one or two an
editor needs.

Material's search plugin imports jieba when MkDocs loads it, before any hook is loaded, so this is a plugin, listed
first under `plugins:` in mkdocs.yml (MkDocs loads plugins in the order listed). Importing this module installs
one filter: "invalid escape sequence" warnings raised while compiling files inside a `jieba` folder are ignored.
Every other warning, from jieba or anything else, is still shown.
"""

from __future__ import annotations

import warnings

from mkdocs.plugins import BasePlugin

JIEBA_FILES = r".*[\\/]jieba[\\/]"  # a compile-time warning's module is its file path without ".py"
MESSAGE = r"invalid escape sequence"


def ignore_jieba_escape_warnings() -> None:
    """Ignore jieba's invalid-escape warnings only (placed first, so it wins over MkDocs' own warning filters)."""
    for category in (DeprecationWarning, SyntaxWarning):
        warnings.filterwarnings("ignore", message=MESSAGE, category=category, module=JIEBA_FILES)


ignore_jieba_escape_warnings()


class JiebaWarnings(BasePlugin):  # type: ignore[type-arg]
    """Does nothing once loaded: its module's import installed the filter."""
