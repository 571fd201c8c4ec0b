"""Comment rules: TODO-style markers left in the code, and commented-out code."""

from __future__ import annotations

import re
from collections.abc import Iterator

from acolyte_gates.rules import commented_code
from acolyte_gates.rules.base import Context, Hit, Rule, RuleDocs
from acolyte_gates.source import SourceFile

_TAG = re.compile(r"\b(todo|fixme|xxx|hack)\b", re.IGNORECASE)
_MARKER = re.compile(r"(?:^|\s)#+[ \t]*(@?)(todo|fixme|xxx|hack)\b([:(]?)", re.IGNORECASE)
"""A marker word where a comment starts (after `#`, or a later `#` inside the comment)."""
_INNER_MARKER = re.compile(
    r"(?<![\w:@])(?:(TODO|FIXME)\b|@(?i:(todo|fixme))\b|(?i:(todo|fixme))(?=[:(]))"
)
"""Later in a comment: `TODO` or `FIXME` in capitals, `@todo`, or `todo:`/`fixme(` in any case."""
_ALWAYS = frozenset({"todo", "fixme"})
"""Marker words in any case; `hack` and `xxx` are words and placeholders too, so they must be
upper-case or followed by `:` or `(`."""
_KEYED_ISSUE = re.compile(r"\s*\(\s*[A-Z][A-Z0-9_]*-\d+\s*\)")
_ISSUE = re.compile(r"(?<![\w#&])#\d+\b|\bhttps?://\S")


def references_issue(rest: str) -> bool:
    """Whether the text after a TODO tag names an issue: `(#12)`, `(PROJ-12)`, `#12` or a URL."""
    return bool(_KEYED_ISSUE.match(rest) or _ISSUE.search(rest))


def find_marker(text: str) -> tuple[str, int] | None:
    """The marker word of a comment's text and where it ends; None when there is none.

    Where the comment starts (or a later `#` in it starts another one): `TODO` or `FIXME` in
    any case, `HACK` or `XXX` upper-case or followed by `:` or `(`. Later in the comment:
    `TODO` or `FIXME` in capitals, `@todo`, or `todo:` and `fixme(` in any case. "A hack
    around the driver", "xxx-large" and "the todo list" hold no marker.
    """
    for found in _MARKER.finditer(text):
        word, after = found.group(2), found.group(3)
        if found.group(1) or word.lower() in _ALWAYS or word.isupper() or after:
            return word, found.end(2)
    inner = _INNER_MARKER.search(text)
    return None if inner is None else (inner.group(0).lstrip("@"), inner.end())


def _check_todo(source: SourceFile, ctx: Context) -> Iterator[Hit]:
    allow = ctx.settings.allow_todo_with_issue
    if not _TAG.search(source.text):
        return
    for comment in source.comments:
        marker = find_marker(comment.text)
        if marker is None:
            continue
        word, end = marker
        if not allow:
            yield Hit(comment.line, comment.col, f"'{word}' comment left in the code")
        elif not references_issue(comment.text[end:]):
            yield Hit(comment.line, comment.col, f"'{word}' comment does not reference an issue")


def _check_commented_code(source: SourceFile, ctx: Context) -> Iterator[Hit]:
    for first, last in source.memo("commented-out-code", commented_code.commented_out_blocks):
        yield Hit(
            first.line,
            first.col,
            "commented-out code; delete it (version control keeps it)",
            end_line=last.line,
        )


_TODO_OPTIONS = """`allow-todo-with-issue` (default false): when true, a marker comment that
references an issue is allowed. An issue reference, anywhere after the marker, is `#123`
or a URL (`http://` or `https://`); a tracker key such as `PROJ-12` counts only in
parentheses right after the marker: `TODO(PROJ-12)`."""

_TODO_WHAT = """Checks for marker comments: a comment that starts with TODO or FIXME, in any case
(`# todo: ...`), or with HACK or XXX in capitals or followed by `:` or `(` (`# HACK around the
driver`, `# hack(bob): ...`); a later `#` inside a comment starts another one
(`x = f()  # type: ignore  # TODO: ...`). Later in a comment, TODO and FIXME in capitals
(`# ssh TODO: remove`), `@todo`, and `todo:` or `fixme(` in any case are markers too. Whole
words only (`TODOS` and `TODO_LIST` are not markers), and in a sentence the words are prose:
"a hack around the driver", "xxx-large" and "the todo list" hold no marker. Only real
comments are read: a marker inside a string or docstring is not reported. One finding per
comment, at its `#`."""

