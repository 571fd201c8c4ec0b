"""Cyclomatic complexity: worked snippets, each also checked against radon.

Each snippet is one function whose name is the case's id; the comment on its
``def`` line gives the expected number and why.
"""

import ast
import re
import sys

import pytest
from radon.visitors import ComplexityVisitor

from acolyte_gates.metrics.cyclomatic import cyclomatic_complexity

CASES = [
    """
def straight_line():  # 1: only the base path
    pass
""",
    """
def if_elif_else(a, b):  # 3: base 1 + `if` 1 + `elif` 1; `else` adds nothing
    if a:
        pass
    elif b:
        pass
    else:
        pass
""",
    """
def if_and(a, b):  # 3: base 1 + `if` 1 + one `and` 1
    if a and b:
        pass
""",
    """
def and_run(a, b, c):  # 3: one run of three operands has two operators, base 1
    return a and b and c
""",
    """
def and_then_or(a, b, c):  # 3: `(a and b) or c` is two runs, 1 + 1, base 1
    return a and b or c
""",
    """
def conditional_expressions(a, b):  # 3: two conditional expressions, base 1
    return 1 if a else 2 if b else 3
""",
    """
def for_else(xs):  # 3: `for` 1 + its `else` 1, base 1
    for x in xs:
        pass
    else:
        pass
""",
    """
def while_if_break(a):  # 3: `while` 1 + `if` 1, base 1; `break` adds nothing
    while True:
        if a:
            break
""",
    """
async def async_for_else(xs):  # 3: `async for` 1 + `else` 1, base 1
    async for x in xs:
        pass
    else:
        pass
""",
    """
def try_everything():  # 4: two handlers + `else` 1, base 1; `finally` adds 0
    try:
        pass
    except A:
        pass
    except B:
        pass
    else:
        pass
    finally:
        pass
""",
    """
def try_finally():  # 1: no handler, no `else`: only the base path
    try: pass
    finally: pass
""",
    """
def listcomp_two_ifs(xs):  # 4: one `for` clause 1 + two `if` filters 2, base 1
    return [x for x in xs if x if x > 1]
""",
    """
def dictcomp_two_fors(xss):  # 3: two `for` clauses 2, base 1
    return {x: 1 for xs in xss for x in xs}
""",
    """
def genexp_and(xs, a):  # 4: `for` 1 + its filter 1 + `and` 1, base 1
    return sum(x for x in xs if x and a)
""",
    """
def assert_hides_inside(a, b, xs):  # 2: `assert` 1; nothing inside it counts
    assert a and b, [x for x in xs if x]
""",
    """
def match_literals(a):  # 4: three cases, none bare, base 1
    match a:
        case 1: pass
        case 2: pass
        case 3: pass
""",
    """
def match_wildcard(a):  # 3: three cases less one for `_`, base 1
    match a:
        case 1: pass
        case 2: pass
        case _: pass
""",
    """
def match_capture(a):  # 2: two cases less one, a capture `x` is bare too, base 1
    match a:
        case 1: pass
        case x: pass
""",
    """
def match_guarded_wildcard(a):  # 2: guarded `_` is still bare; guard adds 0
    match a:
        case 1: pass
        case _ if a: pass
""",
    """
def match_only_wildcard(a):  # 1: one case less one, base 1
    match a:
        case _: pass
""",
    """
def match_two_bare(a):  # 2: two bare cases subtract only once, base 1
    match a:
        case x if x: pass
        case _: pass
""",
    """
def match_as_and_or(a):  # 3: `[1] as x` is not bare, `1 | 2` is one case, base 1
    match a:
        case [1] as x: pass
        case 1 | 2: pass
""",
    """
def with_if(a):  # 2: `with` adds nothing, `if` 1, base 1
    with a:
        if a:
            pass
""",
    """
async def async_with_if(a):  # 2: `async with` adds nothing, `if` 1, base 1
    async with a:
        if a:
            pass
""",
    """
def lambda_body(a):  # 2: a lambda adds 0, its conditional expression 1, base 1
    return lambda x: x if x else a
""",
    """
def closure(a):  # 1: the nested def, its default and its body are its own
    def inner(b=a or 1):
        if b:
            pass
    return inner
""",
    """
def inner_class():  # 1: a class inside, its body and its methods are not counted
    class C:
        x = 1 if y else 2
        def m(self):
            if self:
                pass
    return C
""",
    """
@decorate(a or b)
def own_header(x=a if b else c):  # 1: own decorators and defaults are not counted
    pass
""",
    """
def dict_star_global(d, b, c):  # 2: `**` (a None key) and `global` walk safely
    global g
    return {**d, "k": b or c}
""",
    """
def lambda_kwonly(a):  # 2: a keyword-only default left empty (None) walks safely
    h = lambda *, k: k
    if a:
        pass
""",
]

if sys.version_info >= (3, 11):
    CASES.append("""
def try_star():  # 1: radon counts `Try` nodes only, so `except*` adds nothing
    try:
        pass
    except* A:
        pass
    except* B:
        pass
""")


def _function(source: str) -> ast.FunctionDef | ast.AsyncFunctionDef:
    """Parse a snippet and return its first function."""
    node = ast.parse(source).body[0]
    assert isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
    return node


def _expected(source: str) -> int:
    """Read the expected number from the `# N:` comment on the def line."""
    match = re.search(r"# (\d+):", source)
    assert match is not None, source
    return int(match.group(1))


IDS = [_function(source).name for source in CASES]


@pytest.mark.parametrize("source", CASES, ids=IDS)
def test_counts_decision_points_as_documented(source: str) -> None:
    assert cyclomatic_complexity(_function(source)) == _expected(source)


@pytest.mark.parametrize("source", CASES, ids=IDS)
def test_radon_gives_the_same_number(source: str) -> None:
    visitor = ComplexityVisitor.from_code(source)
    assert visitor.functions[0].complexity == _expected(source)


CLOSURE = """
def outer(a):
    def inner(b):
        if b and a:
            pass
    return inner
"""


def test_closure_is_measured_on_its_own() -> None:
    inner = _function(CLOSURE).body[0]
    assert isinstance(inner, ast.FunctionDef)
    # Base 1 + `if` 1 + `and` 1, as radon reports the closure `outer.inner`.
    assert cyclomatic_complexity(inner) == 3
    radon_closure = ComplexityVisitor.from_code(CLOSURE).functions[0].closures[0]
    assert radon_closure.complexity == 3
