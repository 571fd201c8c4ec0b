"""ACO601 within one file: copies up to renamed locals and literals, one finding per copy."""

from __future__ import annotations

import ast
import textwrap

import pytest
from helpers import Scoped

from acolyte_gates.flake8_plugin import AcolytePlugin

codes = Scoped("ACO601").codes
results = Scoped("ACO601").results

# Two functions with the same six statements (three assignments, an `if` header, the
# assignment inside it and the return), locals renamed: lines 2-7 and 11-16.
RENAMED_COPY = """\
def load(path):
    rows = read(path)
    rows = clean(rows)
    total = len(rows)
    if total > 10:
        rows = rows[:10]
    return rows, total


def fetch(source):
    items = read(source)
    items = clean(items)
    count = len(items)
    if count > 10:
        items = items[:10]
    return items, count
"""


def test_a_copy_with_renamed_locals_is_reported_at_each_copy() -> None:
    assert results(RENAMED_COPY) == [
        "2:5: ACO601 lines 2-7 duplicate lines 11-16 (6 statements)",
        "11:5: ACO601 lines 11-16 duplicate lines 2-7 (6 statements)",
    ]


@pytest.mark.parametrize(
    "change",
    [
        ("read(source)", "parse(source)"),  # another function is called
        ("items = items[:10]", "items = items[:10] + extra"),  # another expression
        (
            "    if count > 10:\n        items",
            "    if count > 10:\n        pass\n    items",
        ),  # other nesting
    ],
)
def test_different_code_is_not_a_copy(change: tuple[str, str]) -> None:
    assert results(RENAMED_COPY.replace(*change)) == []


def test_changed_literals_still_match() -> None:
    # numbers, strings and True/False may differ; the statements' shape is the same
    changed = RENAMED_COPY.replace("count > 10", "count > 25").replace("items[:10]", "items[:3]")
    changed = changed.replace("read(source)", 'read(source, "utf-8", strict=True)')
    changed = changed.replace("read(path)", 'read(path, "latin-1", strict=False)')
    assert codes(changed) == ["2:5: ACO601", "11:5: ACO601"]


def test_attribute_and_keyword_argument_names_must_match() -> None:
    # `self.a` against `self.b`: attribute names keep their spelling
    src = RENAMED_COPY.replace("items = clean(items)", "items = items.clean()")
    src = src.replace("rows = clean(rows)", "rows = rows.tidy()")
    assert results(src) == []


def test_six_statements_are_enough_and_five_are_not() -> None:
    # dropping the return leaves five statements per copy, under the default of six
    five = RENAMED_COPY.replace("    return rows, total\n", "").replace(
        "    return items, count\n", ""
    )
    assert results(five) == []
    assert codes(five, min_duplicate_lines=5) == ["2:5: ACO601", "10:5: ACO601"]


def test_statements_count_not_physical_lines() -> None:
    # the first statement wrapped over three lines (with black's trailing comma) is still one
    # statement: 6 in all, lines 2-9
    wrapped = RENAMED_COPY.replace("rows = read(path)", "rows = read(\n        path,\n    )")
    assert results(wrapped)[0] == "2:5: ACO601 lines 2-9 duplicate lines 13-18 (6 statements)"


def test_imports_and_docstrings_do_not_count() -> None:
    # each function is a docstring, two imports and five statements: five count, under six
    src = """\
    def load(path):
        \"\"\"Load.\"\"\"
        import os
        import sys
        rows = read(path)
        rows = clean(rows)
        total = len(rows)
        if total > 10:
            rows = rows[:10]


    def fetch(source):
        \"\"\"Fetch.\"\"\"
        import os
        import sys
        items = read(source)
        items = clean(items)
        count = len(items)
        if count > 10:
            items = items[:10]
    """
    assert results(src) == []


def test_an_import_inside_one_copy_does_not_break_it() -> None:
    # line 4 is an import: skipped, so the six statements still follow each other
    src = RENAMED_COPY.replace(
        "    rows = clean(rows)\n", "    rows = clean(rows)\n    import os\n"
    )
    assert codes(src) == ["2:5: ACO601", "12:5: ACO601"]


def test_a_guarded_import_is_an_import() -> None:
    # try/import/except ImportError/fallback, three times over: six units if they counted
    block = "try:\n    import {0}\nexcept ImportError:\n    {0} = None\n"
    src = "".join(block.format(name) for name in ("pwd", "grp", "zlib", "bz2"))
    assert results(src, min_duplicate_lines=3) == []


