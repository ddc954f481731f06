"""``st.data_editor`` through a real kernel: edits, added and deleted rows, kept across reruns.

An edit is driven as the page sends it: a ``cell-changed`` custom message on the grid
model (the row of the data, the column's position, the value typed); the add and
delete buttons are clicked.
"""

from __future__ import annotations

from grid_support import grid_of, line, row_rect

from jupyter_fragments.testing import KernelSession
from jupyter_fragments.testing.app import AppHandle

EDITOR_APP = r"""%%app editor
import pandas as pd
import jupyter_fragments as st

df = pd.DataFrame({"name": ["ann", "bob", "cy"], "score": [30, 10, 40]})
st.text(f"full runs")
if st.button("full rerun"):
    pass

@st.fragment
def panel():
    edited = st.data_editor(df, num_rows="dynamic", key="people")
    st.text(f"names={list(edited['name'])} scores={list(edited['score'])}")
    st.text(f"type={type(edited).__name__} index={list(edited.index)}")
    st.text(f"state={dict(st.session_state.people)}")
    st.button("fragment rerun")

panel()
"""


def edit(session: KernelSession, grid: str, row: int, column: int, value: object) -> None:
    content = {"event_type": "cell-changed", "region": "body", "row": row,
               "column_index": column, "value": value}  # fmt: skip
    hit = session.wait_idle(session.send_custom(grid, content))[0]
    assert hit.error is None


def test_edit_add_and_delete_survive_full_and_fragment_reruns(app_session: KernelSession) -> None:
    app_session.run_cell(EDITOR_APP)
    app = app_session.app("editor")
    assert line(app, "names=") == "names=['ann', 'bob', 'cy'] scores=[30, 10, 40]"
    grid = grid_of(app, app_session, kind="data_editor")
    runs = app.runs

    edit(app_session, grid, 1, 1, 15)
    assert line(app, "names=") == "names=['ann', 'bob', 'cy'] scores=[30, 15, 40]"
    assert line(app, "state=") == (
        "state={'edited_rows': {1: {'score': 15}}, 'added_rows': [], 'deleted_rows': []}"
    )
    assert app.runs == runs  # the editor's fragment reran, not the app

    app_session.find_widget("Add row", kind="Button").click()
    assert line(app, "names=") == "names=['ann', 'bob', 'cy', nan] scores=[30.0, 15.0, 40.0, nan]"
    edit(app_session, grid, 3, 0, "dee")
    edit(app_session, grid, 3, 1, 20)
    assert line(app, "names=") == "names=['ann', 'bob', 'cy', 'dee'] scores=[30, 15, 40, 20]"
    assert line(app, "type=") == "type=DataFrame index=[0, 1, 2, 3]"

    app_session.set_state(grid, selections=[row_rect(0)])
    app_session.find_widget("Delete selected rows", kind="Button").click()
    expected = "names=['bob', 'cy', 'dee'] scores=[15, 40, 20]"
    assert line(app, "names=") == expected
    assert line(app, "state=") == (
        "state={'edited_rows': {1: {'score': 15}}, 'added_rows': [{'name': 'dee', "
        "'score': 20}], 'deleted_rows': [0]}"
    )
    assert line(app, "type=") == "type=DataFrame index=[1, 2, 3]"

    app.fragment("panel").button("fragment rerun").click()
    assert line(app, "names=") == expected
    app.button("full rerun").click()
    assert app.runs == runs + 1
    assert line(app, "names=") == expected
    # the grid shows the edited frame: the page's copy has the edits
    assert app.exceptions == []


def test_edits_are_checked_against_column_config(app_session: KernelSession) -> None:
    app_session.run_cell(
        r"""%%app checked
import pandas as pd
import jupyter_fragments as st

df = pd.DataFrame({"item": ["a", "b"], "price": [5.0, 7.5], "kind": ["x", "y"],
                   "note": ["", ""]})
edited = st.data_editor(
    df,
    disabled=["note"],
    column_config={
        "price": st.column_config.NumberColumn("Price", min_value=0, max_value=10),
        "kind": st.column_config.SelectboxColumn(options=["x", "y", "z"], required=True),
        "item": st.column_config.TextColumn(max_chars=3),
    },
)
st.text(f"prices={list(edited['price'])} kinds={list(edited['kind'])}")
st.text(f"items={list(edited['item'])} notes={list(edited['note'])}")
"""
    )
    app = app_session.app("checked")
    grid = grid_of(app, app_session, kind="data_editor")
    runs = app.runs
    edit(app_session, grid, 0, 1, 12)
    assert "Price: 12 is above the maximum 10. The cell keeps 5.0." in app.text
    assert line(app, "prices=") == "prices=[5.0, 7.5] kinds=['x', 'y']"
    assert app.runs == runs  # a refused edit is not a change
    edit(app_session, grid, 0, 1, 9.5)
    assert line(app, "prices=") == "prices=[9.5, 7.5] kinds=['x', 'y']"
    assert "above the maximum" not in app.text  # the message went away
    edit(app_session, grid, 1, 2, "w")
    assert "kind: 'w' is not one of the options (x, y, z)" in app.text
    edit(app_session, grid, 1, 2, "z")
    assert line(app, "prices=") == "prices=[9.5, 7.5] kinds=['x', 'z']"
    edit(app_session, grid, 1, 2, None)
    assert "kind: a value is required" in app.text
    edit(app_session, grid, 0, 0, "long")
    assert "item: 'long' is longer than 3 characters" in app.text
    edit(app_session, grid, 0, 3, "hi")
    assert "note: this column cannot be edited" in app.text
    assert line(app, "items=") == "items=['a', 'b'] notes=['', '']"


