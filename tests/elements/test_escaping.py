"""User text never reaches the page as live HTML: one payload through every element family."""

from __future__ import annotations

from typing import Any

from jupyter_fragments.testing import KernelSession

PAYLOAD = "<img src=x onerror=alert(1)>"

XSS_APP = r"""%%app xss
import jupyter_fragments as st
P = "<img src=x onerror=alert(1)>"
# text
st.latex(P)
st.write_stream(iter([P, " tail"]))
# data
st.dataframe({P: [P, 1]})
st.table([{P: P}])
st.metric(P, P, P, help=P)
# charts
st.line_chart({P: [1, 2]})
st.bar_chart({"x": [P, "b"], "y": [1, 2]}, x="x", y="y")
# media
st.image("https://example.com/a.png\" onerror=\"alert(1)", caption=P)
# status
st.success(P, icon=P)
st.info(P)
st.warning(P)
st.error(P)
st.progress(10, text=P)
with st.status(P):
    st.write(P)
st.toast(P, icon=P)
with st.spinner(P):
    pass
# inputs
st.radio(P, [P, "b"], captions=[P, ""])
st.multiselect(P, [P])
st.select_slider(P, [P, "b"])
st.download_button(P, P, file_name=P, mime=P)
st.link_button(P, "javascript:alert(1)")
st.link_button("ok", "https://example.com/?q=" + P)
# layout
with st.popover(P):
    st.caption(P)

@st.dialog(P)
def dlg():
    st.markdown(P)

dlg()
"""


def _html_and_markdown(session: KernelSession) -> list[str]:
    found: list[str] = []
    for model in session.mirror.live():
        state: dict[str, Any] = model.state
        if model.kind == "Output":
            for out in state.get("outputs", []):
                data = out.get("data", {})
                for mime in ("text/html", "text/markdown"):
                    if mime in data:
                        value = data[mime]
                        found.append("".join(value) if isinstance(value, list) else str(value))
        elif model.kind in ("HTML", "HTMLMath"):
            found.append(str(state.get("value", "")))
        if state.get("description_allow_html"):
            found.append(str(state.get("description", "")))
    return found


def test_no_element_lets_html_through(app_session: KernelSession) -> None:
    result = app_session.run_cell(XSS_APP)
    assert result.error is None
    app = app_session.app("xss")
    assert app.exceptions == []
    sources = _html_and_markdown(app_session)
    assert len(sources) > 15
    for source in sources:
        assert PAYLOAD not in source, source
        assert "<img src=x" not in source, source
        assert 'onerror="alert' not in source, source
        assert "javascript:" not in source, source
    # what a person reads still shows the text, escaped rather than dropped
    assert app.text.count("alert(1)") >= 10


def test_unsafe_allow_html_is_the_only_way_in(app_session: KernelSession) -> None:
    app_session.run_cell(
        "%%app unsafe\nimport jupyter_fragments as st\n"
        'st.markdown("<b>x</b>", unsafe_allow_html=True)\nst.success("<b>y</b>")'
    )
    sources = _html_and_markdown(app_session)
    assert any("<b>x</b>" in s for s in sources)
    assert not any("<b>y</b>" in s for s in sources)
