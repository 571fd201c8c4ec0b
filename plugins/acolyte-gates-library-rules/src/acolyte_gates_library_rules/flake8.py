"""The flake8 extension `ACL`: the library rules under `flake8 --select ACL`."""

from acolyte_gates_library_rules.names import PLUGIN_NAME

from acolyte_gates.api import flake8_extension

Extension = flake8_extension(PLUGIN_NAME)
