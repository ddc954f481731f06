"""Parallel fragments (``@st.fragment(parallel=True)``, Streamlit 1.67) through a real kernel.

Streamlit 1.67's ``st.fragment`` docstring: "If True, the fragment is dispatched to a
thread pool and may execute concurrently with other parallel fragments and the rest of
the app script ... reruns confined to a single fragment (such as those triggered after
widget interactions) remain sequential", and "Writing to containers created outside the
fragment, including st.sidebar and st.bottom, is not supported in a parallel fragment".
Overlap is asserted with the stamps the fragments record (``time.monotonic()`` in
session state) or with a barrier they must all reach, never with a wall time.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jupyter_fragments.testing import KernelSession

STATE = "__import__('jupyter_fragments').session_state"
THREADS = (
    "sum(t.name.startswith('jupyter-fragments-parallel') "
    "for t in __import__('threading').enumerate())"
)

DASHBOARD = """%%app dash
import jupyter_fragments as st, time

@st.fragment(parallel={parallel})
def panel(name):
    st.session_state[name + "_start"] = time.monotonic()
    print("printed by", name)
    time.sleep(0.3)  # an I/O wait: a query, a web request
    st.write(f"panel {{name}} ready")
    st.session_state[name + "_end"] = time.monotonic()

st.title("Dashboard")
for name in ("a", "b", "c"):
    panel(name)
st.write("after the calls")
"""


def _state(session: KernelSession, key: str) -> Any:
    return session.eval(f"{STATE}.get({key!r})")


def _stamps(session: KernelSession) -> tuple[list[float], list[float]]:
    starts = [_state(session, f"{n}_start") for n in "abc"]
    ends = [_state(session, f"{n}_end") for n in "abc"]
    return starts, ends


def test_parallel_fragments_overlap_and_keep_their_places(app_session: KernelSession) -> None:
    app_session.run_cell(DASHBOARD.format(parallel=True))
    app = app_session.app("dash")
    starts, ends = _stamps(app_session)
    # every fragment started before any of them ended: the three waits overlapped
    assert max(starts) < min(ends)
    # the page keeps the order of the calls, each fragment's output in its own scope
    text = app.text
    positions = [text.index(f"panel {n} ready") for n in "abc"]
    assert positions == sorted(positions) < [text.index("after the calls")] * 3
    panels = [app.fragment("panel", index=i) for i in range(3)]
    for name, panel in zip("abc", panels, strict=True):
        assert panel.text == f"printed by {name}\npanel {name} ready"
        assert panel.runs == 1
    assert app.runs == 1 and app.exceptions == []


def test_without_parallel_fragments_run_one_after_another(app_session: KernelSession) -> None:
    app_session.run_cell(DASHBOARD.format(parallel=False))
    starts, ends = _stamps(app_session)
    assert starts[1] >= ends[0] and starts[2] >= ends[1]


def test_the_call_returns_none_at_once_and_the_script_goes_on(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app early
import jupyter_fragments as st, threading
released = threading.Event()

@st.fragment(parallel=True)
def waits_for_the_script():
    # only reached if the script went on while this fragment runs
    st.write("released" if released.wait(10) else "timed out")
    return 42

result = waits_for_the_script()
released.set()
st.write(f"returned {result!r}")
"""
    )
    app = app_session.app("early")
    assert "released" in app.fragment("waits_for_the_script").text
    assert "returned None" in app.text  # as Streamlit: a dispatched fragment returns None


