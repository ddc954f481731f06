"""The stale mark (`jf-running`) through a real kernel: set while one blocking call runs.

The kernel's watcher thread marks the rerunning scope ``stale_delay`` after the run
starts, even when the code makes no ``st.*`` call meanwhile; the end of the run clears
it. The user code below sleeps far longer than the delay (0.3 s), so that the mark is
due long before the run ends.
"""

from __future__ import annotations

from jupyter_fragments.testing import KernelSession

SLEEPER = """%%app sleeper
import jupyter_fragments as st, time

@st.fragment
def slow():
    if st.button("slow"):
        time.sleep(2.0)
        st.write("slow done")
    st.write("slow part")

@st.fragment
def sibling():
    st.button("other")
    st.write("sibling part")

slow()
sibling()
"""


def _classes(session: KernelSession, model_id: str) -> tuple[str, ...]:
    return tuple(session.mirror[model_id].state.get("_dom_classes", ()))


def test_one_blocking_call_marks_only_its_scope_until_it_lands(
    app_session: KernelSession,
) -> None:
    app_session.run_cell(SLEEPER)
    app = app_session.app("sleeper")
    slow, sibling = app.fragment("slow").model_id, app.fragment("sibling").model_id
    root = app.model_id
    click = app_session.send_custom(app.button("slow"), {"event": "click"})
    app_session.wait_until(
        lambda: "jf-running" in _classes(app_session, slow), what="the slow fragment marked"
    )
    # the run is still inside its one call (the handles' model ids were read before:
    # the snapshot behind them waits for the kernel)
    assert "slow done" not in app_session.text_of(root)
    assert "jf-running" not in _classes(app_session, sibling)
    assert "jf-running" not in _classes(app_session, root)
    hit = app_session.wait_idle(click)[0]
    assert "slow done" in app_session.text_of(root)
    assert "jf-running" not in _classes(app_session, slow)
    # The mark and its clearing are answers to the click (same parent header).
    assert slow in hit.updated_models
    assert hit.error is None


def test_a_fast_rerun_sends_nothing_for_the_mark(app_session: KernelSession) -> None:
    app_session.run_cell(SLEEPER)
    app = app_session.app("sleeper")
    sibling = app.fragment("sibling").model_id
    hit = app.button("other").click()
    assert sibling not in hit.updated_models
    assert "jf-running" not in _classes(app_session, sibling)


def test_a_marked_fragment_that_reruns_the_app_is_cleared(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app hands_over
import jupyter_fragments as st, time

@st.fragment
def slow():
    if st.button("go"):
        time.sleep(1.0)
        st.rerun()
    st.write("slow part")

slow()
"""
    )
    app = app_session.app("hands_over")
    slow, root = app.fragment("slow").model_id, app.model_id
    click = app_session.send_custom(app.button("go"), {"event": "click"})
    app_session.wait_until(
        lambda: "jf-running" in _classes(app_session, slow), what="the fragment marked"
    )
    app_session.wait_idle(click)
    assert "jf-running" not in _classes(app_session, slow)
    assert "jf-running" not in _classes(app_session, root)
