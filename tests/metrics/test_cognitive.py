"""Cognitive complexity: each construct, nesting, nested functions and recursion."""

from __future__ import annotations

import ast
import sys
import textwrap

import pytest

from acolyte_gates.metrics.cognitive import (
    FunctionNode,
    cognitive_complexity,
    is_decorator_wrapper,
    outermost_functions,
)


def first_function(source: str) -> FunctionNode:
    """The first function or method in ``source``, searched breadth-first."""
    tree = ast.parse(textwrap.dedent(source))
    return next(n for n in ast.walk(tree) if isinstance(n, FunctionNode))


def function_named(source: str, name: str) -> FunctionNode:
    """The function called ``name`` in ``source``, however deeply nested."""
    tree = ast.parse(textwrap.dedent(source))
    return next(n for n in ast.walk(tree) if isinstance(n, FunctionNode) and n.name == name)


def score(source: str) -> int:
    """Cognitive complexity of the first function in ``source``."""
    return cognitive_complexity(first_function(source))


# --- Each construct alone ---------------------------------------------------------

CONSTRUCTS = [
    # A straight line of statements breaks no flow.
    ("x = 1\nreturn x", 0),
    # `if`: +1.
    ("if a:\n    pass", 1),
    # `if` +1, `elif` +1, `else` +1.
    ("if a:\n    pass\nelif b:\n    pass\nelse:\n    pass", 3),
    # `else:` holding an `if` is an `else` (+1) and a nested `if` (+2), not an `elif`.
    ("if a:\n    pass\nelse:\n    if b:\n        pass", 4),
    # `for` +1; its `else` +1.
    ("for x in y:\n    pass\nelse:\n    pass", 2),
    # `while` +1; its `else` +1.
    ("while a:\n    pass\nelse:\n    pass", 2),
    # `try` and `finally` are free; each `except` +1; the `try`'s `else` +1.
    (
        "try:\n    pass\nexcept A:\n    pass\nexcept B:\n    pass\nelse:\n"
        "    pass\nfinally:\n    pass",
        3,
    ),
    # `with` is free.
    ("with a as b:\n    pass", 0),
    # `match` +1; the cases, their patterns and a guard are free.
    ("match a:\n    case 1 if b:\n        pass\n    case _:\n        pass", 1),
    # A conditional expression: +1.
    ("return a if b else c", 1),
    # `and` chain: one sequence, +1.
    ("return a and b and c", 1),
    # `and` then `or`: two sequences, +2 (the paper's `a && b || c`).
    ("return a and b or c", 2),
    # Parenthesised like operators still read as one sequence: +1.
    ("return (a and b) and c", 1),
    # Alternating operators: and, or, and = +3.
    ("return a and b or c and d", 3),
    # `not` ends a sequence: `and` +1, inner `or` +1.
    ("return a and not (b or c)", 2),
    # `break`, `continue`, `return` and `raise` are free; only the loop and `if` count.
    ("for x in y:\n    if x:\n        break\n    continue", 3),
    # A comprehension's `for` and `if` are shorthand: free.
    ("return [x for x in y if x]", 0),
    # ... but a boolean sequence inside a comprehension counts: +1.
    ("return [x for x in y if x and z]", 1),
    # `await`, `assert`, walrus and `del` break no flow.
    ("assert a\nif (n := len(a)) > 1:\n    del a", 1),
]


@pytest.mark.parametrize(("body", "expected"), CONSTRUCTS)
def test_each_construct_alone(body: str, expected: int) -> None:
    source = "def f(a, b, c, d, y, z):\n" + textwrap.indent(body, "    ")
    assert score(source) == expected


def test_elif_is_told_from_else_if_by_position_alone() -> None:
    # Tab-indented: `elif` +1 (2 in all); `else:` then `if` is +1 and +2 (4 in all).
    elif_chain = "def f(a, b):\n\tif a:\n\t\tpass\n\telif b:\n\t\tpass"
    else_if = "def f(a, b):\n\tif a:\n\t\tpass\n\telse:\n\t\tif b:\n\t\t\tpass"
    assert score(elif_chain) == 2
    assert score(else_if) == 4


@pytest.mark.skipif(sys.version_info < (3, 11), reason="except* is Python 3.11+")
def test_except_star_counts_like_except() -> None:
    # Two `except*` handlers: +1 each.
    body = "try:\n    pass\nexcept* A:\n    pass\nexcept* B:\n    pass"
    assert score("def f():\n" + textwrap.indent(body, "    ")) == 2


# --- Nesting ------------------------------------------------------------------------

NESTING = [
    # if +1; nested if +2; nested-nested if +3.
    ("if a:\n    if b:\n        if c:\n            pass", 6),
    # `elif` and `else` take no nesting, but their blocks nest: if +1, elif +1,
    # its inner if +2, else +1, its inner for +2.
    (
        "if a:\n    pass\nelif b:\n    if c:\n        pass\nelse:\n"
        "    for x in y:\n        pass",
        7,
    ),
    # `try`, `with` and `finally` do not nest: each `if` +1.
    ("try:\n    if a:\n        pass\nfinally:\n    if b:\n        pass", 2),
    ("with a:\n    if b:\n        pass", 1),
    # An `except` block nests: except +1, if +2.
    ("try:\n    pass\nexcept A:\n    if b:\n        pass", 3),
    # A loop's `else` block nests: for +1, else +1, if +2.
    ("for x in y:\n    pass\nelse:\n    if a:\n        pass", 4),
    # A `case` block nests: match +1, if +2.
    ("match a:\n    case 1:\n        if b:\n            pass", 3),
    # `match` takes nesting: for +1, match +2.
    ("for x in y:\n    match x:\n        case _:\n            pass", 3),
    # A conditional expression takes nesting and nests: if +1, outer +2, inner +3.
    ("if a:\n    return b if c else (d if y else z)", 6),
    # Boolean sequences never take nesting: for +1, if +2, `and` +1.
    ("for x in y:\n    if x and z:\n        pass", 4),
]