def test_a_barrier_only_parallel_fragments_can_pass(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app barrier
import jupyter_fragments as st, threading
gate = threading.Barrier(3, timeout=20)

@st.fragment(parallel=True)
def member(i):
    with st.spinner("waiting for the others"):  # shown with the run's flush, then gone
        gate.wait()  # returns only once all three are waiting at the same time
    st.write(f"member {i} passed")

for i in range(3):
    member(i)
"""
    )
    app = app_session.app("barrier")
    assert app.exceptions == []
    assert all(f"member {i} passed" in app.text for i in range(3))
    assert "waiting for the others" not in app.text


def test_session_state_last_writer_wins_and_watchers_rerun(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app writers
import jupyter_fragments as st, threading
first_wrote = threading.Event()

@st.fragment(watch=["shared"])
def watcher():
    st.write(f"watcher sees {st.session_state.get('shared')}")

@st.fragment(parallel=True)
def first():
    st.session_state.shared = "first"
    st.session_state.own_first = 1
    first_wrote.set()

@st.fragment(parallel=True)
def second():
    first_wrote.wait(10)  # writes after the first one, whatever the threads' timing
    st.session_state.shared = "second"
    st.session_state.own_second = 2

watcher()
first()
second()
"""
    )
    app = app_session.app("writers")
    assert _state(app_session, "shared") == "second"
    assert (_state(app_session, "own_first"), _state(app_session, "own_second")) == (1, 2)
    # a watched key written by a parallel fragment reruns its watcher, after the join
    watcher = app.fragment("watcher")
    assert "watcher sees second" in watcher.text
    assert watcher.runs == 2 and app.runs == 1


def test_an_error_is_shown_in_its_fragment_only(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app errors
import jupyter_fragments as st

@st.fragment(parallel=True)
def panel(name):
    st.write(f"{name} starts")
    if name == "b":
        1 / 0
    st.write(f"{name} ends")

for name in "abc":
    panel(name)
st.write("script ends")
"""
    )
    app = app_session.app("errors")
    a, b, c = (app.fragment("panel", index=i) for i in range(3))
    assert "b starts" in b.text and "b ends" not in b.text
    assert [e.ename for e in b.exceptions] == ["ZeroDivisionError"]
    assert b.error is not None
    for panel, name in ((a, "a"), (c, "c")):
        assert f"{name} ends" in panel.text and panel.exceptions == [] and panel.error is None
    assert "script ends" in app.text


def test_stop_ends_that_fragment_only(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app stops
import jupyter_fragments as st

@st.fragment(parallel=True)
def stopper():
    st.write("before stop")
    st.stop()
    st.write("after stop")

@st.fragment(parallel=True)
def sibling():
    st.write("sibling drawn")

stopper()
sibling()
st.write("script ends")
"""
    )
    app = app_session.app("stops")
    stopper = app.fragment("stopper")
    assert "before stop" in stopper.text and "after stop" not in stopper.text
    assert "sibling drawn" in app.fragment("sibling").text
    assert "script ends" in app.text and app.exceptions == []


def test_rerun_reruns_the_app_once_the_run_has_ended(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app reruns
import jupyter_fragments as st
st.session_state.setdefault("asked", 0)
st.session_state.setdefault("script_ends", 0)

@st.fragment(parallel=True)
def asker():
    if st.session_state.asked == 0:
        st.session_state.asked += 1
        st.rerun()
    st.write("asker drawn")

@st.fragment(parallel=True)
def sibling():
    st.write("sibling drawn")

asker()
sibling()
st.session_state.script_ends += 1
st.write(f"script ended {st.session_state.script_ends} times")
"""
    )
    app = app_session.app("reruns")
    assert app.runs == 2
    # the first run's script went on to its end before the rerun
    assert _state(app_session, "script_ends") == 2
    assert "script ended 2 times" in app.text
    assert "asker drawn" in app.text and "sibling drawn" in app.text
    assert app.exceptions == []


def test_rerun_scope_fragment_is_an_error_in_a_full_run(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app scoped
import jupyter_fragments as st

@st.fragment(parallel=True)
def scoped():
    st.rerun(scope="fragment")

scoped()
"""
    )
    (error,) = app_session.app("scoped").fragment("scoped").exceptions
    assert "during a fragment rerun" in error.evalue


