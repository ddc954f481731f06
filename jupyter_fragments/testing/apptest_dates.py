"""Date and time inputs as ``AppTest`` hands them out: ``st.date_input``,
``st.time_input`` and ``st.datetime_input``, read from and written to ipywidgets' pickers.

ipywidgets sends dates as ``{"year", "month", "date"}`` with months zero-based, as
JavaScript's ``Date``, and times as ``{"hours", "minutes", "seconds", "milliseconds"}``.
"""

from __future__ import annotations

import datetime
from typing import Any

from .apptest_widgets import Send, Widget

__all__ = ["DateInput", "DateTimeInput", "TimeInput"]


def _date(state: dict[str, Any]) -> datetime.date | None:
    value = state.get("value")
    if not isinstance(value, dict):
        return None
    # ipywidgets sends months zero-based, as JavaScript's Date
    return datetime.date(value["year"], value["month"] + 1, value["date"])


def _date_json(day: Any) -> dict[str, int] | None:
    if day is None:
        return None
    if isinstance(day, datetime.datetime):
        day = day.date()
    if isinstance(day, str):
        day = datetime.date.fromisoformat(day)
    return {"year": day.year, "month": day.month - 1, "date": day.day}


class DateInput(Widget):
    """``st.date_input``: a date, or a (start, end) tuple for a range."""

    @property
    def is_range(self) -> bool:
        return bool(self.parts)

    def read(self) -> Any:
        if self.parts:
            return tuple(d for d in (_date(state) for _, state in self.parts) if d is not None)
        return _date(self.state)

    def sends(self, value: Any) -> list[Send]:
        if not self.parts:
            return [("update", self.id, {"value": _date_json(value)})]
        days = (*value, None, None)[:2] if isinstance(value, list | tuple) else (value, None)
        return [
            ("update", model_id, {"value": _date_json(day)})
            for (model_id, _), day in zip(self.parts, days, strict=False)
        ]


class TimeInput(Widget):
    """``st.time_input``: ``increment()`` and ``decrement()`` move by ``step`` seconds."""

    @property
    def step(self) -> float:
        return float(self.state.get("step") or 900)

    def read(self) -> datetime.time | None:
        value = self.state.get("value")
        if not isinstance(value, dict):
            return None
        millis = value.get("milliseconds", 0) or 0
        return datetime.time(value["hours"], value["minutes"], value["seconds"], int(millis * 1000))

    def sends(self, value: Any) -> list[Send]:
        if isinstance(value, datetime.datetime):
            value = value.time()
        if isinstance(value, str):
            value = datetime.time.fromisoformat(value)
        state = None
        if value is not None:
            state = {
                "hours": value.hour,
                "minutes": value.minute,
                "seconds": value.second,
                # an int, as browsers send it (ipywidgets cannot read a float back)
                "milliseconds": value.microsecond // 1000,
            }
        return [("update", self.id, {"value": state})]

    def _moved(self, seconds: float) -> datetime.time:
        current = self.value or datetime.time(0, 0)
        start = datetime.datetime.combine(datetime.date(2000, 1, 1), current)
        return (start + datetime.timedelta(seconds=seconds)).time()

    def increment(self) -> TimeInput:
        return self.set_value(self._moved(self.step))

    def decrement(self) -> TimeInput:
        return self.set_value(self._moved(-self.step))


def _moment(value: Any) -> datetime.datetime | None:
    """A NaiveDatetimePicker's value (or bound) as a datetime."""
    if not isinstance(value, dict) or "hours" not in value:
        return None
    millis = int(value.get("milliseconds") or 0)
    return datetime.datetime(
        value["year"], value["month"] + 1, value["date"],
        value["hours"], value["minutes"], value["seconds"], millis * 1000,
    )  # fmt: skip


def _moment_json(value: Any) -> dict[str, int] | None:
    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.datetime.fromisoformat(value.strip())
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        value = datetime.datetime.combine(value, datetime.time(0, 0))
    if not isinstance(value, datetime.datetime):
        raise TypeError(
            f"st.datetime_input takes a datetime, a date or an ISO string, got {value!r}. "
            "Fix: pass e.g. datetime.datetime(2025, 1, 31, 9, 30)."
        )
    return {
        "year": value.year,
        "month": value.month - 1,
        "date": value.day,
        "hours": value.hour,
        "minutes": value.minute,
        "seconds": value.second,
        "milliseconds": value.microsecond // 1000,
    }


class DateTimeInput(Widget):
    """``st.datetime_input``: ``value`` is a datetime (or None); ``set_value`` takes a
    datetime, a date (at midnight) or an ISO string. Its ``type`` is
    ``"date_time_input"``, as in Streamlit; ``at.datetime_input`` lists them.

    ``min`` and ``max`` are the bounds as datetimes (Streamlit gives strings).
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.type = "date_time_input"

    @property
    def min(self) -> datetime.datetime | None:
        return _moment(self.state.get("min"))

    @property
    def max(self) -> datetime.datetime | None:
        return _moment(self.state.get("max"))

    def read(self) -> datetime.datetime | None:
        return _moment(self.state.get("value"))

    def sends(self, value: Any) -> list[Send]:
        return [("update", self.id, {"value": _moment_json(value)})]
