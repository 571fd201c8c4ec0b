"""`acolyte-gates fix` on files: dry run, --diff, --apply, idempotence, black stays happy."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from acolyte_gates.cli import main
from acolyte_gates.config.settings import Settings
from acolyte_gates.refactor.fix_files import fix_file, write_fix

BLACK_CLEAN = {
    "service.py": '''\
        """A service."""

        import logging

        log = logging.getLogger(__name__)


        # def legacy_start(port):
        #     return serve(port)


        def start(port: int):
            try:
                log.info("starting on %d", port)
            except:  # logging must never stop us
                pass


        class Worker:
            """Works."""

            def run(self, jobs: list[str]):
                for job in jobs:
                    print(job)
                # total = len(jobs)

            def flush(self):
                print("flushed")
        ''',
    "wrapped.py": '''\
        """Wrapped signatures."""


        def configure(
            name: str,
            value: int,
            *,
            verbose: bool = False,
        ):
            print(name, value, verbose)
        ''',
}


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "pyproject.toml").write_text("[tool.black]\nline-length = 100\n")
    for name, text in BLACK_CLEAN.items():
        (tmp_path / name).write_text(textwrap.dedent(text))
    monkeypatch.chdir(tmp_path)
    return tmp_path


def black_check(folder: Path) -> subprocess.CompletedProcess[str]:
    black = shutil.which("black", path=os.path.dirname(sys.executable)) or "black"
    return subprocess.run(
        [black, "--check", "--quiet", "--line-length", "100", str(folder)],
        capture_output=True,
        text=True,
        check=False,
    )


def test_inputs_are_black_clean_to_start_with(project: Path) -> None:
    assert black_check(project).returncode == 0


def test_dry_run_lists_the_fixes_and_writes_nothing(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = {path.name: path.read_bytes() for path in project.glob("*.py")}
    assert main(["fix", "."]) == 1
    out = capsys.readouterr().out
    assert "service.py:8: ACO402 would fix: delete the commented-out code" in out
    assert "service.py:12: ACO202 would fix: add `-> None`" in out
    assert "service.py:15: ACO501 would fix: name the exception type in `except:`" in out
    assert "wrapped.py:4: ACO202 would fix: add `-> None`" in out
    assert out.endswith("7 fix(es) to make; run again with --apply to make them\n")
    assert {path.name: path.read_bytes() for path in project.glob("*.py")} == before


def test_diff_shows_a_unified_diff(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["fix", "--diff", "wrapped.py"])
    out = capsys.readouterr().out
    assert "--- a/wrapped.py\n+++ b/wrapped.py\n" in out
    assert "-):\n+) -> None:\n" in out


def test_apply_fixes_keeps_black_clean_and_a_second_run_changes_nothing(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["fix", "--apply", "."]) == 0
    assert "7 fix(es) made" in capsys.readouterr().out
    assert black_check(project).returncode == 0
    fixed = {path.name: path.read_bytes() for path in project.glob("*.py")}
    assert b"# total = len(jobs)" not in fixed["service.py"]
    assert main(["fix", "--apply", "."]) == 0
    assert capsys.readouterr().out == "0 fix(es) made\n"
    assert {path.name: path.read_bytes() for path in project.glob("*.py")} == fixed


def test_crlf_file_stays_crlf_on_disk(project: Path) -> None:
    path = project / "windows.py"
    path.write_bytes(b'"""Doc."""\r\n\r\n\r\ndef f(x: int):\r\n    print(x)\r\n')
    assert main(["fix", "--apply", "windows.py"]) == 0
    assert path.read_bytes() == b'"""Doc."""\r\n\r\n\r\ndef f(x: int) -> None:\r\n    print(x)\r\n'


def test_a_file_changed_since_it_was_read_is_not_overwritten(project: Path) -> None:
    path = project / "wrapped.py"
    fix = fix_file(str(path), Settings(root=str(project)), 100)
    path.write_text("# edited meanwhile\n")
    assert "changed on disk since it was read" in write_fix(fix)
    assert path.read_text() == "# edited meanwhile\n"


def test_a_file_that_does_not_parse_is_named_and_the_run_goes_on(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "broken.py").write_text("def f(:\n")
    assert main(["fix", "--apply", "."]) == 1
    captured = capsys.readouterr()
    assert "broken.py: cannot fix a file that does not parse" in captured.err
    assert "7 fix(es) made" in captured.out
