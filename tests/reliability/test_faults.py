"""Faults an app survives: each shows in place, the rest keeps working, the next event works.

Every test drives a real kernel through the harness and checks what a person would see.
"""

from __future__ import annotations

from pathlib import Path

from reliability_support import interrupt, state

from jupyter_fragments.testing import KernelSession

ROBUST_APP = """%%app robust
import jupyter_fragments as st
st.session_state.setdefault("fail", "")

def fail_if(where):
    if st.session_state.fail == where:
        raise ValueError(f"boom in {where}")

st.write("top of app")
n = st.slider("n", 0, 10, 0)
fail_if("body")

@st.fragment
def outer():
    if st.button("outer+"):
        pass
    fail_if("outer")
    st.write("outer drawn", n)
    inner()

@st.fragment
def inner():
    st.checkbox("inner box")
    fail_if("inner")
    st.write("inner drawn")

outer()

@st.fragment
def sibling():
    st.button("sibling+")
    st.write("sibling drawn")

sibling()
st.write("bottom of app")
"""


def _set_fail(session: KernelSession, where: str) -> None:
    session.run_cell(f"import jupyter_fragments as st; st.session_state.fail = {where!r}")


def test_exception_in_app_body_shows_in_place_and_next_run_clears_it(
    app_session: KernelSession,
) -> None:
    app_session.run_cell(ROBUST_APP)
    app = app_session.app("robust")
    _set_fail(app_session, "body")
    hit = app.slider("n").set_value(3)
    assert hit.error is None  # the event's handler did not raise into the kernel
    assert [e.evalue for e in app.exceptions] == ["boom in body"]
    assert "top of app" in app.text
    assert "ValueError" in app.exceptions[0].traceback_text
    assert "fail_if" in app.exceptions[0].traceback_text  # the user's frame is shown
    _set_fail(app_session, "")
    app.slider("n").set_value(4)
    assert app.exceptions == []
    assert "outer drawn `4`" in app.text and "bottom of app" in app.text


def test_exception_in_fragment_keeps_siblings_and_app(app_session: KernelSession) -> None:
    app_session.run_cell(ROBUST_APP)
    app = app_session.app("robust")
    _set_fail(app_session, "outer")
    app.button("outer+").click()
    outer = app.fragment("outer")
    assert [e.evalue for e in outer.exceptions] == ["boom in outer"]
    assert outer.error == "ValueError: boom in outer"
    assert "sibling drawn" in app.text and "bottom of app" in app.text
    # a sibling fragment still works while the other one shows its error
    app.button("sibling+").click()
    assert app.fragment("sibling").runs == 2
    _set_fail(app_session, "")
    app.button("outer+").click()
    assert app.exceptions == [] and "inner drawn" in app.text


def test_exception_in_nested_fragment_stays_inside_it(app_session: KernelSession) -> None:
    app_session.run_cell(ROBUST_APP)
    app = app_session.app("robust")
    _set_fail(app_session, "inner")
    app.checkbox("inner box").set_value(True)
    inner = app.fragment("inner")
    assert [e.evalue for e in inner.exceptions] == ["boom in inner"]
    assert "outer drawn" in app.fragment("outer").text
    assert app.fragment("outer").error is None
    # a rerun of the outer fragment reruns the inner one (still failing), then recovers
    app.button("outer+").click()
    assert [e.evalue for e in app.exceptions] == ["boom in inner"]
    _set_fail(app_session, "")
    app.checkbox("inner box").set_value(False)
    assert app.exceptions == [] and "inner drawn" in app.text


