"""Fragments writing into containers made outside them: both behaviours, by setting.

The default is the behaviour of the documents this package follows (Streamlit 1.37's
``st.fragment`` docs: writes to outside containers accumulate until the next full run,
and a widget there raises; tested in test_fragments). ``%config
Fragments.outside_writes = "redraw"`` gives Streamlit 1.59+'s (release notes 1.59;
1.67's ``st.fragment`` docstring): "Those writes are redrawn in place, and widgets
there rerun the fragment."
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from jupyter_fragments.testing import KernelSession

OUTSIDE = """%%app outside_redraw
import jupyter_fragments as st
log = st.container()
slot = st.empty()
st.checkbox("full")
st.sidebar.write("sidebar by the app")

@st.fragment
def writer():
    st.session_state.setdefault("n", 0)
    st.session_state.n += 1
    st.button("write")
    log.write(f"entry {st.session_state.n}")
    slot.write(f"latest {st.session_state.n}")
    st.sidebar.write(f"sidebar {st.session_state.n}")
    if log.button("outside button"):
        st.session_state.pressed = st.session_state.get("pressed", 0) + 1
    log.write(f"pressed {st.session_state.get('pressed', 0)}")

writer()
st.write("end of app")
"""


@pytest.fixture
def redraw(app_session: KernelSession) -> Iterator[KernelSession]:
    app_session.run_cell('%config Fragments.outside_writes = "redraw"')
    try:
        yield app_session
    finally:
        app_session.run_cell('%config Fragments.outside_writes = "accumulate"')


def _order(text: str, *parts: str) -> bool:
    positions = [text.index(part) for part in parts]
    return positions == sorted(positions)


def test_redraw_replaces_outside_writes_in_place(redraw: KernelSession) -> None:
    """Streamlit 1.59+: each fragment rerun redraws its writes to outside containers
    (st.container, st.empty, st.sidebar) where they were, instead of adding more."""
    redraw.run_cell(OUTSIDE)
    app = redraw.app("outside_redraw")
    app.button("write").click()
    app.button("write").click()
    text = app.text
    assert "entry 3" in text and "entry 1" not in text and "entry 2" not in text
    assert "latest 3" in text and "sidebar 3" in text and "sidebar 2" not in text
    assert _order(text, "sidebar by the app", "sidebar 3")
    assert _order(text, "entry 3", "latest 3", "full", "end of app")
    assert app.runs == 1 and app.fragment("writer").runs == 3

    app.checkbox("full").set_value(True)
    text = app.text
    assert "entry 4" in text and "entry 3" not in text
    assert app.exceptions == []


def test_redraw_allows_widgets_outside_that_rerun_the_fragment(redraw: KernelSession) -> None:
    """Streamlit 1.59+: widgets in an outside container are allowed and rerun the
    fragment that wrote them (not the app)."""
    redraw.run_cell(OUTSIDE)
    app = redraw.app("outside_redraw")
    assert app.exceptions == []
    app.button("outside button").click()
    assert app.runs == 1 and app.fragment("writer").runs == 2
    assert "pressed 1" in app.text and "pressed 0" not in app.text
    app.button("outside button").click()
    assert "pressed 2" in app.text
