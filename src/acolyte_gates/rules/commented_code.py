"""Commented-out code: blocks of comment lines that parse as Python and look like code, not prose.

A run is a sequence of comment-only lines on consecutive lines. Its lines are parsed into
units (comment_parse.py, comment_kinds.py); units with no prose line between them form a
block. A block is reported, at its first code line, when:

- outside brackets, it holds a strong unit (an assignment, import, call, def, ...);
- inside the brackets of an expression of the code around it, it ends as an item or argument
  does (`'key': value,`, `f(x),`; `name=value` right before the closing bracket): no
  statement can stand there;

and no unit of it is nonsense (`5. (x+k).n = ...`, `"a" / "b"`, `[a, b, ...]`), and it is not
documentation (comment_docs.py: a sample the prose introduces, the end of a sentence, a table).
"""

from __future__ import annotations

import re
import tokenize
import warnings
from collections.abc import Callable, Iterable, Iterator

from acolyte_gates import lexer
from acolyte_gates.rules.comment_docs import Context, first_line, is_documentation
from acolyte_gates.rules.comment_kinds import ITEM, LABEL, NONSENSE, STRONG
from acolyte_gates.rules.comment_parse import (
    BLANK,
    MAYBE,
    PROSE,
    Run,
    Unit,
    code_part,
    segment_units,
)
from acolyte_gates.source import Comment, SourceFile

EXEMPT_PREFIXES = (
    "type:",
    "noqa",
    "pragma",
    "fmt:",
    "isort:",
    "mypy:",
    "pylint:",
    "pyright:",
    "flake8:",
    "ruff:",
    "nosec",
)
"""Tool directives: a comment starting with one of these (after `#`) is never code."""

_LICENSE = re.compile(r"(?<![\w.])(copyright|licen[cs]e|spdx-|all rights reserved)", re.IGNORECASE)
_CODING = re.compile(r"coding[:=]")
_OPENING, _CLOSING = frozenset("([{"), frozenset(")]}")
_COMMENT_LINE = re.compile(r"^([^\S\n]*)(#[^\n]*)", re.MULTILINE)
"""A line whose first non-blank character is `#` (`str.lstrip` and `\\s` agree on blanks)."""
_KEYWORD_ARGUMENT = re.compile(r"\s*[A-Za-z_]\w*=(?![=\s]).*")
_ITEM_KINDS = frozenset({STRONG, ITEM, LABEL})
_CODE_SIGNS = re.compile(r"[()\[\]{}=,.+\-*/%<>'\"]")

OUTSIDE, INSIDE, LAST, ANY = "outside", "inside", "last", "any"
"""Where a run sits: outside brackets of the code, inside, inside right before the closing
bracket (where the last argument needs no comma), or not known yet (either would do)."""
Placer = Callable[[SourceFile, list[Comment]], str]
Block = tuple[Comment, Comment]
"""A block of commented-out code: the comment it is reported at, and its last comment."""


def is_exempt(comment: Comment) -> bool:
    """Whether a comment is a directive, shebang, encoding cookie or license line."""
    text = comment.text
    body = text.lstrip("#").strip().lower()
    if comment.line <= 2 and (text.startswith("#!") or _CODING.search(text)):
        return True
    return body.startswith(EXEMPT_PREFIXES) or bool(_LICENSE.search(body))


def comment_runs(source: SourceFile, comments: Iterable[Comment]) -> list[list[Comment]]:
    """Comment-only lines grouped into runs of consecutive lines; exempt lines split runs."""
    runs: list[list[Comment]] = []
    current: list[Comment] = []
    for comment in comments:
        if source.lines[comment.line - 1][: comment.col - 1].strip() or is_exempt(comment):
            continue
        if current and comment.line != current[-1].line + 1:
            runs.append(current)
            current = []
        current.append(comment)
    if current:
        runs.append(current)
    return runs


def _segments(classes: tuple[str, ...]) -> list[tuple[int, int]]:
    """Spans of maybe-code lines (blank lines inside them included, not at their ends)."""
    spans: list[tuple[int, int]] = []
    start = None
    for index, line_class in enumerate([*classes, PROSE]):
        possible = line_class == MAYBE or (line_class == BLANK and start is not None)
        if possible and start is None:
            start = index
        elif not possible and start is not None:
            stop = index
            while classes[stop - 1] == BLANK:
                stop -= 1
            spans.append((start, stop))
            start = None
    return spans


def run_units(run: Run) -> list[Unit]:
    """The units of a run's maybe-code lines."""
    if MAYBE not in run.classes:
        return []
    bodies = list(run.bodies)
    return [unit for span in _segments(run.classes) for unit in segment_units(bodies, *span)]


