"""Which names are local to a scope: the ones a copy may rename and still be a copy."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from typing import Union

Block = Union[ast.stmt, ast.excepthandler, ast.match_case]
DefinitionNode = Union[ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef]
ScopeNode = Union[ast.Module, DefinitionNode]
BINDING_STATEMENTS = frozenset(
    (
        ast.Assign,
        ast.AugAssign,
        ast.AnnAssign,
        ast.For,
        ast.AsyncFor,
        ast.With,
        ast.AsyncWith,
        ast.ExceptHandler,
    )
    + (ast.match_case,)
)
"""The statements that can bind a name in their scope."""


def local_names(node: ScopeNode, inherited: frozenset[str], bound: set[str]) -> frozenset[str]:
    """A scope's local names: a function's parameters and bindings, a module's bindings; a class
    body binds attributes, which keep their names, so it has only its enclosing function's."""
    if isinstance(node, ast.ClassDef):
        return inherited
    if isinstance(node, ast.Module):
        return frozenset(bound)
    return inherited | _parameters(node) | bound


def _parameters(node: ast.FunctionDef | ast.AsyncFunctionDef) -> frozenset[str]:
    args = node.args
    every = [*args.posonlyargs, *args.args, *args.kwonlyargs, args.vararg, args.kwarg]
    return frozenset(arg.arg for arg in every if arg is not None)


def _targets(node: Block) -> Iterator[ast.expr]:
    """The expressions a statement binds names through."""
    if isinstance(node, ast.Assign):
        yield from node.targets
    elif isinstance(node, (ast.AugAssign, ast.AnnAssign, ast.For, ast.AsyncFor)):
        yield node.target
    elif isinstance(node, (ast.With, ast.AsyncWith)):
        yield from (item.optional_vars for item in node.items if item.optional_vars is not None)


def _capture_names(pattern: ast.pattern) -> Iterator[str]:
    """Names a `case` pattern binds."""
    for inner in ast.walk(pattern):
        name = getattr(inner, "rest" if isinstance(inner, ast.MatchMapping) else "name", None)
        if name:
            yield name


def bound_names(node: Block) -> Iterator[str]:
    """Names a statement binds in its scope (assignment, loop, `with`, `except` and `case` targets)."""
    if isinstance(node, ast.ExceptHandler) and node.name:
        yield node.name
    if isinstance(node, ast.match_case):
        yield from _capture_names(node.pattern)
    for target in _targets(node):
        if isinstance(target, ast.Name):
            yield target.id
        elif isinstance(target, (ast.Tuple, ast.List, ast.Starred)):
            yield from _unpacked_names(target)


def _unpacked_names(target: ast.expr) -> Iterator[str]:
    """The names an unpacking target (`a, (b, *c) = ...`) binds; attributes and items bind none."""
    for inner in ast.walk(target):
        if isinstance(inner, ast.Name) and isinstance(inner.ctx, ast.Store):
            yield inner.id
