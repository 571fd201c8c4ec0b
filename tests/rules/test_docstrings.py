"""ACO301-ACO303: modules, classes and functions that must carry a docstring, by level."""

from __future__ import annotations

import pytest
from helpers import codes, results

DOC = '"""Module."""\n'


def aco3(src: str, path: str = "snippet.py", level: str = "production") -> list[str]:
    """Only the docstring findings, so snippets need no annotations."""
    return codes(src, path, select=["ACO3"], level=level)


# ACO301 modules ---------------------------------------------------------------

MODULE_CASES = [
    # (path, source, expected): a public module or package needs a docstring at 1:1
    ("orders.py", "import os\n", ["1:1: ACO301"]),
    ("pkg/__init__.py", "from .a import b\n", ["1:1: ACO301"]),
    # an empty file or one with only comments is reported, as pydocstyle does
    ("orders.py", "", ["1:1: ACO301"]),
    ("pkg/__init__.py", "# package marker\n", ["1:1: ACO301"]),
    # a docstring of whitespace is no docstring
    ("orders.py", '"""  """\n', ["1:1: ACO301"]),
    ("orders.py", DOC, []),
    # private modules, stubs, tests and __main__ are exempt
    ("pkg/_helpers.py", "import os\n", []),
    ("orders.pyi", "import os\n", []),
    ("tests/test_orders.py", "import os\n", []),
    ("test_orders.py", "import os\n", []),
    ("conftest.py", "import os\n", []),
    ("pkg/__main__.py", "import os\n", []),
]


@pytest.mark.parametrize(("path", "src", "expected"), MODULE_CASES)
def test_module_docstring(path: str, src: str, expected: list[str]) -> None:
    assert aco3(src, path) == expected


def test_module_messages_name_the_file_and_the_fault() -> None:
    assert results("x = 1\n", "pkg/__init__.py", select=["ACO301"]) == [
        "1:1: ACO301 module '__init__.py' has no docstring"
    ]
    assert results('""\n', "a.py", select=["ACO301"]) == [
        "1:1: ACO301 module 'a.py' has an empty docstring"
    ]


def test_hyperscale_asks_private_modules_too_but_not_main() -> None:
    assert aco3("x = 1\n", "pkg/_helpers.py", level="hyperscale") == ["1:1: ACO301"]
    assert aco3("x = 1\n", "pkg/__main__.py", level="hyperscale") == []


@pytest.mark.parametrize("level", ["production", "enterprise", "hyperscale"])
def test_docstring_rules_run_from_production_up(level: str) -> None:
    assert codes("class C: pass\n", level=level) == ["1:1: ACO301", "1:1: ACO302"]


def test_mvp_asks_for_no_docstrings() -> None:
    assert codes("class C: pass\n", level="mvp") == []


# ACO302 classes ---------------------------------------------------------------


def test_public_class_without_docstring_is_reported_at_class_line() -> None:
    # the decorator is on line 2, the `class` keyword on line 3
    src = DOC + "@dataclass\nclass Order:\n    x: int\n"
    assert results(src, select=["ACO302"]) == ["3:1: ACO302 class 'Order' has no docstring"]


CLASS_CASES = [
    # nested public class of a public class: `class B` on line 5 (after the module docstring), column 5
    (DOC + 'class A:\n    """A."""\n\n    class B:\n        pass\n', ["5:5: ACO302"]),
    # private class, and a public class inside a private one, are private
    (DOC + "class _A:\n    class B:\n        pass\n", []),
    # a class inside a function is never public
    (DOC + 'def f():\n    """F."""\n    class B:\n        pass\n', []),
]


@pytest.mark.parametrize(("src", "expected"), CLASS_CASES)
def test_class_publicness(src: str, expected: list[str]) -> None:
    assert aco3(src) == expected


def test_hyperscale_asks_private_classes_but_not_classes_in_functions() -> None:
    # _A (line 2) and its B (line 3) are private; C in f (line 7) stays exempt
    src = (
        DOC
        + 'class _A:\n    class B:\n        pass\n\ndef f():\n    """F."""\n    class C:\n        pass\n'
    )
    assert aco3(src, level="hyperscale") == ["2:1: ACO302", "3:5: ACO302"]


