"""ACL102 mutable-default-argument: a default made once and shared by every call."""

from __future__ import annotations

import ast
from collections.abc import Iterator

from acolyte_gates.api import Context, Hit, Rule, RuleDocs, SourceFile

_DISPLAYS = (ast.List, ast.Dict, ast.Set, ast.ListComp, ast.DictComp, ast.SetComp)
_FACTORIES = frozenset(
    ("list", "dict", "set", "bytearray", "defaultdict", "OrderedDict", "deque", "Counter")
)
_FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)


def mutable_kind(node: ast.expr) -> str | None:
    """What mutable value a default builds (`[]`, `dict()`...), or None when it is not one."""
    if isinstance(node, _DISPLAYS):
        return {ast.Dict: "dict", ast.DictComp: "dict", ast.Set: "set", ast.SetComp: "set"}.get(
            type(node), "list"
        )
    if isinstance(node, ast.Call) and not node.keywords:
        func = node.func
        name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
        if name in _FACTORIES:
            return str(name)
    return None


def defaults_of(args: ast.arguments) -> Iterator[tuple[ast.arg, ast.expr]]:
    """Each parameter that has a default, with it (positional ones align from the end)."""
    positional = [*args.posonlyargs, *args.args]
    yield from zip(positional[len(positional) - len(args.defaults) :], args.defaults)
    for arg, default in zip(args.kwonlyargs, args.kw_defaults):
        if default is not None:
            yield arg, default


def check(source: SourceFile, ctx: Context) -> Iterator[Hit]:
    """A hit at each default argument that is a new list, dict or set (or such a factory call)."""
    for node in ast.walk(source.tree):
        if not isinstance(node, _FUNCTIONS):
            continue
        for arg, default in defaults_of(node.args):
            kind = mutable_kind(default)
            if kind is not None:
                yield Hit(
                    default.lineno,
                    default.col_offset + 1,
                    f"mutable default for {arg.arg!r}: one {kind} is shared by every call;"
                    " default to None and make it in the body",
                )


MUTABLE_DEFAULT = Rule(
    code="ACL102",
    name="mutable-default-argument",
    summary="A parameter's default is a list, dict or set, made once and shared by every call.",
    docs=RuleDocs(
        what=(
            "Reports a default argument that builds a mutable value: a list, dict or set "
            "display or comprehension, or a call of `list`, `dict`, `set`, `bytearray`, "
            "`defaultdict`, `OrderedDict`, `deque` or `Counter`, in functions, methods "
            "and lambdas."
        ),
        why=(
            "Python evaluates a default once, when the `def` runs. Every call that does not "
            "pass the argument gets the same object, so what one call appends the next one "
            "sees: state leaks between calls, and between the users of a library."
        ),
        example="def tag(item: str, seen: list[str] = []) -> list[str]:\n"
        "    seen.append(item)\n    return seen\n",
        use_instead="def tag(item: str, seen: list[str] | None = None) -> list[str]:\n"
        "    seen = [] if seen is None else seen\n    seen.append(item)\n    return seen\n",
        known_problems=(
            "A default that is mutable but never mutated (a read-only lookup table) is "
            "reported too; use a tuple, a frozenset or `types.MappingProxyType`. Other "
            "mutable objects (a class instance) are not seen."
        ),
    ),
    check=check,
)
