"""Pickers and file inputs: dates, times, colors, uploads, downloads and links.

Also ``st.slider`` over dates, times and datetimes (`date_slider`), drawn as a
selection slider of every step between the bounds.
"""

from __future__ import annotations

import base64
import datetime
import mimetypes
from collections.abc import Callable, Iterable
from typing import Any

from jupyter_fragments._elements._core import add_static, render_input
from jupyter_fragments._elements.choice import choose_on_slider
from jupyter_fragments._elements.inputs import _common
from jupyter_fragments._output.bundles import display_output, escape_html
from jupyter_fragments._widgets import kinds_choice
from jupyter_fragments._widgets.kinds_choice import HEX_COLOR, to_date
from jupyter_fragments.errors import FragmentsAPIError

Callback = Callable[..., Any] | None
_TEN_YEARS = datetime.timedelta(days=3652)


def date_input(
    label: str,
    value: Any = "today",
    min_value: Any = None,
    max_value: Any = None,
    key: Any = None,
    help: str | None = None,
    on_change: Callback = None,
    args: Iterable[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    *,
    format: str = "YYYY/MM/DD",
    disabled: bool = False,
    label_visibility: str = "visible",
) -> Any:
    """A date picker; returns a ``datetime.date`` (or None).

    A list or tuple ``value`` (of zero, one or two dates) makes a range picker that
    returns a tuple of the dates chosen so far.

    Examples
    --------
    >>> birthday = st.date_input("Birthday", datetime.date(2000, 1, 1))
    >>> start, end = st.date_input("Trip", (datetime.date(2024, 7, 1), datetime.date(2024, 7, 8)))
    """
    call = f"st.date_input({label!r})"
    is_range = isinstance(value, (tuple, list))
    try:
        raw = list(value) if is_range else [value]
        days = [datetime.date.today() if v in ("today", "now") else to_date(v) for v in raw]
        low = to_date(min_value)
        high = to_date(max_value)
    except (TypeError, ValueError) as exc:
        raise FragmentsAPIError(
            f"{call} got a value that is not a date ({exc}). Fix: pass datetime.date objects, "
            "ISO strings ('2024-07-01'), 'today' or None."
        ) from None
    if is_range and len(days) > 2:
        raise FragmentsAPIError(f"{call} got {len(days)} dates. Fix: pass at most two.")
    anchor = next((d for d in days if d is not None), datetime.date.today())
    low = low if low is not None else anchor - _TEN_YEARS
    high = high if high is not None else anchor + _TEN_YEARS
    if low > high:
        raise FragmentsAPIError(
            f"{call} has min_value={low} after max_value={high}. Fix: pass min_value <= max_value."
        )
    for day in days:
        if day is not None and not low <= day <= high:
            raise FragmentsAPIError(
                f"{call} has value {day} outside [{low}, {high}]. "
                "Fix: pass a value between min_value and max_value."
            )
    present = [d for d in days if d is not None]
    params = {
        **_common(help, disabled, label_visibility),
        "value": tuple(present) if is_range else days[0],
        "min_value": low,
        "max_value": high,
        "format": format,
    }
    kind = kinds_choice.DATE_RANGE if is_range else kinds_choice.DATE_INPUT
    return render_input(
        kind, label, params, key=key, callback=on_change, args=args, kwargs=kwargs, call=call
    )


def time_input(
    label: str,
    value: Any = "now",
    key: Any = None,
    help: str | None = None,
    on_change: Callback = None,
    args: Iterable[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    *,
    disabled: bool = False,
    label_visibility: str = "visible",
    step: int | datetime.timedelta = datetime.timedelta(minutes=15),
) -> datetime.time | None:
    """A time picker; returns a ``datetime.time`` (or None).

    Examples
    --------
    >>> alarm = st.time_input("Alarm", datetime.time(7, 30))
    """
    call = f"st.time_input({label!r})"
    seconds = step.total_seconds() if isinstance(step, datetime.timedelta) else step
    if not isinstance(seconds, (int, float)) or not 60 <= seconds <= 86400:
        raise FragmentsAPIError(
            f"{call} got step={step!r}. Fix: pass seconds (or a timedelta) between 60 and 86400."
        )
    if value == "now":
        value = datetime.datetime.now().time().replace(second=0, microsecond=0)
    try:
        initial = kinds_choice.TIME_INPUT.coerce({"value": None}, value)
    except ValueError:
        initial = None
    if value is not None and initial is None:
        raise FragmentsAPIError(
            f"{call} got value={value!r}. Fix: pass a datetime.time, an ISO string "
            "('07:30'), 'now' or None."
        )
    params = {
        **_common(help, disabled, label_visibility),
        "value": initial,
        "step": float(seconds),
    }
    result = render_input(
        kinds_choice.TIME_INPUT,
        label,
        params,
        key=key,
        callback=on_change,
        args=args,
        kwargs=kwargs,
        call=call,
    )
    return result if isinstance(result, datetime.time) else None


def color_picker(
    label: str,
    value: str | None = None,
    key: Any = None,
    help: str | None = None,
    on_change: Callback = None,
    args: Iterable[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    *,
    disabled: bool = False,
    label_visibility: str = "visible",
) -> str:
    """A color picker; returns the color as a hex string (``"#00f900"``).

    Examples
    --------
    >>> color = st.color_picker("Pick a color", "#00f900")
    """
    call = f"st.color_picker({label!r})"
    color = "#000000" if value is None else value
    if not isinstance(color, str) or not HEX_COLOR.match(color):
        raise FragmentsAPIError(
            f"{call} got value={value!r}. Fix: pass a hex color such as '#ff0000' or '#f00'."
        )
    params = {**_common(help, disabled, label_visibility), "value": color.lower()}
    return str(
        render_input(
            kinds_choice.COLOR_PICKER,
            label,
            params,
            key=key,
            callback=on_change,
            args=args,
            kwargs=kwargs,
            call=call,
        )
    )


def _accept(type: Any, call: str) -> list[str]:
    if type is None:
        return []
    items = [type] if isinstance(type, str) else list(type)
    if not all(isinstance(t, str) and t.strip(". ") for t in items):
        raise FragmentsAPIError(
            f"{call} got type={type!r}. Fix: pass an extension or a list of them, e.g. "
            "type=['csv', 'txt']."
        )
    return ["." + t.strip().lstrip(".").lower() for t in items]


def file_uploader(
    label: str,
    type: str | Iterable[str] | None = None,
    accept_multiple_files: bool = False,
    key: Any = None,
    help: str | None = None,
    on_change: Callback = None,
    args: Iterable[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    *,
    disabled: bool = False,
    label_visibility: str = "visible",
) -> Any:
    """An upload button; returns an ``UploadedFile`` (a BytesIO with ``name``, ``type``,
    ``size``), a list of them with ``accept_multiple_files=True``, or None.

    Files whose extension is not in ``type`` are ignored.

    Examples
    --------
    >>> uploaded = st.file_uploader("Choose a CSV", type="csv")
    >>> if uploaded is not None:
    ...     st.write(uploaded.name, len(uploaded.getvalue()))
    """
    call = f"st.file_uploader({label!r})"
    params = {
        **_common(help, disabled, label_visibility),
        "accept": _accept(type, call),
        "multiple": bool(accept_multiple_files),
    }
    return render_input(
        kinds_choice.FILE_UPLOADER,
        label,
        params,
        key=key,
        callback=on_change,
        args=args,
        kwargs=kwargs,
        call=call,
    )


def _data_bytes(data: Any, call: str) -> bytes:
    if isinstance(data, str):
        return data.encode()
    if isinstance(data, (bytes, bytearray, memoryview)):
        return bytes(data)
    if hasattr(data, "getvalue"):
        return _data_bytes(data.getvalue(), call)
    if hasattr(data, "read"):
        return _data_bytes(data.read(), call)
    if hasattr(data, "to_csv"):
        return _data_bytes(data.to_csv(index=False), call)
    raise FragmentsAPIError(
        f"{call} got data of type {type(data).__name__}. Fix: pass str, bytes or a file-like "
        "object (convert a DataFrame with df.to_csv())."
    )


def download_link(data: bytes, file_name: str, mime: str, text: str) -> str:
    """An ``<a download>`` link carrying ``data`` in a data: URI (attributes escaped)."""
    encoded = base64.b64encode(data).decode("ascii")
    return (
        f'<a download="{escape_html(file_name)}" href="data:{escape_html(mime)};base64,'
        f'{encoded}" class="jf-download">&#11015; {escape_html(text)}</a>'
    )


def download_button(
    label: str,
    data: Any,
    file_name: str | None = None,
    mime: str | None = None,
    key: Any = None,
    help: str | None = None,
    on_click: Callback | str = "rerun",
    args: Iterable[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    *,
    type: str = "secondary",
    icon: str | None = None,
    disabled: bool = False,
    use_container_width: bool = False,
) -> bool:
    """A button offering ``data`` as a file; returns True in the run its click caused.

    The file itself is offered by a download link next to the button (a kernel cannot
    start a browser download from a click).

    Examples
    --------
    >>> st.download_button("Download CSV", df.to_csv(), file_name="data.csv", mime="text/csv")
    """
    call = f"st.download_button({label!r})"
    payload = _data_bytes(data, call)
    name = file_name or "download"
    kind_of = (
        mime
        or ("text/plain" if isinstance(data, str) else mimetypes.guess_type(name)[0])
        or "application/octet-stream"
    )
    callback = on_click if callable(on_click) else None
    if not callable(on_click) and on_click not in ("rerun", "ignore", None):
        raise FragmentsAPIError(
            f"{call} got on_click={on_click!r}. Fix: pass a function, 'rerun' or 'ignore'."
        )
    params = {**_common(help, disabled, "visible"), "type": type}
    clicked = bool(
        render_input(
            kinds_choice.DOWNLOAD_BUTTON,
            label,
            params,
            key=key,
            callback=callback,
            args=args,
            kwargs=kwargs,
            call=call,
        )
    )
    if not disabled:
        link = download_link(payload, name, kind_of, name)
        add_static([display_output({"text/html": link, "text/plain": f"[download {name}]"})])
    return clicked


_SAFE_SCHEMES = ("http://", "https://", "mailto:", "data:image/", "/", "./", "../", "#", "?")


def safe_url(url: str) -> str:
    """``url`` if it cannot run script (no ``javascript:``), else ``"#"``."""
    text = str(url).strip()
    if text.lower().startswith(_SAFE_SCHEMES) or ":" not in text.split("/")[0]:
        return text
    return "#"


def link_button(
    label: str,
    url: str,
    *,
    help: str | None = None,
    type: str = "secondary",
    icon: str | None = None,
    disabled: bool = False,
    use_container_width: bool = False,
) -> None:
    """A button-styled link that opens ``url`` in a new tab.

    Examples
    --------
    >>> st.link_button("Go to gallery", "https://streamlit.io/gallery")
    """
    text = f"{icon} {label}" if icon else str(label)
    title = f' title="{escape_html(help)}"' if help else ""
    style = (
        "display:inline-block;padding:0.3em 0.9em;border:1px solid #d0d0d7;"
        "border-radius:0.4em;text-decoration:none"
    )
    if disabled:
        markup = (
            f'<span class="jf-link-button" style="{style};opacity:0.5">{escape_html(text)}</span>'
        )
    else:
        markup = (
            f'<a class="jf-link-button" href="{escape_html(safe_url(url))}" target="_blank" '
            f'rel="noopener noreferrer" style="{style}"{title}>{escape_html(text)}</a>'
        )
    add_static([display_output({"text/html": markup, "text/plain": f"{text} ({url})"})])


_MAX_STEPS = 10_000


def date_slider(
    label: str,
    min_value: Any,
    max_value: Any,
    value: Any,
    step: Any,
    format: str | None,
    common: dict[str, Any],
    *,
    key: Any,
    on_change: Callback,
    args: Any,
    kwargs: Any,
) -> Any:
    """``st.slider`` over dates, times or datetimes: returns the same type (tuples for ranges).

    Defaults as in Streamlit: bounds 14 days around the value (the whole day for times),
    steps of one day (15 minutes for times).
    """
    call = f"st.slider({label!r})"
    is_range = isinstance(value, (tuple, list))
    values = list(value) if is_range else [value]
    given = [v for v in (*values, min_value, max_value) if v is not None]
    types = {_date_type(v) for v in given}
    if len(types) != 1 or None in types:
        raise FragmentsAPIError(
            f"{call} mixes {sorted(str(t) for t in types)} values. Fix: pass min_value, "
            "max_value and value all as dates, all as datetimes or all as times."
        )
    dtype = str(types.pop())
    if is_range and len(values) != 2:
        raise FragmentsAPIError(f"{call} got value={value!r}. Fix: pass a (low, high) pair.")
    anchor = values[0] if values[0] is not None else (min_value or max_value)
    if dtype == "time":
        low = min_value if min_value is not None else datetime.time(0, 0)
        high = max_value if max_value is not None else datetime.time(23, 59, 59)
        step = step if step is not None else datetime.timedelta(minutes=15)
    else:
        low = min_value if min_value is not None else anchor - datetime.timedelta(days=14)
        high = max_value if max_value is not None else anchor + datetime.timedelta(days=14)
        step = step if step is not None else datetime.timedelta(days=1)
    values = [low if v is None else v for v in values]
    if not isinstance(step, datetime.timedelta) or step <= datetime.timedelta(0):
        raise FragmentsAPIError(f"{call} got step={step!r}. Fix: pass a positive timedelta.")
    if low >= high:
        raise FragmentsAPIError(
            f"{call} has min_value={low} not before max_value={high}. "
            "Fix: pass min_value < max_value."
        )
    for v in values:
        if not low <= v <= high:
            raise FragmentsAPIError(
                f"{call} has value {v} outside [{low}, {high}]. "
                "Fix: pass a value between min_value and max_value."
            )
    options = _steps(low, high, step, dtype, call)
    chosen = [_nearest(options, v) for v in values]
    labels = [_label(o, format) for o in options]
    return choose_on_slider(
        label,
        options,
        chosen,
        is_range,
        labels,
        common,
        key=key,
        on_change=on_change,
        args=args,
        kwargs=kwargs,
        call=call,
        dates=True,
    )


def _nearest(options: list[Any], value: Any) -> Any:
    target = _ordinal(value)
    return min(options, key=lambda option: abs(_ordinal(option) - target))


def _date_type(value: Any) -> str | None:
    if isinstance(value, datetime.datetime):
        return "datetime"
    if isinstance(value, datetime.date):
        return "date"
    if isinstance(value, datetime.time):
        return "time"
    return None


def _ordinal(value: Any) -> float:
    if isinstance(value, datetime.time):
        return value.hour * 3600 + value.minute * 60 + value.second + value.microsecond / 1e6
    if isinstance(value, datetime.datetime):
        return (
            value.timestamp()
            if value.tzinfo
            else (value - datetime.datetime(1, 1, 1)).total_seconds()
        )
    return float(value.toordinal() * 86400)


def _steps(low: Any, high: Any, step: datetime.timedelta, dtype: str, call: str) -> list[Any]:
    base = datetime.date(2000, 1, 1)
    current = datetime.datetime.combine(base, low) if dtype == "time" else low
    end = datetime.datetime.combine(base, high) if dtype == "time" else high
    if dtype == "date" and step < datetime.timedelta(days=1):
        step = datetime.timedelta(days=1)
    options: list[Any] = []
    while current <= end:
        options.append(current.time() if dtype == "time" else current)
        if len(options) > _MAX_STEPS:
            raise FragmentsAPIError(
                f"{call} would have more than {_MAX_STEPS} steps. "
                "Fix: pass a larger step= or a narrower range."
            )
        current = current + step
    return options


def _label(value: Any, format: str | None) -> str:
    if format and "%" in format:
        return str(value.strftime(format))
    return str(
        value.isoformat(sep=" ") if isinstance(value, datetime.datetime) else value.isoformat()
    )
