"""``run_every``: parsing the interval forms Streamlit accepts."""

from __future__ import annotations

import datetime
import math
import re
from typing import Any

_UNITS = {
    "ms": 0.001,
    "msec": 0.001,
    "millisecond": 0.001,
    "milliseconds": 0.001,
    "s": 1.0,
    "sec": 1.0,
    "secs": 1.0,
    "second": 1.0,
    "seconds": 1.0,
    "m": 60.0,
    "min": 60.0,
    "mins": 60.0,
    "minute": 60.0,
    "minutes": 60.0,
    "h": 3600.0,
    "hr": 3600.0,
    "hour": 3600.0,
    "hours": 3600.0,
    "d": 86400.0,
    "day": 86400.0,
    "days": 86400.0,
}
_PART = re.compile(r"\s*(\d+(?:\.\d*)?|\.\d+)\s*([a-zA-Z]+)\s*")
_ACCEPTED = (
    "Fix: pass seconds as an int or float (0.5), a duration string ('250ms', '0.5s', "
    "'10s', '1m', '1 minute', '1h'), a datetime.timedelta, or None/0 for no timer."
)


def parse_run_every(value: Any) -> float | None:
    """``run_every`` as seconds, or None when it is off. Raises on anything else."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise TypeError(f"run_every={value!r} is a bool. {_ACCEPTED}")
    if isinstance(value, datetime.timedelta):
        seconds = value.total_seconds()
    elif isinstance(value, (int, float)):
        seconds = float(value)
    elif isinstance(value, str):
        seconds = _parse_duration(value)
    else:
        raise TypeError(f"run_every={value!r} has type {type(value).__name__}. {_ACCEPTED}")
    if math.isnan(seconds) or math.isinf(seconds) or seconds < 0:
        raise ValueError(f"run_every={value!r} is not a usable interval. {_ACCEPTED}")
    return seconds or None


def _parse_duration(text: str) -> float:
    stripped = text.strip()
    if not stripped:
        raise ValueError(f"run_every={text!r} is empty. {_ACCEPTED}")
    try:
        return float(stripped)
    except ValueError:
        pass
    total = 0.0
    pos = 0
    while pos < len(stripped):
        match = _PART.match(stripped, pos)
        if match is None or match.group(2).lower() not in _UNITS:
            raise ValueError(f"run_every={text!r} is not a duration I can read. {_ACCEPTED}")
        total += float(match.group(1)) * _UNITS[match.group(2).lower()]
        pos = match.end()
    return total