def _blocks(run: Run, units: list[Unit]) -> list[list[Unit]]:
    """Units grouped into blocks: a line of prose between two units splits them, and so does
    a line of words that parses as nothing (`# Unused:`); a line of code that does not parse
    (`# raise Error, 'old syntax'`) does not."""
    blocks: list[list[Unit]] = []
    for unit in units:
        gap = range(blocks[-1][-1].end, unit.start) if blocks else range(0)
        if blocks and not any(_splits(run, line) for line in gap):
            blocks[-1].append(unit)
        else:
            blocks.append([unit])
    return blocks


def _splits(run: Run, line: int) -> bool:
    """Whether a line between two units is prose or words (see `_blocks`)."""
    line_class = run.classes[line]
    if line_class != MAYBE:
        return line_class == PROSE
    return not _CODE_SIGNS.search(code_part(run.bodies[line]))


def _ends_as_item(run: Run, block: list[Unit], place: str) -> bool:
    """Whether a line of the block ends as an item or argument does, with a comma; or the block
    is one line `name=value` right before the closing bracket, where the last argument needs
    no comma (lines of `name=...` repeat a keyword no call takes twice: they illustrate)."""
    lines = [code_part(body) for body in run.bodies[block[0].start : block[-1].end]]
    if any(line.endswith(",") for line in lines):
        return True
    last, one_line = lines[-1], len(lines) == 1
    return place in (LAST, ANY) and one_line and bool(_KEYWORD_ARGUMENT.fullmatch(last))


def _reported_line(context: Context, block: list[Unit], place: str) -> int | None:
    """The line a block is reported at where it sits (its first code line, or as items its
    first line), or None when it is not commented-out code."""
    kinds = {unit.kind for unit in block}
    if NONSENSE in kinds or is_documentation(context, block):
        return None
    if STRONG in kinds and place in (OUTSIDE, ANY):
        return first_line(block)
    items = place != OUTSIDE and bool(kinds & _ITEM_KINDS)
    return block[0].start if items and _ends_as_item(context.run, block, place) else None


def code_blocks(run: Run, units: list[Unit], place: str) -> list[tuple[int, int]]:
    """The line each reported block of one run is reported at, and the block's last line."""
    context = Context.of(run, units)
    found = ((_reported_line(context, b, place), b[-1].end - 1) for b in _blocks(run, units))
    return [(line, last) for line, last in found if line is not None]


def bracketed_comment_lines(source: SourceFile) -> frozenset[int]:
    """Lines of comments that sit inside an open bracket of the code: `f(a,  # here`."""
    if lexer.AVAILABLE:
        return lexer.bracketed_comment_lines(source.text)
    depth = 0
    lines = set()
    for token in source.tokens:
        if token.type == tokenize.OP and token.string in _OPENING:
            depth += 1
        elif token.type == tokenize.OP and token.string in _CLOSING:
            depth -= 1
        elif token.type == tokenize.COMMENT and depth > 0:
            lines.add(token.start[0])
    return frozenset(lines)


def _place(source: SourceFile, run: list[Comment]) -> str:
    """Where a run sits in the code around it (see OUTSIDE)."""
    if run[0].line not in source.memo("bracketed-comment-lines", bracketed_comment_lines):
        return OUTSIDE
    following = (line.strip() for line in source.lines[run[-1].line :])
    closing = next((line for line in following if line), "")[:1]
    return LAST if closing and closing in _CLOSING else INSIDE


def _any_place(source: SourceFile, run: list[Comment]) -> str:
    return ANY


def _line_comments(source: SourceFile) -> Iterator[Comment]:
    """Lines that start with `#`: the comment-only lines, and maybe some lines of strings."""
    text = source.text
    number, position = 1, 0
    for match in _COMMENT_LINE.finditer(text):
        number += text.count("\n", position, match.start())
        position = match.start()
        yield Comment(number, len(match.group(1)) + 1, match.group(2).rstrip())


def _find(source: SourceFile, comments: Iterable[Comment], placer: Placer) -> list[Block]:
    found: list[Block] = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for run_comments in comment_runs(source, comments):
            run = Run.of(tuple(comment.text.lstrip("#") for comment in run_comments))
            units = run_units(run)
            if units:
                spans = code_blocks(run, units, placer(source, run_comments))
                found.extend((run_comments[line], run_comments[last]) for line, last in spans)
    return found


def commented_out_code(source: SourceFile) -> list[Comment]:
    """The comment line each block of commented-out code is reported at."""
    return [first for first, _ in commented_out_blocks(source)]


def commented_out_blocks(source: SourceFile) -> list[Block]:
    """Each block of commented-out code: the comment it is reported at, and its last comment.

    A first pass reads lines starting with `#` without tokenizing; only a file where it finds
    something is tokenized, so that lines inside strings are told from comments.
    """
    if not _find(source, _line_comments(source), _any_place):
        return []
    return _find(source, source.comments, _place)
