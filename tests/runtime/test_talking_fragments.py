"""Fragments that talk to each other and to the notebook: keys, watched state, cycles."""

from __future__ import annotations

from jupyter_fragments.testing import KernelSession

DASHBOARD = """%%app dash
import jupyter_fragments as st
st.session_state.setdefault("data", [1, 2, 3])
st.write("app body")

@st.fragment(key="filter")
def filters():
    st.session_state.threshold = st.slider("threshold", 0, 10, 0)
    if st.button("Refresh chart"):
        st.rerun(scope="chart")

@st.fragment(key="chart")
def chart():
    rows = [x for x in st.session_state.data if x > st.session_state.threshold]
    st.write("rows:", len(rows), "total:", sum(rows))

@st.fragment(watch=["data"])
def summary():
    st.write("count:", len(st.session_state.data))

filters()
chart()
summary()
"""


def test_a_button_reruns_another_fragment_by_key(app_session: KernelSession) -> None:
    app_session.run_cell(DASHBOARD)
    app = app_session.app("dash")
    chart, filters = app.fragment("chart"), app.fragment("filters")
    app.slider("threshold").set_value(1)
    assert "rows: `3`" in chart.text  # the slider reran only its own fragment
    hit = app.button("Refresh chart").click()
    assert "rows: `2` total: `5`" in chart.text
    assert (app.runs, filters.runs, chart.runs) == (1, 3, 2)
    assert hit.comm_opens == 0


def test_plain_cell_assignment_reruns_only_the_watchers(app_session: KernelSession) -> None:
    app_session.run_cell(DASHBOARD)
    app = app_session.app("dash")
    before = app.scope_runs()
    app_session.run_cell("import jupyter_fragments as st\nst.session_state.data = [5, 6, 7, 8]")
    after = app.scope_runs()
    assert after["summary"] == before["summary"] + 1
    assert {k: v for k, v in after.items() if k != "summary"} == {
        k: v for k, v in before.items() if k != "summary"
    }
    assert "count: `4`" in app.fragment("summary").text
    # the same value again is no change: nothing reruns
    app_session.run_cell("st.session_state.data = [5, 6, 7, 8]")
    assert app.scope_runs() == after
    # and a plain cell can rerun a fragment by key, then read what it shows
    app_session.run_cell("st.rerun(scope='chart')")
    assert "rows: `4` total: `26`" in app.fragment("chart").text
    assert app.runs == 1


def test_a_fragment_writing_a_key_it_watches_does_not_loop(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app selfwrite
import jupyter_fragments as st
st.session_state.n = 0

@st.fragment(watch=["n"])
def bump():
    st.button("bump")
    st.session_state.n += 1
    st.write("n", st.session_state.n)

bump()
"""
    )
    app = app_session.app("selfwrite")
    app.button("bump").click()
    assert app.fragment("bump").runs == 2
    assert "n `2`" in app.text


def test_a_cycle_between_fragments_is_reported_not_spun(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app cycle
import jupyter_fragments as st
st.session_state.a = 0
st.session_state.b = 0

@st.fragment(watch=["a"])
def first():
    st.session_state.b = st.session_state.a + 1

@st.fragment(watch=["b"])
def second():
    st.session_state.a = st.session_state.b + 1

first()
second()
"""
    )
    app = app_session.app("cycle")
    app_session.run_cell("import jupyter_fragments as st\nst.session_state.a = 100")
    errors = app.exceptions
    assert len(errors) == 1
    assert "trigger each other" in errors[0].evalue
    assert "'a'" in errors[0].evalue and "'b'" in errors[0].evalue
    assert app.fragment("first").runs <= 3 and app.fragment("second").runs <= 3


def test_unknown_keys_and_bad_watch_lists_are_clear_errors(app_session: KernelSession) -> None:
    app_session.run_cell(DASHBOARD)
    result = app_session.run_cell(
        "import jupyter_fragments as st\nst.rerun(scope='nope')", raise_on_error=False
    )
    assert result.error is not None
    assert "'nope'" in result.error.evalue and "'chart'" in result.error.evalue
    assert "'filter'" in result.error.evalue and "Fix:" in result.error.evalue
    bad = app_session.run_cell(
        "@st.fragment(watch='data')\ndef f(): pass", raise_on_error=False
    )
    assert bad.error is not None and "list of session-state keys" in bad.error.evalue


def test_a_widget_key_change_reruns_its_watchers(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app widgetwatch
import jupyter_fragments as st

@st.fragment
def control():
    st.selectbox("city", ["Oslo", "Lima"], key="city")

@st.fragment(watch=["city"])
def weather():
    st.write("weather in", st.session_state.city)

control()
weather()
"""
    )
    app = app_session.app("widgetwatch")
    app.selectbox("city").select("Lima")
    assert "weather in Lima" in app.fragment("weather").text
    assert app.runs == 1
