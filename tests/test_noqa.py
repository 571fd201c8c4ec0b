"""noqa: flake8's grammar, file-level skip, and the definition-level extension."""

from __future__ import annotations

import pytest
from helpers import Scoped

codes = Scoped("ACO1").codes

FIVE = "def f(a, b, c, d, e):"


@pytest.mark.parametrize(
    ("comment", "silenced"),
    [
        ("  # noqa", True),  # blanket
        ("  # noqa: ACO104", True),  # exact code
        ("  # noqa:ACO104", True),  # no space
        ("  # NOQA: ACO1", True),  # prefix, any case
        ("  # noqa: E501,ACO104", True),  # list
        ("  # noqa: E501", False),  # another code
        ("  # noqa: ACO103", False),  # a sibling code
        ("  # noqa : ACO103", True),  # flake8 reads a malformed list as a blanket noqa
    ],
)
def test_noqa_forms_on_the_reported_line(comment: str, silenced: bool) -> None:
    expected = [] if silenced else ["1:1: ACO104"]
    assert codes(FIVE + comment + "\n    pass\n") == expected


def test_flake8_noqa_line_skips_the_whole_file() -> None:
    assert codes("# flake8: noqa\n" + FIVE + "\n    pass\n") == []
    # with code after it, flake8 does not skip the file, and neither do we
    assert codes("x = 1  # flake8: noqa\n" + FIVE + "\n    pass\n") == ["2:1: ACO104"]


def test_noqa_on_a_decorator_line_silences_the_definition() -> None:
    src = "@decorate  # noqa: ACO104\n" + FIVE + "\n    pass\n"
    assert codes(src) == []


def test_noqa_on_any_line_of_a_wrapped_signature_silences_it() -> None:
    src = "def f(\n    a, b, c,\n    d, e,\n):  # noqa: ACO104\n    pass\n"
    assert codes(src) == []


def test_noqa_in_the_body_does_not_silence_the_definition() -> None:
    src = FIVE + "\n    pass  # noqa: ACO104\n"
    assert codes(src) == ["1:1: ACO104"]


def test_noqa_after_a_multiline_string_covers_its_first_line() -> None:
    # flake8 joins the lines of a token spanning lines: the module docstring's lines 1-3
    src = '"""Doc\nmore\n"""  # noqa: ACO101\n' + "x = 1\n" * 300
    assert codes(src) == []
