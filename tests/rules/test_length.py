"""Length rules ACO101/111/102/103/113 at, under and over each limit."""

from __future__ import annotations

import pytest
from helpers import Scoped

codes = Scoped("ACO1").codes
results = Scoped("ACO1").results


def function_of(length: int, header: str = "def f():") -> str:
    """A function spanning exactly `length` lines: the def line plus length-1 body lines."""
    return header + "\n" + "    x = 1\n" * (length - 1)


@pytest.mark.parametrize(
    ("length", "expected"),
    [
        (25, []),  # at the soft limit: nothing
        (26, ["1:1: ACO113"]),  # one over the soft limit: warning
        (30, ["1:1: ACO113"]),  # at the hard limit: still only the warning
        (31, ["1:1: ACO103"]),  # one over the hard limit: the error alone, not the warning too
    ],
)
def test_function_length_edges(length: int, expected: list[str]) -> None:
    assert codes(function_of(length)) == expected


def test_message_names_function_length_and_limit() -> None:
    assert results(function_of(42, "def load_orders():")) == [
        "1:1: ACO103 function 'load_orders' is 42 lines long (limit 30)"
    ]


def test_decorators_do_not_count_but_docstring_blank_and_comment_lines_do() -> None:
    # 3 decorator lines are excluded; def + docstring + blank + comment + 27 body lines = 31
    src = "@a\n@b\n@c\ndef f():\n    '''Doc.'''\n\n    # why\n" + "    x = 1\n" * 27
    assert codes(src) == ["4:1: ACO103"]


def test_nested_definitions_count_in_their_parent_and_on_their_own() -> None:
    # outer: 1 + inner's 31 lines = 32 lines; inner alone is 31 lines
    src = (
        "def outer():\n" + "    " + function_of(31, "def inner():").replace("\n    ", "\n        ")
    )
    assert codes(src) == ["1:1: ACO103", "2:5: ACO103"]


def test_methods_async_defs_and_functions_in_classes_inside_functions() -> None:
    body = "        x = 1\n" * 30  # 31-line method
    src = "class C:\n    async def m(self):\n" + body
    assert results(src) == ["2:5: ACO103 method 'C.m' is 31 lines long (limit 30)"]
    nested = "def factory():\n    class Local:\n        def m(self):\n" + "            x = 1\n" * 30
    assert "3:9: ACO103" in codes(nested)


def test_wrapped_signature_lines_count() -> None:
    # a 4-line signature plus 27 body lines = 31
    src = "def f(\n    a,\n    b,\n):\n" + "    x = 1\n" * 27
    assert codes(src) == ["1:1: ACO103"]


def test_code_count_skips_blank_comment_and_docstring_lines() -> None:
    # 31 physical lines, of which 5 are docstring/blank/comment: 26 code lines, under 30
    src = 'def f():\n    """Doc\n\n    more.\n    """\n    # c\n' + "    x = 1\n" * 25
    assert codes(src) == ["1:1: ACO103"]
    assert codes(src, count="code") == ["1:1: ACO113"]


def test_module_length_edges() -> None:
    assert codes("x = 1\n" * 250) == []
    assert codes("x = 1\n" * 251) == ["1:1: ACO111"]
    assert codes("x = 1\n" * 300) == ["1:1: ACO111"]
    assert results("x = 1\n" * 301) == ["1:1: ACO101 module is 301 lines long (limit 300)"]


def test_module_last_line_without_newline_counts() -> None:
    assert codes("x = 1\n" * 300 + "y = 2") == ["1:1: ACO101"]


def test_class_length_edges() -> None:
    at_limit = "class C:\n" + "    x = 1\n" * 199  # 200 lines
    assert codes(at_limit, max_class_lines=200) == []
    assert results(at_limit + "    y = 2\n") == [
        "1:1: ACO102 class 'C' is 201 lines long (limit 200)"
    ]


def test_limits_come_from_configuration() -> None:
    assert codes(function_of(11), max_function_lines=10, warn_function_lines=8) == ["1:1: ACO103"]
    assert codes(function_of(9), max_function_lines=10, warn_function_lines=8) == ["1:1: ACO113"]
