"""The flake8 plugin: flake8's tree, lines and options in, the engine's findings out as flake8 tuples.

Settings are layered as in the standalone checker: the standard's defaults, then
[tool.acolyte-gates] in the pyproject.toml above the checked paths (the search `check`
makes, wherever flake8 is run from; none under `flake8 --isolated`), then any `--aco-*`
option given to flake8 (on the command line or in .flake8, setup.cfg, tox.ini).
"""

from __future__ import annotations

import ast
import os
import sys
from argparse import Namespace
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from acolyte_gates import __version__
from acolyte_gates.config.loader import load_settings
from acolyte_gates.config.schema import LIMIT_HELP, with_limits
from acolyte_gates.config.settings import Settings
from acolyte_gates.engine import check_file
from acolyte_gates.errors import AcolyteError
from acolyte_gates.paths import common_folder, relative_to_root
from acolyte_gates.source import SourceFile


def _attribute(key: str) -> str:
    return "aco_" + key.replace("-", "_")


@lru_cache(maxsize=8)
def _settings(folder: str, limits: tuple[tuple[str, int], ...], isolated: bool) -> Settings:
    """The run's settings: the pyproject above `folder`, flake8's --aco-* options over it."""
    settings = Settings(root=os.getcwd()) if isolated else load_settings(Path(folder))
    return with_limits(settings, limits, "--aco-")


def _isolated(options: Namespace | None) -> bool:
    """Whether flake8 runs with --isolated, which its final options do not keep (flake8 7)."""
    if getattr(options, "isolated", False):
        return True
    try:
        from flake8.main.options import stage1_arg_parser
    except ImportError:  # pragma: no cover - a flake8 without it
        return "--isolated" in sys.argv[1:]
    known, _ = stage1_arg_parser().parse_known_args(sys.argv[1:])
    return bool(known.isolated)


def settings_for(options: Namespace | None) -> Settings:
    """The settings of a flake8 run: the pyproject above the paths it checks, as `check` finds it.

    An --aco-* option left unset keeps the pyproject's value; `--isolated` reads no pyproject.
    """
    given = tuple(
        (key, int(value))
        for key, _ in LIMIT_HELP
        if (value := getattr(options, _attribute(key), None)) is not None
    )
    display = getattr(options, "stdin_display_name", "stdin")
    names = [
        display if name == "-" else name for name in getattr(options, "filenames", None) or ["."]
    ]
    return _settings(common_folder(names), given, _isolated(options))


def check_configuration(options: Namespace) -> None:
    """Load the run's settings once, up front; a bad config ends flake8 with one line.

    flake8 calls this before any file is checked and before its workers start, so a typo
    in [tool.acolyte-gates] is `acolyte-gates: error: ...` and exit 2, as in `check`.
    """
    try:
        settings_for(options)
    except AcolyteError as error:
        sys.stderr.write(f"acolyte-gates: error: {error}\n")
        raise SystemExit(2) from None


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
    def parse_options(cls, options: Namespace) -> None:
        """flake8's hook after option parsing: check the configuration once, up front."""
        check_configuration(options)

    @classmethod
    def add_options(cls, manager: Any) -> None:
        """Register the --aco-* limits with flake8, readable from its config files too."""
        for key, text in LIMIT_HELP:
            manager.add_option(
                f"--aco-{key}", type=int, default=None, parse_from_config=True, help=text
            )

    def run(self) -> Iterator[tuple[int, int, str, type[AcolytePlugin]]]:
        """Yield flake8's (line, 0-based column, 'CODE message', type) for each finding."""
        settings = settings_for(self.options)
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
