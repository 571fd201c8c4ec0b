"""The flake8 front end finds [tool.acolyte-gates] as `check` does, and a bad one is one line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

TWO_PARAMS = "def f(a, b):\n    pass\n"


def flake8(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "flake8", "--select", "ACO104", *args]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=120)


def project(root: Path, table: str) -> Path:
    folder = root / "proj"
    (folder / "pkg").mkdir(parents=True)
    (folder / "pyproject.toml").write_text(f"[tool.acolyte-gates]\n{table}\n", encoding="utf-8")
    (folder / "pkg" / "m.py").write_text(TWO_PARAMS, encoding="utf-8")
    return folder


def test_run_from_another_folder_it_reads_the_checked_files_pyproject(tmp_path: Path) -> None:
    project(tmp_path, "max-parameters = 1")
    done = flake8(tmp_path, "proj/pkg/m.py")
    assert done.stdout == (
        "proj/pkg/m.py:1:1: ACO104 function 'f' takes 2 parameters"
        " (limit 1; *args and **kwargs count)\n"
    )
    assert flake8(tmp_path, "--isolated", "proj/pkg/m.py").stdout == ""


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ("max-paramters = 1", "has an unknown key 'max-paramters'; did you mean 'max-parameters'?"),
        ('select = ["ACO1O4"]', "unknown rule 'ACO1O4' in select (proj/pyproject.toml)"),
        ('exclude = ["!"]', "exclude: '!' is not a valid glob"),
    ],
)
def test_a_config_error_is_one_line_and_exit_2(tmp_path: Path, table: str, message: str) -> None:
    project(tmp_path, table)
    done = flake8(tmp_path, "-j", "2", "proj")
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.count("\n") == 1 and message in done.stderr, done.stderr
    assert done.stderr.startswith("acolyte-gates: error: ")


def test_a_limit_option_out_of_range_is_one_line_and_exit_2(tmp_path: Path) -> None:
    project(tmp_path, "")
    done = flake8(tmp_path, "--aco-max-parameters=-1", "proj")
    assert done.returncode == 2
    assert done.stderr == (
        "acolyte-gates: error: --aco-max-parameters must be an integer >= 0, got -1\n"
    )
