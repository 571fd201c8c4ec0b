"""Physical lines of a text with their own line endings, as written (CRLF stays CRLF)."""

from __future__ import annotations

import re

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")


def split_lines(text: str) -> list[str]:
    """The text's lines, each with its ending; only `\\n`, `\\r\\n` and `\\r` end a line."""
    return _LINE.findall(text)


def is_blank(line: str) -> bool:
    """Whether a line holds nothing but blanks and its ending."""
    return not line.strip()
