"""Pure parts of the hook: mapping snapshot paths back, and finding a staged module's importers."""

from __future__ import annotations

from pathlib import Path

import pytest

from acolyte_gates.errors import UsageError
from acolyte_gates.findings import Finding
from acolyte_gates.hooks.git import git_env
from acolyte_gates.hooks.importers import imported_names, importers, module_names
from acolyte_gates.hooks.options import parse_gates
from acolyte_gates.hooks.staged import to_repo_finding, to_repo_path

ROOT = "/snapshots/acolyte-hook-x"


@pytest.mark.parametrize(
    ("reported", "expected"),
    [
        ("/snapshots/acolyte-hook-x/pkg/mod.py", "pkg/mod.py"),  # absolute inside the snapshot
        ("pkg/mod.py", "pkg/mod.py"),  # already relative to the snapshot root
        ("./-dash.py", "-dash.py"),  # a tool's ./ prefix dropped
        ("/elsewhere/mod.py", "/elsewhere/mod.py"),  # outside the snapshot: left as it is
    ],
)
def test_snapshot_paths_map_to_repository_paths(reported: str, expected: str) -> None:
    assert to_repo_path(reported, ROOT) == expected


def test_the_snapshot_folder_is_taken_out_of_messages_too() -> None:
    finding = Finding(
        f"{ROOT}/a.py", 3, 1, "types", f'Name "x" defined in {ROOT}/b.py', origin="types"
    )
    mapped = to_repo_finding(finding, ROOT)
    assert (mapped.path, mapped.message) == ("a.py", 'Name "x" defined in b.py')


def test_module_names_are_every_suffix_of_the_dotted_path() -> None:
    assert module_names("src/pkg/mod.py") == {"src.pkg.mod", "pkg.mod", "mod"}
    assert module_names("pkg/__init__.py") == {"pkg"}


def test_imported_names_resolve_relative_imports_against_the_file() -> None:
    text = "import a.b\nfrom . import sibling\nfrom ..up import thing\n"
    assert imported_names("pkg/sub/mod.py", text) == {
        "a",
        "a.b",  # import a.b binds both
        "pkg",
        "pkg.sub",
        "pkg.sub.sibling",  # from . in pkg/sub
        "pkg.up",
        "pkg.up.thing",  # from .. goes up to pkg
    }


def test_importers_are_the_modules_importing_a_staged_one() -> None:
    sources = {
        "src/pkg/user.py": "from pkg.core import helper\n",
        "src/pkg/other.py": "import json\n",
        "src/pkg/broken.py": "def (:\n",
    }
    assert importers(sources, ["src/pkg/core.py"]) == {"src/pkg/user.py"}


def test_a_module_nested_too_deeply_to_parse_imports_nothing_and_does_not_crash() -> None:
    # 10,000 chained additions: ast.parse raises RecursionError on this valid module.
    deep = "import a\nX = 1" + " + 1" * 10_000 + "\n"
    sources = {"deep.py": deep, "b.py": "import a\n"}
    assert importers(sources, ["a.py"]) == {"b.py"}


def test_gate_lists_are_checked_and_deduplicated() -> None:
    assert parse_gates("aco, format,aco") == ("aco", "format")
    with pytest.raises(UsageError, match="did you mean 'security'"):
        parse_gates("securty")


def test_a_relative_index_file_is_made_absolute_for_git(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # git may hand a hook GIT_INDEX_FILE relative to the folder the hook started in.
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_INDEX_FILE", ".git/index.lock")
    assert git_env()["GIT_INDEX_FILE"] == str(tmp_path / ".git" / "index.lock")
