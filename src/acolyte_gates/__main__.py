"""`python -m acolyte_gates` is the `acolyte-gates` command."""

from acolyte_gates.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
