"""One runner for user code: a dialog's ``on_dismiss`` runs like any callback.

Before, ``on_dismiss`` was called straight from the close button's click handler: no
capture, no main-thread hop, and ``st.rerun()`` / ``st.stop()`` escaped into the kernel's
comm handler. Now it runs through the runtime's runner, before a full rerun.
"""

from __future__ import annotations

from jupyter_fragments.testing import KernelSession

DIALOG_APP = """%%app {name}
import jupyter_fragments as st
st.session_state.setdefault("dismissed", 0)

def on_dismiss():
    st.session_state.dismissed += 1
    print("dismissing")
    {action}

@st.dialog("Settings", on_dismiss=on_dismiss)
def settings():
    st.text("inside the dialog")

st.text(f"dismissed={{st.session_state.dismissed}}")
if st.button("open"):
    settings()
st.button("other")
"""


def _open_and_dismiss(session: KernelSession, name: str, action: str) -> None:
    session.run_cell(DIALOG_APP.format(name=name, action=action))
    app = session.app(name)
    app.button("open").click()
    assert "inside the dialog" in app.text
    session.find_widget("✕", kind="Button").click()


def test_on_dismiss_that_calls_rerun_reruns_the_app(app_session: KernelSession) -> None:
    _open_and_dismiss(app_session, "dismiss_rerun", "st.rerun()")
    app = app_session.app("dismiss_rerun")
    assert "dismissed=1" in app.text  # the callback ran, then the app reran once
    assert app.runs == 3  # first run, the open click, the dismissal
    assert app.exceptions == []
    # the kernel's comm handling is intact: the next click is handled as usual
    app.button("other").click()
    assert app.runs == 4 and "dismissed=1" in app.text


def test_on_dismiss_that_raises_shows_the_error_in_place(app_session: KernelSession) -> None:
    _open_and_dismiss(app_session, "dismiss_raise", "raise ValueError('bad dismissal')")
    app = app_session.app("dismiss_raise")
    assert any("bad dismissal" in str(e) for e in app.exceptions)
    assert "dismissed=1" in app.text  # the rerun after the callback still drew the page
    app.button("other").click()
    assert app.exceptions == []  # the next run is clean
    assert "dismissed=1" in app.text


def test_on_dismiss_that_stops_ends_only_the_callback(app_session: KernelSession) -> None:
    _open_and_dismiss(app_session, "dismiss_stop", "st.stop()")
    app = app_session.app("dismiss_stop")
    assert "dismissed=1" in app.text and app.exceptions == []
    app.button("other").click()
    assert "dismissed=1" in app.text
