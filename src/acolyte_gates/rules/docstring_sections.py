"""What ACO304 reads: a docstring's sections (Google or numpy style) and what a body returns or raises."""

from __future__ import annotations

import ast
from dataclasses import dataclass
from typing import Union

from acolyte_gates.defs import Definition, FunctionNode
from acolyte_gates.rules.parameters import parameter_count

DocumentedNode = Union[ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef]

ARGS, RETURNS, YIELDS, RAISES = "args", "returns", "yields", "raises"

_GOOGLE_TITLES = {
    "Args": ARGS,
    "Arguments": ARGS,
    "Parameters": ARGS,
    "Params": ARGS,
    "Keyword Args": ARGS,
    "Keyword Arguments": ARGS,
    "Other Parameters": ARGS,
    "Returns": RETURNS,
    "Return": RETURNS,
    "Yields": YIELDS,
    "Yield": YIELDS,
    "Raises": RAISES,
}
_NUMPY_TITLES = {
    "Parameters": ARGS,
    "Other Parameters": ARGS,
    "Returns": RETURNS,
    "Yields": YIELDS,
    "Raises": RAISES,
}
SECTION_NAMES = {
    "google": {ARGS: "Args:", RETURNS: "Returns:", YIELDS: "Yields:", RAISES: "Raises:"},
    "numpy": {ARGS: "Parameters", RETURNS: "Returns", YIELDS: "Yields", RAISES: "Raises"},
}
_PROPERTIES = ("property", "cached_property")
_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)
_BLOCK_FIELDS = ("body", "orelse", "finalbody", "handlers", "cases")


def docstring_expr(node: DocumentedNode) -> ast.Expr | None:
    """The docstring statement of a module, class or function, if its body opens with one."""
    first = node.body[0] if node.body else None
    if (
        isinstance(first, ast.Expr)
        and isinstance(first.value, ast.Constant)
        and isinstance(first.value.value, str)
    ):
        return first
    return None


def docstring_text(expr: ast.Expr) -> str:
    """The docstring's text (docstring_expr guarantees it is a string constant)."""
    value = expr.value.value if isinstance(expr.value, ast.Constant) else ""
    return value if isinstance(value, str) else ""


def has_text(expr: ast.Expr) -> bool:
    """Whether a docstring says anything: one of only whitespace counts as missing."""
    return bool(docstring_text(expr).strip())


def decorator_last_names(definition: Definition) -> set[str]:
    """Decorators by their last name: `typing.overload` and `overload` alike, `@x.setter` as `setter`."""
    return {name.rsplit(".", 1)[-1] for name in definition.decorator_names}


def class_docstring(definition: Definition) -> ast.Expr | None:
    """The docstring of the class an `__init__` belongs to, which may document it instead."""
    parent = definition.parent
    if definition.name != "__init__" or parent is None or not parent.is_class:
        return None
    expr = docstring_expr(parent.node)
    return expr if expr is not None and has_text(expr) else None


def documenting(definition: Definition) -> ast.Expr | None:
    """The docstring ACO304 reads: the function's own, else (for `__init__`) its class's."""
    own = docstring_expr(definition.node)
    return own if own is not None and has_text(own) else class_docstring(definition)


def _google_title(line: str) -> str | None:
    """The section a Google-style header line opens (`Args:`, text may follow the colon)."""
    head, colon, _ = line.partition(":")
    return _GOOGLE_TITLES.get(head.strip()) if colon else None


def sections(text: str, style: str) -> frozenset[str]:
    """The sections a docstring has: Google `Title:` lines, or numpy titles underlined with dashes."""
    lines = [line.strip() for line in text.split("\n")]
    if style == "numpy":
        return frozenset(
            _NUMPY_TITLES[title]
            for title, under in zip(lines, lines[1:])
            if title in _NUMPY_TITLES and len(under) >= 3 and set(under) == {"-"}
        )
    return frozenset(title for title in map(_google_title, lines) if title is not None)


@dataclass(frozen=True)
class BodyFacts:
    """What a function's own body does that its docstring should tell: return, yield, raise."""

    returns_value: bool
    yields: bool
    raised: tuple[str, ...]


def _returns_value(node: ast.Return) -> bool:
    """`return x`, but not a bare `return` or `return None`."""
    value = node.value
    return value is not None and not (isinstance(value, ast.Constant) and value.value is None)


def _exception_name(node: ast.expr) -> str:
    """What a `raise` names: `ValueError` for `raise ValueError("x")`, as written."""
    return ast.unparse(node.func if isinstance(node, ast.Call) else node)


def _own_statements(node: FunctionNode) -> list[ast.stmt]:
    """Every statement of the function's own body, at any depth; nested functions and classes are theirs."""
    found: list[ast.stmt] = []
    stack: list[ast.AST] = list(node.body)
    while stack:
        item = stack.pop()
        if isinstance(item, _SCOPES):
            continue
        if isinstance(item, ast.stmt):
            found.append(item)
        for name in _BLOCK_FIELDS:
            stack.extend(getattr(item, name, ()))
    return found


def _yields(node: FunctionNode) -> bool:
    """Whether a `yield` or `yield from` sits in the function's own body (its expressions walked too)."""
    stack: list[ast.AST] = list(node.body)
    while stack:
        item = stack.pop()
        if isinstance(item, (ast.Yield, ast.YieldFrom)):
            return True
        if not isinstance(item, _SCOPES):
            stack.extend(ast.iter_child_nodes(item))
    return False


def body_facts(node: FunctionNode, may_yield: bool = True) -> BodyFacts:
    """Returns, yields and raises in the function's own body; nested functions, classes and lambdas are theirs.

    Returns and raises are statements, so only statements are walked for them; the costlier
    walk through expressions for `yield` runs only when `may_yield` (the word is in the text).
    """
    statements = _own_statements(node)
    returns = any(isinstance(s, ast.Return) and _returns_value(s) for s in statements)
    raised = sorted(
        (s for s in statements if isinstance(s, ast.Raise) and s.exc is not None),
        key=lambda r: (r.lineno, r.col_offset),
    )
    names = tuple(dict.fromkeys(_exception_name(r.exc) for r in raised if r.exc is not None))
    return BodyFacts(returns, may_yield and _yields(node), names)


@dataclass(frozen=True)
class Needs:
    """What a function asks of its docstring, and the reason given for each section."""

    takes_parameters: bool
    is_property: bool
    facts: BodyFacts


def missing_sections(needs: Needs, present: frozenset[str]) -> list[tuple[str, str]]:
    """(section, reason) for every section the function needs and its docstring lacks."""
    wanted: list[tuple[str, str]] = []
    if needs.takes_parameters:
        wanted.append((ARGS, "it takes parameters"))
    if needs.facts.yields:
        wanted.append((YIELDS, "it is a generator"))
    elif needs.facts.returns_value and not needs.is_property:
        wanted.append((RETURNS, "it returns a value"))
    if needs.facts.raised:
        wanted.append((RAISES, "it raises " + ", ".join(needs.facts.raised)))
    return [(section, reason) for section, reason in wanted if section not in present]


def needs(definition: Definition, lines: list[str]) -> Needs:
    """What a function's signature, decorators and body (its source `lines` among them) ask of its docstring."""
    node = definition.node
    if isinstance(node, ast.ClassDef):
        return Needs(False, False, BodyFacts(False, False, ()))
    is_property = not decorator_last_names(definition).isdisjoint(_PROPERTIES)
    first, last = node.lineno - 1, node.end_lineno
    may_yield = any("yield" in line for line in lines[first:last])
    return Needs(parameter_count(definition) > 0, is_property, body_facts(node, may_yield))
