"""Streamlit 1.67's keyword arguments through a real kernel: accepted, and drawn where
they mean something in a notebook (what a person sees, what the calls return)."""

from __future__ import annotations

from typing import Any

from jupyter_fragments.testing import KernelSession


def _markdown_sources(session: KernelSession) -> list[str]:
    """Every markdown output the page shows now, as the frontend receives it."""
    found = []
    for model in session.mirror.live():
        if model.kind != "Output":
            continue
        for out in model.state.get("outputs", []):
            source = out.get("data", {}).get("text/markdown")
            if source is not None:
                found.append("".join(source) if isinstance(source, list) else str(source))
    return found


def _layout(session: KernelSession, model_id: str) -> dict[str, Any]:
    return session.mirror[session.mirror[model_id].refs("layout")[0]].state


def test_text_elements_take_their_streamlit_keywords(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app words
import jupyter_fragments as st
st.title("Report", icon="📊", text_alignment="center", width="stretch", wrap=True)
st.header("Part", icon=":material/home:", divider=True, text_alignment="right")
st.markdown("Centred *words*", width=300, text_alignment="center", anchors=False)
st.caption("small print", width="stretch", wrap=False, text_alignment="justify")
st.text("plain", width="content", text_alignment="left", wrap=False)
st.code("x = 1  # " + "long " * 40, wrap_lines=True, height=120, width="stretch")
st.code("print('kept coloured')", language="python", height="content")
st.divider(width="stretch")
st.json({"a": 1}, width=200)
st.latex("x^2", width="stretch")
st.exception(exception=ValueError("shown"), width="stretch")
st.error("Disk full", title="Could not save", icon="🚨")
st.info("plain info", width="stretch")
"""
    )
    app = app_session.app("words")
    text = app.text
    assert "📊 Report" in text and "Part" in text and ":material/home:" not in text
    assert "Centred *words*" in text and "small print" in text and "plain" in text
    assert "Could not save" in text and "Disk full" in text
    assert "ValueError: shown" in text
    sources = _markdown_sources(app_session)
    assert any('<div style="text-align:center;">' in s and "# 📊 Report" in s for s in sources)
    assert any('style="text-align:center;width:300px;max-width:100%;"' in s for s in sources)
    wrapped = next(s for s in sources if "white-space:pre-wrap" in s)
    assert "max-height:120px;overflow:auto" in wrapped
    assert any(s.startswith("```python\nprint('kept coloured')") for s in sources)
    assert any("🚨 **Could not save**" in s for s in sources)
    assert len(app.exceptions) == 1  # the one st.exception shows


def test_layout_keywords_shape_the_boxes(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app boxes
import jupyter_fragments as st
row = st.container(horizontal=True, horizontal_alignment="right", gap="large", key="row")
row.button("One")
row.button("Two")
a, b = st.tabs(tabs=["First", "Second"], default="Second", height=150, width="stretch")
b.write("in the second tab")
with st.expander("More", icon="🔍", type="compact", width=400):
    st.write("inside")
with st.popover("Menu", type="primary", width="stretch", icon="☰"):
    st.write("popped")
cols = st.columns(2, width=500, wrap=False)
with st.form("sized", width=320, height=200, border=False):
    st.text_input("Name")
    st.form_submit_button("Save")
with st.status("Job", type="step", state="complete"):
    st.write("done")
"""
    )
    app = app_session.app("boxes")
    assert app.exceptions == []
    mirror = app_session.mirror
    boxes = {m.kind: m for m in mirror.live() if "jf-container" in m.state.get("_dom_classes", [])}
    row = boxes["HBox"]
    assert _layout(app_session, row.model_id) == {
        **_layout(app_session, row.model_id),
        "flex_flow": "row wrap",
        "justify_content": "flex-end",
        "grid_gap": "4rem",
    }
    tab = next(m for m in mirror.live() if m.kind == "Tab")
    assert tab.state["titles"] == ["First", "Second"] and tab.state["selected_index"] == 1
    pane = mirror[tab.refs("children")[0]]
    assert _layout(app_session, pane.model_id)["height"] == "150px"
    expander = next(m for m in mirror.live() if "jf-expander" in m.state.get("_dom_classes", []))
    assert expander.state["titles"] == ["🔍 More"]
    assert "jf-expander-compact" in expander.state["_dom_classes"]
    assert _layout(app_session, expander.model_id)["width"] == "400px"
    popover = next(m for m in mirror.live() if "jf-popover" in m.state.get("_dom_classes", []))
    assert popover.state["titles"] == ["☰ Menu"]
    assert _layout(app_session, popover.model_id)["width"] == "100%"
    form = next(m for m in mirror.live() if "jf-form" in m.state.get("_dom_classes", []))
    assert _layout(app_session, form.model_id)["width"] == "320px"
    assert _layout(app_session, form.model_id)["height"] == "200px"
    status = next(m for m in mirror.live() if "jf-status" in m.state.get("_dom_classes", []))
    assert "jf-status-step" in status.state["_dom_classes"]
    assert "✅ Job" in app.text


