"""A module as runs of statement shapes: what two copies of a block share after renaming and new literals.

A unit is one simple statement, or the header of a compound one (`if x:`, `except E as e:`,
`case [a, b]:`), as a shape (see shapes.py): its tokens with every local name made `$var` and
every literal a placeholder. Local names are those bound in the function or module that holds
the statement, or in an enclosing function (see names.py), or inside the statement itself
(comprehension, lambda, walrus). Everything else keeps its spelling: globals, builtins, called
module functions, class attributes, attribute and keyword argument names; so a copy with
renamed variables matches, while a call to a different function does not.

A run is the units of one scope (module, class body or function body, nested blocks
flattened with their depth) between two definitions; imports and docstrings are left out
without breaking the run, and so is a guarded import (a `try` or `if` whose body only imports,
with its fallback). A window never crosses a definition, so it never spans two functions.
"""

from __future__ import annotations

import ast
import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from acolyte_gates.duplication.names import (
    BINDING_STATEMENTS,
    Block,
    DefinitionNode,
    ScopeNode,
    bound_names,
    local_names,
)
from acolyte_gates.duplication.shapes import statement_shape
from acolyte_gates.source import SourceFile

_FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)
_DEFINITIONS = frozenset((*_FUNCTIONS, ast.ClassDef))
_IMPORTS = frozenset((ast.Import, ast.ImportFrom))
_GUARDS = frozenset((ast.Try, ast.If))
_TRY_STAR = getattr(ast, "TryStar", ast.Try)  # Python 3.11+
_COMPOUND = (
    ast.If,
    ast.For,
    ast.AsyncFor,
    ast.While,
    ast.With,
    ast.AsyncWith,
    ast.Try,
    _TRY_STAR,
    ast.Match,
)
_HEADERS = frozenset((*_COMPOUND, ast.ExceptHandler, ast.match_case))


@dataclass(frozen=True)
class Unit:
    """One statement line: its normalized shape, nesting depth and where it stands (1-based)."""

    shape: str
    depth: int
    line: int
    col: int
    last_line: int


@dataclass(frozen=True)
class _Raw:
    """A statement before its shape is known: its text span, depth, block keyword and first line."""

    start: int
    stop: int
    depth: int
    tag: str
    line: int
    last_line: int


@dataclass
class _Scope:
    """What one pass over a scope gathers: statement spans per run, bound names, nested definitions."""

    runs: list[list[_Raw]] = field(default_factory=lambda: [[]])
    bound: set[str] = field(default_factory=set)
    nested: list[DefinitionNode] = field(default_factory=list)


def statement_runs(source: SourceFile) -> list[list[Unit]]:
    """Every run of units in the file; [] when it does not parse."""
    if source.failure is not None:
        return []
    return _Shaper(source).scope(source.tree, frozenset())


def _docstring_free(body: list[ast.stmt]) -> list[ast.stmt]:
    """A scope's statements without its docstring."""
    first = body[0] if body else None
    if (
        isinstance(first, ast.Expr)
        and isinstance(first.value, ast.Constant)
        and isinstance(first.value.value, str)
    ):
        return body[1:]
    return body


def _is_import(node: Block) -> bool:
    """An import, or a `try`/`if` whose body only imports (a guarded import and its fallback)."""
    kind = type(node)
    if kind in _IMPORTS:
        return True
    return kind in _GUARDS and all(type(inner) in _IMPORTS for inner in getattr(node, "body", ()))


def _definitions(body: Sequence[Block]) -> Iterator[DefinitionNode]:
    """The definitions among some statements, looking inside their blocks but not inside definitions."""
    for node in body:
        if type(node) in _DEFINITIONS:
            yield node  # type: ignore[misc]
        elif type(node) in _HEADERS:
            for _, block, _ in _inner_blocks(node):
                yield from _definitions(block)


def _inner_blocks(node: Block) -> Iterator[tuple[str, list[Block], int]]:
    """A compound statement's blocks in source order: (keyword line before the block, statements, depth step).

    `except` and `case` lines are units of their own; `else:` and `finally:` are not, so the
    first statement of those blocks carries the keyword in its shape.
    """
    yield "", getattr(node, "body", []), 1
    yield "", getattr(node, "handlers", []), 0
    yield "", getattr(node, "cases", []), 1
    yield "else", getattr(node, "orelse", []), 1
    yield "finally", getattr(node, "finalbody", []), 1


def _last_line(node: ast.stmt | ast.excepthandler) -> int:
    """The last line of a simple statement, or of a compound statement's header."""
    if type(node) not in _HEADERS:
        return node.end_lineno or node.lineno
    parts = [getattr(node, name, None) for name in ("test", "iter", "subject", "type")]
    parts += [item.optional_vars or item.context_expr for item in getattr(node, "items", ())]
    return max(
        (part.end_lineno or part.lineno for part in parts if part is not None), default=node.lineno
    )


