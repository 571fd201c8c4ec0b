"""A statement's text as a shape: its tokens with local names and literals made placeholders.

Numbers become `$num`, strings `$str` (adjacent ones collapse into one), bytes `$bytes` and
True/False `$bool`. Comments, whitespace, line continuations and a comma before a closing
bracket vanish, so rewrapping a statement (as black does) keeps its shape. Local names become
`$var`, except as attribute or keyword-argument names, which keep their spelling. The names a
statement binds for itself (comprehension and lambda variables, walrus targets) are local too.

The tokens come from one compiled regular expression over the statement's text: the source
was already parsed, so this only needs to split valid Python, and it is several times
faster than the `tokenize` module, which is written in Python.
"""

from __future__ import annotations

import re

_TOKEN = re.compile(
    r"""
    (?P<string>(?i:[rbuf]{0,2})(?:'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
        |'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"))
    |\#[^\n]*
    |(?P<number>\.?\d(?:[\w.]|(?<=[eE])[+-])*)
    |(?P<name>[^\W\d]\w*)
    |(?P<op>\*\*=?|//=?|<<=?|>>=?|[-+*/%&|^<>=!:@]=|->|\.\.\.|[^\s\\])
    """,
    re.VERBOSE | re.DOTALL,
)
LOCAL, STRING, BYTES, NUMBER, BOOL = "$var", "$str", "$bytes", "$num", "$bool"
# A comma before a closing bracket, and a string literal right after another, say nothing more.
_TIDY = re.compile(r" ,(?= [)\]}])|(?<=\$str)(?: \$str)+|(?<=\$bytes)(?: \$bytes)+")
_OPENING = frozenset("([{")
_CLOSING = frozenset(")]}")
_BINDERS = {"for": "in", "lambda": ":"}
_BINDING_WORDS = ("for", "lambda", ":=")
_BOOLS = frozenset(("True", "False"))
Token = tuple[str, str, str, str]
"""One match: (string, number, name, operator), all empty but one (all empty for a comment)."""


def statement_shape(text: str, local: frozenset[str]) -> str:
    """The shape of a statement's text, given the names local to its scope."""
    parts = _raw_parts(_TOKEN.findall(text), "#" in text)
    if any(word in text for word in _BINDING_WORDS):
        local = local | _statement_locals(parts)
    for index in [i for i, part in enumerate(parts) if part in local or part in _BOOLS]:
        parts[index] = _name(parts, index)
    return _TIDY.sub("", " ".join(parts))


def _raw_parts(found: list[Token], has_comment: bool) -> list[str]:
    """Each token's text, with literals made placeholders (and comments, which match empty, dropped)."""
    parts = [
        name or operator or (_string(string) if string else number and NUMBER)
        for string, number, name, operator in found
    ]
    return [part for part in parts if part] if has_comment else parts


def _statement_locals(parts: list[str]) -> frozenset[str]:
    """Names a statement binds for itself: comprehension and lambda variables, walrus targets."""
    bound: set[str] = set()
    closing = ""
    for index, part in enumerate(parts):
        if part in _BINDERS:
            closing = _BINDERS[part]
        elif part == closing:
            closing = ""
        elif part.isidentifier() and (
            closing or (index + 1 < len(parts) and parts[index + 1] == ":=")
        ):
            bound.add(part)
    return frozenset(bound)


def _string(text: str) -> str:
    prefix = text[: len(text) - len(text.lstrip("bBrRuUfF"))]
    return BYTES if "b" in prefix.lower() else STRING


def _name(parts: list[str], index: int) -> str:
    """LOCAL for a local variable, except as an attribute or keyword-argument name; True/False a literal."""
    text = parts[index]
    if text in _BOOLS:
        return BOOL
    if index > 0 and parts[index - 1] == ".":
        return text
    if index + 1 < len(parts) and parts[index + 1] == "=" and _in_brackets(parts, index):
        return text
    return LOCAL


def _in_brackets(parts: list[str], index: int) -> bool:
    return sum((part in _OPENING) - (part in _CLOSING) for part in parts[:index]) > 0
