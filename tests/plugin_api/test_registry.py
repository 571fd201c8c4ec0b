"""The registry: our rules and gates through the plugins' door, plugins loaded, refused with reasons."""

from __future__ import annotations

from pathlib import Path

import pytest
from plugin_api.fake_plugins import BROKEN, CLASH, GATE, RULES
from plugin_dists import Dist, write_dist

from acolyte_gates import registry
from acolyte_gates.entrypoints import EntryPoint, find_entry_points, parse_entry_points
from acolyte_gates.errors import ConfigError
from acolyte_gates.gates.registry import BUILTIN_GATES
from acolyte_gates.plugin_load import PluginRefused, load_entry_point
from acolyte_gates.plugin_spec import Plugin, PluginOption
from acolyte_gates.registry import OWN_PACKAGE, Registry, build
from acolyte_gates.rules.base import Hit, Rule, RuleDocs
from acolyte_gates.rules.registry import BUILTIN_RULES

DOCS = RuleDocs("what", "why", "example")


def no_hits(source: object, ctx: object) -> list[Hit]:
    return []


def registry_of(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *dists: Dist) -> Registry:
    """The registry built from these distributions only, their modules importable."""
    for dist in dists:
        write_dist(tmp_path, dist)
    monkeypatch.syspath_prepend(str(tmp_path))
    return build(find_entry_points([str(tmp_path)]))


def plugin_entry(package: str, plugin: object) -> tuple[EntryPoint, object]:
    return EntryPoint(package, "1.0", "acolyte_gates.rules", "p", "m:p"), plugin


def build_from(*pairs: tuple[EntryPoint, object]) -> Registry:
    """A registry from entry points whose objects are given (no import)."""
    objects = dict(pairs)

    def load(entry: EntryPoint) -> Plugin:
        from acolyte_gates.plugin_load import as_plugin

        return as_plugin(entry, objects[entry])

    return build(tuple(objects), load)


def test_our_rules_and_gates_come_through_the_same_door_first() -> None:
    registry = build(())
    assert registry.plugins[0].package == OWN_PACKAGE
    assert registry.rules == BUILTIN_RULES
    assert registry.gates == BUILTIN_GATES
    assert registry.failures == ()


def test_entry_points_txt_is_read_for_our_groups_only() -> None:
    text = "[console_scripts]\nx = a:b\n\n[acolyte_gates.rules]\nmine = pkg.mod:PLUGIN [extra]\n"
    assert parse_entry_points(text) == [("acolyte_gates.rules", "mine", "pkg.mod:PLUGIN")]


