"""`acolyte-gates rules` and `rule CODE`: the rule table and one rule's documentation."""

from __future__ import annotations

from acolyte_gates.errors import UsageError
from acolyte_gates.rules.base import Rule
from acolyte_gates.rules.registry import ALL_RULES, RULES_BY_CODE


def rules_table() -> str:
    """One line per rule: code, name, summary."""
    width = max(len(rule.name) for rule in ALL_RULES)
    return "".join(f"{rule.code}  {rule.name:<{width}}  {rule.summary}\n" for rule in ALL_RULES)


def _block(text: str) -> str:
    return "\n".join("    " + line if line else "" for line in text.rstrip("\n").split("\n"))


def rule_docs(rule: Rule) -> str:
    """A rule's documentation in the sections What it does / Why is this bad / Example / Options."""
    docs = rule.docs
    parts = [f"{rule.code} {rule.name} ({rule.severity.value})", "", rule.summary, ""]
    parts += ["## What it does", docs.what, "", "## Why is this bad", docs.why, ""]
    parts += ["## Example", "", _block(docs.example), ""]
    if docs.use_instead:
        parts += ["## Use instead", "", _block(docs.use_instead), ""]
    if docs.example_config:
        settings = ", ".join(f"{key} = {value!r}" for key, value in docs.example_config)
        parts += [f"(The examples are checked with {settings}.)", ""]
    parts += ["## Options", docs.options or "None.", ""]
    if docs.known_problems:
        parts += ["## Known problems", docs.known_problems, ""]
    return "\n".join(parts)


def find_rule(code: str) -> Rule:
    """The rule for a code or a name, with a clear error for anything else."""
    wanted = code.strip()
    rule = RULES_BY_CODE.get(wanted.upper()) or next((r for r in ALL_RULES if r.name == wanted), None)
    if rule is None:
        raise UsageError(f"no rule {code!r}; `acolyte-gates rules` lists them")
    return rule
