"""Streamlit apps that failed here, through a real kernel: forms, keys and formats.

Each test is a user's story found running Streamlit's own apps: what they wrote, what
they expect to see, and what the calls return.
"""

from __future__ import annotations

from jupyter_fragments.testing import KernelSession


def test_the_same_widget_outside_and_inside_a_form_are_two_widgets(
    app_session: KernelSession,
) -> None:
    # a user asks for a name live at the top, and again in a sign-up form below
    app_session.run_cell(
        """%%app twice
import jupyter_fragments as st
live = st.text_input("Name")
with st.form("signup"):
    held = st.text_input("Name")
    sent = st.form_submit_button("Sign up")
st.text(f"live={live!r} held={held!r} sent={sent}")
"""
    )
    app = app_session.app("twice")
    assert app.exceptions == []
    outside, inside = [w for w in app.widgets if w.label == "Name"]
    assert outside.model_id != inside.model_id
    outside.type("Ada")
    assert "live='Ada' held='' sent=False" in app.text
    inside.type("Grace")  # held back by the form until it is submitted
    assert "live='Ada' held='' sent=False" in app.text
    app.button("Sign up").click()
    assert "live='Ada' held='Grace' sent=True" in app.text


def test_a_form_used_through_its_methods_has_its_submit_button(
    app_session: KernelSession,
) -> None:
    # Streamlit's docs: form = st.form("f"); form.slider(...); form.form_submit_button()
    app_session.run_cell(
        """%%app methods
import jupyter_fragments as st
form = st.form("my_form")
agree = form.checkbox("I agree")
submitted = form.form_submit_button("Submit")
st.text(f"agree={agree} submitted={submitted}")
"""
    )
    app = app_session.app("methods")
    assert app.exceptions == [], app.text
    assert "no submit button" not in app.text
    app.checkbox("I agree").set_value(True)
    assert "agree=False submitted=False" in app.text
    app.button("Submit").click()
    assert "agree=True submitted=True" in app.text


def test_a_form_left_without_a_submit_button_still_says_so(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app nosubmit
import jupyter_fragments as st
with st.form("lonely"):
    st.checkbox("x")
"""
    )
    assert "has no submit button" in app_session.app("nosubmit").text


def test_any_value_is_a_key_as_its_str(app_session: KernelSession) -> None:
    # Streamlit uses str(key): keys made of tuples or floats name widgets too
    app_session.run_cell(
        """%%app keys
import jupyter_fragments as st
rows = [st.checkbox("done", key=("row", i)) for i in range(2)]
level = st.slider("level", 0, 10, 3, key=1.5)
st.text(f"rows={rows} level={level} state={st.session_state['1.5']}")
st.text(f"row1={st.session_state[str(('row', 1))]}")
"""
    )
    app = app_session.app("keys")
    assert app.exceptions == []
    assert "rows=[False, False] level=3 state=3" in app.text
    app.widget(key="('row', 1)").set_value(True)
    assert "rows=[False, True]" in app.text and "row1=True" in app.text


def test_slider_format_with_a_percent_sign(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app percent
import jupyter_fragments as st
share = st.slider("Share", 0.0, 100.0, 12.5, format="%f%%")
count = st.slider("Count", 0, 10, 4, format="%d%%")
st.text(f"share={share} count={count}")
"""
    )
    app = app_session.app("percent")
    assert app.exceptions == [], app.text
    assert "share=12.5 count=4" in app.text
    # the readout shows the number as the format says; the text around it, beside the label
    assert app.slider("Share").display == "12.500000"
    assert app.slider("Count").display == "4"
    assert "Share (%)" in app.text and "Count (%)" in app.text
