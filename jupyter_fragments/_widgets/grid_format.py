"""How a grid cell shows its value as text: number and date formats, links, lists, charts.

Pure functions of a value and a column's ``type_config`` (see ``st.column_config``);
no widget or pandas is needed. Number formats are printf strings or Streamlit's presets,
date formats are Moment.js strings; the grid's own renderers get the d3 equivalent
where one exists (`d3_number_format`).
"""

from __future__ import annotations

import datetime
import json
import math
import re
from collections.abc import Callable, Mapping
from typing import Any

_PRINTF = re.compile(r"%[-+ 0#]*\d*(?:\.\d+)?[diufFeEgGxXos]")
_BLOCKS = "▁▂▃▄▅▆▇█"

_PRESETS: dict[str, Callable[[float], str]] = {
    "plain": lambda v: repr(v) if isinstance(v, float) else str(v),
    "localized": lambda v: f"{v:,}",
    "percent": lambda v: f"{v * 100:,.2f}%",
    "dollar": lambda v: f"-${-v:,.2f}" if v < 0 else f"${v:,.2f}",
    "euro": lambda v: f"-€{-v:,.2f}" if v < 0 else f"€{v:,.2f}",
    "yen": lambda v: f"-¥{-v:,.0f}" if v < 0 else f"¥{v:,.0f}",
    "accounting": lambda v: f"({-v:,.2f})" if v < 0 else f"{v:,.2f}",
    "scientific": lambda v: f"{v:.3e}",
}

_D3: dict[str, str] = {
    "localized": ",",
    "percent": ",.2%",
    "dollar": "$,.2f",
    "scientific": ".3e",
    "compact": ".3~s",
    "engineering": ".3~s",
}


def is_missing(value: Any) -> bool:
    """None, NaN and pandas' NA/NaT (anything that is not equal to itself)."""
    if value is None:
        return True
    try:
        return bool(value != value)
    except (TypeError, ValueError):
        return False


def format_number(value: Any, fmt: str | None) -> str:
    """``value`` shown with a printf format or one of Streamlit's number presets."""
    if fmt is None or isinstance(value, bool):
        return str(value)
    try:
        number = float(value)
    except (TypeError, ValueError):
        return str(value)
    preset = _PRESETS.get(fmt)
    if preset is not None:
        return preset(value if isinstance(value, int) else number)
    if fmt in ("compact", "engineering", "bytes"):
        return _scaled(number, fmt)
    if fmt == "duration":
        return _duration(number)
    match = _PRINTF.search(fmt)
    if match is None:
        return str(value)
    spec = match.group(0)
    kind = spec[-1]
    try:
        if kind in "diuxXo":
            shown = (spec[:-1] + ("d" if kind in "iu" else kind)) % int(number)
        elif kind == "s":
            shown = spec % value
        else:
            shown = spec % number
    except (TypeError, ValueError, OverflowError):
        return str(value)
    return fmt[: match.start()].replace("%%", "%") + shown + fmt[match.end() :].replace("%%", "%")


def _scaled(number: float, fmt: str) -> str:
    units: tuple[str, ...]
    if fmt == "bytes":
        units, base = ("B", "KB", "MB", "GB", "TB", "PB"), 1000.0
    else:
        units, base = ("", "K", "M", "B", "T"), 1000.0
    size, at = abs(number), 0
    while size >= base and at < len(units) - 1:
        size /= base
        at += 1
    sign = "-" if number < 0 else ""
    if fmt == "bytes":
        return f"{sign}{size:.1f}{units[at]}" if at else f"{sign}{size:.0f}B"
    return f"{sign}{size:.1f}{units[at]}" if at else f"{sign}{size:g}"


def _duration(seconds: float) -> str:
    parts, rest = [], abs(seconds)
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if rest >= size:
            parts.append(f"{int(rest // size)}{unit}")
            rest %= size
    if rest or not parts:
        parts.append(f"{rest:g}s")
    return ("-" if seconds < 0 else "") + " ".join(parts[:2])


