"""Loading, unloading and reloading the extension: one set of hooks, nothing left over."""

from __future__ import annotations

from jupyter_fragments.testing import KernelSession

APP = """%%app ext
import jupyter_fragments as st
st.session_state.setdefault("runs", 0)
st.session_state.runs += 1
st.slider("s", 0, 5)
st.checkbox("c")
st.columns(2)[0].write("x")

@st.fragment(run_every=0.5)
def f():
    st.text_input("t")

f()
"""

HOOKS = (
    "import jupyter_fragments._extension as e\n"
    "e.hook_count(get_ipython())"
)


def _target_count(session: KernelSession) -> int:
    return int(
        session.eval(
            "sum(1 for name in get_ipython().kernel.comm_manager.targets "
            "if name == 'jupyter_fragments.control')"
        )
    )


def test_reload_twice_leaves_one_set_of_hooks(app_session: KernelSession) -> None:
    hooks = app_session.run_cell(HOOKS).value_text
    for _ in range(2):
        app_session.run_cell("%reload_ext jupyter_fragments")
    assert app_session.run_cell(HOOKS).value_text == hooks
    assert _target_count(app_session) == 1
    app_session.run_cell(APP)
    assert app_session.eval("__import__('jupyter_fragments').session_state.runs") == 1
    assert app_session.app("ext").runs == 1


def test_unload_closes_every_model_the_package_made(app_session: KernelSession) -> None:
    baseline = {m.model_id for m in app_session.mirror.live()}
    app_session.run_cell(APP)
    made = {m.model_id for m in app_session.mirror.live()} - baseline
    assert len(made) > 10
    try:
        app_session.run_cell("%unload_ext jupyter_fragments")
        left = {m.model_id for m in app_session.mirror.live()} & made
        assert left == set()
        assert app_session.snapshot()["timers"] == 0
        assert _target_count(app_session) == 0
        result = app_session.run_cell("%%app\nx = 1", raise_on_error=False)
        assert result.error is not None and "app" in result.error.evalue  # magic is gone
    finally:
        app_session.run_cell("%load_ext jupyter_fragments")


def test_replacing_an_app_closes_all_its_models(app_session: KernelSession) -> None:
    baseline = {m.model_id for m in app_session.mirror.live()}
    app_session.run_cell(APP)
    first = {m.model_id for m in app_session.mirror.live()} - baseline
    app_session.run_cell(APP)
    live = {m.model_id for m in app_session.mirror.live()}
    assert not (live & first)
    assert len(live - baseline) == len(first)
