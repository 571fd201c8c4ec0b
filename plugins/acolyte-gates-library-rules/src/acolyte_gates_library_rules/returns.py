"""ACL103 public-bare-return: a public function whose return type is a bare `dict` or `Any`.

Public means: a function at a module's top level, or a method of a public class (nested
public classes included), whose name does not start with `_`, in a module whose file name
does not start with `_` (`__init__.py` excepted). Dunder methods are protocol methods and
are left alone, and so are `@overload` signatures: the implementation is reported.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator

from acolyte_gates.api import Context, Hit, Rule, RuleDocs, Severity, SourceFile

_BARE = {"dict": "dict", "Dict": "dict", "Any": "Any"}
_MODULES = ("typing", "typing_extensions", "builtins", "t")
FunctionNode = ast.FunctionDef | ast.AsyncFunctionDef


def _is_none(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and node.value is None


def _optional_of(node: ast.expr) -> ast.expr | None:
    """X from `X | None`, `None | X` or `Optional[X]`; None for anything else."""
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        if _is_none(node.right):
            return node.left
        return node.right if _is_none(node.left) else None
    if isinstance(node, ast.Subscript) and bare_name(node.value) == "Optional":
        return node.slice
    return None


def bare_name(node: ast.expr) -> str | None:
    """`dict`, `Any`... for a plain or module-qualified name (`typing.Any`); None otherwise."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
        return node.attr if node.value.id in _MODULES else None
    return None


def bare_kind(node: ast.expr) -> str | None:
    """'dict' or 'Any' when an annotation is bare dict/Dict/Any, optional or quoted; else None."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        try:
            node = ast.parse(node.value, mode="eval").body
        except SyntaxError:
            return None
    inner = _optional_of(node)
    return _BARE.get(bare_name(inner if inner is not None else node) or "")


def public_functions(tree: ast.Module) -> Iterator[FunctionNode]:
    """Top-level functions and methods of public classes whose names do not start with `_`."""
    pending: list[ast.stmt] = list(tree.body)
    while pending:
        node = pending.pop(0)
        if isinstance(node, ast.ClassDef) and not node.name.startswith("_"):
            pending.extend(node.body)
        elif isinstance(node, FunctionNode) and not node.name.startswith("_"):
            if not any(bare_name(d) == "overload" for d in node.decorator_list):
                yield node


def check(source: SourceFile, ctx: Context) -> Iterator[Hit]:
    """A hit at each public function whose return annotation is a bare dict or Any."""
    module = ctx.relpath.rsplit("/", 1)[-1]
    if module.startswith("_") and module != "__init__.py":
        return
    for node in public_functions(source.tree):
        kind = bare_kind(node.returns) if node.returns is not None else None
        if kind is not None:
            yield Hit(
                node.lineno,
                node.col_offset + 1,
                f"public function {node.name!r} returns a bare {kind}; return a dataclass,"
                " a TypedDict or a precise type",
                tuple(line.lineno for line in node.decorator_list),
            )


BARE_RETURN = Rule(
    code="ACL103",
    name="public-bare-return",
    summary="A public function is annotated to return a bare dict or Any.",
    docs=RuleDocs(
        what=(
            "Reports a public function or method whose return annotation is `dict`, "
            "`typing.Dict` or `typing.Any` with no type arguments, alone or as "
            "`X | None` / `Optional[X]`, quoted or not."
        ),
        why=(
            "A library's public functions are its contract. A bare `dict` or `Any` tells the "
            "caller nothing about the keys and values, so type checkers cannot help them and "
            "every caller guesses. A dataclass, a TypedDict or a precise type documents the "
            "shape and lets mypy check both sides."
        ),
        example="def load(path: str) -> dict:\n    return {}\n",
        use_instead="from typing import TypedDict\n\n\nclass Config(TypedDict):\n"
        "    name: str\n\n\ndef load(path: str) -> Config:\n"
        '    return {"name": path}\n',
        known_problems=(
            "A warning, not an error: some public functions do pass data through untyped "
            "(a JSON decoder). `dict[str, Any]` is not bare and is not reported. Functions "
            "are public by their names only; `__all__` is not read. `@overload` signatures "
            "are skipped: the implementation's annotation is the one reported."
        ),
    ),
    severity=Severity.WARNING,
    check=check,
)