def test_widgets_rerun_their_fragment_on_the_main_thread(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app widgets
import jupyter_fragments as st, threading

@st.fragment(parallel=True)
def clicker():
    st.button("refresh")
    st.write(f"clicker on {threading.current_thread().name.split()[0]}")

@st.fragment(parallel=True)
def chooser():
    n = st.slider("n", 0, 10, 3, key="n")
    st.write(f"n is {n}")

clicker()
chooser()
"""
    )
    app = app_session.app("widgets")
    clicker, chooser = app.fragment("clicker"), app.fragment("chooser")
    assert "clicker on jupyter-fragments-parallel" in clicker.text
    hit = app.button("refresh").click()
    assert "clicker on MainThread" in clicker.text  # a fragment's own rerun: main thread
    assert (app.runs, clicker.runs, chooser.runs) == (1, 2, 1)
    assert hit.comm_opens == 0 and hit.comm_closes == 0
    app.slider("n").set_value(7)
    assert "n is 7" in chooser.text and _state(app_session, "n") == 7
    assert (app.runs, clicker.runs, chooser.runs) == (1, 2, 2)
    app_session.run_cell("__import__('jupyter_fragments').session_state.n = 9")
    assert "n is 9" in chooser.text


def test_one_identity_in_two_parallel_fragments_is_a_duplicate(
    app_session: KernelSession,
) -> None:
    app_session.run_cell(
        """%%app twins
import jupyter_fragments as st, threading
together = threading.Barrier(2, timeout=20)

@st.fragment(parallel=True)
def twin(i):
    together.wait()  # both draw the same button at the same moment
    st.button("Same")
    st.write(f"twin {i} done")

twin(1)
twin(2)
"""
    )
    app = app_session.app("twins")
    errors = [e.ename for e in app.exceptions]
    assert errors == ["DuplicateWidgetError"]
    assert len([w for w in app.widgets if w.label == "Same"]) == 1


def test_outside_containers_are_refused(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app outside
import jupyter_fragments as st
column = st.container()

@st.fragment(parallel=True)
def to_sidebar():
    st.sidebar.write("in the sidebar")

@st.fragment(parallel=True)
def to_column():
    column.write("in the column")

@st.fragment(parallel=True)
def inside():
    with st.container():
        st.write("in my own container")

to_sidebar()
to_column()
inside()
"""
    )
    app = app_session.app("outside")
    for name in ("to_sidebar", "to_column"):
        (error,) = app.fragment(name).exceptions
        assert "wrote into a container made outside it" in error.evalue
    assert "in the sidebar" not in app.text and "in the column" not in app.text
    assert "in my own container" in app.fragment("inside").text


def test_nested_fragments_run_in_their_parallel_parent(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app nesting
import jupyter_fragments as st, threading

def where():
    return threading.current_thread().name.split()[0]

@st.fragment(run_every=60)
def inner():
    st.button("inner")
    st.write(f"inner on {where()}")

@st.fragment(parallel=True)
def outer():
    st.write(f"outer on {where()}")
    inner()

@st.fragment
def host():
    st.button("host")
    hosted()

@st.fragment(parallel=True)
def hosted():
    st.write(f"hosted on {where()}")

outer()
host()
"""
    )
    app = app_session.app("nesting")
    outer, inner = app.fragment("outer"), app.fragment("inner")
    assert "outer on jupyter-fragments-parallel" in outer.text
    assert "inner on jupyter-fragments-parallel" in inner.text  # inline, in its thread
    assert app.timers == 1  # the nested fragment's timer is set (by the main thread)
    app.button("inner").click()
    assert "inner on MainThread" in inner.text
    assert (outer.runs, inner.runs) == (1, 2)
    hosted = app.fragment("hosted")
    assert "hosted on jupyter-fragments-parallel" in hosted.text
    # a fragment's own rerun calls its parallel children on the main thread (Streamlit:
    # "reruns confined to a single fragment ... remain sequential")
    app.button("host").click()
    assert "hosted on MainThread" in hosted.text


def test_pyplot_figures_of_their_own_land_in_their_fragments(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app figures
import jupyter_fragments as st
from matplotlib.figure import Figure

@st.fragment(parallel=True)
def chart(i):
    fig = Figure(figsize=(2, 2))
    fig.subplots().plot(range(i + 2))
    st.pyplot(fig)
    st.write(f"chart {i}")

for i in range(3):
    chart(i)
"""
    )
    app = app_session.app("figures")
    assert app.exceptions == []
    for i in range(3):
        model = app.fragment("chart", index=i).model_id
        images = [
            out for out in _outputs_under(app_session, model) if "image/png" in out.get("data", {})
        ]
        assert len(images) == 1


