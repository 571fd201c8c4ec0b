"""ACO401 (TODO-style markers), on small snippets."""

from __future__ import annotations

from typing import Any

import pytest
from helpers import codes, results


def todo(src: str, **config: Any) -> list[str]:
    """ACO401 findings only."""
    return codes(src, select=["ACO401"], **config)


@pytest.mark.parametrize(
    "src",
    [
        "# TODO: handle discounts\n",
        "# todo: lower case counts too\n",
        "# todo lower case without a colon\n",
        "# FIXME this is wrong\n",
        "#FIXME: no space after the hash\n",
        "# XXX: why?\n",
        "# XXX why upper case is enough\n",
        "# xxx: lower case with a colon\n",
        "# HACK: around the driver\n",
        "# HACK around the driver\n",
        "# hack(bob): until the driver is fixed\n",
        "# @todo doxygen style\n",
        "# see the notes @todo\n",
        "x = 1  # TODO after code\n",
        "x = 1  # hack: after code\n",
        "x = f()  # type: ignore  # TODO: after another comment\n",
        "# ssh TODO: remove, in capitals later in a comment\n",
        "# remove this later (fixme: lower case with a colon)\n",
    ],
)
def test_marker_comment_is_reported(src: str) -> None:
    # one marker comment on line 1; col of '#' is 1, or 8 after `x = 1  ` / `x = f()  `
    assert todo(src) in (["1:1: ACO401"], ["1:8: ACO401"], ["1:10: ACO401"])


@pytest.mark.parametrize(
    "src",
    [
        "# TODOS are a word of their own\n",
        "# the TODO_LIST setting\n",
        "# a mastodon hackathon\n",
        "# a hack around the driver\n",
        "# hack around the bug, in prose\n",
        "# Hack the stack: a word at the start, neither upper case nor followed by : or (\n",
        "# sizes: small, large, xxx-large\n",
        "# xxx placeholders in a sample\n",
        "# the todo list, in lower case in a sentence\n",
        "# Keep track of :todo: items\n",
        "# a HACK in the middle: hack and xxx count only where a comment starts\n",
        "x = 1  # a hack, after code\n",
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
