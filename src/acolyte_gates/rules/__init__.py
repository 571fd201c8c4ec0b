"""The ACO rules, one module per family; `registry.ALL_RULES` lists them all."""
