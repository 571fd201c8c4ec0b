"""Comment rules: TODO-style markers left in the code, and commented-out code."""

from __future__ import annotations

import re
from collections.abc import Iterator

from acolyte_gates.rules import commented_code
from acolyte_gates.rules.base import Context, Hit, Rule, RuleDocs
from acolyte_gates.source import SourceFile

_TAG = re.compile(r"\b(todo|fixme|xxx|hack)\b", re.IGNORECASE)
_KEYED_ISSUE = re.compile(r"\s*\(\s*[A-Z][A-Z0-9_]*-\d+\s*\)")
_ISSUE = re.compile(r"(?<![\w#&])#\d+\b|\bhttps?://\S")


def references_issue(rest: str) -> bool:
    """Whether the text after a TODO tag names an issue: `(#12)`, `(PROJ-12)`, `#12` or a URL."""
    return bool(_KEYED_ISSUE.match(rest) or _ISSUE.search(rest))


def _check_todo(source: SourceFile, ctx: Context) -> Iterator[Hit]:
    allow = ctx.settings.allow_todo_with_issue
    if not _TAG.search(source.text):
        return
    for comment in source.comments:
        tag = _TAG.search(comment.text)
        if tag is None:
            continue
        if not allow:
            yield Hit(comment.line, comment.col, f"'{tag.group(0)}' comment left in the code")
        elif not references_issue(comment.text[tag.end() :]):
            yield Hit(
                comment.line, comment.col, f"'{tag.group(0)}' comment does not reference an issue"
            )


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

TODO_COMMENT = Rule(
    "ACO401",
    "todo-comment",
    "A TODO, FIXME, XXX or HACK comment.",
    RuleDocs(
        what="Checks for comments holding the word TODO, FIXME, XXX or HACK, in any case "
        "(`# todo:` too), as a whole word (`TODOS` and `TODO_LIST` are not markers). Only "
        "real comments are read: the word inside a string or docstring is not reported. "
        "One finding per comment, at its `#`.",
        why="A marker comment is a promise nobody tracks: it is invisible to planning, "
        "it has no owner, and it stays for years. Do the work now, or file an issue and "
        "(with `allow-todo-with-issue`) point the comment at it.",
        example="def total(prices):\n    # TODO: handle discounts\n    return sum(prices)\n",
        use_instead="def total(prices):\n    # TODO(#42): handle discounts\n    return sum(prices)\n",
        options=_TODO_OPTIONS,
        example_config=(("allow-todo-with-issue", True),),
    ),
    _check_todo,
)

_CODE_WHAT = """Checks for comment lines, or runs of consecutive comment-only lines, whose text
(after the `#` signs, dedented) parses as Python and looks like code. One finding per block,
at its first code line.

Looks like code means: at least one statement of the block is an assignment, an import,
`del`, `assert`, a `def` or `class`, a call (`print(x)`, `obj.save()`), or a `return` or
`raise` of something more than a name. Prose that happens to parse (`# note`, `# not found`,
`# return value`, `# global state`, `# Returns: None`) does not count, and neither do
doctest lines (`# >>> f()`). Lines that only continue a block (`# else:`, `# pass`) join it.

Never code: comments after code on the same line, `# type:`, `# noqa`, `# pragma`,
`# fmt:`, `# isort:`, `# mypy:`, `# pylint:`, `# pyright:`, `# flake8:`, `# ruff:` and
`# nosec` directives, a shebang or encoding line, and lines naming a license or copyright or
holding a URL."""

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
        known_problems="A heuristic. A code sample written at the same indentation as the "
        "prose around it is reported (indent it, or put it in a docstring), and so is a note "
        "written as code (`# expovariate(1/beta)`); some real code is missed where prose "
        "surrounds it. On the Python 3.11 standard library (733 files) it reports 134 blocks, "
        "of which reading all found 3 to be documentation (benchmarks/sample_findings.py).",
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
