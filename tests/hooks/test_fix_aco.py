"""`hook run --fix` makes the ACO fixes in the staged snapshot and re-stages the result."""

from __future__ import annotations

from hooks.gitrepo import Repo

UNANNOTATED = (
    '"""Mod."""\n\nSEEN: list[int] = []\n\n\n'
    'def keep(value: int):\n    """Keep it."""\n    SEEN.append(value)\n'
)


def test_hook_fix_adds_the_return_annotation_and_restages(git_repo: Repo) -> None:
    git_repo.stage("mod.py", UNANNOTATED)
    done = git_repo.cli("hook", "run", "--gates", "aco", "--fix")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "fixed and re-staged mod.py" in done.stdout
    fixed = UNANNOTATED.replace("int):", "int) -> None:")
    assert git_repo.git("show", ":mod.py").stdout == fixed
    assert (git_repo.path / "mod.py").read_text() == fixed


def test_hook_without_fix_reports_the_finding_and_touches_nothing(git_repo: Repo) -> None:
    git_repo.stage("mod.py", UNANNOTATED)
    done = git_repo.cli("hook", "run", "--gates", "aco")
    assert done.returncode == 1 and "ACO202" in done.stdout
    assert (git_repo.path / "mod.py").read_text() == UNANNOTATED
