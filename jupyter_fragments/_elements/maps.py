"""Maps: ``st.map`` as a Vega-Lite chart on a plain projection, and ``st.pydeck_chart``.

``st.map`` needs no tile server: the points are drawn on a Mercator projection over a
graticule, which JupyterLab renders offline. ``st.pydeck_chart`` shows pydeck's own
HTML in a sandboxed frame; deck.gl's JavaScript (and any basemap) comes from the web.
"""

from __future__ import annotations

import math
from typing import Any

from jupyter_fragments._elements._core import add_static
from jupyter_fragments._elements.charts import SCHEMA, VEGA_LITE_MIME
from jupyter_fragments._elements.data import Table, plain, to_table
from jupyter_fragments._elements.embeds import frame_html
from jupyter_fragments._elements.handles import ElementHandle
from jupyter_fragments._output.bundles import display_output
from jupyter_fragments.errors import FragmentsAPIError

_LATITUDES = ("lat", "latitude", "LAT", "LATITUDE")
_LONGITUDES = ("lon", "longitude", "LON", "LONGITUDE")
_PRIMARY = "rgba(255, 75, 75, 0.63)"  # Streamlit's primary colour at alpha 160
_EARTH_RADIUS = 6378137.0  # metres, as Web Mercator has it
_TILE = 512  # pixels of the world's width at zoom 0, as deck.gl draws it
_DEFAULT_WIDTH = 700
_MAX_FIT_ZOOM = 12


def _column(table: Table, given: str | None, names: tuple[str, ...], what: str) -> str:
    if given is not None:
        if given not in table.columns:
            raise FragmentsAPIError(
                f"st.map got {what}={given!r}, which is not a column. Fix: use one of "
                f"{table.columns}."
            )
        return given
    found = next((name for name in names if name in table.columns), None)
    if found is None:
        raise FragmentsAPIError(
            f"st.map found no {what} column in {table.columns}. Fix: name it one of "
            f"{', '.join(names)}, or pass {what}='your_column'."
        )
    return found


def _css_color(value: Any) -> str:
    """A CSS colour from Streamlit's map colours: a hex string or an RGB(A) tuple."""
    if value is None or value == "primary":
        return _PRIMARY
    if isinstance(value, str) and value.startswith("#") and len(value) in (4, 5, 7, 9):
        return value
    if isinstance(value, (list, tuple)) and len(value) in (3, 4):
        numbers = [float(v) for v in value]
        unit = all(0.0 <= v <= 1.0 for v in numbers)
        red, green, blue = (round(v * 255) if unit else round(v) for v in numbers[:3])
        alpha = numbers[3] if len(numbers) == 4 else 1.0
        alpha = alpha if unit or alpha <= 1.0 else alpha / 255
        return f"rgba({red}, {green}, {blue}, {round(alpha, 3)})"
    raise FragmentsAPIError(
        f"st.map got the colour {value!r}. Fix: use a hex string ('#ff0000', '#ff000080'), "
        "an (r, g, b) or (r, g, b, a) tuple, or the name of a column holding such colours."
    )


def _mercator_y(latitude: float) -> float:
    clipped = max(min(latitude, 85.0), -85.0)
    return math.log(math.tan(math.pi / 4 + math.radians(clipped) / 2))


def _view(
    lats: list[float], lons: list[float], zoom: int | None, width: int, height: int
) -> tuple[list[float], float]:
    """(centre [lon, lat], projection scale in pixels per radian) showing every point."""
    if not lats:
        return [0.0, 20.0], _TILE / (2 * math.pi)
    west, east = min(lons), max(lons)
    south, north = _mercator_y(min(lats)), _mercator_y(max(lats))
    middle = (south + north) / 2
    centre = [(west + east) / 2, math.degrees(2 * math.atan(math.exp(middle)) - math.pi / 2)]
    if zoom is not None:
        return centre, _TILE * 2.0**zoom / (2 * math.pi)
    span_x = max(math.radians(east - west), 1e-9)
    span_y = max(north - south, 1e-9)
    fit = 0.8 * min(width / span_x, height / span_y)
    return centre, min(fit, _TILE * 2.0**_MAX_FIT_ZOOM / (2 * math.pi))


def _per_point(table: Table, arg: Any, default: Any) -> list[Any]:
    if isinstance(arg, str) and arg in table.columns:
        return [plain(value) for value in table.column(arg)]
    return [default if arg is None else arg] * len(table.rows)


