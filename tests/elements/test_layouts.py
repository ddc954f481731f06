"""Dialogs rerun on their own like fragments; status and popover hold elements."""

from __future__ import annotations

from jupyter_fragments.testing import KernelSession


def test_dialog_is_a_fragment_with_a_close_button(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app dlg
import jupyter_fragments as st
st.session_state.setdefault("n", 0)

@st.dialog("Counter")
def counter():
    if st.button("+1"):
        st.session_state.n += 1
    st.text(f"n={st.session_state.n}")

if st.button("open") or st.session_state.get("open"):
    st.session_state.open = True
    counter()
"""
    )
    app = app_session.app("dlg")
    assert "n=" not in app.text
    app.button("open").click()
    assert "Counter" in app.text and "n=0" in app.text
    app.button("+1").click()
    app.button("+1").click()
    assert "n=2" in app.text
    assert app.runs == 2 and app.fragment("counter").runs == 3

    close = app_session.find_widget("✕", kind="Button")
    close.click()
    panel = next(
        m for m in app_session.mirror.live() if "jf-dialog" in m.state.get("_dom_classes", [])
    )
    layout = app_session.mirror[panel.refs("layout")[0]]
    assert layout.state.get("display") == "none"
    assert app.runs == 2  # dismissing does not rerun (on_dismiss="ignore")


def test_status_updates_in_place_and_popover_holds_widgets(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app boxes
import jupyter_fragments as st
with st.status("Loading") as s:
    st.text("step 1")
with st.popover("Settings"):
    flag = st.checkbox("verbose")
st.text(f"verbose={flag}")
"""
    )
    app = app_session.app("boxes")
    assert "✅ Loading" in app.text and "step 1" in app.text
    app.checkbox("verbose").set_value(True)
    assert "verbose=True" in app.text
    assert app.exceptions == []