def _outputs_under(session: KernelSession, model_id: str) -> list[dict[str, Any]]:
    """Every output shown inside ``model_id`` (an Output or a box), nested ones included."""
    found: list[dict[str, Any]] = []
    stack = [model_id]
    while stack:
        model = session.mirror[stack.pop()]
        for out in model.state.get("outputs", []):
            found.append(out)
            view = out.get("data", {}).get("application/vnd.jupyter.widget-view+json")
            if view:
                stack.append(view["model_id"])
        stack += [c.removeprefix("IPY_MODEL_") for c in model.state.get("children", [])]
    return found


def _interrupt(session: KernelSession) -> None:
    assert session.manager is not None, "needs a kernel the session started"
    session.manager.interrupt_kernel()


def test_an_interrupt_stops_parallel_fragments_at_their_next_call(
    app_session: KernelSession, tmp_path: Path
) -> None:
    started = tmp_path / "started"
    cell = app_session.send_cell(
        f"""%%app busy
import jupyter_fragments as st, time

@st.fragment(parallel=True)
def ticking(i):
    placeholder = st.empty()
    for n in range(2000):
        if i == 0 and n == 5:
            open({str(started)!r}, "w").close()
        placeholder.write(f"tick {{n}}")
        time.sleep(0.01)
    st.write("ticking finished")

ticking(0)
ticking(1)
"""
    )
    app_session.wait_until(started.exists, timeout=20, what="the fragments ticking")
    _interrupt(app_session)
    (result,) = app_session.wait_idle(cell, timeout=20)
    assert result.error is None
    app = app_session.app("busy")
    assert "Run interrupted" in app.text
    assert "ticking finished" not in app.text
    # both stopped at their next st.* call: no thread is left behind
    app_session.wait_until(lambda: app_session.eval(THREADS) == 0, timeout=10)


def test_a_fragment_in_one_long_call_is_left_behind(
    app_session: KernelSession, tmp_path: Path
) -> None:
    started, drawn = tmp_path / "started", tmp_path / "drawn"
    release, waiting = tmp_path / "release", tmp_path / "waiting"
    app_session.run_cell("%config Fragments.parallel_cancel_wait = 0.2")
    try:
        cell = app_session.send_cell(
            f"""%%app stuck
import jupyter_fragments as st, os, time

@st.fragment(parallel=True)
def stuck():
    st.write("stuck starts")
    open({str(started)!r}, "w").close()
    while not os.path.exists({str(release)!r}):  # one long call, no st.* call
        time.sleep(0.01)
    try:
        st.write("too late")
    finally:
        st.session_state.stuck_ended = True

@st.fragment(parallel=True)
def quick():
    st.write("quick drawn")
    open({str(drawn)!r}, "w").close()

st.button("again")
stuck()
quick()
open({str(waiting)!r}, "w").close()  # the script's end: the run waits for the fragments
"""
        )
        app_session.wait_until(
            lambda: started.exists() and drawn.exists() and waiting.exists(),
            timeout=20,
            what="the run waiting for its stuck fragment",
        )
        _interrupt(app_session)
        (result,) = app_session.wait_idle(cell, timeout=20)
        assert result.error is None
        app = app_session.app("stuck")
        assert "Run interrupted" in app.text and "quick drawn" in app.text
        assert app_session.eval(THREADS) >= 1  # left behind, still in its call
        release.touch()
        app_session.wait_until(lambda: _state(app_session, "stuck_ended"), timeout=10)
        app_session.wait_until(lambda: app_session.eval(THREADS) == 0, timeout=10)
        assert "too late" not in app.text  # what it drew after the run ended is dropped
        app.button("again").click()  # the app goes on as usual
    finally:
        app_session.run_cell("%config Fragments.parallel_cancel_wait = 2.0")
    assert "Run interrupted" not in app.text and "too late" in app.text


