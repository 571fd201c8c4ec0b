"""Which files `check` walks into: Python files, minus default excludes, config excludes and .gitignore."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from acolyte_gates.config import load_settings
from acolyte_gates.config.schema import apply_table
from acolyte_gates.config.settings import Settings
from acolyte_gates.discovery import discover, kept_paths


def tree(root: Path, names: list[str]) -> None:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x = 1\n" if name.endswith(".py") else "", encoding="utf-8")


def found(root: Path, *paths: str) -> list[str]:
    settings = load_settings(root)
    files = discover([str(root / p) for p in paths] or [str(root)], settings).files
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


def skipped(root: Path, *paths: str) -> list[tuple[str, str]]:
    settings = load_settings(root)
    found = discover([str(root / p) for p in paths] or [str(root)], settings)
    return [(Path(s.path).relative_to(root).as_posix(), s.reason) for s in found.skipped]


def test_build_and_dist_are_excluded_only_at_the_project_root(tmp_path: Path) -> None:
    # pip keeps source in src/pip/_internal/operations/build/: only the root's build/ is output
    tree(
        tmp_path, ["pyproject.toml", "build/out.py", "dist/d.py", "pkg/build/m.py", "pkg/dist/n.py"]
    )
    assert found(tmp_path) == ["pkg/build/m.py", "pkg/dist/n.py"]


def test_a_named_excluded_folder_is_checked_with_its_content(tmp_path: Path) -> None:
    tree(tmp_path, ["pyproject.toml", "build/gen.py", "build/sub/more.py", ".venv/lib/x.py"])
    assert found(tmp_path, "build") == ["build/gen.py", "build/sub/more.py"]
    assert found(tmp_path, ".venv") == [".venv/lib/x.py"]


def test_a_named_gitignored_folder_is_checked_with_its_content(tmp_path: Path) -> None:
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    tree(tmp_path, ["vendor/lib.py", "vendor/deep/more.py", "src/a.py"])
    (tmp_path / ".gitignore").write_text("vendor/\n", encoding="utf-8")
    assert found(tmp_path) == ["src/a.py"]
    assert found(tmp_path, "vendor") == ["vendor/deep/more.py", "vendor/lib.py"]


def test_a_virtual_environment_is_skipped_whatever_its_name(tmp_path: Path) -> None:
    tree(tmp_path, ["app.py", "env/lib/python3.11/site.py", "py311/bin/tool.py", "tools/t.py"])
    for name in ("env", "py311"):
        (tmp_path / name / "pyvenv.cfg").write_text("home = /usr/bin\n", encoding="utf-8")
    assert found(tmp_path) == ["app.py", "tools/t.py"]
    # named explicitly, an environment is checked like any path
    assert found(tmp_path, "env") == ["env/lib/python3.11/site.py"]


def test_site_packages_and_node_modules_are_skipped(tmp_path: Path) -> None:
    tree(tmp_path, ["a.py", "lib/site-packages/dep.py", "web/node_modules/pkg/gyp.py"])
    assert found(tmp_path) == ["a.py"]


def test_a_negated_exclude_takes_a_folder_back(tmp_path: Path) -> None:
    tree(tmp_path, ["gen/a.py", "gen/keep/b.py"])
    (tmp_path / "pyproject.toml").write_text(
        '[tool.acolyte-gates]\nextend-exclude = ["gen/*", "!gen/keep/"]\n', encoding="utf-8"
    )
    assert found(tmp_path) == ["gen/keep/b.py"]


def test_symlink_loops_are_skipped_with_a_reason(tmp_path: Path) -> None:
    tree(tmp_path, ["a.py"])
    (tmp_path / "loop.py").symlink_to("loop.py")
    (tmp_path / "gone.py").symlink_to("missing.py")
    (tmp_path / "self").symlink_to(".")  # a folder link is not followed, so never loops
    assert found(tmp_path) == ["a.py"]
    assert skipped(tmp_path) == [("gone.py", "broken symlink"), ("loop.py", "symlink loop")]
    assert skipped(tmp_path, "loop.py") == [("loop.py", "symlink loop")]


def test_a_deep_tree_is_walked_without_recursion(tmp_path: Path) -> None:
    deep = Path(*["d"] * 600)  # deeper than a recursive walk could go at the default limit
    tree(tmp_path, [(deep / "x.py").as_posix()])
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(300)
    try:
        assert found(tmp_path) == [(deep / "x.py").as_posix()]
    finally:
        sys.setrecursionlimit(limit)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads folders whatever their mode")
def test_an_unreadable_folder_is_skipped_with_a_reason(tmp_path: Path) -> None:
    tree(tmp_path, ["a.py", "locked/b.py"])
    (tmp_path / "locked").chmod(0)
    try:
        assert found(tmp_path) == ["a.py"]
        assert skipped(tmp_path) == [("locked", "cannot read it (Permission denied)")]
    finally:
        (tmp_path / "locked").chmod(0o755)


@pytest.mark.parametrize(
    ("named", "kept"),
    [
        ((), ["pkg/build/m.py", "src/a.py"]),
        (("build",), ["build/out.py", "pkg/build/m.py", "src/a.py"]),
        (("build/out.py",), ["build/out.py", "pkg/build/m.py", "src/a.py"]),
        (("vendor",), ["pkg/build/m.py", "src/a.py", "vendor/x.py"]),
    ],
)
def test_git_listed_paths_are_tested_below_the_named_paths(
    named: tuple[str, ...], kept: list[str]
) -> None:
    settings = apply_table(Settings(root="/repo"), {"extend-exclude": ["vendor"]}, "<test>")
    staged = ["build/out.py", "pkg/build/m.py", "src/a.py", "vendor/x.py"]
    assert sorted(kept_paths(staged, settings, named)) == kept
