"""The gates follow the project's own tool settings: real ruff, black, mypy and pytest.

Each project below is small and its expected findings plain: one file per reason.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from gates.conftest import MakeProject
from gates.test_run_real import found

from acolyte_gates.gates.process import find_tool
from acolyte_gates.gates.runner import RunReport, RunRequest, run_gates

pytestmark = pytest.mark.usefixtures("real_tools")

# 95 characters: over black's and flake8's default 88, within the projects' 100.
WIDE = (
    'VALUES = {"alpha": 1, "beta": 2, "gamma": 3, "delta": 4, "epsilon": 5, "zeta": 6, "eta": 7}\n'
)
SOURCES = {
    "app/__init__.py": "import os\n",  # unused, but ignored there by the ruff project
    "app/wide.py": WIDE,
    "app/spread.py": "VALUES = [1,\n          2]\n",  # every formatter joins it
    "app/unused.py": "import json\n",
    "app/order.py": "import sys\nimport os\n\nNAMES = (os.sep, sys.platform)\n",
}
RUFF_PROJECT = {
    **SOURCES,
    "pyproject.toml": """\
        [tool.ruff]
        line-length = 100
        fix = true  # a check must never apply it

        [tool.ruff.lint]
        select = ["E", "F", "I"]
        per-file-ignores = {"app/__init__.py" = ["F401"]}
        """,
    # a folder with its own ruff config that does not sort imports: ruff leaves it be
    "examples/demo/pyproject.toml": '[tool.ruff.lint]\nselect = ["F"]\n',
    "examples/demo/order.py": "import sys\nimport os\n\nNAMES = (os.sep, sys.platform)\n",
}
BLACK_PROJECT = {
    **SOURCES,
    "pyproject.toml": "[tool.black]\nline-length = 100\n",
    "setup.cfg": "[flake8]\nmax-line-length = 100\nper-file-ignores = app/__init__.py:F401\n",
}
STYLE_GATES = ("format", "imports", "lint")


def tools(report: RunReport) -> tuple[str, ...]:
    return tuple(gate.tool for gate in report.gates if gate.name in STYLE_GATES)


@pytest.fixture(autouse=True)
def ruff_installed() -> None:
    if find_tool("ruff") is None:
        pytest.skip("ruff is not installed (the gates extra)")


def contents(root: Path) -> dict[Path, bytes]:
    return {path: path.read_bytes() for path in root.rglob("*.py")}


def test_a_ruff_project_gets_ruff_gates_with_its_settings(make_project: MakeProject) -> None:
    root = make_project(RUFF_PROJECT)
    before = contents(root)
    report = run_gates(RunRequest(str(root), gates=STYLE_GATES))
    assert tools(report) == ("ruff", "ruff", "ruff")
    # line-length 100: the wide line stands; the per-file ignore keeps app/__init__.py quiet
    assert found(report, "format") == {("app/spread.py", "FMT001")}
    assert found(report, "lint") == {("app/unused.py", "F401")}
    # import order is the imports gate's alone, and not asked of examples/demo
    assert found(report, "imports") == {("app/order.py", "I001")}
    assert contents(root) == before  # `fix = true` in the project's config was not applied


def test_a_black_project_gets_black_isort_and_flake8_with_their_settings(
    make_project: MakeProject,
) -> None:
    report = run_gates(RunRequest(str(make_project(BLACK_PROJECT)), gates=STYLE_GATES))
    assert tools(report) == ("black", "isort", "flake8")
    assert found(report, "format") == {("app/spread.py", "FMT001")}
    assert found(report, "lint") == {("app/unused.py", "F401")}
    assert found(report, "imports") == {("app/order.py", "IMP001")}


def test_fix_with_ruff_sorts_and_formats_and_leaves_lint_alone(make_project: MakeProject) -> None:
    root = make_project(RUFF_PROJECT)
    report = run_gates(RunRequest(str(root), gates=STYLE_GATES, fix=True))
    assert found(report, "lint") == {("app/unused.py", "F401")}
    assert (root / "app/order.py").read_text().startswith("import os\nimport sys\n")
    assert (root / "app/spread.py").read_text() == "VALUES = [1, 2]\n"
    assert (root / "app/unused.py").read_text() == "import json\n"
    assert (root / "examples/demo/order.py").read_text().startswith("import sys\n")


TYPED_ERROR = 'def count() -> int:\n    return "three"\n'
UNTYPED = "def f(x):\n    return x\n"
# Two folders of examples, each with its own tests/conftest.py: mypy on every file stops at
# "Duplicate module named 'conftest'" and reports nothing else.
EXAMPLES = {
    "examples/one/tests/conftest.py": "",
    "examples/two/tests/conftest.py": "",
    "docs/conf.py": "project = 1\nproject = 'x'\n",
}


@pytest.mark.parametrize(
    ("mypy_config", "expected"),
    [
        # no config: the packages, --strict (the production level asks for it)
        ("", {("app/typed.py", "return-value"), ("app/loose.py", "no-untyped-def")}),
        # a config silent on strictness: --strict is added; its `files` are what is checked
        ('[tool.mypy]\nfiles = ["app"]\n', {("app/typed.py", "return-value"), ("app/loose.py", "no-untyped-def")}),
        # a config that decides strictness itself is left to decide
        ('[tool.mypy]\nfiles = ["app"]\nstrict = false\n', {("app/typed.py", "return-value")}),
    ],
    ids=["no-config", "config-silent", "strict-false"],
)  # fmt: skip
def test_mypy_checks_what_the_project_says_never_examples_or_docs(
    make_project: MakeProject, mypy_config: str, expected: set[tuple[str, str]]
) -> None:
    files = {
        **EXAMPLES,
        "app/__init__.py": "",
        "app/typed.py": TYPED_ERROR,
        "app/loose.py": UNTYPED,
        "pyproject.toml": mypy_config,
    }
    report = run_gates(RunRequest(str(make_project(files)), gates=("types",)))
    assert found(report, "types") == expected


def test_coverage_measures_the_src_package_not_the_tests(make_project: MakeProject) -> None:
    # shop: 4 statements, 3 run (75 %); the test file's 12 statements all run, and counted
    # with the package they would make 15 of 16 (93 %), over the production bar of 85
    test_lines = "".join(f"    assert {i} == {i}\n" for i in range(10))
    files = {
        "pyproject.toml": '[tool.pytest.ini_options]\npythonpath = ["src"]\n',
        "src/shop/__init__.py": "def used():\n    return 1\n\ndef unused():\n    return 2\n",
        "tests/test_shop.py": f"from shop import used\n\ndef test_used():\n{test_lines}    used()\n",
    }
    report = run_gates(RunRequest(str(make_project(files)), gates=("coverage",)))
    [coverage] = [gate for gate in report.gates if gate.name == "coverage"]
    assert "total coverage 75.00% below the bar of 85%; measured: shop" == coverage.detail
    assert found(report, "coverage") == {("src/shop/__init__.py", "COV001")}


def test_failing_tests_are_listed_by_name_with_pytests_reason(make_project: MakeProject) -> None:
    files = {
        "pyproject.toml": '[tool.pytest.ini_options]\npythonpath = ["."]\n',
        "app/__init__.py": "def add(a, b):\n    return a + b\n",
        "tests/test_add.py": (
            "from app import add\n\n\nclass TestAdd:\n"
            "    def test_sum(self):\n        assert add(2, 1) == 4\n"
        ),
    }
    report = run_gates(RunRequest(str(make_project(files)), gates=("coverage",)))
    [failure] = [
        f for g in report.gates if g.name == "coverage" for f in g.findings if f.code == "COV003"
    ]
    assert (failure.path, failure.line) == ("tests/test_add.py", 5)
    assert failure.message == ("test failed: tests/test_add.py::TestAdd::test_sum - assert 3 == 4")
