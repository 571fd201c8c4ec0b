"""The gate runner: black, isort, mypy, the ACO checker, flake8, bandit and pytest+coverage.

Nothing here is imported by `acolyte-gates check`, so that command starts light.
"""
