"""Sliders: ``st.slider`` (over numbers, dates, times or datetimes) and ``st.select_slider``.

A slider over dates is a selection slider of every step between the bounds.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from typing import Any

from jupyter_fragments._elements._core import render_input
from jupyter_fragments._elements.params import Callback, common_params, option_labels, option_list
from jupyter_fragments._widgets.base import index_of, number_type
from jupyter_fragments._widgets.sliders import (
    DATE_RANGE_SLIDER,
    DATE_SLIDER,
    SELECT_RANGE,
    SELECT_SLIDER,
    SLIDER,
)
from jupyter_fragments.errors import FragmentsAPIError


def slider(
    label: str,
    min_value: Any = None,
    max_value: Any = None,
    value: Any = None,
    step: Any = None,
    format: str | None = None,
    key: Any = None,
    help: str | None = None,
    on_change: Callback = None,
    args: Iterable[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    *,
    disabled: bool = False,
    label_visibility: str = "visible",
    width: str | int | None = None,
    persist_state: str | None = None,
    bind: str | None = None,
) -> Any:
    """A slider over ints or floats; a (low, high) ``value`` makes a range slider.

    Parameters
    ----------
    label : str
        The widget's label.
    min_value, max_value : int or float, optional
        The range (default 0 to 100 for ints, 0.0 to 1.0 for floats).
    value : int, float or (low, high), optional
        The starting value (default ``min_value``); a pair makes a range slider.
    step : int or float, optional
        The step (default 1, or 0.01 for floats).
    format : str, optional
        A printf-style format for the shown value, e.g. ``"%.1f"``, or one of
        Streamlit's names (``"percent"``, ``"dollar"``, ...). The readout shows the
        number; text around it (``"%d%%"``, ``"%.1f °C"``) goes beside the label.
    key, help, disabled, label_visibility
        As for every input (see ``st.checkbox``).
    on_change : callable, "rerun" or "ignore", optional
        Called (with ``args`` and ``kwargs``) before the rerun that the change causes;
        ``"ignore"``: no rerun, the value reaches the code with the next one.
    args, kwargs : optional
        Arguments for ``on_change``.
    persist_state : {"page", "session"}, optional
        With a ``key``: keep the value while the widget is not drawn, to get it back.
    bind : "query-params", optional
        With a ``key``: keep the value in ``st.query_params[key]`` too (a valid
        parameter there gives the first value; the default removes it).
    width : "stretch" or int, optional
        The slider's width (default: the notebook's usual width).

    Returns
    -------
    int, float or tuple
        The value (a tuple for a range slider). It moves while the user drags, and
        each move reruns the app (or fragment); a burst of moves ends in one rerun.

    Examples
    --------
    >>> n = st.slider("n", 0, 10, 5)
    >>> low, high = st.slider("range", 0.0, 1.0, (0.25, 0.75))
    """
    call = f"st.slider({label!r})"
    is_range = isinstance(value, (tuple, list))
    if is_range and len(value) != 2:
        raise FragmentsAPIError(
            f"{call} got value={value!r}. Fix: pass one number, or a (low, high) pair for a range."
        )
    numbers = [*(value if is_range else [value]), min_value, max_value, step]
    common = {**common_params(help, disabled, label_visibility), "input_width": width}
    if any(is_date(v) for v in numbers[:3]):
        return date_slider(label, min_value, max_value, value, step, format, common, key=key,
                           on_change=on_change, args=args, kwargs=kwargs,
                           persist_state=persist_state, bind=bind)  # fmt: skip
    params = {**common, **_number_params(call, min_value, max_value, value, step, numbers)}
    params["format"] = format
    return render_input(
        SLIDER, label, params, key=key, callback=on_change, args=args, kwargs=kwargs, call=call,
        persist_state=persist_state, bind=bind,
    )  # fmt: skip


def _number_params(
    call: str, min_value: Any, max_value: Any, value: Any, step: Any, numbers: list[Any]
) -> dict[str, Any]:
    """A number slider's bounds, step and starting value, checked, with Streamlit's defaults."""
    is_range = isinstance(value, (tuple, list))
    dtype = number_type(numbers)
    default_max = 100 if dtype == "int" else 1.0
    lo = min_value if min_value is not None else 0 if dtype == "int" else 0.0
    hi = max_value if max_value is not None else default_max
    if min_value is None and max_value is None and value is not None and not is_range:
        lo, hi = min(lo, value), max(hi, value)
    if lo > hi:
        raise FragmentsAPIError(
            f"{call} has min_value={lo!r} greater than max_value={hi!r}. "
            "Fix: pass min_value <= max_value."
        )
    if lo == hi:
        raise FragmentsAPIError(
            f"{call} has min_value equal to max_value ({lo!r}). Fix: widen the range."
        )
    if value is None:
        value = lo
    values = list(value) if is_range else [value]
    for v in values:
        if not lo <= v <= hi:
            raise FragmentsAPIError(
                f"{call} has value={value!r} outside [{lo!r}, {hi!r}]. "
                "Fix: pass a value between min_value and max_value."
            )
    if step is None:
        step = 1 if dtype == "int" else 0.01
    if step <= 0:
        raise FragmentsAPIError(f"{call} has step={step!r}. Fix: pass a positive step.")
    cast = int if dtype == "int" else float
    return {
        "min_value": cast(lo),
        "max_value": cast(hi),
        "step": cast(step),
        "value": tuple(cast(v) for v in values) if is_range else cast(values[0]),
        "dtype": dtype,
        "range": is_range,
    }


def select_slider(
    label: str,
    options: Iterable[Any] = (),
    value: Any = None,
    format_func: Callable[[Any], Any] = str,
    key: Any = None,
    help: str | None = None,
    on_change: Callback = None,
    args: Iterable[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    *,
    disabled: bool = False,
    label_visibility: str = "visible",
    width: str | int | None = None,
    persist_state: str | None = None,
    bind: str | None = None,
) -> Any:
    """A slider over a list of options; a (low, high) ``value`` makes a range.

    Returns the option (a tuple of two options for a range).

    Examples
    --------
    >>> size = st.select_slider("Size", ["S", "M", "L"], value="M")
    >>> low, high = st.select_slider("Range", ["a", "b", "c", "d"], value=("b", "c"))
    """
    call = f"st.select_slider({label!r})"
    opts = option_list(options, call)
    if not opts:
        raise FragmentsAPIError(f"{call} has no options. Fix: pass a non-empty list of options.")
    is_range = isinstance(value, (tuple, list))
    values = list(value) if is_range else [opts[0] if value is None else value]
    if is_range and len(values) != 2:
        raise FragmentsAPIError(
            f"{call} got value={value!r}. Fix: pass one option, or a (low, high) pair."
        )
    for v in values:
        if index_of(opts, v) is None:
            raise FragmentsAPIError(
                f"{call} got value {v!r}, which is not one of the options. "
                "Fix: pass a value taken from options."
            )
    return choose_on_slider(
        label,
        opts,
        values,
        is_range,
        option_labels(opts, format_func, call),
        {**common_params(help, disabled, label_visibility), "input_width": width},
        key=key,
        on_change=on_change,
        args=args,
        kwargs=kwargs,
        call=call,
        persist_state=persist_state,
        bind=bind,
    )


def choose_on_slider(
    label: str,
    opts: list[Any],
    values: list[Any],
    is_range: bool,
    labels: list[str],
    common: dict[str, Any],
    *,
    key: Any,
    on_change: Callback,
    args: Any,
    kwargs: Any,
    call: str,
    dates: bool = False,
    persist_state: str | None = None,
    bind: str | None = None,
) -> Any:
    """Draw a selection slider (one option or a range) and return its value."""
    if is_range:
        kind: Any = DATE_RANGE_SLIDER if dates else SELECT_RANGE
    else:
        kind = DATE_SLIDER if dates else SELECT_SLIDER
    params = {
        **common,
        "options": opts,
        "labels": labels,
        "value": tuple(values) if is_range else values[0],
        "index": index_of(opts, values[0]),
        "range": is_range,
    }
    return render_input(
        kind,
        label,
        params,
        key=key,
        callback=on_change,
        args=args,
        kwargs=kwargs,
        call=call,
        persist_state=persist_state,
        bind=bind,
    )


_MAX_STEPS = 10_000


def date_slider(
    label: str,
    min_value: Any,
    max_value: Any,
    value: Any,
    step: Any,
    format: str | None,
    common: dict[str, Any],
    *,
    key: Any,
    on_change: Callback,
    args: Any,
    kwargs: Any,
    persist_state: str | None = None,
    bind: str | None = None,
) -> Any:
    """``st.slider`` over dates, times or datetimes: returns the same type (tuples for ranges).

    Defaults as in Streamlit: bounds 14 days around the value (the whole day for times),
    steps of one day (15 minutes for times).
    """
    call = f"st.slider({label!r})"
    is_range = isinstance(value, (tuple, list))
    values = list(value) if is_range else [value]
    given = [v for v in (*values, min_value, max_value) if v is not None]
    types = {_date_type(v) for v in given}
    if len(types) != 1 or None in types:
        raise FragmentsAPIError(
            f"{call} mixes {sorted(str(t) for t in types)} values. Fix: pass min_value, "
            "max_value and value all as dates, all as datetimes or all as times."
        )
    dtype = str(types.pop())
    if is_range and len(values) != 2:
        raise FragmentsAPIError(f"{call} got value={value!r}. Fix: pass a (low, high) pair.")
    anchor = values[0] if values[0] is not None else (min_value or max_value)
    if dtype == "time":
        low = min_value if min_value is not None else datetime.time(0, 0)
        high = max_value if max_value is not None else datetime.time(23, 59, 59)
        step = step if step is not None else datetime.timedelta(minutes=15)
    else:
        low = min_value if min_value is not None else anchor - datetime.timedelta(days=14)
        high = max_value if max_value is not None else anchor + datetime.timedelta(days=14)
        step = step if step is not None else datetime.timedelta(days=1)
    values = [low if v is None else v for v in values]
    if not isinstance(step, datetime.timedelta) or step <= datetime.timedelta(0):
        raise FragmentsAPIError(f"{call} got step={step!r}. Fix: pass a positive timedelta.")
    if low >= high:
        raise FragmentsAPIError(
            f"{call} has min_value={low} not before max_value={high}. "
            "Fix: pass min_value < max_value."
        )
    for v in values:
        if not low <= v <= high:
            raise FragmentsAPIError(
                f"{call} has value {v} outside [{low}, {high}]. "
                "Fix: pass a value between min_value and max_value."
            )
    options = _steps(low, high, step, dtype, call)
    chosen = [_nearest(options, v) for v in values]
    labels = [_label(o, format) for o in options]
    return choose_on_slider(
        label,
        options,
        chosen,
        is_range,
        labels,
        common,
        key=key,
        on_change=on_change,
        args=args,
        kwargs=kwargs,
        call=call,
        persist_state=persist_state,
        bind=bind,
        dates=True,
    )


def _nearest(options: list[Any], value: Any) -> Any:
    target = _ordinal(value)
    return min(options, key=lambda option: abs(_ordinal(option) - target))


def _date_type(value: Any) -> str | None:
    if isinstance(value, datetime.datetime):
        return "datetime"
    if isinstance(value, datetime.date):
        return "date"
    if isinstance(value, datetime.time):
        return "time"
    return None


def _ordinal(value: Any) -> float:
    if isinstance(value, datetime.time):
        return value.hour * 3600 + value.minute * 60 + value.second + value.microsecond / 1e6
    if isinstance(value, datetime.datetime):
        return (
            value.timestamp()
            if value.tzinfo
            else (value - datetime.datetime(1, 1, 1)).total_seconds()
        )
    return float(value.toordinal() * 86400)


def _steps(low: Any, high: Any, step: datetime.timedelta, dtype: str, call: str) -> list[Any]:
    base = datetime.date(2000, 1, 1)
    current = datetime.datetime.combine(base, low) if dtype == "time" else low
    end = datetime.datetime.combine(base, high) if dtype == "time" else high
    if dtype == "date" and step < datetime.timedelta(days=1):
        step = datetime.timedelta(days=1)
    options: list[Any] = []
    while current <= end:
        options.append(current.time() if dtype == "time" else current)
        if len(options) > _MAX_STEPS:
            raise FragmentsAPIError(
                f"{call} would have more than {_MAX_STEPS} steps. "
                "Fix: pass a larger step= or a narrower range."
            )
        current = current + step
    return options


def _label(value: Any, format: str | None) -> str:
    if format and "%" in format:
        return str(value.strftime(format))
    return str(
        value.isoformat(sep=" ") if isinstance(value, datetime.datetime) else value.isoformat()
    )


def is_date(value: Any) -> bool:
    """Whether ``value`` makes ``st.slider`` a date slider (a date, time or datetime)."""
    return isinstance(value, (datetime.date, datetime.time, datetime.datetime))
