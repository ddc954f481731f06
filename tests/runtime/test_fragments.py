"""Fragments through a real kernel: partial reruns, nesting, containers, errors."""

from __future__ import annotations

from jupyter_fragments.testing import KernelSession

COUNTER_APP = """%%app frag
import jupyter_fragments as st
import time
st.title("Outside")
time.sleep(0.01)
outside = st.slider("outside", 0, 10, 1)

@st.fragment
def counter():
    st.session_state.setdefault("clicks", 0)
    if st.button("+1"):
        st.session_state.clicks += 1
    st.write("clicks", st.session_state.clicks)
    return "returned on full runs"

result = counter()
st.write("result:", result)
"""


def test_clicks_inside_rerun_only_the_fragment(app_session: KernelSession) -> None:
    app_session.run_cell(COUNTER_APP)
    app = app_session.app("frag")
    frag = app.fragment("counter")
    assert app.runs == 1 and frag.runs == 1
    assert "result: returned on full runs" in app.text

    outside_models = {w.model_id for w in app.widgets if w.label == "outside"}
    for expected in (1, 2, 3):
        hit = frag.button("+1").click()
        assert f"clicks `{expected}`" in frag.text
        # nothing outside the fragment is touched, no model is opened or closed
        assert hit.comm_opens == 0 and hit.comm_closes == 0
        assert not (hit.updated_models & outside_models)
        assert hit.outputs_updates == 1
    assert app.runs == 1
    assert frag.runs == 4

    app.slider("outside").set_value(5)
    assert app.runs == 2 and frag.runs == 5
    assert "clicks `3`" in frag.text


def test_fragment_with_and_without_parentheses_and_old_name(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app forms
import jupyter_fragments as st

@st.fragment()
def a():
    st.checkbox("a box")

@st.experimental_fragment
def b():
    st.checkbox("b box")

a(); b()
"""
    )
    app = app_session.app("forms")
    app.checkbox("b box").set_value(True)
    assert app.fragment("b").runs == 2
    assert app.fragment("a").runs == 1
    assert app.runs == 1


def test_nested_fragments_are_separate_scopes(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app nested
import jupyter_fragments as st

@st.fragment
def inner():
    st.button("inner button")
    st.write("inner drawn")

@st.fragment
def outer():
    st.button("outer button")
    inner()

outer()
"""
    )
    app = app_session.app("nested")
    outer, inner = app.fragment("outer"), app.fragment("inner")
    app.button("inner button").click()
    assert (app.runs, outer.runs, inner.runs) == (1, 1, 2)
    app.button("outer button").click()
    assert (app.runs, outer.runs, inner.runs) == (1, 2, 3)
    assert "inner drawn" in inner.text


def test_rerun_scope_fragment_loops_the_fragment_only(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app loop
import jupyter_fragments as st
st.session_state.ticks = 0

@st.fragment
def ticker():
    if st.button("start"):
        st.session_state.looping = True
    if st.session_state.get("looping"):
        st.session_state.ticks += 1
        if st.session_state.ticks < 5:
            st.rerun(scope="fragment")
        st.session_state.looping = False
    st.write("ticks", st.session_state.ticks)

ticker()
"""
    )
    app = app_session.app("loop")
    app.button("start").click()
    assert "ticks `5`" in app.fragment("ticker").text
    assert app.runs == 1
    assert app.fragment("ticker").runs == 6


def test_rerun_scope_fragment_during_a_full_run_is_an_error(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app badscope
import jupyter_fragments as st

@st.fragment
def f():
    st.rerun(scope="fragment")

f()
st.write("after")
"""
    )
    app = app_session.app("badscope")
    errors = app.fragment("f").exceptions
    assert [e.ename for e in errors] == ["FragmentsAPIError"]
    assert "fragment rerun" in errors[0].evalue and "Fix:" in errors[0].evalue
    assert "after" in app.text


