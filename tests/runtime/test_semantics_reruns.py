"""``st.rerun()`` as Streamlit 1.63-1.67 runs it, through real kernels.

Each test cites the Streamlit release or page that documents the behaviour it checks:
a full rerun from a callback (1.63), event-scoped reruns by fragment key (1.67,
pull request #16161, the ``st.rerun`` and ``st.fragment`` docstrings).
"""

from __future__ import annotations

from jupyter_fragments.testing import KernelSession

CALLBACK_RERUN = """%%app cbrerun
import jupyter_fragments as st
st.session_state.setdefault("log", [])

def bump():
    st.session_state.log.append("callback")
    st.rerun()

st.write("full runs drawn")

@st.fragment
def panel():
    st.slider("level", 0, 10, 0, on_change=bump)
    pressed = st.button("press", on_click=bump)
    st.write("pressed:", pressed)

panel()
"""


def test_rerun_in_a_callback_is_one_full_rerun(app_session: KernelSession) -> None:
    """Streamlit 1.63 release notes: ``st.rerun()`` inside a widget callback triggers a
    full-app rerun (it used to be a no-op there).

    The slider lives in a fragment, so without the callback's ``st.rerun()`` only the
    fragment would rerun (test_fragments). The callback runs once, then the whole app
    reruns once.
    """
    app_session.run_cell(CALLBACK_RERUN)
    app = app_session.app("cbrerun")
    panel = app.fragment("panel")
    assert (app.runs, panel.runs) == (1, 1)
    app.slider("level").set_value(4)
    assert (app.runs, panel.runs) == (2, 2)
    assert app_session.eval("__import__('jupyter_fragments').session_state.log") == ["callback"]
    assert app.exceptions == []


def test_a_click_whose_callback_reruns_is_not_seen_twice(app_session: KernelSession) -> None:
    """Streamlit 1.67 ``SessionState.on_script_finished``: triggers are reset even when
    ``st.rerun()`` ended the run, "so a fired callback's event is never delivered
    twice": the full rerun a button's ``on_click`` asked for sees it unpressed.
    """
    app_session.run_cell(CALLBACK_RERUN)
    app = app_session.app("cbrerun")
    app.button("press").click()
    assert app.runs == 2
    assert "pressed: `False`" in app.text
    app.button("press").click()
    assert app.runs == 3


KEYED = """%%app keyed_rerun
import jupyter_fragments as st
st.session_state.setdefault("n", 0)
st.write("app drawn")

@st.fragment(key="charts")
def charts(label):
    st.write(label, "chart of", st.session_state.n)

@st.fragment(key="table")
def table():
    st.write("table of", st.session_state.n)

@st.fragment
def controls():
    def refresh(*keys):
        st.session_state.n += 1
        st.rerun(keys[0] if len(keys) == 1 else list(keys))

    st.button("charts only", on_click=refresh, args=("charts",))
    st.button("both", on_click=refresh, args=("charts", "table"))

charts("left")
charts("right")
table()
controls()
st.button("body charts", on_click=lambda: st.rerun("charts"))
"""


def test_a_callback_reruns_only_the_fragments_it_names(app_session: KernelSession) -> None:
    """Streamlit 1.67 ``st.rerun`` docstring (pull request #16161): a fragment key
    passed from a widget callback "reruns only the named fragment(s), replacing the
    interaction's default rerun"; the key names the fragment function, so "multiple
    call sites of the same function share that key and rerun together".
    """
    app_session.run_cell(KEYED)
    app = app_session.app("keyed_rerun")
    before = app.scope_runs()
    assert before == {"app": 1, "charts": 1, "charts#2": 1, "table": 1, "controls": 1}

    # a button in a fragment: the fragment itself does not rerun, both charts do
    app.button("charts only").click()
    after = app.scope_runs()
    assert after == {**before, "charts": 2, "charts#2": 2}
    assert "left chart of `1`" in app.text and "right chart of `1`" in app.text
    assert "table of `0`" in app.text

    # a list of keys, positional
    app.button("both").click()
    assert app.scope_runs() == {**before, "charts": 3, "charts#2": 3, "table": 2}
    assert "table of `2`" in app.text

    # a button in the app body: the app itself does not rerun either
    app.button("body charts").click()
    assert app.scope_runs() == {**before, "charts": 4, "charts#2": 4, "table": 2}
    assert app.exceptions == []


