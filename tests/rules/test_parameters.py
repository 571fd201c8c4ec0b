"""ACO104: the parameter count, with *args and **kwargs counted and a bound self/cls not."""

from __future__ import annotations

import pytest
from helpers import Scoped

codes = Scoped("ACO104").codes
results = Scoped("ACO104").results


@pytest.mark.parametrize(
    ("src", "expected"),
    [
        ("def f(a, b, c, d): pass", []),  # four: at the limit
        ("def f(a, b, c, d, e): pass", ["1:1: ACO104"]),  # five
        (
            "def f(a, /, b, *, c, d, e): pass",
            ["1:1: ACO104"],
        ),  # positional-only and keyword-only count
        ("def f(a, b, c, *args): pass", []),  # *args counts: four
        ("def f(a, b, c, *args, **kwargs): pass", ["1:1: ACO104"]),  # and **kwargs: five
        ("async def f(a, b, c, d, e): pass", ["1:1: ACO104"]),  # async defs are functions
        ("f = lambda a, b, c, d, e: 0", []),  # lambdas are not checked
    ],
)
def test_function_parameters(src: str, expected: list[str]) -> None:
    assert codes(src) == expected


def test_bound_first_parameter_is_not_counted_whatever_its_name() -> None:
    src = """
    class C:
        def method(me, a, b, c, d): pass
        @classmethod
        def build(klass, a, b, c, d): pass
        @staticmethod
        def helper(a, b, c, d, e): pass
    """
    # method and build: 4 after the bound first one; the staticmethod has 5 real ones
    assert codes(src) == ["7:5: ACO104"]


def test_function_nested_in_a_method_has_no_bound_parameter() -> None:
    src = """
    class C:
        def m(self):
            def inner(self, a, b, c, d): pass
    """
    assert codes(src) == ["4:9: ACO104"]


def test_message_says_that_star_args_count() -> None:
    assert results("def f(a, *args, **kwargs): pass", max_parameters=2) == [
        "1:1: ACO104 function 'f' takes 3 parameters (limit 2; *args and **kwargs count)"
    ]


def test_multi_line_signature_is_reported_at_def_line() -> None:
    src = "def f(\n    a,\n    b,\n    c,\n    d,\n    e,\n):\n    pass\n"
    assert codes(src) == ["1:1: ACO104"]
