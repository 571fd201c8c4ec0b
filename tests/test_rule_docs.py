"""The registry and the rule docs: unique codes, every section written, examples that run."""

from __future__ import annotations

import ast
import dataclasses
from pathlib import Path

import pytest

from acolyte_gates import check_source
from acolyte_gates.config.schema import apply_table
from acolyte_gates.config.settings import Settings
from acolyte_gates.rules.base import Rule
from acolyte_gates.rules.registry import BUILTIN_RULES as ALL_RULES

FIXTURES = Path(__file__).parent / "fixtures"


def rule_id(rule: Rule) -> str:
    return rule.code


def example_settings(rule: Rule) -> Settings:
    """Settings that select every code (the docs must show the rule at any level)."""
    base = dataclasses.replace(
        Settings(), select=("ACO",), extend_select=(rule.code,), per_file_ignores=()
    )
    return apply_table(base, dict(rule.docs.example_config), f"{rule.code} docs")


def test_codes_and_names_are_unique_and_well_formed() -> None:
    codes = [rule.code for rule in ALL_RULES]
    names = [rule.name for rule in ALL_RULES]
    assert len(set(codes)) == len(codes) and len(set(names)) == len(names)
    for rule in ALL_RULES:
        assert rule.code.startswith("ACO") and len(rule.code) == 6 and rule.code[3:].isdigit()
        assert rule.name == rule.name.lower() and " " not in rule.name


@pytest.mark.parametrize("rule", ALL_RULES, ids=rule_id)
def test_every_rule_documents_what_why_and_options(rule: Rule) -> None:
    assert rule.summary.endswith(".")
    assert len(rule.docs.what) > 40 and len(rule.docs.why) > 40
    assert rule.docs.example and rule.docs.use_instead


@pytest.mark.parametrize("rule", ALL_RULES, ids=rule_id)
def test_example_produces_the_code_and_use_instead_does_not(rule: Rule) -> None:
    settings = example_settings(rule)
    example = {f.code for f in check_source(rule.docs.example, "example.py", settings)}
    fixed = {f.code for f in check_source(rule.docs.use_instead, "example.py", settings)}
    assert rule.code in example
    assert rule.code not in fixed


@pytest.fixture(scope="module")
def legacy_codes() -> set[str]:
    """Codes the legacy-monolith example produces with its own settings."""
    from acolyte_gates import check_paths
    from acolyte_gates.config import load_settings

    root = Path(__file__).parent.parent / "examples" / "legacy-monolith"
    return {f.code for f in check_paths([str(root)], load_settings(root))}


@pytest.mark.parametrize("rule", ALL_RULES, ids=rule_id)
def test_every_rule_is_shown_by_a_fixture_and_by_the_legacy_example(
    rule: Rule, legacy_codes: set[str]
) -> None:
    expected = "".join(path.read_text(encoding="utf-8") for path in FIXTURES.rglob("*.py"))
    in_fixture = any(rule.code in line for line in expected.splitlines() if "# expect: " in line)
    assert in_fixture or rule.code in (
        "ACO001",
        "ACO101",
        "ACO111",
        "ACO102",
    )  # whole-file sizes: legacy only
    assert rule.code in legacy_codes


def test_every_visit_method_names_a_real_ast_class() -> None:
    source_root = Path(__file__).parent.parent / "src" / "acolyte_gates"
    for path in source_root.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef) and node.name.startswith("visit_"):
                assert hasattr(ast, node.name[len("visit_") :]), f"{path}: {node.name}"


def test_docs_rules_md_is_rendered_from_the_rules() -> None:
    from acolyte_gates.commands.rules import rules_markdown

    rendered = (Path(__file__).parent.parent / "docs" / "rules.md").read_text(encoding="utf-8")
    assert (
        rendered == rules_markdown()
    ), "run: acolyte-gates rules --format markdown > docs/rules.md"
