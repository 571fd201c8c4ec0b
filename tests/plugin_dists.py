"""Make plugin distributions in a test folder: a `*.dist-info` with entry points, and modules.

A folder put on PYTHONPATH (or sys.path) with these is what an installed plugin looks like to
acolyte-gates and to flake8, without pip: tests stay fast and never touch the network.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PLUGINS = REPO / "plugins"


@dataclass(frozen=True)
class Dist:
    """A distribution: its name and version, entry points by group, and module sources."""

    package: str
    entry_points: dict[str, dict[str, str]]
    modules: dict[str, str] = field(default_factory=dict)
    version: str = "0.1.0"


def write_dist(site: Path, dist: Dist) -> Path:
    """Write the distribution's metadata folder and modules into `site`; returns `site`."""
    meta = site / f"{dist.package.replace('-', '_')}-{dist.version}.dist-info"
    meta.mkdir(parents=True, exist_ok=True)
    (meta / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {dist.package}\nVersion: {dist.version}\n\n",
        encoding="utf-8",
    )
    sections = [
        f"[{group}]\n" + "".join(f"{name} = {value}\n" for name, value in entries.items())
        for group, entries in dist.entry_points.items()
    ]
    (meta / "entry_points.txt").write_text("\n".join(sections), encoding="utf-8")
    for name, source in dist.modules.items():
        (site / f"{name}.py").write_text(textwrap.dedent(source), encoding="utf-8")
    return site


def real_plugins(site: Path) -> Path:
    """The two plugins of this repository, made visible from `site` (their sources stay put)."""
    rules = Dist(
        "acolyte-gates-library-rules",
        {
            "acolyte_gates.rules": {"library-rules": "acolyte_gates_library_rules:PLUGIN"},
            "flake8.extension": {"ACL": "acolyte_gates_library_rules.flake8:Extension"},
        },
    )
    vulture = Dist(
        "acolyte-gates-vulture",
        {"acolyte_gates.gates": {"vulture": "acolyte_gates_vulture:PLUGIN"}},
    )
    for dist in (rules, vulture):
        write_dist(site, dist)
    return site


def plugin_path(site: Path) -> str:
    """A PYTHONPATH with `site` first, then the two plugins' sources."""
    folders = [site, PLUGINS / "acolyte-gates-library-rules" / "src"]
    folders.append(PLUGINS / "acolyte-gates-vulture" / "src")
    return os.pathsep.join(str(folder) for folder in folders)


def run_module(cwd: Path, site: Path | None, *args: str) -> subprocess.CompletedProcess[str]:
    """`python -m MODULE ARGS` (acolyte_gates, flake8) in `cwd`, with the plugins of `site` on its path."""
    env = dict(os.environ)
    if site is not None:
        env["PYTHONPATH"] = plugin_path(site)
    return subprocess.run(
        [sys.executable, "-m", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
