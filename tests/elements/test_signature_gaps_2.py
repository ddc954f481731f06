"""Streamlit 1.67's last parameters, through a kernel: what a person sees.

``bind="query-params"`` on widgets, tabs and expanders (Streamlit 1.67's docstrings: the
key names a query parameter; the URL gives the first value, every change is written back,
the default removes it, an invalid value is removed, a bound parameter cannot be set
through ``st.query_params``, and ``bind`` needs a key); the charts' ``alt``, ``sort`` and
sizes.
"""

from __future__ import annotations

from typing import Any

import pytest
from outputs_support import in_page_order

from jupyter_fragments.testing import AppHandle, CellError, KernelSession

BOUND = """%%app bound
import datetime
import jupyter_fragments as st
n = st.slider("n", 0, 10, 2, key="n", bind="query-params")
on = st.checkbox("on", key="on", bind="query-params")
fruit = st.selectbox("fruit", ["Apple", "Banana", "Cherry"], key="fruit", bind="query-params")
tags = st.multiselect("tags", ["a", "b", "c"], key="tags", bind="query-params")
name = st.text_input("name", "Bob", key="name", bind="query-params")
day = st.date_input("day", datetime.date(2024, 1, 1), key="day", bind="query-params")
size = st.number_input("size", 0, 100, 5, key="size", bind="query-params")
one, two = st.tabs(["One", "Two"], key="tab", bind="query-params")
more = st.expander("More", key="more", bind="query-params")
st.text(f"n={n} on={on} fruit={fruit} tags={tags} name={name} day={day} size={size} "
        f"tab={st.session_state.tab} two={two.open} more={more.open}")
"""


def _line(text: str) -> str:
    return next(line for line in text.splitlines() if line.startswith("n="))


def _start_bound(session: KernelSession, query: str) -> AppHandle:
    """Run BOUND after setting the query to ``st.query_params.update(<query>)``."""
    session.run_silent(
        f"import jupyter_fragments as st\nst.query_params.clear()\nst.query_params.update({query})"
    )
    session.run_cell(BOUND)
    return session.app("bound")


def _query(session: KernelSession) -> dict[str, list[str]]:
    return session.eval("{k: st.query_params.get_all(k) for k in st.query_params}")  # type: ignore[no-any-return]


def test_bound_widgets_start_from_the_query_and_write_back(app_session: KernelSession) -> None:
    app = _start_bound(
        app_session,
        "n='7', on='TRUE', fruit='Cherry', tags=['c', 'a', 'c'], name='Ann', "
        "day='2024-02-29', size='500', tab='Two', more='true', other='kept'",
    )
    assert _line(app.text) == (
        "n=7 on=True fruit=Cherry tags=['c', 'a'] name=Ann day=2024-02-29 size=100 "
        "tab=Two two=True more=True"
    )
    # the values as Streamlit writes them: clamped (size), deduplicated (tags), lower case
    assert _query(app_session) == {
        "n": ["7"],
        "on": ["true"],
        "fruit": ["Cherry"],
        "tags": ["c", "a"],
        "name": ["Ann"],
        "day": ["2024-02-29"],
        "size": ["100"],
        "tab": ["Two"],
        "more": ["true"],
        "other": ["kept"],
    }
    # a change is written back; the default value removes the parameter
    app.slider(key="n").set_value(3)
    app.checkbox(key="on").set_value(False)
    app.widget(key="tab").set_state(selected_index=0)
    app.widget(key="more").set_state(selected_index=None)
    assert "n=3 on=False" in _line(app.text) and "tab=One two=False more=False" in _line(app.text)
    query = _query(app_session)
    assert query["n"] == ["3"]
    assert not {"on", "tab", "more"} & set(query)
    # changed through session state (the one way a bound parameter changes from code)
    app_session.run_silent("st.session_state.fruit = 'Banana'")
    assert "fruit=Banana" in _line(app.text)
    assert _query(app_session)["fruit"] == ["Banana"]
    assert app.exceptions == []


def test_invalid_parameters_are_removed(app_session: KernelSession) -> None:
    app = _start_bound(
        app_session,
        "n='many', on='maybe', fruit='Durian', tags=['x'], day='someday', size='', "
        "tab='Three', more='2', name=''",
    )
    expected = "n=2 on=False fruit=Apple tags=[] name= day=2024-01-01 size=5 tab=One"
    assert _line(app.text) == expected + " two=False more=False"
    # an empty text is a value of a text box (it differs from its default "Bob")
    assert _query(app_session) == {"name": [""]}


