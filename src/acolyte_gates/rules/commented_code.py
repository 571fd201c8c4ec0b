"""Commented-out code: blocks of comment lines that parse as Python and look like code, not prose.

A run is a sequence of comment-only lines on consecutive lines. Its lines are parsed into
units (comment_parse.py); units with no prose line between them form a block. A block is
reported, at its first code line, when it holds a strong unit (an assignment, import, call,
def, ...) and none of these says it is documentation instead:

- a nonsense unit (`5. (x+k).n = ...`, `"a" / "b"`) or a line of ASCII art in or next to it,
  or values lined up for the eye (`x =   "foo"`): an illustration;
- it is indented deeper than the run's prose: a sample the prose introduces;
- a sentence runs through it: the prose before it ends mid-sentence, the prose after it goes on;
- it sits inside the brackets of an expression of the code around it and does not end with a
  comma: no statement can stand there (a commented-out argument or item ends with a comma).
"""

from __future__ import annotations

import re
import tokenize
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from acolyte_gates import lexer
from acolyte_gates.rules.comment_parse import (
    BLANK,
    LABEL,
    MAYBE,
    NONSENSE,
    PROSE,
    STRONG,
    Unit,
    classify,
    code_part,
    indent,
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

_LICENSE = re.compile(r"copyright|licen[cs]e|spdx-|all rights reserved", re.IGNORECASE)
_URL = re.compile(r"://|\bwww\.")
_CODING = re.compile(r"coding[:=]")
_OPENING, _CLOSING = frozenset("([{"), frozenset(")]}")
_LETTER = re.compile(r"[^\W\d_]")
_ALIGNED = re.compile(r"[^=!<>]=[ \t]{2,}\S")
_COMMENT_LINE = re.compile(r"^([^\S\n]*)(#[^\n]*)", re.MULTILINE)
"""A line whose first non-blank character is `#` (`str.lstrip` and `\\s` agree on blanks)."""
_MID_SENTENCE = re.compile(r"[\w,]$")
_INTRODUCES = re.compile(
    r"\b(as in|like|e\.?g\.?|i\.?e\.?|such as|example|instance|than|via|calls?|calling|using|following)[,:]?$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Run:
    """One run's comment bodies (text after the `#` signs) and their line classes."""

    bodies: tuple[str, ...]
    classes: tuple[str, ...]


def is_exempt(comment: Comment) -> bool:
    """Whether a comment is a directive, shebang, encoding cookie, license or URL line."""
    text = comment.text
    body = text.lstrip("#").strip().lower()
    if comment.line <= 2 and (text.startswith("#!") or _CODING.search(text)):
        return True
    return body.startswith(EXEMPT_PREFIXES) or bool(_LICENSE.search(body) or _URL.search(body))


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


def _blocks(run: _Run, units: list[Unit]) -> list[list[Unit]]:
    """Units grouped into blocks: units with no prose line between them join."""
    blocks: list[list[Unit]] = []
    for unit in units:
        if blocks and PROSE not in run.classes[blocks[-1][-1].end : unit.start]:
            blocks[-1].append(unit)
        else:
            blocks.append([unit])
    return blocks


def _first(block: list[Unit]) -> int:
    """The block's first code line: lone label words before the code do not count."""
    return next((unit.start for unit in block if unit.kind != LABEL), block[0].start)


def _is_art(body: str) -> bool:
    """A line of numbers or symbols with spaces in it: a table, a diagram, ASCII art."""
    return len(body.split()) > 1 and not _LETTER.search(body)


def _prose_indent(run: _Run, blocks: list[list[Unit]]) -> int | None:
    """The least indentation of the run's lines that are in no block, blank ones aside."""
    inside = {line for block in blocks for line in range(_first(block), block[-1].end)}
    lines = range(len(run.bodies))
    return min(
        (indent(run.bodies[n]) for n in lines if n not in inside and run.classes[n] != BLANK),
        default=None,
    )


def _inside_sentence(run: _Run, start: int, end: int) -> bool:
    """Whether the block is part of a sentence: the prose before it introduces an example
    (`# as in` / `# f(x)`), or ends mid-sentence and the prose after it goes on in lower case
    (`# better than` / `# from x import y` / `# because ...`)."""
    before = run.bodies[start - 1].rstrip() if start > 0 and run.classes[start - 1] == PROSE else ""
    if _INTRODUCES.search(before):
        return True
    after = run.bodies[end].lstrip() if end < len(run.bodies) and run.classes[end] == PROSE else ""
    return bool(_MID_SENTENCE.search(before) and after[:1].islower())


def _is_documentation(run: _Run, block: list[Unit], prose_indent: int | None) -> bool:
    """Whether a block that parses as code is a sample, a diagram or the end of a sentence."""
    first = _first(block)
    if prose_indent is not None and indent(run.bodies[first]) > prose_indent:
        return True
    if _inside_sentence(run, first, block[-1].end):
        return True
    if any(_ALIGNED.search(code_part(body)) for body in run.bodies[first : block[-1].end]):
        return True
    near = run.bodies[max(block[0].start - 1, 0) : block[-1].end + 1]
    return any(_is_art(body) for body in near)


def _run_findings(run: _Run) -> list[tuple[int, int]]:
    """The first and last code lines of each reported block of one run."""
    units = [
        unit for span in _segments(run.classes) for unit in segment_units(list(run.bodies), *span)
    ]
    blocks = _blocks(run, units)
    prose_indent = _prose_indent(run, blocks)
    return [
        (_first(block), block[-1].end - 1)
        for block in blocks
        if {unit.kind for unit in block} & {STRONG, NONSENSE} == {STRONG}
        and not _is_documentation(run, block, prose_indent)
    ]


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


def _is_statement_place(source: SourceFile, first: Comment, last: Comment) -> bool:
    """Whether code could have stood where the block is: not inside brackets, unless it ends
    with a comma as a commented-out argument or item does."""
    if first.line not in source.memo("bracketed-comment-lines", bracketed_comment_lines):
        return True
    return code_part(last.text.lstrip("#")).endswith(",")


def _line_comments(source: SourceFile) -> Iterator[Comment]:
    """Lines that start with `#`: the comment-only lines, and maybe some lines of strings."""
    text = source.text
    number, position = 1, 0
    for match in _COMMENT_LINE.finditer(text):
        number += text.count("\n", position, match.start())
        position = match.start()
        yield Comment(number, len(match.group(1)) + 1, match.group(2).rstrip())


def _find(source: SourceFile, comments: Iterable[Comment]) -> list[tuple[Comment, Comment]]:
    found: list[tuple[Comment, Comment]] = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for run_comments in comment_runs(source, comments):
            bodies = tuple(comment.text.lstrip("#") for comment in run_comments)
            run = _Run(bodies, tuple(map(classify, bodies)))
            spans = [
                (run_comments[first], run_comments[last]) for first, last in _run_findings(run)
            ]
            found.extend(span for span in spans if _is_statement_place(source, *span))
    return found


def commented_out_blocks(source: SourceFile) -> list[tuple[Comment, Comment]]:
    """The first and last comment line of every block of commented-out code in the file.

    A first pass reads lines starting with `#` without tokenizing; only a file where it finds
    something is tokenized, so that lines inside strings are told from comments.
    """
    if not _find(source, _line_comments(source)):
        return []
    return _find(source, source.comments)


def commented_out_code(source: SourceFile) -> list[Comment]:
    """The first comment line of every block of commented-out code in the file."""
    return [first for first, _ in commented_out_blocks(source)]
