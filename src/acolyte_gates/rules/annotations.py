"""Annotation rules: parameters and returns without type hints, as mypy --strict would refuse."""

from __future__ import annotations

import ast
from collections.abc import Iterator

from acolyte_gates.defs import Definition, FunctionNode
from acolyte_gates.rules.base import (
    Context,
    Hit,
    Rule,
    RuleDocs,
    definition_hit,
    function_definitions,
    header_lines,
)
from acolyte_gates.source import SourceFile


def _parameters(node: FunctionNode) -> list[tuple[str, ast.arg]]:
    """Every parameter in signature order, each with its name as written (`*args`, `**kwargs`)."""
    args = node.args
    named = [("", arg) for arg in (*args.posonlyargs, *args.args)]
    if args.vararg is not None:
        named.append(("*", args.vararg))
    named.extend(("", arg) for arg in args.kwonlyargs)
    if args.kwarg is not None:
        named.append(("**", args.kwarg))
    return [(stars + arg.arg, arg) for stars, arg in named]


def _checked_parameters(definition: Definition) -> list[tuple[str, ast.arg]]:
    """The parameters that need an annotation: all but a method's bound self/cls."""
    node = definition.node
    if isinstance(node, ast.ClassDef):
        return []
    parameters = _parameters(node)
    bound = definition.has_bound_first_parameter and (node.args.posonlyargs or node.args.args)
    return parameters[1:] if bound else parameters


def _check_parameters(source: SourceFile, ctx: Context) -> Iterator[Hit]:
    for definition in function_definitions(source):
        for written, arg in _checked_parameters(definition):
            if arg.annotation is None:
                silencers = definition.decorator_lines + header_lines(source, definition)
                text = f"parameter '{written}' of {definition.kind} '{definition.qualname}' has no annotation"
                yield Hit(arg.lineno, arg.col_offset + 1, text, silencers)


def _init_may_omit_return(definition: Definition) -> bool:
    """mypy --strict accepts `__init__` without `-> None` once any parameter is annotated."""
    node = definition.node
    if definition.name != "__init__" or not definition.in_class or isinstance(node, ast.ClassDef):
        return False
    return any(arg.annotation is not None for _, arg in _parameters(node))


def _check_returns(source: SourceFile, ctx: Context) -> Iterator[Hit]:
    for definition in function_definitions(source):
        node = definition.node
        if isinstance(node, ast.ClassDef) or node.returns is not None:
            continue
        if not _init_may_omit_return(definition):
            text = f"{definition.kind} '{definition.qualname}' has no return annotation"
            yield definition_hit(source, definition, text)


_SCOPE = """Every `def` and `async def` is checked: module-level functions, methods, nested
functions, `@overload` signatures and the functions of `.pyi` stubs (mypy reads them all).
Lambdas are not checked: they cannot carry annotations."""

MISSING_PARAMETER_ANNOTATION = Rule(
    "ACO201",
    "missing-parameter-annotation",
    "Parameter has no type annotation.",
    RuleDocs(
        what="Checks that every parameter of every function and method has an annotation: "
        "positional-only, regular and keyword-only parameters, and `*args` and `**kwargs` too "
        "(their annotation types each item: `*args: str`). The first parameter of a method or "
        "classmethod (`self`, `cls`, whatever its name) is bound and needs none; a "
        "staticmethod's first parameter is an ordinary one and does. One finding per "
        "parameter, reported at the parameter's name (for `*args`, at `args`, after the star). "
        "A `# noqa` on the parameter's line, the `def` line or a decorator silences it.\n\n"
        + _SCOPE,
        why="An annotation is documentation the type checker verifies: it tells the caller what "
        "to pass and lets mypy --strict catch the wrong thing passed. mypy treats an "
        "unannotated parameter as `Any`, and every use of it goes unchecked.",
        example="def greet(name, *words: str) -> str:\n    return name\n",
        use_instead="def greet(name: str, *words: str) -> str:\n    return name\n",
        options="None.",
    ),
    _check_parameters,
)

MISSING_RETURN_ANNOTATION = Rule(
    "ACO202",
    "missing-return-annotation",
    "Function or method has no return annotation.",
    RuleDocs(
        what="Checks that every function and method declares its return type (`-> None` "
        "included), reported at the `def` line. As in mypy --strict, a method named `__init__` "
        "may leave it out once at least one of its parameters is annotated; an `__init__` "
        "that only takes `self` still needs `-> None`.\n\n" + _SCOPE,
        why="Without a return annotation mypy --strict calls the function untyped and does not "
        "check its callers' use of the result; readers must read the body to learn what "
        "comes back.",
        example="def total(prices: list[int]):\n    return sum(prices)\n",
        use_instead="def total(prices: list[int]) -> int:\n    return sum(prices)\n",
        options="None.",
        fix="Fixable by `acolyte-gates fix` (and `run --fix`, `hook run --fix`) where it is "
        "certainly right: `-> None` is added to a function whose body returns no value (a bare "
        "`return` or `return None` at most) and yields nothing, counting its own body only, not "
        "nested functions. Left alone: abstract methods and `@overload` signatures, stubs whose "
        "body is only a docstring, `...` or `raise NotImplementedError` (their overrides return "
        "things), and a fix that would make the line longer than black's line length. Nothing "
        "else of the file changes. An annotation is visible at run time (`__annotations__`, "
        "`inspect.signature`): code that prints or compares signatures sees `-> None` (two of "
        "rich's tests, which render their own local functions, did after `fix` on the whole "
        "repository; its library code was unaffected).",
    ),
    _check_returns,
)

RULES = (MISSING_PARAMETER_ANNOTATION, MISSING_RETURN_ANNOTATION)
