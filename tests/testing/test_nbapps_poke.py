"""The gestures ``--nbapps-poke`` plays on each kind of input, and what it reports."""

from __future__ import annotations

from jupyter_fragments.testing.nbapps_poke import gestures, poke

INPUTS = """%%app inputs
import jupyter_fragments as st
st.button("Go")
st.checkbox("agree", value=True)
st.slider("n", 0, 10, 3)
st.slider("span", 0.0, 1.0, (0.2, 0.8))
st.select_slider("size", ["S", "M", "L"])
st.selectbox("unit", ["kg", "lb"])
st.multiselect("tags", ["a", "b"])
st.text_input("name")
st.number_input("free")
st.button("Off", disabled=True)
"""


def test_each_input_gets_the_gestures_a_person_would_try(app_session):
    app_session.run_cell(INPUTS)
    app = app_session.app("inputs")
    tried = {w.label: [g.what for g in gestures(w)] for w in app.widgets}
    assert tried == {
        "Go": ["clicking button 'Go'"],
        "agree": ["unchecking checkbox 'agree'"],
        "n": ["moving slider 'n' to 0 (its minimum)", "moving slider 'n' to 10 (its maximum)"],
        "span": ["moving slider 'span' to its ends (0.0, 1.0)"],
        "size": [
            "moving select_slider 'size' to 'S' (its first option)",
            "moving select_slider 'size' to 'L' (its last option)",
        ],
        "unit": ["choosing 'kg' in selectbox 'unit'", "choosing 'lb' in selectbox 'unit'"],
        "tags": [
            "choosing only 'a' in multiselect 'tags'",
            "choosing only 'b' in multiselect 'tags'",
            "choosing every option of multiselect 'tags'",
            "choosing nothing in multiselect 'tags'",
        ],
        "name": ["typing 'hello' into text_input 'name'", "emptying text_input 'name'"],
        "free": ["entering 0.0 in number_input 'free'"],
        "Off": [],
    }
    played, failure = poke(app)
    assert (played, failure) == (sum(len(g) for g in tried.values()), None)


def test_poke_stops_at_the_gesture_that_breaks_the_app_and_reaches_inputs_it_revealed(
    app_session,
):
    app_session.run_cell(
        "%%app nested\n"
        "import jupyter_fragments as st\n"
        "if st.checkbox('advanced'):\n"
        "    @st.fragment\n"
        "    def panel():\n"
        "        if st.text_input('query') == 'hello':\n"
        "            raise KeyError('hello')\n"
        "    panel()\n"
    )
    played, failure = poke(app_session.app("nested"))
    assert played == 2
    assert failure is not None
    assert str(failure).startswith(
        "typing 'hello' into text_input 'query' broke the app: KeyError: 'hello'"
    )
    assert "raise KeyError('hello')" in str(failure)