def test_exception_in_callbacks_shows_and_next_event_works(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app callbacks
import jupyter_fragments as st

def bad_change():
    raise KeyError("on_change failed")

def bad_click(what):
    raise RuntimeError(f"on_click failed for {what}")

v = st.slider("v", 0, 10, 0, on_change=bad_change)

@st.fragment
def panel():
    st.button("go", on_click=bad_click, args=("go",))
    st.write("panel drawn")

panel()
st.write("value", v)
"""
    )
    app = app_session.app("callbacks")
    hit = app.slider("v").set_value(2)
    assert hit.error is None
    assert [e.ename for e in app.exceptions] == ["KeyError"]
    assert "value `2`" in app.text  # the rerun still happened, with the new value
    hit = app.button("go").click()
    assert hit.error is None
    panel = app.fragment("panel")
    assert [e.evalue for e in panel.exceptions] == ["on_click failed for go"]
    assert "panel drawn" in panel.text
    app.slider("v").set_value(5)  # a full rerun clears the fragment's error too
    assert "value `5`" in app.text


def test_exception_in_a_run_every_tick_does_not_stop_the_timer(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app ticking
import jupyter_fragments as st
st.session_state.ticks = 0

@st.fragment(run_every=0.1)
def clock():
    st.session_state.ticks += 1
    if st.session_state.ticks % 2 == 0:
        raise ZeroDivisionError(f"tick {st.session_state.ticks} failed")
    st.write("tick", st.session_state.ticks)

clock()
st.button("full")
"""
    )
    app = app_session.app("ticking")
    clock = app.fragment("clock")
    app_session.wait_until(lambda: clock.runs >= 2 and clock.exceptions != [], timeout=10)
    assert clock.exceptions[0].ename == "ZeroDivisionError"
    app_session.wait_until(lambda: clock.runs >= 6, timeout=10)
    assert app.timers == 1  # errors do not stop the timer
    app_session.wait_until(lambda: clock.exceptions == [], timeout=10)  # odd ticks recover
    app.button("full").click()
    assert app.runs == 2


def test_exception_in_a_cached_function_is_shown_and_not_cached(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app cached
import jupyter_fragments as st
st.session_state.setdefault("calls", 0)

@st.cache_data
def load(x):
    st.session_state.calls += 1
    if st.session_state.calls == 1:
        raise IOError(f"source down for {x}")
    return x * 10

x = st.slider("x", 0, 5, 1)
st.write("loaded", load(x))
"""
    )
    app = app_session.app("cached")
    assert [e.ename for e in app.exceptions] == ["OSError"]
    app.slider("x").set_value(2)
    app.slider("x").set_value(1)  # the failed call was not cached: 1 loads again
    assert app.exceptions == []
    assert "loaded `10`" in app.text
    assert state(app_session, "calls") == 3


def test_exception_inside_a_rich_repr_shows_in_place(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app rich
import jupyter_fragments as st
from IPython.display import display

class Fragile:
    broken = True
    def _repr_html_(self):
        if Fragile.broken:
            raise LookupError("repr exploded")
        return "<b>fine</b>"
    def __repr__(self):
        return "Fragile()"

@st.fragment
def panel():
    st.button("redraw")
    display(Fragile())
    st.write(Fragile())
    st.write("after the object")

panel()
st.write("rest of app")
"""
    )
    app = app_session.app("rich")
    panel = app.fragment("panel")
    shown = panel.exceptions
    assert shown and {e.evalue for e in shown} == {"repr exploded"}, app.text
    assert "after the object" in panel.text and "rest of app" in app.text
    app_session.run_cell("Fragile.broken = False")
    app.button("redraw").click()
    assert app.exceptions == []
    assert "fine" in panel.text


SLOW_APP = """%%app slow
import jupyter_fragments as st, time
st.session_state.setdefault("ticks", 0)
n = st.slider("n", 0, 100, 0)
for i in range(n):
    time.sleep(0.05)
st.write("full run done", n)

@st.fragment(run_every=0.3)
def clock():
    st.session_state.ticks += 1
    marker = st.session_state.get("slow_tick")
    if marker:
        st.session_state.slow_tick = None
        open(marker, "w").close()  # tell the test the slow tick has started
        time.sleep(10)
    st.write("tick", st.session_state.ticks)

clock()
"""


