"""A rule that crashes is our bug: the file gets one ACO002 naming the rule, the run goes on.

The crashing rule is made here on purpose: a real rule (ACO104) whose check raises on any
file containing `boom`, put in the registry for the length of a test.
"""

from __future__ import annotations

import dataclasses
import importlib
import inspect
import pickle  # nosec B403 - round-trips our own exception classes only
import pkgutil
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import FIVE_PARAMETERS

import acolyte_gates
from acolyte_gates import check_source, checker
from acolyte_gates.cli import main
from acolyte_gates.gates.runner import GateStatus, RunRequest, run_gates
from acolyte_gates.registry import current
from acolyte_gates.rules.base import Context, Hit
from acolyte_gates.source import SourceFile

BOOM = "boom = 1\n"
CRASHING = """
import dataclasses
from acolyte_gates.registry import current
RULES_BY_CODE = current().rules_by_code

def crash_on_boom(source, ctx, check=RULES_BY_CODE["ACO104"].check):
    if "boom" in source.text:
        raise ZeroDivisionError("deliberate")
    return check(source, ctx)

RULES_BY_CODE["ACO104"] = dataclasses.replace(RULES_BY_CODE["ACO104"], check=crash_on_boom)
"""


@pytest.fixture
def crashing_rule(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """ACO104 raises ZeroDivisionError on any file containing `boom`, checks as usual otherwise."""
    rules = current().rules_by_code
    real = rules["ACO104"]

    def crash_on_boom(source: SourceFile, ctx: Context) -> Iterator[Hit]:
        if "boom" in source.text:
            raise ZeroDivisionError("deliberate")
        return iter(real.check(source, ctx))

    monkeypatch.setitem(rules, "ACO104", dataclasses.replace(real, check=crash_on_boom))
    yield


@pytest.mark.usefixtures("crashing_rule")
def test_the_file_gets_one_aco002_naming_the_rule_and_other_rules_still_run() -> None:
    found = check_source(BOOM + "def f(a, b):\n    pass\n")
    crashes = [f for f in found if f.code == "ACO002"]
    assert [(f.line, f.col, f.name) for f in crashes] == [(1, 1, "internal-error")]
    assert "rule ACO104 (too-many-parameters) crashed" in crashes[0].message
    assert "ZeroDivisionError: deliberate" in crashes[0].message
    assert {"ACO201", "ACO301"} <= {f.code for f in found}  # the other rules ran


@pytest.mark.usefixtures("crashing_rule")
def test_aco002_is_neither_ignored_nor_silenced() -> None:
    from helpers import settings

    found = check_source(BOOM + "x = 1  # noqa\n", settings=settings(select=["ACO104"]))
    assert [f.code for f in found] == ["ACO002"]
    assert [f.code for f in check_source(BOOM + "# noqa: ACO002\n")].count("ACO002") == 1


def project_of(root: Path, count: int) -> Path:
    """`count` files with an ACO104 finding each, and one that makes the rule crash."""
    root.mkdir()
    (root / "pyproject.toml").write_text('[tool.acolyte-gates]\nselect = ["ACO1"]\n', "utf-8")
    for number in range(count):
        (root / f"m{number:02}.py").write_text(FIVE_PARAMETERS, encoding="utf-8")
    (root / "crash.py").write_text(BOOM, encoding="utf-8")
    return root


@pytest.fixture
def crash_project(crashing_rule: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The current folder: 20 files with an ACO104 each, one that crashes the rule."""
    del crashing_rule  # in force for the test
    root = project_of(tmp_path / "proj", 20)
    monkeypatch.chdir(root)
    monkeypatch.setattr(checker, "POOL_MIN_BYTES", 0)  # a process pool at -j 2, however small
    return root


@pytest.mark.usefixtures("crash_project")
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_check_goes_on_past_the_crash_and_exits_2_at_the_end(
    jobs: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "-j", jobs]) == 2
    out, err = capsys.readouterr()
    assert out.count(": ACO104 ") == 20  # every other file checked
    assert out.startswith("crash.py:1:1: ACO002 rule ACO104")
    assert err == (
        "acolyte-gates: internal error: a rule crashed on 1 file(s) (ACO002 findings);"
        " every other rule and file was checked; please report it\n"
    )


@pytest.mark.usefixtures("crashing_rule")
def test_a_crash_is_never_cached(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(project_of(tmp_path / "proj", 1))
    assert main(["check"]) == 2
    monkeypatch.undo()  # the rule is fixed
    monkeypatch.chdir(tmp_path / "proj")
    assert main(["check"]) == 1  # checked again, not the crash replayed from the cache


@pytest.mark.usefixtures("crashing_rule")
def test_the_aco_gate_is_an_error_that_names_the_file(tmp_path: Path) -> None:
    root = project_of(tmp_path / "proj", 2)
    report = run_gates(RunRequest(str(root), gates=("aco",)))
    gate = next(g for g in report.gates if g.name == "aco")
    assert gate.status is GateStatus.ERROR
    assert "a rule crashed on crash.py (ACO002)" in gate.detail
    assert [f.code for f in gate.findings].count("ACO104") == 2  # the other files


def test_a_crash_while_collecting_duplicate_windows_is_aco002_for_aco601(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from acolyte_gates.duplication import crossfile

    def collect(*args: object) -> None:
        raise RecursionError("deliberate")

    monkeypatch.setattr(crossfile, "collect_windows", collect)
    (tmp_path / "a.py").write_text('"""A."""\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--no-cache"]) == 2
    assert "a.py:1:1: ACO002 rule ACO601 (duplicated-code) crashed" in capsys.readouterr().out


def our_exception_classes() -> list[type[BaseException]]:
    """Every exception class defined anywhere in the package."""
    found = []
    for module in pkgutil.walk_packages(acolyte_gates.__path__, "acolyte_gates."):
        loaded = importlib.import_module(module.name)
        found += [
            value
            for _, value in inspect.getmembers(loaded, inspect.isclass)
            if issubclass(value, BaseException) and value.__module__ == loaded.__name__
        ]
    return sorted(set(found), key=lambda cls: cls.__qualname__)


def test_every_exception_we_define_survives_pickling() -> None:
    classes = our_exception_classes()
    assert len(classes) >= 4  # AcolyteError, ConfigError, UsageError, GitError at least
    for cls in classes:
        error = cls("a message naming the problem")
        again = pickle.loads(pickle.dumps(error))  # nosec B301 - bytes we just made
        assert (type(again), str(again)) == (cls, str(error))


def test_flake8_in_parallel_reports_the_crash_and_does_not_hang(tmp_path: Path) -> None:
    root = project_of(tmp_path / "proj", 3)
    script = (
        CRASHING
        + "from flake8.main.cli import main\nraise SystemExit(main(['-j', '2', '--select', 'ACO', '.']))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(script)],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,  # a hang fails here instead of blocking the suite
    )
    assert done.returncode == 1, done.stderr
    assert "./crash.py:1:1: ACO002 rule ACO104 (too-many-parameters) crashed" in done.stdout
    assert done.stdout.count("ACO104 function 'f' takes 5") == 3
