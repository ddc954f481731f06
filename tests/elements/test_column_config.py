"""``st.column_config`` through a real kernel: what each column shows, and what an edit may be.

A read-only grid's cells are read as the page gets them (the rows it asks for when it
scrolls); an editor's checks are driven by the edits the page sends.
"""

from __future__ import annotations

import pytest
from grid_support import fetch_rows, grid_of, line

from jupyter_fragments.testing import KernelSession

SHOWN_APP = r"""%%app shown
import datetime
import pandas as pd
import jupyter_fragments as st

cc = st.column_config
df = pd.DataFrame({
    "price": [1234.5, -2.0],
    "share": [0.25, 0.5],
    "stars": [3, 5],
    "day": pd.to_datetime(["2024-02-01", "2024-12-24"]),
    "site": ["https://docs.streamlit.io", "https://x.streamlit.app"],
    "app": ["https://one.streamlit.app", "https://two.streamlit.app"],
    "done": [True, False],
    "tags": [["a", "b"], ["c"]],
    "trend": [[0, 5, 9], [9, 5, 0]],
    "meta": [{"k": 1}, {"k": [2]}],
    "secret": ["x", "y"],
    "when": pd.to_datetime(["2024-01-02 03:04:05", "2024-01-02 13:00:00"]),
}, index=pd.Index(["r1", "r2"], name="id"))
st.dataframe(df, column_config={
    "_index": "Row",
    "price": cc.NumberColumn("Price", format="dollar", width="small"),
    "share": cc.NumberColumn(format="percent"),
    "stars": cc.NumberColumn("Stars", format="%d ⭐", width=90),
    "day": cc.DateColumn("Day", format="DD.MM.YYYY"),
    "site": cc.LinkColumn("Site", display_text="Open"),
    "app": cc.LinkColumn("App", display_text=r"https://(.*?)\.streamlit\.app"),
    "done": cc.CheckboxColumn("Done?"),
    "tags": cc.ListColumn(),
    "trend": cc.LineChartColumn(y_min=0, y_max=9),
    "meta": cc.JsonColumn(),
    "secret": None,
})
"""


def test_each_column_type_shows_its_values_as_configured(app_session: KernelSession) -> None:
    app_session.run_cell(SHOWN_APP)
    assert app_session.app("shown").exceptions == []
    grid = next(m for m in app_session.mirror.live() if m.kind == "StreamingDataGrid")
    fields = [f["name"] for f in grid.state["_data"]["schema"]["fields"]]
    assert fields == ["Row", "Price", "share", "Stars", "Day", "Site", "App", "Done?", "tags",
                      "trend", "meta", "when", "ipydguuid"]  # fmt: skip
    assert grid.state["column_widths"] == {"Price": 75, "Stars": 90}
    cells = fetch_rows(app_session, grid.model_id, 0, 1, 11)
    assert cells["Row"] == ["r1", "r2"]
    assert cells["Price"] == ["$1,234.50", "-$2.00"]
    assert cells["share"] == ["25.00%", "50.00%"]
    assert cells["Stars"] == ["3 ⭐", "5 ⭐"]
    assert cells["Day"] == ["01.02.2024", "24.12.2024"]
    assert cells["Site"] == ["Open", "Open"]
    assert cells["App"] == ["one", "two"]
    assert cells["Done?"] == ["☑", "☐"]
    assert cells["tags"] == ["a, b", "c"]
    assert cells["trend"] == ["▁▅█", "█▅▁"]
    assert cells["meta"] == ['{"k": 1}', '{"k": [2]}']
    assert cells["when"] == ["2024-01-02 03:04:05", "2024-01-02 13:00:00"]


def test_order_index_and_a_sort_on_formatted_numbers(app_session: KernelSession) -> None:
    app_session.run_cell(
        r"""%%app order
import pandas as pd
import jupyter_fragments as st

df = pd.DataFrame({"a": [9, 100, 20], "b": ["x", "y", "z"], "c": [1, 2, 3]})
st.dataframe(df, column_order=["c", "a"], hide_index=True,
             column_config={"a": st.column_config.NumberColumn(format="%d units")})
"""
    )
    grid = next(m for m in app_session.mirror.live() if m.kind == "StreamingDataGrid")
    assert grid.state["header_visibility"] == "column"
    assert [f["name"] for f in grid.state["_data"]["schema"]["fields"]][1:3] == ["c", "a"]
    app_session.set_state(grid.model_id, _transforms=[{"type": "sort", "column": "a"}])
    cells = fetch_rows(app_session, grid.model_id, 0, 2, 2)
    assert cells["a"] == ["9 units", "20 units", "100 units"]  # as numbers, not as text
    assert cells["c"] == [1, 3, 2]


