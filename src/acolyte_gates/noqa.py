"""flake8's `# noqa` grammar, reproduced so that both front ends suppress exactly the same findings.

flake8 looks for `# noqa` in the text of the reported line, widened to the whole range of a
token that spans lines (a triple-quoted string); `# noqa` alone silences every code, and
`# noqa: A1,B2` silences the listed codes and every code they prefix. `# flake8: noqa` alone
on a line skips the file. On top of that, a finding about a definition is also silenced by a
noqa on one of its decorator lines or on any line of its (wrapped) signature.
"""

from __future__ import annotations

import re
import tokenize
from collections.abc import Sequence

INLINE = re.compile(r"# noqa(?::[\s]?(?P<codes>([A-Z]+[0-9]+(?:[,\s]+)?)+))?", re.IGNORECASE)
FILE = re.compile(r"^\s*# flake8[:=]\s*noqa", re.IGNORECASE | re.MULTILINE)
_ANY = re.compile("noqa", re.IGNORECASE)
_SEPARATORS = re.compile(r"[,\s]")


def skips_file(text: str) -> bool:
    """Whether a line starting with `# flake8: noqa` tells every checker to skip this file."""
    return FILE.search(text) is not None


def mentions_noqa(text: str) -> bool:
    """A quick test that lets files without any noqa skip the per-finding search."""
    return _ANY.search(text) is not None


def silences(text: str, code: str) -> bool:
    """Whether the noqa comment in `text` (if any) silences `code`, as flake8 decides it."""
    match = INLINE.search(text)
    if match is None:
        return False
    codes_text = match.group("codes")
    if codes_text is None:
        return True
    codes = tuple(c.strip() for c in _SEPARATORS.split(codes_text) if c.strip())
    return code in codes or code.startswith(codes)


def line_spans(tokens: Sequence[tokenize.TokenInfo], line_count: int) -> dict[int, tuple[int, int]]:
    """Each line's (first, last) line of the token run flake8 joins when it looks for noqa."""
    spans: dict[int, tuple[int, int]] = {}
    low, high = line_count + 2, -1
    for token in tokens:
        if token.type in (tokenize.ENDMARKER, tokenize.DEDENT):
            continue
        low = min(low, token.start[0])
        high = max(high, token.end[0])
        if token.type in (tokenize.NL, tokenize.NEWLINE):
            for line in range(low, high + 1):
                spans[line] = (low, high)
            low, high = line_count + 2, -1
    return spans
