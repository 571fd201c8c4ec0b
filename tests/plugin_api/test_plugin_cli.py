"""Plugins seen from the command line: rules, check, flake8, run, the hook's gates, failures.

Each test puts small plugin distributions (tests/plugins/fake_plugins.py) on PYTHONPATH, as an
installed package would be, and runs the real command in a subprocess.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from plugin_api.fake_plugins import BROKEN, CLASH, GATE, RULES
from plugin_dists import REPO, Dist, run_module, write_dist

SOURCE = "foo = 1\nbar = foo  # noqa: XYZ101\n\n\ndef f() -> None:\n    global bar\n    bar = 2\n"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project with one file using the banned name `foo` twice (once under noqa) and `global`."""
    root = tmp_path / "project"
    root.mkdir()
    (root / "pyproject.toml").write_text("[tool.acolyte-gates]\n", encoding="utf-8")
    (root / "mod.py").write_text(SOURCE, encoding="utf-8")
    return root


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A folder of plugin distributions: the XYZ rules and the looker gate."""
    folder = tmp_path / "site"
    for dist in (RULES, GATE):
        write_dist(folder, dist)
    return folder


def configure(root: Path, body: str) -> None:
    (root / "pyproject.toml").write_text(body, encoding="utf-8")


def check_json(project: Path, site: Path | None, *args: str) -> list[tuple[int, str, str]]:
    done = run_module(project, site, "acolyte_gates", "check", "--format", "json", *args, ".")
    assert done.returncode in (0, 1), done.stderr
    return [(f["line"], f["code"], f["severity"]) for f in json.loads(done.stdout)["findings"]]


def test_plugin_rules_are_listed_and_documented(project: Path, site: Path) -> None:
    listing = run_module(project, site, "acolyte_gates", "rules").stdout
    assert "XYZ101  banned-name" in listing and "ACO101" in listing
    docs = run_module(project, site, "acolyte_gates", "rule", "XYZ102")
    assert docs.stdout.startswith("XYZ102 global-used (warning)\n\nA global statement.")


def test_plugin_rules_run_with_noqa_and_severity(project: Path, site: Path) -> None:
    configure(project, "[tool.acolyte-gates]\nselect = ['XYZ']\n")
    assert check_json(project, site) == [(1, "XYZ101", "error"), (6, "XYZ102", "warning")]


def test_select_ignore_and_per_file_ignores_apply_to_plugin_codes(
    project: Path, site: Path
) -> None:
    configure(project, "[tool.acolyte-gates]\nper-file-ignores = { 'mod.py' = ['XYZ102'] }\n")
    found = {code for _, code, _ in check_json(project, site)}
    assert "XYZ101" in found and "XYZ102" not in found and "ACO301" in found  # all selected
    assert {c for _, c, _ in check_json(project, site, "--select", "ACO")} == found - {"XYZ101"}
    assert {c for _, c, _ in check_json(project, site, "--ignore", "XYZ")} == found - {"XYZ101"}


def test_a_plugin_warning_fails_only_under_strict(project: Path, site: Path) -> None:
    configure(project, "[tool.acolyte-gates]\nselect = ['XYZ102']\n")
    check = ("acolyte_gates", "check", "--no-cache", ".")
    assert run_module(project, site, *check).returncode == 0
    assert run_module(project, site, *check, "--strict").returncode == 1


def test_plugin_options_are_read_and_checked(project: Path, site: Path) -> None:
    table = "[tool.acolyte-gates]\nselect = ['XYZ101']\n[tool.acolyte-gates.plugins.xyz]\n"
    configure(project, table + "word = 'bar'\n")
    assert check_json(project, site) == [(7, "XYZ101", "error")]  # line 2 is under noqa
    configure(project, table + "wrd = 'bar'\n")
    done = run_module(project, site, "acolyte_gates", "check", ".")
    assert done.returncode == 2
    assert done.stderr.endswith(
        "[tool.acolyte-gates.plugins.xyz] has an unknown key 'wrd'; did you mean 'word'?\n"
    )


def test_a_table_for_an_absent_plugin_is_left_alone_unless_it_is_a_typo(
    project: Path, site: Path
) -> None:
    configure(project, "[tool.acolyte-gates.plugins.someone-elses]\nkey = 1\n")
    assert (
        run_module(project, site, "acolyte_gates", "check", "--select", "XYZ", ".").returncode == 1
    )
    configure(project, "[tool.acolyte-gates.plugins.xyy]\nword = 'bar'\n")
    done = run_module(project, site, "acolyte_gates", "check", ".")
    assert done.returncode == 2
    assert done.stderr.endswith(
        "[tool.acolyte-gates.plugins.xyy]: no plugin 'xyy' is installed;" " did you mean 'xyz'?\n"
    )


def test_installing_a_plugin_never_serves_stale_cached_findings(project: Path, site: Path) -> None:
    configure(project, "[tool.acolyte-gates]\nselect = ['ACO', 'XYZ']\n")
    assert "XYZ101" not in {code for _, code, _ in check_json(project, None)}
    assert "XYZ101" in {code for _, code, _ in check_json(project, site)}


def test_flake8_runs_plugin_rules_under_their_own_prefix(project: Path, site: Path) -> None:
    configure(project, "[tool.acolyte-gates]\n")
    done = run_module(project, site, "flake8", "--select", "XYZ", "mod.py")
    assert done.stdout.splitlines() == [
        "mod.py:1:1: XYZ101 the name foo is banned",
        "mod.py:6:5: XYZ102 a global statement",
    ]
    ours = run_module(project, site, "flake8", "--select", "ACO", "mod.py").stdout
    assert "XYZ" not in ours and "ACO301" in ours


def summary_rows(text: str) -> dict[str, list[str]]:
    """The run summary's rows by gate name: [tool, status, findings, seconds]."""
    rows = [line.split() for line in text.splitlines()]
    return {row[0]: row[1:] for row in rows if len(row) == 5}


