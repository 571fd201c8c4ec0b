"""`split` refuses what it cannot do safely, with one sentence each; and its smaller cases."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from acolyte_gates.cli import main
from acolyte_gates.refactor.refusal import Refused
from acolyte_gates.refactor.split_plan import plan_split
from acolyte_gates.refactor.split_values import SplitRequest

FILLER = "\n\ndef helper_{n}(x: int) -> int:\n    return x + {n}\n"


def module(tmp_path: Path, text: str, name: str = "shop.py", package: bool = True) -> Path:
    """A module in a package folder, with a few plain functions after `text`."""
    folder = tmp_path / "pkg"
    folder.mkdir(exist_ok=True)
    if package:
        (folder / "__init__.py").write_text("")
    body = textwrap.dedent(text) + "".join(FILLER.format(n=n) for n in range(4))
    path = folder / name
    path.write_text(body)
    return path


def refusal(path: Path, **request: object) -> str:
    with pytest.raises(Refused) as caught:
        plan_split(SplitRequest(str(path), 12, **request))  # type: ignore[arg-type]
    return str(caught.value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("from os.path import *\n", ":1: cannot split this module: a star import"),
        ("def f() -> object:\n    return globals()\n", ":2: cannot split this module: `globals()`"),
        (
            "def __getattr__(name: str) -> int:\n    return 1\n",
            ":1: cannot split this module: a module `__getattr__`",
        ),
        (
            "import sys\n\nME = sys.modules[__name__]\n",
            ":3: cannot split this module: `sys.modules[__name__]`",
        ),
        (
            "COUNT = 0\n\n\ndef bump() -> None:\n    global COUNT\n    COUNT += 1\n",
            ":5: cannot split this module: `global COUNT`",
        ),
        ("X = 1\nprint(X)\n", ":2: module-level code runs here (`print(X)`)"),
        (
            "def f() -> int:\n    return 1\n\n\ndef f() -> int:\n    return 2\n",
            ":1: the name 'f' is bound more than once",
        ),
        (
            "from os import sep\n\n\ndef sep() -> str:\n    return '/'\n",
            ":4: the name 'sep' is bound more than once",
        ),
    ],
    ids=[
        "star-import",
        "globals",
        "module-getattr",
        "sys-modules",
        "global",
        "side-effect",
        "clash",
        "clash-with-import",
    ],
)
def test_refusals_name_the_line_and_the_reason(tmp_path: Path, text: str, expected: str) -> None:
    path = module(tmp_path, text)
    assert refusal(path).startswith(f"{path}{expected}")


def test_a_proposed_name_avoids_existing_files_but_a_chosen_one_is_refused(tmp_path: Path) -> None:
    path = module(tmp_path, "")
    first = plan_split(SplitRequest(str(path), 12))
    taken = Path(first.modules[0].path)
    taken.write_text("# mine\n")
    again = plan_split(SplitRequest(str(path), 12))
    assert str(taken) not in [m.path for m in again.modules]
    other = Path(again.modules[0].path).stem
    renames = ((other, taken.stem),)
    assert refusal(path, renames=renames) == (
        f"{taken} exists already; choose another name with --name {taken.stem}=NEW"
    )
    assert taken.read_text() == "# mine\n"


def test_a_rename_of_a_name_not_proposed_is_refused(tmp_path: Path) -> None:
    path = module(tmp_path, "")
    assert refusal(path, renames=(("nothing", "x"),)).startswith(
        "--name nothing=x: no proposed module 'nothing'"
    )


def test_overloads_and_attribute_docstrings_move_with_their_definition(tmp_path: Path) -> None:
    path = module(
        tmp_path,
        '''\
        from typing import overload

        LIMIT = 3
        """How many, at most."""


        @overload
        def first(x: int) -> int: ...
        @overload
        def first(x: str) -> str: ...
        def first(x):
            return x
        ''',
    )
    plan = plan_split(SplitRequest(str(path), 12))
    homes = {name: module.path for module in plan.modules for name in module.names}
    text = next(m.text for m in plan.modules if "first" in m.names)
    assert text.count("@overload") == 2 and "first" in homes
    limit_text = next(m.text for m in plan.modules if "LIMIT" in m.names)
    assert 'LIMIT = 3\n"""How many, at most."""\n' in limit_text


def test_a_module_outside_a_package_is_imported_by_absolute_name(tmp_path: Path) -> None:
    path = module(
        tmp_path, "BASE = 10\n\n\ndef scaled(x: int) -> int:\n    return x * BASE\n", package=False
    )
    plan = plan_split(SplitRequest(str(path), 12))
    assert "from ." not in plan.thin.text
    assert any(f"from {Path(m.path).stem} import" in plan.thin.text for m in plan.modules)


def test_crlf_module_gives_crlf_modules(tmp_path: Path) -> None:
    path = module(tmp_path, '"""Doc."""\n\nimport os\n\n\ndef here() -> str:\n    return os.sep\n')
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    plan = plan_split(SplitRequest(str(path), 12))
    for text in (plan.thin.text, *(m.text for m in plan.modules)):
        assert "\n" not in text.replace("\r\n", "")


def test_cli_under_the_limit_has_nothing_to_split(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = module(tmp_path, "")
    assert main(["split", str(path)]) == 0
    assert capsys.readouterr().out.endswith("within the soft limit of 250; nothing to split\n")


def test_cli_refusal_exits_1_and_a_missing_file_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.acolyte-gates]\nwarn-module-lines = 10\n")
    path = module(tmp_path, "X = 1\nprint(X)\n")
    assert main(["split", str(path)]) == 1
    assert "module-level code runs here" in capsys.readouterr().err
    assert main(["split", str(tmp_path / "nothing.py")]) == 2


def test_cli_prints_the_plan_and_writes_nothing_without_apply(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.acolyte-gates]\nwarn-module-lines = 12\n")
    path = module(
        tmp_path, "BASE = 10\n\n\ndef scaled(x: int) -> int:\n    return helper_1(x) * BASE\n"
    )
    before = sorted(p.name for p in path.parent.iterdir())
    assert main(["split", str(path), "--name", "shop_services=calc"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"split {path} (")
    assert "pkg/calc.py" in out
    assert out.endswith("dry run: nothing written; run again with --apply to write these files\n")
    assert sorted(p.name for p in path.parent.iterdir()) == before


def test_an_import_block_takes_along_the_names_it_needs(tmp_path: Path) -> None:
    path = module(
        tmp_path,
        """\
        from typing import TYPE_CHECKING

        if TYPE_CHECKING:
            from decimal import Decimal


        def price(x: "Decimal") -> "Decimal":
            return x
        """,
    )
    plan = plan_split(SplitRequest(str(path), 12))
    text = next(m.text for m in plan.modules if "price" in m.names)
    assert (
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from decimal import Decimal\n"
        in text
    )


def test_a_definition_over_the_limit_on_its_own_is_named_in_a_note(tmp_path: Path) -> None:
    body = "".join(f"    x{n} = {n}\n" for n in range(20))
    path = module(tmp_path, f"class Big:\n{body}")
    plan = plan_split(SplitRequest(str(path), 12))
    assert plan.notes[0] == (
        "Big is 21 lines on its own, over the soft limit of 12: split it first"
        " (a class into mixins or strategies)"
    )
