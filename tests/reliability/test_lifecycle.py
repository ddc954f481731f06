"""Kernel restart leaves nothing of the old app; ``%reload_ext`` leaves one set of hooks."""

from __future__ import annotations

from reliability_support import live_comms, send_raw, state

from jupyter_fragments.testing import KernelSession

TICKING_APP = """%%app lifecycle
import jupyter_fragments as st
st.session_state.setdefault("clicks", 0)
st.session_state.setdefault("ticks", 0)

def bump():
    st.session_state.clicks += 1

st.button("+1", on_click=bump)
st.slider("level", 0, 10, 1, key="level")

@st.fragment(run_every=0.1)
def clock():
    st.session_state.ticks += 1
    st.write("ticks", st.session_state.ticks)

clock()
st.write("clicks", st.session_state.clicks)
"""

CONTROL_TARGETS = (
    "len([t for t in __import__('comm').get_comm_manager().targets if 'fragments' in t])"
)
HOOKS = "__import__('jupyter_fragments._extension', fromlist=['x']).hook_count(get_ipython())"


def test_kernel_restart_leaves_nothing_of_the_old_app(fresh_kernel: KernelSession) -> None:
    session = fresh_kernel
    session.run_cell("%load_ext jupyter_fragments")
    session.run_cell(TICKING_APP)
    app = session.app("lifecycle")
    session.wait_until(lambda: app.fragment("clock").runs >= 3, timeout=10)
    old_models = [m.model_id for m in session.mirror.live()]
    assert old_models
    old_slider = app.slider("level").model_id

    assert session.manager is not None
    session.manager.restart_kernel(now=True)
    session.client.wait_for_ready(timeout=60)

    assert session.eval("'jupyter_fragments' in __import__('sys').modules") is False
    assert live_comms(session) == 0
    # an event for a widget of the old kernel is ignored, and no timer ticks any more
    session.mirror.reset_counters()
    session.wait_idle(send_raw(session, old_slider, {"method": "update", "state": {"value": 5}}))
    session.wait(0.5)  # a measurement window: five old ticks would have happened in it
    assert session.mirror.updates == 0 and session.mirror.opens == 0
    session.run_cell("%load_ext jupyter_fragments")
    assert session.snapshot() == {"apps": [], "timers": 0}
    assert session.eval("dict(__import__('jupyter_fragments').session_state)") == {}


def test_reload_ext_twice_leaves_one_set_of_hooks(fresh_kernel: KernelSession) -> None:
    session = fresh_kernel
    session.run_cell("%load_ext jupyter_fragments")
    once = session.eval(HOOKS)
    control_targets = CONTROL_TARGETS
    assert once >= 1 and session.eval(control_targets) == 1
    session.run_cell(TICKING_APP)
    session.run_cell("%reload_ext jupyter_fragments")
    session.run_cell("%reload_ext jupyter_fragments")
    assert session.eval(HOOKS) == once
    assert session.eval(control_targets) == 1
    assert session.snapshot() == {"apps": [], "timers": 0}  # reloading stopped the old app
    magics = "list(get_ipython().magics_manager.magics['cell']).count('app')"
    assert session.eval(magics) == 1

    session.run_cell("import jupyter_fragments as st; st.session_state.clear()")
    session.run_cell(TICKING_APP)
    app = session.app("lifecycle")
    for expected in (1, 2, 3):
        app.button("+1").click()
        assert state(session, "clicks") == expected  # the callback ran once per click
    assert app.runs == 4  # one rerun per click, not one per loaded copy
    session.wait_until(lambda: state(session, "ticks") >= 3, timeout=10)
    assert session.snapshot()["timers"] == 1

    session.run_cell("%unload_ext jupyter_fragments")
    assert session.eval(HOOKS) == 0
    assert session.eval(control_targets) == 0
    assert not [m for m in session.mirror.live() if m.kind not in ("Layout",)]
    assert live_comms(session) == 0
