"""Load one entry point into a Plugin, or say in one sentence why it cannot be loaded.

An entry point of `acolyte_gates.rules` may name a Plugin, a Rule or a sequence of rules;
one of `acolyte_gates.gates` a Plugin, a ToolGate or a sequence of gates. Whatever it names
is checked here for its shape (codes, names, types), before the registry looks for clashes.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable

from acolyte_gates.entrypoints import GATES_GROUP, RULES_GROUP, EntryPoint
from acolyte_gates.findings import Severity
from acolyte_gates.gates.base import InProcessGate, ToolGate
from acolyte_gates.plugin_spec import Plugin, PluginOption
from acolyte_gates.rules.base import Rule, RuleDocs

CODE = re.compile(r"^[A-Z]{1,3}[0-9]{1,3}$")
"""A rule code: flake8's shape, one to three capitals then digits (ACL101)."""
NAME = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
"""A rule, gate, option or plugin name: lower-case words joined by hyphens."""
_OPTION_TYPES = (bool, int, float, str, tuple)


class PluginRefused(Exception):
    """An entry point that cannot be registered; the message is the reason, one sentence."""


def import_object(value: str) -> object:
    """The object an entry point names (`module:attr.attr`), imported; PluginRefused on failure."""
    module_name, _, attributes = value.partition(":")
    try:
        found: object = importlib.import_module(module_name.strip())
        for attribute in filter(None, attributes.strip().split(".")):
            found = getattr(found, attribute)
    except Exception as error:  # a plugin's import may raise anything; it is reported, not raised
        raise PluginRefused(f"cannot import {value}: {type(error).__name__}: {error}") from error
    return found


def _check_rule(rule: object) -> Rule:
    """A well-formed Rule, or PluginRefused naming what is wrong with it."""
    if not isinstance(rule, Rule):
        raise PluginRefused(f"{rule!r} is not an acolyte_gates.api.Rule")
    problems = [
        (not CODE.match(rule.code), f"code {rule.code!r} is not 1-3 capitals and 1-3 digits"),
        (not NAME.match(rule.name), f"name {rule.name!r} is not lower-case-with-hyphens"),
        (not isinstance(rule.summary, str) or not rule.summary, "it has no summary"),
        (not isinstance(rule.docs, RuleDocs), "its docs are not a RuleDocs"),
        (not callable(rule.check), "its check is not callable"),
        (not isinstance(rule.severity, Severity), "its severity is not a Severity"),
    ]
    for wrong, reason in problems:
        if wrong:
            raise PluginRefused(f"rule {rule.code!r}: {reason}")
    return rule


def _check_gate(gate: object) -> ToolGate | InProcessGate:
    """A well-formed gate, or PluginRefused naming what is wrong with it."""
    if not isinstance(gate, (ToolGate, InProcessGate)):
        raise PluginRefused(f"{gate!r} is not an acolyte_gates.api.ToolGate")
    if not NAME.match(gate.name):
        raise PluginRefused(f"gate name {gate.name!r} is not lower-case-with-hyphens")
    if isinstance(gate, ToolGate) and not (gate.tool and callable(gate.build)):
        raise PluginRefused(f"gate {gate.name!r} has no tool or no argument builder")
    return gate


def _check_option(option: object) -> PluginOption:
    """A well-formed option declaration."""
    if not isinstance(option, PluginOption) or not NAME.match(option.key):
        raise PluginRefused(f"{option!r} is not a PluginOption with a lower-case-hyphen key")
    if not isinstance(option.default, _OPTION_TYPES):
        raise PluginRefused(
            f"option {option.key!r}: default must be a bool, int, float, str or tuple"
        )
    return option


def check_plugin(plugin: Plugin) -> Plugin:
    """A Plugin whose every rule, gate and option is well formed."""
    if not isinstance(plugin.name, str) or not NAME.match(plugin.name):
        raise PluginRefused(f"plugin name {plugin.name!r} is not lower-case-with-hyphens")
    return Plugin(
        plugin.name,
        tuple(_check_rule(rule) for rule in _sequence(plugin.rules)),
        tuple(_check_gate(gate) for gate in _sequence(plugin.gates)),
        tuple(_check_option(option) for option in _sequence(plugin.options)),
    )


def _sequence(value: object) -> tuple[object, ...]:
    if not isinstance(value, (tuple, list)):
        raise PluginRefused(f"expected a tuple, got {type(value).__name__}")
    return tuple(value)


def _bare_rules(name: str, items: tuple[object, ...]) -> Plugin:
    return Plugin(name, rules=tuple(_check_rule(item) for item in items))


def _bare_gates(name: str, items: tuple[object, ...]) -> Plugin:
    return Plugin(name, gates=tuple(_check_gate(item) for item in items))


_WRAPPERS: dict[str, tuple[type, Callable[[str, tuple[object, ...]], Plugin]]] = {
    RULES_GROUP: (Rule, _bare_rules),
    GATES_GROUP: (ToolGate, _bare_gates),
}


def as_plugin(entry: EntryPoint, found: object) -> Plugin:
    """What an entry point named, as a checked Plugin named after the entry point when bare."""
    if isinstance(found, Plugin):
        return check_plugin(found)
    kind, wrap = _WRAPPERS[entry.group]
    items = tuple(found) if isinstance(found, (tuple, list)) else (found,)
    if not items or not all(isinstance(item, kind) for item in items):
        raise PluginRefused(
            f"entry point {entry.name!r} names {type(found).__name__}, not a Plugin,"
            f" a {kind.__name__} or a sequence of them"
        )
    return check_plugin(wrap(entry.name, items))


def load_entry_point(entry: EntryPoint) -> Plugin:
    """Import an entry point's object and check it; PluginRefused says why it cannot be used."""
    return as_plugin(entry, import_object(entry.value))
