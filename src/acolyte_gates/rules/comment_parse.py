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

BLANK, PROSE, MAYBE = "blank", "prose", "maybe"
"""Line classes."""
LABEL, WEAK, STRONG, NONSENSE = "label", "weak", "strong", "nonsense"
"""Unit kinds: expressions only (words, formulas; no call); other statements that prose may
parse as (`pass`, `return value`, `if x:`); surely code; parses but means nothing."""

_NOT_NAMES = frozenset(keyword.kwlist) | frozenset(keyword.softkwlist)
_WORD_PAIR = re.compile(r"([A-Za-z_]\w*)[ \t]+(?=([A-Za-z_]\w*))")
_STRING = re.compile(r"'[^'\n]*'|\"[^\"\n]*\"")
_SENTENCE_BREAK = re.compile(r"[a-z]\.\s+[A-Z]")
_FIRST_WORD = re.compile(r"[A-Za-z_]\w*")
_FOLLOWERS = {
    "else": "if 1: pass\n",
    "elif": "if 1: pass\n",
    "except": "try: pass\n",
    "finally": "try: pass\n",
}
_MAX_JOINED = 10
_STRONG_STATEMENTS = (
    ast.Assign,
    ast.AugAssign,
    ast.Import,
    ast.ImportFrom,
    ast.Delete,
    ast.Assert,
    ast.FunctionDef,
    ast.AsyncFunctionDef,
    ast.ClassDef,
)
_STRING_OPERATORS = (ast.Add, ast.Mod, ast.Mult)


@dataclass(frozen=True)
class Unit:
    """Lines [start, end) of a run that parse together, and what kind of statements they are."""

    start: int
    end: int
    kind: str


def code_part(text: str) -> str:
    """A line with its strings blanked out and its trailing comment cut off."""
    return _STRING.sub("s", text).split("#", 1)[0].rstrip()


def indent(body: str) -> int:
    """How far a comment body is indented after its `#` signs."""
    return len(body) - len(body.lstrip())


def classify(body: str) -> str:
    """BLANK for an empty line or a comment inside the comment, PROSE when no statement could
    be the line (two plain words side by side, a doctest prompt), else MAYBE."""
    text = body.strip()
    if not text or text.startswith("#"):
        return BLANK
    if text.startswith((">>>", "... ", "$ ")):
        return PROSE
    code = code_part(text)
    if _SENTENCE_BREAK.search(code):
        return PROSE
    for pair in _WORD_PAIR.finditer(code):
        if pair.group(1) not in _NOT_NAMES and pair.group(2) not in _NOT_NAMES:
            return PROSE
    return MAYBE


def _prepare(bodies: list[str]) -> tuple[str, int]:
    """The lines dedented, with a stand-in for a missing `if`/`try` before them or a body after.

    Also returns how many lines the stand-in put before the text (0 or 1).
    """
    text = textwrap.dedent("\n".join(bodies)).strip("\n")
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


def _parse(bodies: list[str]) -> tuple[ast.Module | None, int]:
    """The tree of the prepared lines (None when they do not parse) and the stand-in's line count."""
    text, shift = _prepare(bodies)
    try:
        return ast.parse(text), shift
    except (SyntaxError, ValueError, RecursionError, MemoryError, OverflowError):
        return None, shift


def _is_simple(node: ast.expr | None) -> bool:
    """A name, constant or dotted name: prose parses as these, code rarely stops at them."""
    while isinstance(node, (ast.Attribute, ast.UnaryOp)):
        node = node.value if isinstance(node, ast.Attribute) else node.operand
    return isinstance(node, (ast.Name, ast.Constant))


def _is_macro(func: ast.expr) -> bool:
    """An ALL-CAPS name called: a C macro, as comments about C code write them (`STDMETHOD(name)`)."""
    return isinstance(func, ast.Name) and len(func.id) > 1 and func.id.isupper()


