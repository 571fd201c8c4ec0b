"""The annotation and docstring rules' own docs: Example shows the code, Use instead does not."""

from __future__ import annotations

import pytest
from helpers import codes

from acolyte_gates.rules import annotations, docstrings
from acolyte_gates.rules.base import Rule

FAMILY_RULES = (*annotations.RULES, *docstrings.RULES)


def _codes_found(src: str, rule: Rule) -> list[str]:
    config = {key.replace("-", "_"): value for key, value in rule.docs.example_config}
    return [item.split(" ")[1] for item in codes(src, **config)]


@pytest.mark.parametrize("rule", FAMILY_RULES, ids=lambda rule: rule.code)
def test_example_produces_the_code_and_use_instead_does_not(rule: Rule) -> None:
    assert rule.code in _codes_found(rule.docs.example, rule)
    assert rule.code not in _codes_found(rule.docs.use_instead, rule)


@pytest.mark.parametrize("rule", FAMILY_RULES, ids=lambda rule: rule.code)
def test_docs_have_every_section(rule: Rule) -> None:
    assert rule.docs.what and rule.docs.why and rule.docs.options
