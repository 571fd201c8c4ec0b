"""Helpers for the split tests: what a module exports, read in a fresh interpreter."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

_EXPORTS = """
import __future__, importlib, inspect, json, sys
sys.path.insert(0, sys.argv[1])
old = importlib.import_module(sys.argv[2])
names = getattr(old, "__all__", None) or [
    n
    for n, v in vars(old).items()
    if not n.startswith("__") and not inspect.ismodule(v) and not isinstance(v, __future__._Feature)
]
def describe(value):
    if inspect.isfunction(value) or inspect.isclass(value):
        return type(value).__name__ + ":" + value.__qualname__
    return type(value).__name__
others = [importlib.import_module(name) for name in sys.argv[3:]]
moved_elsewhere = {
    name: all(vars(m)[name] is getattr(old, name) for m in others if name in vars(m))
    for name in names
}
print(json.dumps({"names": {n: describe(getattr(old, n)) for n in names}, "same": moved_elsewhere}))
"""


def exports(root: Path, module: str, *new_modules: str) -> dict[str, dict[str, object]]:
    """The names `module` exports (`__all__`, else its names but modules and `__future__`
    features), each described
    by kind and qualified name, and whether each is the very object the new modules hold."""
    result = subprocess.run(
        [sys.executable, "-c", _EXPORTS, str(root), module, *new_modules],
        capture_output=True,
        text=True,
        check=True,
    )
    loaded: dict[str, dict[str, object]] = json.loads(result.stdout)
    return loaded


def run_pytest(root: Path) -> subprocess.CompletedProcess[str]:
    """The sample project's own tests, in a fresh interpreter, from its folder."""
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:xdist", "tests"],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
        env={"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin"},
    )
