"""The parse rule: a file that cannot be read as Python is reported once, and the run goes on."""

from __future__ import annotations

from collections.abc import Iterator

from acolyte_gates.rules.base import Context, Hit, Rule, RuleDocs
from acolyte_gates.source import SourceFile


def _check_parse(source: SourceFile, ctx: Context) -> Iterator[Hit]:
    failure = source.failure
    if failure is not None:
        yield Hit(failure.line, failure.col, failure.message)


CANNOT_PARSE = Rule(
    "ACO001",
    "cannot-parse",
    "File cannot be checked: a syntax error, null bytes, or an undecodable encoding.",
    RuleDocs(
        what="Reports a file that Python cannot parse: a syntax error, null bytes, bytes that "
        "are not valid in the file's declared encoding (UTF-8 unless a PEP 263 cookie says "
        "otherwise), or nesting too deep for the parser. No other rule runs on such a file.",
        why="A file no rule can read would pass every rule silently. Under flake8 a file "
        "with a syntax error or null bytes gets flake8's own E999 instead, since flake8 runs "
        "no tree plugin on a file it cannot parse; a file that is not valid in its declared "
        "encoding, which flake8 reads anyway (as latin-1), gets ACO001 there too.",
        example="def broken(:\n    pass\n",
        use_instead="def fixed():\n    pass\n",
    ),
    _check_parse,
)

RULES = (CANNOT_PARSE,)
