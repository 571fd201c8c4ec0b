"""ACO304: Args, Returns, Yields and Raises sections, asked at level enterprise and above."""

from __future__ import annotations

import pytest
from helpers import codes, results


def aco304(src: str, level: str = "enterprise", style: str = "google") -> list[str]:
    """Just the section findings of a snippet, at a level and docstring style."""
    return [
        item.split(" ", 2)[2]
        for item in results(src, select=["ACO304"], level=level, docstring_style=style)
    ]


def test_each_missing_section_is_one_finding_at_the_docstring() -> None:
    # the docstring is on line 2, indented four spaces: column 5; three sections, three findings
    src = 'def f(a):\n    """Do."""\n    if a:\n        raise ValueError(a)\n    return a\n'
    assert results(src, select=["ACO304"], level="enterprise") == [
        "2:5: ACO304 docstring of function 'f' has no 'Args:' section (it takes parameters)",
        "2:5: ACO304 docstring of function 'f' has no 'Returns:' section (it returns a value)",
        "2:5: ACO304 docstring of function 'f' has no 'Raises:' section (it raises ValueError)",
    ]


@pytest.mark.parametrize("level", ["mvp", "production"])
def test_sections_are_not_asked_below_enterprise(level: str) -> None:
    # with the default select, the level alone decides; the snippet lacks Args and Returns
    src = '"""M."""\ndef f(a: int) -> int:\n    """Do."""\n    return a\n'
    assert codes(src, level=level) == []
    assert codes(src, level="enterprise") == ["3:5: ACO304", "3:5: ACO304"]


def test_hyperscale_asks_sections_of_private_functions_too() -> None:
    src = 'def _f(a):\n    """Do."""\n'
    assert aco304(src, level="enterprise") == []
    assert aco304(src, level="hyperscale") == [
        "docstring of function '_f' has no 'Args:' section (it takes parameters)"
    ]


def test_complete_google_docstring_passes() -> None:
    src = '''\
def f(a):
    """Do.

    Args:
        a: thing.

    Returns:
        Thing.

    Raises:
        ValueError: never.
    """
    if a:
        raise ValueError(a)
    return a
'''
    assert aco304(src) == []


NO_SECTION_NEEDED = [
    # no parameters, returns nothing, raises nothing
    'def f():\n    """Do."""\n    print(1)\n',
    # `return` and `return None` return no value
    'def f():\n    """Do."""\n    if x:\n        return\n    return None\n',
    # self and cls are not parameters the docstring must list
    'class C:\n    """C."""\n    def m(self):\n        """Do."""\n'
    '    @classmethod\n    def k(cls):\n        """Do."""\n',
    # returns and raises inside nested functions, lambdas and classes are theirs
    'def f():\n    """Do."""\n    def g():\n        raise ValueError\n    class K:\n        def h(self):\n'
    "            return 1\n    key = lambda v: v\n",
    # a bare re-raise passes on what the function caught: no Raises needed
    'def f():\n    """Do."""\n    try:\n        g()\n    except OSError:\n        cleanup()\n        raise\n',
    # a property getter is documented as an attribute: no Returns needed
    'class C:\n    """C."""\n    @property\n    def size(self):\n        """The size."""\n        return 1\n',
    # no docstring at all is ACO303's business, not this rule's
    "def f(a):\n    return a\n",
    # overload stubs and setters are exempt like in ACO303
    "@overload\ndef f(a: int) -> int: ...\n"
    'class C:\n    """C."""\n    @size.setter\n    def size(self, value):\n        """Set."""\n',
]


@pytest.mark.parametrize("src", NO_SECTION_NEEDED)
def test_no_section_needed(src: str) -> None:
    assert aco304(src) == []


def test_staticmethod_first_parameter_is_a_parameter() -> None:
    src = 'class C:\n    """C."""\n    @staticmethod\n    def m(a):\n        """Do."""\n'
    assert aco304(src) == ["docstring of method 'C.m' has no 'Args:' section (it takes parameters)"]


def test_keyword_only_and_star_parameters_count() -> None:
    for signature in ("*, a", "*args", "**kwargs", "a, /"):
        src = f'def f({signature}):\n    """Do."""\n'
        assert aco304(src) == [
            "docstring of function 'f' has no 'Args:' section (it takes parameters)"
        ]


def test_generator_needs_yields_instead_of_returns() -> None:
    src = 'async def f():\n    """Do."""\n    yield 1\n    return\n'
    assert aco304(src) == ["docstring of function 'f' has no 'Yields:' section (it is a generator)"]
    documented = (
        'def f():\n    """Do.\n\n    Yields:\n        Numbers.\n    """\n    yield from range(3)\n'
    )
    assert aco304(documented) == []


def test_raises_message_lists_each_exception_once_in_source_order() -> None:
    src = 'def f():\n    """Do."""\n    raise errors.Bad("x") from None\n    raise KeyError\n    raise KeyError\n'
    assert aco304(src) == [
        "docstring of function 'f' has no 'Raises:' section (it raises errors.Bad, KeyError)"
    ]


def test_init_is_read_from_its_class_docstring_when_it_has_none() -> None:
    # the finding sits at the class docstring (line 2, column 5) that documents __init__
    src = 'class C:\n    """C."""\n    def __init__(self, a):\n        self.a = a\n'
    assert codes(src, select=["ACO304"], level="enterprise") == ["2:5: ACO304"]
    documented = (
        'class C:\n    """C.\n\n    Args:\n        a: thing.\n    """\n'
        "    def __init__(self, a):\n        self.a = a\n"
    )
    assert aco304(documented) == []


def test_other_google_titles_and_text_after_the_colon_are_read() -> None:
    src = 'def f(a):\n    """Do.\n\n    Arguments:\n        a: thing.\n    Returns: the thing.\n    """\n    return a\n'
    assert aco304(src) == []


def test_numpy_style_needs_underlined_titles() -> None:
    numpy = '''\
def f(a):
    """Do.

    Parameters
    ----------
    a : int

    Returns
    -------
    int
    """
    return a
'''
    assert aco304(numpy, style="numpy") == []
    # the Google headers are not numpy sections, and numpy ones are not Google ones
    google = 'def f(a):\n    """Do.\n\n    Args:\n        a: thing.\n    """\n'
    assert aco304(google, style="numpy") == [
        "docstring of function 'f' has no 'Parameters' section (it takes parameters)"
    ]
    assert aco304(numpy, style="google") == [
        "docstring of function 'f' has no 'Args:' section (it takes parameters)",
        "docstring of function 'f' has no 'Returns:' section (it returns a value)",
    ]


def test_stub_files_are_exempt() -> None:
    src = 'def f(a: int) -> int:\n    """Do."""\n'
    assert codes(src, "mod.pyi", select=["ACO304"], level="enterprise") == []


def test_yield_is_found_inside_expressions_and_not_in_words() -> None:
    # `x = (yield)` makes a generator; the word "yield" in a docstring or comment does not
    src = 'def f():\n    """Do."""\n    x = (yield)\n'
    assert aco304(src) == ["docstring of function 'f' has no 'Yields:' section (it is a generator)"]
    words = 'def f():\n    """Never yield."""\n    return 1  # yield\n'
    assert aco304(words) == [
        "docstring of function 'f' has no 'Returns:' section (it returns a value)"
    ]
