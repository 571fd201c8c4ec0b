"""pyproject.toml files that cannot be read as TOML: one line naming the file, exit 2."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from acolyte_gates.cli import main

TABLE = "[tool.acolyte-gates]\nmax-parameters = 5\n"
BROKEN = {
    "deep-array": (TABLE + "x = " + "[" * 1000 + "]" * 1000 + "\n").encode(),
    "deep-table": (TABLE + "x = " + "{a = " * 1000 + "1" + "}" * 1000 + "\n").encode(),
    "latin-1": TABLE.encode() + b'name = "caf\xe9"\n',
    "utf-16": TABLE.encode("utf-16"),
}
REASON = {
    "deep-array": "nested too deeply to read",
    "deep-table": "nested too deeply to read",
    "latin-1": "not UTF-8 (line 3: invalid continuation byte); TOML files must be saved as UTF-8",
    "utf-16": "not UTF-8 (line 1: invalid start byte)",
}


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A temporary folder made the current one (`run` reads the current folder's settings)."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def one_line_error(err: str, fragment: str) -> None:
    assert err.count("\n") == 1 and err.startswith("acolyte-gates: error: ")
    assert fragment in err and "Traceback" not in err


@pytest.mark.parametrize("command", [("check",), ("run", "--only", "aco")], ids=["check", "run"])
@pytest.mark.parametrize("name", sorted(BROKEN))
def test_unreadable_toml_is_one_line_naming_the_file(
    here: Path, name: str, command: tuple[str, ...], capsys: pytest.CaptureFixture[str]
) -> None:
    (here / "pyproject.toml").write_bytes(BROKEN[name])
    (here / "a.py").write_text("x = 1\n", encoding="utf-8")
    assert main(list(command)) == 2
    err = capsys.readouterr().err
    one_line_error(err, f"{here / 'pyproject.toml'}: ")
    assert REASON[name] in err


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_an_unreadable_pyproject_above_the_checked_path_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    above = tmp_path / "pyproject.toml"
    above.write_text(TABLE, encoding="utf-8")
    above.chmod(0)
    project = tmp_path / "sub"
    project.mkdir()
    (project / "a.py").write_text("x = 1\n", encoding="utf-8")
    try:
        assert main(["check", str(project)]) == 2
    finally:
        above.chmod(0o644)
    one_line_error(capsys.readouterr().err, f"{above}: cannot read the file (Permission denied)")
