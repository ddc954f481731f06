"""Layout blocks through a real kernel: columns, tabs, expander, container, sidebar."""

from __future__ import annotations

from jupyter_fragments.testing import KernelSession


def test_layout_blocks_render_and_are_reused(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app layout
import jupyter_fragments as st
left, right = st.columns([2, 1], gap="medium", vertical_alignment="center")
left.write("left side")
with right:
    n = st.number_input("n", 0, 10, 1)
a, b = st.tabs(["Alpha", "Beta"])
a.write("in alpha")
with b:
    st.write("in beta", n)
with st.expander("More"):
    st.write("hidden detail")
box = st.container(border=True, height=200)
st.sidebar.write("side note")
box.write("late into the box")
"""
    )
    app = app_session.app("layout")
    text = app.text
    for expected in ("left side", "Alpha", "in alpha", "in beta `1`", "More", "hidden detail",
                     "side note", "late into the box"):
        assert expected in text, expected
    assert text.index("left side") < text.index("in alpha") < text.index("late into the box")
    hit = app.number_input("n").set_value(4)
    assert "in beta `4`" in app.text
    assert hit.comm_opens == 0 and hit.comm_closes == 0
    assert hit.outputs_updates == 1


def test_bad_layout_arguments_are_clear_errors(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app badlayout
import jupyter_fragments as st
for call in (lambda: st.columns(0), lambda: st.columns([1, -1]), lambda: st.tabs([]),
             lambda: st.columns(2, gap="huge"), lambda: st.container(height=-5)):
    try:
        call()
    except st.FragmentsAPIError as exc:
        st.text(str(exc))
"""
    )
    text = app_session.app("badlayout").text
    assert text.count("Fix:") == 5


def test_container_empty_adds_a_placeholder_and_clears_one(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app empties
import jupyter_fragments as st
grid = st.columns(2)
slots = [card.empty() for card in grid]
slots[0].write("first card")
slots[1].write("second card")
with slots[1].container():
    st.write("replaced the second")
note = st.empty()
note.write("temporary note")
note.empty()
st.write("end")
"""
    )
    text = app_session.app("empties").text
    assert "first card" in text and "replaced the second" in text
    assert "second card" not in text and "temporary note" not in text
    assert app_session.app("empties").exceptions == []


def test_set_page_config_sets_the_width_and_the_sidebar(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app page
import jupyter_fragments as st
st.set_page_config(page_title="Sales", layout=st.session_state.get("layout", "centered"),
                   initial_sidebar_state="collapsed" if st.session_state.get("hide") else "auto")
st.sidebar.write("side")
st.checkbox("hide", key="hide")
"""
    )
    app = app_session.app("page")
    boxes = [m for m in app_session.mirror.live() if m.model_name == "VBoxModel"]
    layouts = {app_session.mirror[m.state["layout"][len("IPY_MODEL_"):]].state.get("max_width")
               for m in boxes}
    assert "46rem" in layouts
    sidebar = next(m for m in boxes if "jf-sidebar" in m.state["_dom_classes"])
    sidebar_layout = app_session.mirror[sidebar.state["layout"][len("IPY_MODEL_"):]]
    assert sidebar_layout.state["display"] in ("", None)
    app.checkbox("hide").set_value(True)
    assert sidebar_layout.state["display"] == "none"


def test_sidebar_inputs_take_the_sidebars_width(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app sidebarwidth
import jupyter_fragments as st
st.sidebar.selectbox("Region", ["All regions", "North"])
st.selectbox("Main", ["a", "b"])
"""
    )
    app = app_session.app("sidebarwidth")

    def width(label: str) -> object:
        layout_id = app.selectbox(label).state["layout"][len("IPY_MODEL_") :]
        return app_session.mirror[layout_id].state.get("width")

    assert width("Region") == "100%"
    assert width("Main") in (None, "")
