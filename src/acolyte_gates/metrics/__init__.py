"""Pure measurements of a function's syntax tree, shared by the ACO rules."""
