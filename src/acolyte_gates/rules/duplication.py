"""The duplication rule: a block of statements that appears again, up to renamed locals and literals."""

from __future__ import annotations

from collections.abc import Iterator

from acolyte_gates.duplication import RULE_CODE, RULE_NAME
from acolyte_gates.duplication.matching import describe, same_file_copies
from acolyte_gates.duplication.windows import file_windows
from acolyte_gates.rules.base import Context, Hit, Rule, RuleDocs
from acolyte_gates.source import SourceFile


def _check_duplicates(source: SourceFile, ctx: Context) -> Iterator[Hit]:
    size = ctx.settings.min_duplicate_lines
    if size <= 0:
        return
    for copy in same_file_copies(file_windows(source, size)):
        yield Hit(copy.line, copy.col, describe(copy))


_WHAT = """Finds a block of at least `min-duplicate-lines` statements that appears again in the
same file or, under `acolyte-gates check`, in another checked file. Each copy is reported
at its first line with the lines of another copy; a long copied block is one finding per
copy. Two blocks are copies when they are the same statement for statement after local
names are renamed and literals changed: a local name is one the function (or an enclosing
one, or the module, for module-level code) binds, by a parameter, an assignment, a loop,
`with`, `except` or `case` target, or a comprehension, lambda or walrus; every other name
(globals, builtins, the functions called, class attributes, attribute and keyword-argument
names) must be spelled the same, so two blocks that call different functions are not copies.
Numbers, strings, bytes and True/False may differ.

A statement line is one statement, or the header of a compound statement (`if x:`,
`for a in b:`, `except E:`, `case ...:`), however many physical lines it spans; the message
gives the physical lines of both copies and the number of statements. Blocks are counted
inside one function, class body or module body, never across a `def` or `class`. Imports
(guarded ones in a `try` or `if` too) and docstrings never count. A block made of one or two
statements repeated (a table of `X = 1` lines, a chain of `if a: args.append("-a")`) is a list,
not a copy, and a pattern that repeats right after itself counts only once its repetitions
are a whole block apart."""

_KNOWN_PROBLEMS = """The flake8 plugin sees one file at a time, so under flake8 only copies within
a file are reported; `acolyte-gates check` also reports copies across files. A copy renamed
inconsistently (`a + b` against `x + x`) still matches, since every local becomes the same
placeholder, so two runs of assignments of constants to different names (`sep = "/"`,
`dot = "."` against `sep = "/"`, `curdir = "."`) can match. A block copied within a file and
into another file is reported once per copy, against the copy in its own file."""

_EXAMPLE = """def load_users(path):
    rows = read(path)
    rows = [row.strip() for row in rows]
    return rows


def load_orders(source):
    items = read(source)
    items = [item.strip() for item in items]
    return items
"""

_USE_INSTEAD = """def load_lines(path):
    rows = read(path)
    rows = [row.strip() for row in rows]
    return rows


def load_users(path):
    return load_lines(path)
"""

DUPLICATED_CODE = Rule(
    RULE_CODE,
    RULE_NAME,
    "Block of statements repeated elsewhere (6 statements or more, up to renamed locals and literals).",
    RuleDocs(
        what=_WHAT,
        why="A copied block must be fixed in every copy, and one copy is always forgotten. "
        "A function named for what the block does is written, tested and changed once.",
        example=_EXAMPLE,
        use_instead=_USE_INSTEAD,
        options="`min-duplicate-lines` (default 6; 0 turns the rule off): the fewest statements "
        "a copied block must have. `duplicates-across-files` (default true): whether "
        "`acolyte-gates check` also compares files with each other.",
        known_problems=_KNOWN_PROBLEMS,
        example_config=(("min-duplicate-lines", 3),),
    ),
    _check_duplicates,
)

RULES = (DUPLICATED_CODE,)