class _Shaper:
    """Builds units from slices of the file's text, found by the statements' positions."""

    def __init__(self, source: SourceFile) -> None:
        self.text = source.text
        self.lines = source.lines
        self.offsets = list(itertools.accumulate((len(line) + 1 for line in self.lines), initial=0))

    def scope(self, node: ScopeNode, inherited: frozenset[str]) -> list[list[Unit]]:
        """The runs of one scope, then of the definitions nested in it (a function's locals reach them)."""
        gathered = _Scope()
        self._collect(_docstring_free(node.body), 0, gathered, "")
        names = local_names(node, inherited, gathered.bound)
        runs = [[self._unit(raw, names) for raw in run] for run in gathered.runs if run]
        outer = names if isinstance(node, _FUNCTIONS) else inherited
        for inner in gathered.nested:
            runs.extend(self.scope(inner, outer))
        return runs

    def _collect(self, body: Sequence[Block], depth: int, gathered: _Scope, tag: str) -> None:
        """Record each statement's text span in order, recursing into its blocks."""
        for node in body:
            if _is_import(node):
                self._guarded(node, depth, gathered)
                continue
            kind = type(node)
            if kind in _DEFINITIONS:
                gathered.nested.append(node)  # type: ignore[arg-type]
                gathered.runs.append([])
                continue
            if kind in BINDING_STATEMENTS:
                gathered.bound.update(bound_names(node))
            raw = self._raw(node, depth, tag)
            gathered.runs[-1].append(raw)
            tag = ""
            if kind in _HEADERS:
                self._collect_blocks(node, raw.depth, gathered)

    def _collect_blocks(self, node: Block, depth: int, gathered: _Scope) -> None:
        for tag, block, step in _inner_blocks(node):
            if block:
                self._collect(block, depth + step, gathered, tag)

    def _guarded(self, node: Block, depth: int, gathered: _Scope) -> None:
        """A guarded import adds no units; its fallbacks' definitions and a `try`'s else/finally still count."""
        fallbacks = [inner for handler in getattr(node, "handlers", ()) for inner in handler.body]
        if isinstance(node, ast.If):
            fallbacks.extend(node.orelse)
        else:
            self._collect(
                getattr(node, "orelse", []) + getattr(node, "finalbody", []), depth, gathered, ""
            )
        found = list(_definitions(fallbacks))
        if found:
            gathered.nested.extend(found)
            gathered.runs.append([])

    def _raw(self, node: Block, depth: int, tag: str) -> _Raw:
        """A statement's span; an `elif` is a line of its own at its `if`'s depth, not an `else:` block."""
        if isinstance(node, ast.match_case):
            start = self._offset(node.pattern.lineno, node.pattern.col_offset)
            end_node: ast.expr | ast.pattern = node.guard or node.pattern
            last_line = end_node.end_lineno or node.pattern.lineno
            return _Raw(
                start, self._end_offset(end_node), depth, "case", node.pattern.lineno, last_line
            )
        start = self._offset(node.lineno, node.col_offset)
        if self.text.startswith("elif", start):
            depth, tag = depth - 1, ""
        return _Raw(start, self._stop(node), depth, tag, node.lineno, _last_line(node))

    def _stop(self, node: ast.stmt | ast.excepthandler) -> int:
        """Where a statement's own text ends: its end, its block's first statement, a match's subject."""
        if isinstance(node, ast.Match):
            return self._end_offset(node.subject)
        body = getattr(node, "body", None) if type(node) in _HEADERS else None
        return self._offset(body[0].lineno, body[0].col_offset) if body else self._end_offset(node)

    def _offset(self, line: int, byte_col: int) -> int:
        """The text offset of an ast position (ast counts UTF-8 bytes in a line, the text characters)."""
        text = self.lines[line - 1] if line <= len(self.lines) else ""
        col = byte_col if text.isascii() else len(text.encode()[:byte_col].decode(errors="ignore"))
        return self.offsets[line - 1] + col

    def _end_offset(self, node: ast.AST) -> int:
        return self._offset(
            getattr(node, "end_lineno", 1) or 1, getattr(node, "end_col_offset", 0) or 0
        )

    def _unit(self, raw: _Raw, names: frozenset[str]) -> Unit:
        text = statement_shape(self.text[raw.start : raw.stop], names)
        col = raw.start - self.offsets[raw.line - 1] + 1
        return Unit(raw.tag + ":" + text, raw.depth, raw.line, col, raw.last_line)
