"""Control blocks nested deeper than allowed inside one function.

``if``, ``for``, ``while``, ``try`` (``try``/``except*`` too), ``with`` and ``match``
(and ``async for``/``async with``) each open a level; ``elif``, ``else``,
``except``, ``finally`` and ``case`` stay at the level of their statement. Nested
``def``, ``async def`` and ``class`` are skipped: each function is measured on
its own. The first block past the limit is reported once, at its keyword, and
the blocks inside it are not reported again.

Telling ``elif`` from ``else:`` followed by an indented ``if``: both give an
``If`` node as the only statement of the parent's ``orelse``. An ``elif`` starts
at the parent's column, while an ``if`` under ``else:`` is indented deeper, so
comparing columns is exact for any mix of spaces and tabs the tokenizer
accepts. A form feed in the indentation resets the tokenizer's column but not
``col_offset``; for that case callers may pass the file's ``lines`` (split on
``\\n``, ``\\r\\n`` or ``\\r`` only, as the tokenizer does, not ``str.splitlines``),
and the text at the node's position decides. On the standard library both ways
agree on every function.
"""

import ast
from dataclasses import dataclass
from typing import Sequence

_KEYWORDS: dict[type[ast.AST], str] = {
    ast.If: "if",
    ast.For: "for",
    ast.AsyncFor: "async for",
    ast.While: "while",
    ast.Try: "try",
    ast.With: "with",
    ast.AsyncWith: "async with",
    ast.Match: "match",
}
if hasattr(ast, "TryStar"):  # Python 3.11 and later
    _KEYWORDS[ast.TryStar] = "try"


@dataclass(frozen=True)
class DeepBlock:
    """A control block opening a level past the allowed depth."""

    line: int
    col: int  # 1-based column of the block's first keyword
    depth: int  # the level the block opens: max_depth + 1
    keyword: str  # "if", "for", "async for", "while", "try", "with", ...


def _is_elif(parent: ast.If, lines: Sequence[str] | None) -> bool:
    """Tell whether the parent's ``orelse`` is an ``elif`` (not ``else:`` + ``if``)."""
    orelse = parent.orelse
    if len(orelse) != 1 or type(orelse[0]) is not ast.If:
        return False
    child = orelse[0]
    if lines is not None:
        text = lines[child.lineno - 1]
        return text.startswith("elif", child.col_offset)
    return child.col_offset == parent.col_offset


def _inside(block: ast.stmt, depth: int, lines: Sequence[str] | None) -> list[tuple[ast.stmt, int]]:
    """Pair the statements a block at ``depth`` holds with their own depth.

    Its bodies are one level in; an ``elif`` is at the block's own level.
    """
    if type(block) is ast.If and _is_elif(block, lines):
        return [(stmt, depth + 1) for stmt in block.body] + [(block.orelse[0], depth)]
    return [(stmt, depth + 1) for stmt in _bodies(block)]


def _bodies(block: ast.stmt) -> list[ast.stmt]:
    """List the statements of every clause of a block."""
    inner = list(getattr(block, "body", ()))
    inner += getattr(block, "orelse", ())
    inner += getattr(block, "finalbody", ())
    for clause in [*getattr(block, "handlers", ()), *getattr(block, "cases", ())]:
        inner += clause.body
    return inner


def deep_blocks(
    node: ast.FunctionDef | ast.AsyncFunctionDef,
    max_depth: int,
    lines: Sequence[str] | None = None,
) -> list[DeepBlock]:
    """Report each block of a function that opens level ``max_depth + 1``.

    ``lines`` (optional) makes ``elif`` detection exact even with form feeds.
    """
    found = []
    stack: list[tuple[ast.stmt, int]] = [(stmt, 0) for stmt in node.body]
    while stack:
        stmt, depth = stack.pop()
        keyword = _KEYWORDS.get(type(stmt))
        if keyword is None:
            continue
        if depth >= max_depth:
            found.append(DeepBlock(stmt.lineno, stmt.col_offset + 1, depth + 1, keyword))
            continue
        stack.extend(_inside(stmt, depth, lines))
    return sorted(found, key=lambda block: (block.line, block.col))
