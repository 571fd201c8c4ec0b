"""The real pre-commit framework runs our .pre-commit-hooks.yaml: a violation fails, clean passes.

pre-commit pip-installs this repository into its own environment (from PyPI for the
dependencies), so the test shares one PRE_COMMIT_HOME across the session: one install.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hooks.gitrepo import BAD, CLEAN, Repo

REPO_ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One pre-commit cache for the session, so the hook environment is built once."""
    return tmp_path_factory.mktemp("pre-commit-home")


def _pre_commit() -> str:
    found = shutil.which("pre-commit") or str(Path(sys.executable).with_name("pre-commit"))
    if not Path(found).exists():
        pytest.skip("the pre-commit framework is not installed")
    return found


def _head() -> str:
    """This repository's last commit: the pre-commit framework installs hooks from a commit."""
    done = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=REPO_ROOT, capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


def test_pre_commit_try_repo_fails_a_violation_and_passes_a_clean_file(
    git_repo: Repo, pre_commit_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PRE_COMMIT_HOME", str(pre_commit_home))
    command = [_pre_commit(), "try-repo", str(REPO_ROOT), "acolyte-gates-check"]
    git_repo.stage("bad.py", BAD)
    failed = subprocess.run(command, cwd=git_repo.path, capture_output=True, text=True, timeout=900)
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "bad.py:4:1: ACO104" in failed.stdout
    git_repo.stage("bad.py", CLEAN)
    passed = subprocess.run(command, cwd=git_repo.path, capture_output=True, text=True, timeout=900)
    assert passed.returncode == 0, passed.stdout + passed.stderr


def test_a_pre_commit_config_naming_this_repository_rejects_a_violating_commit(
    git_repo: Repo, pre_commit_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PRE_COMMIT_HOME", str(pre_commit_home))
    config = (
        f"repos:\n- repo: {REPO_ROOT}\n  rev: {_head()}\n" "  hooks:\n  - id: acolyte-gates-check\n"
    )
    git_repo.stage(".pre-commit-config.yaml", config)
    # --install-hooks builds the hook's environment now, not in a commit with a short timeout.
    install = [_pre_commit(), "install", "--install-hooks"]
    installed = subprocess.run(
        install, cwd=git_repo.path, capture_output=True, text=True, timeout=900
    )
    assert installed.returncode == 0, installed.stderr
    # Build the hook's environment (pip installs this repository and its dependencies) with
    # time to spare, so that the commits below are timed on the check alone.
    built = subprocess.run(
        [_pre_commit(), "install-hooks"],
        cwd=git_repo.path,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert built.returncode == 0, built.stdout + built.stderr
    git_repo.stage("bad.py", BAD)
    rejected = git_repo.commit()
    assert rejected.returncode == 1
    assert "bad.py:4:1: ACO104" in rejected.stdout + rejected.stderr
    git_repo.stage("bad.py", CLEAN)
    assert git_repo.commit().returncode == 0


def test_both_hook_ids_together_print_each_finding_once(
    git_repo: Repo, pre_commit_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # acolyte-gates-check runs the ACO rules; acolyte-gates-run the hook's other gates only.
    # With no additional dependencies both ids share one environment (the one the test above
    # builds); the hook's gates here, aco and lint, need none.
    monkeypatch.setenv("PRE_COMMIT_HOME", str(pre_commit_home))
    config = (
        f"repos:\n- repo: {REPO_ROOT}\n  rev: {_head()}\n  hooks:\n"
        "  - id: acolyte-gates-check\n"
        "  - id: acolyte-gates-run\n    additional_dependencies: []\n"
    )
    git_repo.stage(".pre-commit-config.yaml", config)
    git_repo.stage("pyproject.toml", '[tool.acolyte-gates.hook]\ngates = ["aco", "lint"]\n')
    git_repo.stage("bad.py", BAD + "\n\nimport os\n")  # ACO104; flake8's F401 and E402
    done = subprocess.run(
        [_pre_commit(), "run"], cwd=git_repo.path, capture_output=True, text=True, timeout=900
    )
    output = done.stdout + done.stderr
    assert done.returncode == 1, output
    assert output.count("bad.py:4:1: ACO104") == 1
    assert output.count("bad.py:9:1: F401") == 1
    assert "acolyte-gates: findings per gate: lint (flake8) 2" in output