def test_a_sibling_callback_escalates_to_the_app(app_session: KernelSession) -> None:
    """Streamlit 1.67 ``st.rerun`` docstring: "If a sibling callback in the same
    interaction returns normally or calls ``st.rerun()``, the result escalates to a
    full-app rerun." A form submits two changed fields at once: one callback names
    a fragment, the other returns.
    """
    app_session.run_cell(
        """%%app escalate
import jupyter_fragments as st

@st.fragment(key="side")
def side():
    st.write("side")

side()
with st.form("f"):
    st.checkbox("targets", on_change=lambda: st.rerun("side"))
    st.checkbox("returns", on_change=lambda: None)
    st.form_submit_button("go")
"""
    )
    app = app_session.app("escalate")
    app.checkbox("targets").set_value(True)
    app.checkbox("returns").set_value(True)
    app.button("go").click()
    assert app.scope_runs() == {"app": 2, "side": 2}

    app.checkbox("targets").set_value(False)  # only the targeting callback fires
    app.button("go").click()
    assert app.scope_runs() == {"app": 2, "side": 3}


def test_keys_are_checked_as_streamlit_checks_them(app_session: KernelSession) -> None:
    """Streamlit 1.67 ``st.fragment`` and ``st.rerun`` docstrings: "app" and "fragment"
    are reserved, an unknown key raises an error, int keys are their string, and a key
    "must be unique among the fragments that render in a single run".
    """
    reserved = app_session.run_cell(
        "import jupyter_fragments as st\n@st.fragment(key='app')\ndef f(): pass",
        raise_on_error=False,
    )
    assert reserved.error is not None and "'app'" in reserved.error.evalue
    assert "Fix:" in reserved.error.evalue
    app_session.run_cell(
        """%%app keychecks
import jupyter_fragments as st

@st.fragment(key=7)
def seven():
    st.write("seven runs", st.session_state.setdefault("sevens", 0))
    st.session_state.sevens += 1

seven()
st.button("unknown", on_click=lambda: st.rerun("nope"))
st.button("listed app", on_click=lambda: st.rerun(["app"]))
st.button("int key", on_click=lambda: st.rerun(7))
"""
    )
    app = app_session.app("keychecks")
    app.button("int key").click()
    assert app.scope_runs() == {"app": 1, "seven": 2}
    app.button("unknown").click()
    errors = [e.evalue for e in app.exceptions]
    assert len(errors) == 1 and "'nope'" in errors[0] and "'7'" in errors[0]
    app.button("listed app").click()
    errors = [e.evalue for e in app.exceptions]
    assert len(errors) == 1 and "reserved" in errors[0] and "Fix:" in errors[0]

    app_session.run_cell(
        """%%app twokeys
import jupyter_fragments as st

@st.fragment(key="same")
def first():
    st.write("first")

@st.fragment(key="same")
def second():
    st.write("second")

first()
second()
"""
    )
    errors = app_session.app("twokeys").exceptions
    assert len(errors) == 1 and "'same'" in errors[0].evalue and "Fix:" in errors[0].evalue


def test_targeted_reruns_also_work_outside_callbacks(app_session: KernelSession) -> None:
    """Streamlit 1.67 allows ``st.rerun("<key>")`` only in callbacks; here it also works
    from a fragment body and a plain notebook cell (queued after the current run), as
    it did before: the positional and list forms included.
    """
    app_session.run_cell(KEYED)
    app = app_session.app("keyed_rerun")
    app_session.run_cell("import jupyter_fragments as st\nst.rerun(['charts', 'table'])")
    assert app.scope_runs() == {
        "app": 1, "charts": 2, "charts#2": 2, "table": 2, "controls": 1,
    }  # fmt: skip
    app_session.run_cell("st.rerun('table')")
    assert app.scope_runs()["table"] == 3
