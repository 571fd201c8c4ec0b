"""The gate runner: black, isort and flake8 (or ruff), mypy, the ACO checker, bandit, pytest+cov.

Nothing here is imported by `acolyte-gates check`, so that command starts light.
"""
