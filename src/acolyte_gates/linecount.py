"""Line counting for the length rules: physical lines, or code lines with lizard's NLOC meaning."""

from __future__ import annotations

import ast
import tokenize
from itertools import accumulate

from acolyte_gates.config.settings import Count
from acolyte_gates.source import SourceFile

_NOT_CODE = frozenset(
    {
        tokenize.COMMENT,
        tokenize.NL,
        tokenize.NEWLINE,
        tokenize.INDENT,
        tokenize.DEDENT,
        tokenize.ENCODING,
        tokenize.ENDMARKER,
    }
)
_DOC_OWNERS = (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)


def _docstring_start(node: ast.AST) -> tuple[int, int] | None:
    """Where a module's, class's or function's docstring starts, if it has one."""
    if not isinstance(node, _DOC_OWNERS) or not node.body:
        return None
    first = node.body[0]
    if (
        isinstance(first, ast.Expr)
        and isinstance(first.value, ast.Constant)
        and isinstance(first.value.value, str)
    ):
        return first.lineno, first.col_offset
    return None


def docstring_starts(tree: ast.Module) -> set[tuple[int, int]]:
    """(line, col) where each module, class and function docstring starts."""
    starts = {_docstring_start(node) for node in ast.walk(tree)}
    return {start for start in starts if start is not None}


def _code_line_prefix(source: SourceFile) -> list[int]:
    """prefix[n] = how many of lines 1..n hold code (not blank, comment or docstring)."""
    docstrings = docstring_starts(source.tree)
    is_code = [False] * (len(source.lines) + 2)
    for token in source.tokens:
        if token.type in _NOT_CODE:
            continue
        if token.type == tokenize.STRING and token.start in docstrings:
            continue
        for line in range(token.start[0], token.end[0] + 1):
            is_code[line] = True
    return list(accumulate(int(flag) for flag in is_code))


def span_length(source: SourceFile, first: int, last: int, count: Count) -> int:
    """The length of lines first..last, counted the way the settings ask."""
    if count is Count.PHYSICAL:
        return last - first + 1
    prefix = source.memo("code-line-prefix", _code_line_prefix)
    return prefix[last] - prefix[first - 1]


def module_length(source: SourceFile, count: Count) -> int:
    """The file's length: physical lines, or its code lines."""
    if not source.lines:
        return 0
    return span_length(source, 1, len(source.lines), count)
