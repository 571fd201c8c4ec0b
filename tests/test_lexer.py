"""The regex lexer must find exactly the comments and bracketed lines tokenize finds."""

from __future__ import annotations

import io
import tokenize

import pytest

from acolyte_gates import lexer

# Each snippet parses; each hides a `#` or a quote where a naive scan would go wrong.
SNIPPETS = [
    "x = 1  # a comment\n",
    "s = '# not a comment'  # but this is\n",
    's = "it\'s # still a string"\n',
    "s = r'\\'#'  # a raw string's backslash still escapes the quote\n",
    "s = '''one ' two '' # three\n# four'''  # five\n",
    's = """two "" quotes, then an escaped one \\""""  # six\n',
    "s = 'line one \\\n# still in the string'  # seven\n",
    "f = f\"{x['#']}\"  # eight\n",
    "b = rb'#' + Br\"#\"  # nine\n",
    "call(a,  # inside brackets\n     b)\n# outside\n",
    "d = {\n    'k': [1,  # two deep\n          2],\n}\n",
    "\tif x:  # tab-indented\n\t\tpass\n".lstrip("\t"),
    "x = 'é#'  # after a non-ASCII character\n",
    "# only a comment",
]


def _tokenize_comments(text: str) -> list[tuple[int, int, str]]:
    tokens = tokenize.generate_tokens(io.StringIO(text).readline)
    return [(t.start[0], t.start[1], t.string) for t in tokens if t.type == tokenize.COMMENT]


def _tokenize_bracketed(text: str) -> frozenset[int]:
    depth, lines = 0, set()
    for token in tokenize.generate_tokens(io.StringIO(text).readline):
        if token.type == tokenize.OP and token.string in "([{":
            depth += 1
        elif token.type == tokenize.OP and token.string in ")]}":
            depth -= 1
        elif token.type == tokenize.COMMENT and depth > 0:
            lines.add(token.start[0])
    return frozenset(lines)


@pytest.mark.parametrize("text", SNIPPETS)
def test_comments_match_tokenize(text: str) -> None:
    compile(text, "<snippet>", "exec")  # the lexer is only exact on code that parses
    assert lexer.comments(text) == _tokenize_comments(text)


@pytest.mark.parametrize("text", SNIPPETS)
def test_bracketed_comment_lines_match_tokenize(text: str) -> None:
    assert lexer.bracketed_comment_lines(text) == _tokenize_bracketed(text)


def test_comment_inside_brackets_is_on_its_line() -> None:
    # `# in` sits at depth 1 on line 1; `# out` follows the closing bracket on line 3.
    text = "f(1,  # in\n  2,\n)  # out\n"
    assert lexer.bracketed_comment_lines(text) == frozenset({1})
    assert lexer.comments(text) == [(1, 6, "# in"), (3, 3, "# out")]
