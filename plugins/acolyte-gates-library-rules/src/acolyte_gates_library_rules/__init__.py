"""acolyte-gates rules for library code: ACL101 print, ACL102 mutable defaults, ACL103 bare returns."""

from acolyte_gates_library_rules.defaults import MUTABLE_DEFAULT
from acolyte_gates_library_rules.names import PLUGIN_NAME
from acolyte_gates_library_rules.prints import PRINT_IN_LIBRARY
from acolyte_gates_library_rules.returns import BARE_RETURN

from acolyte_gates.api import Plugin, PluginOption

__version__ = "0.1.0"
__all__ = ["PLUGIN", "__version__"]

PLUGIN = Plugin(
    name=PLUGIN_NAME,
    rules=(PRINT_IN_LIBRARY, MUTABLE_DEFAULT, BARE_RETURN),
    options=(
        PluginOption(
            "script-folders",
            ("scripts", "bin"),
            "Folders whose files are scripts, where ACL101 allows print().",
        ),
    ),
)
