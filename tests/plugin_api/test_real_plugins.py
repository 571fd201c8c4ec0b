"""The two plugins of plugins/, installed as a user installs them, seen by every front end.

They are made visible through a metadata folder on PYTHONPATH (what `pip install -e` leaves,
minus pip); the README's test command also installs them for real. vulture itself comes with
the test extras.
"""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from plugin_dists import PLUGINS, real_plugins, run_module

LIBRARY = '''"""A library module."""


def greet(name: str, seen: list[str] = []) -> dict:
    """Greet someone."""
    print("hello", name)
    return {}
'''
DEAD = '''"""A module with dead code."""
import os


def used() -> int:
    """Used below."""
    return 1


def unused() -> int:
    """Called by nobody."""
    return used()
'''


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return real_plugins(tmp_path_factory.mktemp("site"))


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "pyproject.toml").write_text("[tool.acolyte-gates]\n", encoding="utf-8")
    (tmp_path / "lib.py").write_text(LIBRARY, encoding="utf-8")
    (tmp_path / "dead.py").write_text(DEAD, encoding="utf-8")
    return tmp_path


def test_rules_lists_the_library_rules(project: Path, site: Path) -> None:
    listing = run_module(project, site, "acolyte_gates", "rules").stdout
    for code in ("ACL101", "ACL102", "ACL103"):
        assert re.search(rf"^{code}  [a-z-]+ +\S", listing, re.MULTILINE)
    plugins = run_module(project, site, "acolyte_gates", "plugins").stdout
    assert "acolyte-gates-vulture 0.1.0 [vulture]  gates: deadcode\n" in plugins


def test_check_reports_the_library_rules_in_json(project: Path, site: Path) -> None:
    done = run_module(
        project, site, "acolyte_gates", "check", "--format", "json", "--select", "ACL"
    )
    found = [
        (f["path"], f["line"], f["code"], f["severity"])
        for f in json.loads(done.stdout)["findings"]
    ]
    assert found == [
        ("lib.py", 4, "ACL103", "warning"),
        ("lib.py", 4, "ACL102", "error"),
        ("lib.py", 6, "ACL101", "error"),
    ]


def test_flake8_reports_the_library_rules(project: Path, site: Path) -> None:
    done = run_module(project, site, "flake8", "--select", "ACL", "lib.py")
    assert [line.split(" ")[0:2] for line in done.stdout.splitlines()] == [
        ["lib.py:4:1:", "ACL103"],
        ["lib.py:4:40:", "ACL102"],
        ["lib.py:6:5:", "ACL101"],
    ]


def test_the_deadcode_gate_runs_vulture(project: Path, site: Path) -> None:
    done = run_module(
        project, site, "acolyte_gates", "run", "--only", "deadcode", "--format", "json"
    )
    gate = next(g for g in json.loads(done.stdout)["gates"] if g["name"] == "deadcode")
    assert (done.returncode, gate["status"]) == (1, "failed")
    assert [(f["path"], f["line"], f["code"], f["message"]) for f in gate["findings"]] == [
        ("dead.py", 2, "V104", "unused import 'os' (90% confidence)"),
        ("dead.py", 10, "V103", "unused function 'unused' (60% confidence)"),
        ("lib.py", 4, "V103", "unused function 'greet' (60% confidence)"),
        ("lib.py", 4, "V107", "unused variable 'seen' (100% confidence)"),  # an unused argument
    ]


def test_min_confidence_is_a_plugin_option(project: Path, site: Path) -> None:
    (project / "pyproject.toml").write_text(
        "[tool.acolyte-gates.plugins.vulture]\nmin-confidence = 80\n", encoding="utf-8"
    )
    done = run_module(project, site, "acolyte_gates", "run", "--only", "deadcode")
    assert "dead.py:2:1: V104 unused import 'os'" in done.stdout and "V103" not in done.stdout


def test_the_projects_tool_vulture_table_is_honoured(project: Path, site: Path) -> None:
    (project / "whitelist.py").write_text("from dead import unused\nunused\n", encoding="utf-8")
    (project / "pyproject.toml").write_text(
        '[tool.vulture]\npaths = ["dead.py", "whitelist.py"]\nignore_names = ["os"]\n',
        encoding="utf-8",
    )
    done = run_module(project, site, "acolyte_gates", "run", "--only", "deadcode")
    assert done.returncode == 0, done.stdout


def imported_modules(path: Path) -> Iterator[tuple[int, str]]:
    """(line, module) of each import in a file."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            yield node.lineno, node.module or ""
        elif isinstance(node, ast.Import):
            yield from ((node.lineno, alias.name) for alias in node.names)


def test_plugins_import_only_the_public_api() -> None:
    """The design wall: plugin code imports acolyte_gates.api and nothing else of ours."""
    sources = list(PLUGINS.glob("*/src/**/*.py"))
    offenders = [
        f"{path.relative_to(PLUGINS)}:{line} {module}"
        for path in sources
        for line, module in imported_modules(path)
        if module.split(".")[0] == "acolyte_gates" and module != "acolyte_gates.api"
    ]
    assert len(sources) >= 8 and offenders == []
