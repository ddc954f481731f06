"""st.map as an offline Vega-Lite projection, st.pydeck_chart as pydeck's own page in a frame."""

from __future__ import annotations

import html
import json
import math

from outputs_support import one

from jupyter_fragments.testing import KernelSession

VEGA_LITE = "application/vnd.vegalite.v5+json"


def _points(spec: dict) -> list[dict]:
    return spec["layer"][-1]["data"]["values"]


def test_map_draws_points_on_a_projection(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app cities
import jupyter_fragments as st
st.map(
    {"lat": [48.8566, 51.5074], "lon": [2.3522, -0.1278], "name": ["Paris", "London"]},
    size=20000,
    color=(0, 68, 255, 128),
    height=400,
)
"""
    )
    app = app_session.app("cities")
    assert app.exceptions == []
    bundle = one(app_session, "map")
    spec = bundle[VEGA_LITE]
    assert spec["projection"]["type"] == "mercator"
    assert (spec["width"], spec["height"]) == (700, 400)
    lon, lat = spec["projection"]["center"]
    assert 1.0 < lon < 1.2 and 50.0 < lat < 50.3  # between the two cities
    sphere, graticule, points = spec["layer"]
    assert sphere["data"] == {"sphere": True} and "graticule" in graticule["data"]
    paris, london = _points(spec)
    assert (paris["lat"], paris["lon"], london["lat"]) == (48.8566, 2.3522, 51.5074)
    assert paris["color"] == "rgba(0, 68, 255, 0.502)"
    assert paris["area"] > math.pi * 9  # 20 km at this scale is more than the 3 px minimum
    assert points["encoding"]["longitude"]["field"] == "lon"
    assert bundle["text/plain"] == "<map: 2 points around 50.200, 1.112>"
    assert "map: 2 points" in app.text


def test_map_columns_colours_and_zoom(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app zoomed
import pandas as pd
import jupyter_fragments as st
df = pd.DataFrame({
    "LATITUDE": [37.76, 37.77],
    "LONGITUDE": [-122.4, -122.41],
    "tone": ["#ff0000", "#00ff0080"],
    "metres": [10, 1000],
})
st.map(df, color="tone", size="metres", zoom=11)
for bad in (
    lambda: st.map({"x": [1], "y": [2]}),
    lambda: st.map({"lat": [1], "lon": [2]}, color="pink"),
):
    try:
        bad()
    except st.FragmentsAPIError as exc:
        st.text(str(exc))
"""
    )
    app = app_session.app("zoomed")
    assert app.exceptions == []
    spec = one(app_session, "map")[VEGA_LITE]
    assert spec["projection"]["scale"] == round(512 * 2**11 / (2 * math.pi), 3)
    small, large = _points(spec)
    assert (small["color"], large["color"]) == ("#ff0000", "#00ff0080")
    assert small["area"] == round(math.pi * 9, 2)  # 10 m is below the 3 px minimum
    assert large["area"] > small["area"]
    assert "found no latitude column in ['x', 'y']. Fix: name it one of lat" in app.text
    assert "got the colour 'pink'. Fix: use a hex string" in app.text


def test_pydeck_chart_shows_pydecks_page_in_a_sandbox(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app deck
import pydeck as pdk
import jupyter_fragments as st
layer = pdk.Layer("ScatterplotLayer", [{"lat": 1.5, "lon": 2.5}], get_position="[lon, lat]",
                  get_radius=100, id="dots")
st.pydeck_chart(pdk.Deck(layers=[layer], map_provider=None), height=300)
for bad in (lambda: st.pydeck_chart({"layers": []}),
            lambda: st.pydeck_chart(pdk.Deck(), on_select="rerun")):
    try:
        bad()
    except st.FragmentsAPIError as exc:
        st.text(str(exc))
"""
    )
    app = app_session.app("deck")
    assert app.exceptions == []
    bundle = one(app_session, "pydeck_chart")
    frame = bundle["text/html"]
    assert 'sandbox="allow-scripts' in frame and "allow-same-origin" not in frame
    assert "height:300px" in frame
    page = html.unescape(frame.split('srcdoc="')[1].split('"')[0])
    assert "createDeck(" in page
    deck = json.loads(page.split("const jsonInput = ")[1].split(";\n")[0])
    assert deck["layers"][0]["@@type"] == "ScatterplotLayer"
    assert bundle["text/plain"] == "<pydeck chart: 1 layers>"
    assert "st.pydeck_chart got dict. Fix: pass a pydeck.Deck" in app.text
    assert "on_select=...) is not supported" in app.text
