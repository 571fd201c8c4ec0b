"""libcst is imported only under src/acolyte_gates/refactor/, and `check` never loads it."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "acolyte_gates"
IMPORTS_LIBCST = re.compile(r"^\s*(import libcst|from libcst)\b", re.MULTILINE)


def test_libcst_is_imported_only_by_the_refactor_package() -> None:
    importers = sorted(
        str(path.relative_to(SRC))
        for path in SRC.rglob("*.py")
        if IMPORTS_LIBCST.search(path.read_text(encoding="utf-8"))
    )
    assert importers and all(name.startswith("refactor/") for name in importers), importers


def test_checking_a_file_does_not_load_libcst(tmp_path: Path) -> None:
    (tmp_path / "m.py").write_text('"""Doc."""\n')
    code = (
        "import sys; from acolyte_gates.cli import main; main(['check', '--no-cache', sys.argv[1]]);"
        " print('libcst' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "m.py")],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip().endswith("False")
