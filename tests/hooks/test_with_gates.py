"""The hook with the real gate runner: default gates, --fix re-staging, mypy on the snapshot."""

from __future__ import annotations

import pytest
from hooks.gitrepo import BAD, CLEAN, Repo

pytest.importorskip("acolyte_gates.gates.runner")

# ACO-clean, but black would put single spaces around the operator.
UNFORMATTED = CLEAN.replace("return a + b", "return a  +  b")


def test_the_default_gates_reject_a_file_black_would_reformat(git_repo: Repo) -> None:
    assert git_repo.aco("hook", "install").returncode == 0
    git_repo.stage("mod.py", UNFORMATTED)
    done = git_repo.commit()
    assert done.returncode == 1
    assert "mod.py" in done.stdout + done.stderr
    git_repo.stage("mod.py", CLEAN)
    done = git_repo.commit()
    assert done.returncode == 0, done.stdout + done.stderr


def test_fix_formats_a_fully_staged_file_and_stages_the_result(git_repo: Repo) -> None:
    git_repo.stage("mod.py", UNFORMATTED)
    done = git_repo.cli("hook", "run", "--gates", "format,aco", "--fix")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "fixed and re-staged mod.py" in done.stdout
    assert git_repo.git("show", ":mod.py").stdout == CLEAN
    assert (git_repo.path / "mod.py").read_text() == CLEAN


# b.py uses a's f() as an int; c.py has its own, older type error and imports nothing staged.
A_INT = '"""A."""\n\n\ndef f() -> int:\n    """One."""\n    return 1\n'
A_STR = '"""A."""\n\n\ndef f() -> str:\n    """One."""\n    return "1"\n'
B = '"""B."""\n\nfrom a import f\n\nTOTAL: int = f() + 1\n'
C = '"""C."""\n\nCOUNT: int = "many"\n'


def test_types_reports_errors_a_staged_change_causes_in_modules_importing_it(
    git_repo: Repo,
) -> None:
    for name, text in (("a.py", A_INT), ("b.py", B), ("c.py", C)):
        git_repo.stage(name, text)
    git_repo.commit("--no-verify")
    git_repo.stage("a.py", A_STR)
    done = git_repo.cli("hook", "run", "--gates", "types")
    assert done.returncode == 1
    assert "b.py:5:" in done.stdout
    assert "c.py" not in done.stdout


def test_types_passes_when_the_staged_change_breaks_nothing(git_repo: Repo) -> None:
    for name, text in (("a.py", A_INT), ("b.py", B), ("c.py", C)):
        git_repo.stage(name, text)
    git_repo.commit("--no-verify")
    git_repo.stage("a.py", A_INT.replace('"""One."""', '"""Still one."""'))
    done = git_repo.cli("hook", "run", "--gates", "types")
    assert done.returncode == 0, done.stdout


def test_violations_still_fail_under_the_default_gates(git_repo: Repo) -> None:
    git_repo.stage("mod.py", BAD)
    done = git_repo.cli("hook", "run")
    assert done.returncode == 1
    assert "mod.py:4:1: ACO104" in done.stdout


def test_the_hook_says_which_gates_ran_with_which_tool_and_their_counts(git_repo: Repo) -> None:
    git_repo.stage("mod.py", BAD)
    done = git_repo.cli("hook", "run", "--gates", "aco,lint")
    assert "acolyte-gates: findings per gate: aco (acolyte-gates) 1, lint (flake8) 0\n" in (
        done.stdout
    )


def test_skip_leaves_out_a_gate_and_its_findings(git_repo: Repo) -> None:
    git_repo.stage("mod.py", BAD)
    done = git_repo.cli("hook", "run", "--gates", "aco,lint", "--skip", "aco")
    assert done.returncode == 0, done.stdout
    assert "ACO104" not in done.stdout
    assert done.stdout == "acolyte-gates: findings per gate: lint (flake8) 0\n"


def test_an_unknown_gate_to_skip_is_a_usage_error(git_repo: Repo) -> None:
    git_repo.stage("mod.py", CLEAN)
    done = git_repo.cli("hook", "run", "--skip", "acco")
    assert done.returncode == 2 and "--skip: no gate 'acco'; did you mean 'aco'?" in done.stderr


def test_types_checks_what_the_projects_mypy_config_names(git_repo: Repo) -> None:
    # every tracked file given to mypy would stop it at two modules named conftest
    git_repo.stage("pyproject.toml", '[tool.mypy]\nfiles = ["pkg"]\n')
    git_repo.stage("examples/one/tests/conftest.py", "")
    git_repo.stage("examples/two/tests/conftest.py", "")
    git_repo.stage("pkg/__init__.py", "")
    git_repo.commit("--no-verify")
    git_repo.stage("pkg/count.py", 'def count() -> int:\n    return "many"\n')
    done = git_repo.cli("hook", "run", "--gates", "types")
    assert done.returncode == 1
    assert "pkg/count.py:2:12: return-value" in done.stdout
    assert "conftest" not in done.stdout
