"""One app that calls every element function renders through a real kernel without error."""

from __future__ import annotations

from jupyter_fragments.testing import KernelSession

EVERYTHING = r"""%%app everything
import datetime, io
import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
import ipywidgets
import jupyter_fragments as st

df = pd.DataFrame({"a": [1, 2, 3], "b": [4.0, 5.5, 6.25]})
st.title("Everything")
st.latex(r"e^{i\pi} + 1 = 0")
st.write_stream(iter(["streamed ", "text"]))
st.write(df)
st.dataframe(df, hide_index=True)
st.table({"name": ["x", "y"], "n": [1, 2]})
st.json({"k": [1, 2]})
st.metric("Revenue", "$10", "-2%")
st.line_chart(df)
st.bar_chart({"a": [1, 2], "b": [3, 4]}, stack=False)
st.area_chart([1, 3, 2])
st.scatter_chart(df, x="a", y="b", size=40)
st.vega_lite_chart(df, {"mark": "bar", "encoding": {"x": {"field": "a"}, "y": {"field": "b"}}})
fig, ax = plt.subplots()
ax.plot([1, 2, 3])
st.pyplot(fig)
st.plotly_chart({"data": [{"type": "bar", "x": [1, 2], "y": [3, 4]}]})
st.text("plotly: drawn")
st.image(np.zeros((4, 4, 3), dtype="uint8"), caption="black square")
st.image("https://example.com/a.png", width=50)
st.success("ok!")
st.info("fyi")
st.warning("careful")
st.error("bad")
st.exception(ValueError("shown exception"))
bar = st.progress(0, text="loading")
bar.progress(0.5, text="halfway")
with st.spinner("thinking"):
    pass
with st.status("Working", expanded=True) as s:
    st.write("inside status")
st.toast("toasted", icon="🍞")
st.balloons()
st.snow()
r = st.radio("radio", ["r1", "r2"], index=1)
m = st.multiselect("multi", ["m1", "m2", "m3"], default=["m2"])
ss = st.select_slider("sizes", ["S", "M", "L"], value="M")
sr = st.select_slider("span", [1, 2, 3, 4], value=(2, 3))
d = st.date_input("day", datetime.date(2024, 7, 1))
dr = st.date_input("trip", (datetime.date(2024, 7, 1), datetime.date(2024, 7, 8)))
t = st.time_input("time", datetime.time(7, 30))
c = st.color_picker("color", "#FF0000")
clicked = st.download_button("Download", "a,b\n1,2", file_name="data.csv")
st.link_button("Docs", "https://example.com")
up = st.file_uploader("upload", type=["csv"])
ds = st.slider("when", value=datetime.date(2024, 1, 10))
fb = st.feedback("thumbs")
with st.popover("More"):
    st.write("in popover")
w = st.widget(ipywidgets.IntSlider(description="raw", value=3), key="raw")

@st.cache_data
def double(x):
    return x * 2

@st.cache_resource
def resource():
    return object()

@st.dialog("Hello dialog")
def hello():
    st.write("dialog body")

hello()
shown = [r, m, ss, sr, d, dr, t, c, clicked, up, ds, fb, w.value, double(2)]
st.text("values: " + " ".join(repr(v) for v in shown))
col = st.container(border=True)
col.metric("In column", 1)
col.radio("col radio", ["a"])
"""


def test_every_element_renders(app_session: KernelSession) -> None:
    result = app_session.run_cell(EVERYTHING)
    assert result.error is None
    app = app_session.app("everything")
    text = app.text
    assert [e.ename for e in app.exceptions] == ["ValueError"], app.exceptions
    for expected in (
        "Everything",
        "streamed text",
        "Revenue",
        "▼ 2%",
        "ok!",
        "halfway",
        "inside status",
        "toasted",
        "in popover",
        "dialog body",
        "plotly: drawn",
        "values: 'r2' ['m2'] 'M' (2, 3) datetime.date(2024, 7, 1) "
        "(datetime.date(2024, 7, 1), datetime.date(2024, 7, 8)) datetime.time(7, 30) "
        "'#ff0000' False None datetime.date(2024, 1, 10) None 3 4",
    ):
        assert expected in text, expected
    assert "thinking" not in text  # the spinner is gone once its block ended
