"""`hook run --fix` writing back: an edit saved while the gates run is never lost or overwritten.

The race is made deterministic with real tools: black fixes the snapshot first, then the lint
gate's flake8 runs through a wrapper that appends a line to the work-tree file (as a user saving
in an editor would) before it execs the real flake8.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from hooks.gitrepo import CLEAN, Repo

from acolyte_gates.atomic import TEMP_SUFFIX
from acolyte_gates.gates.process import find_tool
from acolyte_gates.hooks.writeback import JOURNAL

UNFORMATTED = CLEAN.replace("return a + b", "return a  +  b")
SAVED = "\n\nEXTRA = 1\n"


def tool_folder(tmp_path: Path, edit: str | None) -> Path:
    """Real black, and flake8 behind a wrapper that first appends SAVED to `edit` (if given)."""
    black, flake8 = find_tool("black"), find_tool("flake8")
    if black is None or flake8 is None:
        pytest.skip("black and flake8 are not installed (the gates extra)")
    folder = tmp_path / "tools"
    folder.mkdir()
    (folder / "black").symlink_to(black)
    append = f"printf '{SAVED}' >> '{edit}'\n" if edit else ""
    wrapper = folder / "flake8"
    wrapper.write_text(f'#!/bin/sh\n{append}exec "{flake8}" "$@"\n', encoding="utf-8")
    wrapper.chmod(wrapper.stat().st_mode | stat.S_IXUSR)
    return folder


def run_fix(repo: Repo, tools: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[int, str]:
    """`hook run --fix --gates format,lint` with the tools of `tools`."""
    monkeypatch.setenv("ACOLYTE_GATES_TOOL_PATH", str(tools))
    done = repo.cli("hook", "run", "--fix", "--gates", "format,lint")
    return done.returncode, done.stdout + done.stderr


def test_an_edit_saved_while_the_gates_run_is_kept_and_nothing_is_staged_for_it(
    git_repo: Repo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = git_repo.path / "mod.py"
    git_repo.stage("mod.py", UNFORMATTED)
    code, output = run_fix(git_repo, tool_folder(tmp_path, str(target)), monkeypatch)
    assert target.read_text() == UNFORMATTED + SAVED.replace("\\n", "\n")  # the edit survives
    assert git_repo.git("show", ":mod.py").stdout == UNFORMATTED  # the index as it was
    assert "mod.py changed in the work tree while the hook ran" in output
    assert "fixed and re-staged" not in output
    assert code == 1  # the staged version is not the fixed one that was checked
    assert not list(git_repo.path.glob("*" + TEMP_SUFFIX)) and not list(
        git_repo.path.glob(".*" + TEMP_SUFFIX)
    )


def test_without_an_edit_meanwhile_the_fix_is_written_and_staged(
    git_repo: Repo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    git_repo.stage("mod.py", UNFORMATTED)
    git_repo.stage("other.py", CLEAN)
    (git_repo.path / "mod.py").chmod(0o751)
    git_repo.git("add", "mod.py")
    code, output = run_fix(git_repo, tool_folder(tmp_path, None), monkeypatch)
    assert code == 0, output
    assert "fixed and re-staged mod.py" in output and "other.py" not in output
    assert (git_repo.path / "mod.py").read_text() == CLEAN
    assert git_repo.git("show", ":mod.py").stdout == CLEAN
    assert stat.S_IMODE((git_repo.path / "mod.py").stat().st_mode) == 0o751  # mode kept
    assert git_repo.git("ls-files", "-s", "mod.py").stdout.startswith("100755 ")
    assert git_repo.git("status", "--porcelain").stdout == "A  mod.py\nA  other.py\n"


def test_the_next_run_removes_temporary_files_a_killed_write_back_left(
    git_repo: Repo, tmp_path: Path
) -> None:
    git_repo.stage("pkg/mod.py", CLEAN)
    # What a write-back killed between creating its temporary file and renaming it leaves:
    # the journal naming the file being written, and the temporary file beside it.
    journal = git_repo.path / ".git" / JOURNAL
    journal.write_bytes(b"pkg/mod.py\0")
    stray = git_repo.path / "pkg" / f".mod.py.k3j9x{TEMP_SUFFIX}"
    stray.write_text("half a file", encoding="utf-8")
    foreign = git_repo.write("pkg/.notes.acolyte-tmp", "not ours: no file of that name is written")
    done = git_repo.cli("hook", "run", "--gates", "aco")
    assert done.returncode == 0, done.stdout + done.stderr
    assert not stray.exists() and not journal.exists()
    assert foreign.exists()
    assert "removed temporary files an interrupted run left by pkg/mod.py" in done.stdout


def test_a_symlinked_journal_entry_is_never_followed(git_repo: Repo, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    victim = outside / f".mod.py.k3j9x{TEMP_SUFFIX}"
    victim.write_text("keep me", encoding="utf-8")
    git_repo.stage("mod.py", CLEAN)
    os.symlink(victim, git_repo.path / f".mod.py.aaaa{TEMP_SUFFIX}")
    (git_repo.path / ".git" / JOURNAL).write_bytes(b"mod.py\0")
    assert git_repo.cli("hook", "run", "--gates", "aco").returncode == 0
    assert victim.read_text() == "keep me"
