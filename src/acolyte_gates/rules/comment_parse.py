"""Comment text as Python: which comment lines may be code, and what their statements look like.

Used by commented_code.py. A comment line's body is its text after the leading `#` signs.
Lines are classed blank, prose (no statement could be it) or maybe-code; runs of maybe-code
lines are parsed whole when they can be, else line by line, into units.
"""

from __future__ import annotations

import ast
import keyword
import re
import textwrap
from dataclasses import dataclass

from acolyte_gates.rules.comment_kinds import ITEM, NONSENSE, is_code_call, kind

BLANK, PROSE, MAYBE = "blank", "prose", "maybe"
"""Line classes."""

_NOT_NAMES = frozenset(keyword.kwlist) | frozenset(keyword.softkwlist)
_WORD_PAIR = re.compile(r"([A-Za-z_]\w*)[ \t]+(?=([A-Za-z_]\w*))")
_STRING = re.compile(r"'[^'\n]*'|\"[^\"\n]*\"")
_SENTENCE_BREAK = re.compile(r"[a-z]\.\s+[A-Z]")
_FIRST_WORD = re.compile(r"[A-Za-z_]\w*")
_BULLET = re.compile(r"[-*\u2022][ \t]+\S")
"""A list item of prose (`# * follow_symlinks=False,` is a bullet, not a starred target)."""
_CONTINUES = re.compile(r"(and|or|is|in|as)\b[^.()\[\]{}=<>+*/%]*")
"""Words no statement starts with, but a line of a sentence may (`# and adding`); a line of a
condition may too (`# or a.b == c`), but it holds operators."""
_SUPERSCRIPT = re.compile(r"\w\^[\w{]")
"""`A^a`, `x^{2}`: a power or an index written the way of mathematics, not Python."""
_URL_MARK = re.compile(r"://|\bwww\.")
_URL = re.compile(r"[^\s:]*://\S*|\bwww\.\S*")
_RULE_LINE = re.compile(r"([-=*~_+])\1{2,}")
"""A line drawn across the comment (`# -----`): as good as blank."""
_PY2_PRINT = re.compile(r"^(\s*)print(?:\s*>>[^,]+,)?\s+(?![\s(=.,)])(.*)$")
"""Python 2's print statement: `print x`, `print "a", b`, `print >>f, x` (not `print (x)`)."""
_FOLLOWERS = {
    "else": "if 1: pass\n",
    "elif": "if 1: pass\n",
    "except": "try: pass\n",
    "finally": "try: pass\n",
}
_ITEM_BRACKETS = (("[", "]"), ("{", "}"), ("f(", ")"))
"""Where lines that are not statements may still be code: list, dict and call items."""
_MAX_JOINED = 10


@dataclass(frozen=True)
class Unit:
    """Lines [start, end) of a run that parse together, what kind of statements they are, and
    the first line that is not a label (`# Old code` before the code)."""

    start: int
    end: int
    kind: str
    first: int


@dataclass(frozen=True)
class Run:
    """One run's comment bodies (text after the `#` signs) and their line classes."""

    bodies: tuple[str, ...]
    classes: tuple[str, ...]

    @classmethod
    def of(cls, bodies: tuple[str, ...]) -> Run:
        """The run of these bodies, each line classed."""
        return cls(bodies, tuple(map(classify, bodies)))


def _masked(text: str) -> str:
    """The line with each string's characters replaced, so that `#` and brackets in it vanish."""
    if "'" not in text and '"' not in text:
        return text
    return _STRING.sub(lambda string: "s" * len(string.group(0)), text)


def code_part(text: str) -> str:
    """A line with its strings blanked out and its trailing comment cut off."""
    return _masked(text).split("#", 1)[0].rstrip()


def indent(body: str) -> int:
    """How far a comment body is indented after its `#` signs."""
    return len(body) - len(body.lstrip())


def _has_word_pair(code: str) -> bool:
    """Two plain words side by side (`not found` is one, `is not` is not): prose."""
    for pair in _WORD_PAIR.finditer(code):
        if pair.group(1) not in _NOT_NAMES and pair.group(2) not in _NOT_NAMES:
            return True
    return False


def _is_prose(code: str) -> bool:
    """Whether a line with no plain word pair is still no statement: a sentence break, a line
    of a sentence (`# and adding`) or a list item of prose (`# * a=1,`)."""
    breaks = _SENTENCE_BREAK.search(code) or _SUPERSCRIPT.search(code)
    return bool(breaks or _CONTINUES.fullmatch(code) or _BULLET.match(code))


def classify(body: str) -> str:
    """BLANK for an empty line or a comment inside the comment, PROSE when no statement could
    be the line (two plain words side by side, a doctest prompt, a bullet), else MAYBE.

    A line drawn across, or a bare URL (`# https://...`, `# url = https://...`), is as good as
    blank: a reference, not part of a sentence nor of code. A Python 2 print statement is
    judged by what it prints (`# print x` may be code, `# print the total` is prose).
    """
    text = body.strip()
    if not text or text[0] == "#":
        return BLANK
    if text.startswith((">>>", "... ", "$ ")):
        return PROSE
    code = code_part(text)
    if _has_word_pair(code):
        return MAYBE if _prints_code(code) else PROSE
    if _RULE_LINE.fullmatch(text) or _URL_MARK.search(code):
        return BLANK
    return PROSE if _is_prose(code) else MAYBE


