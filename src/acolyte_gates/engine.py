"""The engine: one SourceFile and the Settings in, the file's findings out. Pure, no I/O."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from acolyte_gates import noqa
from acolyte_gates.config.schema import limits_for
from acolyte_gates.config.settings import Limits, Settings
from acolyte_gates.decision import enabled_codes
from acolyte_gates.findings import INTERNAL_ERROR, Finding
from acolyte_gates.paths import matches
from acolyte_gates.registry import current
from acolyte_gates.rules.base import Context, Hit, Rule
from acolyte_gates.source import SourceFile


def file_limits(settings: Settings, relpath: str) -> Limits:
    """The limits for one file after the per-path overrides that match it."""
    if not settings.overrides:
        return settings.limits
    return limits_for(settings, [matches(o.paths, relpath) for o in settings.overrides])


def rules_for(settings: Settings, relpath: str, plugin: str | None = None) -> tuple[Rule, ...]:
    """The rules that run on one file after select, ignore, per-file ignores and the level.

    Every registered rule, ours and the plugins'; only those of one plugin when `plugin` names
    it (each flake8 extension runs its own plugin's rules).
    """
    registry = current()
    enabled = enabled_codes(settings, relpath, registry.codes)
    if plugin is None:
        return tuple(registry.rules_by_code[code] for code in enabled)
    own = {rule.code for rule in registry.rules_of(plugin)}
    return tuple(registry.rules_by_code[code] for code in enabled if code in own)


def is_silenced(source: SourceFile, hit: Hit, code: str) -> bool:
    """Whether a noqa comment on the hit's line (or its definition's header) silences it."""
    if not source.memo("mentions-noqa", lambda src: noqa.mentions_noqa(src.text)):
        return False
    return any(noqa.silences(source.noqa_text(line), code) for line in (hit.line, *hit.noqa_lines))


def internal_error(path: str, code: str, error: BaseException) -> Finding:
    """The ACO002 finding of a file on which rule `code` crashed, naming the rule and its error.

    It is a bug of ours, not of the file: never silenced by noqa or ignore, always an error.
    """
    owner = next(
        (p for p in current().plugins if any(r.code == code for r in p.plugin.rules)), None
    )
    rule = current().rules_by_code.get(code)
    name = f"{code} ({rule.name})" if rule else code
    whose = "" if owner is None or owner.builtin else f" of plugin {owner.package}"
    message = (
        f"rule {name}{whose} crashed on this file ({type(error).__name__}: {error});"
        f" the file is not fully checked; please report it to {owner.package if owner else 'us'}"
    )
    return Finding(path, 1, 1, INTERNAL_ERROR, message, "internal-error")


def _ignore_crash(rule: Rule, error: Exception) -> None:
    """Leave a crashed rule's hits out (the check of the same file reports it as ACO002)."""


def reported_hits(
    source: SourceFile,
    rules: Iterable[Rule],
    ctx: Context,
    on_crash: Callable[[Rule, Exception], None] = _ignore_crash,
) -> Iterator[tuple[Rule, Hit]]:
    """Every rule's hits on one file, noqa applied, each with its rule; a rule that raises
    is handed to `on_crash` and the other rules still run."""
    for rule in rules:
        try:
            hits = list(rule.check(source, ctx))
        except Exception as error:  # a crashing rule is our bug: name it, check the rest
            on_crash(rule, error)
            continue
        for hit in hits:
            if not is_silenced(source, hit, rule.code):
                yield rule, hit


def run_rules(source: SourceFile, rules: Iterable[Rule], ctx: Context) -> list[Finding]:
    """Every rule's hits on one file as findings, noqa applied; a crashed rule is one ACO002."""
    crashes: list[Finding] = []

    def crashed(rule: Rule, error: Exception) -> None:
        crashes.append(internal_error(source.path, rule.code, error))

    findings = [
        Finding(source.path, hit.line, hit.col, rule.code, hit.message, rule.name, rule.severity)
        for rule, hit in reported_hits(source, rules, ctx, crashed)
    ]
    return findings + crashes


def hits_to_fix(
    source: SourceFile, settings: Settings, relpath: str, codes: Iterable[str]
) -> list[tuple[str, Hit]]:
    """The hits of the rules `codes` that a check of this file reports, with their spans.

    Selection, per-file ignores and noqa apply as in `check_file`; fixes read the hits.
    """
    wanted = set(codes)
    rules = [rule for rule in rules_for(settings, relpath) if rule.code in wanted]
    if source.failure is not None or noqa.skips_file(source.text) or not rules:
        return []
    ctx = Context(settings, file_limits(settings, relpath), relpath)
    return [(rule.code, hit) for rule, hit in reported_hits(source, rules, ctx)]


def check_file(
    source: SourceFile, settings: Settings, relpath: str, plugin: str | None = None
) -> list[Finding]:
    """All findings for one file: ACO001 alone when it does not parse, nothing under `# flake8: noqa`.

    `plugin` limits the rules to one plugin's (see `rules_for`).
    """
    rules = rules_for(settings, relpath, plugin)
    ctx = Context(settings, file_limits(settings, relpath), relpath)
    if source.failure is not None:
        return run_rules(source, [r for r in rules if r.code == "ACO001"], ctx)
    if noqa.skips_file(source.text):
        return []
    findings = run_rules(source, rules, ctx)
    return sorted(findings, key=lambda f: (f.line, f.col, f.code))
