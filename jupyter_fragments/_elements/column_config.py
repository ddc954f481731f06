"""``st.column_config``: Streamlit's column types for ``st.dataframe`` and ``st.data_editor``.

Each function returns a plain dict in Streamlit's shape (``label``, ``width``, ``help``,
``disabled``, ``required``, ``default``, ``type_config``); the grid reads it. How each type
is drawn in a notebook grid is listed in docs/streamlit-compatibility.md.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from typing import Any

from jupyter_fragments._elements.frames import ColumnConfig, option_list
from jupyter_fragments._elements.frames import column_dict as _column


def Column(
    label: str | None = None,
    *,
    width: Any = None,
    help: str | None = None,
    disabled: bool | None = None,
    required: bool | None = None,
    pinned: bool | None = None,
    alignment: str | None = None,
) -> ColumnConfig:
    """A column of any type: only its label, width, help and editing settings.

    Examples
    --------
    >>> st.dataframe(df, column_config={"a": st.column_config.Column("A", width="small")})
    """
    return _column(
        "Column", label, width, help, pinned=pinned, disabled=disabled, required=required,
        alignment=alignment,
    )  # fmt: skip


def TextColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: str | None = None,
    disabled: bool | None = None,
    required: bool | None = None,
    pinned: bool | None = None,
    alignment: str | None = None,
    default: str | None = None,
    max_chars: int | None = None,
    validate: str | None = None,
) -> ColumnConfig:
    """A text column; an edit longer than ``max_chars`` or not matching ``validate`` is refused.

    Examples
    --------
    >>> st.column_config.TextColumn("Name", max_chars=20, validate=r"^[a-z]+$")
    """
    return _column(
        "TextColumn", label, width, help, pinned=pinned, disabled=disabled, required=required,
        alignment=alignment, default=default, max_chars=max_chars, validate=validate,
    )  # fmt: skip


def NumberColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: str | None = None,
    disabled: bool | None = None,
    required: bool | None = None,
    pinned: bool | None = None,
    alignment: str | None = None,
    default: float | None = None,
    format: str | None = None,
    min_value: float | None = None,
    max_value: float | None = None,
    step: float | None = None,
) -> ColumnConfig:
    """A number column: a printf-style ``format`` (``"%.2f"``, ``"$%d"``) or a preset
    (``"dollar"``, ``"percent"``, ``"compact"``...); edits outside min/max are refused.

    Examples
    --------
    >>> st.column_config.NumberColumn("Price", format="$%.2f", min_value=0, max_value=100)
    """
    return _column(
        "NumberColumn", label, width, help, pinned=pinned, disabled=disabled,
        required=required, alignment=alignment, default=default, format=format,
        min_value=min_value, max_value=max_value, step=step,
    )  # fmt: skip


def CheckboxColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: str | None = None,
    disabled: bool | None = None,
    required: bool | None = None,
    pinned: bool | None = None,
    alignment: str | None = None,
    default: bool | None = None,
) -> ColumnConfig:
    """A true/false column, shown as ☑ / ☐.

    Examples
    --------
    >>> st.column_config.CheckboxColumn("Done?", default=False)
    """
    return _column(
        "CheckboxColumn", label, width, help, pinned=pinned, disabled=disabled,
        required=required, alignment=alignment, default=default,
    )  # fmt: skip


def SelectboxColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: str | None = None,
    disabled: bool | None = None,
    required: bool | None = None,
    pinned: bool | None = None,
    default: Any = None,
    options: Iterable[Any] | None = None,
    format_func: Callable[[Any], Any] | None = None,
) -> ColumnConfig:
    """A column whose values come from ``options``; any other edit is refused.

    Examples
    --------
    >>> st.column_config.SelectboxColumn("Category", options=["a", "b"], required=True)
    """
    return _column(
        "SelectboxColumn", label, width, help, pinned=pinned, disabled=disabled,
        required=required, default=default,
        options=option_list(options, format_func, "st.column_config.SelectboxColumn"),
        format_func=format_func,
    )  # fmt: skip


def MultiselectColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: str | None = None,
    disabled: bool | None = None,
    required: bool | None = None,
    pinned: bool | None = None,
    default: Iterable[str] | None = None,
    options: Iterable[Any] | None = None,
    accept_new_options: bool | None = None,
    color: Any = None,
    format_func: Callable[[Any], Any] | None = None,
) -> ColumnConfig:
    """A column of lists of options, shown comma-separated.

    Examples
    --------
    >>> st.column_config.MultiselectColumn("Tags", options=["x", "y"])
    """
    return _column(
        "MultiselectColumn", label, width, help, pinned=pinned, disabled=disabled,
        required=required, default=list(default) if default is not None else None,
        options=option_list(options, format_func, "st.column_config.MultiselectColumn"),
        accept_new_options=accept_new_options, color=color, format_func=format_func,
    )  # fmt: skip


def ListColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: str | None = None,
    pinned: bool | None = None,
    disabled: bool | None = None,
    required: bool | None = None,
    default: Iterable[Any] | None = None,
) -> ColumnConfig:
    """A column of lists, shown comma-separated.

    Examples
    --------
    >>> st.column_config.ListColumn("Sales (last 6 months)")
    """
    return _column(
        "ListColumn", label, width, help, pinned=pinned, disabled=disabled, required=required,
        default=list(default) if default is not None else None,
    )  # fmt: skip


def DatetimeColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: str | None = None,
    disabled: bool | None = None,
    required: bool | None = None,
    pinned: bool | None = None,
    alignment: str | None = None,
    default: datetime.datetime | None = None,
    format: str | None = None,
    min_value: datetime.datetime | None = None,
    max_value: datetime.datetime | None = None,
    step: Any = None,
    timezone: str | None = None,
) -> ColumnConfig:
    """A date and time column: a Moment.js ``format`` (``"D MMM YYYY, h:mm a"``) or
    ``"localized"``, ``"iso8601"``, ``"distance"``, ``"calendar"``.

    Examples
    --------
    >>> st.column_config.DatetimeColumn("Appointment", format="D MMM YYYY, h:mm a")
    """
    return _column(
        "DatetimeColumn", label, width, help, pinned=pinned, disabled=disabled,
        required=required, alignment=alignment, default=default, format=format,
        min_value=min_value, max_value=max_value, step=step, timezone=timezone,
    )  # fmt: skip


def DateColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: str | None = None,
    disabled: bool | None = None,
    required: bool | None = None,
    pinned: bool | None = None,
    alignment: str | None = None,
    default: datetime.date | None = None,
    format: str | None = None,
    min_value: datetime.date | None = None,
    max_value: datetime.date | None = None,
    step: int | None = None,
) -> ColumnConfig:
    """A date column (Moment.js ``format``); edits outside min/max are refused.

    Examples
    --------
    >>> st.column_config.DateColumn("Birthday", format="DD.MM.YYYY")
    """
    return _column(
        "DateColumn", label, width, help, pinned=pinned, disabled=disabled, required=required,
        alignment=alignment, default=default, format=format, min_value=min_value,
        max_value=max_value, step=step,
    )  # fmt: skip


def TimeColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: str | None = None,
    disabled: bool | None = None,
    required: bool | None = None,
    pinned: bool | None = None,
    alignment: str | None = None,
    default: datetime.time | None = None,
    format: str | None = None,
    min_value: datetime.time | None = None,
    max_value: datetime.time | None = None,
    step: Any = None,
) -> ColumnConfig:
    """A time column (Moment.js ``format``); edits outside min/max are refused.

    Examples
    --------
    >>> st.column_config.TimeColumn("Alarm", format="hh:mm a")
    """
    return _column(
        "TimeColumn", label, width, help, pinned=pinned, disabled=disabled, required=required,
        alignment=alignment, default=default, format=format, min_value=min_value,
        max_value=max_value, step=step,
    )  # fmt: skip


def LinkColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: str | None = None,
    disabled: bool | None = None,
    required: bool | None = None,
    pinned: bool | None = None,
    alignment: str | None = None,
    default: str | None = None,
    max_chars: int | None = None,
    validate: str | None = None,
    display_text: str | None = None,
) -> ColumnConfig:
    """A URL column, shown as ``display_text`` (a fixed text, or a regex whose group is
    taken from the URL) or as the URL.

    Examples
    --------
    >>> st.column_config.LinkColumn("App", display_text=r"https://(.*?)\\.streamlit\\.app")
    """
    return _column(
        "LinkColumn", label, width, help, pinned=pinned, disabled=disabled, required=required,
        alignment=alignment, default=default, max_chars=max_chars, validate=validate,
        display_text=display_text,
    )  # fmt: skip


def _media(kind: str) -> Callable[..., ColumnConfig]:
    def column(
        label: str | None = None,
        *,
        width: Any = None,
        help: str | None = None,
        pinned: bool | None = None,
        alignment: str | None = None,
    ) -> ColumnConfig:
        return _column(kind, label, width, help, pinned=pinned, alignment=alignment)

    column.__name__ = column.__qualname__ = kind
    noun = {"ImageColumn": "image", "AudioColumn": "audio", "VideoColumn": "video",
            "JsonColumn": "JSON"}[kind]  # fmt: skip
    column.__doc__ = (
        f"A column of {noun} values; the grid shows them as text (a URL, or compact JSON).\n\n"
        f"Examples\n--------\n>>> st.column_config.{kind}('Preview')\n"
    )
    return column


ImageColumn = _media("ImageColumn")
AudioColumn = _media("AudioColumn")
VideoColumn = _media("VideoColumn")
JsonColumn = _media("JsonColumn")


def MarkdownColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: str | None = None,
    disabled: bool | None = None,
    required: bool | None = None,
    pinned: bool | None = None,
    alignment: str | None = None,
    default: str | None = None,
) -> ColumnConfig:
    """A column of Markdown text, shown as its source text.

    Examples
    --------
    >>> st.column_config.MarkdownColumn("Notes")
    """
    return _column(
        "MarkdownColumn", label, width, help, pinned=pinned, disabled=disabled,
        required=required, alignment=alignment, default=default,
    )  # fmt: skip


def ButtonColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: str | None = None,
    pinned: bool | None = None,
    alignment: str | None = None,
    type: str = "secondary",
    on_click: Callable[..., Any] | None = None,
    args: Iterable[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    key: str | None = None,
) -> ColumnConfig:
    """A column of button labels; the grid shows the labels as text (no clicks).

    Examples
    --------
    >>> st.column_config.ButtonColumn("Action")
    """
    return _column(
        "ButtonColumn", label, width, help, pinned=pinned, alignment=alignment,
        button_type=type, on_click=on_click, args=args, kwargs=kwargs, key=key,
    )  # fmt: skip


def ProgressColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: str | None = None,
    pinned: bool | None = None,
    format: str | None = None,
    min_value: float | None = None,
    max_value: float | None = None,
    step: float | None = None,
    color: Any = None,
) -> ColumnConfig:
    """A number drawn as a progress bar between ``min_value`` (0) and ``max_value``
    (100 for integers, 1 for floats).

    Examples
    --------
    >>> st.column_config.ProgressColumn("Sales", format="$%f", min_value=0, max_value=1000)
    """
    return _column(
        "ProgressColumn", label, width, help, pinned=pinned, format=format,
        min_value=min_value, max_value=max_value, step=step, color=color,
    )  # fmt: skip


def _chart(kind: str) -> Callable[..., ColumnConfig]:
    def column(
        label: str | None = None,
        *,
        width: Any = None,
        help: str | None = None,
        pinned: bool | None = None,
        y_min: float | None = None,
        y_max: float | None = None,
        color: Any = None,
    ) -> ColumnConfig:
        return _column(
            kind, label, width, help, pinned=pinned, y_min=y_min, y_max=y_max, color=color
        )

    column.__name__ = column.__qualname__ = kind
    column.__doc__ = (
        "A column of lists of numbers, drawn in each cell as a small chart of block "
        "characters (▁▃▅▇) between ``y_min`` and ``y_max``.\n\n"
        f"Examples\n--------\n>>> st.column_config.{kind}('Trend', y_min=0, y_max=100)\n"
    )
    return column


LineChartColumn = _chart("LineChartColumn")
BarChartColumn = _chart("BarChartColumn")
AreaChartColumn = _chart("AreaChartColumn")

__all__ = [
    "AreaChartColumn", "AudioColumn", "BarChartColumn", "ButtonColumn", "CheckboxColumn",
    "Column", "DateColumn", "DatetimeColumn", "ImageColumn", "JsonColumn", "LineChartColumn",
    "LinkColumn", "ListColumn", "MarkdownColumn", "MultiselectColumn", "NumberColumn",
    "ProgressColumn", "SelectboxColumn", "TextColumn", "TimeColumn", "VideoColumn",
]  # fmt: skip
