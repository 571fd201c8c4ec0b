"""Commits through the installed hook: what is rejected, what goes through, and what is checked."""

from __future__ import annotations

import pytest
from hooks.gitrepo import BAD, CLEAN, Repo


def test_a_commit_with_a_violating_staged_file_is_rejected(hooked: Repo) -> None:
    hooked.stage("pkg/bad.py", BAD)
    done = hooked.commit()
    output = done.stdout + done.stderr
    assert done.returncode == 1
    # Repository path, not the snapshot's temporary folder; line 4 holds the five-parameter def.
    assert "pkg/bad.py:4:1: ACO104" in output
    assert "acolyte-hook-" not in output
    assert (
        output.rstrip()
        .splitlines()[-1]
        .startswith("Skip this check once with `git commit --no-verify`")
    )
    assert hooked.git("rev-list", "--count", "HEAD").stdout.strip() == "1"


def test_a_rejected_commit_leaves_the_staged_entries_and_the_work_tree_as_they_were(
    hooked: Repo,
) -> None:
    hooked.stage("bad.py", BAD)
    hooked.stage("ok.py", CLEAN)
    hooked.write("ok.py", BAD)  # partially staged: the unstaged edit must survive
    entries = hooked.git("ls-files", "--stage").stdout
    files = {name: (hooked.path / name).read_bytes() for name in ("bad.py", "ok.py", "README.md")}
    assert hooked.commit().returncode == 1
    assert hooked.git("ls-files", "--stage").stdout == entries
    assert {name: (hooked.path / name).read_bytes() for name in files} == files


def test_a_partially_staged_clean_version_is_committed_though_the_work_tree_fails(
    hooked: Repo,
) -> None:
    hooked.stage("mod.py", CLEAN)
    hooked.write("mod.py", BAD)
    done = hooked.commit()
    assert done.returncode == 0, done.stdout + done.stderr
    assert (hooked.path / "mod.py").read_text() == BAD


def test_a_commit_with_a_clean_staged_file_goes_through(hooked: Repo) -> None:
    hooked.stage("ok.py", CLEAN)
    done = hooked.commit()
    assert done.returncode == 0, done.stdout + done.stderr
    assert hooked.git("rev-list", "--count", "HEAD").stdout.strip() == "2"


def test_no_verify_skips_the_hook(hooked: Repo) -> None:
    hooked.stage("bad.py", BAD)
    assert hooked.commit("--no-verify").returncode == 0


@pytest.mark.parametrize("name", ["with space.py", "ünïcödé.py", "-dash.py"])
def test_awkward_file_names_are_checked_and_reported_by_name(hooked: Repo, name: str) -> None:
    hooked.write(name, BAD)
    hooked.git("add", "--", name)
    done = hooked.commit()
    assert done.returncode == 1
    assert f"{name}:4:1: ACO104" in done.stdout + done.stderr


def test_a_staged_deletion_is_not_checked(hooked: Repo) -> None:
    hooked.stage("bad.py", BAD)
    hooked.commit("--no-verify")
    hooked.git("rm", "-q", "--", "bad.py")
    done = hooked.commit()
    assert done.returncode == 0, done.stdout + done.stderr


def test_commit_all_checks_the_work_tree_content_it_is_about_to_commit(hooked: Repo) -> None:
    hooked.stage("mod.py", CLEAN)
    hooked.commit()
    hooked.write("mod.py", BAD)
    # Nothing is staged; `commit -a` builds a temporary index (GIT_INDEX_FILE) holding BAD.
    done = hooked.commit("-a")
    assert done.returncode == 1
    assert "mod.py:4:1: ACO104" in done.stdout + done.stderr


def test_commit_of_a_path_checks_that_path_and_not_the_rest_of_the_index(hooked: Repo) -> None:
    hooked.stage("other.py", BAD)
    hooked.write("mod.py", CLEAN)
    hooked.git("add", "-N", "--", "mod.py")
    # `commit mod.py` commits mod.py alone, from a temporary index without the staged BAD other.py.
    done = hooked.commit("--", "mod.py")
    assert done.returncode == 0, done.stdout + done.stderr
    hooked.write("mod.py", BAD)
    assert hooked.commit("--", "mod.py").returncode == 1


def _merge_in(repo: Repo, text: str) -> int:
    """Merge a branch adding feature.py with `text`, concluded by a hook-running `git commit`."""
    repo.git("switch", "-q", "-c", "feature")
    repo.stage("feature.py", text)
    repo.commit("--no-verify")
    repo.git("switch", "-q", "main")
    repo.stage("main.py", CLEAN)
    repo.commit()
    repo.git("merge", "-q", "--no-ff", "--no-commit", "feature")
    return repo.git("commit", "--no-edit", check=False).returncode


def test_a_merge_commit_bringing_a_violation_is_rejected(hooked: Repo) -> None:
    assert _merge_in(hooked, BAD) == 1


def test_a_clean_merge_commit_goes_through(hooked: Repo) -> None:
    assert _merge_in(hooked, CLEAN) == 0
    assert len(hooked.git("log", "-1", "--format=%P").stdout.split()) == 2
