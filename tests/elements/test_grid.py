"""``st.dataframe`` through a real kernel: the grid, its rows on demand, and selections.

A selection is driven as the page drives it: the grid model's ``selections`` state
(rectangles of the view, after any sort) is sent as a ``comm_msg`` update.
"""

from __future__ import annotations

from grid_support import fetch_rows, grid_of, line, row_rect

from jupyter_fragments.testing import KernelSession

SELECT_APP = r"""%%app select
import pandas as pd
import jupyter_fragments as st

df = pd.DataFrame({"name": ["ann", "bob", "cy", "dee"], "score": [30, 10, 40, 20]})
st.text("full runs")

@st.fragment
def panel():
    event = st.dataframe(df, on_select="rerun", key="pick")
    st.text(f"rows={event.selection.rows} same={event['selection']['rows']}")
    st.text(f"state={st.session_state.pick.selection.rows}")
    st.text(f"picked={list(df.iloc[event.selection.rows]['name'])}")

panel()
"""


def test_a_row_selection_returns_positions_and_reruns_only_its_fragment(
    app_session: KernelSession,
) -> None:
    app_session.run_cell(SELECT_APP)
    app = app_session.app("select")
    assert line(app, "rows=") == "rows=[] same=[]"
    grid = grid_of(app, app_session, kind="dataframe")
    assert app_session.mirror[grid].state["selection_mode"] == "row"
    runs = app.runs

    hit = app_session.set_state(grid, selections=[row_rect(1), row_rect(3)])
    assert hit.error is None
    assert line(app, "rows=") == "rows=[1, 3] same=[1, 3]"
    assert line(app, "state=") == "state=[1, 3]"
    assert line(app, "picked=") == "picked=['bob', 'dee']"
    assert app.runs == runs  # only the fragment reran
    assert app.fragment("panel").runs == 2


def test_rows_are_positions_in_the_data_after_a_sort(app_session: KernelSession) -> None:
    app_session.run_cell(SELECT_APP)
    app = app_session.app("select")
    grid = app_session.widget(grid_of(app, app_session, kind="dataframe"))
    # the page sorts by score (ascending): the view is bob, dee, ann, cy
    grid.set_state(_transforms=[{"type": "sort", "column": "score", "desc": False}])
    grid.set_state(selections=[row_rect(0)])
    assert line(app, "picked=") == "picked=['bob']"
    grid.set_state(selections=[row_rect(3)])
    assert line(app, "picked=") == "picked=['cy']"
    # the page filters score > 15 and sorts: dee, ann and cy are left, in that order
    filtered = [{"type": "filter", "column": "score", "operator": ">", "value": 15},
                {"type": "sort", "column": "score", "desc": False}]  # fmt: skip
    grid.set_state(_transforms=filtered)
    assert grid.state["_row_count"] == 3
    grid.set_state(selections=[row_rect(0)])
    assert line(app, "picked=") == "picked=['dee']"


def test_single_modes_keep_one_and_columns_and_cells_by_name(app_session: KernelSession) -> None:
    app_session.run_cell(
        r"""%%app modes
import pandas as pd
import jupyter_fragments as st

df = pd.DataFrame({"a": [1, 2, 3], "b": [4, 5, 6], "c": [7, 8, 9]})
one = st.dataframe(df, on_select="rerun", selection_mode="single-row", key="one")
cols = st.dataframe(df, on_select="rerun", selection_mode="multi-column", key="cols")
cells = st.dataframe(
    df, on_select="rerun", selection_mode=["multi-row", "single-cell"], key="cells"
)
st.text(f"one={one.selection.rows}")
st.text(f"cols={cols.selection.columns}")
st.text(f"cells={cells.selection.cells} rows={cells.selection.rows}")
"""
    )
    app = app_session.app("modes")
    one = grid_of(app, app_session, key="one")
    app_session.set_state(one, selections=[row_rect(0, 3), row_rect(2, 3)])
    assert line(app, "one=") == "one=[2]"
    assert app_session.mirror[one].state["selections"] == [row_rect(2, 3)]

    cols = grid_of(app, app_session, key="cols")
    assert app_session.mirror[cols].state["selection_mode"] == "column"
    app_session.set_state(cols, selections=[{"r1": 0, "c1": 1, "r2": 2, "c2": 2}])
    assert line(app, "cols=") == "cols=['b', 'c']"

    cells = grid_of(app, app_session, key="cells")
    assert app_session.mirror[cells].state["selection_mode"] == "cell"
    app_session.set_state(
        cells,
        selections=[row_rect(1, 3), {"r1": 2, "c1": 0, "r2": 2, "c2": 0}],
    )
    assert line(app, "cells=") == "cells=[(2, 'a')] rows=[1]"