def map(  # noqa: A001 - Streamlit's name
    data: Any = None,
    *,
    latitude: str | None = None,
    longitude: str | None = None,
    color: Any = None,
    size: Any = None,
    zoom: int | None = None,
    width: Any = "stretch",
    height: Any = 500,
    use_container_width: bool | None = None,
    alt: str | None = None,
) -> ElementHandle:
    """Show points on a map: a table with latitude and longitude columns.

    Columns named ``lat``/``latitude`` and ``lon``/``longitude`` (or upper case) are
    found; ``size`` is a radius in metres or a column of them, ``color`` a colour or a
    column of colours. The map is a plain projection with a graticule, drawn offline.

    Examples
    --------
    >>> st.map({"lat": [48.85, 51.51], "lon": [2.35, -0.13]}, size=20000, color="#0044ff")
    """
    table = to_table(data)
    chart_width = width if isinstance(width, int) and not isinstance(width, bool) else None
    chart_width = chart_width or _DEFAULT_WIDTH
    chart_height = height if isinstance(height, int) and not isinstance(height, bool) else 500
    records: list[dict[str, Any]] = []
    lat_name = lon_name = ""
    if table.rows:
        lat_name = _column(table, latitude, _LATITUDES, "latitude")
        lon_name = _column(table, longitude, _LONGITUDES, "longitude")
        sizes = _per_point(table, size, 100)
        colors = [_css_color(c) for c in _per_point(table, color, None)]
        for lat, lon, metres, css in zip(
            table.column(lat_name), table.column(lon_name), sizes, colors, strict=True
        ):
            lat, lon = plain(lat), plain(lon)
            if isinstance(lat, (int, float)) and isinstance(lon, (int, float)):
                records.append({"lat": lat, "lon": lon, "metres": plain(metres), "color": css})
    centre, scale = _view(
        [r["lat"] for r in records], [r["lon"] for r in records], zoom, chart_width, chart_height
    )
    for record in records:
        ground = _EARTH_RADIUS * max(math.cos(math.radians(record["lat"])), 1e-6)
        radius = max(scale * float(record.pop("metres") or 0) / ground, 3.0)
        record["area"] = round(math.pi * radius * radius, 2)
    spec = _map_spec(records, centre, scale, chart_width, chart_height, (lat_name, lon_name))
    if alt:
        spec["description"] = str(alt)
    summary = f"<map: {len(records)} points around {centre[1]:.3f}, {centre[0]:.3f}>"
    bundle = {VEGA_LITE_MIME: spec, "text/plain": summary}
    return add_static([display_output(bundle, element="map")])


def _map_spec(
    records: list[dict[str, Any]],
    centre: list[float],
    scale: float,
    width: int,
    height: int,
    names: tuple[str, str],
) -> dict[str, Any]:
    step = max(1, min(30, round(80 / scale * 180 / math.pi)))  # a line every ~80 pixels
    outline = {"type": "geoshape", "clip": True, "filled": False, "strokeWidth": 0.5}
    return {
        "$schema": SCHEMA,
        "width": width,
        "height": height,
        "projection": {"type": "mercator", "center": centre, "scale": round(scale, 3)},
        "layer": [
            {
                "data": {"sphere": True},
                "mark": {"type": "geoshape", "clip": True, "fill": "#eef3f8"},
            },
            {
                "data": {"graticule": {"step": [step, step]}},
                "mark": {**outline, "stroke": "#c4ccd6"},
            },
            {
                "data": {"values": records},
                "mark": {"type": "circle", "clip": True, "opacity": 1},
                "encoding": {
                    "longitude": {"field": "lon", "type": "quantitative"},
                    "latitude": {"field": "lat", "type": "quantitative"},
                    "size": {
                        "field": "area",
                        "type": "quantitative",
                        "scale": None,
                        "legend": None,
                    },
                    "color": {"field": "color", "type": "nominal", "scale": None, "legend": None},
                    "tooltip": [
                        {"field": "lat", "type": "quantitative", "title": names[0] or "lat"},
                        {"field": "lon", "type": "quantitative", "title": names[1] or "lon"},
                    ],
                },
            },
        ],
    }


def pydeck_chart(
    pydeck_obj: Any = None,
    *,
    width: Any = "stretch",
    use_container_width: bool | None = None,
    height: Any = 500,
    selection_mode: str = "single-object",
    on_select: Any = "ignore",
    key: Any = None,
    alt: str | None = None,
) -> ElementHandle:
    """Show a pydeck ``Deck`` with pydeck's own HTML, in a sandboxed frame.

    deck.gl's JavaScript is loaded from the jsDelivr CDN (pydeck 0.9 has no Jupyter
    widget), so the chart needs the web; ``st.map`` works offline.

    Examples
    --------
    >>> layer = pdk.Layer("ScatterplotLayer", df, get_position="[lon, lat]", get_radius=200)
    >>> st.pydeck_chart(pdk.Deck(layers=[layer], map_provider=None))
    """
    if on_select != "ignore":
        raise FragmentsAPIError(
            "st.pydeck_chart(on_select=...) is not supported: the chart is pydeck's HTML, "
            "which cannot send a selection back to the kernel. Fix: leave on_select='ignore'."
        )
    if pydeck_obj is None:
        return map(None, height=height, alt=alt)
    if not (hasattr(pydeck_obj, "to_html") and hasattr(pydeck_obj, "to_json")):
        raise FragmentsAPIError(
            f"st.pydeck_chart got {type(pydeck_obj).__name__}. Fix: pass a pydeck.Deck "
            "(pip install pydeck; import pydeck as pdk; pdk.Deck(layers=[...]))."
        )
    page = pydeck_obj.to_html(as_string=True, notebook_display=False)
    frame_height = height if isinstance(height, int) and not isinstance(height, bool) else 500
    frame_width = f"{width}px" if isinstance(width, int) and not isinstance(width, bool) else "100%"
    frame = frame_html(
        srcdoc=str(page),
        width=frame_width,
        height=f"{frame_height}px",
        sandbox=True,
        title=alt or "pydeck chart",
    )
    layers = len(getattr(pydeck_obj, "layers", None) or [])
    bundle = {"text/html": frame, "text/plain": f"<pydeck chart: {layers} layers>"}
    return add_static([display_output(bundle, element="pydeck_chart")])
