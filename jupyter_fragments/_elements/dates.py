"""Date and time inputs: ``st.date_input`` (one date or a range) and ``st.time_input``."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from jupyter_fragments._elements._core import render_input
from jupyter_fragments._elements.params import Callback, common_params
from jupyter_fragments._widgets.dates import DATE_INPUT, DATE_RANGE, TIME_INPUT, to_date
from jupyter_fragments.errors import FragmentsAPIError

_TEN_YEARS = datetime.timedelta(days=3652)


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
    label_visibility: str = "visible",
) -> Any:
    """A date picker; returns a ``datetime.date`` (or None).

    A list or tuple ``value`` (of zero, one or two dates) makes a range picker that
    returns a tuple of the dates chosen so far.

    Examples
    --------
    >>> birthday = st.date_input("Birthday", datetime.date(2000, 1, 1))
    >>> start, end = st.date_input("Trip", (datetime.date(2024, 7, 1), datetime.date(2024, 7, 8)))
    """
    call = f"st.date_input({label!r})"
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
    }
    kind = DATE_RANGE if is_range else DATE_INPUT
    return render_input(
        kind, label, params, key=key, callback=on_change, args=args, kwargs=kwargs, call=call
    )


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
    label_visibility: str = "visible",
    step: int | datetime.timedelta = datetime.timedelta(minutes=15),
) -> datetime.time | None:
    """A time picker; returns a ``datetime.time`` (or None).

    Examples
    --------
    >>> alarm = st.time_input("Alarm", datetime.time(7, 30))
    """
    call = f"st.time_input({label!r})"
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
    }
    result = render_input(
        TIME_INPUT,
        label,
        params,
        key=key,
        callback=on_change,
        args=args,
        kwargs=kwargs,
        call=call,
    )
    return result if isinstance(result, datetime.time) else None
