"""Which tool runs each gate: the one `[tool.acolyte-gates.run]` names, else the project's own.

`format`, `imports` and `lint` take "auto" (the default), or a tool of GATE_TOOLS. "auto"
picks ruff when the project configures ruff (`[tool.ruff]`, `ruff.toml`, `.ruff.toml`) and
does not configure the classic tool itself (`[tool.black]`, an isort or a flake8 config);
else the classic tool. A gate's name stays the same whichever tool runs it.
"""

from __future__ import annotations

from acolyte_gates.config.settings import GATE_TOOLS, RunSettings
from acolyte_gates.gates.base import Gate, ProjectTools
from acolyte_gates.gates.registry import ALTERNATIVES, BUILTIN_GATES

_BY_TOOL: dict[tuple[str, str], Gate] = {
    (gate.name, gate.tool): gate for gate in (*BUILTIN_GATES, *ALTERNATIVES)
}


def _classic_configured(gate: str, project: ProjectTools) -> bool:
    """Whether the project configures the gate's classic tool itself."""
    return {"format": project.black, "imports": project.isort, "lint": project.flake8}[gate]


def tool_for(gate: str, run: RunSettings, project: ProjectTools) -> str:
    """The tool that runs a switchable gate, for this project and its settings."""
    wanted = run.tool(gate)
    if wanted != "auto":
        return wanted
    classic = GATE_TOOLS[gate][0]
    return "ruff" if project.ruff and not _classic_configured(gate, project) else classic


def choose(gates: tuple[Gate, ...], run: RunSettings, project: ProjectTools) -> tuple[Gate, ...]:
    """The gates with each switchable one run by its chosen tool."""
    return tuple(
        (
            _BY_TOOL[(gate.name, tool_for(gate.name, run, project))]
            if gate.name in GATE_TOOLS
            else gate
        )
        for gate in gates
    )
