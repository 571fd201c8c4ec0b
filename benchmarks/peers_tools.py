"""The peers, pinned, their configs for the acolyte standard's limits, and the timed cases.

Checks chosen as the equivalents of the ACO rules (limits: module 300 lines,
function 30 lines, 4 parameters, complexity 10, nesting 3, cognitive 15):

flake8  C901 (mccabe), CFQ001 function length, CFQ002 parameters (flake8-functions),
        CCR001 cognitive complexity, ANN (flake8-annotations), E800 (flake8-eradicate),
        T00 (flake8-todos), D1 (flake8-docstrings), E722 bare except (pycodestyle).
pylint  too-many-lines, too-many-arguments, too-many-positional-arguments,
        too-complex (pylint.extensions.mccabe; too-many-branches is not cyclomatic),
        too-many-nested-blocks, missing-{module,class,function}-docstring, fixme,
        bare-except, broad-exception-caught, broad-exception-raised. Left out:
        pylint.extensions.docparams (Args/Returns sections: only the enterprise
        level asks for them), pylint.extensions.typing (modernises annotations,
        does not require them), duplicate-code (pylint has no function length
        either; both would make the comparison unequal).
ruff    C901, PLR0913, PLR0917 and PLR1702 (preview, enabled one by one), ANN,
        ERA001, FIX (TODO/FIXME/XXX/HACK), D1, E722, BLE001, TRY002. Ruff has no
        module length, function length or cognitive complexity rule.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

PINS = (
    "flake8==7.5.0",
    "mccabe==0.7.0",
    "pycodestyle==2.15.0",
    "pyflakes==4.1.0",
    "flake8-functions==0.1.0",
    "flake8-cognitive-complexity==0.1.0",
    "cognitive-complexity==1.3.0",
    "flake8-annotations==3.3.0",
    "flake8-eradicate==1.5.0",
    "eradicate==2.3.0",
    "flake8-todos==0.3.1",
    "flake8-docstrings==1.7.0",
    "pydocstyle==6.3.0",
    "pylint==4.1.4",
    "astroid==4.3.4",
    "ruff==0.17.6",
    "psutil==7.2.2",
)

FLAKE8_CODES = (
    "C901",
    "CFQ001",
    "CFQ002",
    "CCR001",
    "ANN",
    "E800",
    "T00",
    "D1",
    "E722",
)
PYLINT_MESSAGES = (
    "too-many-lines",
    "too-many-arguments",
    "too-many-positional-arguments",
    "too-complex",
    "too-many-nested-blocks",
    "missing-module-docstring",
    "missing-class-docstring",
    "missing-function-docstring",
    "fixme",
    "bare-except",
    "broad-exception-caught",
    "broad-exception-raised",
)
PYLINT_CODES = (
    "C0302", "R0913", "R0917", "R1260", "R1702", "C0114",
    "C0115", "C0116", "W0511", "W0702", "W0718", "W0719",
)  # fmt: skip
RUFF_CODES = (
    "C901", "PLR0913", "PLR0917", "PLR1702", "ANN", "ERA001",
    "FIX", "D1", "E722", "BLE001", "TRY002",
)  # fmt: skip
ACO_CODES = ("ACO",)
# Findings are counted in the output: `path:line:col: CODE message` lines, except
# for ruff, whose preview mode prints rule names there, so it prints JSON lines.
TEXT_FINDING = r"^.+?:\d+:\d+: ([A-Z]+[0-9]+)\b"
JSON_FINDING = r'"code":\s*"([A-Z]+[0-9]+)"'

FLOOR_SCRIPT = """
import ast, io, os, tokenize, warnings
warnings.simplefilter("ignore")
for top, dirs, names in os.walk("."):
    dirs[:] = sorted(d for d in dirs if not d.startswith("."))
    for name in sorted(n for n in names if n.endswith(".py")):
        with open(os.path.join(top, name), "rb") as f:
            data = f.read()
        ast.parse(data, name)
        for _ in tokenize.tokenize(io.BytesIO(data).readline):
            pass
"""


@dataclass(frozen=True)
class Case:
    """One timed command: a key, its tool group, jobs label and how to run it.

    kind is "plain", "warm" (one untimed run first) or "touched" (five files
    changed before each run, restored and re-warmed after it); cwd None means
    the corpus copy.
    """

    key: str
    tool: str
    jobs: str
    argv: tuple[str, ...]
    codes: tuple[str, ...]
    kind: str = "plain"
    cwd: Path | None = None
    finding: str = TEXT_FINDING


def write_configs(folder: Path) -> dict[str, Path]:
    """Write flake8, pylint and ruff configs into folder; return them by tool."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = {name: folder / name for name in ("flake8.cfg", "pylintrc", "ruff.toml")}
    paths["flake8.cfg"].write_text(_flake8_config(), encoding="utf-8")
    paths["pylintrc"].write_text(_pylint_config(), encoding="utf-8")
    paths["ruff.toml"].write_text(_ruff_config(folder / "ruff-cache"), encoding="utf-8")
    return paths