@pytest.mark.parametrize(("body", "expected"), NESTING)
def test_nesting_adds_the_level(body: str, expected: int) -> None:
    source = "def f(a, b, c, d, y, z):\n" + textwrap.indent(body, "    ")
    assert score(source) == expected


# --- Nested functions, lambdas, wrappers, classes -------------------------------------

NESTED_FUNCTION = """
def outer(items):
    def keep(item):            # nesting 1, the def itself is free
        if item:               # +2 (nesting 1)
            return True
        return False
    for item in items:         # +1
        if keep(item):         # +2 (nesting 1)
            yield item
"""


def test_nested_function_counts_toward_outer_with_nesting() -> None:
    # +2 from `keep` plus +1 +2 from `outer`'s own loop.
    assert score(NESTED_FUNCTION) == 5


def test_nested_function_alone_scores_from_nesting_zero() -> None:
    # Asked for directly, `keep` is scored as if extracted: its `if` is +1.
    keep = function_named(NESTED_FUNCTION, "keep")
    assert cognitive_complexity(keep) == 1


def test_function_inside_a_block_nests_one_deeper() -> None:
    # if +1; `inner` sits at nesting 1, so its body is at 2: its `if` +3.
    source = "def f(a):\n    if a:\n        def inner():\n            if a:\n"
    assert score(source + "                pass\n        inner()") == 4


def test_lambda_nests_its_body() -> None:
    # The conditional expression inside the lambda is +2 (nesting 1).
    assert score("def f(xs):\n    return sorted(xs, key=lambda x: 0 if x else 1)") == 2


DECORATOR = """
def logged(func):
    \"\"\"Log each call.\"\"\"
    @functools.wraps(func)
    def wrapper(*args):
        if args:               # +1: the wrapper adds no nesting
            log(args)
        return func(*args)
    return wrapper
"""

DECORATOR_FACTORY = """
def retry(times):
    def decorate(func):
        def wrapper(*args):
            for _ in range(times):   # +1: two wrappers, still no nesting
                pass
        return wrapper
    return decorate
"""


def test_decorator_wrapper_is_not_charged_for_nesting() -> None:
    assert score(DECORATOR) == 1
    assert score(DECORATOR_FACTORY) == 1


def test_function_with_more_than_a_wrapper_charges_nesting() -> None:
    # The extra statement makes `logged` an ordinary function: the `if` is +2.
    assert score(DECORATOR.replace("    return wrapper", "    x = 1\n    return wrapper")) == 2


def test_is_decorator_wrapper() -> None:
    assert is_decorator_wrapper(first_function(DECORATOR))
    assert is_decorator_wrapper(first_function("def f():\n    def g():\n        pass"))
    # Returning a call, or holding two functions, is more than wrapping.
    assert not is_decorator_wrapper(
        first_function("def f():\n    def g():\n        pass\n    return g()")
    )
    assert not is_decorator_wrapper(
        first_function("def f():\n    def g(): pass\n    def h(): pass\n    return g")
    )


NESTED_CLASS = """
def factory(flag):
    if flag:                   # +1
        class Local:
            def method(self):
                if self:       # +1: a class starts again at nesting 0
                    pass
        return Local
"""


def test_nested_class_resets_nesting() -> None:
    assert score(NESTED_CLASS) == 2


def test_async_function_is_a_function() -> None:
    # async for +1, async with free, if +2 (nesting 1).
    source = "async def f(s):\n    async for x in s:\n        async with x:\n"
    assert score(source + "            if await x.ok():\n                pass") == 3


# --- Recursion ------------------------------------------------------------------------


def test_recursion_adds_one_per_function() -> None:
    # if +1; recursion +1 once, though `fib` calls itself twice.
    source = "def fib(n):\n    if n < 2:\n        return n\n    return fib(n - 1) + fib(n)"
    assert score(source) == 2


def test_method_recursion_is_a_call_through_self() -> None:
    source = "class T:\n    def walk(self, node):\n        for c in node:\n"
    source += "            self.walk(c)"
    # for +1; `self.walk` +1.
    assert score(source) == 2


def test_same_name_is_not_recursion_when_it_is_not_the_function() -> None:
    # In a method a bare `walk()` is a module function; in a function `x.f()` is not f.
    assert score("class T:\n    def walk(self):\n        walk()") == 0
    assert score("def f(x):\n    x.f()") == 0


def test_nested_recursion_counts_toward_outer() -> None:
    # `visit` recurses: +1, charged to `outer`.
    assert score("def outer(t):\n    def visit(n):\n        visit(n)\n    visit(t)") == 1


def test_outermost_functions_skip_nested_ones() -> None:
    tree = ast.parse(NESTED_FUNCTION + NESTED_CLASS + "class C:\n    def m(self):\n        pass")
    assert [f.name for f in outermost_functions(tree)] == ["outer", "factory", "m"]