def test_a_long_copy_is_one_finding_per_copy() -> None:
    # twenty statements copied: fifteen windows of six match, merged into one block each
    body = "".join(f"    v{i} = step{i}(v{i - 1})\n" for i in range(1, 21))
    src = f"def first(v0):\n{body}\n\ndef second(v0):\n{body}"
    assert results(src) == [
        "2:5: ACO601 lines 2-21 duplicate lines 25-44 (20 statements)",
        "25:5: ACO601 lines 25-44 duplicate lines 2-21 (20 statements)",
    ]


def test_three_copies_are_three_findings() -> None:
    # the first copy names the second; the others name the first
    third = RENAMED_COPY.split("\n\n\n")[1].replace("fetch", "again")
    src = RENAMED_COPY + "\n\n" + third
    assert results(src) == [
        "2:5: ACO601 lines 2-7 duplicate lines 11-16 (6 statements)",
        "11:5: ACO601 lines 11-16 duplicate lines 2-7 (6 statements)",
        "20:5: ACO601 lines 20-25 duplicate lines 2-7 (6 statements)",
    ]


def test_noqa_on_the_first_line_of_a_copy_silences_that_copy() -> None:
    src = RENAMED_COPY.replace("items = read(source)", "items = read(source)  # noqa: ACO601")
    assert codes(src) == ["2:5: ACO601"]


def test_zero_turns_the_rule_off() -> None:
    assert results(RENAMED_COPY, min_duplicate_lines=0) == []


def test_a_window_does_not_cross_a_function_boundary() -> None:
    # four three-statement functions: six in a row on the page twice, never in one function
    three = "def {0}(a):\n    b = f(a)\n    c = g(b)\n    return c\n\n\n"
    src = "".join(three.format(name) for name in ("one", "one_too", "two", "two_too"))
    assert results(src) == []


def test_one_or_two_statements_repeated_are_not_a_copy() -> None:
    # a table of registrations: every window is the same statement six times
    table = "".join(f'register("name{i}", {i})\n' for i in range(14))
    assert results(table) == []
    # a chain of flags: every window is the same two statements three times
    flags = "".join(f'    if {flag}:\n        args.append("-{flag}")\n' for flag in "abcdefgh")
    assert results(f"def options(args, a, b, c, d, e, f, g, h):\n{flags}", select=["ACO601"]) == []


def test_a_copy_nested_deeper_still_matches() -> None:
    # the block's depths are relative to its first statement
    inner = textwrap.indent(RENAMED_COPY.split("\n\n\n")[1], "    ")
    src = (
        RENAMED_COPY.split("\n\n\n")[0]
        + "\n\n\nclass Box:\n"
        + inner.replace("(source)", "(self, source)", 1)
    )
    assert codes(src) == ["2:5: ACO601", "12:9: ACO601"]


def test_the_flake8_plugin_reports_copies_within_a_file() -> None:
    lines = RENAMED_COPY.splitlines(keepends=True)
    plugin = AcolytePlugin(ast.parse(RENAMED_COPY), "snippet.py", lines)
    found = [(line, col, text) for line, col, text, _ in plugin.run() if text.startswith("ACO601")]
    assert found == [
        (2, 4, "ACO601 lines 2-7 duplicate lines 11-16 (6 statements)"),
        (11, 4, "ACO601 lines 11-16 duplicate lines 2-7 (6 statements)"),
    ]


def test_a_pattern_repeated_back_to_back_is_not_a_copy_of_itself() -> None:
    # three rounds of a three-statement step: the windows at units 0 and 3 are equal but overlap
    step = "    if t is not None:\n        m = t\n        t = m + 1\n"
    assert results(f"def walk(t):\n{step * 3}    return t\n") == []


def test_repetitions_a_whole_window_apart_are_copies() -> None:
    # four rounds: units 0-5 (lines 2-7) and 6-11 (lines 8-13) are the same block side by side;
    # the window at unit 3 overlaps both and counts for nothing
    step = "    if t is not None:\n        m = t\n        t = m + 1\n"
    assert results(f"def walk(t):\n{step * 4}") == [
        "2:5: ACO601 lines 2-7 duplicate lines 8-13 (6 statements)",
        "8:5: ACO601 lines 8-13 duplicate lines 2-7 (6 statements)",
    ]
