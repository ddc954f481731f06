"""``pytest --nbapps``: a folder of notebooks, one test per app, run in a pytest of its own.

Each run is a subprocess loading the plugin with ``-p`` (autoload off, as where the
package is not installed), on notebooks written to a temporary folder.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import nbformat

HEAD = "%load_ext jupyter_fragments"

GOOD = """%%app dashboard
import jupyter_fragments as st
n = st.slider("n", 0, 10, 3)
unit = st.selectbox("unit", ["kg", "lb"])
if st.button("Double"):
    n *= 2
st.write(f"{n} {unit}")
"""

CRASHING = """%%app crasher
import jupyter_fragments as st
st.title("Totals")
totals = {"a": 1}
st.write(totals["b"])
"""

PICKY = """%%app picky
import jupyter_fragments as st
level = st.slider("level", 0, 5, 1)
st.checkbox("verbose")
if level == 5:
    raise ValueError("level 5 is too high")
st.write(f"level {level}")
"""


def _notebook(folder: Path, name: str, *cells: str, tags: dict[int, list[str]] | None = None):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(source) for source in cells]
    for index, cell_tags in (tags or {}).items():
        nb.cells[index].metadata["tags"] = cell_tags
    nbformat.write(nb, folder / name)


def _pytest(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"}
    command = [sys.executable, "-m", "pytest", "-p", "jupyter_fragments.testing.pytest_plugin"]
    command += ["-p", "no:cacheprovider", "-rA", "-v", *args]
    return subprocess.run(
        command, cwd=folder, env=env, capture_output=True, text=True, timeout=600, check=False
    )


def _outcomes(output: str) -> dict[str, str]:
    """``{"good.ipynb::app[dashboard]": "PASSED", ...}`` from pytest's -v lines."""
    found = {}
    for line in output.splitlines():
        parts = line.split()
        if len(parts) >= 2 and ".ipynb::" in parts[0] and parts[1] in ("PASSED", "FAILED"):
            found[parts[0].split("/")[-1]] = parts[1]
    return found


def test_each_app_is_a_test_and_a_poke_finds_the_input_that_breaks_one(tmp_path: Path):
    folder = tmp_path / "notebooks"
    folder.mkdir()
    _notebook(folder, "good.ipynb", HEAD, GOOD)
    _notebook(folder, "crash.ipynb", HEAD, CRASHING, "print('after the app')")
    _notebook(folder, "picky.ipynb", HEAD, PICKY)

    first = _pytest(tmp_path, "--nbapps", "notebooks")
    assert first.returncode == 1, first.stdout + first.stderr
    assert _outcomes(first.stdout) == {
        "crash.ipynb::notebook": "PASSED",  # the strict app's error is its own test's
        "crash.ipynb::app[crasher]": "FAILED",
        "good.ipynb::notebook": "PASSED",
        "good.ipynb::app[dashboard]": "PASSED",
        "picky.ipynb::notebook": "PASSED",
        "picky.ipynb::app[picky]": "PASSED",  # not poked: its first run is fine
    }, first.stdout
    assert "The app raised on its first run (cell 2): KeyError: 'b'" in first.stdout
    assert 'st.write(totals["b"])' in first.stdout  # the traceback, with the app's line

    poked = _pytest(tmp_path, "--nbapps-poke", "notebooks")
    assert poked.returncode == 1, poked.stdout + poked.stderr
    outcomes = _outcomes(poked.stdout)
    assert outcomes["good.ipynb::app[dashboard]"] == "PASSED", poked.stdout
    assert outcomes["picky.ipynb::app[picky]"] == "FAILED", poked.stdout
    assert (
        "picky.ipynb::app[picky]: moving slider 'level' to 5 (its maximum) broke the app: "
        "ValueError: level 5 is too high"
    ) in poked.stdout
    assert 'raise ValueError("level 5 is too high")' in poked.stdout
    # dashboard: 2 slider ends, 2 units, 1 click; picky: stopped at its slider's maximum
    assert "nbapps: 3 notebook(s) run, 3 app(s), 7 gestures tried on their inputs" in poked.stdout


def test_ini_option_skip_tag_unnamed_apps_and_cell_errors(tmp_path: Path):
    (tmp_path / "pytest.ini").write_text("[pytest]\nnbapps = true\n", encoding="utf-8")
    unnamed = "%%app\nimport jupyter_fragments as st\nst.button('Go')"
    skipped = "raise RuntimeError('needs a database')"
    _notebook(tmp_path, "tagged.ipynb", HEAD, skipped, unnamed, tags={1: ["nbapps-skip"]})
    _notebook(tmp_path, "broken.ipynb", HEAD, "undefined_name + 1", unnamed)

    result = _pytest(tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    assert _outcomes(result.stdout) == {
        "broken.ipynb::notebook": "FAILED",
        "tagged.ipynb::notebook": "PASSED",
        "tagged.ipynb::app[cell3]": "PASSED",
    }, result.stdout
    assert "broken.ipynb: Cell 2 raised CellExecutionError" in result.stdout
    assert "NameError" in result.stdout
