"""ACO201 and ACO202: parameters and returns without annotations, at the edges mypy --strict cares about."""

from __future__ import annotations

import pytest
from helpers import codes, results


def aco2(src: str, path: str = "snippet.py") -> list[str]:
    """Only the annotation findings, so snippets need no docstrings."""
    return codes(src, path, select=["ACO2"])


# ACO201 ----------------------------------------------------------------------

FULLY_ANNOTATED = [
    "def f(a: int, /, b: int, *args: int, c: int, **kwargs: int) -> None: ...\n",
    "async def f(a: int) -> None: ...\n",
    "class C:\n    def m(self, a: int) -> None: ...\n",
    "class C:\n    @classmethod\n    def m(cls, a: int) -> None: ...\n",
    "class C:\n    @staticmethod\n    def m(a: int) -> None: ...\n",
    "f = lambda x: x\n",
]


@pytest.mark.parametrize("src", FULLY_ANNOTATED)
def test_annotated_signatures_pass(src: str) -> None:
    assert aco2(src) == []


def test_message_names_parameter_and_function() -> None:
    # `a` starts at column 7 of line 1: "def f(" is six characters
    assert results("def f(a) -> None: ...\n", select=["ACO201"]) == [
        "1:7: ACO201 parameter 'a' of function 'f' has no annotation"
    ]


def test_every_kind_of_parameter_is_reported_once_at_its_name() -> None:
    # a (col 7) positional-only, b (col 13) regular, args (col 17, after the star),
    # c (col 23) keyword-only, kwargs (col 28, after the two stars): five findings
    src = "def f(a, /, b, *args, c, **kwargs) -> None: ...\n"
    assert aco2(src) == [
        "1:7: ACO201",
        "1:13: ACO201",
        "1:17: ACO201",
        "1:23: ACO201",
        "1:28: ACO201",
    ]


def test_star_parameters_are_named_with_their_stars() -> None:
    found = results("def f(*args, **kwargs) -> None: ...\n", select=["ACO201"])
    assert [line.split("'")[1] for line in found] == ["*args", "**kwargs"]


def test_bound_first_parameter_of_method_and_classmethod_is_exempt() -> None:
    # self and cls are bound whatever their names; only `x` on line 2 and `y` on line 5 need types
    src = """\
    class C:
        def m(this, x) -> None: ...

        @classmethod
        def k(klass, y) -> None: ...
    """
    assert aco2(src) == ["2:17: ACO201", "5:18: ACO201"]


def test_staticmethod_first_parameter_is_not_bound() -> None:
    src = "class C:\n    @staticmethod\n    def m(a) -> None: ...\n"
    assert aco2(src) == ["3:11: ACO201"]


def test_wrapped_signature_reports_each_parameter_on_its_own_line() -> None:
    src = "def f(\n    a,\n    b: int,\n    c,\n) -> None: ...\n"
    assert aco2(src) == ["2:5: ACO201", "4:5: ACO201"]


def test_nested_async_and_overload_definitions_are_checked() -> None:
    # mypy --strict checks all three: the overload on line 4, the async method's `x` on line 8,
    # the nested function's `y` on line 10
    src = """\
    from typing import overload

    @overload
    def f(a) -> int: ...
    def f(a: int) -> int:
        return a
    class C:
        async def m(self, x) -> None:
            pass
        def outer(self) -> None:
            def inner(y) -> None: ...
    """
    assert aco2(src) == ["4:7: ACO201", "8:23: ACO201", "11:19: ACO201"]


def test_noqa_on_the_def_line_silences_a_wrapped_parameter() -> None:
    src = "def f(  # noqa: ACO201\n    a,\n) -> None: ...\n"
    assert aco2(src) == []


def test_stub_files_are_checked_too() -> None:
    # stubs are exempt from docstrings, not from types: the return at the def, `a` at column 7
    assert aco2("def f(a): ...\n", path="mod.pyi") == ["1:1: ACO202", "1:7: ACO201"]


# ACO202 ----------------------------------------------------------------------


def test_missing_return_annotation_is_reported_at_the_def() -> None:
    assert results("def f(a: int):\n    return a\n", select=["ACO202"]) == [
        "1:1: ACO202 function 'f' has no return annotation"
    ]


def test_async_method_reported_at_def_keyword_not_decorator() -> None:
    # the decorator sits on line 2; the finding goes to `async def` on line 3, column 5
    src = "class C:\n    @property\n    async def m(self):\n        pass\n"
    assert results(src, select=["ACO202"]) == ["3:5: ACO202 method 'C.m' has no return annotation"]


INIT_CASES = [
    # mypy --strict lets __init__ omit `-> None` once any parameter is annotated
    ("class C:\n    def __init__(self, a: int): ...\n", []),
    ("class C:\n    def __init__(self, *, a: int): ...\n", []),
    # ... but not when nothing is annotated, or when it takes only self
    ("class C:\n    def __init__(self, a): ...\n", ["2:5: ACO202", "2:24: ACO201"]),
    ("class C:\n    def __init__(self): ...\n", ["2:5: ACO202"]),
    # a module-level function named __init__ is not a constructor
    ("def __init__(a: int): ...\n", ["1:1: ACO202"]),
]


@pytest.mark.parametrize(("src", "expected"), INIT_CASES)
def test_init_may_omit_return_annotation_like_mypy(src: str, expected: list[str]) -> None:
    assert sorted(aco2(src)) == sorted(expected)