def test_a_bound_parameter_changes_only_with_its_widget(app_session: KernelSession) -> None:
    _start_bound(app_session, "").slider(key="n").set_value(4)
    with pytest.raises(CellError, match=r"Cannot set query parameter 'n'.*bound to a widget"):
        app_session.run_cell("st.query_params['n'] = '9'")
    with pytest.raises(CellError, match=r"Cannot delete query parameter 'n'.*Fix:"):
        app_session.run_cell("del st.query_params['n']")
    with pytest.raises(CellError, match=r"Cannot clear query parameter 'n'"):
        app_session.run_cell("st.query_params.clear()")
    app_session.run_silent("st.query_params['page'] = '2'")  # one not bound is free
    assert app_session.eval("st.query_params.page") == "2"
    # a widget that is gone lets its parameter go
    app_session.run_cell("%%app bound\nimport jupyter_fragments as st\nst.text('no widgets')")
    assert "n" not in _query(app_session)
    app_session.run_silent("st.query_params['n'] = '9'")


def test_bind_needs_a_key_and_the_one_mode(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app badbind
import jupyter_fragments as st
for call in (lambda: st.toggle("t", bind="query-params"),
             lambda: st.toggle("u", key="u", bind="url"),
             lambda: st.tabs(["A", "A"], key="same", bind="query-params")):
    try:
        call()
    except Exception as exc:
        st.text(f"{type(exc).__name__}: {exc}")
"""
    )
    text = app_session.app("badbind").text
    assert "without a key" in text and "Fix: give the widget a unique key=" in text
    assert "bind='url'" in text and "Fix: pass 'query-params' or None" in text
    assert "each must be non-empty and unique" in text


def test_bound_option_widgets_use_labels_and_ranges(app_session: KernelSession) -> None:
    app_session.run_silent(
        "import jupyter_fragments as st\nst.query_params.clear()\n"
        "st.query_params.update(size=['S', 'L'], pick='Two', r=['2', '8'], color='#FF0000', "
        "rate='0', page='3', when='10:30')"
    )
    app_session.run_cell(
        """%%app options
import datetime
import jupyter_fragments as st
size = st.select_slider("size", ["S", "M", "L", "XL"], value=("M", "XL"), key="size",
                        bind="query-params")
pick = st.pills("pick", [1, 2, 3], format_func=lambda n: ["One", "Two", "Three"][n - 1],
                key="pick", bind="query-params")
r = st.slider("r", 0, 10, (1, 9), key="r", bind="query-params")
color = st.color_picker("color", "#000000", key="color", bind="query-params")
rate = st.feedback("thumbs", key="rate", bind="query-params")
page = st.pagination(5, key="page", bind="query-params")
when = st.time_input("when", datetime.time(9, 0), key="when", bind="query-params")
st.text(f"size={size} pick={pick} r={r} color={color} rate={rate} page={page} when={when}")
"""
    )
    app = app_session.app("options")
    assert "size=('S', 'L') pick=2 r=(2, 8) color=#ff0000 rate=0 page=3 when=10:30:00" in app.text
    query = _query(app_session)
    assert query["size"] == ["S", "L"] and query["pick"] == ["Two"] and query["r"] == ["2", "8"]
    assert query["color"] == ["#ff0000"] and query["when"] == ["10:30"]
    app_session.run_silent("st.session_state.size = ('M', 'XL')")
    assert "size" not in _query(app_session)
    assert app.exceptions == []


# ------------------------------------------------------------------ charts
def _specs(session: KernelSession, name: str) -> list[dict[str, Any]]:
    """The Vega-Lite bundles the app shows, in page order (spec and text)."""
    found = in_page_order(session, session.app(name).model_id)
    return [b for b in found if any("vegalite" in mime for mime in b)]


def _spec(bundle: dict[str, Any]) -> dict[str, Any]:
    return next(v for mime, v in bundle.items() if "vegalite" in mime)  # type: ignore[no-any-return]


def test_bar_chart_sort_and_chart_alt_text(app_session: KernelSession) -> None:
    """Streamlit 1.67 ``st.bar_chart(sort=)``: True (default) is Vega-Lite's sort of the
    categorical axis, False the data's order, ``"col"``/``"-col"`` by a column; ``alt``
    is every chart's description for screen readers; pixel sizes set the spec's."""
    app_session.run_cell(
        """%%app bars
import jupyter_fragments as st
data = {"fruit": ["pear", "apple", "fig"], "sold": [5, 9, 2], "kept": [1, 2, 3]}
st.bar_chart(data, x="fruit", y="sold")
st.bar_chart(data, x="fruit", y="sold", sort=False)
st.bar_chart(data, x="fruit", y=["sold", "kept"], sort="-sold", horizontal=True)
st.line_chart(data, x="fruit", y="sold", alt="Fruit sold per kind")
st.scatter_chart(data, x="sold", y="kept", width=320, height=180, alt="  ")
st.vega_lite_chart(data, {"mark": "bar", "encoding": {"x": {"field": "fruit"}}}, width=200,
                   height="content", alt="Raw spec")
try:
    st.bar_chart(data, x="fruit", sort="price")
except Exception as exc:
    st.text(str(exc))
"""
    )
    app = app_session.app("bars")
    auto, data_order, by_sold, line, scatter, raw = _specs(app_session, "bars")
    assert "sort" not in _spec(auto)["encoding"]["x"]
    assert _spec(data_order)["encoding"]["x"]["sort"] is None
    sorted_spec = _spec(by_sold)
    # horizontal: the categories are on y, sorted by the sold column, which the data carries
    assert sorted_spec["encoding"]["y"]["sort"] == {"field": "sold", "order": "descending"}
    assert {"fruit", "series", "value", "sold"} <= set(sorted_spec["data"]["values"][0])
    assert _spec(line)["description"] == "Fruit sold per kind"
    assert line["text/plain"].startswith("<line_chart: Fruit sold per kind; x=fruit")
    assert "Fruit sold per kind" in app.text
    scatter_spec = _spec(scatter)
    assert (scatter_spec["width"], scatter_spec["height"]) == (320, 180)
    assert "description" not in scatter_spec  # a blank alt is no description
    raw_spec = _spec(raw)
    assert (raw_spec["width"], raw_spec["description"]) == (200, "Raw spec")
    assert "height" not in raw_spec  # "content": the spec's own
    assert "sort='price'" in app.text and "not a column" in app.text


def test_altair_chart_size_and_alt(app_session: KernelSession) -> None:
    """Streamlit 1.67 ``st.altair_chart(width=, height=, alt=)``: pixels set the chart's
    size, ``"stretch"``/``"content"`` keep the spec's own; ``alt`` is its description."""
    pytest.importorskip("altair")
    app_session.run_cell(
        """%%app altair
import altair as alt
import pandas as pd
import jupyter_fragments as st
df = pd.DataFrame({"a": [1, 2, 3], "b": [3, 1, 2]})
chart = alt.Chart(df).mark_line().encode(x="a", y="b")
st.altair_chart(chart, width=420, height=150, alt="b against a")
st.altair_chart(chart.properties(height=90), width="stretch", height="content")
st.altair_chart(alt.hconcat(chart, chart), width=500)
try:
    st.altair_chart(chart, height=-1)
except Exception as exc:
    st.text(str(exc))
"""
    )
    app = app_session.app("altair")
    sized, own, concat = (_spec(b) for b in _specs(app_session, "altair"))
    assert (sized["width"], sized["height"], sized["description"]) == (420, 150, "b against a")
    assert own["height"] == 90 and "width" not in own
    assert "width" not in concat  # a concatenated chart's size is its views'
    assert "height=-1" in app.text and "Fix: pass a positive number of pixels" in app.text


# ------------------------------------------------------------------ images
def test_image_link_and_alt_text(app_session: KernelSession) -> None:
    """Streamlit 1.67 ``st.image(link=, alt=)``: a clicked image opens ``link`` (one image
    only); ``alt`` describes each image (``""``: decorative; whitespace: none)."""
    app_session.run_cell(
        """%%app pictures
import numpy as np
import jupyter_fragments as st
square = np.zeros((4, 4, 3), dtype="uint8")
st.image(square, link="https://example.com/report?a=1&b=2", alt='Sales "up" <b>', width=40)
st.image("https://example.com/a.png", link="javascript:alert(1)")
st.image([square, square], alt=["first", ""], caption=["one", "two"])
st.image(square, alt="   ")
for call in (lambda: st.image([square, square], link="https://example.com"),
             lambda: st.image([square, square], alt="both")):
    try:
        call()
    except Exception as exc:
        st.text(str(exc))
"""
    )
    app = app_session.app("pictures")
    found = in_page_order(app_session, app.model_id)
    pictures = [b for b in found if "text/html" in b or any(m.startswith("image/") for m in b)]
    linked, unsafe, first, second, blank = pictures
    tag = linked["text/html"]
    assert tag.startswith('<a href="https://example.com/report?a=1&amp;b=2" target="_blank"')
    assert 'alt="Sales &quot;up&quot; &lt;b&gt;"' in tag and 'width="40"' in tag
    assert 'src="data:image/png;base64,' in tag
    assert linked["text/plain"].endswith(': Sales "up" <b>>')
    assert unsafe["text/html"].startswith('<a href="#"')  # a link that could run script
    assert 'alt="first"' in first["text/html"] and 'alt=""' in second["text/html"]
    assert "text/html" not in blank  # whitespace is no alt: the plain image output
    assert "only supported when displaying a single image" in app.text
    assert "A single `alt` string can only be used with a single image" in app.text


# ------------------------------------------------------------------ table and metric
def test_table_borders_index_header_size_and_alt(app_session: KernelSession) -> None:
    """Streamlit 1.67 ``st.table(border=, width=, height=, hide_index=, hide_header=,
    alt=)``; by default a row-numbering index and the header of data without column
    names are hidden."""
    app_session.run_cell(
        """%%app tables
import pandas as pd
import jupyter_fragments as st
df = pd.DataFrame({"name": ["ann", "bob"], "score": [3, 5]})
st.table(df)
st.table(df.set_index("name"), border="horizontal", width=300, height=80, alt="Scores <2024>")
st.table([[1, 2], [3, 4]], border=False)
st.table(df, hide_index=False, hide_header=True)
try:
    st.table(df, border="dotted")
except Exception as exc:
    st.text(str(exc))
"""
    )
    app = app_session.app("tables")
    shown = [b for b in in_page_order(app_session, app.model_id) if "text/html" in b]
    plain, indexed, rows, headless = (b["text/html"] for b in shown)
    # a RangeIndex is hidden, the header shown; every cell bordered
    assert "<th" in plain and ">0</th>" not in plain and ">ann</td>" in plain
    assert 'style="border:1px solid' in plain and 'style="width:100%"' in plain
    # a named index is shown; horizontal rules only; 300 px; a sticky header over 80 px
    assert ">ann</th>" in indexed and "border:none;border-bottom:1px solid" in indexed
    assert "width:300px;max-width:100%" in indexed and "max-height:80px;overflow:auto" in indexed
    assert '<thead style="position:sticky;top:0' in indexed
    assert 'aria-label="Scores &lt;2024&gt;"' in indexed
    # a list of rows: no header, no index, no borders
    assert "<thead>" not in rows and 'style="border:none">1</td>' in rows
    assert "<thead" not in headless and ">0</th>" in headless
    assert "border='dotted'" in app.text and "Fix: pass True, False or 'horizontal'" in app.text


def test_metric_icon_format_arrow_description_and_sparkline(app_session: KernelSession) -> None:
    """Streamlit 1.67 ``st.metric(icon=, height=, chart_data=, chart_type=, delta_arrow=,
    format=, delta_description=)`` and named delta colors."""
    app_session.run_cell(
        """%%app metrics
import jupyter_fragments as st
st.metric("Sales", 9500.5, -120, icon="💰", format="dollar", delta_description="vs May",
          chart_data=[3, 5, 4, 9], chart_type="area", height=150)
st.metric("Users", 1200, 0, delta_arrow="up", chart_data=[1, 2], chart_type="bar")
st.metric("Rate", 0.25, "5", format="percent", delta_color="violet", delta_arrow="off")
st.metric("Flat", "n/a", chart_data=[2, 2, 2])
try:
    st.metric("Bad", 1, chart_data=[1, "x"])
except Exception as exc:
    st.text(str(exc))
"""
    )
    app = app_session.app("metrics")
    shown = [b for b in in_page_order(app_session, app.model_id) if "jf-metric" in str(b)]
    sales, users, rate, flat = (b["text/html"] for b in shown)
    assert "💰 Sales" in sales and "$9,500.50" in sales
    # down (red), the number without its sign, formatted; the description muted after it
    assert 'color:#ff2b2b">▼ $120.00</span>' in sales and ">vs May</span>" in sales
    assert "<svg" in sales and "<polygon" in sales and 'stroke="#ff2b2b"' in sales
    assert "height:150px;overflow:auto" in sales
    assert shown[0]["text/plain"] == "💰 Sales\n$9,500.50\n▼ $120.00 vs May\n▁▃▂█"
    # zero is gray; the arrow forced up; bars in gray
    assert 'color:#808495">▲ 0</span>' in users and "<rect" in users
    assert 'color:#803df5">500.00%</span>' in rate and "25.00%" in rate  # no arrow
    assert 'stroke="#808495"' in flat and ">n/a</div>" in flat
    assert "Only numeric values are supported for chart data sequence" in app.text
