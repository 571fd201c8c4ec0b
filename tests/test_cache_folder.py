"""The cache's folder is never reached through a symlink, and `cache clean` deletes only its own files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from acolyte_gates.cli import main

FIVE = "def f(a, b, c, d, e):\n    pass\n"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "proj"
    root.mkdir()
    (root / "pyproject.toml").write_text('[tool.acolyte-gates]\nselect = ["ACO1"]\n', "utf-8")
    (root / "a.py").write_text(FIVE, encoding="utf-8")
    monkeypatch.chdir(root)
    return root


@pytest.fixture
def victim(tmp_path: Path) -> Path:
    """A folder outside the project, with a file that must survive everything."""
    folder = tmp_path / "victim"
    folder.mkdir()
    (folder / "b.txt").write_text("precious\n", encoding="utf-8")
    return folder


def listing(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def test_cache_clean_refuses_a_symlinked_cache_folder_in_one_line(
    project: Path, victim: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / ".acolyte_cache").symlink_to(victim)
    (victim / "0123456789abcdef01234567.json").write_text("{}", encoding="utf-8")
    before = listing(victim)
    assert main(["cache", "clean", "."]) == 2
    assert listing(victim) == before
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and ".acolyte_cache is a symlink" in err


def test_check_neither_reads_nor_writes_through_a_symlinked_cache_folder(
    project: Path, victim: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / ".acolyte_cache").symlink_to(victim)
    before = listing(victim)
    assert main(["check"]) == 1
    assert main(["check"]) == 1
    assert listing(victim) == before
    assert capsys.readouterr().out.count("a.py:1:1: ACO104") == 2


def test_a_dangling_gitignore_symlink_is_not_written_through(project: Path, tmp_path: Path) -> None:
    (project / ".acolyte_cache").mkdir()
    outside = tmp_path / "outside.txt"
    (project / ".acolyte_cache" / ".gitignore").symlink_to(outside)
    assert main(["check"]) == 1
    assert not outside.exists()
    assert (project / ".acolyte_cache" / ".gitignore").is_symlink()


def test_a_symlinked_cache_file_is_neither_trusted_nor_written_through(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["check"])
    (cache_file,) = (project / ".acolyte_cache").glob("*.json")
    outside = tmp_path / "forged.json"
    outside.write_bytes(cache_file.read_bytes())
    cache_file.unlink()
    cache_file.symlink_to(outside)
    forged = outside.read_bytes()
    capsys.readouterr()
    assert main(["check"]) == 1
    assert "ACO104" in capsys.readouterr().out
    assert outside.read_bytes() == forged  # the link was replaced, its target not written
    assert not cache_file.is_symlink()


def test_a_file_named_like_the_cache_folder_means_no_cache_and_clean_says_so(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / ".acolyte_cache").write_text("mine\n", encoding="utf-8")
    assert main(["check"]) == 1
    assert (project / ".acolyte_cache").read_text() == "mine\n"
    assert main(["cache", "clean"]) == 2
    assert "is not a folder" in capsys.readouterr().err


def test_cache_clean_deletes_only_what_the_cache_wrote(
    project: Path, victim: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["check"])
    folder = project / ".acolyte_cache"
    (folder / "notes.txt").write_text("the user's\n", encoding="utf-8")
    (folder / "ffffffffffffffffffffffff.json").symlink_to(victim / "b.txt")
    capsys.readouterr()
    assert main(["cache", "clean"]) == 0
    assert sorted(path.name for path in folder.iterdir()) == [
        "ffffffffffffffffffffffff.json",
        "notes.txt",
    ]
    assert (victim / "b.txt").read_text() == "precious\n"
    out = capsys.readouterr().out
    assert "removed 2 cache file(s)" in out  # the fingerprint file and .gitignore
    assert "did not write: ffffffffffffffffffffffff.json, notes.txt" in out


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads and deletes whatever the modes say")
def test_an_unreadable_cache_folder_is_one_line_for_clean(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["check"])
    folder = project / ".acolyte_cache"
    folder.chmod(0o300)  # no listing
    try:
        assert main(["cache", "clean"]) == 2
    finally:
        folder.chmod(0o700)
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "cannot clean the cache" in err