def test_interrupt_during_a_slow_full_rerun(app_session: KernelSession) -> None:
    app_session.run_cell(SLOW_APP)
    app = app_session.app("slow")
    app_session.run_cell("import jupyter_fragments as st; st.session_state.slow_tick = None")
    slow = app_session.send_update(app.slider("n"), {"value": 100})  # a 5 s run
    app_session.wait(0.5)
    interrupt(app_session)
    (result,) = app_session.wait_idle(slow, timeout=10)
    assert result.error is None
    assert "Run interrupted" in app.text
    assert "full run done" not in app.text
    assert app.timers == 1
    ticks = state(app_session, "ticks")
    app_session.wait_until(lambda: state(app_session, "ticks") >= ticks + 2, timeout=5)
    app.slider("n").set_value(1)
    assert "full run done `1`" in app.text
    assert "Run interrupted" not in app.text


def test_interrupt_during_a_timer_rerun(app_session: KernelSession, tmp_path: Path) -> None:
    app_session.run_cell(SLOW_APP)
    app = app_session.app("slow")
    clock = app.session.widget(app.fragment("clock").model_id)  # read from the mirror only
    marker = tmp_path / "tick-started"
    app_session.run_cell(f"st.session_state.slow_tick = {str(marker)!r}")
    app_session.wait_until(marker.exists, timeout=5)
    interrupt(app_session)
    app_session.wait_until(lambda: "Run interrupted" in clock.text, timeout=5)
    assert app.timers == 1
    ticks = state(app_session, "ticks")
    app_session.wait_until(lambda: state(app_session, "ticks") >= ticks + 2, timeout=5)
    assert "Run interrupted" not in clock.text  # the next tick drew normally
    app.slider("n").set_value(1)
    assert "full run done `1`" in app.text


def test_system_exit_and_stop_inside_fragments(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app exits
import jupyter_fragments as st, sys

@st.fragment
def quitter():
    if st.button("exit"):
        sys.exit(3)
    st.write("quitter drawn")

@st.fragment
def stopper():
    if st.button("stop"):
        st.write("before stop")
        st.stop()
        st.write("after stop")
    st.write("stopper drawn")

quitter()
stopper()
st.write("app drawn")
"""
    )
    app = app_session.app("exits")
    hit = app.button("exit").click()
    assert hit.error is None
    assert [e.ename for e in app.fragment("quitter").exceptions] == ["SystemExit"]
    assert app_session.eval("1 + 1") == 2  # the kernel did not exit
    assert "app drawn" in app.text
    app.button("stop").click()
    stopper = app.fragment("stopper")
    assert "before stop" in stopper.text and "after stop" not in stopper.text
    assert stopper.exceptions == []
    assert "app drawn" in app.text and "SystemExit: 3" in app.text
    app.button("stop").click()  # the next event works
    assert app.fragment("stopper").runs == 3


def test_exception_while_replacing_an_app(app_session: KernelSession) -> None:
    good = """%%app
import jupyter_fragments as st
st.slider("level", 0, 10, 2)

@st.fragment(run_every=0.2)
def live():
    st.write("live")

live()
"""
    bad = """%%app
import jupyter_fragments as st
st.write("new version")
raise RuntimeError("new version is broken")
"""
    earlier = {m.model_id for m in app_session.mirror.live()}  # other tests' plain widgets
    app_session.run_cell(good, cell_id="replaced")
    first_models = {m.model_id for m in app_session.mirror.live()} - earlier
    result = app_session.run_cell(bad, cell_id="replaced")
    assert result.error is None  # not strict: the cell does not fail
    snapshot = app_session.snapshot()
    assert len(snapshot["apps"]) == 1 and snapshot["timers"] == 0
    app = app_session.app("replaced")
    assert [e.evalue for e in app.exceptions] == ["new version is broken"]
    assert "new version" in app.text
    still_open = first_models & {m.model_id for m in app_session.mirror.live()}
    leaked = [app_session.mirror[m].kind for m in still_open]
    assert not still_open, f"the old app's models were not all closed: {leaked}"
    app_session.run_cell(good, cell_id="replaced")
    assert app_session.app("replaced").exceptions == []
    assert app_session.snapshot()["timers"] == 1
