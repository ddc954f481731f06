"""Input widgets with Streamlit's signatures: each returns its current value."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from jupyter_fragments._elements._core import render_input
from jupyter_fragments._widgets import kinds
from jupyter_fragments.errors import FragmentsAPIError

Callback = Callable[..., Any] | None


def _common(help: str | None, disabled: bool, label_visibility: str) -> dict[str, Any]:
    return {"help": help, "disabled": disabled, "label_visibility": label_visibility}


def button(
    label: str,
    key: Any = None,
    help: str | None = None,
    on_click: Callback = None,
    args: Iterable[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    *,
    type: str = "secondary",
    icon: str | None = None,
    disabled: bool = False,
    use_container_width: bool = False,
) -> bool:
    """A button; returns True only in the run its click caused.

    Parameters
    ----------
    label : str
        The text on the button.
    key : str or int, optional
        Names the widget: its value is kept in ``st.session_state[key]`` (both ways), and
        two widgets with the same label need different keys.
    help : str, optional
        A tooltip.
    on_click : callable, optional
        Called (with ``args`` and ``kwargs``) before the rerun that the click causes.
    args, kwargs : optional
        Arguments for ``on_click``.
    type : {"secondary", "primary"}
        ``"primary"`` draws an emphasized button.
    disabled : bool
        Shown greyed out, not clickable.

    Returns
    -------
    bool
        True in the run the click caused, False otherwise.

    Examples
    --------
    >>> if st.button("Say hello"):
    ...     st.write("Hello!")
    """
    params = {**_common(help, disabled, "visible"), "type": type}
    return bool(
        render_input(
            kinds.BUTTON,
            label,
            params,
            key=key,
            callback=on_click,
            args=args,
            kwargs=kwargs,
            call=f"st.button({label!r})",
        )
    )


def form_submit_button(
    label: str = "Submit",
    help: str | None = None,
    on_click: Callback = None,
    args: Iterable[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    *,
    key: Any = None,
    type: str = "secondary",
    icon: str | None = None,
    disabled: bool = False,
    use_container_width: bool = False,
) -> bool:
    """The button that submits the form it is in; True in the run its click caused.

    Every value changed in the form is applied at once, their ``on_change`` callbacks
    run, then ``on_click``, then the enclosing fragment (or the app) reruns once.

    Parameters
    ----------
    label : str
        The text on the button.
    on_click : callable, optional
        Called with ``args``/``kwargs`` after the form's values are applied.

    Examples
    --------
    >>> with st.form("search"):
    ...     query = st.text_input("Query")
    ...     if st.form_submit_button("Search"):
    ...         st.write("Searching for", query)
    """
    params = {**_common(help, disabled, "visible"), "type": type}
    return bool(
        render_input(
            kinds.SUBMIT_BUTTON,
            label,
            params,
            key=key,
            callback=on_click,
            args=args,
            kwargs=kwargs,
            call=f"st.form_submit_button({label!r})",
            submits=True,
        )
    )


def checkbox(
    label: str,
    value: bool = False,
    key: Any = None,
    help: str | None = None,
    on_change: Callback = None,
    args: Iterable[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    *,
    disabled: bool = False,
    label_visibility: str = "visible",
) -> bool:
    """A checkbox; returns whether it is checked.

    Parameters
    ----------
    label : str
        Shown next to the box.
    value : bool
        Whether it starts checked.
    key : str or int, optional
        Names the widget: its value is kept in ``st.session_state[key]`` (both ways), and
        two widgets with the same label need different keys.
    help : str, optional
        A tooltip.
    on_change : callable, optional
        Called (with ``args`` and ``kwargs``) before the rerun that the change causes.
    args, kwargs : optional
        Arguments for ``on_change``.
    disabled : bool
        Shown greyed out, not interactive.
    label_visibility : {"visible", "hidden", "collapsed"}
        Hide the label (its space stays) or collapse it; it is still the widget's
        ``description``.

    Examples
    --------
    >>> if st.checkbox("Show raw data"):
    ...     st.write(data)
    """
    params = {**_common(help, disabled, label_visibility), "value": bool(value)}
    return bool(
        render_input(
            kinds.CHECKBOX,
            label,
            params,
            key=key,
            callback=on_change,
            args=args,
            kwargs=kwargs,
            call=f"st.checkbox({label!r})",
        )
    )


def toggle(
    label: str,
    value: bool = False,
    key: Any = None,
    help: str | None = None,
    on_change: Callback = None,
    args: Iterable[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    *,
    disabled: bool = False,
    label_visibility: str = "visible",
) -> bool:
    """A toggle switch; returns whether it is on.

    Parameters are those of `checkbox`.

    Examples
    --------
    >>> live = st.toggle("Live updates")
    """
    params = {**_common(help, disabled, label_visibility), "value": bool(value)}
    return bool(
        render_input(
            kinds.TOGGLE,
            label,
            params,
            key=key,
            callback=on_change,
            args=args,
            kwargs=kwargs,
            call=f"st.toggle({label!r})",
        )
    )


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
        A printf-style format for the shown value, e.g. ``"%.1f"``.
    key : str or int, optional
        Names the widget: its value is kept in ``st.session_state[key]`` (both ways), and
        two widgets with the same label need different keys.
    help : str, optional
        A tooltip.
    on_change : callable, optional
        Called (with ``args`` and ``kwargs``) before the rerun that the change causes.
    args, kwargs : optional
        Arguments for ``on_change``.
    disabled : bool
        Shown greyed out, not interactive.
    label_visibility : {"visible", "hidden", "collapsed"}
        Hide the label (its space stays) or collapse it; it is still the widget's
        ``description``.

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
    if any(kinds.is_date(v) for v in numbers[:3]):
        from jupyter_fragments._elements.pickers import date_slider

        return date_slider(label, min_value, max_value, value, step, format,
                           _common(help, disabled, label_visibility), key=key,
                           on_change=on_change, args=args, kwargs=kwargs)  # fmt: skip
    dtype = kinds._number_type(numbers)
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
    params = {
        **_common(help, disabled, label_visibility),
        "min_value": cast(lo),
        "max_value": cast(hi),
        "step": cast(step),
        "value": tuple(cast(v) for v in values) if is_range else cast(values[0]),
        "dtype": dtype,
        "range": is_range,
        "format": format,
    }
    return render_input(
        kinds.SLIDER,
        label,
        params,
        key=key,
        callback=on_change,
        args=args,
        kwargs=kwargs,
        call=call,
    )


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
    label_visibility: str = "visible",
) -> str:
    """A single-line text input; its value is sent on Enter or when it loses focus.

    Parameters
    ----------
    label : str
        The widget's label.
    value : str
        The starting text.
    max_chars : int, optional
        Longer text is cut to this length.
    type : {"default", "password"}
        ``"password"`` hides what is typed.
    placeholder : str, optional
        Shown while the input is empty.
    key : str or int, optional
        Names the widget: its value is kept in ``st.session_state[key]`` (both ways), and
        two widgets with the same label need different keys.
    help : str, optional
        A tooltip.
    on_change : callable, optional
        Called (with ``args`` and ``kwargs``) before the rerun that the change causes.
    args, kwargs : optional
        Arguments for ``on_change``.
    disabled : bool
        Shown greyed out, not interactive.
    label_visibility : {"visible", "hidden", "collapsed"}
        Hide the label (its space stays) or collapse it; it is still the widget's
        ``description``.

    Examples
    --------
    >>> name = st.text_input("Name", placeholder="Ada")
    >>> st.write("Hello", name)
    """
    if type not in ("default", "password"):
        raise FragmentsAPIError(
            f"st.text_input({label!r}, type={type!r}) is not supported. "
            "Fix: use type='default' or type='password'."
        )
    params = {
        **_common(help, disabled, label_visibility),
        "value": value,
        "max_chars": max_chars,
        "type": type,
        "placeholder": placeholder,
    }
    return str(
        render_input(
            kinds.TEXT_INPUT,
            label,
            params,
            key=key,
            callback=on_change,
            args=args,
            kwargs=kwargs,
            call=f"st.text_input({label!r})",
        )
    )


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
    label_visibility: str = "visible",
) -> str:
    """A multi-line text input; its value is sent when it loses focus.

    Parameters are those of `text_input`, plus ``height`` in pixels.

    Examples
    --------
    >>> notes = st.text_area("Notes", height=120)
    """
    params = {
        **_common(help, disabled, label_visibility),
        "value": value,
        "height": height,
        "max_chars": max_chars,
        "placeholder": placeholder,
    }
    return str(
        render_input(
            kinds.TEXT_AREA,
            label,
            params,
            key=key,
            callback=on_change,
            args=args,
            kwargs=kwargs,
            call=f"st.text_area({label!r})",
        )
    )


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
    label_visibility: str = "visible",
) -> Any:
    """A number input; ints when every number given is an int, floats otherwise.

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
    on_change : callable, optional
        Called (with ``args`` and ``kwargs``) before the rerun that the change causes.
    args, kwargs : optional
        Arguments for ``on_change``.
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
    given = [v for v in (min_value, max_value, step) if v is not None]
    if value not in ("min", None):
        given.append(value)
    dtype = kinds._number_type(given) if given else "float"
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
    params = {
        **_common(help, disabled, label_visibility),
        "min_value": None if min_value is None else cast(min_value),
        "max_value": None if max_value is None else cast(max_value),
        "step": cast(step) if step is not None else cast(1 if dtype == "int" else 0.01),
        "value": value,
        "dtype": dtype,
        "format": format,
        "placeholder": placeholder,
    }
    return render_input(
        kinds.NUMBER_INPUT,
        label,
        params,
        key=key,
        callback=on_change,
        args=args,
        kwargs=kwargs,
        call=call,
    )


