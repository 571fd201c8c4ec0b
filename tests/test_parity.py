"""Parity: real `flake8 --select ACO` and `acolyte-gates check` report the same findings.

Both run on a copy of the test fixtures and examples/legacy-monolith, with the standard's
defaults and with changed limits (flake8 options or .flake8 against pyproject.toml).
Cross-file duplication is off: flake8 sees one file at a time (see ACO601's docs).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SOURCES = (REPO / "tests" / "fixtures", REPO / "examples" / "legacy-monolith")
CHANGED = {
    "max-function-lines": 12,
    "warn-function-lines": 8,
    "max-parameters": 2,
    "max-module-lines": 60,
    "warn-module-lines": 40,
    "max-class-lines": 30,
    "max-complexity": 3,
    "max-nesting": 2,
    "max-cognitive": 4,
}
Key = tuple[str, int, int, str]


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("parity")
    for source in SOURCES:
        if source.exists():
            shutil.copytree(
                source, root / source.name, ignore=shutil.ignore_patterns("__pycache__")
            )
    return root


def write_config(root: Path, limits: dict[str, int]) -> None:
    lines = ["[tool.acolyte-gates]", "duplicates-across-files = false"]
    lines += [f"{key} = {value}" for key, value in limits.items()]
    (root / "pyproject.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def flake8(root: Path, *options: str, cwd: Path | None = None) -> set[Key]:
    """flake8's ACO findings on `root`, run from `cwd` (default: `root` itself), paths from root."""
    target = "." if cwd is None else str(root.relative_to(cwd))
    done = subprocess.run(
        [sys.executable, "-m", "flake8", "--select", "ACO", *options, target],
        cwd=cwd or root,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode in (0, 1), done.stderr
    found = set()
    for line in done.stdout.splitlines():
        path, number, col, rest = line.split(":", 3)
        found.add(
            (
                os.path.relpath(cwd / path, root) if cwd else os.path.normpath(path),
                int(number),
                int(col),
                rest.split()[0],
            )
        )
    return found


def ours(root: Path, cwd: Path | None = None) -> set[Key]:
    """Our findings, less ACO001: flake8 reports its own E999 for a file that does not parse."""
    target = "." if cwd is None else str(root.relative_to(cwd))
    done = subprocess.run(
        [sys.executable, "-m", "acolyte_gates", "check", "--no-cache", "--format", "json"]
        + ["--select", "ACO", target],  # installed plugins' rules are compared in tests/plugins
        cwd=cwd or root,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode in (0, 1), done.stderr
    findings = json.loads(done.stdout)["findings"]
    return {
        (
            os.path.relpath(cwd / f["path"], root) if cwd else os.path.normpath(f["path"]),
            f["line"],
            f["col"],
            f["code"],
        )
        for f in findings
        if f["code"] != "ACO001"
    }


def test_same_findings_with_the_defaults(tree: Path) -> None:
    write_config(tree, {})
    expected = ours(tree)
    assert len({key[3] for key in expected}) >= 5  # the tree exercises many rules, not a few
    assert flake8(tree, "--isolated") == expected


def test_same_findings_with_flake8_options_and_pyproject_limits(tree: Path) -> None:
    write_config(tree, CHANGED)
    expected = ours(tree)
    write_config(tree, {})
    options = [f"--aco-{key}={value}" for key, value in CHANGED.items()]
    assert flake8(tree, "--isolated", *options) == expected


@pytest.mark.parametrize("config_name", [".flake8", "setup.cfg", "tox.ini"])
def test_same_findings_with_limits_in_a_flake8_config_file(tree: Path, config_name: str) -> None:
    write_config(tree, CHANGED)
    expected = ours(tree)
    write_config(tree, {})
    body = "[flake8]\n" + "".join(f"aco-{key} = {value}\n" for key, value in CHANGED.items())
    (tree / config_name).write_text(body, encoding="utf-8")
    try:
        assert flake8(tree) == expected
    finally:
        (tree / config_name).unlink()


def test_both_front_ends_read_the_checked_projects_pyproject_from_another_folder(
    tree: Path,
) -> None:
    write_config(tree, CHANGED)
    outside = tree.parent
    expected = ours(tree, cwd=outside)
    assert expected == ours(tree)  # the same settings wherever `check` is run from
    assert flake8(tree, cwd=outside) == expected


def test_flake8_isolated_reads_no_pyproject(tree: Path) -> None:
    write_config(tree, {})
    defaults = ours(tree)
    write_config(tree, CHANGED)
    assert ours(tree) != defaults  # the changed limits matter on this tree
    assert flake8(tree, "--isolated") == defaults


def test_a_file_we_cannot_parse_is_flake8s_e999(tree: Path) -> None:
    write_config(tree, {})
    done = subprocess.run(
        [sys.executable, "-m", "acolyte_gates", "check", "--no-cache", "--select", "ACO001", "."],
        cwd=tree,
        capture_output=True,
        text=True,
        timeout=300,
    )
    ours_001 = {os.path.normpath(line.split(":")[0]) for line in done.stdout.splitlines()}
    theirs = subprocess.run(
        [sys.executable, "-m", "flake8", "--isolated", "--select", "E999", "."],
        cwd=tree,
        capture_output=True,
        text=True,
        timeout=300,
    )
    theirs_999 = {os.path.normpath(line.split(":")[0]) for line in theirs.stdout.splitlines()}
    assert ours_001 == theirs_999 == {os.path.normpath("legacy-monolith/legacy_shop/py2_compat.py")}
