"""``persist_state=`` on keyed widgets (Streamlit 1.59+), through a real kernel.

Streamlit 1.59 release notes and 1.67's widget docstrings: ``persist_state`` says how
long a keyed widget's value is kept while the widget is not rendered: ``None`` (the
default) loses it, as before; ``"page"`` keeps it while the user stays on the page,
``"session"`` for the session. It needs a ``key``; other values are an error.
"""

from __future__ import annotations

from jupyter_fragments.testing import KernelSession

PERSISTING = """%%app persisting
import jupyter_fragments as st
show = st.toggle("show", value=True)
if show:
    kept = st.slider("kept", 0, 10, 1, key="kept", persist_state="session")
    page = st.text_input("page", "a", key="page", persist_state="page")
    lost = st.slider("lost", 0, 10, 1, key="lost")
    st.text(f"kept={kept} page={page} lost={lost}")
"""


def _line(text: str, start: str) -> str:
    return next(line for line in text.splitlines() if line.startswith(start))


def test_a_persisted_widget_gets_its_value_back(app_session: KernelSession) -> None:
    """Streamlit 1.59+: a widget with ``persist_state`` that is not rendered for a while
    gets its value back when it returns; without it the value is lost."""
    app_session.run_cell(PERSISTING)
    app = app_session.app("persisting")
    app.slider(key="kept").set_value(7)
    app.text_input(key="page").set_value("typed")
    app.slider(key="lost").set_value(8)
    assert _line(app.text, "kept=") == "kept=7 page=typed lost=8"

    app.toggle("show").set_value(False)
    # the run that stops drawing them drops the others' values when it ends
    state = app_session.eval("sorted(__import__('jupyter_fragments').session_state.to_dict())")
    assert {"kept", "page"} <= set(state) and "lost" not in state
    app.toggle("show").set_value(True)
    assert _line(app.text, "kept=") == "kept=7 page=typed lost=1"
    assert app.exceptions == []


def test_persist_state_needs_a_key_and_a_known_scope(app_session: KernelSession) -> None:
    """Streamlit 1.67 ``register_widget``: ``persist_state`` must be "page", "session"
    or None, and the widget must have a key."""
    app_session.run_cell(
        """%%app badpersist
import jupyter_fragments as st
for call in (lambda: st.checkbox("no key", persist_state="session"),
             lambda: st.checkbox("bad", key="bad", persist_state="forever")):
    try:
        call()
    except Exception as exc:
        st.text(f"{type(exc).__name__}: {exc}")
"""
    )
    text = app_session.app("badpersist").text
    assert "without a key" in text and "Fix: give the widget a key=" in text
    assert "'forever'" in text and "'session'" in text
