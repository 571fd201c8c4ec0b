"""ACO401 (TODO-style markers) and ACO402 (commented-out code), on small snippets."""

from __future__ import annotations

from typing import Any

import pytest
from helpers import codes, results

from acolyte_gates.rules.commented_code import commented_out_code
from acolyte_gates.source import SourceFile


def todo(src: str, **config: Any) -> list[str]:
    """ACO401 findings only."""
    return codes(src, select=["ACO401"], **config)


def commented(src: str) -> list[str]:
    """ACO402 findings only."""
    return codes(src, select=["ACO402"])


@pytest.mark.parametrize(
    "src",
    [
        "# TODO: handle discounts\n",
        "# todo: lower case counts too\n",
        "# FIXME this is wrong\n",
        "# XXX: why?\n",
        "# hack around the bug\n",
        "x = 1  # TODO after code\n",
    ],
)
def test_marker_comment_is_reported(src: str) -> None:
    # one marker comment on line 1; col of '#' is 1, or 8 after `x = 1  `
    assert todo(src) in (["1:1: ACO401"], ["1:8: ACO401"])


@pytest.mark.parametrize(
    "src",
    [
        "# TODOS are a word of their own\n",
        "# the TODO_LIST setting\n",
        "# a mastodon hackathon\n",
        's = "TODO in a string is no comment"\n',
        'def f():\n    """FIXME in a docstring is no comment."""\n',
    ],
)
def test_not_a_marker_comment(src: str) -> None:
    assert todo(src) == []


def test_marker_is_reported_at_the_hash_of_its_comment() -> None:
    # the comment starts at column 5 of line 2
    assert results("def f():\n    # TODO: x\n    return 1\n", select=["ACO401"]) == [
        "2:5: ACO401 'TODO' comment left in the code"
    ]


@pytest.mark.parametrize(
    "src",
    [
        "# TODO(#12): track it\n",
        "# TODO(PROJ-12): track it\n",
        "# FIXME: see #345\n",
        "# TODO: https://github.com/org/repo/issues/9\n",
    ],
)
def test_marker_with_issue_is_allowed_only_with_the_option(src: str) -> None:
    assert todo(src) == ["1:1: ACO401"]
    assert todo(src, allow_todo_with_issue=True) == []


@pytest.mark.parametrize(
    "src", ["# TODO: later\n", "# TODO(bob): later\n", "# TODO: fix UTF-8 handling\n"]
)
def test_marker_without_issue_is_reported_with_the_option(src: str) -> None:
    # `bob` is no issue key, and a key like UTF-8 counts only in parentheses after the tag
    assert results(src, select=["ACO401"], allow_todo_with_issue=True) == [
        "1:1: ACO401 'TODO' comment does not reference an issue"
    ]


def test_single_commented_call_is_code() -> None:
    assert commented("x = 1\n# print(x)\n") == ["2:1: ACO402"]


def test_block_of_several_lines_is_reported_once_at_its_first_line() -> None:
    src = """\
    def f(x):
        # if x:
        #     y = x + 1
        #     print(y)
        return x
    """
    # the block spans lines 2-4; one finding at line 2, col of its '#'
    assert commented(src) == ["2:5: ACO402"]


def test_blocks_split_by_prose_are_two_findings() -> None:
    src = "# x = load()\n# this was slow, so we now read it lazily\n# y = read()\n"
    assert commented(src) == ["1:1: ACO402", "3:1: ACO402"]


@pytest.mark.parametrize(
    "src",
    [
        "# note: this is fine\n",
        "# type: ignore\n",
        "x = f()  # type: int\n",
        "# noqa: E501\n",
        "# pragma: no cover\n",
        "# fmt: off\n",
        "# isort: skip_file\n",
        "#!/usr/bin/env python\n",
        "# -*- coding: utf-8 -*-\n",
        "# Copyright (c) 2024 Example = 1\n",
        "# see https://example.com/a?b=c\n",
        "# not found\n",
        "# return value\n",
        "# global state\n",
        "# Returns: None\n",
        "# >>> f(1)\n",
        "# call obj.close() when done\n",
        "# else:\n",
        "# 1 < x < 10\n",
        "# (package) (rest)\n",
        "# 5. (x+k).n = x.n + k\n",
    ],
)
def test_prose_and_directives_are_not_code(src: str) -> None:
    assert commented(src) == []


def test_trailing_comment_is_not_commented_out_code() -> None:
    assert commented("x = 1  # y = 2\n") == []


def test_indented_sample_under_prose_is_documentation() -> None:
    src = "# For a path like this one:\n#     d = '/usr/local'\n# the prefix matches.\n"
    assert commented(src) == []


def test_commented_code_after_prose_at_the_same_indent_is_code() -> None:
    src = "# Disabled until the server copes:\n# self.retry(3)\n"
    assert commented(src) == ["2:1: ACO402"]


def test_comment_in_brackets_is_code_only_as_an_item() -> None:
    # inside the call, `b=2` without a comma cannot be a statement nor an argument
    assert commented("f(a,\n  # b=2\n  c=3)\n") == []
    assert commented("f(a,\n  # b=2,\n  c=3)\n") == ["2:3: ACO402"]


def test_doubled_hash_comments_are_read_like_single_ones() -> None:
    # IDLE's "comment out region" writes `##`
    assert commented("##    def keys(self):\n##        return self._keys\n") == ["1:1: ACO402"]


def test_commented_out_code_is_found_once_per_block_by_the_helper() -> None:
    source = SourceFile("m.py", "# a = 1\n# b = 2\n\n# c = 3\n")
    # two runs (a blank code line splits them): blocks at lines 1 and 4
    assert [comment.line for comment in commented_out_code(source)] == [1, 4]
