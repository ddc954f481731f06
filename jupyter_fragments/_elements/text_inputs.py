"""Typed-in inputs: ``st.text_input``, ``st.text_area`` and ``st.number_input``."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from jupyter_fragments._elements._core import context, render_input
from jupyter_fragments._elements.params import Callback, common_params
from jupyter_fragments._runtime.timers import parse_run_every
from jupyter_fragments._widgets.base import number_type
from jupyter_fragments._widgets.text import NUMBER_INPUT, TEXT_AREA, TEXT_INPUT
from jupyter_fragments._widgets.text_rules import TextRule
from jupyter_fragments.errors import FragmentsAPIError


def text_input(
    label: str,
    value: str | None = "",
    max_chars: int | None = None,
    key: Any = None,
    type: str = "default",
    help: str | None = None,
    autocomplete: str | None = None,
    on_change: Callback = None,
    args: Iterable[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    *,
    placeholder: str | None = None,
    disabled: bool = False,
    required: bool = False,
    label_visibility: str = "visible",
    icon: str | None = None,
    validate: str | tuple[str, str] | None = None,
    live: bool | str = False,
    width: str | int | None = None,
    persist_state: str | None = None,
    bind: str | None = None,
) -> str | None:
    """A single-line text input; its value is sent on Enter or when it loses focus.

    Parameters
    ----------
    label : str
        The widget's label.
    value : str or None
        The starting text; None returns None until the user types.
    max_chars : int, optional
        Longer text is cut to this length.
    type : {"default", "password", "email", "url", "phone", "search"}
        ``"password"`` hides what is typed; ``"email"`` and ``"url"`` check the format
        (unless ``validate`` says otherwise); each gives its example as placeholder.
    placeholder : str, optional
        Shown while the input is empty (after the emoji ``icon``, if one is given).
    key, help, on_change, args, kwargs, disabled, label_visibility
        As for every input (see ``st.checkbox``).
    required : bool
        An empty or blank value is refused: outside a form the app keeps the last
        value (no rerun), in a form the form is not submitted.
    validate : str or (str, str), optional
        A regular expression the text must match (searched, not anchored), or a
        ``(regex, message)`` pair; ``""`` turns the type's own check off. A refused
        value is not committed; the label says why (the message, if given). An empty
        value is not checked.
    live : bool or str
        Commit while typing: True after a 250 ms pause, or a pause such as ``"500ms"``
        (``"0ms"``: every change), up to one minute. No effect in a form.
    width : "stretch" or int, optional
        The input's width (default: the notebook's usual width).

    Examples
    --------
    >>> name = st.text_input("Name", placeholder="Ada")
    >>> st.write("Hello", name)
    """
    call = f"st.text_input({label!r})"
    params = {
        **common_params(help, disabled, label_visibility),
        **_typed(call, type, placeholder, icon),
        "value": value,
        "max_chars": max_chars,
        "input_width": width,
    }
    rule = _rule(call, required, _TYPE_CHECKS.get(type) if validate is None else validate, live)
    params.update(rule=rule, pattern=rule.pattern)
    text: str | None = render_input(TEXT_INPUT, label, params, key=key, callback=on_change,
        args=args, kwargs=kwargs, call=call, persist_state=persist_state, bind=bind,
    )  # fmt: skip
    return text


_TEXT_TYPES = ("default", "password", "email", "url", "phone", "search")
#: Streamlit 1.67's checks and examples for the specialized types
_TYPE_CHECKS = {
    "email": (r"^[^\s@]+@[^\s@]+\.[^\s@]+$", "Enter a valid email address."),
    "url": (r"^([Hh][Tt][Tt][Pp][Ss]?://)?[^\s/.]+\.[^\s]+$", "Enter a valid URL."),
}
_TYPE_PLACEHOLDERS = {
    "email": "you@example.com",
    "url": "https://example.com",
    "phone": "+1 234 567 8900",
    "search": "Search",
}


def _typed(call: str, type: str, placeholder: str | None, icon: str | None) -> dict[str, Any]:
    """The parameters ``type`` decides: the kind of box and its placeholder."""
    if type not in _TEXT_TYPES:
        raise FragmentsAPIError(
            f"{call} got type={type!r}, which is not supported. "
            f"Fix: use one of {', '.join(repr(t) for t in _TEXT_TYPES)}."
        )
    if placeholder is None:
        placeholder = _TYPE_PLACEHOLDERS.get(type)
    return {"type": type, "placeholder": _with_icon(placeholder, icon)}


def _with_icon(placeholder: str | None, icon: str | None) -> str | None:
    """Streamlit draws ``icon`` inside the input, left of the text: here, in the placeholder."""
    if not icon or icon.startswith(":material/") or icon == "spinner":
        return placeholder
    return f"{icon} {placeholder or ''}".rstrip()


def _rule(call: str, required: bool, validate: Any, live: Any) -> TextRule:
    """The checks of a text input: ``required``, ``validate`` (a regex, or a regex and a
    message) and ``live`` (the typing pause that commits; none in a form)."""
    pair: tuple[Any, ...] = validate if isinstance(validate, tuple) else (validate, None)
    pattern, message = pair if len(pair) == 2 else (None, pair)
    if not isinstance(pattern, str | None) or not isinstance(message, str | None):
        raise FragmentsAPIError(
            f"{call} got validate={validate!r}. Fix: pass a regular expression, or a "
            "(regex, message) pair."
        )
    try:
        re.compile(pattern or "")
    except re.error as exc:
        raise FragmentsAPIError(
            f"{call} got validate={pattern!r}, which is not a regular expression ({exc}). "
            "Fix: correct the pattern."
        ) from None
    ctx = context()
    in_form = ctx is not None and ctx.block.form is not None
    pause = None if in_form else _pause(live, call)
    return TextRule(bool(required), pattern or None, message, pause)


def _pause(live: Any, call: str) -> float | None:
    """``live`` as seconds of typing pause (None: commit on Enter or blur)."""
    if live is True or live is False:
        return 0.25 if live else None
    fix = "Fix: pass True (a 250 ms pause), False, or a duration such as '300ms' up to '1m'."
    if not isinstance(live, str):
        raise FragmentsAPIError(f"{call} got live={live!r}. {fix}")
    try:
        seconds = parse_run_every(live) or 0.0
    except (TypeError, ValueError):
        raise FragmentsAPIError(f"{call} got live={live!r}, not a duration. {fix}") from None
    if seconds > 60:
        raise FragmentsAPIError(f"{call} got live={live!r}, over a minute. {fix}")
    return seconds


def text_area(
    label: str,
    value: str | None = "",
    height: int | None = None,
    max_chars: int | None = None,
    key: Any = None,
    help: str | None = None,
    on_change: Callback = None,
    args: Iterable[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    *,
    placeholder: str | None = None,
    disabled: bool = False,
    required: bool = False,
    label_visibility: str = "visible",
    width: str | int | None = None,
    persist_state: str | None = None,
    bind: str | None = None,
) -> str | None:
    """A multi-line text input; its value is sent when it loses focus.

    Parameters are those of `text_input`, plus ``height`` in pixels (``value=None``
    and ``required`` as there; no ``validate`` or ``live``).

    Examples
    --------
    >>> notes = st.text_area("Notes", height=120)
    """
    params = {
        **common_params(help, disabled, label_visibility),
        "value": value,
        "height": height,
        "max_chars": max_chars,
        "placeholder": placeholder,
        "input_width": width,
        "rule": TextRule(required=bool(required)),
    }
    text: str | None = render_input(TEXT_AREA, label, params, key=key, callback=on_change,
        args=args, kwargs=kwargs, call=f"st.text_area({label!r})",
        persist_state=persist_state, bind=bind,
    )  # fmt: skip
    return text


def number_input(
    label: str,
    min_value: Any = None,
    max_value: Any = None,
    value: Any = "min",
    step: Any = None,
    format: str | None = None,
    key: Any = None,
    help: str | None = None,
    on_change: Callback = None,
    args: Iterable[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    *,
    placeholder: str | None = None,
    disabled: bool = False,
    required: bool = False,
    label_visibility: str = "visible",
    icon: str | None = None,
    width: str | int | None = None,
    persist_state: str | None = None,
    bind: str | None = None,
) -> Any:
    """A number input; ints when every number given is an int, floats otherwise.

    ``width`` sizes it (default: the notebook's usual width); ``required`` and ``icon``
    are accepted for Streamlit's signature (a notebook's number box has neither).

    Parameters
    ----------
    label : str
        The widget's label.
    min_value, max_value : int or float, optional
        Bounds; values outside are clamped.
    value : int, float, "min" or None
        The starting value (``"min"``: ``min_value``, or 0).
    step : int or float, optional
        The step of the arrows (default 1, or 0.01 for floats).
    key : str or int, optional
        Names the widget: its value is kept in ``st.session_state[key]`` (both ways), and
        two widgets with the same label need different keys.
    help : str, optional
        A tooltip.
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
    disabled : bool
        Shown greyed out, not interactive.
    label_visibility : {"visible", "hidden", "collapsed"}
        Hide the label (its space stays) or collapse it; it is still the widget's
        ``description``.

    Examples
    --------
    >>> qty = st.number_input("Quantity", 1, 10, 1)
    """
    call = f"st.number_input({label!r})"
    params = {
        **common_params(help, disabled, label_visibility),
        **_number_params(call, min_value, max_value, value, step),
        "format": format,
        "placeholder": placeholder,
        "input_width": width,
    }
    return render_input(NUMBER_INPUT, label, params, key=key, callback=on_change, args=args,
        kwargs=kwargs, call=call, persist_state=persist_state, bind=bind,
    )  # fmt: skip


def _number_params(
    call: str, min_value: Any, max_value: Any, value: Any, step: Any
) -> dict[str, Any]:
    """A number input's bounds, step and starting value, checked, as one type."""
    given = [v for v in (min_value, max_value, step) if v is not None]
    if value not in ("min", None):
        given.append(value)
    dtype = number_type(given) if given else "float"
    if min_value is not None and max_value is not None and min_value > max_value:
        raise FragmentsAPIError(
            f"{call} has min_value={min_value!r} greater than max_value={max_value!r}. "
            "Fix: pass min_value <= max_value."
        )
    cast = int if dtype == "int" else float
    if value == "min":
        value = min_value if min_value is not None else cast(0)
    if value is not None:
        value = cast(value)
        if (min_value is not None and value < min_value) or (
            max_value is not None and value > max_value
        ):
            raise FragmentsAPIError(
                f"{call} has value={value!r} outside [{min_value!r}, {max_value!r}]. "
                "Fix: pass a value between min_value and max_value."
            )
    return {
        "min_value": None if min_value is None else cast(min_value),
        "max_value": None if max_value is None else cast(max_value),
        "step": cast(step) if step is not None else cast(1 if dtype == "int" else 0.01),
        "value": value,
        "dtype": dtype,
    }
