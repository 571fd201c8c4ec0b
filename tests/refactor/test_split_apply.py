"""`split --apply` on real-sized modules: the package imports, every exported name is the same
object, the project's own tests still pass, and moved code is byte for byte what it was."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from refactor.splitcheck import exports, run_pytest

from acolyte_gates.cli import main

REPO = Path(__file__).resolve().parents[2]
BOOKSHOP = Path(__file__).parent / "samples" / "bookshop"
LEGACY = REPO / "examples" / "legacy-monolith"


def definition_texts(source: str) -> list[str]:
    """Each top-level def and class as written: decorators, docstring, comments inside."""
    lines = source.splitlines(keepends=True)
    tree = ast.parse(source)
    texts = []
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
            texts.append("".join(lines[first - 1 : node.end_lineno]))
    return texts


def new_modules(folder: Path, before: set[str]) -> list[Path]:
    return sorted(path for path in folder.glob("*.py") if path.name not in before)


@pytest.fixture(scope="module")
def bookshop(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """The bookshop sample copied, checked, split with --apply, and checked again."""
    root = tmp_path_factory.mktemp("bookshop") / "bookshop-project"
    shutil.copytree(BOOKSHOP, root)
    package = root / "bookshop"
    original = (package / "app.py").read_text()
    before_files = {path.name for path in package.glob("*.py")}
    before_tests = run_pytest(root)
    before_exports = exports(root, "bookshop.app")
    cwd = os.getcwd()
    os.chdir(root)
    try:
        code = main(["split", "bookshop/app.py", "--apply"])
    finally:
        os.chdir(cwd)
    created = new_modules(package, before_files)
    names = [f"bookshop.{path.stem}" for path in created]
    return {
        "root": root,
        "original": original,
        "code": code,
        "created": created,
        "before_tests": before_tests,
        "after_tests": run_pytest(root),
        "before": before_exports,
        "after": exports(root, "bookshop.app", *names),
    }


def test_bookshop_tests_pass_before_and_after_the_split(bookshop: dict[str, object]) -> None:
    before = bookshop["before_tests"]
    after = bookshop["after_tests"]
    assert isinstance(before, subprocess.CompletedProcess)
    assert isinstance(after, subprocess.CompletedProcess)
    assert before.returncode == 0, before.stdout
    assert bookshop["code"] == 0
    assert after.returncode == 0, after.stdout
    assert "15 passed" in after.stdout


def test_bookshop_exports_the_same_objects(bookshop: dict[str, object]) -> None:
    before, after = bookshop["before"], bookshop["after"]
    assert isinstance(before, dict) and isinstance(after, dict)
    assert after["names"] == before["names"]
    assert all(after["same"].values())


def test_bookshop_new_modules_are_under_the_soft_limit_and_the_old_one_is_thin(
    bookshop: dict[str, object],
) -> None:
    created = bookshop["created"]
    assert isinstance(created, list) and len(created) >= 4
    assert all(len(path.read_text().splitlines()) <= 250 for path in created)
    root = bookshop["root"]
    assert isinstance(root, Path)
    thin = (root / "bookshop" / "app.py").read_text()
    assert not [n for n in ast.parse(thin).body if isinstance(n, (ast.FunctionDef, ast.ClassDef))]
    assert 'if __name__ == "__main__":' in thin


def test_bookshop_moved_definitions_are_byte_for_byte_in_exactly_one_module(
    bookshop: dict[str, object],
) -> None:
    created = bookshop["created"]
    original = bookshop["original"]
    assert isinstance(created, list) and isinstance(original, str)
    texts = [path.read_text() for path in created]
    for definition in definition_texts(original):
        assert sum(definition in text for text in texts) == 1, definition.splitlines()[0]


def test_bookshop_new_modules_have_no_undefined_or_unused_names(
    bookshop: dict[str, object],
) -> None:
    root = bookshop["root"]
    assert isinstance(root, Path)
    result = subprocess.run(
        [sys.executable, "-m", "flake8", "--select", "F", "--isolated", str(root / "bookshop")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.stdout == ""


def test_legacy_monolith_split_keeps_every_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "legacy"
    shutil.copytree(LEGACY, root)
    before = exports(root, "legacy_shop.orders")
    monkeypatch.chdir(root)
    assert main(["split", "legacy_shop/orders.py", "--apply"]) == 0
    created = new_modules(
        root / "legacy_shop",
        {"__init__.py", "orders.py", "pricing.py", "py2_compat.py", "reports.py"},
    )
    after = exports(root, "legacy_shop.orders", *(f"legacy_shop.{p.stem}" for p in created))
    assert after["names"] == before["names"] and all(after["same"].values())
    assert "OrderManager" in before["names"] and "discount" in before["names"]
    assert [p.name for p in created] == ["orders_models.py", "orders_services.py"]
