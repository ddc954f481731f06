"""Live apps through a real kernel: timers, callbacks, forms, and newest-event-wins."""

from __future__ import annotations

import re
import time

from jupyter_fragments.testing import KernelSession

STREAM_APP = """%%app stream
import jupyter_fragments as st
st.session_state.setdefault("streaming", False)
st.session_state.setdefault("ticks", 0)

def toggle():
    st.session_state.streaming = not st.session_state.streaming

st.button("Start/stop", on_click=toggle)

@st.fragment(run_every=0.2 if st.session_state.streaming else None)
def live():
    st.session_state.ticks += 1
    st.write("ticks", st.session_state.ticks)

live()
"""


def _eval_state(session: KernelSession, key: str) -> object:
    return session.eval(f"__import__('jupyter_fragments').session_state[{key!r}]")


def test_start_and_stop_a_streaming_fragment(app_session: KernelSession) -> None:
    app_session.run_cell(STREAM_APP)
    app = app_session.app("stream")
    live = app.fragment("live")
    assert app.timers == 0
    app_session.wait(0.5)
    assert live.runs == 1  # no ticks before start

    app.button("Start/stop").click()
    assert app.timers == 1
    runs_at_start = live.runs
    app_runs_at_start = app.runs
    app_session.wait(1.5)
    ticks = live.runs - runs_at_start
    assert ticks >= 5, ticks
    assert app.runs == app_runs_at_start  # ticks rerun only the fragment
    shown = re.search(r"ticks `(\d+)`", live.text)
    assert shown is not None and int(shown.group(1)) >= 6

    app.button("Start/stop").click()
    assert app.timers == 0
    stopped_at = live.runs
    app_session.wait(0.6)
    assert live.runs == stopped_at


def test_no_tick_while_a_cell_blocks_and_no_burst_after(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app ticker
import jupyter_fragments as st, time
st.session_state.tick_times = []

@st.fragment(run_every=0.1)
def tick():
    st.session_state.tick_times.append(time.monotonic())

tick()
"""
    )
    app_session.wait_until(lambda: app_session.app("ticker").fragment("tick").runs >= 3)
    app_session.run_cell(
        "import time\n_t0 = time.monotonic(); time.sleep(1.0); _t1 = time.monotonic()"
    )
    app_session.wait(0.45)
    times, t0, t1 = app_session.eval(
        "(__import__('jupyter_fragments').session_state.tick_times, _t0, _t1)"
    )
    assert not [t for t in times if t0 < t < t1]
    after = [t for t in times if t >= t1]
    assert len([t for t in after if t < t1 + 0.09]) <= 1  # at most one late tick
    assert 3 <= len(after) <= 6  # then the rhythm resumes


def test_reexecuting_an_app_cell_leaves_one_timer(app_session: KernelSession) -> None:
    code = """%%app
import jupyter_fragments as st
st.slider("speed", 1, 10)

@st.fragment(run_every="250ms")
def panel():
    st.write("panel")

panel()
"""
    for _ in range(3):
        app_session.run_cell(code, cell_id="timer-cell")
    snapshot = app_session.snapshot()
    assert snapshot["timers"] == 1
    assert len(snapshot["apps"]) == 1
    sliders = [m for m in app_session.mirror.live() if m.model_name == "IntSliderModel"]
    assert len(sliders) == 1


def test_unload_stops_every_timer(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app unload
import jupyter_fragments as st
st.session_state.n = 0

@st.fragment(run_every=0.1)
def f():
    st.session_state.n += 1

f()
"""
    )
    app_session.wait_until(lambda: _eval_state(app_session, "n") >= 2)
    try:
        app_session.run_cell("%unload_ext jupyter_fragments")
        assert app_session.snapshot() == {"apps": [], "timers": 0}
        stopped = _eval_state(app_session, "n")
        app_session.wait(0.4)
        assert _eval_state(app_session, "n") == stopped
        live = app_session.mirror.live()
        assert [m for m in live if "jf-scope" in m.state.get("_dom_classes", ())] == []
    finally:
        app_session.run_cell("%load_ext jupyter_fragments")


def test_callbacks_run_before_the_rerun_with_their_args(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app callbacks
import jupyter_fragments as st
st.session_state.setdefault("log", [])

def changed(name, *, scale):
    st.session_state.log.append(f"changed {name} {st.session_state.level * scale}")

def clicked(what):
    st.session_state.log.append(f"clicked {what}")

st.session_state.log.append("run")
st.slider("level", 0, 10, key="level", on_change=changed, args=("level",), kwargs={"scale": 2})

@st.fragment
def inner():
    st.session_state.log.append("fragment run")
    st.button("press", on_click=clicked, args=("press",))

inner()
"""
    )
    app = app_session.app("callbacks")
    app_session.run_cell("import jupyter_fragments as st; st.session_state.log.clear()")
    app.slider("level").set_value(4)
    assert _eval_state(app_session, "log") == ["changed level 8", "run", "fragment run"]
    app_session.run_cell("st.session_state.log.clear()")
    app.button("press").click()
    assert _eval_state(app_session, "log") == ["clicked press", "fragment run"]


def test_an_exception_in_a_callback_shows_in_place(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app badcallback
import jupyter_fragments as st

def explode():
    raise RuntimeError("callback failed")

st.button("boom", on_click=explode)
st.write("still drawn")
"""
    )
    app = app_session.app("badcallback")
    hit = app.button("boom").click()
    assert hit.error is None
    assert [e.evalue for e in app.exceptions] == ["callback failed"]
    assert "still drawn" in app.text


