"""ACL101-ACL103 on small snippets, through acolyte-gates as an installed plugin."""

from __future__ import annotations

import os
import textwrap
from typing import Any

import pytest

from acolyte_gates import check_source
from acolyte_gates.config.schema import apply_table
from acolyte_gates.config.settings import Settings
from acolyte_gates.registry import current

INSTALL = "pip install -e plugins/acolyte-gates-library-rules (the README's test command does)"
if "library-rules" not in {loaded.plugin.name for loaded in current().plugins}:
    if os.environ.get("CI"):
        raise RuntimeError(f"the library-rules plugin is not installed: {INSTALL}")
    pytest.skip(f"the library-rules plugin is not installed: {INSTALL}", allow_module_level=True)

from acolyte_gates_library_rules import PLUGIN  # noqa: E402 - only once it is installed


def results(src: str, path: str = "pkg/mod.py", **plugin: Any) -> list[str]:
    """`line:col: CODE message` of the ACL findings on a dedented snippet."""
    table: dict[str, Any] = {"select": ["ACL"]}
    if plugin:
        table["plugins"] = {"library-rules": {k.replace("_", "-"): v for k, v in plugin.items()}}
    settings = apply_table(Settings(), table, "<test>")
    found = check_source(textwrap.dedent(src), path=path, settings=settings)
    return [f"{f.line}:{f.col}: {f.code} {f.message}" for f in found]


def codes(src: str, path: str = "pkg/mod.py", **plugin: Any) -> list[str]:
    return [" ".join(item.split(" ")[:2]) for item in results(src, path, **plugin)]


PRINTING = 'def main() -> None:\n    print("hi")\n'


@pytest.mark.parametrize(
    ("path", "src", "expected"),
    [
        ("pkg/mod.py", PRINTING, ["2:5: ACL101"]),  # a library module
        ("pkg/__main__.py", PRINTING, []),  # python -m pkg
        ("scripts/tool.py", PRINTING, []),  # a script folder, at any depth
        ("tools/bin/run.py", PRINTING, []),
        ("pkg/mod.py", PRINTING + 'if __name__ == "__main__":\n    main()\n', []),
        ("pkg/mod.py", PRINTING + 'if "__main__" == __name__:\n    main()\n', []),
        ("pkg/mod.py", "from rich import print\n\n" + PRINTING, []),  # not the built-in
        ("pkg/mod.py", "log = print\n", []),  # not a call
        ("pkg/mod.py", "import sys\nsys.stdout.write('x')\n", []),
    ],
)
def test_print_only_in_scripts(path: str, src: str, expected: list[str]) -> None:
    assert codes(src, path) == expected


def test_script_folders_is_an_option() -> None:
    assert codes(PRINTING, "tools/run.py", script_folders=["tools"]) == []
    assert codes(PRINTING, "scripts/run.py", script_folders=["tools"]) == ["2:5: ACL101"]


@pytest.mark.parametrize(
    ("src", "expected"),
    [
        ("def f(a=[]): ...", ["1:9: ACL102 mutable default for 'a': one list is shared"]),
        ("def f(a={}): ...", ["1:9: ACL102 mutable default for 'a': one dict is shared"]),
        ("def f(a, b={1}, *, c=set()): ...", ["1:12: ACL102", "1:22: ACL102"]),
        ("def f(a=collections.defaultdict(list)): ...", ["1:9: ACL102"]),
        ("async def f(*, a=[x for x in y]): ...", ["1:18: ACL102"]),
        ("g = lambda a=dict(): a", ["1:14: ACL102"]),
        ("def f(a, /, b=[]): ...", ["1:15: ACL102 mutable default for 'b'"]),
        ("def f(a=(), b=None, c=frozenset(), d=1): ...", []),
        ("def f(a=dict(x=1)): ...", []),  # a call with keywords may be a config object: left alone
    ],
)
def test_mutable_defaults(src: str, expected: list[str]) -> None:
    found = results(src)
    assert len(found) == len(expected)
    for item, wanted in zip(found, expected):
        assert item.startswith(wanted)


@pytest.mark.parametrize(
    ("src", "path", "expected"),
    [
        (
            "def load() -> dict: ...",
            "pkg/mod.py",
            ["1:1: ACL103 public function 'load' returns a bare dict"],
        ),
        (
            "def load() -> typing.Any: ...",
            "pkg/mod.py",
            ["1:1: ACL103 public function 'load' returns a bare Any"],
        ),
        ("def load() -> 'Dict': ...", "pkg/mod.py", ["1:1: ACL103"]),
        ("def load() -> Optional[Any]: ...", "pkg/mod.py", ["1:1: ACL103"]),
        ("def load() -> dict | None: ...", "pkg/mod.py", ["1:1: ACL103"]),
        ("class C:\n    def get(self) -> Any: ...", "pkg/mod.py", ["2:5: ACL103"]),
        ("def load() -> dict[str, int]: ...", "pkg/mod.py", []),
        ("def _load() -> dict: ...", "pkg/mod.py", []),  # private
        ("class _C:\n    def get(self) -> Any: ...", "pkg/mod.py", []),  # private class
        ("def f() -> None:\n    def g() -> dict: ...", "pkg/mod.py", []),  # nested, not API
        ("class C:\n    def __getattr__(self, n: str) -> Any: ...", "pkg/mod.py", []),  # dunder
        ("def load() -> dict: ...", "pkg/_impl.py", []),  # private module
        ("def load() -> dict: ...", "pkg/__init__.py", ["1:1: ACL103"]),
        (
            "@t.overload\ndef f(a: int) -> Any: ...\ndef f(a: object) -> Any: ...",
            "m.py",
            ["3:1: ACL103"],
        ),
    ],
)
def test_bare_returns_of_public_functions(src: str, path: str, expected: list[str]) -> None:
    found = results(src, path)
    assert len(found) == len(expected)
    for item, wanted in zip(found, expected):
        assert item.startswith(wanted)


def test_a_noqa_on_a_decorator_silences_acl103() -> None:
    assert codes("@cache  # noqa: ACL103\ndef load() -> dict: ...\n") == []


@pytest.mark.parametrize("rule", PLUGIN.rules, ids=lambda rule: rule.code)
def test_each_rules_example_shows_it_and_use_instead_does_not(rule: Any) -> None:
    assert rule.code in {item.split(" ")[1] for item in results(rule.docs.example, "example.py")}
    assert rule.code not in {
        item.split(" ")[1] for item in results(rule.docs.use_instead, "example.py")
    }
