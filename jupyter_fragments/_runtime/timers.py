"""``run_every``: the interval forms Streamlit accepts, and the timers that rerun fragments."""

from __future__ import annotations

import asyncio
import datetime
import math
import re
import signal
import threading
from collections.abc import Callable
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


class _Timer:
    def __init__(self, app: Any, scope: Any, interval: float) -> None:
        self.app = app
        self.scope = scope
        self.interval = interval
        self.due = 0.0
        self.handle: asyncio.TimerHandle | None = None
        self.ticks = 0


class TimerManager:
    """The ``run_every`` timers of a kernel, on the kernel's event loop.

    Each timer is a one-shot ``call_later`` re-armed after its tick, so a kernel that
    was busy (a blocking cell) runs at most one late tick and then keeps the rhythm;
    ticks run on the main thread and so never overlap a run.
    """

    def __init__(self, min_interval: Callable[[], float], changed: Callable[[], None]) -> None:
        self._timers: dict[tuple[str, str], _Timer] = {}
        self._min_interval = min_interval
        self._changed = changed

    def __len__(self) -> int:
        return len(self._timers)

    def count(self, app: Any) -> int:
        return sum(1 for timer in self._timers.values() if timer.app is app)

    def interval(self, app: Any, scope: Any) -> float | None:
        timer = self._timers.get((app.id, scope.id))
        return timer.interval if timer is not None else None

    def set(self, app: Any, scope: Any, interval: float | None) -> None:
        """Start, change or (with None) stop the timer of one fragment scope."""
        key = (app.id, scope.id)
        timer = self._timers.get(key)
        if interval is not None:
            interval = max(interval, self._min_interval())
        if timer is not None and timer.interval == interval:
            return
        if timer is not None:
            self._cancel(key)
        if interval is None:
            if timer is not None:
                self._changed()
            return
        timer = self._timers[key] = _Timer(app, scope, interval)
        loop = event_loop()
        timer.due = loop.time() + interval
        timer.handle = loop.call_at(timer.due, self._tick, key, timer)
        self._changed()

    def stop_app(self, app: Any) -> None:
        for key in [k for k, t in self._timers.items() if t.app is app]:
            self._cancel(key)
        self._changed()

    def stop_all(self) -> None:
        for key in list(self._timers):
            self._cancel(key)

    def _cancel(self, key: tuple[str, str]) -> None:
        timer = self._timers.pop(key, None)
        if timer is not None and timer.handle is not None:
            timer.handle.cancel()

    def _tick(self, key: tuple[str, str], timer: _Timer) -> None:
        if self._timers.get(key) is not timer:
            return
        app, scope = timer.app, timer.scope
        if app.closed or not scope.alive:
            self._cancel(key)
            self._changed()
            return
        timer.ticks += 1
        saved = _allow_interrupts()
        try:
            app.request(scope)
        except KeyboardInterrupt:
            pass  # came after the run ended (it shows its own interrupts): nothing to stop
        finally:
            _restore_interrupts(saved)
            if self._timers.get(key) is timer:
                loop = event_loop()
                now = loop.time()
                timer.due += timer.interval
                if timer.due <= now:  # late (a busy kernel): no catch-up burst
                    timer.due = now + timer.interval
                timer.handle = loop.call_at(timer.due, self._tick, key, timer)


def _allow_interrupts() -> Any:
    """Let a kernel interrupt stop a tick's run, as ipykernel does for each message it
    handles; between messages (where ticks run) ipykernel ignores SIGINT."""
    if threading.current_thread() is not threading.main_thread():
        return None
    try:
        return signal.signal(signal.SIGINT, signal.default_int_handler)
    except (ValueError, OSError):
        return None


def _restore_interrupts(saved: Any) -> None:
    if saved is not None:
        signal.signal(signal.SIGINT, saved)


def event_loop() -> asyncio.AbstractEventLoop:
    """The running asyncio loop (the kernel's, on the main thread)."""
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.get_event_loop_policy().get_event_loop()
