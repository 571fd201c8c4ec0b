"""Nesting depth: worked examples with the default limit of three levels."""

import ast
import sys
import textwrap

import pytest

from acolyte_gates.metrics.nesting import DeepBlock, deep_blocks


def _function(source: str) -> ast.FunctionDef | ast.AsyncFunctionDef:
    """Parse a snippet and return its first function."""
    node = ast.parse(source).body[0]
    assert isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
    return node


def found(source: str, max_depth: int = 3) -> list[str]:
    """Return `line:col keyword` per finding, the same with or without lines."""
    source = textwrap.dedent(source)
    node = _function(source)
    by_column = deep_blocks(node, max_depth)
    assert deep_blocks(node, max_depth, source.split("\n")) == by_column
    return [f"{block.line}:{block.col} {block.keyword}" for block in by_column]


def test_three_levels_are_allowed() -> None:
    source = """\
    def f(a, xs):
        if a:
            for x in xs:
                while x: pass
    """
    assert found(source) == []


def test_fourth_level_is_reported_at_its_keyword() -> None:
    source = """\
    def f(a, xs):
        if a:
            for x in xs:
                while x:
                    if x: pass
    """
    # if (1) > for (2) > while (3) > if (4), indented 16: column 17 (1-based).
    assert found(source) == ["5:17 if"]
    # The finding carries the level it opens.
    assert deep_blocks(_function(textwrap.dedent(source)), 3)[0].depth == 4


def test_elif_chain_stays_at_its_if_level() -> None:
    source = """\
    def f(a, b, c, xs):
        for x in xs:
            while x:
                if a: pass
                elif b: pass
                elif c: pass
    """
    # Each `elif` is the `if` at level 3 going on, not a level of its own.
    assert found(source) == []


def test_if_under_else_opens_a_level() -> None:
    source = """\
    def f(a, b, xs):
        for x in xs:
            while x:
                if a: pass
                else:
                    if b: pass
    """
    # Unlike `elif`, `else:` holds a block and the `if` inside it is level 4.
    assert found(source) == ["6:17 if"]


def test_block_inside_an_elif_counts_from_the_chain_level() -> None:
    source = """\
    def f(a, b, xs):
        for x in xs:
            if a: pass
            elif b:
                while x:
                    if x: pass
    """
    # for (1) > if/elif (2) > while (3) > if (4).
    assert found(source) == ["6:17 if"]


def test_try_clauses_stay_at_the_try_level() -> None:
    source = """\
    def f(xs):
        for x in xs:
            try: pass
            except ValueError:
                while x: pass
            else: pass
            finally:
                if x: pass
    """
    # for (1) > try (2); except/else/finally are level 2, their blocks level 3.
    assert found(source) == []


def test_block_in_a_handler_inside_loops_is_reported() -> None:
    source = """\
    def f(xs):
        for x in xs:
            while x:
                try: pass
                except ValueError:
                    if x: pass
    """
    # for (1) > while (2) > try (3); `except` stays at 3, its `if` is 4.
    assert found(source) == ["6:17 if"]


def test_with_opens_a_level() -> None:
    source = """\
    def f(a):
        with a:
            with a:
                with a:
                    with a: pass
    """
    # The fourth `with` opens level 4.
    assert found(source) == ["5:17 with"]


def test_match_opens_a_level_and_case_does_not() -> None:
    source = """\
    def f(a, xs):
        match a:
            case 1:
                if a:
                    for x in xs:
                        while x: pass
            case _: pass
    """
    # match (1), case bodies still level 1, if (2) > for (3) > while (4).
    assert found(source) == ["6:21 while"]


def test_async_blocks_are_named_with_async() -> None:
    source = """\
    async def f(a, xs):
        async with a:
            async for x in xs:
                if x:
                    async for y in xs: pass
    """
    # async with (1) > async for (2) > if (3) > async for (4), at `async`.
    assert found(source) == ["5:17 async for"]


def test_nested_def_and_class_are_left_to_their_own_measure() -> None:
    source = """\
    def f(xs):
        for x in xs:
            for y in xs:
                def g():
                    for z in xs:
                        for w in xs: pass
                class C:
                    def m(self):
                        if x:
                            if y: pass
    """
    # f's own blocks reach level 2; the def and class bodies are not f's.
    assert found(source) == []
    tree = ast.parse(textwrap.dedent(source))
    g = [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)][1]
    # Measured on its own, g starts again from level 0 and reaches 2.
    assert deep_blocks(g, 1) == [DeepBlock(6, 21, 2, "for")]


def test_two_siblings_past_the_limit_are_two_findings() -> None:
    source = """\
    def f(a, xs):
        if a:
            for x in xs:
                while x:
                    if x: pass
                    with a: pass
    """
    # `if` and `with` each open level 4 under the same `while`.
    assert found(source) == ["5:17 if", "6:17 with"]


def test_deeper_blocks_inside_a_finding_are_not_reported_again() -> None:
    source = """\
    def f(a, xs):
        if a:
            for x in xs:
                while x:
                    if x:
                        for y in xs: pass
    """
    # The `for` at level 5 is inside the level-4 `if` already reported.
    assert found(source) == ["5:17 if"]


def test_loop_else_stays_at_the_loop_level() -> None:
    source = """\
    def f(a, xs):
        for x in xs: pass
        else:
            while a:
                if a: pass
    """
    # for (1); its `else` is level 1, so while (2) > if (3).
    assert found(source) == []


def test_zero_allowed_reports_every_outer_block() -> None:
    source = """\
    def f(a):
        if a:
            if a: pass
        while a: pass
    """
    # Both top blocks open level 1; the inner `if` is inside a finding.
    assert found(source, max_depth=0) == ["2:5 if", "4:5 while"]


@pytest.mark.skipif(sys.version_info < (3, 11), reason="try/except* is Python 3.11+")
def test_try_star_opens_a_level_like_try() -> None:
    source = """\
    def f(xs):
        for x in xs:
            while x:
                try: pass
                except* ValueError: pass
    """
    # for (1) > while (2) > try (3), past a limit of 2.
    assert found(source, max_depth=2) == ["4:13 try"]


def test_lines_make_elif_detection_exact_with_form_feeds() -> None:
    # Form feeds reset the tokenizer's column but count in col_offset, so the
    # `if` under `else:` sits at the same col_offset (8) as its parent `if`.
    feeds = "\f\f\f\f    "
    source = f"def f(a, b):\n{feeds}if a: pass\n{feeds}else:\n        if b: pass\n"
    node = _function(source)
    assert deep_blocks(node, 1, source.split("\n")) == [DeepBlock(4, 9, 2, "if")]
    # Without the lines the column comparison takes it for an `elif`.
    assert deep_blocks(node, 1) == []
