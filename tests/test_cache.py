"""The content cache: reuse unchanged files, recheck changed ones, survive broken cache files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from acolyte_gates.cli import main
from acolyte_gates.userkey import key_folder, sign, user_key

FIVE = "def f(a, b, c, d, e):\n    pass\n"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.acolyte-gates]\nselect = ["ACO1"]\n', encoding="utf-8"
    )
    (tmp_path / "a.py").write_text(FIVE, encoding="utf-8")
    (tmp_path / "b.py").write_text("x = 1\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def cache_files(root: Path) -> list[Path]:
    return sorted((root / ".acolyte_cache").glob("*.json"))


def read_entries(path: Path) -> object:
    """The JSON of a cache file, after its signature line."""
    return json.loads(path.read_bytes().partition(b"\n")[2])


def write_signed(path: Path, payload: bytes) -> None:
    """A cache file as acolyte-gates writes it, signed with this (test) user's key."""
    key = user_key(key_folder())
    assert key is not None
    signature = sign(key, path.name, payload).encode()
    path.write_bytes(b"acolyte-gates-cache " + signature + b"\n" + payload)


def test_first_run_writes_a_cache_with_its_own_gitignore(project: Path) -> None:
    assert main(["check"]) == 1
    assert (project / ".acolyte_cache" / ".gitignore").read_text().strip().endswith("*")
    entries = read_entries(cache_files(project)[0])
    assert isinstance(entries, dict) and len(entries) == 2  # one entry per checked file


def test_a_cached_result_is_the_same_result(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["check"])
    cold = capsys.readouterr().out
    main(["check"])
    assert capsys.readouterr().out == cold != ""


def test_a_changed_file_is_checked_again(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["check"])
    (project / "a.py").write_text("def f(a):\n    pass\n", encoding="utf-8")
    assert main(["check"]) == 0
    assert capsys.readouterr().out.count("ACO104") == 1  # only the first run's finding


def test_changed_settings_do_not_reuse_the_cache(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["check"])
    (project / "pyproject.toml").write_text(
        '[tool.acolyte-gates]\nselect = ["ACO1"]\nmax-parameters = 5\n', encoding="utf-8"
    )
    assert main(["check"]) == 0
    assert len(cache_files(project)) == 2  # a second fingerprint, the first untouched


GARBAGE = [
    "{not json",
    "[1, 2]",
    '{"k": "v"}',
    "[" * 1000 + "]" * 1000,  # deeper than the JSON reader recurses
    '{"k": [[1, 1, "ACO104", "m", "n", Infinity]]}',
    '{"k": [[1e400, 1, "ACO104", "m", "n", "error"]]}',
    '{"k": [[NaN, 1, "ACO104", "m", "n", "error"]]}',
]


@pytest.mark.parametrize("signed", [True, False], ids=["signed", "unsigned"])
@pytest.mark.parametrize("garbage", GARBAGE)
def test_a_broken_cache_file_is_ignored_and_rewritten_silently(
    project: Path, garbage: str, signed: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["check"])
    path = cache_files(project)[0]
    if signed:  # as if our own write had been corrupted: it is still not trusted blindly
        write_signed(path, garbage.encode())
    else:
        path.write_text(garbage, encoding="utf-8")
    capsys.readouterr()
    assert main(["check"]) == 1
    out, err = capsys.readouterr()
    assert out.count("ACO104") == 1 and err == ""
    entries = read_entries(path)
    assert isinstance(entries, dict) and len(entries) == 2


def test_a_malformed_entry_is_rechecked(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["check"])
    path = cache_files(project)[0]
    entries = read_entries(path)
    assert isinstance(entries, dict)
    write_signed(path, json.dumps({key: [["bad"]] for key in entries}).encode())
    capsys.readouterr()
    assert main(["check"]) == 1
    assert "a.py:1:1: ACO104" in capsys.readouterr().out


def test_no_cache_neither_reads_nor_writes(project: Path) -> None:
    assert main(["check", "--no-cache"]) == 1
    assert not (project / ".acolyte_cache").exists()


def test_cache_clean_removes_the_folder(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["check"])
    assert main(["cache", "clean"]) == 0
    assert not (project / ".acolyte_cache").exists()
    assert "removed 2 cache file(s)" in capsys.readouterr().out


def test_cross_file_duplicates_are_found_from_cached_files_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    block = (
        "    total = sum(values)\n    count = len(values)\n    mean = total / count\n"
        "    spread = max(values) - min(values)\n    print(mean, spread)\n    return mean + spread\n"
    )
    (tmp_path / "pyproject.toml").write_text(
        '[tool.acolyte-gates]\nselect = ["ACO601"]\n', encoding="utf-8"
    )
    for name in ("one.py", "two.py"):
        (tmp_path / name).write_text(f"def {name[:3]}(values):\n" + block, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    main(["check"])
    cold = capsys.readouterr().out
    (tmp_path / "one.py").write_text("def one(values):\n" + block, encoding="utf-8")  # same bytes
    main(["check"])
    warm = capsys.readouterr().out
    assert warm == cold and cold.count("ACO601") == 2  # one finding at each copy, from the cache


def test_windows_survive_the_cache_round_trip_and_garbage_is_refused() -> None:
    from acolyte_gates.duplication.windows import FileWindows, decode_windows, encode_windows

    found = FileWindows("a.py", 6, ((2**64 - 1, 0, 3, 5, 9), (17, 1, 4, 5, 10)), frozenset({3}))
    assert decode_windows("a.py", encode_windows(found)) == found
    for garbage in ([6, "not base64!", []], [6, "AAAA", []], [6, 7, []], "x", [6, "", ["x"]]):
        assert decode_windows("a.py", garbage) is None
