"""Comments and brackets of a parsed file, found by one regular expression instead of tokenize.

Python's pure-Python tokenizer (3.11 and before) costs about as much as `ast.parse`; the
comment rules need only comments and bracket depth. In code that parses, a `#` outside a
string always starts a comment, and strings close where tokenize closes them (a backslash
escapes the next character, even in a raw string), so scanning strings and comments left to
right gives tokenize's comments exactly. From 3.12 an f-string may nest its own quotes and
tokenize is written in C: there `AVAILABLE` is false and callers use the tokens.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator

AVAILABLE = sys.version_info < (3, 12)

_STRINGS = (
    r"'''[^'\\]*(?:(?:\\.|'(?!''))[^'\\]*)*'''"
    r'|"""[^"\\]*(?:(?:\\.|"(?!""))[^"\\]*)*"""'
    r"|'[^\n'\\]*(?:\\.[^\n'\\]*)*'"
    r'|"[^\n"\\]*(?:\\.[^\n"\\]*)*"'
)
_COMMENTS = re.compile(rf"#[^\n]*|{_STRINGS}", re.DOTALL)
_COMMENTS_AND_BRACKETS = re.compile(rf"#[^\n]*|[()\[\]{{}}]|{_STRINGS}", re.DOTALL)
_OPENING = frozenset("([{")
_CLOSING = frozenset(")]}")

Lexeme = tuple[int, int, str]
"""(line, 0-based column, text) of a comment or bracket."""


def _lexemes(text: str, pattern: re.Pattern[str]) -> Iterator[Lexeme]:
    """Every comment and (with the bracket pattern) bracket, strings skipped, in order."""
    line, line_start, position = 1, 0, 0
    for match in pattern.finditer(text):
        start, found = match.start(), match.group()
        newlines = text.count("\n", position, start)
        if newlines:
            line += newlines
            line_start = text.rfind("\n", position, start) + 1
        position = match.end()
        first = found[0]
        if first == "#" or first in _OPENING or first in _CLOSING:
            yield line, start - line_start, found
        elif "\n" in found:
            line += found.count("\n")
            line_start = text.rfind("\n", start, position) + 1


def comments(text: str) -> list[Lexeme]:
    """Every comment of the text: its line, 0-based column and text (`#` included)."""
    return list(_lexemes(text, _COMMENTS))


def bracketed_comment_lines(text: str) -> frozenset[int]:
    """Lines of comments that sit inside an open bracket of the code: `f(a,  # here`."""
    depth = 0
    lines = set()
    for line, _, found in _lexemes(text, _COMMENTS_AND_BRACKETS):
        if found in _OPENING:
            depth += 1
        elif found in _CLOSING:
            depth -= 1
        elif depth > 0:
            lines.add(line)
    return frozenset(lines)