def test_input_keywords_are_accepted_and_width_sizes_inputs(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app sized
import datetime
import jupyter_fragments as st
values = [
    st.checkbox("agree", width="stretch", wrap=True),
    st.toggle("live", width=200),
    st.slider("n", 0, 10, 3, width=250),
    st.select_slider("size", ["S", "M"], width="stretch"),
    st.text_input("Email", type="email", icon="📧", placeholder="you@example.com",
                  required=True, validate=(r".+@.+", "an email, please"), live="250ms",
                  width=300),
    st.text_area("Notes", required=False, width="stretch"),
    st.number_input("Qty", 0, 9, 1, required=True, icon="🔢", width=120),
    st.selectbox("Pick", ["a", "b"], required=True, icon="🔎", accept_new_options=False,
                 filter_mode="fuzzy", width="stretch"),
    st.radio("Way", ["x", "y"], width="content"),
    st.multiselect("Many", ["p", "q"], filter_mode=None, select_all=False, wrap=True,
                   width=280),
    st.date_input("Day", datetime.date(2025, 1, 2), required=True, width="stretch"),
    st.time_input("At", datetime.time(9, 0), format="12h", required=False, width=160),
    st.button("Go", icon="🚀", icon_position="right", type="tertiary", width="stretch",
              shortcut="Ctrl+Enter", wrap=False),
    st.download_button("Get", b"x", icon="⬇️", width=200, shortcut=None),
]
st.link_button("Docs", "https://docs.streamlit.io", type="primary", icon="📘", width="stretch",
               key="docs", on_click="ignore", args=None, kwargs=None, shortcut=None)
st.text(f"values={values!r}")
"""
    )
    app = app_session.app("sized")
    assert app.exceptions == []
    assert (
        "values=[False, False, 3, 'S', '', '', 1, 'a', 'x', [], datetime.date(2025, 1, 2), "
        "datetime.time(9, 0), False, False]"
    ) in app.text
    widths = {
        "agree": "100%",
        "live": "200px",
        "n": "250px",
        "Email": "300px",
        "Qty": "120px",
        "Pick": "100%",
        "Way": "auto",
        "Many": "280px",
        "Day": "100%",
        "At": "160px",
        "Go": "100%",
    }
    for label, width in widths.items():
        assert _layout(app_session, app.widget(label).model_id)["width"] == width, label
    assert app.widget("Email").state["placeholder"] == "📧 you@example.com"
    assert app.widget("Go").state["description"] == "Go 🚀"
    assert "📘 Docs" in app.text


def test_link_button_on_click_says_a_notebook_cannot_know(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app link
import jupyter_fragments as st
try:
    st.link_button("Docs", "https://docs.streamlit.io", on_click="rerun")
except st.FragmentsAPIError as exc:
    st.text(f"error: {exc}")
"""
    )
    text = app_session.app("link").text
    assert "on_click='rerun'" in text and "Fix:" in text
