"""ACO402 (commented-out code), on small snippets: each category of the outside sample both ways."""

from __future__ import annotations

import pytest
from helpers import codes

from acolyte_gates.rules.commented_code import commented_out_code
from acolyte_gates.source import SourceFile


def commented(src: str) -> list[str]:
    """ACO402 findings only."""
    return codes(src, select=["ACO402"])


def test_single_commented_call_is_code() -> None:
    assert commented("x = 1\n# print(x)\n") == ["2:1: ACO402"]


def test_block_of_several_lines_is_reported_once_at_its_first_line() -> None:
    src = "def f(x):\n    # if x:\n    #     y = x + 1\n    #     print(y)\n    return x\n"
    # the block spans lines 2-4; one finding at line 2, col of its '#' (flake8-eradicate,
    # when installed, reads lines of a triple-quoted string as comments: hence one line)
    assert commented(src) == ["2:5: ACO402"]


def test_blocks_split_by_prose_are_two_findings() -> None:
    src = "# x = load()\n# this was slow, so we now read it lazily\n# y = read()\n"
    assert commented(src) == ["1:1: ACO402", "3:1: ACO402"]


# Each category of the labelled outside sample (tests/data/aco402_sample), both ways. The
# expected finding is at the block's first code line: line 1 unless a comment says otherwise.
FOUND = [
    pytest.param("# self._bind_columns()\n", id="method call without arguments"),
    pytest.param("# cache.clear()\n# failed.sort()\n", id="calls without arguments"),
    pytest.param("# return failed\n", id="lone return of a name"),
    pytest.param("# if x > 3:\n", id="lone if header"),
    pytest.param("# elif isinstance(arg, Play):\n", id="lone elif header"),
    pytest.param("# for item in load(path):\n#     pass\n", id="weak-bodied for header"),
    pytest.param("# with open(path) as f:\n", id="lone with header"),
    pytest.param("# print x\n", id="python 2 print of a name"),
    pytest.param('# print "done"\n', id="python 2 print of a string"),
    pytest.param("# print >>sys.stderr, 'failed', name\n", id="python 2 print to a file"),
    pytest.param("# print (type(value), value)\n", id="print with a space"),
    pytest.param("# print [t for t in topo if t.ok]\n", id="python 2 print of a list"),
    pytest.param("# EVT_CLOSE(self, lambda evt: stop())\n", id="upper-case function given self"),
    pytest.param("# retry(conn)  # old\n", id="code then a short label"),
    pytest.param("# key_pair.delete() # would be used to recreate\n", id="code then prose"),
    pytest.param(
        "# resp = fetch(\n#     'https://example.com/api',\n#     timeout=3)\n", id="url in code"
    ),
    pytest.param("# HOME = 'http://127.0.0.1:8000/plugins'\n", id="url in a string"),
    pytest.param("# html_show_copyright = True\n", id="copyright inside a name"),
    pytest.param("# default_keys: t.Tuple[str] = ()\n", id="annotated assignment"),
    pytest.param("# path = base / 'config.yaml'\n", id="path joined with a string"),
    pytest.param(
        "# if not meta:\n#     return {}\n#\n# # note\n# redirect =  r[2:]\n", id="odd spacing"
    ),
]


@pytest.mark.parametrize("src", FOUND)
def test_commented_out_code_is_found(src: str) -> None:
    assert commented(src) == ["1:1: ACO402"]


FOUND_AFTER_PROSE = [
    pytest.param("# uncomment this to debug, for example:\n# trace(frame)\n", id="uncomment"),
    pytest.param("# Unused:\n# total = compute(prices)\n", id="short label before code"),
    pytest.param(
        "# Disabled until the server copes\n#     self.retry(3)\n", id="indented under prose"
    ),
    pytest.param("# This is what we want, once the tests pass\n# if not exists(name):\n", id="if"),
    pytest.param("# Should not be needed, so don't wait\n# self.watcher.join()\n", id="call"),
    pytest.param("# FIXME\n# done = [\n#    a for a in items]\n", id="marker"),
]


@pytest.mark.parametrize("src", FOUND_AFTER_PROSE)
def test_commented_out_code_under_a_prose_line_is_found(src: str) -> None:
    assert commented(src) == ["2:1: ACO402"]


