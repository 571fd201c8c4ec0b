"""select / extend-select / ignore / per-file-ignores / level: which codes run on a file."""

from __future__ import annotations

import dataclasses

import pytest

from acolyte_gates.config.levels import Level, level_disabled_codes
from acolyte_gates.config.settings import Settings
from acolyte_gates.decision import enabled_codes, is_enabled

CODES = ("ACO103", "ACO104", "ACO113", "ACO301", "ACO303", "ACO304")


@pytest.mark.parametrize(
    ("explicit", "ignored", "code", "enabled"),
    [
        (("ACO",), (), "ACO104", True),  # the default: enabled_codes selects every family
        (("ACO1",), (), "ACO301", False),  # not selected
        (("ACO",), ("ACO1",), "ACO104", False),  # ignore is the longer prefix
        (("ACO104",), ("ACO1",), "ACO104", True),  # select is the longer prefix
        (("ACO1",), ("ACO1",), "ACO104", False),  # a tie goes to ignore
        (("E",), (), "ACO104", False),  # another tool's prefix selects nothing here
    ],
)
def test_longest_prefix_decides(
    explicit: tuple[str, ...], ignored: tuple[str, ...], code: str, enabled: bool
) -> None:
    assert is_enabled(code, explicit, ignored, ()) is enabled


@pytest.mark.parametrize(
    ("level", "expected"),
    [
        (Level.MVP, ("ACO103", "ACO104", "ACO113")),  # no docstring rules at all
        (Level.PRODUCTION, ("ACO103", "ACO104", "ACO113", "ACO301", "ACO303")),  # no sections
        (Level.ENTERPRISE, CODES),  # sections too
        (Level.HYPERSCALE, CODES),
    ],
)
def test_levels_switch_the_docstring_rules(level: Level, expected: tuple[str, ...]) -> None:
    settings = dataclasses.replace(Settings(), level=level)
    assert enabled_codes(settings, "pkg/mod.py", CODES) == expected


def test_an_explicit_select_brings_back_a_code_the_level_turns_off() -> None:
    settings = dataclasses.replace(Settings(), extend_select=("ACO304",))
    assert "ACO304" in enabled_codes(settings, "pkg/mod.py", CODES)
    assert level_disabled_codes(Level.PRODUCTION) == ("ACO304",)


@pytest.mark.parametrize(
    ("relpath", "docstring_rules_run"),
    [
        ("pkg/mod.py", True),
        ("tests/test_mod.py", False),  # tests/**
        ("pkg/tests/helpers.py", False),  # **/tests/**
        ("pkg/test_mod.py", False),  # test_*.py
        ("pkg/mod_test.py", False),  # *_test.py
        ("conftest.py", False),
        ("pkg/testing.py", True),  # a helper module outside tests is not exempt
    ],
)
def test_default_per_file_ignores_exempt_test_files_from_docstring_rules(
    relpath: str, docstring_rules_run: bool
) -> None:
    assert ("ACO303" in enabled_codes(Settings(), relpath, CODES)) is docstring_rules_run


def test_main_module_needs_no_module_docstring_but_its_functions_do() -> None:
    assert enabled_codes(Settings(), "pkg/__main__.py", ("ACO301", "ACO303")) == ("ACO303",)


def test_per_file_ignores_replace_and_extend_per_file_ignores_add() -> None:
    replaced = dataclasses.replace(Settings(), per_file_ignores=(("scripts/*", ("ACO104",)),))
    assert enabled_codes(replaced, "scripts/run.py", CODES) == (
        "ACO103",
        "ACO113",
        "ACO301",
        "ACO303",
    )
    assert "ACO303" in enabled_codes(replaced, "tests/test_a.py", CODES)  # the defaults are gone
    extended = dataclasses.replace(
        Settings(), extend_per_file_ignores=(("scripts/*", ("ACO104",)),)
    )
    assert "ACO303" not in enabled_codes(extended, "tests/test_a.py", CODES)  # the defaults stay
    assert "ACO104" not in enabled_codes(extended, "scripts/run.py", CODES)
