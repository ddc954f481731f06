"""``run_every`` timers as Streamlit 1.67 keeps them, through a real kernel.

Streamlit pull request #15912 (1.6x, "Dedupe run_every auto-rerun timers per
fragment"): a fragment re-rendered by an ancestor's fragment-only rerun keeps one timer
(before, each re-render stacked another interval). Pull request #15932 ("stop auto
rerun on fragment evict"): a nested ``run_every`` fragment that a rerun no longer draws
stops its timer. Each call site is a fragment of its own (its own id), with its own
timer. The intervals here are long: the tests count timers, they do not wait for ticks.
"""

from __future__ import annotations

from jupyter_fragments.testing import KernelSession

NESTED = """%%app nested_timers
import jupyter_fragments as st

@st.fragment(run_every="1h")
def clock(name):
    st.write("clock", name)

@st.fragment
def panel():
    st.button("redraw panel")
    if st.checkbox("clocks", value=True):
        clock("a")
        clock("b")

show = st.toggle("panel", value=True)
if show:
    panel()
st.button("full rerun")
"""


def test_one_timer_per_fragment_however_often_it_is_drawn(app_session: KernelSession) -> None:
    """Streamlit #15912: re-rendering a ``run_every`` fragment from its parent's
    fragment-only reruns, or from full reruns, keeps one timer per fragment."""
    app_session.run_cell(NESTED)
    app = app_session.app("nested_timers")
    assert app.timers == 2  # two call sites, two fragments
    for _ in range(3):
        app.button("redraw panel").click()
        app.button("full rerun").click()
    assert app.fragment("panel").runs == 7
    assert app.timers == 2
    assert app_session.snapshot()["timers"] == 2


def test_dropped_fragments_stop_their_timers(app_session: KernelSession) -> None:
    """Streamlit #15932: a fragment that a rerun of its parent fragment no longer draws
    stops its timer; so does one a full rerun no longer draws; drawn again, it gets
    one again."""
    app_session.run_cell(NESTED)
    app = app_session.app("nested_timers")
    app.checkbox("clocks").set_value(False)  # a fragment-only rerun of the panel
    assert app.runs == 1 and app.timers == 0
    app.checkbox("clocks").set_value(True)
    assert app.timers == 2
    app.toggle("panel").set_value(False)  # a full rerun without the panel
    assert app.timers == 0
    app.toggle("panel").set_value(True)
    assert app.timers == 2
