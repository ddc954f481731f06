"""What a person trying an app does to each input, for ``pytest --nbapps-poke``.

`gestures` turns one input into the few gestures worth trying (click a button, move a
slider to each end, pick each option, type into a text box, flip a checkbox); `poke`
plays them on a live app and stops at the first one after which the app shows an error.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from .app import AppHandle, WidgetHandle
from .results import ErrorInfo, HarnessError, HarnessTimeout, Interaction

__all__ = ["Gesture", "PokeFailure", "gestures", "poke"]

MAX_OPTIONS = 12  # options tried one by one in a selection; more are sampled at the ends
MAX_GESTURES = 200  # per app: an app that keeps growing inputs is not poked forever
TYPED = "hello"


@dataclass(frozen=True)
class Gesture:
    """One thing a person does to one input: ``what`` says it in words."""

    what: str
    act: Callable[[], Interaction]


@dataclass(frozen=True)
class PokeFailure:
    """The gesture after which the app showed an error, and that error."""

    what: str
    error: ErrorInfo | None
    message: str

    def __str__(self) -> str:
        lines = [f"{self.what} broke the app: {self.message}"]
        if self.error is not None and self.error.traceback:
            lines += ["", self.error.traceback_text]
        return "\n".join(lines)


def _name(handle: WidgetHandle) -> str:
    return f"{handle.kind} {handle.label!r}"


def _sample(labels: list[str]) -> list[str]:
    if len(labels) <= MAX_OPTIONS:
        return labels
    half = MAX_OPTIONS // 2
    return labels[:half] + labels[-half:]


def _choices(handle: WidgetHandle, state: dict[str, Any], kind: str) -> Iterator[Gesture]:
    labels = [str(label) for label in state.get("_options_labels", [])]
    if not labels:
        return
    name = _name(handle)
    many = isinstance(state.get("index"), list | tuple)
    if kind == "SelectionRangeSlider":
        ends = [labels[0], labels[-1]]
        yield Gesture(f"moving {name} to its ends {ends}", lambda: handle.select(ends))
    elif kind == "SelectionSlider":
        for label, end in ((labels[0], "first"), (labels[-1], "last")):
            yield Gesture(f"moving {name} to {label!r} (its {end} option)", _select(handle, label))
    elif many:
        for label in _sample(labels):
            yield Gesture(f"choosing only {label!r} in {name}", _select(handle, [label]))
        yield Gesture(f"choosing every option of {name}", _select(handle, labels))
        yield Gesture(f"choosing nothing in {name}", _select(handle, []))
    else:
        for label in _sample(labels):
            yield Gesture(f"choosing {label!r} in {name}", _select(handle, label))


def _select(handle: WidgetHandle, label: str | list[str]) -> Callable[[], Interaction]:
    return lambda: handle.select(label)


def _set(handle: WidgetHandle, value: Any) -> Callable[[], Interaction]:
    return lambda: handle.set_value(value)


def _type(handle: WidgetHandle, text: str) -> Callable[[], Interaction]:
    return lambda: handle.type(text)


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _numbers(handle: WidgetHandle, state: dict[str, Any]) -> Iterator[Gesture]:
    value, low, high = state.get("value"), state.get("min"), state.get("max")
    name = _name(handle)
    if isinstance(value, list | tuple):
        if _number(low) and _number(high):
            yield Gesture(f"moving {name} to its ends ({low}, {high})", _set(handle, [low, high]))
        return
    if _number(low) and _number(high):
        yield Gesture(f"moving {name} to {low} (its minimum)", _set(handle, low))
        yield Gesture(f"moving {name} to {high} (its maximum)", _set(handle, high))
    else:
        zero = 0 if isinstance(value, int) else 0.0
        yield Gesture(f"entering {zero} in {name}", _set(handle, zero))


def gestures(handle: WidgetHandle) -> list[Gesture]:
    """The gestures a person would try on this input (none if it is disabled).

    Examples
    --------
    >>> [g.what for g in gestures(app.slider("n"))]  # doctest: +SKIP
    ["moving slider 'n' to 0 (its minimum)", "moving slider 'n' to 10 (its maximum)"]
    """
    model = handle.model
    state = model.state
    if state.get("disabled"):
        return []
    name = _name(handle)
    if model.kind == "Button":
        return [Gesture(f"clicking {name}", handle.click)]
    if "_options_labels" in state:
        return list(_choices(handle, state, model.kind))
    value = state.get("value")
    if isinstance(value, bool):
        what = "unchecking" if value else "checking"
        return [Gesture(f"{what} {name}", _set(handle, not value))]
    if model.kind == "ColorPicker":
        return [Gesture(f"picking black in {name}", _set(handle, "#000000"))]
    if _number(value) or (isinstance(value, list | tuple) and "min" in state):
        return list(_numbers(handle, state))
    if isinstance(value, str):
        return [
            Gesture(f"typing {TYPED!r} into {name}", _type(handle, TYPED)),
            Gesture(f"emptying {name}", _type(handle, "")),
        ]
    return []  # dates, files, chat boxes, custom widgets: left alone


def _failure(app: AppHandle, what: str, hit: Interaction | None) -> PokeFailure | None:
    """The error the app shows after ``what`` (a scope whose last run raised), if any."""
    for scope in app.scopes:
        error = scope.error
        if error is None:
            continue
        shown = scope.exceptions
        match = [e for e in shown if str(e) == str(error)] or shown
        return PokeFailure(what, match[-1] if match else None, str(error))
    if hit is not None and hit.error is not None:
        return PokeFailure(what, hit.error, str(hit.error))
    return None


def poke(app: AppHandle) -> tuple[int, PokeFailure | None]:
    """Try every input of ``app`` once, in page order, inputs that appear on the way too.

    Returns how many gestures were played and the first that broke the app (None if
    none did). An input that went away before its turn is skipped.
    """
    queue = [w.model_id for w in app.widgets]
    seen, played = set(queue), 0
    while queue and played < MAX_GESTURES:
        model_id = queue.pop(0)
        handle = next((w for w in app.widgets if w.model_id == model_id), None)
        try:
            tries = gestures(handle) if handle is not None else []
        except HarnessError:
            continue  # closed by an earlier gesture
        for gesture in tries:
            try:
                hit: Interaction | None = gesture.act()
            except HarnessTimeout as exc:
                return played + 1, PokeFailure(gesture.what, None, f"the app hung ({exc})")
            except HarnessError:
                break  # the input went away (an earlier gesture of its own hid it)
            played += 1
            failure = _failure(app, gesture.what, hit)
            if failure is not None:
                return played, failure
        for widget in app.widgets:
            if widget.model_id not in seen:
                seen.add(widget.model_id)
                queue.append(widget.model_id)
    return played, None
