"""The cache trusts only what this user wrote, about exactly the bytes that were checked."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from helpers import FIVE_PARAMETERS

from acolyte_gates import checker
from acolyte_gates.cli import main
from acolyte_gates.gates.runner import GateStatus, RunRequest, run_gates
from acolyte_gates.userkey import key_folder, sign, user_key

FIVE = FIVE_PARAMETERS  # a.py of the cache_project fixture
ONE = "def f(a):\n    pass\n"


def forge_clean(cache_project: Path) -> None:
    """Rewrite the cache to claim every file has no findings, signed with the current key."""
    (path,) = (cache_project / ".acolyte_cache").glob("*.json")
    entries = json.loads(path.read_bytes().partition(b"\n")[2])
    payload = json.dumps({name: [[], None] for name in entries}).encode()
    key = user_key(key_folder())
    assert key is not None
    path.write_bytes(
        b"acolyte-gates-cache " + sign(key, path.name, payload).encode() + b"\n" + payload
    )


def aco_gate_status(root: Path) -> GateStatus:
    report = run_gates(RunRequest(str(root), gates=("aco",)))
    return next(gate for gate in report.gates if gate.name == "aco").status


@pytest.mark.parametrize("front_end", ["check", "aco gate"])
def test_a_cache_signed_by_another_user_is_not_trusted(
    cache_project: Path, front_end: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def passes() -> bool:
        if front_end == "check":
            return main(["check"]) == 0
        return aco_gate_status(cache_project) is GateStatus.PASSED

    # Someone else (their own key) checks the project and commits a cache claiming it is clean.
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache_project.parent / "their-cache"))
    main(["check"])
    forge_clean(cache_project)
    assert passes()  # their forged cache fools only them: the test can fail
    # This user, with a key of their own, finds the cache in the clone and ignores it.
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache_project.parent / "my-cache"))
    assert not passes()
    assert main(["check", "--no-cache"]) == 1


def test_a_tampered_cache_is_not_trusted(cache_project: Path) -> None:
    main(["check"])
    (path,) = (cache_project / ".acolyte_cache").glob("*.json")
    header, _, payload = path.read_bytes().partition(b"\n")
    entries = json.loads(payload)
    forged = json.dumps({name: [[], None] for name in entries}).encode()
    path.write_bytes(header + b"\n" + forged)  # the old signature over new content
    assert main(["check"]) == 1


def test_the_key_is_private_to_the_user_and_outside_the_project(cache_project: Path) -> None:
    main(["check"])
    key = key_folder() / "key"
    assert not key.is_relative_to(cache_project)
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    assert stat.S_IMODE(key.parent.stat().st_mode) == 0o700
    assert len(key.read_bytes()) == 32


@pytest.mark.parametrize("spoil", ["readable-by-others", "symlink", "short"])
def test_a_key_that_cannot_be_trusted_means_no_cache_not_an_error(
    cache_project: Path, tmp_path: Path, spoil: str, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = key_folder()
    folder.mkdir(parents=True)
    key = folder / "key"
    if spoil == "symlink":
        (tmp_path / "elsewhere").write_bytes(b"k" * 32)
        key.symlink_to(tmp_path / "elsewhere")
    else:
        key.write_bytes(b"k" * (32 if spoil == "readable-by-others" else 5))
        key.chmod(0o644 if spoil == "readable-by-others" else 0o600)
    assert main(["check"]) == 1
    assert main(["check"]) == 1
    assert capsys.readouterr().err == ""
    assert not list((cache_project / ".acolyte_cache").glob("*.json"))  # nothing it could sign


def test_a_file_edited_during_a_check_is_cached_under_the_bytes_that_were_checked(
    cache_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The user saves a.py (now clean) after the cache lookup read it and before it is checked.
    look_up = checker._from_cache

    def then_edit(*args: object) -> object:
        found = look_up(*args)  # type: ignore[arg-type]
        (cache_project / "a.py").write_text(ONE, encoding="utf-8")
        return found

    monkeypatch.setattr(checker, "_from_cache", then_edit)
    assert main(["check"]) == 0  # the new, clean content was what got checked
    monkeypatch.setattr(checker, "_from_cache", look_up)
    (cache_project / "a.py").write_text(FIVE, encoding="utf-8")  # the old content is back
    assert main(["check"]) == 1
    assert main(["check", "--no-cache"]) == 1


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_an_unwritable_key_folder_means_no_cache_not_an_error(
    cache_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = key_folder()
    folder.parent.mkdir(parents=True)
    folder.parent.chmod(0o500)
    try:
        assert main(["check"]) == 1
    finally:
        folder.parent.chmod(0o700)
    assert capsys.readouterr().err == ""
    assert not list((cache_project / ".acolyte_cache").glob("*.json"))