def _types_app(session: KernelSession) -> AppHandle:
    session.run_cell(
        r"""%%app types
import numpy as np
import jupyter_fragments as st

as_dict = st.data_editor({"a": [1, 2], "b": ["x", "y"]}, key="d")
as_records = st.data_editor([{"a": 1}, {"a": 2}], key="r")
as_array = st.data_editor(np.array([[1.0, 2.0], [3.0, 4.0]]), key="n")
as_list = st.data_editor(["p", "q"], key="l")
st.text(f"dict={as_dict!r}")
st.text(f"records={as_records!r}")
st.text(f"array={as_array.tolist()!r} {type(as_array).__name__}")
st.text(f"list={as_list!r}")
"""
    )
    return session.app("types")


def test_the_edited_data_comes_back_in_the_type_given(app_session: KernelSession) -> None:
    app = _types_app(app_session)
    assert line(app, "dict=") == "dict={'a': [1, 2], 'b': ['x', 'y']}"
    edit(app_session, grid_of(app, app_session, key="d"), 1, 1, "z")
    assert line(app, "dict=") == "dict={'a': [1, 2], 'b': ['x', 'z']}"
    edit(app_session, grid_of(app, app_session, key="r"), 0, 0, 5)
    assert line(app, "records=") == "records=[{'a': 5}, {'a': 2}]"
    edit(app_session, grid_of(app, app_session, key="n"), 1, 0, 9)
    assert line(app, "array=") == "array=[[1.0, 2.0], [9.0, 4.0]] ndarray"
    edit(app_session, grid_of(app, app_session, key="l"), 0, 0, "s")
    assert line(app, "list=") == "list=['s', 'q']"


def test_on_change_callback_and_ignore(app_session: KernelSession) -> None:
    app_session.run_cell(
        r"""%%app changes
import pandas as pd
import jupyter_fragments as st

df = pd.DataFrame({"n": [1, 2]})
def changed():
    st.session_state.log = st.session_state.get("log", []) + [dict(st.session_state.cb)]
a = st.data_editor(df, key="cb", on_change=changed)
b = st.data_editor(df * 10, key="quiet", on_change="ignore")
st.button("rerun")
st.text(f"a={list(a['n'])} b={list(b['n'])} log={st.session_state.get('log', [])}")
"""
    )
    app = app_session.app("changes")
    runs = app.runs
    edit(app_session, grid_of(app, app_session, key="cb"), 0, 0, 5)
    assert line(app, "a=") == (
        "a=[5, 2] b=[10, 20] log=[{'edited_rows': {0: {'n': 5}}, 'added_rows': [], "
        "'deleted_rows': []}]"
    )
    edit(app_session, grid_of(app, app_session, key="quiet"), 1, 0, 7)
    assert app.runs == runs + 1  # "ignore": no rerun for that edit
    assert line(app, "a=").startswith("a=[5, 2] b=[10, 20]")
    app.button("rerun").click()
    assert line(app, "a=").startswith("a=[5, 2] b=[10, 7]")


def test_in_a_form_edits_wait_for_the_submit(app_session: KernelSession) -> None:
    app_session.run_cell(
        r"""%%app form
import pandas as pd
import jupyter_fragments as st

with st.form("f"):
    edited = st.data_editor(pd.DataFrame({"n": [1, 2]}), key="fe", num_rows="delete")
    st.form_submit_button("Save")
st.text(f"n={list(edited['n'])}")
"""
    )
    app = app_session.app("form")
    runs = app.runs
    edit(app_session, grid_of(app, app_session, key="fe"), 0, 0, 9)
    assert app.runs == runs and line(app, "n=") == "n=[1, 2]"
    app_session.find_widget("Delete selected rows", kind="Button").click()
    assert "Select the rows to delete first" in app.text
    app.button("Save").click()
    assert line(app, "n=") == "n=[9, 2]"
    assert "Delete selected rows" in app.text and "Add row" not in app.text  # "delete" only