def test_the_first_distribution_on_the_path_wins(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    write_dist(first, Dist("xyz-rules", {"acolyte_gates.rules": {"xyz": "one:P"}}, version="2.0"))
    write_dist(second, Dist("xyz-rules", {"acolyte_gates.rules": {"xyz": "two:P"}}))
    found = find_entry_points([str(first), str(second)])
    assert [(e.package, e.version, e.value) for e in found] == [("xyz-rules", "2.0", "one:P")]


def test_finding_entry_points_imports_nothing(tmp_path: Path) -> None:
    write_dist(tmp_path, BROKEN)  # its module raises on import
    found = find_entry_points([str(tmp_path)])
    assert [(e.package, e.name) for e in found] == [("broken-plugin", "broken")]


def test_a_plugin_adds_its_rules_and_gates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    registry = registry_of(tmp_path, monkeypatch, RULES, GATE)
    assert [p.package for p in registry.plugins] == [OWN_PACKAGE, "looker-gate", "xyz-rules"]
    assert registry.codes[-2:] == ("XYZ101", "XYZ102")
    assert list(registry.gates_by_name)[-1] == "looker"


def test_known_codes_include_the_loaded_plugins(monkeypatch: pytest.MonkeyPatch) -> None:
    rule = Rule("XYZ101", "xyz-rule", "One.", DOCS, no_hits)
    monkeypatch.setattr(registry, "current", lambda: build_from(plugin_entry("pkg-k", rule)))
    assert registry.known_codes() == (*(r.code for r in BUILTIN_RULES), "XYZ101")


def test_a_plugin_that_raises_on_import_is_left_out_with_its_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    registry = registry_of(tmp_path, monkeypatch, BROKEN, RULES)
    assert [p.package for p in registry.plugins] == [OWN_PACKAGE, "xyz-rules"]
    (failure,) = registry.failures
    assert failure.package == "broken-plugin"
    assert failure.message() == (
        "plugin broken-plugin 0.1.0 not loaded (acolyte_gates.rules:broken): cannot import"
        " broken_plugin:PLUGIN: RuntimeError: this plugin is broken on purpose"
    )


def test_a_code_of_ours_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    registry = registry_of(tmp_path, monkeypatch, CLASH)
    assert "ACO101" not in {r.code for r in registry.rules[len(BUILTIN_RULES) :]}
    assert registry.failures[0].reason == (
        "code ACO101 uses the prefix ACO, kept for acolyte-gates' own rules"
    )


def test_a_code_another_plugin_registered_first_is_refused() -> None:
    first = Rule("XYZ101", "first-rule", "One.", DOCS, no_hits)
    second = Rule("XYZ101", "second-rule", "Two.", DOCS, no_hits)
    registry = build_from(plugin_entry("pkg-a", first), plugin_entry("pkg-b", second))
    assert [p.package for p in registry.plugins][1:] == ["pkg-a"]
    assert registry.failures[0].reason == "code XYZ101 clashes with pkg-a"


def test_a_gate_named_like_ours_is_refused() -> None:
    gate = BUILTIN_GATES[0]  # a plugin may not bring a second `format`
    entry = EntryPoint("pkg-g", "1.0", "acolyte_gates.gates", "g", "m:g")
    registry = build_from((entry, gate))
    assert registry.failures[0].reason == "gate 'format' clashes with a built-in"


@pytest.mark.parametrize(
    ("found", "reason"),
    [
        ("a string", "entry point 'p' names str, not a Plugin, a Rule or a sequence of them"),
        (Rule("xyz1", "bad-code", "S.", DOCS, no_hits), "rule 'xyz1': code 'xyz1' is not"),
        (Rule("XYZ1", "Bad Name", "S.", DOCS, no_hits), "rule 'XYZ1': name 'Bad Name' is not"),
        (Rule("XYZ1", "no-summary", "", DOCS, no_hits), "rule 'XYZ1': it has no summary"),
        (Plugin("Bad Name"), "plugin name 'Bad Name' is not lower-case-with-hyphens"),
    ],
)
def test_a_malformed_declaration_is_refused_with_what_is_wrong(found: object, reason: str) -> None:
    entry, _ = plugin_entry("pkg-m", found)
    with pytest.raises(PluginRefused) as refused:
        from acolyte_gates.plugin_load import as_plugin

        as_plugin(entry, found)
    assert str(refused.value).startswith(reason)


def test_an_entry_point_naming_a_missing_module_says_so() -> None:
    entry = EntryPoint("pkg-x", "1.0", "acolyte_gates.rules", "x", "no_such_module_here:PLUGIN")
    with pytest.raises(PluginRefused, match="cannot import no_such_module_here:PLUGIN: Module"):
        load_entry_point(entry)


def test_plugin_options_are_checked_like_ours() -> None:
    plugin = Plugin("p", options=(PluginOption("limit", 3, "How many.", minimum=1),))
    assert plugin.check_table({"limit": 5}, "[p]") == (("limit", 5),)
    with pytest.raises(ConfigError, match="unknown key 'limt'; did you mean 'limit'"):
        plugin.check_table({"limt": 5}, "[p]")
    with pytest.raises(ConfigError, match="limit must be an integer >= 1, got 'x'"):
        plugin.check_table({"limit": "x"}, "[p]")


def test_plugin_option_values_fall_back_to_the_defaults() -> None:
    plugin = Plugin(
        "p", options=(PluginOption("limit", 3, "N."), PluginOption("names", ("a",), "N."))
    )
    values = plugin.option_values((("limit", 5),))
    assert (values.integer("limit"), values.texts("names")) == (5, ("a",))
    assert values.is_set("limit") and not values.is_set("names")
