"""Date and time kinds: ``st.date_input`` (one date or a range), ``st.time_input`` and
``st.datetime_input``.

(``st.slider`` over dates is a selection slider: see `jupyter_fragments._widgets.sliders`.)
"""

from __future__ import annotations

import datetime
from typing import Any

import ipywidgets as widgets
import traitlets

from jupyter_fragments._page.pool import ModelPool
from jupyter_fragments._widgets.base import InputKind, Params


def to_date(value: Any) -> datetime.date | None:
    """A date from a date, a datetime or an ISO string (None stays None)."""
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str):
        return datetime.date.fromisoformat(value.strip()[:10])
    raise TypeError(f"{value!r} is not a date")


def to_datetime(value: Any, day: datetime.date, clock: datetime.time) -> datetime.datetime | None:
    """A naive datetime to the minute, as Streamlit reads ``st.datetime_input`` values.

    A date is taken at ``clock``, a time on ``day``; strings are ISO datetimes, dates or
    times (or ``YYYY/MM/DD hh:mm``); ``"now"`` is the current minute.
    """
    if value is None:
        return None
    if isinstance(value, str):
        value = _parse_datetime(value.strip(), day, clock)
    if isinstance(value, datetime.datetime):
        return value.replace(tzinfo=None, second=0, microsecond=0)
    if isinstance(value, datetime.date):
        return datetime.datetime.combine(value, clock)
    if isinstance(value, datetime.time):
        return datetime.datetime.combine(day, value.replace(second=0, microsecond=0))
    raise TypeError(f"{value!r} is not a datetime")


def _parse_datetime(text: str, day: datetime.date, clock: datetime.time) -> Any:
    if text == "now":
        return datetime.datetime.now()
    for parse in (
        datetime.datetime.fromisoformat,
        lambda t: datetime.datetime.strptime(t, "%Y/%m/%d %H:%M"),
        lambda t: datetime.datetime.strptime(t, "%Y/%m/%d %H:%M:%S"),
        datetime.date.fromisoformat,
        datetime.time.fromisoformat,
    ):
        try:
            return parse(text)
        except ValueError:
            continue
    raise ValueError(f"{text!r} is not an ISO datetime, date or time")


class DateKind(InputKind):
    """``st.date_input`` with one date: a DatePicker bounded by min and max."""

    name = "date_input"

    def default(self, params: Params) -> Any:
        return params["value"]

    def coerce(self, params: Params, value: Any) -> Any:
        try:
            day = to_date(value)
        except (TypeError, ValueError):
            return params["value"]
        if day is None:
            return params["value"] if params.get("required") else None
        return min(max(day, params["min_value"]), params["max_value"])

    def traits(self, label: str, params: Params) -> dict[str, Any]:
        traits = super().traits(label, params)
        traits.update(min=params["min_value"], max=params["max_value"])
        return traits

    def create(self, label: str, params: Params, value: Any, pool: ModelPool) -> widgets.DOMWidget:
        return widgets.DatePicker(
            value=value, layout=pool.layout(), style=self.style(pool), **self.traits(label, params)
        )


class DateRange(widgets.HBox):  # type: ignore[misc]
    """Two DatePickers whose ``value`` (kernel-side only) is the chosen (start, end)."""

    value = traitlets.Tuple()

    def __init__(self, start: widgets.DatePicker, end: widgets.DatePicker, **kwargs: Any) -> None:
        super().__init__(children=(start, end), **kwargs)
        self.start, self.end = start, end
        self.value = self._read()
        start.observe(self._changed, names="value")
        end.observe(self._changed, names="value")

    def _read(self) -> tuple[Any, ...]:
        return tuple(d for d in (self.start.value, self.end.value) if d is not None)

    def _changed(self, change: Any) -> None:
        self.value = self._read()

    def close(self) -> None:
        for picker in (self.start, self.end):
            picker.close()
        super().close()


class DateRangeKind(DateKind):
    """``st.date_input`` with a tuple value: a start and an end picker."""

    def identity(self, params: Params) -> tuple[Any, ...]:
        return ("range",)

    def coerce(self, params: Params, value: Any) -> Any:
        if not isinstance(value, (tuple, list)) or len(value) > 2:
            return params["value"]
        days = [DateKind.coerce(self, params, v) for v in value]
        days = sorted(d for d in days if d is not None)
        return tuple(days)

    def create(self, label: str, params: Params, value: Any, pool: ModelPool) -> widgets.DOMWidget:
        traits = self.traits(label, params)
        shared = {"style": self.style(pool), "layout": pool.layout()}
        start = widgets.DatePicker(value=value[0] if value else None, **shared, **traits)
        traits["description"] = "to"
        end = widgets.DatePicker(value=value[1] if len(value) > 1 else None, **shared, **traits)
        return DateRange(start, end, layout=pool.layout(), _dom_classes=("jf-date-range",))

    def update(self, widget: widgets.DOMWidget, label: str, params: Params) -> None:
        traits = self.traits(label, params)
        InputKind.update(self, widget.start, label, params)
        traits["description"] = "to"
        for name, wanted in traits.items():
            if getattr(widget.end, name) != wanted:
                setattr(widget.end, name, wanted)

    def read(self, widget: widgets.DOMWidget, params: Params) -> Any:
        return tuple(widget.value)

    def write(self, widget: widgets.DOMWidget, params: Params, value: Any) -> None:
        start, end = (*value, None, None)[:2]
        with widget.hold_trait_notifications():
            if widget.start.value != start:
                widget.start.value = start
            if widget.end.value != end:
                widget.end.value = end


class TimeKind(InputKind):
    """``st.time_input``: a TimePicker stepping by ``step`` seconds."""

    name = "time_input"

    def coerce(self, params: Params, value: Any) -> Any:
        if value is None and params.get("required"):
            return params["value"]
        if value is None or isinstance(value, datetime.time):
            return value
        if isinstance(value, datetime.datetime):
            return value.time()
        if isinstance(value, str):
            return datetime.time.fromisoformat(value.strip())
        return params["value"]

    def traits(self, label: str, params: Params) -> dict[str, Any]:
        traits = super().traits(label, params)
        traits["step"] = float(params["step"])
        return traits

    def create(self, label: str, params: Params, value: Any, pool: ModelPool) -> widgets.DOMWidget:
        return widgets.TimePicker(
            value=value, layout=pool.layout(), style=self.style(pool), **self.traits(label, params)
        )


class DatetimeKind(DateKind):
    """``st.datetime_input``: a NaiveDatetimePicker bounded by min and max."""

    name = "datetime_input"

    def coerce(self, params: Params, value: Any) -> Any:
        low, high = params["min_value"], params["max_value"]
        try:
            moment = to_datetime(value, datetime.date.today(), datetime.time(0, 0))
        except (TypeError, ValueError):
            return params["value"]
        if moment is None:
            return params["value"] if params.get("required") else None
        return min(max(moment, low), high)

    def create(self, label: str, params: Params, value: Any, pool: ModelPool) -> widgets.DOMWidget:
        return widgets.NaiveDatetimePicker(
            value=value, layout=pool.layout(), style=self.style(pool), **self.traits(label, params)
        )


DATE_INPUT = DateKind()
DATE_RANGE = DateRangeKind()
TIME_INPUT = TimeKind()
DATETIME_INPUT = DatetimeKind()
