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
from acolyte_gates.source import ParseFailure, SourceFile, decode, normalise

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
    """flake8 extension `ACO`: runs every selected ACO rule on one file."""

    name = "acolyte-gates"
    version = __version__

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
        text = "".join(self.lines)
        source = SourceFile(self.filename, text, self.tree)
        source.failure = undecodable(self.filename, text)
        for finding in check_file(source, settings, relative_to_root(self.filename, settings.root)):
            yield finding.line, finding.col - 1, f"{finding.code} {finding.message}", type(self)


def undecodable(filename: str, text: str) -> ParseFailure | None:
    """Why the file cannot be decoded, when flake8 read it anyway (it falls back to latin-1).

    The standalone checker reports such a file as ACO001; so does the plugin, once the bytes
    on disk are those flake8 read (latin-1 decodes anything, so compare that reading with
    flake8's lines; code given on stdin has no bytes to look at and is taken as it is).
    """
    try:
        with open(filename, "rb") as handle:
            data = handle.read()
    except OSError:
        return None
    _, failure = decode(data)
    if failure is None or normalise(data.decode("latin-1")) != normalise(text):
        return None
    return failure