def test_a_rerun_from_the_script_stops_its_parallel_fragments(
    app_session: KernelSession,
) -> None:
    app_session.run_cell(
        """%%app restart
import jupyter_fragments as st, time
st.session_state.setdefault("runs", 0)
st.session_state.runs += 1
run = st.session_state.runs

@st.fragment(parallel=True)
def slow():
    for n in range(2000 if run == 1 else 3):  # 20 s in the first run, if not stopped
        st.session_state[f"ticks_{run}"] = n
        st.empty().write("working")
        time.sleep(0.01)
    st.write(f"slow finished in run {run}")

slow()
if run == 1:
    st.rerun()
st.write(f"run {run}")
"""
    )
    app = app_session.app("restart")
    assert app.runs == 2 and "run 2" in app.text
    assert "slow finished in run 2" in app.text and app.exceptions == []
    assert _state(app_session, "ticks_1") < 1999  # stopped at one of its st.* calls
    app_session.wait_until(lambda: app_session.eval(THREADS) == 0, timeout=10)


def test_a_newer_event_supersedes_the_wait_for_parallel_fragments(
    app_session: KernelSession, tmp_path: Path
) -> None:
    started = tmp_path / "started"
    app_session.run_cell(
        f"""%%app newer
import jupyter_fragments as st, time
n = st.slider("n", 0, 10, 1)
st.session_state.setdefault("completed", [])

@st.fragment(parallel=True)
def work(n):
    placeholder = st.empty()
    for i in range(2000 if n == 5 else 1):  # 20 s for n=5, unless stopped
        if i == 3:
            open({str(started)!r}, "w").close()
        placeholder.write(f"step {{i}}")
        time.sleep(0.01)
    st.write(f"work done for {{n}}")
    st.session_state.completed = [*st.session_state.completed, n]

work(n)
"""
    )
    app = app_session.app("newer")
    slider = app.slider("n")
    first = app_session.send_update(slider, {"value": 5})
    app_session.wait_until(started.exists, timeout=20, what="the slow run's fragment")
    second = app_session.send_update(slider, {"value": 7})
    app_session.wait_idle([first, second], timeout=30)
    # the run for 5, waiting for its fragment, gave way to the newer move: the fragment
    # stopped at its next st.* call and never finished
    assert _state(app_session, "completed") == [1, 7]
    assert "work done for 7" in app.text
    app_session.wait_until(lambda: app_session.eval(THREADS) == 0, timeout=10)


def test_pyplot_without_a_figure_is_refused_in_a_parallel_fragment(
    app_session: KernelSession,
) -> None:
    """pyplot's current figure is shared by every thread: a parallel fragment must pass
    its own figure (the error says how); with its own figure it draws."""
    app_session.run_cell(
        """%%app parallel_pyplot
import jupyter_fragments as st
import matplotlib
matplotlib.use("agg")
import matplotlib.pyplot as plt

@st.fragment(parallel=True)
def shared():
    plt.plot([1, 2])
    st.pyplot()

@st.fragment(parallel=True)
def own():
    fig, ax = plt.subplots()
    ax.plot([1, 2])
    st.pyplot(fig)
    st.text("own figure drawn")

shared()
own()
"""
    )
    app = app_session.app("parallel_pyplot")
    errors = [str(e) for e in app.exceptions]
    assert any("parallel fragments" in e and "Fix:" in e for e in errors)
    assert "own figure drawn" in app.text