def _options(options: Any, call: str) -> list[Any]:
    if options is None:
        return []
    if hasattr(options, "columns") and hasattr(options, "iloc"):  # a DataFrame: first column
        return list(options.iloc[:, 0])
    if isinstance(options, (str, bytes)) or not isinstance(options, Iterable):
        raise FragmentsAPIError(
            f"{call} got options={options!r}. Fix: pass a list (or another iterable) of options."
        )
    return list(options)


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
    label_visibility: str = "visible",
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
    key : str or int, optional
        Names the widget: its value is kept in ``st.session_state[key]`` (both ways), and
        two widgets with the same label need different keys.
    help : str, optional
        A tooltip.
    on_change : callable, optional
        Called (with ``args`` and ``kwargs``) before the rerun that the change causes.
    args, kwargs : optional
        Arguments for ``on_change``.
    disabled : bool
        Shown greyed out, not interactive.
    label_visibility : {"visible", "hidden", "collapsed"}
        Hide the label (its space stays) or collapse it; it is still the widget's
        ``description``.

    Examples
    --------
    >>> choice = st.selectbox("Select", [1, 2, 3], None)
    """
    call = f"st.selectbox({label!r})"
    opts = _options(options, call)
    if index is not None and (
        not isinstance(index, int) or isinstance(index, bool) or not 0 <= index < max(len(opts), 1)
    ):
        raise FragmentsAPIError(
            f"{call} got index={index!r} for {len(opts)} options. "
            f"Fix: pass an index between 0 and {max(len(opts) - 1, 0)}, or None for no selection."
        )
    if not callable(format_func):
        raise FragmentsAPIError(
            f"{call} got a format_func that is not callable. Fix: pass a function."
        )
    params = {
        **_common(help, disabled, label_visibility),
        "options": opts,
        "labels": [str(format_func(o)) for o in opts],
        "index": index if opts else None,
        "placeholder": placeholder,
    }
    return render_input(
        kinds.SELECTBOX,
        label,
        params,
        key=key,
        callback=on_change,
        args=args,
        kwargs=kwargs,
        call=call,
    )