def test_form_holds_changes_until_submit_then_reruns_once(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app form
import jupyter_fragments as st

with st.form("order", clear_on_submit=True):
    item = st.text_input("Item")
    qty = st.number_input("Quantity", 1, 10, 1)
    urgent = st.checkbox("Urgent")
    submitted = st.form_submit_button("Order")
if submitted:
    st.write("ordered", qty, "x", item, "urgent" if urgent else "normal")
"""
    )
    app = app_session.app("form")
    app.text_input("Item").type("tea")
    app.number_input("Quantity").set_value(3)
    app.checkbox("Urgent").set_value(True)
    assert app.runs == 1  # nothing reran yet
    assert "ordered" not in app.text

    app.button("Order").click()
    assert app.runs == 2
    assert "ordered `3` x tea urgent" in app.text
    # clear_on_submit: the form shows its defaults again
    assert app.text_input("Item").value == ""
    assert app.number_input("Quantity").value == 1


def test_form_inside_a_fragment_reruns_only_the_fragment(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app fragform
import jupyter_fragments as st

@st.fragment
def filters():
    with st.form("filters"):
        word = st.text_input("Word")
        st.form_submit_button("Apply")
    st.write("filter:", word or "-")

filters()
"""
    )
    app = app_session.app("fragform")
    app.text_input("Word").type("abc")
    app.button("Apply").click()
    assert "filter: abc" in app.text
    assert app.runs == 1
    assert app.fragment("filters").runs == 2


def test_a_burst_of_slider_updates_ends_with_the_last_value(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app burst
import jupyter_fragments as st
v = st.slider("v", 0, 1000, 0)
st.write("value", v)
"""
    )
    app = app_session.app("burst")
    slider = app.slider("v")
    ids = [app_session.send_update(slider, {"value": v}) for v in range(1, 201)]
    results = app_session.wait_idle(ids)
    assert all(r.error is None for r in results)
    assert "value `200`" in app.text
    reruns = app.runs - 1
    print(f"200 updates -> {reruns} reruns")
    assert reruns < 100


def test_burst_of_clicks_loses_no_click(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app clicks
import jupyter_fragments as st
st.session_state.setdefault("count", 0)
def bump():
    st.session_state.count += 1
st.button("+1", on_click=bump)
if st.button("plain"):
    st.session_state.plain = st.session_state.get("plain", 0) + 1
st.write("count", st.session_state.count)
"""
    )
    app = app_session.app("clicks")
    ids = [app_session.send_custom(app.button("+1"), {"event": "click"}) for _ in range(30)]
    ids += [app_session.send_custom(app.button("plain"), {"event": "click"}) for _ in range(3)]
    app_session.wait_idle(ids)
    assert "count `30`" in app.text
    assert _eval_state(app_session, "plain") >= 1


def test_newer_event_supersedes_a_slow_run(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app slow
import jupyter_fragments as st, time
n = st.slider("n", 0, 40, 0)
for i in range(n):
    st.write("row", i)
    time.sleep(0.05)
st.write("done with", n)
"""
    )
    app = app_session.app("slow")
    slider = app.slider("n")
    slow = app_session.send_update(slider, {"value": 40})  # a 2 s run
    app_session.wait(0.2)
    started = time.monotonic()
    quick = app_session.send_update(slider, {"value": 1})
    app_session.wait_idle([slow, quick])
    elapsed = time.monotonic() - started
    assert "done with `1`" in app.text
    assert "row `30`" not in app.text
    assert elapsed < 1.0, elapsed


def test_event_during_an_async_cell_is_handled(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app asyncapp
import jupyter_fragments as st
if st.button("hit"):
    st.write("hit handled")
"""
    )
    app = app_session.app("asyncapp")
    cell = app_session.send_cell("import asyncio\nawait asyncio.sleep(1.0)")
    app_session.wait(0.2)
    app_session.send_custom(app.button("hit"), {"event": "click"})
    app_session.wait_until(lambda: "hit handled" in app.text, timeout=5)
    app_session.wait_idle(cell)


def test_events_from_another_thread_run_on_the_main_thread(app_session: KernelSession) -> None:
    """A kernel subshell handles comm messages in its own thread: the app still runs on main."""
    app_session.run_cell(
        """%%app threads
import threading
import jupyter_fragments as st
v = st.slider("v", 0, 10)
st.write("value", v, "on", threading.current_thread().name)
"""
    )
    app = app_session.app("threads")
    model_id = app.slider("v").model_id
    app_session.run_cell(
        "import threading, ipywidgets\n"
        f"_w = ipywidgets.Widget.widgets[{model_id!r}]\n"
        "_t = threading.Thread(target=lambda: setattr(_w, 'value', 7), name='subshell-like')\n"
        "_t.start(); _t.join()"
    )
    app_session.wait_until(lambda: "value `7`" in app.text, timeout=10)
    assert "on MainThread" in app.text
    assert app.exceptions == []
