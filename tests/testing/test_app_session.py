"""End to end: the ``app_session`` fixture driving real ``%%app`` apps and fragments."""

from __future__ import annotations

import importlib

import pytest

from jupyter_fragments.testing import HarnessError, KernelSession

pytestmark = pytest.mark.skipif(
    not hasattr(importlib.import_module("jupyter_fragments"), "load_ipython_extension"),
    reason="the kernel runtime (the %load_ext hooks that register the control comm) is not there",
)

COUNTER_APP = """\
%%app counter
import jupyter_fragments as st

st.session_state.setdefault("count", 0)
if st.button("+1"):
    st.session_state.count += 1
st.write(f"count: {st.session_state.count}")

@st.fragment
def panel():
    n = st.slider("n", 0, 10)
    st.write(f"n squared: {n * n}")

panel()
"""


def test_full_rerun_and_fragment_rerun(app_session: KernelSession) -> None:
    app_session.run_cell(COUNTER_APP)
    app = app_session.app("counter")
    assert "count: 0" in app.text and app.runs == 1

    hit = app.button("+1").click()

    assert hit.error is None and hit.comm_opens == 0
    assert "count: 1" in app.text and app.runs == 2
    panel = app.fragment("panel")
    before = panel.runs

    panel.slider("n").set_value(3)

    assert "n squared: 9" in panel.text
    assert (app.runs, panel.runs) == (2, before + 1)
    assert app.scope_runs() == {"app": 2, "panel": before + 1}
    assert app.exceptions == []


def test_reset_stops_apps_and_clears_state(app_session: KernelSession) -> None:
    assert app_session.apps == []
    assert app_session.eval("dict(__import__('jupyter_fragments').session_state)") == {}


CLOCK_APP = """\
%%app clock
import jupyter_fragments as st

@st.fragment(run_every=0.05)
def clock():
    st.session_state.ticks = st.session_state.get("ticks", 0) + 1
    st.write(f"tick {st.session_state.ticks}")

clock()
"""


def test_timers_tick_while_the_harness_waits(app_session: KernelSession) -> None:
    app_session.run_cell(CLOCK_APP)
    app = app_session.app("clock")
    clock = app.fragment("clock")
    assert app.timers == 1

    app_session.wait_until(lambda: clock.runs >= 3, timeout=3, what="three ticks")

    ticks = app_session.eval("__import__('jupyter_fragments').session_state.ticks")
    assert f"tick {ticks}" in clock.text or f"tick {ticks - 1}" in clock.text
    assert app.runs == 1


def test_the_snapshot_follows_unload_and_load(app_session: KernelSession) -> None:
    app_session.run_cell(COUNTER_APP)
    assert [a.name for a in app_session.apps] == ["counter"]
    try:
        app_session.run_cell("%unload_ext jupyter_fragments")
        # The kernel closed the control comm and dropped the target: no app is left.
        assert app_session.snapshot() == {"apps": [], "timers": 0}
        with pytest.raises(HarnessError, match="No app is running"):
            app_session.app()
    finally:
        app_session.run_cell("%load_ext jupyter_fragments")
    assert app_session.snapshot() == {"apps": [], "timers": 0}
    app_session.run_cell(COUNTER_APP)
    assert app_session.app("counter").button("+1").click().error is None
    assert app_session.app("counter").runs == 2
