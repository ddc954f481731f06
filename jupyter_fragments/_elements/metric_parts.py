"""What ``st.metric`` draws besides its label and value, as Streamlit 1.67: the delta's
arrow and color, number formats, and the sparkline of ``chart_data`` (a small inline SVG
on the page, block characters in the text fallback).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from jupyter_fragments._widgets.grid_format import format_number, sparkline
from jupyter_fragments.errors import FragmentsAPIError

#: Streamlit's basic palette, for named ``delta_color`` values
COLORS = {
    "red": "#ff2b2b",
    "orange": "#ffa421",
    "yellow": "#faca2b",
    "green": "#09ab3b",
    "blue": "#1c83e1",
    "violet": "#803df5",
    "gray": "#808495",
    "grey": "#808495",
    "primary": "#ff4b4b",
}
_MODES = {"normal": ("green", "red"), "inverse": ("red", "green"), "off": ("gray", "gray")}
_ARROWS = {"up": "▲", "down": "▼"}
_FORMATS = (
    *("plain", "localized", "percent", "dollar", "euro", "yen", "accounting"),
    *("bytes", "compact", "scientific", "engineering"),
)
_CHARTS = ("line", "bar", "area")
#: the sparkline's box, in pixels
_WIDTH, _HEIGHT = 120, 32


@dataclass
class Delta:
    """A delta as shown: its text, arrow (``""``: none) and CSS color."""

    text: str
    arrow: str
    color: str


def metric_number(value: Any, fmt: str | None) -> str:
    """``value`` as shown: ``—`` for None, ``format`` applied to numbers (and to strings
    that are numbers), other text as it is."""
    if value is None:
        return "—"
    if fmt is None or isinstance(value, bool):
        return str(value)
    number = value
    if isinstance(value, str):
        try:
            number = float(value)
        except ValueError:
            return value  # text that is not a number keeps its own form
    return format_number(number, fmt)


def check_metric_options(fmt: Any, chart_type: Any, color: Any, arrow: Any) -> None:
    """Streamlit's allowed values for ``format``, ``chart_type``, ``delta_color``,
    ``delta_arrow``."""
    if fmt is not None and not (
        fmt in _FORMATS or (isinstance(fmt, str) and "%" in fmt.replace("%%", ""))
    ):
        raise FragmentsAPIError(
            f"st.metric got format={fmt!r}. Fix: pass a printf-style format such as '%.2f' "
            f"or '%,d', or one of {', '.join(_FORMATS)}."
        )
    for name, value, allowed in (
        ("chart_type", chart_type, _CHARTS),
        ("delta_color", color, (*_MODES, *COLORS)),
        ("delta_arrow", arrow, ("auto", "up", "down", "off")),
    ):
        if value not in allowed:
            choices = ", ".join(repr(a) for a in allowed)
            raise FragmentsAPIError(f"st.metric got {name}={value!r}. Fix: pass one of {choices}.")


def metric_delta(delta: Any, color: str, arrow: str, fmt: str | None) -> Delta | None:
    """The delta's text, arrow and color: the arrow follows the sign (none for zero) unless
    ``arrow`` forces it; green up and red down (``"inverse"`` swaps them, ``"off"`` and
    zero are gray, a named color is that color)."""
    if delta is None or delta == "":
        return None
    text = delta.strip() if isinstance(delta, str) else str(delta)
    zero = text == "0" if isinstance(delta, str) else bool(delta == 0)
    direction = "none" if zero else ("down" if text.startswith("-") else "up")
    if color in COLORS:
        shade = color
    elif direction == "none":
        shade = "gray"
    else:
        shade = _MODES[color][0 if direction == "up" else 1]
    pointing = direction if arrow == "auto" else arrow
    if arrow == "auto" and direction != "none":
        # the arrow says the sign: the number is shown without it
        shown = text.lstrip("-+ ") if isinstance(delta, str) else abs(delta)
    else:
        shown = delta
    return Delta(metric_number(shown, fmt), _ARROWS.get(pointing, ""), COLORS[shade])


def chart_values(values: list[Any]) -> list[float]:
    """``chart_data`` as floats (Streamlit's error for a value that is not a number)."""
    numbers = []
    for value in values:
        try:
            numbers.append(float(value))
        except (TypeError, ValueError):
            raise FragmentsAPIError(
                "Only numeric values are supported for chart data sequence. The value "
                f"{value!r} is of type {type(value).__name__} and cannot be converted to "
                "float. Fix: pass numbers only (None for a gap is not supported either)."
            ) from None
    return numbers


def sparkline_svg(values: list[float], chart_type: str, color: str) -> str:
    """A small line, area or bar chart of ``values`` in ``color``, scaled to its box."""
    finite = [v for v in values if math.isfinite(v)]
    if not finite:
        return ""
    low, high = min(finite), max(finite)
    span = (high - low) or 1.0
    step = _WIDTH / max(len(finite) - (0 if chart_type == "bar" else 1), 1)

    def y(value: float) -> float:
        return _HEIGHT - 2 - (value - low) / span * (_HEIGHT - 4)

    if chart_type == "bar":
        bars = "".join(
            f'<rect x="{i * step + 0.5:.1f}" y="{y(v):.1f}" width="{max(step - 1, 0.5):.1f}" '
            f'height="{_HEIGHT - y(v):.1f}"/>'
            for i, v in enumerate(finite)
        )
        shape = f'<g fill="{color}">{bars}</g>'
    else:
        points = " ".join(f"{i * step:.1f},{y(v):.1f}" for i, v in enumerate(finite))
        shape = f'<polyline points="{points}" fill="none" stroke="{color}" stroke-width="1.5"/>'
        if chart_type == "area":
            shade = f'<polygon points="0,{_HEIGHT} {points} {_WIDTH},{_HEIGHT}" '
            shape = f'{shade}fill="{color}" fill-opacity="0.2"/>{shape}'
    return (
        f'<svg class="jf-metric-chart" width="{_WIDTH}" height="{_HEIGHT}" '
        f'viewBox="0 0 {_WIDTH} {_HEIGHT}" aria-hidden="true">{shape}</svg>'
    )


def sparkline_text(values: list[float]) -> str:
    """The sparkline as block characters, for the text fallback."""
    return sparkline(values, None, None)
