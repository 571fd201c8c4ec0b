"""The engine end to end on the smallest cases: a clean snippet and one finding."""

from helpers import results


def test_clean_snippet_has_no_findings() -> None:
    # a module docstring, since ACO301 asks every public module for one
    assert results('"""Clean."""\nx = 1\n') == []


def test_five_parameters_are_one_too_many() -> None:
    # a, b, c, d, e: five parameters against the default limit of four
    assert results("def f(a, b, c, d, e):\n    pass\n", select=["ACO104"]) == [
        "1:1: ACO104 function 'f' takes 5 parameters (limit 4; *args and **kwargs count)"
    ]