def _is_code_call(node: ast.expr) -> bool:
    """A call with arguments, written as code writes it (`f(x)`, not `f (x)` nor `MACRO(x)`).

    Prose names a function with empty parentheses (`# then call obj.close()`) and puts a
    space before an aside in parentheses (`# exception (limited in size)`).
    """
    if isinstance(node, (ast.Await, ast.Yield, ast.YieldFrom)) and node.value is not None:
        node = node.value
    if not isinstance(node, ast.Call) or not (node.args or node.keywords):
        return False
    return not _is_macro(node.func) and _no_space_before_parenthesis(node)


def _no_space_before_parenthesis(call: ast.Call) -> bool:
    first = min(
        [arg.col_offset for arg in call.args] + [named.col_offset for named in call.keywords]
    )
    return first - (call.func.end_col_offset or 0) <= 1 or call.func.end_lineno != call.lineno


def _is_strong(statement: ast.stmt) -> bool:
    """Whether a statement is one only code is made of (prose rarely parses as it)."""
    if isinstance(statement, _STRONG_STATEMENTS):
        return True
    if isinstance(statement, ast.Return):
        return statement.value is not None and not _is_simple(statement.value)
    if isinstance(statement, ast.Raise):
        return statement.exc is not None and not _is_simple(statement.exc)
    return isinstance(statement, ast.Expr) and _is_code_call(statement.value)


def _is_nonsense(node: ast.AST) -> bool:
    """Parses, but no program means it: `5. (x)` and `(a) (b)` calls, `"a" / "b"` (prose, grammars)."""
    if isinstance(node, ast.Call):
        func = node.func
        return isinstance(func, ast.Constant) or (
            isinstance(func, ast.Name) and func.col_offset > node.col_offset
        )
    if isinstance(node, ast.BinOp) and not isinstance(node.op, _STRING_OPERATORS):
        return any(
            isinstance(side, ast.Constant) and isinstance(side.value, str)
            for side in (node.left, node.right)
        )
    return False


def _kind(tree: ast.Module) -> str:
    nodes = list(ast.walk(tree))
    if any(_is_nonsense(node) for node in nodes):
        return NONSENSE
    if any(isinstance(node, ast.stmt) and _is_strong(node) for node in nodes):
        return STRONG
    labels = all(isinstance(statement, ast.Expr) for statement in tree.body)
    return LABEL if labels else WEAK


def _bracket_depth(body: str) -> int:
    text = code_part(body)
    return sum(text.count(c) for c in "([{") - sum(text.count(c) for c in ")]}")


def _unit_at(bodies: list[str], start: int) -> Unit | None:
    """The unit starting at line `start`: the line alone, or joined until its brackets close."""
    tree, _ = _parse(bodies[start : start + 1])
    end = start + 1
    depth = _bracket_depth(bodies[start])
    while tree is None and depth > 0 and end < min(len(bodies), start + _MAX_JOINED):
        depth += _bracket_depth(bodies[end])
        end += 1
        if depth <= 0:
            tree, _ = _parse(bodies[start:end])
    return None if tree is None else Unit(start, end, _kind(tree))


def _first_code_line(tree: ast.Module, shift: int, size: int) -> int:
    """Offset of the first statement that is not a label (`# Old code` before the code)."""
    for statement in tree.body:
        if not isinstance(statement, ast.Expr) or _is_code_call(statement.value):
            decorators: list[ast.expr] = getattr(statement, "decorator_list", [])
            line = min([statement.lineno, *(node.lineno for node in decorators)])
            return min(max(line - 1 - shift, 0), size - 1)
    return 0


def segment_units(bodies: list[str], start: int, end: int) -> list[Unit]:
    """The units of lines [start, end): the whole segment if it parses, else line by line."""
    whole, shift = _parse(bodies[start:end])
    if whole is not None:
        return [Unit(start + _first_code_line(whole, shift, end - start), end, _kind(whole))]
    units: list[Unit] = []
    line = start
    while line < end:
        unit = None if classify(bodies[line]) == BLANK else _unit_at(bodies[:end], line)
        if unit is not None:
            units.append(unit)
        line = unit.end if unit is not None else line + 1
    return units
