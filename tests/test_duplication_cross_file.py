"""ACO601 across files: the standalone checker compares every checked file with every other."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from helpers import settings

from acolyte_gates import check_paths, checker
from acolyte_gates.config.settings import Settings

# Six statements (three assignments, an `if` header, the assignment inside, the return) on
# lines 2-7 of a file whose first line is the `def`.
BLOCK = """\
def {name}({arg}):
    rows = read({arg})
    rows = clean(rows)
    total = len(rows)
    if total > 10:
        rows = rows[:10]
    return rows, total
"""


def _write(folder: Path, files: dict[str, str]) -> list[str]:
    for name, text in files.items():
        (folder / name).write_text(text)
    return [str(folder / name) for name in sorted(files)]


def _check(folder: Path, files: dict[str, str], **config: object) -> list[str]:
    paths = _write(folder, files)
    chosen: Settings = dataclasses.replace(settings(**config), root=str(folder), select=("ACO601",))
    found = check_paths(paths, chosen)
    return [
        f"{Path(f.path).name}:{f.line}: {f.message.replace(str(folder) + '/', '')}" for f in found
    ]


def test_a_block_copied_into_another_file_is_reported_in_both(tmp_path: Path) -> None:
    files = {
        "a.py": BLOCK.format(name="load", arg="path"),
        "b.py": BLOCK.format(name="fetch", arg="source"),
    }
    assert _check(tmp_path, files) == [
        "a.py:2: lines 2-7 duplicate b.py:2-7 (6 statements)",
        "b.py:2: lines 2-7 duplicate a.py:2-7 (6 statements)",
    ]


def test_duplicates_across_files_false_compares_each_file_alone(tmp_path: Path) -> None:
    files = {
        "a.py": BLOCK.format(name="load", arg="path"),
        "b.py": BLOCK.format(name="fetch", arg="source"),
    }
    assert _check(tmp_path, files, duplicates_across_files=False) == []


def test_different_code_in_another_file_is_not_reported(tmp_path: Path) -> None:
    other = BLOCK.format(name="fetch", arg="source").replace("clean(", "scrub(")
    assert _check(tmp_path, {"a.py": BLOCK.format(name="load", arg="path"), "b.py": other}) == []


def test_three_copies_in_three_files(tmp_path: Path) -> None:
    # each copy names the first copy in another file (files in path order)
    files = {name: BLOCK.format(name="f", arg="x") for name in ("a.py", "b.py", "c.py")}
    assert _check(tmp_path, files) == [
        "a.py:2: lines 2-7 duplicate b.py:2-7 (6 statements)",
        "b.py:2: lines 2-7 duplicate a.py:2-7 (6 statements)",
        "c.py:2: lines 2-7 duplicate a.py:2-7 (6 statements)",
    ]


def test_a_copy_within_a_file_is_left_to_the_file_rule(tmp_path: Path) -> None:
    # a.py holds two copies (lines 2-7 and 11-16): they name each other; b.py's copy names a.py's
    twice = BLOCK.format(name="one", arg="p") + "\n\n" + BLOCK.format(name="two", arg="q")
    files = {"a.py": twice, "b.py": BLOCK.format(name="three", arg="r")}
    assert _check(tmp_path, files) == [
        "a.py:2: lines 2-7 duplicate lines 11-16 (6 statements)",
        "a.py:11: lines 11-16 duplicate lines 2-7 (6 statements)",
        "b.py:2: lines 2-7 duplicate a.py:2-7 (6 statements)",
    ]


def test_noqa_silences_one_copy_across_files(tmp_path: Path) -> None:
    silenced = BLOCK.format(name="load", arg="path").replace(
        "rows = read(path)", "rows = read(path)  # noqa: ACO601"
    )
    files = {"a.py": silenced, "b.py": BLOCK.format(name="fetch", arg="source")}
    assert _check(tmp_path, files) == ["b.py:2: lines 2-7 duplicate a.py:2-7 (6 statements)"]


def test_a_file_the_rule_skips_takes_no_part(tmp_path: Path) -> None:
    # b.py ignores ACO601: it is not reported, and a.py is not reported against it
    files = {
        "a.py": BLOCK.format(name="load", arg="path"),
        "b.py": BLOCK.format(name="fetch", arg="source"),
    }
    assert _check(tmp_path, files, per_file_ignores={"b.py": ["ACO601"]}) == []


def test_zero_turns_cross_file_duplication_off(tmp_path: Path) -> None:
    files = {
        "a.py": BLOCK.format(name="load", arg="path"),
        "b.py": BLOCK.format(name="fetch", arg="source"),
    }
    assert _check(tmp_path, files, min_duplicate_lines=0) == []


def test_worker_processes_return_windows_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a pool for any size of run (this one is far below the threshold); only the first and
    # the last of twenty files hold the block
    monkeypatch.setattr(checker, "POOL_MIN_BYTES", 0)
    files = {f"m{index:02}.py": f"VALUE = {index}\n" for index in range(20)}
    files["m00.py"] = BLOCK.format(name="load", arg="path")
    files["m19.py"] = BLOCK.format(name="fetch", arg="source")
    assert _check(tmp_path, files) == [
        "m00.py:2: lines 2-7 duplicate m19.py:2-7 (6 statements)",
        "m19.py:2: lines 2-7 duplicate m00.py:2-7 (6 statements)",
    ]
