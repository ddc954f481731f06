"""The grid in a real JupyterLab page (and Voila): select a row, sort, edit a cell by typing.

The grid draws on a canvas: a test clicks where a person would (a row's cell, a
column header's menu button) from the grid's box, its 20-pixel header and rows.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from typing import Any

import pytest
from conftest import LabServer, NotebookPage, console_errors, skip_or_fail, write_notebook
from test_app_page import LOAD, app_notebook, app_text, wait_text

pytestmark = pytest.mark.browser

ROW = 20  # ipydatagrid's default row and header height, in pixels
# ipydatagrid 1.4.0 logs this on every click in a streamed grid (its cell-click handler
# looks for rows the page does not hold); the selection itself works
STREAMING_CLICK = ("getDatasetRowFromView", "Cannot read properties of undefined (reading '")

SELECT_APP = r"""
import pandas as pd
df = pd.DataFrame({"name": ["ann", "bob", "cy", "dee"], "score": [30, 10, 40, 20]})
st.text("outside the fragment")

@st.fragment
def panel():
    event = st.dataframe(df, on_select="rerun", key="pick", width=400)
    st.text(f"picked: {list(df.iloc[event.selection.rows]['name'])}")

panel()
"""


def grid_box(nb: NotebookPage, index: int = 0) -> dict[str, float]:
    grid = nb.page.locator(".jf-app .jf-grid .lm-DataGrid").nth(index)
    grid.wait_for(state="visible")
    box: dict[str, float] = grid.bounding_box()
    return box


def click_cell(
    nb: NotebookPage, row: int, x: float, *, clicks: int = 1, holding: str | None = None
) -> None:
    """Click the cell of ``row`` (0: the first data row), ``x`` pixels from the left."""
    box = grid_box(nb)
    if holding:
        nb.page.keyboard.down(holding)
    nb.page.mouse.click(box["x"] + x, box["y"] + ROW * (row + 1) + ROW / 2, click_count=clicks)
    if holding:
        nb.page.keyboard.up(holding)


def test_click_a_row_to_select_it_reruns_the_fragment(
    open_notebook: Callable[..., NotebookPage],
) -> None:
    nb = app_notebook(open_notebook, SELECT_APP)
    wait_text(nb, r"picked: \[\]")
    nb.page.locator(".jf-app .jf-element").first.evaluate("el => { el.dataset.jfSeen = '1'; }")
    click_cell(nb, 1, 40)
    wait_text(nb, r"picked: \['bob'\]")
    click_cell(nb, 3, 40, holding="Control")
    wait_text(nb, r"picked: \['bob', 'dee'\]")
    # the element outside the fragment is the same DOM node: the app did not redraw
    assert nb.page.locator(".jf-app .jf-element").first.evaluate("el => el.dataset.jfSeen") == "1"
    assert nb.console_errors(ignore=STREAMING_CLICK) == []


def test_sort_by_a_column_then_select_picks_the_sorted_row(
    open_notebook: Callable[..., NotebookPage],
) -> None:
    nb = app_notebook(open_notebook, SELECT_APP)
    wait_text(nb, r"picked: \[\]")
    box = grid_box(nb)
    # the header menu button of "score", the second column, at its right edge
    width = 110
    nb.page.mouse.click(box["x"] + 2 * width - 8, box["y"] + ROW / 2)
    nb.page.get_by_text("Sort Ascending").click()
    nb.page.wait_for_timeout(500)  # the page fetches the sorted rows
    click_cell(nb, 0, 40)
    wait_text(nb, r"picked: \['bob'\]")
    click_cell(nb, 3, 40)
    wait_text(nb, r"picked: \['cy'\]")
    assert nb.console_errors(ignore=STREAMING_CLICK) == []


EDIT_APP = r"""
import pandas as pd
df = pd.DataFrame({"name": ["ann", "bob"], "score": [30, 10]})
edited = st.data_editor(
    df, hide_index=True, width=400,
    column_config={"score": st.column_config.NumberColumn(min_value=0, max_value=100)},
)
st.text(f"scores: {list(edited['score'])}")
"""


def test_edit_a_cell_by_typing(open_notebook: Callable[..., NotebookPage]) -> None:
    nb = app_notebook(open_notebook, EDIT_APP)
    wait_text(nb, r"scores: \[30, 10\]")
    click_cell(nb, 1, 110 + 40, clicks=2)
    nb.page.keyboard.press("Control+A")
    nb.page.keyboard.type("55")
    nb.page.keyboard.press("Enter")
    wait_text(nb, r"scores: \[30, 55\]")
    # a value above the maximum is refused: the cell goes back, a line says why
    click_cell(nb, 0, 110 + 40, clicks=2)
    nb.page.keyboard.press("Control+A")
    nb.page.keyboard.type("500")
    nb.page.keyboard.press("Enter")
    wait_text(nb, "500 is above the maximum 100")
    assert "scores: [30, 55]" in app_text(nb)
    assert nb.console_errors() == []


def test_click_a_row_in_voila(page: Any, lab_server: LabServer) -> None:
    if importlib.util.find_spec("voila") is None:
        skip_or_fail("voila is not installed (pip install voila)")
    app = "%%app\nimport jupyter_fragments as st\n" + SELECT_APP
    write_notebook(lab_server.root / "voila_grid.ipynb", [LOAD, app])
    page.goto(f"{lab_server.url}/voila/render/voila_grid.ipynb?token={lab_server.token}")
    page.locator(".jf-app").wait_for(state="visible", timeout=60_000)
    has = "(t) => document.querySelector('.jf-app').innerText.includes(t)"
    page.wait_for_function(has, arg="picked: []")
    grid = page.locator(".jf-app .jf-grid .lm-DataGrid").first
    grid.wait_for(state="visible")
    box = grid.bounding_box()
    page.mouse.click(box["x"] + 40, box["y"] + ROW * 2 + ROW / 2)
    page.wait_for_function(has, arg="picked: ['bob']")
    assert console_errors(page, ignore=STREAMING_CLICK) == []
