"""The plugin's name: the NAME of [tool.acolyte-gates.plugins.NAME]."""

PLUGIN_NAME = "library-rules"
