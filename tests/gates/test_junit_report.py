"""Failing tests read from pytest's JUnit XML report: node ids, lines and short reasons.

JUNIT is what pytest 9.2 wrote with `-o junit_family=xunit1` for the tests in the comments
(element texts trimmed to the lines the reader looks at).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from gates.contexts import document, run_ctx

from acolyte_gates.gates import coverage_gate
from acolyte_gates.gates.base import GateStatus
from acolyte_gates.gates.junit_report import FailedTest, node_id, parse_junit
from acolyte_gates.gates.process import ToolResult

JUNIT = """<?xml version="1.0" encoding="utf-8"?>
<testsuites name="pytest tests"><testsuite name="pytest" errors="1" failures="2" tests="4">
<!-- class TestGroup: def test_sum(self): assert 1 + 1 == 3    (line 5) -->
<testcase classname="tests.test_a.TestGroup" name="test_sum" file="tests/test_a.py" line="4">
<failure message="assert (1 + 1) == 3">E       assert (1 + 1) == 3</failure></testcase>
<!-- @pytest.mark.parametrize("x", [1.5]) def test_param(x): assert x == 0    (line 9) -->
<testcase classname="tests.test_a" name="test_param[1.5]" file="tests/test_a.py" line="8">
<failure message="assert 1.5 == 0&#10;+  where more is said">E   assert 1.5 == 0</failure>
</testcase>
<!-- def test_setup(broken): ... whose fixture raises RuntimeError("no database") -->
<testcase classname="tests.test_a" name="test_setup" file="tests/test_a.py" line="18">
<error message="failed on setup with &quot;RuntimeError: no database&quot;">...</error>
</testcase>
<testcase classname="tests.test_a" name="test_ok" file="tests/test_a.py" line="22" />
</testsuite></testsuites>
"""
# tests/test_b.py: `import nowhere_module`, which fails while pytest collects it.
COLLECTION_ERROR = """<testsuites><testsuite>
<testcase classname="" name="tests.test_b" file="tests/test_b.py">
<error message="collection failure">ImportError while importing test module 'tests/test_b.py'.
tests/test_b.py:1: in &lt;module&gt;
    import nowhere_module
E   ModuleNotFoundError: No module named 'nowhere_module'</error></testcase>
</testsuite></testsuites>"""


def test_each_failure_and_error_with_its_node_id_line_and_short_reason() -> None:
    assert parse_junit(JUNIT) == (
        FailedTest(
            "failure", "tests/test_a.py::TestGroup::test_sum", "tests/test_a.py", 5,
            "assert (1 + 1) == 3",
        ),
        FailedTest(
            "failure", "tests/test_a.py::test_param[1.5]", "tests/test_a.py", 9, "assert 1.5 == 0"
        ),
        FailedTest(
            "error", "tests/test_a.py::test_setup", "tests/test_a.py", 19,
            'failed on setup with "RuntimeError: no database"',
        ),
    )  # fmt: skip


def test_a_module_that_fails_to_collect_is_named_with_pytests_last_error_line() -> None:
    assert parse_junit(COLLECTION_ERROR) == (
        FailedTest(
            "error",
            "tests/test_b.py",
            "tests/test_b.py",
            1,
            "ModuleNotFoundError: No module named 'nowhere_module'",
        ),
    )


@pytest.mark.parametrize(
    ("path", "classname", "name", "node"),
    [
        ("tests/test_a.py", "tests.test_a.Outer.Inner", "test_x[a.b]", "tests/test_a.py::Outer::Inner::test_x[a.b]"),
        # a doctest: the name holds dots of its own
        ("src/pkg/utils.py", "src.pkg.utils", "pkg.utils.parse", "src/pkg/utils.py::pkg.utils.parse"),
        ("", "suite", "test_y", "suite::test_y"),
    ],
)  # fmt: skip
def test_node_ids_are_rebuilt_from_the_file_and_xunit_names(
    path: str, classname: str, name: str, node: str
) -> None:
    assert node_id(path, classname, name) == node


def test_text_that_is_not_xml_is_unreadable() -> None:
    assert parse_junit("FAILED tests/test_a.py::test_x") is None


def test_the_coverage_gate_lists_failing_tests_by_name_with_their_reason(tmp_path: Path) -> None:
    (tmp_path / "coverage.json").write_text(json.dumps(document({"a.py": (1, 1)})))
    (tmp_path / "junit.xml").write_text(JUNIT)
    verdict = coverage_gate.read(ToolResult(("pytest",), 1, "", "", 1.0), run_ctx(tmp_path))
    assert verdict.status is GateStatus.FAILED
    assert [(f.path, f.line, f.message) for f in verdict.findings] == [
        ("tests/test_a.py", 5, "test failed: tests/test_a.py::TestGroup::test_sum - assert (1 + 1) == 3"),
        ("tests/test_a.py", 9, "test failed: tests/test_a.py::test_param[1.5] - assert 1.5 == 0"),
        (
            "tests/test_a.py", 19,
            'error in test: tests/test_a.py::test_setup - failed on setup with "RuntimeError: no database"',
        ),
    ]  # fmt: skip


def test_collection_errors_fail_the_gate_with_the_modules_named(tmp_path: Path) -> None:
    (tmp_path / "junit.xml").write_text(COLLECTION_ERROR)
    interrupted = ToolResult(("pytest",), 2, "", "", 1.0)
    verdict = coverage_gate.read(interrupted, run_ctx(tmp_path))
    assert verdict.status is GateStatus.FAILED and "collecting" in verdict.detail
    assert [f.message for f in verdict.findings] == [
        "error in test: tests/test_b.py - ModuleNotFoundError: No module named 'nowhere_module'"
    ]
