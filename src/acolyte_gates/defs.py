"""Every definition in a module with the context the rules ask about: method? nested? public?"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from typing import Union

FunctionNode = Union[ast.FunctionDef, ast.AsyncFunctionDef]
DefinitionNode = Union[ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef]
_FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)


@dataclass(frozen=True, eq=False)
class Definition:
    """A function, method or class, and where it sits."""

    node: DefinitionNode
    qualname: str
    in_class: bool = False
    in_function: bool = False
    public: bool = True
    parent: Definition | None = field(default=None, repr=False)

    @property
    def name(self) -> str:
        """The definition's own name."""
        return self.node.name

    @property
    def is_class(self) -> bool:
        """Whether this is a class rather than a function."""
        return isinstance(self.node, ast.ClassDef)

    @property
    def kind(self) -> str:
        """'class', 'method' or 'function', for messages."""
        if self.is_class:
            return "class"
        return "method" if self.in_class else "function"

    @property
    def decorator_names(self) -> tuple[str, ...]:
        """The decorators' dotted names, calls reduced to what is called: `functools.wraps`."""
        return tuple(
            _dotted(d.func if isinstance(d, ast.Call) else d) for d in self.node.decorator_list
        )

    @property
    def is_staticmethod(self) -> bool:
        """A @staticmethod has no bound first parameter."""
        return "staticmethod" in self.decorator_names

    @property
    def has_bound_first_parameter(self) -> bool:
        """Methods and classmethods receive self/cls: a function directly in a class body."""
        return self.in_class and not self.is_class and not self.is_staticmethod

    @property
    def decorator_lines(self) -> tuple[int, ...]:
        """Every line a decorator occupies: a noqa there silences findings on the definition."""
        lines: list[int] = []
        for decorator in self.node.decorator_list:
            end = decorator.end_lineno or decorator.lineno
            lines.extend(range(decorator.lineno, end + 1))
        return tuple(lines)


def _dotted(node: ast.expr) -> str:
    """`a.b.c` for an attribute chain, the name for a name, '' for anything else."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        base = _dotted(node.value)
        return f"{base}.{node.attr}" if base else node.attr
    return ""


_BLOCK_FIELDS = ("body", "orelse", "finalbody", "handlers", "cases")


def _statements(node: ast.AST) -> list[ast.AST]:
    """The statements (and handlers, cases) directly inside a compound statement."""
    inner: list[ast.AST] = []
    for name in _BLOCK_FIELDS:
        inner.extend(getattr(node, name, ()))
    return inner


def collect_definitions(tree: ast.Module) -> tuple[Definition, ...]:
    """All definitions, outer before inner, each with its context (statements only are walked)."""
    found: list[Definition] = []
    stack: list[tuple[ast.AST, Definition | None]] = [(tree, None)]
    while stack:
        node, parent = stack.pop()
        for child in _statements(node):
            if isinstance(child, (*_FUNCTIONS, ast.ClassDef)):
                definition = _make(child, parent)
                found.append(definition)
                stack.append((child, definition))
            else:
                stack.append((child, parent))
    return tuple(sorted(found, key=lambda d: (d.node.lineno, d.node.col_offset)))


def _make(node: DefinitionNode, parent: Definition | None) -> Definition:
    """A Definition for `node` inside `parent` (None at module level)."""
    in_class = parent is not None and parent.is_class
    in_function = parent is not None and (parent.in_function or not parent.is_class)
    public = not node.name.startswith("_") or _is_dunder(node.name)
    if parent is not None:
        public = public and parent.public and not in_function
    qualname = f"{parent.qualname}.{node.name}" if parent else node.name
    return Definition(node, qualname, in_class, in_function, public, parent)


def _is_dunder(name: str) -> bool:
    return len(name) > 4 and name.startswith("__") and name.endswith("__")
