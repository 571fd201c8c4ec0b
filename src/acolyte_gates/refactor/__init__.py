"""Rewriting source with libcst: `split` (one module into several) and `fix` (safe fixes).

The only package that imports libcst; detection everywhere else stays on `ast`.
"""
