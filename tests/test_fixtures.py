"""Every fixture under tests/fixtures gives exactly the codes its `# expect:` comments name.

A fixture about one rule family says so in a `# fixture-select: ACO1` line, so that the
codes of other families (missing docstrings, say) do not have to be listed in it.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from acolyte_gates import check_source
from acolyte_gates.config import Settings

FIXTURES = Path(__file__).parent / "fixtures"
EXPECT = re.compile(r"# expect: ([A-Z0-9, ]+)")
SELECT = re.compile(r"^# fixture-select: ([A-Z0-9, ]+)$", re.MULTILINE)
FIXTURE_SETTINGS = dataclasses.replace(
    Settings(), root=str(FIXTURES), duplicates_across_files=False
)


def expected_codes(text: str) -> set[tuple[int, str]]:
    """(line, code) for each `# expect: CODE, CODE` comment."""
    found: set[tuple[int, str]] = set()
    for number, line in enumerate(text.splitlines(), start=1):
        match = EXPECT.search(line)
        if match:
            found.update(
                (number, code.strip()) for code in match.group(1).split(",") if code.strip()
            )
    return found


def fixture_files() -> list[Path]:
    return sorted(FIXTURES.rglob("*.py"))


@pytest.mark.parametrize("path", fixture_files(), ids=lambda p: p.relative_to(FIXTURES).as_posix())
def test_fixture_findings_match_expect_comments(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    select = SELECT.search(text)
    settings = FIXTURE_SETTINGS
    if select:  # a fixture about one family names it, so other families' findings stay out
        settings = dataclasses.replace(
            settings, select=tuple(c.strip() for c in select.group(1).split(","))
        )
    actual = {(f.line, f.code) for f in check_source(text, str(path), settings)}
    expected = expected_codes(text)
    assert {"missing": sorted(expected - actual), "unexpected": sorted(actual - expected)} == {
        "missing": [],
        "unexpected": [],
    }
