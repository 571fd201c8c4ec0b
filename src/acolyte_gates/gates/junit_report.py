"""pytest's JUnit XML report as values: each failing or erroring test, by node id, with its reason.

The report is asked for in the xunit1 family, whose test cases carry `file` and `line`, so a
node id is rebuilt exactly: pytest writes `classname` as the file's dotted path followed by
the classes, and `name` as the test's own name.
"""

from __future__ import annotations

import re

# The XML is the one pytest wrote for this run into our private scratch folder.
import xml.etree.ElementTree as ElementTree  # nosec B405
from dataclasses import dataclass

# pytest's message for an error while collecting a module: the reason is in the element text.
_COLLECTION = "collection failure"
_ERROR_LINE = re.compile(r"^E\s+(?P<reason>\S.*)$", re.MULTILINE)


@dataclass(frozen=True)
class FailedTest:
    """One failing (`failure`) or erroring (`error`) test: node id, 1-based line, short reason."""

    kind: str
    node: str
    path: str
    line: int
    reason: str


def node_id(path: str, classname: str, name: str) -> str:
    """The pytest node id of a test case, from its file and xunit names."""
    if not path:
        return "::".join(part for part in (classname, name) if part)
    module = re.sub(r"\.py$", "", path).replace("/", ".")
    if classname == module:
        return f"{path}::{name}"
    if classname.startswith(module + "."):
        classes = classname[len(module) + 1 :].split(".")
        return "::".join((path, *classes, name))
    return path  # a module that failed to collect: pytest names it by its dotted path alone


def short_reason(message: str, text: str) -> str:
    """pytest's short reason: the message's first line; for a collection error, the last `E` line."""
    if message == _COLLECTION:
        errors = _ERROR_LINE.findall(text)
        return errors[-1].strip() if errors else message
    lines = [line.strip() for line in message.splitlines() if line.strip()]
    return lines[0] if lines else ""


def _problem(case: ElementTree.Element, outcome: ElementTree.Element) -> FailedTest:
    """One failure or error element of a test case as a value."""
    path = case.get("file", "")
    line = case.get("line", "")
    return FailedTest(
        outcome.tag,
        node_id(path, case.get("classname", ""), case.get("name", "")),
        path,
        int(line) + 1 if line.isdigit() else 1,  # xunit1 lines are 0-based
        short_reason(outcome.get("message", ""), outcome.text or ""),
    )


def parse_junit(text: str) -> tuple[FailedTest, ...] | None:
    """Every failure and error in a JUnit XML document, or None when it is not one."""
    try:
        root = ElementTree.fromstring(text)  # nosec B314 - see the import
    except ElementTree.ParseError:
        return None
    return tuple(
        _problem(case, outcome)
        for case in root.iter("testcase")
        for outcome in case
        if outcome.tag in ("failure", "error")
    )


def read_junit(path: str) -> tuple[FailedTest, ...] | None:
    """The problems in the report at `path`, or None when it is missing or unreadable."""
    try:
        with open(path, encoding="utf-8") as handle:
            return parse_junit(handle.read())
    except (OSError, UnicodeDecodeError):
        return None
