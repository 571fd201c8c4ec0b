"""`acolyte-gates plugins`: what is registered, package by package, and what failed to load."""

from __future__ import annotations

import sys

from acolyte_gates.registry import LoadedPlugin, Registry, current


def _line(loaded: LoadedPlugin) -> str:
    """One plugin: its package and version, its name, then its rules and gates."""
    plugin = loaded.plugin
    parts = [f"{loaded.package} {loaded.version} [{plugin.name}]"]
    if plugin.rules:
        parts.append("rules: " + ", ".join(rule.code for rule in plugin.rules))
    if plugin.gates:
        parts.append("gates: " + ", ".join(gate.name for gate in plugin.gates))
    if plugin.options:
        parts.append("options: " + ", ".join(option.key for option in plugin.options))
    return "  ".join(parts) + "\n"


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
