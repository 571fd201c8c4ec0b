"""SourceFile: one file's text, lines, tree and tokens, each built once and shared by every rule."""

from __future__ import annotations

import ast
import io
import tokenize
import warnings
from dataclasses import dataclass
from functools import cached_property
from typing import Callable, TypeVar

from acolyte_gates import lexer, noqa
from acolyte_gates.defs import Definition, collect_definitions

T = TypeVar("T")


@dataclass(frozen=True)
class ParseFailure:
    """Why a file could not be checked, and where (1-based)."""

    line: int
    col: int
    message: str


@dataclass(frozen=True)
class Comment:
    """A `#` comment token: where it starts and its text, `#` included."""

    line: int
    col: int
    text: str


def decode(data: bytes) -> tuple[str | None, ParseFailure | None]:
    """Bytes to text with Python's own encoding rules (PEP 263 cookie, BOM), newlines made `\\n`."""
    if b"\0" in data:
        line = data[: data.index(b"\0")].count(b"\n") + 1
        return None, ParseFailure(line, 1, "file contains null bytes; it is not Python source")
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    except SyntaxError as exc:
        encoding, cookie_error = "utf-8", f"bad encoding declaration ({exc})"
    else:
        cookie_error = ""
    try:
        text = data.decode(encoding)
    except LookupError:
        return None, ParseFailure(1, 1, f"unknown encoding {encoding!r} in the coding cookie")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return None, ParseFailure(
            line, 1, f"file is not valid {encoding} ({exc.reason}); save it as {encoding}"
        )
    if cookie_error:
        return None, ParseFailure(1, 1, cookie_error)
    return normalise(text), None


def normalise(text: str) -> str:
    """Text as the rules expect it: no byte order mark, every line ending (\\r\\n, \\r) made `\\n`.

    Python's parser takes a lone \\r as a line break too, so line numbers do not change.
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def parse(text: str, path: str) -> tuple[ast.Module | None, ParseFailure | None]:
    """The module's tree, or the syntax error that stops it, as a value."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return ast.parse(text, filename=path), None
    except SyntaxError as exc:
        reason = exc.msg or "invalid syntax"
        return None, ParseFailure(
            exc.lineno or 1, max(exc.offset or 1, 1), f"syntax error: {reason}"
        )
    except (RecursionError, MemoryError):
        return None, ParseFailure(1, 1, "source is nested too deeply for Python's parser")
    except ValueError as exc:
        return None, ParseFailure(1, 1, f"cannot parse: {exc}")


class SourceFile:
    """A file to check; every derived view (tokens, comments, definitions) is computed once."""

    def __init__(self, path: str, text: str, tree: ast.Module | None = None) -> None:
        self.path = path
        self.text = normalise(text)
        self.failure: ParseFailure | None = None
        if tree is None:
            tree, self.failure = parse(self.text, path)
        self._tree = tree
        self._memo: dict[str, object] = {}

    @classmethod
    def from_bytes(cls, path: str, data: bytes) -> SourceFile:
        """Decode and parse raw file content; failures are kept as values, never raised."""
        text, failure = decode(data)
        if text is None:
            source = cls(path, "", ast.Module(body=[], type_ignores=[]))
            source.failure = failure
            return source
        return cls(path, text)

    @property
    def tree(self) -> ast.Module:
        """The parsed module (an empty one when the file failed to parse)."""
        return self._tree if self._tree is not None else ast.Module(body=[], type_ignores=[])

    @cached_property
    def lines(self) -> list[str]:
        """Physical lines without their line endings; lines[0] is line 1."""
        lines = self.text.split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        return lines

    @cached_property
    def tokens(self) -> list[tokenize.TokenInfo]:
        """The token stream, or [] where tokenize disagrees with the parser (rare)."""
        try:
            return list(tokenize.generate_tokens(io.StringIO(self.text).readline))
        except (tokenize.TokenError, SyntaxError):
            return []

    @cached_property
    def comments(self) -> tuple[Comment, ...]:
        """Every comment in the file, in order."""
        if lexer.AVAILABLE:
            return tuple(
                Comment(line, col + 1, text) for line, col, text in lexer.comments(self.text)
            )
        return tuple(
            Comment(tok.start[0], tok.start[1] + 1, tok.string)
            for tok in self.tokens
            if tok.type == tokenize.COMMENT
        )

    @cached_property
    def noqa_spans(self) -> dict[int, tuple[int, int]]:
        """For each line, the span of lines flake8 reads its noqa comment from."""
        return noqa.line_spans(self.tokens, len(self.lines))

    @cached_property
    def definitions(self) -> tuple[Definition, ...]:
        """Every function, method and class, nested ones included, in source order."""
        return collect_definitions(self.tree)

    def noqa_text(self, line: int) -> str:
        """The text flake8 searches for `# noqa` when a finding is reported at `line`."""
        span = self.noqa_spans.get(line)
        if span is None:
            return ""
        return "\n".join(self.lines[span[0] - 1 : span[1]])

    def memo(self, key: str, build: Callable[[SourceFile], T]) -> T:
        """A value derived from this file, built on first use and shared by every rule after."""
        if key not in self._memo:
            self._memo[key] = build(self)
        return self._memo[key]  # type: ignore[return-value]
