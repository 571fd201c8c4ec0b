"""What a rule is: a code, a name, docs, and a pure check from a SourceFile to hits."""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from acolyte_gates.config.settings import Limits, Settings
from acolyte_gates.defs import Definition, FunctionNode
from acolyte_gates.findings import Severity
from acolyte_gates.source import SourceFile

if TYPE_CHECKING:
    from acolyte_gates.plugin_spec import OptionValues


@dataclass(frozen=True)
class Context:
    """What a rule may read besides the source: the settings and this file's own limits."""

    settings: Settings
    limits: Limits
    relpath: str = "<string>"

    @property
    def is_stub(self) -> bool:
        """Whether the file is a type stub (.pyi), exempt from the docstring rules."""
        return self.relpath.endswith(".pyi")

    def options(self, plugin: str) -> OptionValues:
        """A plugin's options: [tool.acolyte-gates.plugins.NAME] over the declared defaults."""
        from acolyte_gates.registry import option_values

        return option_values(plugin, self.settings.plugins)


@dataclass(frozen=True)
class Hit:
    """A rule's raw result: where and what; the engine adds path, code and severity.

    `noqa_lines` are further lines whose noqa comment also silences the hit (a
    definition's decorators and wrapped signature). `end_line` is the last line of what
    the hit is about when that is more than its own line (a block of commented-out code),
    else 0; fixes read it.
    """

    line: int
    col: int
    message: str
    noqa_lines: tuple[int, ...] = ()
    end_line: int = 0


@dataclass(frozen=True)
class RuleDocs:
    """A rule's documentation, in the sections `acolyte-gates rule CODE` prints."""

    what: str
    why: str
    example: str
    use_instead: str = ""
    options: str = ""
    known_problems: str = ""
    example_config: tuple[tuple[str, object], ...] = ()
    """[tool.acolyte-gates] keys under which Example and Use instead are run as tests."""
    fix: str = ""
    """What `acolyte-gates fix` does about a finding, and how safe that is; '' if nothing."""


Check = Callable[[SourceFile, Context], Iterable[Hit]]


@dataclass(frozen=True)
class Rule:
    """One rule of the standard; codes and names are public API."""

    code: str
    name: str
    summary: str
    docs: RuleDocs
    check: Check
    severity: Severity = Severity.ERROR


def header_lines(source: SourceFile, definition: Definition) -> tuple[int, ...]:
    """The lines of a definition's (possibly wrapped) `def`/`class` header, decorators excluded."""
    node = definition.node
    start = node.lineno
    end = node.body[0].lineno - 1 if node.body and node.body[0].lineno > start else start
    while end > start and source.lines[end - 1].strip()[:1] in ("", "#"):
        end -= 1
    return tuple(range(start, end + 1))


def definition_hit(source: SourceFile, definition: Definition, message: str) -> Hit:
    """A hit reported at a definition's `def`/`class` keyword, silenced by noqa on its header."""
    node = definition.node
    extra = definition.decorator_lines + header_lines(source, definition)[1:]
    return Hit(node.lineno, node.col_offset + 1, message, extra)


def function_definitions(source: SourceFile) -> Iterable[Definition]:
    """Every function and method of the file, nested ones included."""
    return (d for d in source.definitions if not d.is_class)


def function_nodes(source: SourceFile) -> Iterator[tuple[Definition, FunctionNode]]:
    """Every function and method with its node typed as a function, for the metrics."""
    for definition in source.definitions:
        node = definition.node
        if not isinstance(node, ast.ClassDef):
            yield definition, node
