"""`hook run` by hand: the staged snapshot is what is checked; nothing in the repository changes."""

from __future__ import annotations

from pathlib import Path

from hooks.gitrepo import BAD, CLEAN, Repo

ACO_ONLY = ("hook", "run", "--gates", "aco")


def test_nothing_python_staged_exits_zero_at_once(git_repo: Repo) -> None:
    git_repo.stage("notes.txt", "not python\n")
    done = git_repo.cli(*ACO_ONLY)
    assert (done.returncode, done.stdout) == (0, "")


def test_a_clean_staged_version_passes_though_the_unstaged_edit_would_fail(git_repo: Repo) -> None:
    git_repo.stage("mod.py", CLEAN)
    git_repo.write("mod.py", BAD)
    assert git_repo.cli(*ACO_ONLY).returncode == 0


def test_a_violating_staged_version_fails_though_the_unstaged_edit_is_clean(git_repo: Repo) -> None:
    git_repo.stage("mod.py", BAD)
    git_repo.write("mod.py", CLEAN)
    done = git_repo.cli(*ACO_ONLY)
    assert done.returncode == 1
    assert "mod.py:4:1: ACO104" in done.stdout


def test_a_run_leaves_the_work_tree_and_index_byte_identical(git_repo: Repo) -> None:
    git_repo.stage("README.md", "a project\n")
    git_repo.git("commit", "-q", "-m", "start")
    git_repo.stage("bad.py", BAD)
    git_repo.stage("ok.py", CLEAN)
    git_repo.write("ok.py", BAD)
    git_repo.write("untracked.py", BAD)
    before = git_repo.state()
    assert git_repo.cli(*ACO_ONLY).returncode == 1
    assert git_repo.cli("hook", "run", "--gates", "aco", "--", "ok.py").returncode == 0
    assert git_repo.state() == before


def test_paths_limit_the_run_to_those_staged_files(git_repo: Repo) -> None:
    git_repo.stage("bad.py", BAD)
    git_repo.stage("ok.py", CLEAN)
    assert git_repo.cli("hook", "run", "--gates", "aco", "ok.py").returncode == 0


def test_fix_refuses_a_partially_staged_file_and_says_why(git_repo: Repo) -> None:
    git_repo.stage("mod.py", CLEAN)
    git_repo.write("mod.py", CLEAN + "\n\n\nx = 1\n")
    before = git_repo.state()
    done = git_repo.cli("hook", "run", "--gates", "aco", "--fix")
    assert done.returncode == 1
    assert "will not fix mod.py: unstaged changes" in done.stdout
    assert git_repo.state() == before


def test_the_hook_gates_come_from_the_staged_pyproject(git_repo: Repo) -> None:
    git_repo.stage("pyproject.toml", '[tool.acolyte-gates.hook]\ngates = ["aco"]\n')
    git_repo.stage("bad.py", BAD)
    # The work tree's pyproject names no real gate; the index's version is the one read.
    git_repo.write("pyproject.toml", '[tool.acolyte-gates.hook]\ngates = ["nonsense"]\n')
    done = git_repo.cli("hook", "run")
    assert done.returncode == 1
    assert "bad.py:4:1: ACO104" in done.stdout


def test_an_unknown_gate_in_the_config_is_a_usage_error(git_repo: Repo) -> None:
    git_repo.stage("pyproject.toml", '[tool.acolyte-gates.hook]\ngates = ["acoo"]\n')
    git_repo.stage("bad.py", BAD)
    done = git_repo.cli("hook", "run")
    assert done.returncode == 2
    assert "did you mean 'aco'" in done.stderr


def test_staged_files_under_excluded_folders_are_not_checked(git_repo: Repo) -> None:
    git_repo.stage("pyproject.toml", '[tool.acolyte-gates]\nextend-exclude = ["legacy"]\n')
    git_repo.stage("legacy/old.py", BAD)
    assert git_repo.cli(*ACO_ONLY).returncode == 0


def test_outside_a_repository_hook_run_is_a_usage_error(git_repo: Repo, tmp_path: Path) -> None:
    outside = tmp_path / "plain"
    outside.mkdir()
    done = Repo(outside).aco("hook", "run")
    assert done.returncode == 2
    assert "not inside a git work tree" in done.stderr


def test_paths_given_in_a_subfolder_are_relative_to_it_and_reported_from_the_top(
    git_repo: Repo,
) -> None:
    git_repo.stage("pkg/bad.py", BAD)
    git_repo.stage("bad.py", CLEAN)
    done = Repo(git_repo.path / "pkg").cli("hook", "run", "--gates", "aco", "bad.py")
    assert done.returncode == 1
    assert done.stdout.startswith("pkg/bad.py:4:1: ACO104")