# ACO303 functions and methods -------------------------------------------------


def test_public_function_message() -> None:
    assert results(DOC + "async def fetch():\n    pass\n", select=["ACO303"]) == [
        "2:1: ACO303 function 'fetch' has no docstring"
    ]


FUNCTION_CASES = [
    # private and nested functions are not public
    ("def _helper():\n    pass\n", []),
    ('def f():\n    """F."""\n    def inner():\n        pass\n', []),
    # methods of a public class are public; the method line is 4 (DOC, class, docstring, def)
    ('class C:\n    """C."""\n    def run(self):\n        pass\n', ["4:5: ACO303"]),
    # methods of a private class are private
    ("class _C:\n    def run(self):\n        pass\n", []),
    # dunders other than __init__ are documented by the language
    ('class C:\n    """C."""\n    def __eq__(self, other):\n        pass\n', []),
    # __init__ leans on its class's docstring, and needs its own when the class has none
    ('class C:\n    """C."""\n    def __init__(self):\n        pass\n', []),
    ("class C:\n    def __init__(self):\n        pass\n", ["2:1: ACO302", "3:5: ACO303"]),
    # an empty class docstring does not cover __init__
    ('class C:\n    ""\n    def __init__(self):\n        pass\n', ["2:1: ACO302", "4:5: ACO303"]),
]


@pytest.mark.parametrize(("src", "expected"), FUNCTION_CASES)
def test_function_publicness(src: str, expected: list[str]) -> None:
    assert aco3(DOC + src) == expected


def test_overload_stubs_need_no_docstring_in_either_spelling() -> None:
    # only the implementation, line 8 after the module docstring and two imports, is checked
    src = DOC + """\
import typing
from typing import overload
@overload
def f(a: int) -> int: ...
@typing.overload
def f(a: str) -> str: ...
def f(a):
    return a
"""
    assert aco3(src) == ["8:1: ACO303"]


def test_override_methods_need_no_docstring_in_either_spelling() -> None:
    src = DOC + """\
class C(Base):
    \"\"\"C.\"\"\"
    @override
    def a(self):
        pass
    @typing.override
    def b(self):
        pass
"""
    assert aco3(src) == []


def test_property_getter_needs_a_docstring_but_setter_and_deleter_do_not() -> None:
    # the getter's `def` is on line 6 (decorator on 5); Python shows the getter's docstring for the property
    src = DOC + """\
class C:
    \"\"\"C.\"\"\"

    @property
    def size(self):
        return 1

    @size.setter
    def size(self, value):
        pass

    @size.deleter
    def size(self):
        pass
"""
    assert aco3(src) == ["6:5: ACO303"]


def test_hyperscale_asks_private_functions_and_methods_but_not_nested_ones() -> None:
    # at hyperscale _C (line 6, ACO302), _C.run (line 7) and _other (line 9) need docstrings;
    # _helper (line 2) has one, and its nested `inner` (line 4) never needs one
    src = DOC + """\
def _helper():
    \"\"\"Help.\"\"\"
    def inner():
        pass
class _C:
    def run(self):
        pass
def _other():
    pass
"""
    assert aco3(src, level="hyperscale") == ["6:1: ACO302", "7:5: ACO303", "9:1: ACO303"]


def test_hyperscale_still_exempts_dunders() -> None:
    src = DOC + 'class C:\n    """C."""\n    def __repr__(self):\n        return "C"\n'
    assert aco3(src, level="hyperscale") == []


def test_stub_files_are_exempt_from_docstrings() -> None:
    assert (
        aco3("class C:\n    def m(self) -> None: ...\ndef f() -> None: ...\n", path="mod.pyi") == []
    )


def test_test_files_are_exempt_by_default_per_file_ignores() -> None:
    assert aco3("def test_x():\n    pass\n", path="tests/test_x.py") == []
    assert aco3("def check():\n    pass\n", path="pkg/orders_test.py") == []


def test_noqa_on_a_decorator_silences_the_definition() -> None:
    src = DOC + "@cache  # noqa: ACO303\ndef f():\n    pass\n"
    assert aco3(src) == []
