"""The one registry of rules and gates: ours and the plugins', registered through one door.

Loaded once per process, on first use. Our own rules and gates are registered first, by
the same `_Builder.add` that registers each plugin found under the entry point groups
`acolyte_gates.rules` and `acolyte_gates.gates`, so they meet the same checks. A plugin
that cannot be loaded (import error, malformed declaration, a code, name or gate that
clashes with one already registered) is left out and kept as a failure with its reason.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, cached_property

from acolyte_gates import __version__
from acolyte_gates.entrypoints import EntryPoint, installed
from acolyte_gates.gates.base import Gate
from acolyte_gates.plugin_load import PluginRefused, check_plugin, load_entry_point
from acolyte_gates.plugin_spec import OptionValues, Plugin, PluginOption
from acolyte_gates.rules.base import Rule

OWN_PACKAGE = "acolyte-gates"
OWN_PREFIX = "ACO"


@dataclass(frozen=True)
class LoadedPlugin:
    """A registered plugin and the package that brought it."""

    package: str
    version: str
    plugin: Plugin

    @property
    def builtin(self) -> bool:
        """Whether these are acolyte-gates' own rules and gates."""
        return self.package == OWN_PACKAGE


@dataclass(frozen=True)
class PluginFailure:
    """An entry point left out, and why, in one sentence."""

    package: str
    version: str
    entry: str
    reason: str

    def message(self) -> str:
        """The line printed once on stderr."""
        return f"plugin {self.package} {self.version} not loaded ({self.entry}): {self.reason}"


@dataclass(frozen=True)
class Registry:
    """Every registered plugin, ours first, and the entry points that failed."""

    plugins: tuple[LoadedPlugin, ...]
    failures: tuple[PluginFailure, ...] = ()

    @cached_property
    def rules(self) -> tuple[Rule, ...]:
        """Every rule, ours first."""
        return tuple(rule for loaded in self.plugins for rule in loaded.plugin.rules)

    @cached_property
    def rules_by_code(self) -> dict[str, Rule]:
        """Each rule by its code."""
        return {rule.code: rule for rule in self.rules}

    @cached_property
    def codes(self) -> tuple[str, ...]:
        """Every known rule code, ours and the loaded plugins'."""
        return tuple(self.rules_by_code)

    @cached_property
    def gates(self) -> tuple[Gate, ...]:
        """Every gate in report order: ours, then the plugins' in the order they loaded."""
        return tuple(gate for loaded in self.plugins for gate in loaded.plugin.gates)

    @cached_property
    def gates_by_name(self) -> dict[str, Gate]:
        """Each gate by its name."""
        return {gate.name: gate for gate in self.gates}

    def rules_of(self, name: str) -> tuple[Rule, ...]:
        """The rules of the plugin called `name` (ours: "acolyte-gates")."""
        return tuple(r for p in self.plugins if p.plugin.name == name for r in p.plugin.rules)

    def options_declared(self, name: str) -> Plugin | None:
        """A plugin's declared options, merged over its entry points; None when not loaded."""
        found = [p.plugin for p in self.plugins if p.plugin.name == name]
        if not found:
            return None
        options: tuple[PluginOption, ...] = tuple(o for p in found for o in p.options)
        return Plugin(name, options=options)


