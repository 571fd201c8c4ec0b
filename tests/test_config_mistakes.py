"""Config mistakes are errors: unknown rule codes, globs that cannot compile, absurd numbers.

Each is `acolyte-gates check` exiting 2 with one line naming the key (and, for a code, the
closest real one), in the pyproject and on the command line alike.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from helpers import run_cli


def check(folder: Path, *args: str, config: str | None = None) -> subprocess.CompletedProcess[str]:
    """`acolyte-gates check ARGS` on a project holding one clean file and, if given, a pyproject."""
    (folder / "a.py").write_text('"""A module."""\n', encoding="utf-8")
    if config is not None:
        (folder / "pyproject.toml").write_text(config, encoding="utf-8")
    return run_cli(folder, "check", "--no-cache", *args)


def one_line_error(done: subprocess.CompletedProcess[str]) -> str:
    """The single stderr line of a run that exited 2."""
    assert done.returncode == 2, done.stdout + done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and "Traceback" not in done.stderr, done.stderr
    return lines[0]


@pytest.mark.parametrize(
    ("table", "message"),
    [
        (
            'select = ["ACO1O3"]',
            "unknown rule 'ACO1O3' in select (pyproject.toml); did you mean ACO103?",
        ),
        ('ignore = ["ACO1", "AC0501"]', "unknown rule 'AC0501' in ignore (pyproject.toml)"),
        ('extend-select = ["ACO9"]', "unknown rule 'ACO9' in extend-select (pyproject.toml)"),
        (
            'per-file-ignores = { "tests/*" = ["ACO3", "ACO3O1"] }',
            "unknown rule 'ACO3O1' in per-file-ignores 'tests/*' (pyproject.toml);"
            " did you mean ACO301?",
        ),
    ],
)
def test_an_unknown_code_in_the_config_exits_2_naming_the_closest(
    tmp_path: Path, table: str, message: str
) -> None:
    done = check(tmp_path, config=f"[tool.acolyte-gates]\n{table}\n")
    assert one_line_error(done).startswith(f"acolyte-gates: error: {message}")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--select", "ACO999"), "unknown rule 'ACO999' in --select; `acolyte-gates rules`"),
        (("--ignore", "ACO1O3"), "unknown rule 'ACO1O3' in --ignore; did you mean ACO103?"),
        (("--extend-ignore", "ACO5O2"), "unknown rule 'ACO5O2' in --extend-ignore; did you mean"),
        (("--extend-select", "ACO7"), "unknown rule 'ACO7' in --extend-select"),
        (
            ("--per-file-ignores", "tests/*:ACO3O1"),
            "unknown rule 'ACO3O1' in --per-file-ignores 'tests/*'; did you mean ACO301?",
        ),
    ],
)
def test_an_unknown_code_on_the_command_line_exits_2_naming_the_closest(
    tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    assert one_line_error(check(tmp_path, *args)).startswith(f"acolyte-gates: error: {message}")


def test_a_code_of_a_plugin_not_installed_is_a_warning(tmp_path: Path) -> None:
    # as flake8 and pytest leave an absent plugin's options: some developers may not have it
    done = check(tmp_path, config='[tool.acolyte-gates]\nextend-select = ["XYZ1"]\n')
    assert done.returncode == 0
    assert done.stderr == (
        "acolyte-gates: warning: no installed rule has the code 'XYZ1'"
        " (extend-select (pyproject.toml)); is the plugin that brings it installed?\n"
    )


def test_known_prefixes_are_accepted(tmp_path: Path) -> None:
    config = '[tool.acolyte-gates]\nselect = ["ACO"]\nignore = ["ACO1", "ACO301"]\n'
    assert check(tmp_path, "--extend-select", "ACO10", config=config).returncode == 0


@pytest.mark.parametrize(
    ("table", "key"),
    [
        ('exclude = ["!"]', "[tool.acolyte-gates] exclude: '!' is not a valid glob"),
        ('extend-exclude = ["a/[z-a]"]', "extend-exclude: 'a/[z-a]' is not a valid glob"),
        ('per-file-ignores = { "[z-a]" = ["ACO3"] }', "per-file-ignores: '[z-a]' is not a valid"),
        ('[[tool.acolyte-gates.overrides]]\npaths = ["!"]', "overrides]][0] paths: '!' is not"),
        ("[tool.acolyte-gates.run]\ntimeout = inf", "[tool.acolyte-gates.run] timeout must be"),
        ("[tool.acolyte-gates.run]\ntimeout = nan", "[tool.acolyte-gates.run] timeout must be"),
        ("[tool.acolyte-gates.run]\ntimeout = 1e300", "[tool.acolyte-gates.run] timeout must be"),
        ("[tool.acolyte-gates.run]\ntimeouts = { aco = -inf }", "run] timeouts.aco must be"),
        ("[tool.acolyte-gates.run]\ncoverage-bar = 101", "run] coverage-bar must be a number"),
    ],
)
def test_a_value_that_cannot_work_exits_2_naming_the_key(
    tmp_path: Path, table: str, key: str
) -> None:
    assert key in one_line_error(check(tmp_path, config=f"[tool.acolyte-gates]\n{table}\n"))


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (("--exclude", "!"), "--exclude: '!' is not a valid glob"),
        (("--extend-exclude", "a/[z-a]"), "--extend-exclude: 'a/[z-a]' is not a valid glob"),
        (("--max-function-lines", "0"), "--max-function-lines must be an integer >= 1, got 0"),
        (("--per-file-ignores", "tests/*"), "--per-file-ignores: expected 'glob:codes' pairs"),
    ],
)
def test_a_bad_option_value_exits_2_with_one_line(
    tmp_path: Path, args: tuple[str, ...], fragment: str
) -> None:
    assert fragment in one_line_error(check(tmp_path, *args))
