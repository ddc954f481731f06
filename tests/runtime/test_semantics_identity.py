"""A keyed widget is its key (Streamlit 1.50+), through a real kernel.

Streamlit 1.50 release notes: widgets with a ``key`` keep their identity (and value)
when their other parameters change. Streamlit 1.67 keeps a few value-shaping
parameters in a keyed widget's identity (``key_as_main_identity``: a slider's bounds
and step, a text input's ``max_chars``) and resets values that the new parameters make
invalid (st.number_input, st.selectbox, st.radio: the default; st.multiselect: drops
the options that are gone). The expected values below are what Streamlit 1.67's own
AppTest shows for the same script.
"""

from __future__ import annotations

from jupyter_fragments.testing import KernelSession

RESHAPING = """%%app reshaping
import jupyter_fragments as st
big = st.checkbox("big")
mx = 100 if big else 10
v = st.slider("Pick" if not big else "Pick (big)", 0, mx, 3, key="s")
n = st.number_input("num", 0, mx, 2, key="n")
opts = ["a", "b", "c"] if not big else ["a", "x"]
sel = st.selectbox("sel", opts, key="sel")
ms = st.multiselect("ms", opts, key="ms")
r = st.radio("r", opts, key="r")
t = st.text_input("t" if not big else "T", key="t")
st.text(f"v={v} n={n} sel={sel} ms={ms} r={r} t={t}")
"""


def _line(text: str) -> str:
    return next(line for line in text.splitlines() if line.startswith("v="))


def test_keyed_widgets_keep_or_reset_their_value_as_streamlit(app_session: KernelSession) -> None:
    """Streamlit 1.50+ (key as identity) with 1.67's rules for values that no longer fit."""
    app_session.run_cell(RESHAPING)
    app = app_session.app("reshaping")
    text_model = app.text_input(key="t").model_id
    app.slider(key="s").set_value(7)
    app.number_input(key="n").set_value(9)
    app.selectbox(key="sel").select("c")
    app.multiselect(key="ms").select(["a", "c"])
    app.radio(key="r").select("b")
    app.text_input(key="t").set_value("hello")
    assert _line(app.text) == "v=7 n=9 sel=c ms=['a', 'c'] r=b t=hello"

    app.checkbox("big").set_value(True)
    # the slider's bounds are in its keyed identity: a new slider, at its default;
    # 9 still fits the number input; options that are gone reset or drop out; the
    # text input's new label keeps the same widget and its text
    assert _line(app.text) == "v=3 n=9 sel=a ms=['a'] r=a t=hello"
    assert app.text_input(key="t").model_id == text_model
    assert app.text_input(key="t").label == "T"

    app.slider(key="s").set_value(50)
    app.number_input(key="n").set_value(60)
    app.checkbox("big").set_value(False)
    assert _line(app.text) == "v=3 n=2 sel=a ms=['a'] r=a t=hello"
    assert app.exceptions == []


def test_a_keyed_selectbox_keeps_its_model_when_options_change(
    app_session: KernelSession,
) -> None:
    """Streamlit 1.50+: options are not part of a keyed selectbox's identity, so the
    same widget stays on the page (here: the same model) and keeps a value that is
    still among the options."""
    app_session.run_cell(
        """%%app keptmodel
import jupyter_fragments as st
more = st.toggle("more")
choice = st.selectbox("city", ["Oslo", "Lima"] + (["Pune"] if more else []), key="city")
st.text(f"choice={choice}")
"""
    )
    app = app_session.app("keptmodel")
    model = app.selectbox(key="city").model_id
    app.selectbox(key="city").select("Lima")
    hit = app.toggle("more").set_value(True)
    assert "choice=Lima" in app.text
    assert app.selectbox(key="city").model_id == model
    assert hit.comm_opens == 0
