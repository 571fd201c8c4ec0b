"""The flake8 plugin: flake8's tree, lines and options in, the engine's findings out as flake8 tuples.

Settings are layered as in the standalone checker: the standard's defaults, then
[tool.acolyte-gates] in the pyproject.toml above the current folder, then any
`--aco-*` option given to flake8 (on the command line or in .flake8, setup.cfg, tox.ini).
"""

from __future__ import annotations

import ast
import dataclasses
import os
from argparse import Namespace
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from acolyte_gates import __version__
from acolyte_gates.config.loader import load_settings
from acolyte_gates.config.settings import Settings
from acolyte_gates.engine import check_file
from acolyte_gates.paths import relative_to_root
from acolyte_gates.source import SourceFile

LIMIT_OPTIONS = (
    ("max-module-lines", "Most physical lines a module may have (ACO101)."),
    ("warn-module-lines", "Module length that draws a warning (ACO111)."),
    ("max-class-lines", "Most lines a class may span (ACO102)."),
    ("max-function-lines", "Most lines a function may span (ACO103)."),
    ("warn-function-lines", "Function length that draws a warning (ACO113)."),
    ("max-parameters", "Most parameters a function may take (ACO104)."),
    ("max-complexity", "Highest cyclomatic complexity allowed (ACO105)."),
    ("max-nesting", "Deepest nesting of control blocks allowed (ACO106)."),
    ("max-cognitive", "Highest cognitive complexity allowed (ACO107)."),
)


def _attribute(key: str) -> str:
    return "aco_" + key.replace("-", "_")


@lru_cache(maxsize=8)
def _settings(cwd: str, limits: tuple[tuple[str, int], ...]) -> Settings:
    """The settings for a flake8 run: pyproject first, flake8's --aco-* options over it."""
    settings = load_settings()
    values: dict[str, Any] = dict(limits)
    return dataclasses.replace(settings, limits=dataclasses.replace(settings.limits, **values))


def settings_from_options(options: Namespace | None) -> Settings:
    """Settings from flake8's parsed options (an option left unset keeps the pyproject value)."""
    given = []
    for key, _ in LIMIT_OPTIONS:
        value = getattr(options, _attribute(key), None)
        if value is not None:
            given.append((key.replace("-", "_"), int(value)))
    return _settings(os.getcwd(), tuple(given))


class AcolytePlugin:
    """flake8 extension `ACO`: runs every selected ACO rule on one file.

    Each plugin of ours registers its own extension (see `flake8_extension`), which runs that
    plugin's rules only: flake8 then selects them under the plugin's own prefix.
    """

    name = "acolyte-gates"
    version = __version__
    plugin = "acolyte-gates"

    def __init__(
        self, tree: ast.Module, filename: str, lines: list[str], options: Any = None
    ) -> None:
        self.tree = tree
        self.filename = filename
        self.lines = lines
        self.options = options

    @classmethod
    def add_options(cls, manager: Any) -> None:
        """Register the --aco-* limits with flake8, readable from its config files too."""
        for key, text in LIMIT_OPTIONS:
            manager.add_option(
                f"--aco-{key}", type=int, default=None, parse_from_config=True, help=text
            )

    def run(self) -> Iterator[tuple[int, int, str, type[AcolytePlugin]]]:
        """Yield flake8's (line, 0-based column, 'CODE message', type) for each finding."""
        settings = settings_from_options(self.options)
        source = SourceFile(self.filename, "".join(self.lines), self.tree)
        relpath = relative_to_root(self.filename, settings.root)
        for finding in check_file(source, settings, relpath, self.plugin):
            yield finding.line, finding.col - 1, f"{finding.code} {finding.message}", type(self)


def flake8_extension(plugin: str) -> type[AcolytePlugin]:
    """A flake8 extension class that runs one acolyte-gates plugin's rules.

    A plugin package registers it under flake8's `flake8.extension` entry point group, named
    after its code prefix (`ACL = "my_plugin.flake8:Extension"`), so that `flake8 --select ACL`
    runs its rules with the same settings, noqa and per-file ignores as `acolyte-gates check`.
    """

    class Extension(AcolytePlugin):
        """flake8 extension running the rules of one acolyte-gates plugin."""

        name = plugin

        @classmethod
        def add_options(cls, manager: Any) -> None:
            """The --aco-* limits belong to the ACO extension, which registers them once."""

    Extension.plugin = plugin
    Extension.__qualname__ = Extension.__name__ = f"Flake8Extension[{plugin}]"
    return Extension
