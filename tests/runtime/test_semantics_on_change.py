"""``on_change="rerun" | "ignore" | callable`` on every stateful widget (Streamlit 1.67).

Streamlit 1.67's widget docstrings ("on_change" parameter of st.slider, st.checkbox,
st.text_input ...): ``"rerun"`` (the default) reruns when the value is committed;
``"ignore"`` updates the widget only, "Python gets the value on the next rerun caused
by something else"; a callable runs as a callback before the rerun; ``None`` is the
same as ``"rerun"``; in a form the mode has no effect.
"""

from __future__ import annotations

from collections.abc import Callable

from jupyter_fragments.testing import AppHandle, Interaction, KernelSession

IGNORING = r"""%%app ignoring
import datetime
import jupyter_fragments as st
values = {
    "slider": st.slider("slider", 0, 10, 1, on_change="ignore"),
    "check": st.checkbox("check", on_change="ignore"),
    "toggle": st.toggle("toggle", on_change="ignore"),
    "text": st.text_input("text", "a", on_change="ignore"),
    "area": st.text_area("area", "b", on_change="ignore"),
    "number": st.number_input("number", 0, 10, 2, on_change="ignore"),
    "select": st.selectbox("select", ["s1", "s2"], on_change="ignore"),
    "radio": st.radio("radio", ["r1", "r2"], on_change="ignore"),
    "multi": st.multiselect("multi", ["m1", "m2"], on_change="ignore"),
    "size": st.select_slider("size", ["S", "L"], on_change="ignore"),
    "day": st.date_input("day", datetime.date(2024, 7, 1), on_change="ignore"),
    "color": st.color_picker("color", on_change="ignore"),
}
st.button("other")
for name, value in values.items():
    st.text(f"{name}={value!r}")
"""


def _value(app: AppHandle, name: str) -> str:
    for line in app.text.splitlines():
        if line.startswith(f"{name}="):
            return line.split("=", 1)[1]
    raise AssertionError(f"no {name}= line in\n{app.text}")


def test_ignore_keeps_the_value_for_the_next_rerun(app_session: KernelSession) -> None:
    """Streamlit 1.67, every value widget's ``on_change``: "'ignore' updates the UI only;
    Python gets the value on the next rerun caused by something else"."""
    app_session.run_cell(IGNORING)
    app = app_session.app("ignoring")
    steps: list[tuple[Callable[[], Interaction], str, str]] = [
        (lambda: app.slider("slider").set_value(7), "slider", "7"),
        (lambda: app.checkbox("check").set_value(True), "check", "True"),
        (lambda: app.toggle("toggle").set_value(True), "toggle", "True"),
        (lambda: app.text_input("text").set_value("typed"), "text", "'typed'"),
        (lambda: app.text_area("area").set_value("long"), "area", "'long'"),
        (lambda: app.number_input("number").set_value(9), "number", "9"),
        (lambda: app.selectbox("select").select("s2"), "select", "'s2'"),
        (lambda: app.radio("radio").select("r2"), "radio", "'r2'"),
        (lambda: app.multiselect("multi").select(["m2"]), "multi", "['m2']"),
        (lambda: app.select_slider("size").select("L"), "size", "'L'"),
        (
            lambda: app.widget("day").set_value({"year": 2025, "month": 0, "date": 15}),
            "day",
            "datetime.date(2025, 1, 15)",
        ),
        (lambda: app.widget("color").set_value("#00ff00"), "color", "'#00ff00'"),
    ]
    before = {name: _value(app, name) for _act, name, _shown in steps}
    for act, name, _shown in steps:
        act()
        assert app.runs == 1, name  # no rerun: what the code drew is as it was
        assert _value(app, name) == before[name], name
    app.button("other").click()
    assert app.runs == 2
    for _act, name, shown in steps:
        assert _value(app, name) == shown, name
    assert app.exceptions == []


def test_rerun_none_and_a_callable_rerun_at_once(app_session: KernelSession) -> None:
    """Streamlit 1.67 ``on_change``: "'rerun' reruns on commit ... A callable runs as a
    callback before the rerun. None is the same as 'rerun'"."""
    app_session.run_cell(
        """%%app modes
import jupyter_fragments as st
st.session_state.setdefault("called", 0)

def count():
    st.session_state.called += 1

a = st.slider("a", 0, 10, 0, on_change="rerun")
b = st.slider("b", 0, 10, 0, on_change=None)
c = st.slider("c", 0, 10, 0, on_change=count)
st.text(f"a={a} b={b} c={c} called={st.session_state.called}")
"""
    )
    app = app_session.app("modes")
    app.slider("a").set_value(1)
    app.slider("b").set_value(2)
    app.slider("c").set_value(3)
    assert app.runs == 4
    assert "a=1 b=2 c=3 called=1" in app.text
    bad = app_session.run_cell(
        "%%app badmode\nimport jupyter_fragments as st\nst.slider('x', on_change='later')"
    )
    errors = app_session.app("badmode").exceptions
    assert bad.error is None and len(errors) == 1
    assert "'later'" in errors[0].evalue and "'ignore'" in errors[0].evalue


def test_ignore_in_a_fragment_and_in_a_form(app_session: KernelSession) -> None:
    """Streamlit 1.67 ``on_change``: the ignored value reaches Python with the next rerun
    of any kind (here a fragment rerun from a button in another fragment), and "it has
    no effect in a form" (the form still holds values until submitted)."""
    app_session.run_cell(
        """%%app ignoreplaces
import jupyter_fragments as st

@st.fragment
def quiet():
    level = st.slider("level", 0, 10, 0, key="level", on_change="ignore")
    st.text(f"level={level}")

@st.fragment
def loud():
    st.button("poke")
    st.text(f"seen={st.session_state.level}")

quiet()
loud()
with st.form("f"):
    v = st.slider("in form", 0, 10, 0, on_change="ignore")
    st.form_submit_button("send")
st.text(f"form={v}")
"""
    )
    app = app_session.app("ignoreplaces")
    app.slider("level").set_value(6)
    assert app.scope_runs() == {"app": 1, "quiet": 1, "loud": 1}
    app.button("poke").click()
    assert "seen=6" in app.fragment("loud").text
    assert "level=0" in app.fragment("quiet").text  # its fragment has not rerun yet

    app.slider("in form").set_value(4)
    assert app.runs == 1
    app.button("send").click()
    assert app.runs == 2 and "form=4" in app.text
    assert "level=6" in app.text
