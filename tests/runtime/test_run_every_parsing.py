"""``run_every`` forms (pure logic: no kernel needed)."""

from __future__ import annotations

import datetime

import pytest

from jupyter_fragments._runtime.timers import parse_run_every


@pytest.mark.parametrize(
    ("value", "seconds"),
    [
        (2, 2.0),
        (0.5, 0.5),
        ("250ms", 0.25),
        ("0.5s", 0.5),
        ("10s", 10.0),
        ("1m", 60.0),
        ("1 minute", 60.0),
        ("2 minutes", 120.0),
        ("1h", 3600.0),
        ("1h 30m", 5400.0),
        ("1.5", 1.5),
        (datetime.timedelta(milliseconds=300), 0.3),
        (None, None),
        (0, None),
        ("0s", None),
    ],
)
def test_accepted_forms(value: object, seconds: float | None) -> None:
    assert parse_run_every(value) == seconds


@pytest.mark.parametrize(
    ("value", "error"),
    [
        ("fast", ValueError),
        ("10 parsecs", ValueError),
        ("", ValueError),
        (-1, ValueError),
        (float("nan"), ValueError),
        (True, TypeError),
        ([1], TypeError),
        (object(), TypeError),
    ],
)
def test_other_forms_are_clear_errors(value: object, error: type[Exception]) -> None:
    with pytest.raises(error) as raised:
        parse_run_every(value)
    message = str(raised.value)
    assert "run_every=" in message and "Fix:" in message and "'250ms'" in message
