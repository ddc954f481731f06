"""The import contracts in pyproject.toml hold, and an upward import breaks them.

``lint-imports`` (import-linter) checks the layers of docs/architecture.md; here it runs
on the checkout, then on copies of the package with one forbidden import added inside a
function or under ``TYPE_CHECKING``, to show that such imports are seen and named.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from architecture_support import PACKAGE, ROOT, SKIPPED

pytest.importorskip("importlinter", reason="import-linter comes with the `lint` extra")

LINT = "from importlinter.cli import lint_imports_command; lint_imports_command()"

LAYERS = "Layers: each imports only the layers below it"
DOOR = "Nothing imports the public door (the package's __init__)"
HARNESS = "The product never imports the test harness"
PUBLIC = "The test harness imports no private product module (public names only)"


def lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    """Run ``lint-imports`` in ``root``: on the package there, with the pyproject.toml there."""
    env = {**os.environ, "PYTHONPATH": str(root), "NO_COLOR": "1", "COLUMNS": "200"}
    return subprocess.run(
        [sys.executable, "-c", LINT, "--no-cache"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_contracts_hold_on_the_checkout() -> None:
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    for name in (LAYERS, DOOR, HARNESS, PUBLIC):
        assert f"{name} KEPT" in result.stdout


def _copy(tmp_path: Path) -> Path:
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    shutil.copytree(
        ROOT / PACKAGE,
        tmp_path / PACKAGE,
        ignore=shutil.ignore_patterns("__pycache__", *SKIPPED),
    )
    return tmp_path


def _inside_a_function(statement: str) -> str:
    return f"\n\ndef _reaches_across() -> None:\n    {statement}  # noqa\n"


def _for_type_checking(statement: str) -> str:
    return f"\n\nimport typing\n\nif typing.TYPE_CHECKING:\n    {statement}  # noqa\n"


@pytest.mark.parametrize(
    ("module", "statement", "contract", "chain"),
    [
        (
            "_state/__init__.py",
            "from jupyter_fragments._elements import layout",
            LAYERS,
            "jupyter_fragments._state -> jupyter_fragments._elements",
        ),
        (
            "_page/__init__.py",
            "import jupyter_fragments",
            DOOR,
            "jupyter_fragments._page -> jupyter_fragments",
        ),
        (
            "_runtime/__init__.py",
            "from jupyter_fragments.testing import KernelSession",
            HARNESS,
            "jupyter_fragments._runtime -> jupyter_fragments.testing",
        ),
        (
            "testing/results.py",
            "from jupyter_fragments._runtime import session",
            PUBLIC,
            "jupyter_fragments.testing.results -> jupyter_fragments._runtime",
        ),
    ],
)
@pytest.mark.parametrize("place", [_inside_a_function, _for_type_checking])
def test_an_upward_import_breaks_its_contract(
    tmp_path: Path,
    module: str,
    statement: str,
    contract: str,
    chain: str,
    place: Callable[[str], str],
) -> None:
    root = _copy(tmp_path)
    with (root / PACKAGE / module).open("a", encoding="utf-8") as source:
        source.write(place(statement))

    result = lint_imports(root)

    assert result.returncode != 0
    out = re.sub(r"\s+", " ", result.stdout)
    assert f"{contract} BROKEN" in out
    assert chain in out, result.stdout
