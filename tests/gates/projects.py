"""Small projects written into temporary folders, for running the real tools on."""

from __future__ import annotations

import textwrap
from pathlib import Path

PYPROJECT = """\
[tool.pytest.ini_options]
pythonpath = ["."]
"""

CLEAN: dict[str, str] = {
    "pyproject.toml": PYPROJECT,
    "app/__init__.py": '"""The app."""\n',
    "app/calc.py": '''\
        """Arithmetic."""


        def add(a: int, b: int) -> int:
            """The sum of a and b."""
            return a + b
        ''',
    "tests/test_calc.py": '''\
        """Tests of app.calc."""

        from app.calc import add


        def test_add() -> None:
            """Two and one make three."""
            assert add(2, 1) == 3
        ''',
}

# One file per gate, each failing that gate for one reason and (as far as can be) no other.
FAILING: dict[str, str] = {
    **CLEAN,
    "app/spread.py": '''\
        """Black joins the list onto one line."""

        VALUES = [1,
                  2]
        ''',
    "app/order.py": '''\
        """isort puts os before sys."""

        import sys
        import os

        NAMES = (os.sep, sys.platform)
        ''',
    "app/typed.py": '''\
        """mypy: a str returned where an int is promised."""


        def count() -> int:
            """Not a count at all."""
            return "three"
        ''',
    "app/params.py": '''\
        """ACO104: five parameters."""


        def five(a: int, b: int, c: int, d: int, e: int) -> int:
            """Just the first."""
            return a
        ''',
    "app/unused.py": '''\
        """flake8 F401: json is never used."""

        import json
        ''',
    "app/risky.py": '''\
        """bandit B307: eval of text."""


        def evaluate(text: str) -> object:
            """Whatever the text says."""
            return eval(text)
        ''',
    "tests/test_calc.py": '''\
        """A test that fails."""

        from app.calc import add


        def test_add() -> None:
            """Two and one do not make four."""
            assert add(2, 1) == 4
        ''',
}


def write_project(root: Path, files: dict[str, str]) -> Path:
    """Write each file (dedented) under root and return root."""
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


def coverage_module(run: int, never: int) -> str:
    """A module of two functions: `hit` with `run` statements in its body, `miss` with `never`.

    The tests call hit() only, so covered lines are run + 2 (both def lines run at import)
    out of run + never + 2 statements.
    """
    hit = "".join(f"    a{i} = {i}\n" for i in range(run))
    miss = "".join(f"    b{i} = {i}\n" for i in range(never))
    return f"def hit():\n{hit}\n\ndef miss():\n{miss}"


def coverage_project(run: int, never: int) -> dict[str, str]:
    """A project whose only measured module is coverage_module(run, never)."""
    return {
        "pyproject.toml": PYPROJECT + '\n[tool.acolyte-gates.run]\ncoverage-source = "app"\n',
        "app/__init__.py": "",
        "app/calc.py": coverage_module(run, never),
        "tests/test_calc.py": "from app.calc import hit\n\n\ndef test_hit():\n    hit()\n",
    }
