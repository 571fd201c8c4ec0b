"""When a comment block that parses as code is documentation instead.

Used by commented_code.py on each block it would report. The text around a block is the
run's lines that are not blank and not code (prose, and lines that parse as nothing). A block
is documentation when:

- the text before it introduces a sample: a sentence ending with `:` (four words or more:
  `# the output of the command will be:`), a line ending with `:` that names a sample
  (`# Example:`, `# Usage:`) or has the block indented under it (`# Corner case:` /
  `#     T = TypeVar('T')`), a line ending the way an introduction does (`# e.g.`,
  `# such as`, `# using`), or one that points ahead (`# for example, given`,
  `# Consider the following`); unless the text says the code is switched off
  (`# uncomment this ...`, `# ... commented out`, `# disabled`);
- a sentence runs through it: the text before it ends on a word that cannot end a sentence
  (`# fail early by attempting to` / `# import again`), or ends mid-sentence while the text
  after it goes on in lower case;
- it is a term with its description indented below it (`# shutil.copy2(src, dst)` /
  `#     Similar to shutil.copy(), but ...`);
- it holds values lined up for the eye (`x  = 1`, `y =  2` on two lines or more), or a line
  of ASCII art is in or next to it.

A short label before a block (`# Unused:`, `# Old code:`, `# Not supported:`) introduces
nothing: the code under it is still reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from acolyte_gates.rules.comment_kinds import LABEL
from acolyte_gates.rules.comment_parse import BLANK, PROSE, Run, Unit, code_part, indent

_INTRODUCES = re.compile(
    r"\b(as in|like|e\.?g\.?|i\.?e\.?|such as|example|instance|than|via|calls?|calling|using"
    r"|following|follows)[,:]?$",
    re.IGNORECASE,
)
_SAMPLE_LABEL = re.compile(
    r"\b(e\.?g|i\.?e|examples?|usage|output|outputs|sample|snippet|returns|prints)\b",
    re.IGNORECASE,
)
_NAMES_EXAMPLE = re.compile(r"\b(e\.g|eg\.|for example|for instance)", re.IGNORECASE)
"""An example named mid-line; `(e.g. ".xhtml").` at the end of a sentence introduces nothing."""
_POINTS_AHEAD = re.compile(r"\b(the following|as follows|like this|like so|something like)\b", re.I)
_DISABLED = re.compile(r"uncomment|commented out|disabled?\b", re.IGNORECASE)
"""Text that says the code below it is switched off, not a sample."""
_HEADER = re.compile(r"(if|elif|else|for|while|with|try|except|finally|def|class)\b")
"""A line of code that did not parse (`# if x = 3:`) introduces nothing."""
_SENTENCE_WORDS = 4
"""A line ending with `:` introduces a sample when it has this many words (a label has fewer)."""
_SENTENCE_END = re.compile(r"[.!?]$")
_OPEN_END = re.compile(
    r"\b(a|an|the|to|of|and|or|in|for|with|by|from|that|as|at|on|into|is|are|be|when|if|than"
    r"|via|like|use|call|calls|calling|using|see|try|write|because|since|where|which|whether)$",
    re.IGNORECASE,
)
"""Words a sentence does not end on (a verb that wants its object, too)."""
_MID_SENTENCE = re.compile(r"[\w,]$")
_ALIGNED = re.compile(r"[^=!<>][ \t]{2,}=[^=]|[^=!<>]=[ \t]{2,}\S")
_LETTER = re.compile(r"[^\W\d_]")
_TIGHT_SETTING = re.compile(r"\s*[A-Za-z_]\w*=(?![=\s]).*")
_INDENTED_UNDER = 2
"""Columns deeper than a line that make a line indented under it (a `#` is often followed by
one space, and code after `#` by none)."""


@dataclass(frozen=True)
class Context:
    """A run and which of its lines are code (in a unit)."""

    run: Run
    code_lines: frozenset[int]

    @classmethod
    def of(cls, run: Run, units: list[Unit]) -> Context:
        """The context of a run parsed into these units."""
        return cls(run, frozenset(n for unit in units for n in range(unit.start, unit.end)))

    def text(self, numbers: range) -> tuple[int, str]:
        """The first of these lines that is not blank, and its text when it is no code line
        (else ``""``); (-1, ``""``) when there is none."""
        run = self.run
        for number in numbers:
            if run.classes[number] != BLANK:
                return number, "" if number in self.code_lines else run.bodies[number].strip()
        return -1, ""

    def before(self, line: int) -> tuple[int, str]:
        """The nearest text before `line` (see `text`)."""
        return self.text(range(line - 1, -1, -1))

    def after(self, end: int) -> str:
        """The nearest text from `end` on (see `text`)."""
        return self.text(range(end, len(self.run.bodies)))[1]


def first_line(block: list[Unit]) -> int:
    """The block's first code line: lone label words before the code do not count."""
    return next((unit.first for unit in block if unit.kind != LABEL), block[0].first)