def test_selection_set_through_session_state_and_required_row(app_session: KernelSession) -> None:
    app_session.run_cell(
        r"""%%app required
import pandas as pd
import jupyter_fragments as st

df = pd.DataFrame({"a": [1, 2, 3]})
if st.button("pick last"):
    st.session_state.req = {"selection": {"rows": [2]}}
event = st.dataframe(df, on_select="rerun", selection_mode="single-row-required", key="req")
st.text(f"rows={event.selection.rows}")
"""
    )
    app = app_session.app("required")
    assert line(app, "rows=") == "rows=[0]"
    grid = grid_of(app, app_session, key="req")
    assert app_session.mirror[grid].state["selections"] == [row_rect(0, 1)]
    app_session.set_state(grid, selections=[])  # a click that clears: one row stays
    assert line(app, "rows=") == "rows=[0]"
    app.button("pick last").click()
    app.button("pick last").click()  # the rerun after the assignment shows it
    assert line(app, "rows=") == "rows=[2]"
    assert app_session.mirror[grid].state["selections"] == [row_rect(2, 1)]


def test_display_dataframe_is_not_an_input_and_keeps_its_grid(app_session: KernelSession) -> None:
    first = app_session.run_cell(
        r"""%%app show
import numpy as np
import pandas as pd
import jupyter_fragments as st

big = pd.DataFrame({"i": np.arange(100_000), "x": np.arange(100_000) * 0.5})
st.dataframe(big)
st.button("again")
"""
    )
    app = app_session.app("show")
    assert [w.kind for w in app.widgets] == ["button"]  # the grid is not an input
    grids = [m for m in app_session.mirror.live() if m.kind == "StreamingDataGrid"]
    assert len(grids) == 1
    grid = grids[0]
    assert grid.state["_row_count"] == 100_000  # every row, none capped
    assert first.bytes < 60_000  # the rows themselves stay in the kernel until asked for
    hit = app.button("again").click()
    assert hit.comm_opens == 0 and hit.comm_closes == 0  # the same grid, reused
    # the page asks for rows 50,000-50,009: the kernel answers with exactly those
    reply = app_session.send_custom(
        grid.model_id, {"type": "data-request", "r1": 50_000, "r2": 50_009, "c1": 0, "c2": 1}
    )
    answer = app_session.wait_idle(reply)[0]
    assert answer.messages == 1 and answer.bytes < 4_000


def test_without_ipydatagrid_a_static_table_and_a_note(app_session: KernelSession) -> None:
    app_session.run_cell(
        r"""%%app fallback
import sys
import pandas as pd
import jupyter_fragments as st

df = pd.DataFrame({"name": ["ann", "bob"]})
saved = sys.modules.get("ipydatagrid")
sys.modules["ipydatagrid"] = None  # as if it were not installed
try:
    event = st.dataframe(df, on_select="rerun")
    edited = st.data_editor(df)
finally:
    sys.modules["ipydatagrid"] = saved
st.text(f"rows={event.selection.rows} same={edited is df}")
"""
    )
    app = app_session.app("fallback")
    assert app.exceptions == []
    text = app.text
    assert text.count("Install ipydatagrid for the interactive grid") == 2
    assert "ann" in text and "bob" in text
    assert "rows=[] same=True" in text
    assert not [m for m in app_session.mirror.live() if m.kind.endswith("DataGrid")]


