"""Date and time inputs: ``st.date_input`` (one date or a range), ``st.time_input`` and
``st.datetime_input``."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from jupyter_fragments._elements._core import render_input, width_layout
from jupyter_fragments._elements.params import Callback, common_params
from jupyter_fragments._widgets.dates import (
    DATE_INPUT,
    DATE_RANGE,
    DATETIME_INPUT,
    TIME_INPUT,
    to_date,
    to_datetime,
)
from jupyter_fragments.errors import FragmentsAPIError

_TEN_YEARS = datetime.timedelta(days=3652)
_DATE_FORMATS = ("YYYY/MM/DD", "DD/MM/YYYY", "MM/DD/YYYY")


def _check_date_format(format: str, call: str) -> None:
    """Streamlit's date formats (``/``, ``.`` or ``-`` between the parts)."""
    if format.replace(".", "/").replace("-", "/") not in _DATE_FORMATS:
        raise FragmentsAPIError(
            f"{call} got format={format!r}. Fix: pass 'YYYY/MM/DD', 'DD/MM/YYYY' or "
            "'MM/DD/YYYY' (with '/', '.' or '-' between the parts)."
        )


def date_input(
    label: str,
    value: Any = "today",
    min_value: Any = None,
    max_value: Any = None,
    key: Any = None,
    help: str | None = None,
    on_change: Callback = None,
    args: Iterable[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    *,
    format: str = "YYYY/MM/DD",
    disabled: bool = False,
    required: bool = False,
    label_visibility: str = "visible",
    width: str | int | None = None,
    persist_state: str | None = None,
    bind: str | None = None,
) -> Any:
    """A date picker; returns a ``datetime.date`` (or None).

    A list or tuple ``value`` (of up to two dates) makes a range picker returning a tuple
    of the dates chosen so far. ``required=True``: a cleared picker gives ``value`` back.
    The picker shows dates in the browser's locale whatever ``format`` says.

    Examples
    --------
    >>> birthday = st.date_input("Birthday", datetime.date(2000, 1, 1))
    >>> start, end = st.date_input("Trip", (datetime.date(2024, 7, 1), datetime.date(2024, 7, 8)))
    """
    call = f"st.date_input({label!r})"
    _check_date_format(format, call)
    width_layout(width, call)
    is_range = isinstance(value, (tuple, list))
    try:
        raw = list(value) if is_range else [value]
        days = [datetime.date.today() if v in ("today", "now") else to_date(v) for v in raw]
        low = to_date(min_value)
        high = to_date(max_value)
    except (TypeError, ValueError) as exc:
        raise FragmentsAPIError(
            f"{call} got a value that is not a date ({exc}). Fix: pass datetime.date objects, "
            "ISO strings ('2024-07-01'), 'today' or None."
        ) from None
    if is_range and len(days) > 2:
        raise FragmentsAPIError(f"{call} got {len(days)} dates. Fix: pass at most two.")
    anchor = next((d for d in days if d is not None), datetime.date.today())
    low = low if low is not None else anchor - _TEN_YEARS
    high = high if high is not None else anchor + _TEN_YEARS
    if low > high:
        raise FragmentsAPIError(
            f"{call} has min_value={low} after max_value={high}. Fix: pass min_value <= max_value."
        )
    for day in days:
        if day is not None and not low <= day <= high:
            raise FragmentsAPIError(
                f"{call} has value {day} outside [{low}, {high}]. "
                "Fix: pass a value between min_value and max_value."
            )
    present = [d for d in days if d is not None]
    params = {
        **common_params(help, disabled, label_visibility),
        "value": tuple(present) if is_range else days[0],
        "min_value": low,
        "max_value": high,
        "format": format,
        "required": required,
        "input_width": width,
    }
    kind = DATE_RANGE if is_range else DATE_INPUT
    return render_input(kind, label, params, key=key, callback=on_change, args=args,
        kwargs=kwargs, call=call, persist_state=persist_state, bind=bind,
    )  # fmt: skip


def time_input(
    label: str,
    value: Any = "now",
    key: Any = None,
    help: str | None = None,
    on_change: Callback = None,
    args: Iterable[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    *,
    disabled: bool = False,
    required: bool = False,
    label_visibility: str = "visible",
    step: int | datetime.timedelta = datetime.timedelta(minutes=15),
    format: str = "24h",
    width: str | int | None = None,
    persist_state: str | None = None,
    bind: str | None = None,
) -> datetime.time | None:
    """A time picker; returns a ``datetime.time`` (or None).

    The picker shows times in the browser's locale whatever ``format`` (``"24h"`` or
    ``"12h"``) says; with ``required=True`` a cleared picker gives ``value`` back rather
    than None.

    Examples
    --------
    >>> alarm = st.time_input("Alarm", datetime.time(7, 30))
    """
    call = f"st.time_input({label!r})"
    width_layout(width, call)
    if format not in ("24h", "12h"):
        raise FragmentsAPIError(f"{call} got format={format!r}. Fix: pass '24h' or '12h'.")
    seconds = step.total_seconds() if isinstance(step, datetime.timedelta) else step
    if not isinstance(seconds, (int, float)) or not 60 <= seconds <= 86400:
        raise FragmentsAPIError(
            f"{call} got step={step!r}. Fix: pass seconds (or a timedelta) between 60 and 86400."
        )
    if value == "now":
        value = datetime.datetime.now().time().replace(second=0, microsecond=0)
    try:
        initial = TIME_INPUT.coerce({"value": None}, value)
    except ValueError:
        initial = None
    if value is not None and initial is None:
        raise FragmentsAPIError(
            f"{call} got value={value!r}. Fix: pass a datetime.time, an ISO string "
            "('07:30'), 'now' or None."
        )
    params = {
        **common_params(help, disabled, label_visibility),
        "value": initial,
        "step": float(seconds),
        "required": required,
        "input_width": width,
    }
    result = render_input(TIME_INPUT, label, params, key=key, callback=on_change, args=args,
        kwargs=kwargs, call=call, persist_state=persist_state, bind=bind,
    )  # fmt: skip
    return result if isinstance(result, datetime.time) else None


def datetime_input(
    label: str,
    value: Any = "now",
    min_value: Any = None,
    max_value: Any = None,
    *,
    key: Any = None,
    help: str | None = None,
    on_change: Callback = None,
    args: Iterable[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    format: str = "YYYY/MM/DD",
    step: int | datetime.timedelta = datetime.timedelta(minutes=15),
    disabled: bool = False,
    required: bool = False,
    label_visibility: str = "visible",
    width: str | int | None = None,
    persist_state: str | None = None,
    bind: str | None = None,
) -> datetime.datetime | None:
    """A date-and-time picker; returns a naive ``datetime.datetime`` to the minute (or None).

    Parameters
    ----------
    value : "now", datetime, date, time, str or None
        The first value: a date is taken at midnight, a time today; strings are ISO
        datetimes, dates or times. Time zones are dropped. None leaves it empty.
    min_value, max_value : optional
        The same kinds of values; by default ten years before and after ``value`` (or
        today), from 00:00 to 23:59.
    format : str
        Streamlit's date order (``"YYYY/MM/DD"``, ...); the picker shows the browser's.
    step : int or timedelta
        Seconds between choices (60 s to 23 h), checked as Streamlit does; the browser's
        picker lets any minute be chosen.
    required : bool
        A cleared picker gives ``value`` back rather than None.

    Examples
    --------
    >>> meeting = st.datetime_input("Meeting", datetime.datetime(2025, 3, 1, 14, 30))
    """
    call = f"st.datetime_input({label!r})"
    _check_date_format(format, call)
    width_layout(width, call)
    seconds = step.total_seconds() if isinstance(step, datetime.timedelta) else step
    if (
        isinstance(seconds, bool)
        or not isinstance(seconds, (int, float))
        or not (60 <= seconds <= 23 * 3600)
    ):
        raise FragmentsAPIError(
            f"{call} got step={step!r}. Fix: pass seconds (or a timedelta) from 60 to 82800."
        )
    initial, low, high = _datetime_bounds(value, min_value, max_value, call)
    params = {
        **common_params(help, disabled, label_visibility),
        "value": initial,
        "min_value": low,
        "max_value": high,
        "format": format,
        "step": float(seconds),
        "required": required,
        "input_width": width,
    }
    result = render_input(DATETIME_INPUT, label, params, key=key, callback=on_change, args=args,
        kwargs=kwargs, call=call, persist_state=persist_state, bind=bind,
    )  # fmt: skip
    return result if isinstance(result, datetime.datetime) else None


def _datetime_bounds(
    value: Any, min_value: Any, max_value: Any, call: str
) -> tuple[datetime.datetime | None, datetime.datetime, datetime.datetime]:
    """The first value and the bounds of ``st.datetime_input``, checked."""
    midnight, last = datetime.time(0, 0), datetime.time(23, 59)
    today = datetime.date.today()
    try:
        initial = to_datetime(value, today, midnight)
        base = initial.date() if initial is not None else today
        low = to_datetime(min_value, base, midnight)
        high = to_datetime(max_value, base, last)
    except (TypeError, ValueError) as exc:
        raise FragmentsAPIError(
            f"{call} got a value that is not a datetime ({exc}). Fix: pass datetime, date or "
            "time objects, ISO strings ('2025-03-01 14:30'), 'now' or None."
        ) from None
    low = low or datetime.datetime.combine(base - _TEN_YEARS, midnight)
    high = high or datetime.datetime.combine(base + _TEN_YEARS, last)
    if low > high:
        raise FragmentsAPIError(
            f"{call} has min_value={low} after max_value={high}. Fix: pass min_value <= max_value."
        )
    if initial is not None and not low <= initial <= high:
        raise FragmentsAPIError(
            f"{call} has value {initial} outside [{low}, {high}]. "
            "Fix: pass a value between min_value and max_value."
        )
    return initial, low, high
