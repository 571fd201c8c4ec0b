"""Fixtures: a real git repository per test, and one with our hook installed."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hooks.gitrepo import SRC, Repo


@pytest.fixture
def git_repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Repo]:
    """A fresh repository on branch main, with this checkout's code on PYTHONPATH for the hook."""
    monkeypatch.setenv(
        "PYTHONPATH", os.pathsep.join(filter(None, [str(SRC), os.environ.get("PYTHONPATH")]))
    )
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(tmp_path / "gitconfig"))
    path = tmp_path / "repo"
    path.mkdir()
    repo = Repo(path)
    repo.git("init", "-q", "-b", "main")
    repo.git("config", "commit.gpgsign", "false")
    yield repo


@pytest.fixture
def hooked(git_repo: Repo) -> Repo:
    """A repository with one commit and our hook installed, running only the fast `aco` gate."""
    git_repo.stage("README.md", "a project\n")
    git_repo.git("commit", "-q", "-m", "start")
    done = git_repo.aco("hook", "install", "--gates", "aco")
    assert done.returncode == 0, done.stderr
    return git_repo
