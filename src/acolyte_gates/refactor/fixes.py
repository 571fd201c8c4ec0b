"""`fix`: the safe fixes of one file's text (ACO202, ACO402, ACO501), pure text in, text out.

What to fix comes from the rules' own findings (selection, per-file ignores and noqa as in
`check`); the fixes change those spans and nothing else: line endings, encoding and every
other byte stay as they were.
"""

from __future__ import annotations

import ast
import warnings
from collections.abc import Sequence
from dataclasses import dataclass

import libcst as cst

from acolyte_gates.config.settings import Settings
from acolyte_gates.defs import FunctionNode
from acolyte_gates.engine import hits_to_fix
from acolyte_gates.refactor.cst_fixes import LineFixes, apply_line_fixes
from acolyte_gates.refactor.delete_lines import delete_lines
from acolyte_gates.refactor.lines import split_lines
from acolyte_gates.refactor.refusal import Refused
from acolyte_gates.refactor.returns import header_span, returns_nothing
from acolyte_gates.rules.base import Hit
from acolyte_gates.source import SourceFile

FIXABLE = ("ACO202", "ACO402", "ACO501")


@dataclass(frozen=True)
class FixRequest:
    """One file to fix: its path as shown, its path for per-file ignores, settings, line length."""

    path: str
    relpath: str
    settings: Settings
    line_length: int = 88


@dataclass(frozen=True)
class Fixed:
    """One fix made: the rule's code and the line (of the original text) it was reported at."""

    code: str
    line: int


@dataclass(frozen=True)
class FixResult:
    """The fixed text, the fixes made, and notes on findings left alone (with the reason)."""

    text: str
    fixed: tuple[Fixed, ...]
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Plan:
    """The fixes one text gets: in-line ones by line, lines to delete, and what is left alone."""

    returns: dict[int, tuple[int, int]]
    excepts: dict[int, str]
    deleted: tuple[Fixed, ...]
    doomed: frozenset[int]
    notes: tuple[str, ...]


def _functions(tree: ast.Module) -> dict[int, FunctionNode]:
    """Every function of the tree by the line of its `def`."""
    return {
        node.lineno: node
        for node in ast.walk(tree)
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
    }


def _handlers(tree: ast.Module) -> dict[int, str]:
    """The type each bare handler gets, by line: `BaseException` if it re-raises (its body
    has a bare `raise`: it only looks, so it must go on seeing everything), else `Exception`."""
    return {
        node.lineno: "BaseException" if any(_reraises(s) for s in node.body) else "Exception"
        for node in ast.walk(tree)
        if isinstance(node, ast.ExceptHandler) and node.type is None
    }


def _reraises(statement: ast.stmt) -> bool:
    return isinstance(statement, ast.Raise) and statement.exc is None


def _plan(source: SourceFile, hits: Sequence[tuple[str, Hit]]) -> _Plan:
    functions = _functions(source.tree)
    returns: dict[int, tuple[int, int]] = {}
    notes: list[str] = []
    deleted: list[Fixed] = []
    doomed: set[int] = set()
    for code, hit in hits:
        node = functions.get(hit.line)
        if code == "ACO202" and node is not None and returns_nothing(node):
            returns[hit.line] = header_span(node)
        elif code == "ACO402":
            deleted.append(Fixed(code, hit.line))
            doomed.update(range(hit.line, max(hit.end_line, hit.line) + 1))
    handlers = _handlers(source.tree)
    excepts = {
        hit.line: handlers.get(hit.line, "Exception") for code, hit in hits if code == "ACO501"
    }
    return _Plan(returns, excepts, tuple(deleted), frozenset(doomed), tuple(notes))


def _over_long(before: str, after: str, limit: int) -> set[int]:
    """Lines (1-based) a fix changed that are now longer than `limit` characters."""
    old, new = split_lines(before), split_lines(after)
    return {
        number
        for number, (was, now) in enumerate(zip(old, new), start=1)
        if was != now and len(now.rstrip("\r\n")) > limit
    }


def _in_line_fixes(text: str, plan: _Plan, request: FixRequest) -> tuple[str, LineFixes, list[str]]:
    """The text with `-> None` and `Exception` added, leaving out those that make a line too long."""
    wanted = LineFixes(frozenset(plan.returns), tuple(plan.excepts.items()))
    fixed = apply_line_fixes(text, wanted, request.path)
    long_lines = _over_long(text, fixed, request.line_length)
    if not long_lines:
        return fixed, wanted, []
    spans = {**plan.returns, **{line: (line, line) for line in plan.excepts}}
    dropped = {line for line, (a, b) in spans.items() if long_lines & set(range(a, b + 1))}
    notes = [
        f"{line}: {'ACO202' if line in plan.returns else 'ACO501'} left alone: the line would "
        f"be longer than {request.line_length} characters"
        for line in sorted(dropped)
    ]
    excepts = tuple((line, name) for line, name in wanted.excepts if line not in dropped)
    wanted = LineFixes(wanted.returns - dropped, excepts)
    return apply_line_fixes(text, wanted, request.path), wanted, notes


def _check_parses(text: str, path: str) -> None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            ast.parse(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError) as error:  # pragma: no cover
        raise Refused(f"{path}: the fixed text would not parse ({error}); nothing was changed")


def fix_text(text: str, request: FixRequest) -> FixResult:
    """The text with every safe fix made; raises Refused when the file cannot be fixed."""
    source = SourceFile(request.path, text.replace("\r\n", "\n").replace("\r", "\n"))
    if source.failure is not None:
        raise Refused(
            f"{request.path}: cannot fix a file that does not parse ({source.failure.message})"
        )
    hits = hits_to_fix(source, request.settings, request.relpath, FIXABLE)
    if not hits:
        return FixResult(text, ())
    plan = _plan(source, hits)
    try:
        fixed, done, notes = _in_line_fixes(text, plan, request)
    except cst.ParserSyntaxError as error:
        raise Refused(f"{request.path}: libcst cannot parse the file ({error.message})") from error
    fixed = "".join(delete_lines(split_lines(fixed), plan.doomed))
    _check_parses(fixed, request.path)
    made = [Fixed("ACO202", line) for line in done.returns]
    made += [Fixed("ACO501", line) for line, _ in done.excepts]
    made += plan.deleted
    return FixResult(
        fixed, tuple(sorted(made, key=lambda f: (f.line, f.code))), (*plan.notes, *notes)
    )