def test_a_plugin_gate_runs_and_is_reported(project: Path, site: Path) -> None:
    configure(project, "[tool.acolyte-gates.run]\ntimeouts = { looker = 60 }\n")
    done = run_module(project, site, "acolyte_gates", "run", "--only", "looker", "--format", "json")
    gates = {gate["name"]: gate for gate in json.loads(done.stdout)["gates"]}
    assert done.returncode == 1 and gates["looker"]["status"] == "failed"
    assert [(f["path"], f["code"]) for f in gates["looker"]["findings"]] == [("mod.py", "LOOK1")]
    table = run_module(project, site, "acolyte_gates", "run", "--only", "aco,looker").stdout
    rows = summary_rows(table)
    assert rows["looker"][1:3] == ["failed", "1"] and rows["format"][1] == "skipped"


def test_plugin_gates_can_be_skipped_and_are_named_in_errors(project: Path, site: Path) -> None:
    configure(project, "[tool.acolyte-gates.run]\ngates = ['aco', 'looker']\nskip = ['looker']\n")
    done = run_module(project, site, "acolyte_gates", "run")
    assert summary_rows(done.stdout)["looker"][1] == "skipped"
    wrong = run_module(project, site, "acolyte_gates", "run", "--only", "lookr")
    assert wrong.returncode == 2
    assert "no gate named 'lookr'; did you mean 'looker'?" in wrong.stderr


def test_the_hook_runs_plugin_gates_on_the_staged_files(project: Path, site: Path) -> None:
    subprocess.run(["git", "init", "-q"], cwd=project, check=True)
    subprocess.run(["git", "add", "mod.py", "pyproject.toml"], cwd=project, check=True)
    done = run_module(project, site, "acolyte_gates", "hook", "run", "--gates", "looker")
    assert done.returncode == 1
    assert "mod.py:1:1: LOOK1 looked at" in done.stdout + done.stderr


def test_a_broken_plugin_is_reported_once_and_the_run_goes_on(project: Path, site: Path) -> None:
    write_dist(site, BROKEN)
    for index in range(20):  # enough files for a pool of workers
        (project / f"m{index}.py").write_text(SOURCE, encoding="utf-8")
    done = run_module(
        project, site, "acolyte_gates", "check", "--jobs", "2", "--select", "XYZ", "."
    )
    assert done.returncode == 1 and "mod.py:1:1: XYZ101" in done.stdout
    assert done.stderr == (
        "acolyte-gates: plugin broken-plugin 0.1.0 not loaded (acolyte_gates.rules:broken):"
        " cannot import broken_plugin:PLUGIN: RuntimeError: this plugin is broken on purpose\n"
    )


def test_plugins_lists_what_loaded_and_what_failed(project: Path, site: Path) -> None:
    write_dist(site, CLASH)
    done = run_module(project, site, "acolyte_gates", "plugins")
    lines = done.stdout.splitlines()
    assert done.returncode == 1
    assert "xyz-rules 0.1.0 [xyz]  rules: XYZ101, XYZ102" in lines
    assert '    [tool.acolyte-gates.plugins.xyz] word = "foo": The banned name.' in lines
    assert "looker-gate 0.1.0 [looker]  gates: looker" in lines
    assert lines[-1] == (
        "failed: plugin clashing-plugin 0.1.0 not loaded (acolyte_gates.rules:clash):"
        " code ACO101 uses the prefix ACO, kept for acolyte-gates' own rules"
    )


def test_the_readme_plugin_example_is_a_working_plugin(project: Path, tmp_path: Path) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    example = readme.split("# my_rules/__init__.py\n", 1)[1].split("```", 1)[0]
    site = write_dist(
        tmp_path / "readme-site",
        Dist(
            "my-rules",
            {"acolyte_gates.rules": {"my-rules": "my_rules:PLUGIN"}},
            {"my_rules": example},
        ),
    )
    (project / "mod.py").write_text("import pickle\nimport json\n", encoding="utf-8")
    done = run_module(project, site, "acolyte_gates", "check", "--select", "XYZ", ".")
    assert done.stdout == "mod.py:1:1: XYZ101 pickle is banned here\n"
