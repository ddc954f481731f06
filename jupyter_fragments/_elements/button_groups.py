"""Button groups: ``st.pills``, ``st.segmented_control`` and ``st.pagination``.

Options can be any Python objects: the page shows ``format_func(option)`` and the calls
return the options themselves, as Streamlit's do.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from jupyter_fragments._elements._core import render_input, width_layout
from jupyter_fragments._elements.params import Callback, common_params, option_labels, option_list
from jupyter_fragments._elements.selections import default_options
from jupyter_fragments._widgets.base import InputKind
from jupyter_fragments._widgets.button_groups import (
    PAGINATION,
    PILLS,
    PILLS_MULTI,
    SEGMENTED,
    SEGMENTED_MULTI,
)
from jupyter_fragments.errors import FragmentsAPIError


def _button_group(
    kinds: tuple[InputKind, InputKind],
    call: str,
    label: str,
    options: Iterable[Any],
    choice: dict[str, Any],
    common: dict[str, Any],
    callback: tuple[Callback, Iterable[Any] | None, dict[str, Any] | None],
    persist_state: str | None = None,
    bind: str | None = None,
) -> Any:
    mode = choice["selection_mode"]
    if mode not in ("single", "multi"):
        raise FragmentsAPIError(
            f"{call} got selection_mode={mode!r}. Fix: pass 'single' or 'multi'."
        )
    multi = mode == "multi"
    if multi and choice["required"]:
        raise FragmentsAPIError(
            f"{call} got required=True with selection_mode='multi'; a required selection "
            "is for one option only. Fix: leave required out, or use selection_mode='single'."
        )
    opts = option_list(options, call)
    chosen = default_options(choice["default"], opts, multi, call)
    if not multi and len(chosen) > 1:
        raise FragmentsAPIError(f"{call} got several defaults. Fix: pass one option or None.")
    width_layout(common["input_width"], call)
    params = {
        **common,
        "options": opts,
        "labels": option_labels(opts, choice["format_func"] or str, call),
        "default": chosen if multi else (chosen[0] if chosen else None),
    }
    func, args, kwargs = callback
    value = render_input(
        kinds[1] if multi else kinds[0],
        label,
        params,
        key=choice["key"],
        callback=func,
        args=args,
        kwargs=kwargs,
        call=call,
        persist_state=persist_state,
        bind=bind,
    )
    return list(value) if multi else value


def pills(
    label: str,
    options: Iterable[Any],
    *,
    selection_mode: str = "single",
    default: Any = None,
    required: bool = False,
    format_func: Callable[[Any], Any] | None = None,
    key: Any = None,
    help: str | None = None,
    on_change: Callback = None,
    args: Iterable[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    disabled: bool = False,
    label_visibility: str = "visible",
    width: str | int = "content",
    wrap: bool | None = None,
    persist_state: str | None = None,
    bind: str | None = None,
) -> Any:
    """A row of pill buttons to choose one option, or several.

    Parameters
    ----------
    label : str
        The label above the pills.
    options : iterable
        Any Python objects (a DataFrame's first column for a frame), shown through
        ``format_func`` (default ``str``).
    selection_mode : {"single", "multi"}
        One option (the call returns it, or None) or several (a list, maybe empty).
    default : option, list of options or None
        Chosen at first.
    required : bool
        Single mode: a choice cannot be taken back (here it never can: clicking the
        chosen pill again keeps it).
    key, help, on_change, args, kwargs, disabled, label_visibility
        As for every input.
    width : "content", "stretch" or int
        The row's width.
    wrap : bool, optional
        Accepted for Streamlit's signature; the browser lays the row out.

    Returns
    -------
    option, list or None
        The option chosen (None when none is), or in multi mode the list chosen, in the
        order of ``options``.

    Examples
    --------
    >>> mood = st.pills("Mood", ["😀", "😐", "😞"])
    >>> tags = st.pills("Tags", ["a", "b", "c"], selection_mode="multi", default=["a"])
    """
    return _button_group(
        (PILLS, PILLS_MULTI),
        f"st.pills({label!r})",
        label,
        options,
        {
            "selection_mode": selection_mode,
            "default": default,
            "required": required,
            "format_func": format_func,
            "key": key,
        },
        {**common_params(help, disabled, label_visibility), "input_width": width},
        (on_change, args, kwargs),
        persist_state,
        bind,
    )


def segmented_control(
    label: str,
    options: Iterable[Any],
    *,
    selection_mode: str = "single",
    default: Any = None,
    required: bool = False,
    format_func: Callable[[Any], Any] | None = None,
    key: Any = None,
    help: str | None = None,
    on_change: Callback = None,
    args: Iterable[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    disabled: bool = False,
    label_visibility: str = "visible",
    width: str | int = "content",
    wrap: bool | None = None,
    persist_state: str | None = None,
    bind: str | None = None,
) -> Any:
    """A row of joined toggle segments to choose one option, or several.

    It works as ``st.pills`` does (same parameters, same return value); only the look
    differs.

    Examples
    --------
    >>> view = st.segmented_control("View", ["Table", "Chart"], default="Table")
    """
    return _button_group(
        (SEGMENTED, SEGMENTED_MULTI),
        f"st.segmented_control({label!r})",
        label,
        options,
        {
            "selection_mode": selection_mode,
            "default": default,
            "required": required,
            "format_func": format_func,
            "key": key,
        },
        {**common_params(help, disabled, label_visibility), "input_width": width},
        (on_change, args, kwargs),
        persist_state,
        bind,
    )


def pagination(
    num_pages: int,
    *,
    default: int = 1,
    max_visible_pages: int | None = 7,
    width: str | int = "content",
    key: Any = None,
    on_change: Callback = None,
    args: Iterable[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    disabled: bool = False,
    persist_state: str | None = None,
    bind: str | None = None,
) -> int:
    """Numbered page buttons between a previous and a next arrow; returns the page.

    Parameters
    ----------
    num_pages : int
        How many pages there are (at least 1).
    default : int
        The page shown at first (1-based).
    max_visible_pages : int or None
        How many page buttons to show besides the arrows; the first and last page stay
        in sight and "…" stands for the pages left out. None shows every page, 0 only
        the arrows and the page number.
    key, on_change, args, kwargs, disabled
        As for every input.

    Returns
    -------
    int
        The page chosen, from 1 to ``num_pages``.

    Examples
    --------
    >>> page = st.pagination(10, key="results")
    >>> st.write(rows[(page - 1) * 20 : page * 20])
    """
    call = f"st.pagination({num_pages!r})"
    for name, number, low in (("num_pages", num_pages, 1), ("default", default, 1)):
        if isinstance(number, bool) or not isinstance(number, int) or number < low:
            raise FragmentsAPIError(f"{call} got {name}={number!r}. Fix: pass an int >= {low}.")
    if default > num_pages:
        raise FragmentsAPIError(
            f"{call} got default={default}, past the last page. Fix: pass 1 to {num_pages}."
        )
    if max_visible_pages is not None and (
        isinstance(max_visible_pages, bool)
        or not isinstance(max_visible_pages, int)
        or max_visible_pages < 0
    ):
        raise FragmentsAPIError(
            f"{call} got max_visible_pages={max_visible_pages!r}. "
            "Fix: pass an int >= 0, or None to show every page."
        )
    width_layout(width, call)
    params = {
        **common_params(None, disabled, "collapsed"),
        "num_pages": num_pages,
        "default": default,
        "max_visible_pages": max_visible_pages,
        "input_width": width,
    }
    value = render_input(
        PAGINATION,
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
    return int(value)