def _prints_code(code: str) -> bool:
    """A Python 2 print statement of something that is no sentence (`print x, y`)."""
    printed = _PY2_PRINT.match(code) if code.startswith("print") else None
    return printed is not None and not _has_word_pair(printed.group(2))


def _py3(line: str) -> str:
    """A Python 2 print statement as a call (`print x, y` -> `print(x, y)`), a line with a bare
    URL (a reference) as an empty line; other lines as they are."""
    code = code_part(line)
    if _URL_MARK.search(code):
        return ""
    printed = _PY2_PRINT.match(code)
    if not printed:
        return line
    rest = line[printed.start(2) : len(code)]
    return f"{printed.group(1)}print({rest}){line[len(code):]}"


def _prepare(bodies: list[str]) -> tuple[str, int]:
    """The lines dedented, with a stand-in for a missing `if`/`try` before them or a body after.

    Also returns how many lines the stand-in put before the text (0 or 1).
    """
    text = textwrap.dedent("\n".join(map(_py3, bodies))).strip("\n")
    first = _FIRST_WORD.match(text.lstrip())
    prefix = _FOLLOWERS.get(first.group(0) if first else "", "")
    text = prefix + text
    last = text.rsplit("\n", 1)[-1]
    inner = " " * (indent(last) + 4)
    if code_part(last).endswith(":"):
        text += f"\n{inner}pass"
    elif last.lstrip().startswith("@"):
        text += f"\n{inner[4:]}def f(): pass"
    if first and first.group(0) == "try" and "\nexcept" not in text and "\nfinally" not in text:
        text += "\nfinally: pass"
    return text, prefix.count("\n")


@dataclass(frozen=True)
class _Parsed:
    """A tree of some lines, how many stand-in lines come before them, and whether they parsed
    only as the items of a list, dict or call."""

    tree: ast.Module
    shift: int
    items: bool

    @property
    def kind(self) -> str:
        """The unit kind of the tree; items that make sense are ITEM."""
        found = kind(self.tree)
        return ITEM if self.items and found != NONSENSE else found


def _tree(text: str) -> ast.Module | None:
    try:
        return ast.parse(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError, OverflowError):
        return None


def _parse(bodies: list[str]) -> _Parsed | None:
    """The lines as statements, else (when they end with a comma) as items; None if neither."""
    text, shift = _prepare(bodies)
    tree = _tree(text)
    if tree is not None:
        return _Parsed(tree, shift, False)
    if not code_part(bodies[-1]).endswith(","):
        return None
    plain = textwrap.dedent("\n".join(bodies)).strip("\n")
    for opening, closing in _ITEM_BRACKETS:
        tree = _tree(f"{opening}\n{plain}\n{closing}")
        if tree is not None:
            return _Parsed(tree, 1, True)
    return None


def _bracket_depth(body: str) -> int:
    text = code_part(body)
    return sum(text.count(c) for c in "([{") - sum(text.count(c) for c in ")]}")


def _unit_at(bodies: list[str], start: int) -> Unit | None:
    """The unit starting at line `start`: the line alone, or joined until its brackets close."""
    parsed = _parse(bodies[start : start + 1])
    end = start + 1
    depth = _bracket_depth(bodies[start])
    while parsed is None and depth > 0 and end < min(len(bodies), start + _MAX_JOINED):
        depth += _bracket_depth(bodies[end])
        end += 1
        if depth <= 0:
            parsed = _parse(bodies[start:end])
    return None if parsed is None else Unit(start, end, parsed.kind, start)


def _first_code_line(parsed: _Parsed, size: int) -> int:
    """Offset of the first statement that is not a label (`# Old code` before the code)."""
    if parsed.items:
        return 0
    for statement in parsed.tree.body:
        if not isinstance(statement, ast.Expr) or is_code_call(statement.value):
            decorators: list[ast.expr] = getattr(statement, "decorator_list", [])
            line = min([statement.lineno, *(node.lineno for node in decorators)])
            return min(max(line - 1 - parsed.shift, 0), size - 1)
    return 0


def segment_units(bodies: list[str], start: int, end: int) -> list[Unit]:
    """The units of lines [start, end): the whole segment if it parses, else line by line."""
    whole = _parse(bodies[start:end])
    if whole is not None:
        return [Unit(start, end, whole.kind, start + _first_code_line(whole, end - start))]
    units: list[Unit] = []
    line = start
    while line < end:
        unit = None if classify(bodies[line]) == BLANK else _unit_at(bodies[:end], line)
        if unit is not None:
            units.append(unit)
        line = unit.end if unit is not None else line + 1
    return units
