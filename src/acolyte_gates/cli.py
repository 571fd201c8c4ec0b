"""The `acolyte-gates` command line: parse arguments, call one function, print, exit."""

from __future__ import annotations

import io
import signal
import sys
from collections.abc import Sequence
from typing import Any

import click

from acolyte_gates import __version__
from acolyte_gates.cli_check import LEVELS, check
from acolyte_gates.errors import AcolyteError
from acolyte_gates.reports.text import printable


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="acolyte-gates")
def cli() -> None:
    """Enforce a written Python code standard: ACO rules, quality gates and a git hook."""


cli.add_command(check)


@cli.command(name="run")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option(
    "--only",
    help="Comma-separated gates to run: format,imports,types,aco,lint,security,coverage.",
)
@click.option("--skip", help="Comma-separated gates not to run.")
@click.option(
    "--level",
    type=LEVELS,
    help="Quality level, which sets the coverage bar (default: the config's).",
)
@click.option(
    "--fix",
    is_flag=True,
    help="Make the safe ACO fixes, then let isort and black rewrite the files first.",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=0),
    default=0,
    help="Gates run at once (0: one per core).",
)
@click.option(
    "--allow-missing",
    is_flag=True,
    help="A gate whose tool is not installed does not fail the run.",
)
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text")
@click.option(
    "--config",
    type=click.Path(dir_okay=False),
    help="Read settings from this pyproject.toml.",
)
def run_command(paths: tuple[str, ...], **options: Any) -> None:
    """Run the quality gates on PATHS (default: the configured paths, else the project)."""
    from acolyte_gates.commands.run import RunCliRequest, run_command

    sys.exit(run_command(RunCliRequest(paths, **options)))


@cli.command(name="rules")
@click.option("--format", "output_format", type=click.Choice(["text", "markdown"]), default="text")
@click.option(
    "--plugin",
    default="acolyte-gates",
    help="Markdown: whose rules to document (default: ours, as in docs/rules.md).",
)
def rules_command(output_format: str, plugin: str) -> None:
    """List every rule, plugins' included (markdown: one plugin's full docs, as in docs/rules.md)."""
    from acolyte_gates.commands.rules import rules_markdown, rules_table
    from acolyte_gates.entrypoints import report_plugin_failures

    report_plugin_failures(sys.stderr.write)
    text = rules_markdown(plugin) if output_format == "markdown" else rules_table()
    click.echo(text, nl=False)


@cli.command(name="rule")
@click.argument("code")
def rule_command(code: str) -> None:
    """Print the documentation of one rule, by code (ACO107, ACL101) or name."""
    from acolyte_gates.commands.rules import find_rule, rule_docs
    from acolyte_gates.entrypoints import report_plugin_failures

    report_plugin_failures(sys.stderr.write)
    click.echo(rule_docs(find_rule(code)), nl=False)


@cli.command(name="fix")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--apply", is_flag=True, help="Write the fixes (default: only show them).")
@click.option("--diff", is_flag=True, help="Show each file's fixes as a unified diff.")
@click.option(
    "--config",
    type=click.Path(dir_okay=False),
    help="Read settings from this pyproject.toml.",
)
def fix_command(paths: tuple[str, ...], apply: bool, diff: bool, config: str | None) -> None:
    """Make the safe fixes in PATHS: ACO202 `-> None`, ACO402 deletions, ACO501 `Exception`."""
    from acolyte_gates.commands.fix import FixCliRequest, run_fix

    sys.exit(run_fix(FixCliRequest(paths or (".",), apply, diff, config)))


@cli.command(name="split")
@click.argument("module", type=click.Path())
@click.option("--apply", is_flag=True, help="Write the new modules (default: only show the plan).")
@click.option(
    "--name",
    "names",
    multiple=True,
    metavar="PROPOSED=NEW",
    help="Give a proposed module another name (repeatable).",
)
@click.option(
    "--config",
    type=click.Path(dir_okay=False),
    help="Read settings from this pyproject.toml.",
)
def split_command(module: str, apply: bool, names: tuple[str, ...], config: str | None) -> None:
    """Split MODULE into cohesive modules under the soft limit; it re-exports what moved."""
    from acolyte_gates.commands.split import SplitCliRequest, run_split

    sys.exit(run_split(SplitCliRequest(module, apply, names, config)))


@cli.command(name="plugins")
def plugins_command() -> None:
    """List the installed plugins (package, version, rules, gates) and those that failed to load."""
    from acolyte_gates.commands.plugins import run_plugins

    sys.exit(run_plugins())


@cli.group(name="cache")
def cache_group() -> None:
    """Manage the content cache in .acolyte_cache/."""


@cache_group.command(name="clean")
@click.argument("path", default=".", type=click.Path(exists=True, file_okay=False))
def cache_clean(path: str) -> None:
    """Delete the cache of the project that holds PATH (default: the current folder)."""
    from acolyte_gates.commands.cache import clean_cache

    sys.exit(clean_cache(path))


@cli.group()
def hook() -> None:
    """Install, remove or run the git pre-commit hook that checks the staged files."""


_GATES_HELP = "Comma-separated gates: format, imports, types, aco, lint, security, coverage."


@hook.command(name="install")
@click.option("--gates", help=_GATES_HELP + " Default: [tool.acolyte-gates.hook] gates.")
@click.option("--chain", is_flag=True, help="Keep an existing hook and run it before ours.")
@click.option("--force", is_flag=True, help="Move an existing hook aside to pre-commit.local.")
def hook_install(gates: str | None, chain: bool, force: bool) -> None:
    """Write the pre-commit hook into this repository's hooks folder."""
    from acolyte_gates.commands import hook as commands

    if chain and force:
        raise click.UsageError("--chain and --force exclude each other")
    sys.exit(commands.install(gates, chain, force))


@hook.command(name="uninstall")
def hook_uninstall() -> None:
    """Remove our pre-commit hook and restore the one install moved aside."""
    from acolyte_gates.commands import hook as commands

    sys.exit(commands.uninstall())


@hook.command(name="run")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--gates", help=_GATES_HELP)
@click.option("--skip", help="Comma-separated gates not to run (of --gates, else the config's).")
@click.option(
    "--fix/--no-fix",
    default=None,
    help="Make the safe ACO fixes, let the imports and format gates fix; re-stage the files.",
)
def hook_run(paths: tuple[str, ...], gates: str | None, skip: str | None, fix: bool | None) -> None:
    """Check the staged Python files (or those of PATHS) as the index has them."""
    from acolyte_gates.commands import hook as commands

    sys.exit(commands.run(commands.HookRunOptions(gates, skip, fix, paths)))


def _tolerant_streams() -> None:
    """Let stdout and stderr print any text: what they cannot encode comes out escaped."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit code; user errors exit 2 with one plain line."""
    _tolerant_streams()
    try:
        cli.main(
            args=list(argv) if argv is not None else None,
            prog_name="acolyte-gates",
            standalone_mode=False,
        )
    except click.exceptions.Exit as done:
        return done.exit_code
    except click.ClickException as error:
        error.show()
        return 2
    except click.exceptions.Abort:  # Ctrl-C outside a gate run (we ask no questions)
        click.echo("acolyte-gates: interrupted", err=True)
        return 128 + signal.SIGINT
    except AcolyteError as error:
        click.echo(f"acolyte-gates: error: {printable(str(error))}", err=True)
        return 2
    except SystemExit as done:
        return done.code if isinstance(done.code, int) else 1
    return 0
