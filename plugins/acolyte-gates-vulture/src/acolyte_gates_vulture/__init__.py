"""acolyte-gates-vulture: the `deadcode` gate, vulture's unused code as located findings."""

from acolyte_gates_vulture.gate import DEADCODE, PLUGIN_NAME

from acolyte_gates.api import Plugin, PluginOption

__version__ = "0.1.0"
__all__ = ["PLUGIN", "__version__"]

PLUGIN = Plugin(
    name=PLUGIN_NAME,
    gates=(DEADCODE,),
    options=(
        PluginOption(
            "min-confidence",
            0,
            "Report only code vulture is at least this sure is dead (0-100); wins over"
            " [tool.vulture] min_confidence.",
            minimum=0,
        ),
    ),
)
