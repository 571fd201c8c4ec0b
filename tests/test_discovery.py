"""Which files `check` walks into: Python files, minus default excludes, config excludes and .gitignore."""

from __future__ import annotations

import subprocess
from pathlib import Path

from acolyte_gates.config import load_settings
from acolyte_gates.discovery import discover


def tree(root: Path, names: list[str]) -> None:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x = 1\n", encoding="utf-8")


def found(root: Path, *paths: str) -> list[str]:
    settings = load_settings(root)
    files = discover([str(root / p) for p in paths] or [str(root)], settings)
    return sorted(Path(f).relative_to(root).as_posix() for f in files)


def test_default_excludes_skip_environments_and_build_output(tmp_path: Path) -> None:
    tree(
        tmp_path,
        [
            "pkg/a.py",
            ".venv/lib/x.py",
            "venv/y.py",
            ".tox/z.py",
            "build/b.py",
            "dist/d.py",
            "pkg/__pycache__/c.py",
            ".git/hooks/h.py",
            "pkg/stub.pyi",
            "notes.txt",
        ],
    )
    assert found(tmp_path) == ["pkg/a.py", "pkg/stub.pyi"]


def test_gitignored_files_are_skipped_in_a_git_repository(tmp_path: Path) -> None:
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    tree(tmp_path, ["src/keep.py", "src/generated.py", "out/gen.py", "src/sub/local.py"])
    (tmp_path / ".gitignore").write_text("generated.py\nout/\n", encoding="utf-8")
    (tmp_path / "src" / "sub" / ".gitignore").write_text("local.py\n", encoding="utf-8")
    assert found(tmp_path) == ["src/keep.py"]
    # walking from a subfolder still honours the .gitignore above it
    assert found(tmp_path, "src") == ["src/keep.py"]


def test_a_path_named_explicitly_is_checked_even_if_excluded(tmp_path: Path) -> None:
    tree(tmp_path, ["build/gen.py"])
    assert found(tmp_path, "build/gen.py") == ["build/gen.py"]


def test_exclude_and_extend_exclude_from_configuration(tmp_path: Path) -> None:
    tree(tmp_path, ["src/a.py", "src/legacy/old.py", "migrations/0001.py"])
    (tmp_path / "pyproject.toml").write_text(
        '[tool.acolyte-gates]\nextend-exclude = ["migrations", "src/legacy/"]\n', encoding="utf-8"
    )
    assert found(tmp_path) == ["src/a.py"]


def test_each_file_is_listed_once(tmp_path: Path) -> None:
    tree(tmp_path, ["a.py"])
    assert found(tmp_path, ".", "a.py") == ["a.py"]
