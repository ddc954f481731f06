"""``st.grid`` (Streamlit 1.67, "Insert a responsive grid container"): direct children
are cells, ``cell()`` groups elements and spans tracks."""

from __future__ import annotations

from typing import Any

from jupyter_fragments.testing import KernelSession

APP = """%%app grid
import jupyter_fragments as st
g = st.grid(3, gap="medium")
for name in ["Users", "Sales", "Errors"]:
    g.metric(name, len(name))
with g.cell(column_span=2):
    st.write("wide cell")
    st.caption("two lines in one cell")
with g:
    st.button("in the grid")
st.write("after the grid")
"""


def _grid_model(session: KernelSession) -> Any:
    return next(m for m in session.mirror.live() if "jf-grid" in m.state.get("_dom_classes", []))


def test_children_are_cells_and_cell_groups_and_spans(app_session: KernelSession) -> None:
    app_session.run_cell(APP)
    app = app_session.app("grid")
    text = app.text
    for expected in ("Users", "Sales", "Errors", "wide cell", "in the grid", "after the grid"):
        assert expected in text
    assert text.index("in the grid") < text.index("after the grid")
    grid = _grid_model(app_session)
    children = grid.refs("children")
    assert len(children) == 5  # three metrics, one grouped cell, one button
    layout = app_session.mirror[grid.refs("layout")[0]]
    assert "repeat(" in layout.state["grid_template_columns"]
    assert layout.state["grid_gap"] == "2rem 2rem"
    cell = next(
        m for m in app_session.mirror.live() if "jf-grid-cell" in m.state.get("_dom_classes", [])
    )
    cell_layout = app_session.mirror[cell.refs("layout")[0]]
    assert cell_layout.state["grid_column"] == "span 2"
    assert len(cell.refs("children")) == 2


def test_rerun_keeps_the_grid_and_bad_input_says_how_to_fix(app_session: KernelSession) -> None:
    app_session.run_cell(APP)
    app = app_session.app("grid")
    grid_id = _grid_model(app_session).model_id
    app.button("in the grid").click()
    assert _grid_model(app_session).model_id == grid_id  # reused, not rebuilt
    app_session.run_cell(
        "%%app badgrid\nimport jupyter_fragments as st\nst.grid('auto', wrap=False)"
    )
    errors = app_session.app("badgrid").exceptions
    assert errors and "Fix:" in str(errors[0]) and "wrap=False" in str(errors[0])
