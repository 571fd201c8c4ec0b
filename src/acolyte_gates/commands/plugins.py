"""`acolyte-gates plugins`: what is registered, package by package, and what failed to load."""

from __future__ import annotations

import sys

from acolyte_gates.registry import LoadedPlugin, Registry, current


def _line(loaded: LoadedPlugin) -> str:
    """One plugin: its package, version and name, its rules and gates, then each option."""
    plugin = loaded.plugin
    parts = [f"{loaded.package} {loaded.version} [{plugin.name}]"]
    if plugin.rules:
        parts.append("rules: " + ", ".join(rule.code for rule in plugin.rules))
    if plugin.gates:
        parts.append("gates: " + ", ".join(gate.name for gate in plugin.gates))
    options = [
        f"    [tool.acolyte-gates.plugins.{plugin.name}] {o.key} = {_toml(o.default)}: {o.help}\n"
        for o in plugin.options
    ]
    return "  ".join(parts) + "\n" + "".join(options)


def _toml(value: object) -> str:
    """A default value as it is written in pyproject.toml."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, tuple):
        return "[" + ", ".join(_toml(item) for item in value) + "]"
    return f'"{value}"' if isinstance(value, str) else str(value)


def plugins_text(registry: Registry) -> str:
    """The listing: our own entry first, each plugin after it, then each failure."""
    lines = [_line(loaded) for loaded in registry.plugins]
    if len(registry.plugins) == 1:
        lines.append("no plugins installed\n")
    lines += [f"failed: {failure.message()}\n" for failure in registry.failures]
    return "".join(lines)


def run_plugins() -> int:
    """Print the listing; 1 when a plugin failed to load (so CI can insist on its plugins)."""
    registry = current()
    sys.stdout.write(plugins_text(registry))
    return 1 if registry.failures else 0
