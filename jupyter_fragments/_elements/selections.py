"""Option inputs: ``st.selectbox``, ``st.radio``, ``st.multiselect`` and ``st.feedback``.

Options can be any Python objects; the widgets show ``format_func(option)`` and sync
only indices, so each returns the option objects themselves.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from jupyter_fragments._elements._core import render_input
from jupyter_fragments._elements.params import (
    Callback,
    check_index,
    common_params,
    option_labels,
    option_list,
)
from jupyter_fragments._widgets.base import index_of
from jupyter_fragments._widgets.selections import FEEDBACK, MULTISELECT, RADIO, SELECTBOX
from jupyter_fragments.errors import FragmentsAPIError


def selectbox(
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
    placeholder: str = "Choose an option",
    disabled: bool = False,
    required: bool = False,
    label_visibility: str = "visible",
    icon: str | None = None,
    accept_new_options: bool = False,
    filter_mode: str | None = "fuzzy",
    width: str | int | None = None,
    persist_state: str | None = None,
    bind: str | None = None,
) -> Any:
    """A drop-down to pick one option; returns the option itself (or None).

    Parameters
    ----------
    label : str
        The widget's label.
    options : iterable
        Any Python objects (a DataFrame's first column for a frame); they stay in the
        kernel, only their labels go to the page.
    index : int or None
        The option selected at first; None selects nothing.
    format_func : callable
        Turns an option into its label (default ``str``).
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
        The drop-down's width (default: the notebook's usual width); ``required``,
        ``icon``, ``accept_new_options`` and ``filter_mode`` are accepted for Streamlit's
        signature (a notebook's drop-down cannot be cleared, typed into or filtered).

    Examples
    --------
    >>> choice = st.selectbox("Select", [1, 2, 3], None)
    """
    call = f"st.selectbox({label!r})"
    opts = option_list(options, call)
    check_index(index, len(opts), call)
    params = {
        **common_params(help, disabled, label_visibility),
        "options": opts,
        "labels": option_labels(opts, format_func, call),
        "index": index if opts else None,
        "placeholder": placeholder,
        "input_width": width,
    }
    return render_input(
        SELECTBOX,
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


def default_options(default: Any, options: list[Any], multi: bool, call: str) -> list[Any]:
    """The options chosen at first (a list, a value or None), checked against ``options``."""
    if default is None:
        chosen: list[Any] = []
    elif multi and isinstance(default, (list, tuple, set, frozenset)):
        chosen = list(default)
    else:
        chosen = [default]
    missing = [d for d in chosen if index_of(options, d) is None]
    if missing:
        raise FragmentsAPIError(
            f"{call} got default value {missing[0]!r}, which is not one of the options. "
            "Fix: pass a default taken from options (or None)."
        )
    return chosen


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
    width: str | int | None = None,
    persist_state: str | None = None,
    bind: str | None = None,
) -> Any:
    """Radio buttons to pick one option; returns the option itself (or None).

    Examples
    --------
    >>> genre = st.radio("Genre", ["Comedy", "Drama"], index=1)
    """
    call = f"st.radio({label!r})"
    opts = option_list(options, call)
    check_index(index, len(opts), call)
    labels = option_labels(opts, format_func, call)
    if captions is not None:
        notes = [str(c) for c in captions]
        labels = [
            f"{text} — {note}" if note else text for text, note in zip(labels, notes, strict=False)
        ]
    params = {
        **common_params(help, disabled, label_visibility),
        "options": opts,
        "labels": labels,
        "index": index if opts else None,
        "horizontal": horizontal,
        "input_width": width,
    }
    return render_input(
        RADIO,
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
    filter_mode: str | None = "fuzzy",
    select_all: int | bool = 1000,
    width: str | int | None = None,
    wrap: bool | None = None,
    persist_state: str | None = None,
    bind: str | None = None,
) -> list[Any]:
    """Pick any number of options; returns a list of the chosen options, in order.

    ``width`` sizes the list; ``accept_new_options``, ``filter_mode``, ``select_all``
    and ``wrap`` are accepted for Streamlit's signature (a notebook's selection list
    takes no typed options, has no filter box and no "select all" entry).

    Examples
    --------
    >>> colors = st.multiselect("Colors", ["red", "green", "blue"], default=["red"])
    """
    call = f"st.multiselect({label!r})"
    opts = option_list(options, call)
    chosen = default_options(default, opts, True, call)
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
        **common_params(help, disabled, label_visibility),
        "options": opts,
        "labels": option_labels(opts, format_func, call),
        "default": chosen,
        "max_selections": max_selections,
        "placeholder": placeholder,
        "input_width": width,
    }
    return list(
        render_input(
            MULTISELECT,
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
    )


#: what each feedback type shows, left to right, and the value each position returns
_FEEDBACK: dict[str, tuple[list[str], list[int]]] = {
    # Streamlit shows thumbs up first and returns 1 for it, 0 for thumbs down
    "thumbs": (["👍", "👎"], [1, 0]),
    "faces": (["😞", "🙁", "😐", "🙂", "😀"], [0, 1, 2, 3, 4]),
    "stars": (["⭐ 1", "⭐ 2", "⭐ 3", "⭐ 4", "⭐ 5"], [0, 1, 2, 3, 4]),
}


def feedback(
    options: str = "thumbs",
    *,
    key: Any = None,
    default: int | None = None,
    disabled: bool = False,
    on_change: Callback = None,
    args: Iterable[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    width: str | int = "content",
    persist_state: str | None = None,
    bind: str | None = None,
) -> int | None:
    """Thumbs, faces or stars to rate something; returns the rating or None.

    As in Streamlit, 0 is the lowest rating: thumbs give 1 for up and 0 for down, faces
    and stars 0 to 4 (from left to right). ``default`` is a rating shown at first.

    Examples
    --------
    >>> rating = st.feedback("stars")
    >>> if rating is not None:
    ...     st.write(f"{rating + 1} stars")
    """
    call = f"st.feedback({options!r})"
    shown = _FEEDBACK.get(options)
    if shown is None:
        raise FragmentsAPIError(
            f"{call} is not a feedback type. Fix: use 'thumbs', 'faces' or 'stars'."
        )
    labels, values = shown
    if default is not None and (
        isinstance(default, bool) or not isinstance(default, int) or default not in values
    ):
        raise FragmentsAPIError(
            f"{call} got default={default!r}. Fix: pass None or a rating from 0 to "
            f"{len(values) - 1}."
        )
    params = {
        **common_params(None, disabled, "collapsed"),
        "options": values,
        "labels": labels,
        "index": None if default is None else values.index(default),
        "input_width": width,
    }
    value = render_input(
        FEEDBACK,
        "",
        params,
        key=key,
        callback=on_change,
        args=args,
        kwargs=kwargs,
        call=call,
        persist_state=persist_state,
        bind=bind,
    )
    return None if value is None else int(value)
