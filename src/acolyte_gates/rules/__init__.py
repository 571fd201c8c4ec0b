"""The ACO rules, one module per family; `registry.BUILTIN_RULES` lists them all."""