def _sentence_before(context: Context, line: int) -> str:
    """The text lines before `line` back to the end of the sentence before them."""
    number, text = context.before(line)
    parts = [text]
    while number > 0 and text:
        number, text = context.before(number)
        if not text or _SENTENCE_END.search(text):
            break
        parts.insert(0, text)
    return " ".join(parts)


def _introduced(context: Context, start: int, first: int) -> bool:
    """Whether the text before the block introduces a sample (see the module docstring)."""
    number, before = context.before(start)
    header = _HEADER.match(before) and context.run.classes[number] != PROSE
    if header or _says_disabled(context, start):
        return False
    if _INTRODUCES.search(before) or _POINTS_AHEAD.search(before):
        return True
    if _NAMES_EXAMPLE.search(before) and not before.endswith("."):
        return True
    return before.endswith(":") and _colon_introduces(context, number, first)


def _colon_introduces(context: Context, number: int, first: int) -> bool:
    """Whether the line `number`, ending with `:`, introduces the code at `first`: it ends a
    sentence, names a sample, or has the code indented under it."""
    bodies = context.run.bodies
    if indent(bodies[first]) >= indent(bodies[number]) + _INDENTED_UNDER:
        return True
    sentence = _sentence_before(context, number + 1)
    named = _SAMPLE_LABEL.search(sentence) or _NAMES_EXAMPLE.search(sentence)
    return bool(named) or len(sentence.split()) >= _SENTENCE_WORDS


def _says_disabled(context: Context, start: int) -> bool:
    """Whether the text right before the block says it is switched off (`# uncomment`)."""
    number, text = context.before(start)
    while text:
        if _DISABLED.search(text):
            return True
        number, text = context.before(number)
    return False


def _inside_sentence(context: Context, start: int, end: int) -> bool:
    """Whether a sentence runs through the block (see the module docstring)."""
    before = context.before(start)[1]
    if _OPEN_END.search(before):
        return True
    return bool(_MID_SENTENCE.search(before) and context.after(end)[:1].islower())


def _described_below(context: Context, first: int, end: int) -> bool:
    """Whether text indented deeper than the block follows it: a term and its description
    (not a header and its body: `# class A:` / `#     \"\"\"Docstring.`)."""
    run = context.run
    if end >= len(run.bodies) or run.classes[end] == BLANK or end in context.code_lines:
        return False
    header = code_part(run.bodies[end - 1]).endswith(":")
    return not header and indent(run.bodies[end]) >= indent(run.bodies[first]) + _INDENTED_UNDER


def _is_art(body: str) -> bool:
    """A line of numbers or symbols with spaces in it, outside strings: a table, a diagram,
    ASCII art."""
    code = code_part(body)
    return len(code.split()) > 1 and not _LETTER.search(code)


def _looks_drawn(run: Run, block: list[Unit], first: int) -> bool:
    """Values lined up on two lines or more, or ASCII art in or next to the block."""
    lines = run.bodies[first : block[-1].end]
    if sum(bool(_ALIGNED.search(code_part(body))) for body in lines) >= 2:
        return True
    near = run.bodies[max(block[0].start - 1, 0) : block[-1].end + 1]
    return any(_is_art(body) for body in near)


def is_documentation(context: Context, block: list[Unit]) -> bool:
    """Whether a block that parses as code is a sample, the end of a sentence, a described
    term, a table or a diagram."""
    start, first, end = block[0].start, first_line(block), block[-1].end
    return (
        _introduced(context, start, first)
        or _inside_sentence(context, start, end)
        or _described_below(context, first, end)
        or _looks_drawn(context.run, block, first)
        or _setting_in_text(context, start, end)
    )


def _setting_in_text(context: Context, start: int, end: int) -> bool:
    """One line `name=value` written without spaces, next to text: a setting a sentence names
    (`# They should be setting` / `# version_codename=""`), not an assignment."""
    if end - start != 1 or not _TIGHT_SETTING.fullmatch(code_part(context.run.bodies[start])):
        return False
    return bool(context.before(start)[1] or context.after(end))
