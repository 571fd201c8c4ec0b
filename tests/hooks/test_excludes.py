"""Which staged files the hook checks: the project's excludes, tested as a walk would test them."""

from __future__ import annotations

from hooks.gitrepo import BAD, Repo

ACO_ONLY = ("hook", "run", "--gates", "aco")


def test_a_staged_file_under_a_nested_build_folder_is_checked(git_repo: Repo) -> None:
    # build/ is excluded at the project root only: pkg/build/ is source, and was let through
    git_repo.stage("pkg/build/m.py", BAD)
    done = git_repo.cli(*ACO_ONLY)
    assert done.returncode == 1
    assert done.stdout.startswith("pkg/build/m.py:4:1: ACO104")


def test_a_staged_file_under_the_roots_build_folder_is_left_out(git_repo: Repo) -> None:
    git_repo.stage("build/generated.py", BAD)
    assert git_repo.cli(*ACO_ONLY).returncode == 0


def test_a_path_named_on_hook_run_is_checked_though_excluded(git_repo: Repo) -> None:
    git_repo.stage("pyproject.toml", '[tool.acolyte-gates]\nextend-exclude = ["legacy"]\n')
    git_repo.stage("legacy/old.py", BAD)
    assert git_repo.cli(*ACO_ONLY).returncode == 0
    done = git_repo.cli(*ACO_ONLY, "legacy")
    assert done.returncode == 1
    assert done.stdout.startswith("legacy/old.py:4:1: ACO104")