def test_rerun_from_fragment_reruns_the_app(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app full
import jupyter_fragments as st
st.write("app run")

@st.fragment
def f():
    if st.button("full rerun"):
        st.rerun()

f()
"""
    )
    app = app_session.app("full")
    app.button("full rerun").click()
    assert app.runs == 2
    # the click's trigger does not survive into the rerun it requested
    assert app.fragment("f").runs == 3


def test_outside_containers_accumulate_until_full_rerun(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app outside
import jupyter_fragments as st
log = st.container()
slot = st.empty()
st.checkbox("full")

@st.fragment
def writer():
    st.session_state.setdefault("n", 0)
    st.session_state.n += 1
    st.button("write")
    log.write(f"entry {st.session_state.n}")
    slot.write(f"latest {st.session_state.n}")

writer()
"""
    )
    app = app_session.app("outside")
    app.button("write").click()
    app.button("write").click()
    text = app.text
    assert "entry 1" in text and "entry 2" in text and "entry 3" in text
    assert "latest 3" in text and "latest 2" not in text
    assert app.runs == 1

    app.checkbox("full").set_value(True)
    text = app.text
    assert "entry 4" in text and "entry 1" not in text and "entry 3" not in text
    assert "latest 4" in text


def test_widget_in_outside_container_is_an_error_in_the_fragment(
    app_session: KernelSession,
) -> None:
    app_session.run_cell(
        """%%app badwidget
import jupyter_fragments as st
box = st.container()

@st.fragment
def f():
    st.write("fragment body")
    box.button("not allowed")

f()
st.write("app goes on")
"""
    )
    app = app_session.app("badwidget")
    errors = app.fragment("f").exceptions
    assert [e.ename for e in errors] == ["FragmentWidgetError"]
    assert "main body of a fragment" in errors[0].evalue
    assert "app goes on" in app.text


def test_error_in_one_fragment_leaves_the_others_working(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app errors
import jupyter_fragments as st

@st.fragment
def broken():
    fail = st.checkbox("fail", value=True)
    st.write("broken body")
    if fail:
        raise ValueError("bad value")
    st.write("recovered")

@st.fragment
def healthy():
    if st.button("ping"):
        st.write("pong")

broken()
healthy()
"""
    )
    app = app_session.app("errors")
    broken = app.fragment("broken")
    assert [e.ename for e in broken.exceptions] == ["ValueError"]
    assert "broken body" in broken.text

    app.button("ping").click()
    assert "pong" in app.fragment("healthy").text
    assert [e.ename for e in broken.exceptions] == ["ValueError"]

    app.checkbox("fail").set_value(False)
    assert broken.exceptions == []
    assert "recovered" in broken.text


def test_fragment_output_is_replaced_not_appended(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app replace
import jupyter_fragments as st
from IPython.display import display, Markdown

@st.fragment
def f():
    st.session_state.setdefault("n", 0)
    st.session_state.n += 1
    st.button("again")
    print("printed", st.session_state.n)
    display(Markdown(f"*displayed {st.session_state.n}*"))

f()
"""
    )
    app = app_session.app("replace")
    hit = app.button("again").click()
    text = app.fragment("f").text
    assert "printed 2" in text and "printed 1" not in text
    assert "displayed 2" in text and "displayed 1" not in text
    assert hit.comm_opens == 0 and hit.outputs_updates == 1


def test_rich_outputs_inside_fragments(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app rich
import jupyter_fragments as st
import pandas as pd
get_ipython().run_line_magic("matplotlib", "inline")
import matplotlib.pyplot as plt

@st.fragment
def f():
    k = st.slider("k", 1, 5, 2)
    st.write(pd.DataFrame({"x": range(k)}))
    fig, ax = plt.subplots()
    ax.plot(range(k))
    plt.show()

f()
"""
    )
    app = app_session.app("rich")
    app.slider("k").set_value(4)
    outputs = [
        out
        for model in app_session.mirror.live()
        if model.model_name == "OutputModel"
        for out in model.state.get("outputs", [])
    ]
    # st.write(frame) draws the interactive grid (st.dataframe), with the new row count
    grids = [m for m in app_session.mirror.live() if m.model_name.endswith("DataGridModel")]
    assert [g.state.get("_row_count") for g in grids] == [4]
    assert any("image/png" in o.get("data", {}) for o in outputs)
    assert app.runs == 1