NOT_FOUND = [
    pytest.param("# Example:\n#     total = compute(prices)\n", id="after Example:"),
    pytest.param("# e.g.\n# total = compute(prices)\n", id="after e.g."),
    pytest.param("# For example:\n# total = compute(prices)\n", id="after For example:"),
    pytest.param("# Usage:\n# client = Client(url)\n", id="after Usage:"),
    pytest.param("# Something like this would do:\n# ok = [p for p in pkgs if p.ok]\n", id="colon"),
    pytest.param(
        "# For example, if the header is a phrase,\n# then:\n#\n#     phrase = get(v)\n",
        id="sentence",
    ),
    pytest.param("# Corner case:\n#     P = ParamSpec('P')\n", id="indented under a colon"),
    pytest.param("# Consider the following.\n#   C = Callable[[int], str]\n", id="the following"),
    pytest.param("# uuids = ['uuid1', 'uuid2', ...]\n", id="note with an elision"),
    pytest.param("# host1: free_ram_mb=512\n# host2: free_ram_mb=1024\n", id="note of values"),
    pytest.param("# ID_FS_TYPE=ext4\n# ID_FS_USAGE=filesystem\n", id="command output"),
    pytest.param(
        "# a snippet of the output will be:\n# ...\n# ID_FS_UUID=57b1a3e7\n# ...\n", id="output"
    ),
    pytest.param("# fail early by attempting to\n# import again\n", id="end of a sentence"),
    pytest.param(
        "# by installing it\n# and adding\n#\n#   monkey.patch_all()\n#\n# at the top.\n",
        id="mid-sentence",
    ),
    pytest.param(
        "# shutil.copy2(src, dst)\n#   Similar to copy(), but it copies metadata too.\n", id="term"
    ),
    pytest.param("# text  = 'foo'\n# ltext =    'foo'\n", id="values lined up"),
    pytest.param("# it fails because\n#   * follow_symlinks=False,\n", id="bullet"),
    pytest.param("# print the results\n", id="prose starting with print"),
    pytest.param("# A^a * B^b;  T_c = T\n", id="superscripts"),
    pytest.param("# backref=True is used in nodes.footnote\n", id="is and in in a sentence"),
    pytest.param("# k = (y+k).s - (y+k).d; by\n", id="a word after a semicolon"),
    pytest.param('# They should be setting\n# version_codename=""\n', id="setting in a sentence"),
    pytest.param("# STDMETHOD(name)\n", id="C macro"),
    pytest.param("# x = f(\n#   '1 2 3',\n#   '4 5 6')\n# 1   2   3\n", id="table after code"),
    pytest.param("# return value\n# return early\n", id="prose returns"),
    pytest.param("# if so:\n", id="prose header"),
    pytest.param("# 1   2   3\n# a = b + c\n", id="ascii art"),
    pytest.param("# see https://example.com/a?b=c\n", id="url"),
    pytest.param("# ----------\n# https://example.com/x\n", id="rule line and url"),
]


@pytest.mark.parametrize("src", NOT_FOUND)
def test_documentation_and_notes_are_not_commented_out_code(src: str) -> None:
    assert commented(src) == []


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
        "# not found\n",
        "# global state\n",
        "# Returns: None\n",
        "# >>> f(1)\n",
        "# call obj.close() when done\n",
        "# setUp()\n",
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


def test_indented_sample_after_an_introduction_is_documentation() -> None:
    src = "# For a path like this one:\n#     d = '/usr/local'\n# the prefix matches.\n"
    assert commented(src) == []


def test_commented_code_after_a_disabled_label_is_code() -> None:
    src = "# Disabled until the server copes:\n# self.retry(3)\n"
    assert commented(src) == ["2:1: ACO402"]


def test_comment_in_brackets_is_code_only_as_an_item() -> None:
    # inside the call, `b=2` without a comma before `c=3` cannot be a statement nor an argument
    assert commented("f(a,\n  # b=2\n  c=3)\n") == []
    assert commented("f(a,\n  # b=2,\n  c=3)\n") == ["2:3: ACO402"]
    # as the last argument, right before the closing bracket, it needs no comma
    assert commented("f(a,\n  # b=2\n)\n") == ["2:3: ACO402"]


@pytest.mark.parametrize(
    "src",
    [
        pytest.param("d = {\n    'a': 1,\n    # 'b': 2,\n}\n", id="dict item"),
        pytest.param("x = [\n    1,\n    # 'two',\n]\n", id="list item"),
        pytest.param("x = [\n    1,\n    # make(2, 3),\n]\n", id="call item"),
    ],
)
def test_commented_out_item_in_brackets_is_code(src: str) -> None:
    assert commented(src) == ["3:5: ACO402"]


@pytest.mark.parametrize(
    "src",
    [
        pytest.param("x = [\n    1,\n    # Color(0, 0.5, 0)\n    2,\n]\n", id="no comma"),
        pytest.param("d = {\n    # device: (name, width)\n    'a': 1,\n}\n", id="format"),
        pytest.param("f(\n  # realm=xxx\n  # realm='xxx'\n)\n", id="repeated keyword"),
    ],
)
def test_note_in_brackets_is_not_code(src: str) -> None:
    assert commented(src) == []


def test_doubled_hash_comments_are_read_like_single_ones() -> None:
    # IDLE's "comment out region" writes `##`
    assert commented("##    def keys(self):\n##        return self._keys\n") == ["1:1: ACO402"]


def test_commented_out_code_is_found_once_per_block_by_the_helper() -> None:
    source = SourceFile("m.py", "# a = 1\n# b = 2\n\n# c = 3\n")
    # two runs (a blank code line splits them): blocks at lines 1 and 4
    assert [comment.line for comment in commented_out_code(source)] == [1, 4]