def test_column_config_mistakes_are_clear_errors(app_session: KernelSession) -> None:
    app_session.run_cell(
        r"""%%app mistakes
import pandas as pd
import jupyter_fragments as st

df = pd.DataFrame({"a": [1]})
for make in (
    lambda: st.column_config.NumberColumn(width="huge"),
    lambda: st.column_config.NumberColumn(min_value=5, max_value=1),
    lambda: st.dataframe(df, column_config={"a": {"colour": "red"}}),
    lambda: st.dataframe(df, column_config=["a"]),
    lambda: st.dataframe(df, column_order=["zz"]),
    lambda: st.dataframe(df, on_select="rerun", selection_mode=["single-row", "multi-row"]),
    lambda: st.dataframe(df, height="tall"),
):
    try:
        make()
    except st.FragmentsAPIError as exc:
        st.text(f"error: {exc}")
"""
    )
    errors = [t for t in app_session.app("mistakes").text.splitlines() if t.startswith("error")]
    assert len(errors) == 7
    assert all("Fix:" in e for e in errors)
    assert "width='huge'" in errors[0] and "min_value=5 above max_value=1" in errors[1]
    assert "unknown setting 'colour'" in errors[2]
    assert "column_order with unknown column 'zz'" in errors[4]


def test_editing_checks_step_dates_patterns_and_config_disabled(
    app_session: KernelSession,
) -> None:
    app_session.run_cell(
        r"""%%app edits
import datetime
import pandas as pd
import jupyter_fragments as st

cc = st.column_config
df = pd.DataFrame({"qty": [2, 4], "day": [datetime.date(2024, 1, 5)] * 2,
                   "code": ["AB", "CD"], "fixed": [1, 2]})
edited = st.data_editor(df, key="e", column_config={
    "qty": cc.NumberColumn(step=2),
    "day": cc.DateColumn(min_value=datetime.date(2024, 1, 1),
                         max_value=datetime.date(2024, 12, 31)),
    "code": cc.TextColumn(validate=r"^[A-Z]+$"),
    "fixed": cc.NumberColumn(disabled=True),
})
st.data_editor(df, disabled=True, num_rows="dynamic", key="locked")
st.text(f"qty={list(edited['qty'])} day={list(edited['day'])} code={list(edited['code'])}")
"""
    )
    app = app_session.app("edits")
    grid = grid_of(app, app_session, key="e")

    def edit(row: int, column: int, value: object) -> None:
        content = {"event_type": "cell-changed", "row": row, "column_index": column,
                   "value": value}  # fmt: skip
        app_session.wait_idle(app_session.send_custom(grid, content))

    edit(0, 0, 3)
    assert "qty: 3 is not a multiple of the step 2" in app.text
    edit(0, 0, 6)
    edit(1, 1, "2025-03-01")
    assert "day: 2025-03-01 is after the maximum 2024-12-31" in app.text
    edit(1, 1, "2024-03-01")
    edit(0, 2, "ab")
    assert "code: 'ab' does not match the pattern '^[A-Z]+$'" in app.text
    edit(0, 2, "XY")
    edit(0, 3, 9)
    assert "fixed: this column cannot be edited" in app.text
    locked = grid_of(app, app_session, key="locked")
    assert app_session.mirror[locked].state["editable"] is False
    assert "Add row" not in app.text  # nothing to add to a disabled editor
    assert line(app, "qty=") == (
        "qty=[6, 4] day=[datetime.date(2024, 1, 5), datetime.date(2024, 3, 1)] code=['XY', 'CD']"
    )


def test_polars_and_numpy_frames(app_session: KernelSession) -> None:
    pytest.importorskip("polars")  # not a dependency: polars frames are converted if given
    app_session.run_cell(
        r"""%%app polars
import numpy as np
import polars as pl
import jupyter_fragments as st

frame = pl.DataFrame({"a": [1, 2], "b": ["x", "y"]})
st.dataframe(frame)
edited = st.data_editor(frame, key="pl")
st.text(f"type={type(edited).__module__.split('.')[0]} {edited['a'].to_list()}")
st.dataframe(np.arange(6).reshape(3, 2))
"""
    )
    app = app_session.app("polars")
    assert app.exceptions == []
    assert line(app, "type=") == "type=polars [1, 2]"
    grids = [m for m in app_session.mirror.live() if m.kind == "StreamingDataGrid"]
    assert [g.state["header_visibility"] for g in grids] == ["column", "column"]
    assert [g.state["_row_count"] for g in grids] == [2, 3]
