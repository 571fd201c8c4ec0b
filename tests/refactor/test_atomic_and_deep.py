"""Writes as a transaction (all files or none), and libcst on very deep sources."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from acolyte_gates.config.settings import Settings
from acolyte_gates.refactor.atomic import FileWrite, write_files
from acolyte_gates.refactor.deep import run_deep
from acolyte_gates.refactor.fixes import FixRequest, fix_text
from acolyte_gates.refactor.refusal import Refused


def long_concatenation(parts: int) -> str:
    """A module whose one expression is an implicit concatenation of `parts` strings, as in
    the standard library's pydoc_data/topics.py, plus a function the fixer can annotate."""
    strings = "".join(f"    'part {n} '\n" for n in range(parts))
    return f"TEXT = (\n{strings})\n\n\ndef show(text: str):\n    print(text)\n"


def test_a_rewrite_keeps_the_mode_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "tool.py"
    target.write_text("old\n")
    os.chmod(target, 0o600)
    assert write_files([FileWrite(str(target), b"new\n", b"old\n")]) == ""
    assert target.read_bytes() == b"new\n"
    assert target.stat().st_mode & 0o777 == 0o600
    assert sorted(path.name for path in tmp_path.iterdir()) == ["tool.py"]


def test_a_symbolic_link_is_not_written_through(tmp_path: Path) -> None:
    real, link = tmp_path / "real.py", tmp_path / "link.py"
    real.write_text("x\n")
    link.symlink_to(real)
    assert write_files([FileWrite(str(link), b"y\n", b"x\n")]).endswith(
        "is a symbolic link; it is not written through"
    )
    assert real.read_text() == "x\n"


def test_a_failed_write_puts_back_the_files_already_written(tmp_path: Path) -> None:
    first, missing_folder = tmp_path / "a.py", tmp_path / "gone" / "b.py"
    first.write_text("a\n")
    reason = write_files(
        [FileWrite(str(first), b"A\n", b"a\n"), FileWrite(str(missing_folder), b"B\n", None)]
    )
    assert (
        reason.startswith(f"could not write {missing_folder}") and "nothing was changed" in reason
    )
    assert first.read_bytes() == b"a\n"


def test_nothing_is_written_when_a_new_file_appeared(tmp_path: Path) -> None:
    first, second = tmp_path / "a.py", tmp_path / "b.py"
    first.write_text("a\n")
    second.write_text("someone else's\n")
    reason = write_files(
        [FileWrite(str(first), b"A\n", b"a\n"), FileWrite(str(second), b"B\n", None)]
    )
    assert reason == f"{second} exists now; it was not there when the plan was made"
    assert first.read_text() == "a\n" and second.read_text() == "someone else's\n"


def test_new_files_are_removed_again_when_a_later_write_finds_a_changed_file(
    tmp_path: Path,
) -> None:
    new, old = tmp_path / "new.py", tmp_path / "old.py"
    old.write_text("changed by the user\n")
    reason = write_files(
        [FileWrite(str(new), b"N\n", None), FileWrite(str(old), b"O\n", b"as read\n")]
    )
    assert "changed on disk since it was read" in reason
    assert not new.exists() and old.read_text() == "changed by the user\n"


def test_a_long_implicit_concatenation_is_fixed_on_the_big_stack() -> None:
    src = long_concatenation(3000)
    result = fix_text(src, FixRequest("topics.py", "topics.py", Settings()))
    assert result.text == src.replace("str):", "str) -> None:")


def test_deeper_than_the_limit_is_refused_in_one_sentence() -> None:
    import libcst as cst
    from libcst.metadata import MetadataWrapper, PositionProvider

    src = long_concatenation(3000)

    def positions() -> object:
        return MetadataWrapper(cst.parse_module(src)).resolve(PositionProvider)

    with pytest.raises(Refused, match=r"^topics.py: nested too deeply for libcst"):
        run_deep(positions, "topics.py", limit=1000)


def test_errors_other_than_depth_reach_the_caller() -> None:
    def fail() -> None:
        raise KeyError("boom")

    with pytest.raises(KeyError):
        run_deep(fail, "x.py")
