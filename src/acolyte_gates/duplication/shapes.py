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
    |(?P<comment>\#[^\n]*)
    |(?P<number>\.?\d(?:[\w.]|(?<=[eE])[+-])*)
    |(?P<name>[^\W\d]\w*)
    |(?P<op>\*\*=?|//=?|<<=?|>>=?|[-+*/%&|^<>=!:@]=|->|\.\.\.|[^\s\\])
    """,
    re.VERBOSE | re.DOTALL,
)
_OPENING = frozenset("([{")
_CLOSING = frozenset(")]}")
_BINDERS = {"for": "in", "lambda": ":"}
_BINDING_WORDS = ("for", "lambda", ":=")
Token = tuple[str, str, str, str, str]
"""One match: (string, comment, number, name, operator), all empty but one."""
LOCAL, STRING, BYTES, NUMBER, BOOL = "$var", "$str", "$bytes", "$num", "$bool"


def statement_shape(text: str, local: frozenset[str]) -> str:
    """The shape of a statement's text, given the names local to its scope."""
    found: list[Token] = _TOKEN.findall(text)
    if any(word in text for word in _BINDING_WORDS):
        local = local | _statement_locals(found)
    return " ".join(_parts(found, local))


def _statement_locals(found: list[Token]) -> frozenset[str]:
    """Names a statement binds for itself: comprehension and lambda variables, walrus targets."""
    bound: set[str] = set()
    closing = ""
    for index, token in enumerate(found):
        name, text = token[3], token[3] or token[4]
        if name in _BINDERS:
            closing = _BINDERS[name]
        elif text == closing:
            closing = ""
        elif name and (closing or (index + 1 < len(found) and found[index + 1][4] == ":=")):
            bound.add(name)
    return frozenset(bound)


def _parts(found: list[Token], local: frozenset[str]) -> list[str]:
    """The normalized texts of a statement's tokens."""
    parts: list[str] = []
    brackets = 0
    for index, (string, _, number, name, operator) in enumerate(found):
        if name:
            _push(parts, _name(found, index, local, brackets > 0))
        elif operator:
            brackets += (operator in _OPENING) - (operator in _CLOSING)
            _push(parts, operator)
        elif string or number:
            _push(parts, _string(string) if string else NUMBER)
    return parts


def _push(parts: list[str], part: str) -> None:
    """Append a token's shape: adjacent strings are one literal, a comma before a closing bracket goes."""
    if parts and part in _CLOSING and parts[-1] == ",":
        parts.pop()
    elif parts and part == parts[-1] and part in (STRING, BYTES):
        return
    parts.append(part)


def _string(text: str) -> str:
    prefix = text[: len(text) - len(text.lstrip("bBrRuUfF"))]
    return BYTES if "b" in prefix.lower() else STRING


def _name(found: list[Token], index: int, local: frozenset[str], in_brackets: bool) -> str:
    """LOCAL for a local variable; keywords, other names, attributes and keyword arguments as written."""
    text = found[index][3]
    if text in ("True", "False"):
        return BOOL
    if text not in local or (index > 0 and found[index - 1][4] == "."):
        return text
    if in_brackets and index + 1 < len(found) and found[index + 1][4] == "=":
        return text
    return LOCAL