TODO_COMMENT = Rule(
    "ACO401",
    "todo-comment",
    "A TODO, FIXME, XXX or HACK comment.",
    RuleDocs(
        what=_TODO_WHAT,
        why="A marker comment is a promise nobody tracks: it is invisible to planning, "
        "it has no owner, and it stays for years. Do the work now, or file an issue and "
        "(with `allow-todo-with-issue`) point the comment at it.",
        example="def total(prices):\n    # TODO: handle discounts\n    return sum(prices)\n",
        use_instead="def total(prices):\n    # TODO(#42): handle discounts\n    return sum(prices)\n",
        options=_TODO_OPTIONS,
        known_problems="HACK and XXX count only where a comment starts: `# a HACK, see "
        "above` is not reported (ruff's FIX rules and pylint's fixme read markers only where "
        "comments start). A lower-case `todo` in the middle of a sentence is not a marker.",
        example_config=(("allow-todo-with-issue", True),),
    ),
    _check_todo,
)

_CODE_WHAT = """Checks for comment lines, or runs of consecutive comment-only lines, whose text
(after the `#` signs, dedented) parses as Python and looks like code. One finding per block,
at its first code line.

Looks like code means: a statement of the block is an assignment, an annotated assignment with
a value, an import, `del`, `assert`, a `def` or `class`, a call (`print(x)`, `obj.save()`,
`cache.clear()`), a `return` of anything but a word prose returns (`# return failed` is code,
`# return value` is not), a `raise` of more than a name, or an `if`, `elif`, `while`, `for` or
`with` header about more than a name (`# if x > 3:` is code, `# if so:` is not). Python 2's
print statement counts (`# print x`, `# print "done"`). Inside the brackets of the code around
it, a run is code when it ends as an item or argument does: a line ending with a comma
(`# 'key': value,`), or `# name=value` right before the closing bracket.

Not code: prose that happens to parse (`# note`, `# not found`, `# global state`,
`# Returns: None`), doctest lines (`# >>> f()`), bullets, mathematical notation
(`# A^a * B^b`), command output and environment lines (`# ID_FS_TYPE=ext4`), notes that leave
things out (`# uuids = ['a', 'b', ...]`), and documentation: a block the text before it
introduces as a sample (`# Example:`, `# Usage:`, `# e.g.`, `# For example,`, a sentence
ending with `:`, or any line ending with `:` with the code indented under it), the end of a
sentence (`# we fail early by attempting to` / `# import again`), a term with its description
indented below it, values lined up for the eye, or a block next to ASCII art. A short label
introduces nothing (`# Unused:` / `# total = f()` is reported), and neither does text saying
the code is switched off (`# uncomment this for a slower test:`).

Never code: comments after code on the same line, `# type:`, `# noqa`, `# pragma`, `# fmt:`,
`# isort:`, `# mypy:`, `# pylint:`, `# pyright:`, `# flake8:`, `# ruff:` and `# nosec`
directives, a shebang or encoding line, lines naming a license or copyright, and lines that
hold a URL outside a string (a reference; a URL inside a string of code is code)."""

_CODE_KNOWN_PROBLEMS = """A heuristic, measured on hand-labelled comment runs of outside
projects (tests/data/aco402_sample; its README says how they were drawn). On 378 runs of six
projects nobody tuned it on (boto, pyload, sabnzbd, scrapy, spyder, sqlalchemy) its precision
is 97.9 % and its recall 96.5 %; ruff's ERA001 scores 66.7 % and 81.9 %, flake8-eradicate
67.2 % and 82.6 % (`python benchmarks/score_aco402.py` prints these figures).

Still missed: code after a sentence that ends with `:` (Sphinx's conf.py template:
`# ... then it is used:` / `#today = ''`; `# revisit once X is fixed:` / `# f(b)`), an
alternative after a line `# or`, code after a label on its own line (`# DEBUG: log(x)`),
continuation lines of a condition (`# and a > b`), a statement that lost its backslash, list
items outside brackets, and code lined up for the eye. Still reported: notes written as code
(`# VIF_TYPE = 'ivs'` over a function, `# lineno, func, msg = m`, `# g(i, -i)` in
mathematical code), a lone decorator used as a note inside a function body, and a call
written as a label (`# DihedralGroup(4)`)."""

COMMENTED_OUT_CODE = Rule(
    "ACO402",
    "commented-out-code",
    "Commented-out code.",
    RuleDocs(
        what=_CODE_WHAT,
        why="Commented-out code rots: it is never run, never tested and never updated, and "
        "each reader must work out whether it still matters. Version control keeps every "
        "old line; delete it.",
        example="def total(prices):\n    # prices = [p for p in prices if p]\n    return sum(prices)\n",
        use_instead="def total(prices):\n    # empty prices are summed as zero\n    return sum(prices)\n",
        known_problems=_CODE_KNOWN_PROBLEMS,
        fix="Fixable by `acolyte-gates fix` (and `run --fix`, `hook run --fix`): the reported "
        "block's comment lines are deleted, from its first to its last code line, as this rule "
        "reports them; prose lines around it stay. Blank lines that would pile up where the "
        "block was are deleted too, so a file black accepted stays accepted. Deleting comments "
        "cannot change what the code does; the fix is as right as the finding, so read the "
        "diff (`fix --diff`) where the rule may have mistaken documentation for code.",
    ),
    _check_commented_code,
)

RULES = (TODO_COMMENT, COMMENTED_OUT_CODE)
