"""`check`'s flake8- and ruff-style options, and what it checks, as a user runs them."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import run_cli

# Five parameters (ACO104, limit 4) and no annotations or docstrings: several codes at once.
FIVE = "def f(a, b, c, d, e):\n    pass\n"
ANNOTATED_FIVE = (
    '"""M."""\n\n\ndef f(a: int, b: int, c: int, d: int, e: int) -> None:\n    """F."""\n'
)
SIZE_ONLY = '[tool.acolyte-gates]\nselect = ["ACO1"]\n'


def project(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def check(cwd: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return run_cli(
        cwd, "check", "--no-cache", *args, stdin=None if stdin is None else stdin.encode()
    )


def test_a_named_excluded_folder_is_checked(tmp_path: Path) -> None:
    project(tmp_path, {"pyproject.toml": SIZE_ONLY, "build/gen.py": FIVE})
    assert check(tmp_path).stdout == ""
    done = check(tmp_path, "build")
    assert done.returncode == 1 and done.stdout.startswith("build/gen.py:1:1: ACO104")


def test_a_named_gitignored_folder_is_checked(tmp_path: Path) -> None:
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    project(tmp_path, {"pyproject.toml": SIZE_ONLY, ".gitignore": "vendor/\n", "vendor/v.py": FIVE})
    assert check(tmp_path, "vendor").stdout.startswith("vendor/v.py:1:1: ACO104")


def test_a_run_that_checks_no_file_says_so_on_stderr(tmp_path: Path) -> None:
    project(tmp_path, {"notes.txt": "no python here\n", "build/gen.py": FIVE})
    done = check(tmp_path, ".")
    assert (done.returncode, done.stdout) == (0, "")
    assert done.stderr == "acolyte-gates: warning: no Python files to check in .\n"


def test_a_symlink_loop_named_or_found_is_one_warning_each_and_counted(tmp_path: Path) -> None:
    project(tmp_path, {"pyproject.toml": SIZE_ONLY, "a.py": FIVE})
    (tmp_path / "loop.py").symlink_to("loop.py")
    found = check(tmp_path)
    assert found.returncode == 1 and found.stdout.startswith("a.py:1:1: ACO104")
    assert found.stderr == "acolyte-gates: warning: ./loop.py: symlink loop; skipped\n"
    counted = check(tmp_path, "--statistics").stdout.splitlines()[-1]
    assert counted == "1     in total: 1 error, 0 warnings in 1 of 1 file checked (1 entry skipped)"
    named = check(tmp_path, "loop.py", "a.py")
    assert named.returncode == 1 and "Traceback" not in named.stderr
    assert named.stderr == "acolyte-gates: warning: loop.py: symlink loop; skipped\n"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads folders whatever their mode")
def test_an_unreadable_folder_is_one_warning_and_the_rest_is_checked(tmp_path: Path) -> None:
    project(tmp_path, {"pyproject.toml": SIZE_ONLY, "a.py": FIVE, "locked/b.py": FIVE})
    (tmp_path / "locked").chmod(0)
    try:
        done = check(tmp_path)
    finally:
        (tmp_path / "locked").chmod(0o755)
    assert done.returncode == 1 and done.stdout.startswith("a.py:1:1: ACO104")
    assert done.stderr == (
        "acolyte-gates: warning: ./locked: cannot read it (Permission denied); skipped\n"
    )


def test_stdin_is_configured_and_named_by_stdin_filename(tmp_path: Path) -> None:
    config = '[tool.acolyte-gates]\nper-file-ignores = { "scripts/*" = ["ACO104"] }\n'
    project(tmp_path, {"pyproject.toml": config})
    outside = tmp_path.parent  # as an editor runs it: from anywhere, with the file's path
    ignored = check(outside, "-", "--stdin-filename", str(tmp_path / "scripts/x.py"), stdin=FIVE)
    assert "ACO104" not in ignored.stdout and "ACO201" in ignored.stdout
    shown = check(tmp_path, "-", "--stdin-filename", "src/x.py", stdin=ANNOTATED_FIVE)
    assert (shown.returncode, shown.stdout) == (
        1,
        "src/x.py:4:1: ACO104 function 'f' takes 5 parameters (limit 4; *args and **kwargs count)\n",
    )


def test_show_source_prints_the_line_and_a_caret_under_the_column(tmp_path: Path) -> None:
    project(
        tmp_path,
        {
            "pyproject.toml": SIZE_ONLY,
            "m.py": "class A:\n\tdef f(self, a, b, c, d, e):\n\t\tpass\n",
        },
    )
    done = check(tmp_path, "--show-source", "m.py")
    assert done.stdout == (
        "m.py:2:2: ACO104 method 'A.f' takes 5 parameters (limit 4; *args and **kwargs count)\n"
        "\tdef f(self, a, b, c, d, e):\n"
        "\t^\n"
    )


def _on_a_terminal(cwd: Path, *args: str, env: dict[str, str]) -> str:
    """What `check ARGS` writes to a pseudo-terminal."""
    leader, follower = pty.openpty()
    command = [sys.executable, "-m", "acolyte_gates", "check", "--no-cache", *args]
    environment = {**os.environ, "TERM": "xterm", **env}
    with subprocess.Popen(command, cwd=cwd, stdout=follower, env=environment) as process:
        os.close(follower)
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:  # the terminal closes when the process exits
                break
            if not chunk:
                break
            chunks.append(chunk)
        process.wait(timeout=60)
    os.close(leader)
    return b"".join(chunks).decode()


def test_colour_on_a_terminal_only_unless_asked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project(tmp_path, {"pyproject.toml": SIZE_ONLY, "m.py": FIVE})
    no_colour = {"NO_COLOR": ""}
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert "\x1b[" not in check(tmp_path).stdout  # not a terminal: never on auto
    assert "\x1b[" in check(tmp_path, "--color", "always").stdout
    assert "\x1b[31mACO104" in _on_a_terminal(tmp_path, env=no_colour)
    assert "\x1b[" not in _on_a_terminal(tmp_path, env={"NO_COLOR": "1"})
    assert "\x1b[" not in _on_a_terminal(tmp_path, "--color", "never", env=no_colour)


def test_output_file_receives_the_report(tmp_path: Path) -> None:
    project(tmp_path, {"pyproject.toml": SIZE_ONLY, "m.py": FIVE})
    done = check(tmp_path, "--output-file", "report.txt", "--color", "auto", "m.py")
    assert (done.returncode, done.stdout) == (1, "")
    assert (tmp_path / "report.txt").read_text(encoding="utf-8").startswith("m.py:1:1: ACO104")
    failed = check(tmp_path, "--output-file", "missing/report.txt", "m.py")
    assert failed.returncode == 2 and "cannot write the report" in failed.stderr


def test_quiet_count_and_extend_ignore(tmp_path: Path) -> None:
    project(tmp_path, {"a.py": FIVE, "b.py": FIVE, "c.py": '"""Clean."""\n'})
    assert check(tmp_path, "-q").stdout == "a.py\nb.py\n"
    assert check(tmp_path, "-qq").stdout == ""
    counted = check(tmp_path, "--count", "--select", "ACO104")
    assert counted.stdout.splitlines()[-1] == "2"
    left = check(tmp_path, "--select", "ACO104,ACO201", "--extend-ignore", "ACO201")
    assert {line.split()[1] for line in left.stdout.splitlines()} == {"ACO104"}


def test_limits_on_the_command_line_override_the_config(tmp_path: Path) -> None:
    project(tmp_path, {"pyproject.toml": SIZE_ONLY + "max-parameters = 6\n", "m.py": FIVE})
    assert check(tmp_path).returncode == 0
    done = check(tmp_path, "--max-parameters", "3")
    assert "takes 5 parameters (limit 3" in done.stdout


def test_exclude_and_extend_exclude_on_the_command_line(tmp_path: Path) -> None:
    files = {"pyproject.toml": SIZE_ONLY, "a.py": FIVE, "gen/g.py": FIVE, "build/b.py": FIVE}
    project(tmp_path, files)

    def paths(*args: str, cwd: Path = tmp_path) -> set[str]:
        return {line.split(":")[0] for line in check(cwd, *args).stdout.splitlines()}

    assert paths() == {"a.py", "gen/g.py"}
    assert paths("--extend-exclude", "gen") == {"a.py"}
    # --exclude replaces the defaults, as flake8's does: the root's build/ is walked again
    assert paths("--exclude", "gen") == {"a.py", "build/b.py"}
    # a glob with a '/' is relative to the current folder
    (tmp_path / "gen/sub").mkdir()
    (tmp_path / "gen/sub/s.py").write_text(FIVE, encoding="utf-8")
    assert paths("--extend-exclude", "sub/s.py", cwd=tmp_path / "gen") == {"g.py"}


def test_run_checks_a_named_excluded_folder_too(tmp_path: Path) -> None:
    project(tmp_path, {"pyproject.toml": SIZE_ONLY, "build/gen.py": FIVE})
    assert run_cli(tmp_path, "run", "--only", "aco").returncode == 0
    done = run_cli(tmp_path, "run", "--only", "aco", "build")
    assert done.returncode == 1 and "build/gen.py:1:1: ACO104" in done.stdout
