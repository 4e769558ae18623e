"""Our JavaScript as pages carry it: overrides/javascripts/*.js, inlined without its header comment.

Each file starts with a /* … */ header saying what it does and which Material behaviour it relies on; that is for
maintainers, and every page would carry it, so the inlined copy leaves it out.
"""

from __future__ import annotations

import re

HEADER = re.compile(r"\A\s*/\*.*?\*/\s*", re.S)


class ScriptHeaderMissing(ValueError):
    """A script does not start with its /* … */ header."""


def without_header(script: str) -> str:
    """The script's code: everything after its leading /* … */ header, without surrounding blank lines."""
    match = HEADER.match(script)
    if match is None:
        raise ScriptHeaderMissing("the script does not start with a /* … */ header (see overrides/javascripts/)")
    return script[match.end() :].strip()
