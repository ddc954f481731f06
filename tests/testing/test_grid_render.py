"""The harness shows a grid as a browser does: the first rows of ``st.dataframe`` (asked
for as the page asks, never counted in an interaction) and the cells of ``st.data_editor``.
"""

from __future__ import annotations

import base64
from typing import Any

from jupyter_fragments.testing import KernelSession, WidgetMirror, render_text
from jupyter_fragments.testing.app import AppHandle

VIEW = "application/vnd.jupyter.widget-view+json"

BIG_APP = r"""%%app big
import numpy as np
import pandas as pd
import jupyter_fragments as st

df = pd.DataFrame({"n": np.arange(100_000), "square": np.arange(100_000) ** 2,
                   "name": [f"row {i}" for i in range(100_000)]})
st.dataframe(df)
st.text("below the grid")
"""

SORT_APP = r"""%%app sorted
import pandas as pd
import jupyter_fragments as st

df = pd.DataFrame({"name": ["ann", "bob", "cy", "dee"], "score": [30, 10, 40, 20]})
st.dataframe(df, hide_index=True)
"""

EDITOR_APP = r"""%%app editor
import pandas as pd
import jupyter_fragments as st

df = pd.DataFrame({"name": ["ann", "bob"], "score": [1.5, 2.0]})
edited = st.data_editor(df, key="people")
st.text(f"total={edited['score'].sum()}")
"""

COUNT_APP = r"""%%app counting
import pandas as pd
import jupyter_fragments as st

clicks = st.session_state.setdefault("clicks", 0)
st.dataframe(pd.DataFrame({"a": [clicks], "b": [clicks + 1]}), hide_index=True)
if st.button("count"):
    st.session_state.clicks += 1
    st.text(f"counted {st.session_state.clicks}")
"""

TICKING = """\
import ipywidgets as w
import pandas as pd
from ipydatagrid import StreamingDataGrid

grid = StreamingDataGrid(pd.DataFrame({"n": range(1000)}))
button = w.Button(description="Go")
shift = [0]


def go(_button):
    shift[0] += 1
    grid.data = pd.DataFrame({"n": range(shift[0], shift[0] + 1000)})
    grid.tick()  # the same schema and row count: only the tick tells the page


button.on_click(go)
w.VBox([button, grid])
"""


def _grid(session: KernelSession, app: AppHandle) -> str:
    """The model id of the one grid drawn in ``app`` (outputs' views, boxes' children)."""
    found, todo = [], [app.model_id]
    while todo:
        model = session.mirror[todo.pop()]
        if model.kind.endswith("DataGrid"):
            found.append(model.model_id)
        views = [o.get("data", {}).get(VIEW, {}) for o in model.state.get("outputs", [])]
        todo += [str(v["model_id"]) for v in views if "model_id" in v] + model.refs("children")
    assert len(found) == 1, found
    return found[0]


def test_a_big_dataframe_shows_its_first_rows_and_sends_only_those(
    app_session: KernelSession,
) -> None:
    opened = app_session.run_cell(BIG_APP)
    app = app_session.app("big")
    lines = app.text.splitlines()
    # the index's header is empty (pandas' RangeIndex has no name), as in the page
    assert lines[:3] == ["| n | square | name", "0 | 0 | 0 | row 0", "1 | 1 | 1 | row 1"]
    assert "49 | 49 | 2401 | row 49" in lines
    assert not any(line.startswith("50 |") for line in lines)
    assert lines[-1] == "below the grid"
    grid = app_session.mirror[_grid(app_session, app)]
    assert grid.state["_row_count"] == 100_000
    assert grid.grid is not None and sorted(grid.grid.rows) == list(range(50))
    assert opened.bytes < 100_000  # the cell sent the schema and the count, not the rows


def test_a_sort_changes_the_rows_shown(app_session: KernelSession) -> None:
    app_session.run_cell(SORT_APP)
    app = app_session.app("sorted")
    assert app.text.splitlines()[:3] == ["name | score", "ann | 30", "bob | 10"]
    grid = app_session.widget(_grid(app_session, app))
    grid.set_state(_transforms=[{"type": "sort", "column": "score", "desc": True}])
    assert app.text.splitlines()[:5] == ["name | score", "cy | 40", "ann | 30", "dee | 20",
                                         "bob | 10"]  # fmt: skip
    # a filter leaves fewer rows: the page shows only those
    above = [{"type": "filter", "column": "score", "operator": ">", "value": 25}]
    grid.set_state(_transforms=above)
    assert app.text.splitlines()[:3] == ["name | score", "ann | 30", "cy | 40"]
    assert "bob" not in app.text