def test_a_selection_follows_its_rows_when_the_page_sorts(app_session: KernelSession) -> None:
    app_session.run_cell(SELECT_APP)
    app = app_session.app("select")
    grid = app_session.widget(grid_of(app, app_session, kind="dataframe"))
    grid.set_state(selections=[row_rect(1)])  # bob
    assert line(app, "picked=") == "picked=['bob']"
    # sorted by score, descending: cy, ann, dee, bob; the page is told bob's new row
    grid.set_state(_transforms=[{"type": "sort", "column": "score", "desc": True}])
    assert grid.state["selections"] == [row_rect(3)]
    assert line(app, "picked=") == "picked=['bob']"


def test_any_data_shape_draws_a_grid(app_session: KernelSession) -> None:
    app_session.run_cell(
        r"""%%app shapes
import numpy as np
import pandas as pd
import jupyter_fragments as st

st.dataframe()
st.dataframe(pd.DataFrame())
st.dataframe(pd.Series([1, 2, 3], name="n"))
st.dataframe({"a": 1, "b": 2})
st.dataframe([1, 2, 3])
st.dataframe(pd.DataFrame([[1, 2]], columns=["x", "x"]))
st.dataframe(pd.DataFrame([[1, 2]], columns=pd.MultiIndex.from_tuples([("a", "b"), ("a", "c")])))
st.dataframe(pd.DataFrame({"v": [1.5, 2.25]}).style.format({"v": "{:.1f} kg"}))
left, right = st.columns(2)
left.dataframe({"c": [1]})
with st.sidebar:
    st.dataframe({"d": [1]})
"""
    )
    app = app_session.app("shapes")
    assert app.exceptions == []
    grids = [m for m in app_session.mirror.live() if m.kind == "StreamingDataGrid"]
    assert [g.state["_row_count"] for g in grids] == [0, 0, 3, 2, 3, 1, 1, 2, 1, 1]
    assert [f["name"] for f in grids[5].state["_data"]["schema"]["fields"]][1:3] == ["x", "x (2)"]
    styled = fetch_rows(app_session, grids[7].model_id, 0, 1, 1)
    assert styled["v"] == ["1.5 kg", "2.2 kg"]


def test_a_display_grid_follows_new_data_in_place(app_session: KernelSession) -> None:
    app_session.run_cell(
        r"""%%app follow
import pandas as pd
import jupyter_fragments as st

df = pd.DataFrame({"n": range(100)})
limit = st.slider("limit", 0, 100, 10)
st.dataframe(df[df["n"] < limit])
"""
    )
    app = app_session.app("follow")
    grid = next(m for m in app_session.mirror.live() if m.kind == "StreamingDataGrid")
    assert grid.state["_row_count"] == 10
    hit = app.slider("limit").set_value(50)
    assert grid.state["_row_count"] == 50
    assert hit.comm_opens == 0 and hit.comm_closes == 0
    assert fetch_rows(app_session, grid.model_id, 48, 49, 1)["n"] == [48, 49]


def test_a_grid_closes_every_model_it_opened(app_session: KernelSession) -> None:
    before = {m.model_id for m in app_session.mirror.live()}
    app_session.run_cell(
        r"""%%app closing
import pandas as pd
import jupyter_fragments as st

df = pd.DataFrame({"p": [0.5], "n": [1], "t": ["x"]})
config = {"p": st.column_config.ProgressColumn(), "n": st.column_config.NumberColumn()}
if st.toggle("show", value=True):
    st.dataframe(df, column_config=config)
    st.dataframe(df, on_select="rerun", key="sel")
    st.data_editor(df, num_rows="dynamic", key="ed")
"""
    )
    app = app_session.app("closing")
    kinds = {m.kind for m in app_session.mirror.live() if m.model_id not in before}
    assert {"StreamingDataGrid", "DataGrid", "BarRenderer", "TextRenderer", "Button"} <= kinds
    app.widget("show").set_value(False)
    left = {m.kind for m in app_session.mirror.live() if m.model_id not in before}
    assert not left & {"StreamingDataGrid", "DataGrid", "BarRenderer", "TextRenderer",
                       "VegaExpr", "Expr", "LinearScale", "HTML", "Button"}  # fmt: skip
