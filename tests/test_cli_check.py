"""`acolyte-gates check` as a user runs it: output, formats, exit codes, errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from acolyte_gates.cli import main

FIVE_PARAMS = "def f(a, b, c, d, e):\n    pass\n"
LONG_WARNING = "def f():\n" + "    x = 1\n" * 26  # 27 lines: over the soft limit only


SIZE_RULES_ONLY = '[tool.acolyte-gates]\nselect = ["ACO0", "ACO1"]\n'


def project(tmp_path: Path, files: dict[str, str]) -> Path:
    """A project whose config selects the size rules only (their output is what these tests read)."""
    files = {"pyproject.toml": SIZE_RULES_ONLY, **files}
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp_path


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "acolyte_gates", *args]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=60)


def test_errors_exit_1_with_flake8_style_lines(tmp_path: Path) -> None:
    project(tmp_path, {"bad.py": FIVE_PARAMS, "good.py": "x = 1\n"})
    done = run_cli("check", "--no-cache", cwd=tmp_path)
    assert done.returncode == 1
    assert done.stdout == (
        "bad.py:1:1: ACO104 function 'f' takes 5 parameters (limit 4; *args and **kwargs count)\n"
    )


def test_clean_tree_exits_0_with_no_output(tmp_path: Path) -> None:
    project(tmp_path, {"good.py": "x = 1\n"})
    done = run_cli("check", cwd=tmp_path)
    assert (done.returncode, done.stdout) == (0, "")


def test_warnings_print_but_fail_only_under_strict(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project(tmp_path, {"soft.py": LONG_WARNING})
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--no-cache"]) == 0
    assert main(["check", "--no-cache", "--strict"]) == 1


def test_config_error_exits_2_with_one_line(tmp_path: Path) -> None:
    project(
        tmp_path, {"pyproject.toml": "[tool.acolyte-gates]\nmax-nestin = 2\n", "a.py": "x = 1\n"}
    )
    done = run_cli("check", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.strip().endswith("did you mean 'max-nesting'?")
    assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr


def test_missing_path_and_bad_option_exit_2(tmp_path: Path) -> None:
    assert run_cli("check", "nowhere.py", cwd=tmp_path).returncode == 2
    assert run_cli("check", "--format", "xml", cwd=tmp_path).returncode == 2


def test_syntax_error_among_good_files_is_one_aco001_and_others_are_checked(tmp_path: Path) -> None:
    project(
        tmp_path,
        {
            "a_broken.py": "def f(:\n",
            "b_bad.py": FIVE_PARAMS,
            "c.py": b"\xff\xfe".decode("latin-1"),
        },
    )
    (tmp_path / "d_nul.py").write_bytes(b"x = 1\x00\n")
    done = run_cli("check", "--no-cache", "--select", "ACO001,ACO104", cwd=tmp_path)
    lines = done.stdout.splitlines()
    assert [line.split(" ")[0] + " " + line.split(" ")[1] for line in lines] == [
        "a_broken.py:1:7: ACO001",
        "b_bad.py:1:1: ACO104",
        "d_nul.py:1:1: ACO001",
    ]
    assert done.returncode == 1


def test_undecodable_file_is_aco001(tmp_path: Path) -> None:
    (tmp_path / "latin.py").write_bytes(b"name = '\xe9'\n")
    done = run_cli("check", "--no-cache", cwd=tmp_path)
    assert done.stdout.startswith("latin.py:1:1: ACO001 file is not valid utf-8")


def test_json_format_is_documented_shape(tmp_path: Path) -> None:
    project(tmp_path, {"bad.py": FIVE_PARAMS})
    document = json.loads(run_cli("check", "--format", "json", cwd=tmp_path).stdout)
    assert document == {
        "version": 1,
        "findings": [
            {
                "path": "bad.py",
                "line": 1,
                "col": 1,
                "code": "ACO104",
                "name": "too-many-parameters",
                "message": "function 'f' takes 5 parameters (limit 4; *args and **kwargs count)",
                "severity": "error",
            }
        ],
    }


def test_statistics_counts_per_code_marks_warnings_and_ends_with_a_total(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    project(tmp_path, {"a.py": FIVE_PARAMS, "b.py": FIVE_PARAMS + LONG_WARNING})
    monkeypatch.chdir(tmp_path)
    main(["check", "--statistics", "--no-cache"])
    assert capsys.readouterr().out.splitlines()[-3:] == [
        "2     ACO104 too-many-parameters",
        "1     ACO113 function-over-soft-limit (warning)",
        "3     in total: 2 errors, 1 warning in 2 of 2 files checked",
    ]


def test_select_and_ignore_on_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    project(tmp_path, {"b.py": FIVE_PARAMS + LONG_WARNING})
    monkeypatch.chdir(tmp_path)
    main(["check", "--ignore", "ACO104"])
    assert "ACO104" not in capsys.readouterr().out
    main(["check", "--select", "ACO104"])
    assert [line.split()[1] for line in capsys.readouterr().out.splitlines()] == ["ACO104"]


def test_rules_lists_every_rule_and_rule_prints_docs(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules"]) == 0
    assert "ACO104  too-many-parameters" in capsys.readouterr().out
    assert main(["rule", "aco104"]) == 0
    docs = capsys.readouterr().out
    for heading in ("## What it does", "## Why is this bad", "## Example", "## Options"):
        assert heading in docs
    assert main(["rule", "ACO999"]) == 2


def test_python_dash_m_matches_the_console_script(tmp_path: Path) -> None:
    project(tmp_path, {"bad.py": FIVE_PARAMS})
    script = Path(sys.executable).parent / "acolyte-gates"
    by_script = subprocess.run(
        [str(script), "check"], cwd=tmp_path, capture_output=True, text=True, timeout=60
    )
    by_module = run_cli("check", cwd=tmp_path)
    assert (by_script.returncode, by_script.stdout) == (by_module.returncode, by_module.stdout)