def _flake8_config() -> str:
    """Return flake8's config: only the equivalent codes, the standard's limits."""
    return (
        "[flake8]\n"
        f"select = {','.join(FLAKE8_CODES)}\n"
        "max-complexity = 10\n"
        "max-function-length = 30\n"
        "max-parameters-amount = 4\n"
        "max-cognitive-complexity = 15\n"
        "docstring-convention = pep257\n"
    )


def _pylint_config() -> str:
    """Return pylint's rcfile: all messages off but the equivalents, no stats kept."""
    return (
        "[MAIN]\n"
        "load-plugins=pylint.extensions.mccabe\n"
        "persistent=no\n"
        "disable=all\n"
        f"enable={','.join(PYLINT_MESSAGES)}\n"
        "max-module-lines=300\n"
        "max-args=4\n"
        "max-positional-arguments=4\n"
        "max-complexity=10\n"
        "max-nested-blocks=3\n"
        "notes=FIXME,XXX,TODO\n"
    )


def _ruff_config(cache_dir: Path) -> str:
    """Return ruff's config: the equivalent rules, preview ones named explicitly."""
    selected = ", ".join(f'"{code}"' for code in RUFF_CODES)
    return (
        f'cache-dir = "{cache_dir}"\n'
        "[lint]\n"
        "preview = true\n"
        "explicit-preview-rules = true\n"
        f"select = [{selected}]\n"
        "mccabe.max-complexity = 10\n"
        "pylint.max-args = 4\n"
        "pylint.max-positional-args = 4\n"
        "pylint.max-nested-blocks = 3\n"
    )


def _peer_commands(peers_bin: Path, configs: dict[str, Path]) -> dict[str, tuple[str, ...]]:
    """Return the start of each peer's command line, its config passed as a flag."""
    template = "--msg-template={path}:{line}:{column}: {msg_id} {msg}"
    return {
        "flake8": (str(peers_bin / "flake8"), f"--config={configs['flake8.cfg']}"),
        "pylint": (str(peers_bin / "pylint"), f"--rcfile={configs['pylintrc']}",
                   "--recursive=y", "--score=n", "--reports=n", template),
        "ruff": (str(peers_bin / "ruff"), "check", f"--config={configs['ruff.toml']}",
                 "--output-format=json-lines"),
        "floor": (str(peers_bin / "python"), "-c", FLOOR_SCRIPT),
    }  # fmt: skip


def peer_cases(peers_bin: Path, configs: dict[str, Path]) -> list[Case]:
    """Return the flake8, pylint, ruff and floor cases, each run on '.'."""
    cmd = _peer_commands(peers_bin, configs)
    flake8, pylint, ruff = cmd["flake8"], cmd["pylint"], cmd["ruff"]
    return [
        Case("flake8 j1", "flake8", "1", (*flake8, "-j1", "."), FLAKE8_CODES),
        Case("flake8 j2", "flake8", "2", (*flake8, "-j2", "."), FLAKE8_CODES),
        Case("pylint j1", "pylint", "1", (*pylint, "-j1", "."), PYLINT_CODES),
        Case("pylint j2", "pylint", "2", (*pylint, "-j2", "."), PYLINT_CODES),
        Case("ruff no-cache", "ruff", "all", (*ruff, "--no-cache", "."), RUFF_CODES,
             finding=JSON_FINDING),
        Case("ruff cached", "ruff", "all", (*ruff, "."), RUFF_CODES, "warm",
             finding=JSON_FINDING),
        Case("floor", "floor", "1", cmd["floor"], ()),
    ]  # fmt: skip


def acolyte_cases(acolyte_bin: Path) -> list[Case]:
    """Return acolyte-gates' corpus cases: cold at 1 and 2 jobs, warm, warm+5 touched."""
    check = (str(acolyte_bin / "acolyte-gates"), "check", ".")
    cold = (*check, "--no-cache", "--jobs")
    warm = (*check, "--jobs", "2")
    return [
        Case("acolyte cold j1", "acolyte", "1", (*cold, "1"), ACO_CODES),
        Case("acolyte cold j2", "acolyte", "2", (*cold, "2"), ACO_CODES),
        Case("acolyte warm", "acolyte", "2", warm, ACO_CODES, "warm"),
        Case("acolyte warm+5", "acolyte", "2", warm, ACO_CODES, "touched"),
    ]


def startup_case(acolyte_bin: Path, small_file: Path) -> Case:
    """Return the start-up case: acolyte-gates check on one clean small file, default options."""
    argv = (str(acolyte_bin / "acolyte-gates"), "check", small_file.name)
    return Case("acolyte start-up", "acolyte", "-", argv, (), cwd=small_file.parent)
