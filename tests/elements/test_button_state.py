"""A keyed button's value in ``st.session_state``: True in the run its click caused only."""

from __future__ import annotations

from jupyter_fragments.testing import KernelSession


def test_keyed_buttons_put_their_value_in_session_state(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app keyed
import jupyter_fragments as st
def on_save():
    st.session_state.in_callback = st.session_state.save
st.text(f"before: {st.session_state.get('save')}")
st.button("Save", key="save", on_click=on_save)
st.download_button("Get", "a,b", file_name="x.csv", key="fetch")
st.text(f"after: {st.session_state.save} {st.session_state.fetch}")
st.button("Other")
"""
    )
    app = app_session.app("keyed")
    assert "before: None" in app.text and "after: False False" in app.text
    assert app_session.eval("dict(st.session_state)") == {"save": False, "fetch": False}

    app.button("Save").click()
    # the callback and the whole run the click caused see True
    assert "before: True" in app.text and "after: True False" in app.text
    assert app_session.eval("st.session_state.in_callback") is True
    # once that run is over the value is False again, as in Streamlit
    assert app_session.eval("st.session_state.save") is False

    app.button("Get").click()
    assert "before: False" in app.text and "after: False True" in app.text
    app.button("Other").click()
    assert "after: False False" in app.text
