"""Duplicated code (ACO601): statement shapes, hashed windows of them, and copies matched by hash.

units.py turns a module into runs of normalized statements, windows.py hashes every window of
`min-duplicate-lines` statements into a compact FileWindows value, matching.py groups equal
hashes into copies (same file for the engine rule, across files for the standalone checker).
Nothing here compares pairs of blocks: every step is linear in the number of statements.
"""

RULE_CODE = "ACO601"
RULE_NAME = "duplicated-code"
"""ACO601's code and name, here so that the cross-file pass needs no rule machinery."""
