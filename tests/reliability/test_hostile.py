"""Comm messages a broken or hostile frontend could send: none crashes the kernel or the app.

An invalid value is rejected: the widget keeps its last valid value, and the frontend
(which already shows what it sent, and got an ``echo_update`` of it) is sent that
valid value back. Each kind of invalid value is logged once.
"""

from __future__ import annotations

import math
from typing import Any

import pytest
from reliability_support import kernel_alive, send_content, send_raw

from jupyter_fragments.testing import KernelSession

INPUTS_APP = """%%app hostile
import jupyter_fragments as st
st.session_state.setdefault("runs", 0)
st.session_state.runs += 1
n = st.slider("n", 0, 10, 3)
f = st.slider("f", 0.0, 1.0, 0.5)
box = st.checkbox("box", True)
word = st.text_input("word", "hi")
pick = st.selectbox("pick", ["a", "b", "c"], index=1)
num = st.number_input("num", 0, 100, 7)
st.button("go")
st.write("values", n, f, box, word, pick, num)
"""


@pytest.fixture
def hostile(app_session: KernelSession) -> KernelSession:
    app_session.run_cell(INPUTS_APP)
    app_session.run_cell("import jupyter_fragments as st")
    return app_session


GUARD = "jupyter_fragments._runtime.session"


def _guard_log(session: KernelSession) -> list[str]:
    return list(session.eval(f"__import__({GUARD!r}, fromlist=['x']).guard_log()"))


BAD_VALUES: list[tuple[str, str, Any, Any]] = [
    # widget label, trait, what a hostile frontend sends, the value that must stay
    ("n", "value", "seven", 3),
    ("n", "value", [1, 2], 3),
    ("n", "value", None, 3),
    ("n", "value", 10**30, 10),  # clamped by the slider: the frontend must show 10
    ("f", "value", math.nan, 0.5),
    ("f", "value", math.inf, 0.5),
    ("box", "value", [True], True),
    ("box", "value", "yes", True),
    ("word", "value", 12345, "hi"),
    ("word", "value", {"a": 1}, "hi"),
    ("pick", "index", 99, "b"),
    ("pick", "index", "b", "b"),
    ("num", "value", "1e3", 7),
    ("num", "value", 10**40, 100),
]


@pytest.mark.filterwarnings("ignore:Message serialization failed")  # NaN is not JSON
@pytest.mark.parametrize(("label", "trait", "bad", "kept"), BAD_VALUES)
def test_an_invalid_value_is_rejected_and_the_frontend_corrected(
    hostile: KernelSession, label: str, trait: str, bad: Any, kept: Any
) -> None:
    session = hostile
    app = session.app("hostile")
    widget = app.widget(label)
    runs = session.eval("st.session_state.runs")
    hit = session.wait_idle(session.send_update(widget, {trait: bad}))[0]
    assert hit.error is None, hit.error  # nothing raised into the kernel's handler
    assert kernel_alive(session)
    # what the frontend ends up showing is a valid value, the kept one
    assert widget.value == kept, widget.state
    # the app still works, and holds the same value
    other = app.slider("n") if label != "n" else app.checkbox("box")
    other.set_value(not other.value if label == "n" else 4)
    assert session.eval("st.session_state.runs") >= runs + 1
    assert app.exceptions == []
    assert widget.value == kept


def test_each_kind_of_invalid_value_is_logged_once(hostile: KernelSession) -> None:
    session = hostile
    app = session.app("hostile")
    before = len(_guard_log(session))
    slider = app.slider("n")
    ids = [session.send_update(slider, {"value": f"bad {i}"}) for i in range(20)]
    assert all(r.error is None for r in session.wait_idle(ids))
    log = _guard_log(session)
    assert len(log) == before + 1, log
    assert "'n'" in log[-1] and "value" in log[-1]
    assert slider.value == 3


def test_updates_for_unknown_and_closed_widgets_are_ignored(hostile: KernelSession) -> None:
    session = hostile
    app = session.app("hostile")
    slider = app.slider("n")
    closed_id = slider.model_id
    unknown = send_raw(session, "0" * 32, {"method": "update", "state": {"value": 1}})
    session.run_cell(INPUTS_APP)  # replaces the app: the old slider's comm is closed
    closed = send_raw(session, closed_id, {"method": "update", "state": {"value": 9}})
    click_closed = send_raw(session, closed_id, {"method": "custom", "content": {"event": "click"}})
    results = session.wait_idle([unknown, closed, click_closed])
    assert all(r.error is None for r in results)
    app = session.app("hostile")
    assert app.slider("n").value == 3
    assert app.exceptions == [] and kernel_alive(session)


MALFORMED: list[tuple[str, Any]] = [
    ("unknown method", {"method": "explode", "state": {"value": 1}}),
    ("update without state", {"method": "update"}),
    ("state not a dict", {"method": "update", "state": [1, 2, 3]}),
    ("unknown trait", {"method": "update", "state": {"no_such_trait": 1}}),
    ("private trait", {"method": "update", "state": {"_model_name": "Evil"}}),
    ("custom without content", {"method": "custom"}),
    ("custom with junk", {"method": "custom", "content": {"event": "detonate"}}),
    ("no method", {"state": {"value": 1}}),
    ("data not a dict", "update"),
    ("request_state", {"method": "request_state"}),
]


IPYWIDGETS_REPORTS = {"no method", "data not a dict"}


@pytest.mark.parametrize(("what", "data"), MALFORMED, ids=[m[0] for m in MALFORMED])
def test_malformed_messages_do_not_break_the_kernel_or_the_app(
    hostile: KernelSession, what: str, data: Any
) -> None:
    session = hostile
    app = session.app("hostile")
    for target in (app.slider("n"), app.button("go")):
        (hit,) = session.wait_idle(send_raw(session, target.model_id, data))
        if what in IPYWIDGETS_REPORTS:
            # ipywidgets' own handler shows these with showtraceback, parented to the
            # comm message (no frontend displays it); the kernel and the app go on
            assert hit.error is not None and hit.error.ename in ("KeyError", "TypeError")
        else:
            assert hit.error is None, hit.error
    assert kernel_alive(session)
    app.slider("n").set_value(6)
    assert "values `6`" in app.text
    assert app.exceptions == []


@pytest.mark.parametrize(
    "content",
    [{}, {"comm_id": None}, {"comm_id": 5, "data": {}}, {"data": {"method": "update"}}],
    ids=["empty", "null id", "int id", "no id"],
)
def test_comm_messages_missing_fields(hostile: KernelSession, content: dict[str, Any]) -> None:
    session = hostile
    session.wait_idle(send_content(session, content))
    assert kernel_alive(session)
    app = session.app("hostile")
    app.button("go").click()
    assert app.exceptions == []