def d3_number_format(fmt: str | None) -> str | None:
    """The d3-format string the grid's renderer can apply, or None (no exact equivalent)."""
    if fmt is None:
        return None
    if fmt in _D3:
        return _D3[fmt]
    match = re.fullmatch(r"%(?:\.(\d+))?([dif])", fmt)
    if match is None:
        return None
    digits, kind = match.groups()
    return "d" if kind in "di" else f".{digits or 6}f"


# -- dates: Moment.js tokens ---------------------------------------------------------

_MOMENT = re.compile(
    r"\[[^\]]*\]|YYYY|YY|MMMM|MMM|MM|M|Do|DD|D|dddd|ddd|HH|H|hh|h|mm|m|ss|s|SSS|A|a|Z"
)
_TOKENS: dict[str, Callable[[Any], str]] = {
    "YYYY": lambda d: f"{d.year:04d}",
    "YY": lambda d: f"{d.year % 100:02d}",
    "MMMM": lambda d: d.strftime("%B"),
    "MMM": lambda d: d.strftime("%b"),
    "MM": lambda d: f"{d.month:02d}",
    "M": lambda d: str(d.month),
    "Do": lambda d: _ordinal(d.day),
    "DD": lambda d: f"{d.day:02d}",
    "D": lambda d: str(d.day),
    "dddd": lambda d: d.strftime("%A"),
    "ddd": lambda d: d.strftime("%a"),
    "HH": lambda d: f"{d.hour:02d}",
    "H": lambda d: str(d.hour),
    "hh": lambda d: f"{(d.hour % 12) or 12:02d}",
    "h": lambda d: str((d.hour % 12) or 12),
    "mm": lambda d: f"{d.minute:02d}",
    "m": lambda d: str(d.minute),
    "ss": lambda d: f"{d.second:02d}",
    "s": lambda d: str(d.second),
    "SSS": lambda d: f"{d.microsecond // 1000:03d}",
    "A": lambda d: "AM" if d.hour < 12 else "PM",
    "a": lambda d: "am" if d.hour < 12 else "pm",
    "Z": lambda d: d.strftime("%z") if getattr(d, "tzinfo", None) else "",
}
_DATE_DEFAULTS = {"date": "YYYY-MM-DD", "time": "HH:mm:ss", "datetime": "YYYY-MM-DD HH:mm:ss"}
_LOCALIZED = {"date": "MMM D, YYYY", "time": "h:mm:ss A", "datetime": "MMM D, YYYY, h:mm:ss A"}


def _ordinal(day: int) -> str:
    suffix = "th" if 10 <= day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


def format_moment(value: Any, fmt: str) -> str:
    """A date, time or datetime formatted with a Moment.js format string."""

    def token(match: re.Match[str]) -> str:
        text = match.group(0)
        if text.startswith("["):
            return text[1:-1]
        try:
            return _TOKENS[text](value)
        except (AttributeError, ValueError):
            return text

    return _MOMENT.sub(token, fmt)


def format_temporal(value: Any, fmt: str | None, kind: str) -> str:
    """A date/time cell: ``"iso8601"``, ``"localized"``, ``"distance"``, ``"calendar"`` or
    a Moment.js format; ``kind`` is ``"date"``, ``"time"`` or ``"datetime"``."""
    if isinstance(value, str):
        return value
    if hasattr(value, "to_pydatetime"):
        value = value.to_pydatetime()
    if kind == "date" and isinstance(value, datetime.datetime):
        value = value.date()
    if fmt == "iso8601":
        return str(value.isoformat()) if hasattr(value, "isoformat") else str(value)
    if fmt == "distance" and isinstance(value, (datetime.date, datetime.datetime)):
        return _distance(value)
    if fmt in ("localized", "calendar"):
        fmt = _LOCALIZED[kind]
    return format_moment(value, fmt or _DATE_DEFAULTS[kind])