@dataclass
class _Builder:
    """Registers plugins one by one, refusing any that clashes with what is already in."""

    plugins: list[LoadedPlugin] = field(default_factory=list)
    failures: list[PluginFailure] = field(default_factory=list)

    def add(self, package: str, version: str, plugin: Plugin) -> None:
        """Register a checked plugin; PluginRefused when it clashes with one registered before."""
        plugin = check_plugin(plugin)
        for problem in self._clashes(package, plugin):
            raise PluginRefused(problem)
        self.plugins.append(LoadedPlugin(package, version, plugin))

    def _clashes(self, package: str, plugin: Plugin) -> list[str]:
        """Why this plugin cannot join the ones registered so far (empty when it can)."""
        problems = [] if package == OWN_PACKAGE else _own_prefix_taken(plugin)
        taken = self._taken_names()
        wanted = [f"code {rule.code}" for rule in plugin.rules]
        wanted += [f"rule name {rule.name!r}" for rule in plugin.rules]
        wanted += [f"gate {gate.name!r}" for gate in plugin.gates]
        problems += [f"{what} clashes with {taken[what]}" for what in wanted if what in taken]
        other = taken.get(f"plugin name {plugin.name!r}")
        if other is not None and other != package:
            problems.append(f"plugin name {plugin.name!r} clashes with {other}")
        return problems

    def _taken_names(self) -> dict[str, str]:
        """Each code, rule name, gate name and plugin name registered, and whose it is."""
        taken: dict[str, str] = {}
        for loaded in self.plugins:
            owner = "a built-in" if loaded.builtin else loaded.package
            plugin = loaded.plugin
            taken[f"plugin name {plugin.name!r}"] = loaded.package
            taken.update((f"code {rule.code}", owner) for rule in plugin.rules)
            taken.update((f"rule name {rule.name!r}", owner) for rule in plugin.rules)
            taken.update((f"gate {gate.name!r}", owner) for gate in plugin.gates)
        return taken


def _own_prefix_taken(plugin: Plugin) -> list[str]:
    """A plugin's codes in our own ACO family, which no plugin may use."""
    return [
        f"code {rule.code} uses the prefix {OWN_PREFIX}, kept for acolyte-gates' own rules"
        for rule in plugin.rules
        if rule.code.startswith(OWN_PREFIX)
    ]


def _own_plugin() -> Plugin:
    """Our own rules and gates, imported only when a registry is built."""
    from acolyte_gates.gates.registry import BUILTIN_GATES
    from acolyte_gates.rules.registry import BUILTIN_RULES

    return Plugin(OWN_PACKAGE, BUILTIN_RULES, BUILTIN_GATES)


def build(
    entries: tuple[EntryPoint, ...], load: Callable[[EntryPoint], Plugin] = load_entry_point
) -> Registry:
    """The registry of our rules and gates plus each entry point's plugin that loads and fits."""
    builder = _Builder()
    builder.add(OWN_PACKAGE, __version__, _own_plugin())
    for entry in entries:
        try:
            builder.add(entry.package, entry.version, load(entry))
        except PluginRefused as refused:
            where = f"{entry.group}:{entry.name}"
            builder.failures.append(
                PluginFailure(entry.package, entry.version, where, str(refused))
            )
    return Registry(tuple(builder.plugins), tuple(builder.failures))


@cache
def current() -> Registry:
    """This process's registry, built on first use."""
    return build(installed())


def known_codes() -> tuple[str, ...]:
    """Every rule code a configuration may name: ours and the loaded plugins'."""
    return current().codes


def plugin_identity() -> str:
    """The loaded plugins and their versions, and the failed ones, for the cache's fingerprint."""
    registry = current()
    loaded = [f"{p.package}=={p.version}:{p.plugin.name}" for p in registry.plugins[1:]]
    failed = [f"!{f.package}=={f.version}:{f.entry}" for f in registry.failures]
    return ",".join(loaded + failed)


def option_values(
    name: str, given: tuple[tuple[str, tuple[tuple[str, object], ...]], ...]
) -> OptionValues:
    """A plugin's options for a run: the configured values (from Settings) over its defaults."""
    declared = current().options_declared(name)
    if declared is None:
        return OptionValues()
    return declared.option_values(dict(given).get(name, ()))


_reported: list[bool] = []


def report_failures(write: Callable[[str], object]) -> None:
    """Write each plugin failure once per process (the commands call this, workers never do)."""
    if _reported or not installed():
        return
    _reported.append(True)
    for failure in current().failures:
        write(f"acolyte-gates: {failure.message()}\n")
