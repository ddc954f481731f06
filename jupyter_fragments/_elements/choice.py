"""Choice inputs: ``st.radio``, ``st.multiselect``, ``st.select_slider`` and ``st.feedback``.

Options can be any Python objects; the widgets show ``format_func(option)`` and sync
only indices, so each returns the option objects themselves.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from jupyter_fragments._elements._core import render_input
from jupyter_fragments._elements.inputs import _common, _options
from jupyter_fragments._widgets import kinds_choice
from jupyter_fragments._widgets.kinds import _index_of
from jupyter_fragments.errors import FragmentsAPIError

Callback = Callable[..., Any] | None


def option_labels(options: list[Any], format_func: Any, call: str) -> list[str]:
    """The label shown for each option (``format_func`` must be callable)."""
    if not callable(format_func):
        raise FragmentsAPIError(
            f"{call} got a format_func that is not callable. Fix: pass a function, e.g. "
            "format_func=str."
        )
    return [str(format_func(option)) for option in options]


def check_index(index: Any, count: int, call: str, *, allow_none: bool = True) -> None:
    """Raise when ``index`` cannot select one of ``count`` options."""
    if index is None and allow_none:
        return
    if not isinstance(index, int) or isinstance(index, bool) or not 0 <= index < max(count, 1):
        raise FragmentsAPIError(
            f"{call} got index={index!r} for {count} options. Fix: pass an index between 0 "
            f"and {max(count - 1, 0)}" + (", or None for no selection." if allow_none else ".")
        )


def radio(
    label: str,
    options: Iterable[Any],
    index: int | None = 0,
    format_func: Callable[[Any], Any] = str,
    key: Any = None,
    help: str | None = None,
    on_change: Callback = None,
    args: Iterable[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    *,
    disabled: bool = False,
    horizontal: bool = False,
    captions: Iterable[str] | None = None,
    label_visibility: str = "visible",
) -> Any:
    """Radio buttons to pick one option; returns the option itself (or None).

    Examples
    --------
    >>> genre = st.radio("Genre", ["Comedy", "Drama"], index=1)
    """
    call = f"st.radio({label!r})"
    opts = _options(options, call)
    check_index(index, len(opts), call)
    labels = option_labels(opts, format_func, call)
    if captions is not None:
        notes = [str(c) for c in captions]
        labels = [
            f"{text} — {note}" if note else text for text, note in zip(labels, notes, strict=False)
        ]
    params = {
        **_common(help, disabled, label_visibility),
        "options": opts,
        "labels": labels,
        "index": index if opts else None,
        "horizontal": horizontal,
    }
    return render_input(
        kinds_choice.RADIO,
        label,
        params,
        key=key,
        callback=on_change,
        args=args,
        kwargs=kwargs,
        call=call,
    )


def multiselect(
    label: str,
    options: Iterable[Any],
    default: Any = None,
    format_func: Callable[[Any], Any] = str,
    key: Any = None,
    help: str | None = None,
    on_change: Callback = None,
    args: Iterable[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    *,
    max_selections: int | None = None,
    placeholder: str = "Choose an option",
    disabled: bool = False,
    label_visibility: str = "visible",
    accept_new_options: bool = False,
) -> list[Any]:
    """Pick any number of options; returns a list of the chosen options, in order.

    Examples
    --------
    >>> colors = st.multiselect("Colors", ["red", "green", "blue"], default=["red"])
    """
    call = f"st.multiselect({label!r})"
    opts = _options(options, call)
    if default is None:
        chosen: list[Any] = []
    elif isinstance(default, (list, tuple, set)):
        chosen = list(default)
    else:
        chosen = [default]
    missing = [d for d in chosen if _index_of(opts, d) is None]
    if missing:
        raise FragmentsAPIError(
            f"{call} got default value {missing[0]!r}, which is not one of the options. "
            "Fix: pass defaults taken from options."
        )
    if max_selections is not None and (not isinstance(max_selections, int) or max_selections < 1):
        raise FragmentsAPIError(
            f"{call} got max_selections={max_selections!r}. Fix: pass a positive int or None."
        )
    if max_selections is not None and len(chosen) > max_selections:
        raise FragmentsAPIError(
            f"{call} has {len(chosen)} defaults but max_selections={max_selections}. "
            "Fix: pass fewer defaults or raise max_selections."
        )
    params = {
        **_common(help, disabled, label_visibility),
        "options": opts,
        "labels": option_labels(opts, format_func, call),
        "default": chosen,
        "max_selections": max_selections,
        "placeholder": placeholder,
    }
    return list(
        render_input(
            kinds_choice.MULTISELECT,
            label,
            params,
            key=key,
            callback=on_change,
            args=args,
            kwargs=kwargs,
            call=call,
        )
    )


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
) -> Any:
    """A slider over a list of options; a (low, high) ``value`` makes a range.

    Returns the option (a tuple of two options for a range).

    Examples
    --------
    >>> size = st.select_slider("Size", ["S", "M", "L"], value="M")
    >>> low, high = st.select_slider("Range", ["a", "b", "c", "d"], value=("b", "c"))
    """
    call = f"st.select_slider({label!r})"
    opts = _options(options, call)
    if not opts:
        raise FragmentsAPIError(f"{call} has no options. Fix: pass a non-empty list of options.")
    is_range = isinstance(value, (tuple, list))
    values = list(value) if is_range else [opts[0] if value is None else value]
    if is_range and len(values) != 2:
        raise FragmentsAPIError(
            f"{call} got value={value!r}. Fix: pass one option, or a (low, high) pair."
        )
    for v in values:
        if _index_of(opts, v) is None:
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
        _common(help, disabled, label_visibility),
        key=key,
        on_change=on_change,
        args=args,
        kwargs=kwargs,
        call=call,
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
) -> Any:
    """Draw a selection slider (one option or a range) and return its value."""
    if is_range:
        kind: Any = kinds_choice.DATE_RANGE_SLIDER if dates else kinds_choice.SELECT_RANGE
    else:
        kind = kinds_choice.DATE_SLIDER if dates else kinds_choice.SELECT_SLIDER
    params = {
        **common,
        "options": opts,
        "labels": labels,
        "value": tuple(values) if is_range else values[0],
        "index": _index_of(opts, values[0]),
        "range": is_range,
    }
    return render_input(
        kind, label, params, key=key, callback=on_change, args=args, kwargs=kwargs, call=call
    )


_FEEDBACK = {
    "thumbs": ["👍", "👎"],
    "faces": ["😞", "🙁", "😐", "🙂", "😀"],
    "stars": ["⭐ 1", "⭐ 2", "⭐ 3", "⭐ 4", "⭐ 5"],
}


def feedback(
    options: str = "thumbs",
    *,
    key: Any = None,
    disabled: bool = False,
    on_change: Callback = None,
    args: Iterable[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
) -> int | None:
    """Thumbs, faces or stars to rate something; returns the chosen index or None.

    With ``"thumbs"``, 0 is thumbs up and 1 thumbs down, as in Streamlit.

    Examples
    --------
    >>> rating = st.feedback("stars")
    """
    call = f"st.feedback({options!r})"
    labels = _FEEDBACK.get(options)
    if labels is None:
        raise FragmentsAPIError(
            f"{call} is not a feedback type. Fix: use 'thumbs', 'faces' or 'stars'."
        )
    params = {
        **_common(None, disabled, "collapsed"),
        "options": list(range(len(labels))),
        "labels": labels,
        "index": None,
    }
    value = render_input(
        kinds_choice.FEEDBACK,
        "",
        params,
        key=key,
        callback=on_change,
        args=args,
        kwargs=kwargs,
        call=call,
    )
    return None if value is None else int(value)
