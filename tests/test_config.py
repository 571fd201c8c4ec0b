"""[tool.acolyte-gates]: defaults, discovery by walking up, overrides, and one-line errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from acolyte_gates.config import Level, load_settings
from acolyte_gates.config.settings import Count
from acolyte_gates.engine import file_limits
from acolyte_gates.errors import ConfigError


def write_pyproject(folder: Path, body: str) -> Path:
    path = folder / "pyproject.toml"
    path.write_text(body, encoding="utf-8")
    return path


def test_defaults_are_the_standard_without_any_file(tmp_path: Path) -> None:
    settings = load_settings(tmp_path)
    assert (settings.limits.max_function_lines, settings.limits.max_parameters) == (30, 4)
    assert settings.level is Level.PRODUCTION and settings.config_path is None


def test_settings_are_found_by_walking_up_from_the_checked_path(tmp_path: Path) -> None:
    write_pyproject(tmp_path, '[tool.acolyte-gates]\nmax-function-lines = 40\ncount = "code"\n')
    deep = tmp_path / "src" / "pkg"
    deep.mkdir(parents=True)
    settings = load_settings(deep)
    assert settings.limits.max_function_lines == 40
    assert settings.limits.count is Count.CODE
    assert settings.root == str(tmp_path)


def test_unknown_key_names_key_file_and_closest_valid_key(tmp_path: Path) -> None:
    path = write_pyproject(tmp_path, "[tool.acolyte-gates]\nmax-function-length = 40\n")
    with pytest.raises(ConfigError) as error:
        load_settings(tmp_path)
    assert str(error.value) == (
        f"{path}: [tool.acolyte-gates] has an unknown key 'max-function-length';"
        " did you mean 'max-function-lines'?"
    )


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        ('max-parameters = "4"', "max-parameters must be an integer >= 0, got '4'"),
        ("max-nesting = true", "max-nesting must be an integer >= 1, got True"),
        ('select = "ACO1"', "select must be a list of strings"),
        ('level = "gold"', "level must be one of mvp, production, enterprise, hyperscale"),
        ('count = "logical"', "count must be one of physical, code"),
        (
            "[tool.acolyte-gates.run]\ntimout = 5",
            "[tool.acolyte-gates.run] has an unknown key 'timout'; did you mean 'timeout'?",
        ),
    ],
)
def test_wrong_values_are_one_line_errors(tmp_path: Path, body: str, fragment: str) -> None:
    write_pyproject(tmp_path, "[tool.acolyte-gates]\n" + body + "\n")
    with pytest.raises(ConfigError, match=None) as error:
        load_settings(tmp_path)
    assert fragment in str(error.value)
    assert "\n" not in str(error.value)


def test_invalid_toml_is_reported_with_the_file(tmp_path: Path) -> None:
    write_pyproject(tmp_path, "[tool.acolyte-gates]\nmax-nesting = \n")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_settings(tmp_path)


def test_overrides_apply_per_path_last_match_wins_key_by_key(tmp_path: Path) -> None:
    write_pyproject(
        tmp_path,
        """
[tool.acolyte-gates]
max-function-lines = 30

[[tool.acolyte-gates.overrides]]
paths = ["tests/**"]
max-function-lines = 60
max-parameters = 6

[[tool.acolyte-gates.overrides]]
paths = ["tests/slow/**"]
max-function-lines = 90
""",
    )
    settings = load_settings(tmp_path)
    assert file_limits(settings, "src/a.py").max_function_lines == 30
    assert file_limits(settings, "tests/test_a.py").max_function_lines == 60
    slow = file_limits(settings, "tests/slow/test_b.py")
    assert (slow.max_function_lines, slow.max_parameters) == (90, 6)


def test_override_without_paths_is_an_error(tmp_path: Path) -> None:
    write_pyproject(tmp_path, "[[tool.acolyte-gates.overrides]]\nmax-nesting = 2\n")
    with pytest.raises(ConfigError, match="needs a 'paths' list"):
        load_settings(tmp_path)


def test_explicit_config_file_is_used(tmp_path: Path) -> None:
    path = write_pyproject(tmp_path, "[tool.acolyte-gates]\nlevel = 'enterprise'\n")
    assert load_settings(config=path).level is Level.ENTERPRISE
    with pytest.raises(ConfigError, match="no such configuration file"):
        load_settings(config=tmp_path / "missing.toml")
