"""The public API for plugins: everything a plugin may import from acolyte-gates, and no more.

A plugin is a package that declares entry points:

- group `acolyte_gates.rules`: a `Plugin` (or a `Rule`, or a tuple of rules) whose rules run
  in `check`, the `aco` gate, the hook and, through the plugin's own flake8 extension
  (`flake8_extension`), in flake8; each gets noqa, select/ignore, per-file ignores, levels,
  every output format and `acolyte-gates rule CODE` from acolyte-gates;
- group `acolyte_gates.gates`: a `Plugin` (or a `ToolGate`, or a tuple of gates) whose gates
  run in `acolyte-gates run` and the hook, with --only/--skip, timeouts and reports.

A plugin's options are read from `[tool.acolyte-gates.plugins.NAME]` and checked against its
`PluginOption` declarations; rules read them with `ctx.options(NAME)`, gates with
`ctx.options(NAME)` on their GateContext. Everything outside this module is private and
may change in any release; this module changes only with `API_VERSION`.
"""

from __future__ import annotations

import ast
import tokenize
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Protocol, TypeVar

from acolyte_gates.findings import Finding, Severity
from acolyte_gates.gates.base import (
    ExitCodes,
    FindingsReader,
    GateContext,
    GateStatus,
    ToolGate,
    Verdict,
    judge,
    make_finding,
    root_relative,
    with_files,
)
from acolyte_gates.gates.process import ToolResult
from acolyte_gates.plugin_spec import OptionValues, Plugin, PluginOption
from acolyte_gates.rules.base import Context, Hit, Rule, RuleDocs
from acolyte_gates.source import Comment

if TYPE_CHECKING:
    from acolyte_gates.flake8_plugin import AcolytePlugin

API_VERSION = 1
"""Incremented when a name of this module changes in a way that breaks a plugin."""

T = TypeVar("T")

__all__ = [
    "API_VERSION",
    "Comment",
    "Context",
    "ExitCodes",
    "Finding",
    "FindingsReader",
    "GateContext",
    "GateStatus",
    "Hit",
    "OptionValues",
    "Plugin",
    "PluginOption",
    "Rule",
    "RuleDocs",
    "Severity",
    "SourceFile",
    "ToolGate",
    "ToolResult",
    "Verdict",
    "flake8_extension",
    "judge",
    "make_finding",
    "root_relative",
    "with_files",
]


class SourceFile(Protocol):
    """The file a rule checks, read-only: parsed once and shared by every rule.

    `lines[0]` is line 1, without its line ending; `tree` is an empty module when the file
    does not parse (rules are then not run, bar acolyte-gates' own ACO001).
    """

    @property
    def path(self) -> str:
        """The path as given to the checker."""

    @property
    def text(self) -> str:
        """The decoded text, newlines made `\\n`."""

    @property
    def lines(self) -> Sequence[str]:
        """Physical lines without their endings."""

    @property
    def tree(self) -> ast.Module:
        """The parsed module."""

    @property
    def tokens(self) -> Sequence[tokenize.TokenInfo]:
        """The token stream ([] where tokenize disagrees with the parser)."""

    @property
    def comments(self) -> Sequence[Comment]:
        """Every `#` comment, in order, with its 1-based line and column."""

    def memo(self, key: str, build: Callable[[SourceFile], T]) -> T:
        """A value derived from the file, built on first use and shared by every rule after.

        Prefix keys with the plugin's name: the memo is shared with every other rule.
        """


def flake8_extension(plugin: str) -> type[AcolytePlugin]:
    """A flake8 extension class that runs the rules of the plugin called `plugin`.

    Expose it from a module of the plugin and register it under flake8's
    `flake8.extension` group with the rules' code prefix as its name, for example
    `ACL = "acolyte_gates_library_rules.flake8:Extension"`.
    """
    from acolyte_gates.flake8_plugin import flake8_extension as make

    return make(plugin)