def _distance(value: datetime.date) -> str:
    if isinstance(value, datetime.datetime):
        now = datetime.datetime.now(value.tzinfo)
    else:
        now = datetime.datetime.combine(datetime.date.today(), datetime.time())
        value = datetime.datetime.combine(value, datetime.time())
    seconds = (value - now).total_seconds()
    size = abs(seconds)
    for unit, length in (("year", 31536000), ("month", 2592000), ("day", 86400),
                         ("hour", 3600), ("minute", 60)):  # fmt: skip
        if size >= length:
            count = round(size / length)
            text = f"{count} {unit}{'s' if count != 1 else ''}"
            return f"in {text}" if seconds > 0 else f"{text} ago"
    return "just now"


# -- other column types --------------------------------------------------------------


def link_text(url: Any, display_text: str | None) -> str:
    """What a link cell shows: the URL, a fixed text, or the regex group found in the URL."""
    if display_text is None or not isinstance(url, str):
        return str(url)
    if "(" in display_text:
        try:
            match = re.search(display_text, url)
        except re.error:
            return display_text
        if match is not None and match.groups():
            return str(match.group(1))
        return url
    return display_text


def sparkline(values: Any, y_min: float | None, y_max: float | None) -> str:
    """A list of numbers as block characters, one per value (``▁▃▅▇``)."""
    numbers = [float(v) for v in _as_list(values) if not is_missing(v)]
    if not numbers:
        return ""
    low = min(numbers) if y_min is None else float(y_min)
    high = max(numbers) if y_max is None else float(y_max)
    span = high - low
    top = len(_BLOCKS) - 1
    chars = []
    for number in numbers:
        share = 0.5 if span <= 0 else min(max((number - low) / span, 0.0), 1.0)
        chars.append(_BLOCKS[round(share * top)])
    return "".join(chars)


def _as_list(values: Any) -> list[Any]:
    if values is None or isinstance(values, (str, bytes)):
        return []
    if hasattr(values, "tolist"):
        listed = values.tolist()
        return listed if isinstance(listed, list) else [listed]
    try:
        return list(values)
    except TypeError:
        return [values]


def list_text(values: Any, format_func: Callable[[Any], Any] | None = None) -> str:
    """A list cell: its items joined by commas (through ``format_func`` when given)."""
    if isinstance(values, str):
        return values
    items = _as_list(values)
    return ", ".join(str(format_func(v) if format_func else v) for v in items)


def json_text(value: Any) -> str:
    """A JSON cell: compact JSON (strings that already hold JSON are shown as they are)."""
    if isinstance(value, str):
        return value
    try:
        return json.dumps(value, default=str, ensure_ascii=False, separators=(", ", ": "))
    except (TypeError, ValueError):
        return str(value)


def cell_text(type_config: Mapping[str, Any], value: Any, placeholder: str | None) -> str | None:
    """The text of a cell of a column typed by ``type_config`` (None: a missing value)."""
    kind = type_config.get("type")
    if kind in ("list", "multiselect"):
        return list_text(value, type_config.get("format_func"))
    if kind in ("line_chart", "bar_chart", "area_chart"):
        return sparkline(value, type_config.get("y_min"), type_config.get("y_max"))
    if is_missing(value):
        return placeholder
    if kind == "number":
        return format_number(value, type_config.get("format"))
    if kind in ("date", "time", "datetime"):
        return format_temporal(value, type_config.get("format"), kind)
    if kind == "link":
        return link_text(value, type_config.get("display_text"))
    if kind == "checkbox":
        return "☑" if bool(value) else "☐"
    if kind == "json":
        return json_text(value)
    if kind == "selectbox" and type_config.get("format_func") is not None:
        return str(type_config["format_func"](value))
    if isinstance(value, float) and math.isinf(value):
        return "∞" if value > 0 else "-∞"
    return str(value)
