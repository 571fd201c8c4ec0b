"""`hook install` and `hook uninstall` in real repositories: where the hook goes, foreign hooks."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from hooks.gitrepo import BAD, CLEAN, Repo

from acolyte_gates.hooks.install import MARKER, Existing, InstallRequest, hook_text, install_hook

FOREIGN = "#!/bin/sh\necho foreign hook ran\nexit 0\n"


def _foreign(repo: Repo, text: str = FOREIGN) -> Path:
    hook = repo.path / ".git" / "hooks" / "pre-commit"
    hook.parent.mkdir(parents=True, exist_ok=True)
    hook.write_text(text)
    hook.chmod(0o755)
    return hook


def test_install_writes_an_executable_shim_that_execs_the_installing_interpreter(
    git_repo: Repo,
) -> None:
    done = git_repo.aco("hook", "install")
    hook = git_repo.path / ".git" / "hooks" / "pre-commit"
    assert done.returncode == 0, done.stderr
    assert str(hook) in done.stdout
    assert os.access(hook, os.X_OK)
    text = hook.read_text()
    assert MARKER in text.splitlines()
    assert f"python={sys.executable}" in text
    assert 'exec "$python" -m acolyte_gates hook run "$@"' in text


def test_installing_twice_leaves_one_identical_hook(git_repo: Repo) -> None:
    git_repo.cli("hook", "install", "--gates", "aco")
    hooks = git_repo.path / ".git" / "hooks"
    first = (hooks / "pre-commit").read_text()
    assert git_repo.cli("hook", "install", "--gates", "aco").returncode == 0
    assert (hooks / "pre-commit").read_text() == first
    assert not (hooks / "pre-commit.local").exists()


def test_install_honours_core_hooks_path_and_git_runs_the_hook_from_there(git_repo: Repo) -> None:
    git_repo.git("config", "core.hooksPath", "githooks")
    assert git_repo.cli("hook", "install", "--gates", "aco").returncode == 0
    assert MARKER in (git_repo.path / "githooks" / "pre-commit").read_text()
    assert not (git_repo.path / ".git" / "hooks" / "pre-commit").exists()
    git_repo.stage("bad.py", BAD)
    assert git_repo.commit().returncode == 1


def test_install_from_a_linked_worktree_guards_commits_made_in_it(
    hooked: Repo, tmp_path: Path
) -> None:
    other = tmp_path / "other"
    hooked.git("worktree", "add", "-q", str(other))
    worktree = Repo(other)
    (hooked.path / ".git" / "hooks" / "pre-commit").unlink()
    assert worktree.cli("hook", "install", "--gates", "aco").returncode == 0
    # Linked worktrees share the main repository's hooks folder.
    assert MARKER in (hooked.path / ".git" / "hooks" / "pre-commit").read_text()
    worktree.stage("bad.py", BAD)
    assert worktree.commit().returncode == 1
    worktree.stage("bad.py", CLEAN)
    assert worktree.commit().returncode == 0


def test_a_foreign_hook_is_refused_and_left_untouched(git_repo: Repo) -> None:
    hook = _foreign(git_repo)
    done = git_repo.cli("hook", "install")
    assert done.returncode == 1
    assert "not acolyte-gates' hook" in done.stderr and "--chain" in done.stderr
    assert hook.read_text() == FOREIGN


def test_chain_keeps_the_foreign_hook_and_runs_it_first(hooked: Repo) -> None:
    hook = hooked.path / ".git" / "hooks" / "pre-commit"
    hook.unlink()
    _foreign(hooked, "#!/bin/sh\necho foreign hook ran\nexit 3\n")
    assert hooked.cli("hook", "install", "--chain", "--gates", "aco").returncode == 0
    hooked.stage("ok.py", CLEAN)
    done = hooked.commit()
    # The foreign hook fails (exit 3), so the commit stops before our check runs.
    assert done.returncode == 1
    assert "foreign hook ran" in done.stdout + done.stderr
    assert (hook.parent / "pre-commit.local").read_text().endswith("exit 3\n")


def test_reinstalling_a_chained_hook_keeps_the_chain(hooked: Repo) -> None:
    (hooked.path / ".git" / "hooks" / "pre-commit").unlink()
    _foreign(hooked)
    hooked.cli("hook", "install", "--chain", "--gates", "aco")
    hooked.cli("hook", "install", "--gates", "aco")
    hooked.stage("ok.py", CLEAN)
    done = hooked.commit()
    assert done.returncode == 0
    assert "foreign hook ran" in done.stdout + done.stderr


def test_force_moves_the_foreign_hook_aside_and_uninstall_restores_it(git_repo: Repo) -> None:
    hook = _foreign(git_repo)
    done = git_repo.cli("hook", "install", "--force")
    local = hook.parent / "pre-commit.local"
    assert done.returncode == 0
    assert str(local) in done.stdout
    assert local.read_text() == FOREIGN and MARKER in hook.read_text()
    undone = git_repo.cli("hook", "uninstall")
    assert undone.returncode == 0, undone.stderr
    assert hook.read_text() == FOREIGN
    assert not local.exists()


def test_uninstall_leaves_a_foreign_hook_alone(git_repo: Repo) -> None:
    hook = _foreign(git_repo)
    done = git_repo.cli("hook", "uninstall")
    assert done.returncode == 1
    assert hook.read_text() == FOREIGN


def test_uninstall_without_a_hook_is_a_no_op(git_repo: Repo) -> None:
    done = git_repo.cli("hook", "uninstall")
    assert done.returncode == 0
    assert "nothing to remove" in done.stdout


def test_the_shim_fails_closed_with_advice_when_no_interpreter_is_left(git_repo: Repo) -> None:
    request = InstallRequest(
        cwd=str(git_repo.path), existing=Existing.REFUSE, python="/nonexistent/bin/python"
    )
    assert install_hook(request).code == 0
    hook = git_repo.path / ".git" / "hooks" / "pre-commit"
    # /usr/bin:/bin has sh and git but no acolyte-gates, so neither way to run the check exists.
    done = subprocess.run(
        [str(hook)],
        cwd=git_repo.path,
        env={"PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1
    assert "/nonexistent/bin/python is gone" in done.stderr
    assert "git commit --no-verify" in done.stderr


def test_hook_text_quotes_the_interpreter_and_passes_the_gates() -> None:
    text = hook_text("/opt/my python/bin/python", ("format", "aco"), chain=False)
    assert "python='/opt/my python/bin/python'" in text
    assert 'hook run --gates format,aco "$@"' in text
    assert "pre-commit.local" not in text


def test_an_unknown_gate_is_a_usage_error(git_repo: Repo) -> None:
    done = git_repo.cli("hook", "install", "--gates", "aco,formt")
    assert done.returncode == 2
    assert "did you mean 'format'" in done.stderr


def test_a_dangling_symlink_named_pre_commit_is_a_foreign_hook_not_a_crash(
    git_repo: Repo, tmp_path: Path
) -> None:
    hook = git_repo.path / ".git" / "hooks" / "pre-commit"
    hook.parent.mkdir(parents=True, exist_ok=True)
    hook.symlink_to(tmp_path / "gone")
    done = git_repo.cli("hook", "install")
    assert (done.returncode, done.stderr.count("\n")) == (1, 1)
    assert "is not acolyte-gates' hook; left it alone" in done.stderr
    done = git_repo.cli("hook", "uninstall")
    assert (done.returncode, done.stderr.count("\n")) == (1, 1)
    assert git_repo.cli("hook", "install", "--force").returncode == 0
    assert (hook.parent / "pre-commit.local").is_symlink()  # the link itself moved aside
    assert MARKER in hook.read_text()


def test_a_folder_named_pre_commit_is_left_alone_by_install_and_uninstall(git_repo: Repo) -> None:
    hook = git_repo.path / ".git" / "hooks" / "pre-commit"
    hook.mkdir(parents=True)
    for args in (("install",), ("install", "--force"), ("install", "--chain"), ("uninstall",)):
        done = git_repo.cli("hook", *args)
        assert (done.returncode, done.stderr.count("\n")) == (1, 1), args
        assert "Traceback" not in done.stderr
    assert hook.is_dir() and not (hook.parent / "pre-commit.local").exists()
