"""`acolyte-gates check`'s options, under the names flake8 and ruff users already know."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

from acolyte_gates.config.schema import LIMIT_HELP

F = TypeVar("F", bound=Callable[..., Any])
LEVELS = click.Choice(["mvp", "production", "enterprise", "hyperscale"])

_CODES = "Comma-separated codes or prefixes"
_GLOBS = "Comma-separated globs (gitignore syntax; with a '/', relative to the current folder)"

_OPTIONS: tuple[Callable[[F], F], ...] = (
    click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text"),
    click.option("--output-file", type=click.Path(dir_okay=False), help="Write the report here."),
    click.option("--show-source", is_flag=True, help="Print each finding's line with a caret."),
    click.option(
        "--color",
        type=click.Choice(["auto", "always", "never"]),
        default="auto",
        help="Colour: auto (a terminal, unless NO_COLOR is set), always or never.",
    ),
    click.option(
        "--quiet",
        "-q",
        count=True,
        help="-q: only the names of files with findings; -qq: nothing.",
    ),
    click.option("--count", is_flag=True, help="Print the number of findings last."),
    click.option("--statistics", is_flag=True, help="A count per code, then a total."),
    click.option("--strict", is_flag=True, help="Warnings fail the run too."),
    click.option("--exit-zero", is_flag=True, help="Exit 0 even when errors are found."),
    click.option("--select", help=f"{_CODES} to check (replaces the config's)."),
    click.option("--ignore", help=f"{_CODES} to skip (replaces the config's)."),
    click.option("--extend-select", help=f"{_CODES} to check on top of the selection."),
    click.option("--extend-ignore", help=f"{_CODES} to skip on top of the ignored ones."),
    click.option(
        "--per-file-ignores",
        help="flake8's 'glob:codes' pairs, e.g. 'tests/*:ACO3' (replaces the config's).",
    ),
    click.option("--exclude", help=f"{_GLOBS} not to walk into (replaces the defaults)."),
    click.option("--extend-exclude", help=f"{_GLOBS} not to walk into, on top of the others."),
    click.option("--level", type=LEVELS, help="Quality level (default: the config's)."),
    *(
        click.option(f"--{key}", key.replace("-", "_"), type=int, help=text)
        for key, text in LIMIT_HELP
    ),
    click.option(
        "--stdin-filename",
        help="With the path '-': the file name stdin's source stands for (config, per-file"
        " ignores and the printed path follow it).",
    ),
    click.option(
        "--jobs",
        "-j",
        type=click.IntRange(min=0),
        default=0,
        help="Worker processes (0: one per core, in-process for small runs).",
    ),
    click.option("--no-cache", is_flag=True, help="Neither read nor write .acolyte_cache/."),
    click.option(
        "--config", type=click.Path(dir_okay=False), help="Read settings from this pyproject.toml."
    ),
)


def check_options(command: F) -> F:
    """Add every `check` option to a click command, in the order `--help` lists them."""
    for option in reversed(_OPTIONS):
        command = option(command)
    return command


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(readable=False))  # unreadable: a warning
@check_options
def check(paths: tuple[str, ...], **options: Any) -> None:
    """Check PATHS (default: the current folder; '-': stdin) against the ACO rules."""
    from acolyte_gates.commands.check import request_from_cli, run_check

    sys.exit(run_check(request_from_cli(paths, options)))