def test_an_edit_shows_in_the_editor(app_session: KernelSession) -> None:
    app_session.run_cell(EDITOR_APP)
    app = app_session.app("editor")
    assert app.text.splitlines()[-4:] == ["| name | score", "0 | ann | 1.5", "1 | bob | 2",
                                          "total=3.5"]  # fmt: skip
    grid = _grid(app_session, app)
    edit = {"event_type": "cell-changed", "region": "body", "row": 1, "column_index": 1,
            "value": 4.25}  # fmt: skip
    app_session.wait_idle(app_session.send_custom(grid, edit))
    assert "1 | bob | 4.25" in app.text.splitlines()
    assert "total=5.75" in app.text
    # a refused value is set back by the kernel: the page shows the old one again
    refused = {**edit, "value": "lots"}
    app_session.wait_idle(app_session.send_custom(grid, refused))
    assert "1 | bob | 4.25" in app.text.splitlines()


def test_the_harness_fetches_count_in_no_interaction(session: KernelSession) -> None:
    session.run_cell(TICKING)
    box = session.find_widget(kind="VBox")
    assert session.text_of(box).splitlines()[:3] == ["Go", "key | n", "0 | 0"]
    button = session.find_widget("Go")
    unread = button.click()  # new data: its page asks for its rows again; nobody looks
    assert "0 | 1" in session.text_of(box).splitlines()  # a read asks for them
    read = button.click()
    assert "0 | 2" in session.text_of(box).splitlines()
    assert read.error is None and unread.error is None
    assert read.messages == unread.messages == 1  # the tick, and nothing of the reads
    assert read.bytes == unread.bytes
    assert session.mirror.customs == 2  # the ticks: the harness's replies are its own


def test_reading_an_app_changes_nothing_the_kernel_counts(app_session: KernelSession) -> None:
    app_session.run_cell(COUNT_APP)
    app = app_session.app("counting")
    button = app.button("count")
    button.click()  # the first click makes the "counted" line; the next ones change it
    unread = button.click()  # the grid changed twice and nobody looked
    runs, customs = app.runs, app_session.mirror.customs
    assert "1 | 2" in app.text.splitlines()  # a read asks for the new rows
    assert (app.runs, app_session.mirror.customs) == (runs, customs)  # not a user's doing
    read = button.click()
    assert "2 | 3" in app.text.splitlines() and "counted 3" in app.text
    # the grid was reused by both clicks (the new frame sent to the same model)
    assert (read.comm_opens, read.comm_closes) == (unread.comm_opens, unread.comm_closes)


def _seeded(*widgets: Any) -> WidgetMirror:
    """A mirror holding these kernel-side widgets as a saved notebook holds them."""
    from ipywidgets.widgets.widget import _remove_buffers

    states, saved = {}, {}
    for widget in widgets:
        state, paths, buffers = _remove_buffers(widget.get_state())
        states[widget.model_id] = state
        saved[widget.model_id] = {
            str(path): {"path": path, "data": base64.b64encode(buffer).decode()}
            for path, buffer in zip(paths, buffers, strict=True)
        }
    mirror = WidgetMirror()
    mirror.seed(states, saved)
    return mirror


def test_a_data_grid_drawn_as_its_page_draws_it() -> None:
    import numpy as np
    import pandas as pd
    from ipydatagrid import DataGrid, TextRenderer

    frame = pd.DataFrame(
        {"item": ["tea", None, "jam"], "price": [2.5, np.nan, -1234.5], "ok": [True, False, True]},
        index=pd.Index([10, 11, 12], name="sku"),
    )
    money = TextRenderer(format="$,.2f")
    grid = DataGrid(frame, renderers={"price": money})
    mirror = _seeded(grid, money)
    assert render_text(mirror, grid.model_id).splitlines() == [
        "sku | item | price | ok",
        "10 | tea | $2.50 | true",
        "11 | NaN | NaN | false",  # pandas' missing values travel as NaN: the page shows NaN
        "12 | jam | \u2212$1,234.50 | true",  # d3's minus sign
    ]
    # the page sorts by price, highest first, missing values last
    by_price = [{"type": "sort", "column": "price", "desc": True}]
    mirror.set_local(grid.model_id, {"_transforms": by_price})
    shown = render_text(mirror, grid.model_id).splitlines()
    assert [line.split(" | ")[0] for line in shown] == ["sku", "10", "12", "11"]


def test_a_request_an_earlier_test_left_open_does_not_hide_grid_rows(
    app_session: KernelSession,
) -> None:
    """A click sent while a cell awaits gets no idle of its own; after the reset between
    tests, the next test's grids still show their rows."""
    app_session.run_cell("%%app waiter\nimport jupyter_fragments as st\nst.button('hit')")
    cell = app_session.send_cell("import asyncio\nawait asyncio.sleep(0.3)")
    app_session.send_custom(app_session.app("waiter").button("hit"), {"event": "click"})
    app_session.wait_idle(cell)
    app_session.reset()
    app_session.run_cell(SORT_APP)
    lines = app_session.app("sorted").text.splitlines()
    assert lines[:3] == ["name | score", "ann | 30", "bob | 10"]
