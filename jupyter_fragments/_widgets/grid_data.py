"""Edits applied to a frame, and the check of an edited cell against its column's
configuration (the states themselves are in `grid_state`).

Needs pandas (ipydatagrid brings it); imported only where the grid is available.
"""

from __future__ import annotations

import datetime
import math
import re
import warnings
from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

from jupyter_fragments._widgets.grid_format import is_missing


def json_value(value: Any) -> Any:
    """An edited value as Streamlit keeps it in the edit state (JSON types, ISO dates)."""
    if is_missing(value):
        return None
    if hasattr(value, "item") and not isinstance(value, (list, dict, str)):
        try:
            value = value.item()
        except (TypeError, ValueError):
            pass
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, (bool, int, float, str, list)):
        return value
    if hasattr(value, "tolist"):
        return value.tolist()
    return str(value)


# -- edits applied to a frame --------------------------------------------------------


def apply_edits(frame: pd.DataFrame, state: Mapping[str, Any]) -> tuple[pd.DataFrame, list[int]]:
    """``frame`` with the edits, deletions and additions of ``state`` (always a new frame:
    the caller's data is never changed), and for each of its rows the position it came
    from (``-1 - j`` for the added row ``j``)."""
    edited = state.get("edited_rows") or {}
    deleted = set(state.get("deleted_rows") or ())
    added = list(state.get("added_rows") or ())
    df = frame.copy()
    for pos, changes in edited.items():
        if not 0 <= int(pos) < len(df):
            continue
        for column, value in changes.items():
            set_cell(df, int(pos), column, value)
    kept = [p for p in range(len(frame)) if p not in deleted]
    if deleted:
        df = df.iloc[kept]
    origins = kept + [-1 - j for j in range(len(added))]
    if added:
        df = _append_rows(df, added)
    return df, origins


def set_cell(df: pd.DataFrame, pos: int, column: Any, value: Any) -> None:
    """Set one cell in place from a stored value (the column widened if it must be)."""
    if column not in df.columns:
        named = [c for c in df.columns if str(c) == str(column)]
        if not named:
            return
        column = named[0]
    at = df.columns.get_loc(column)
    if not isinstance(at, int):
        return  # a duplicated column name: no single cell to set
    parsed = parse_value(value, df.dtypes.iloc[at], _sample(df.iloc[:, at]))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", FutureWarning)
            df.iat[pos, at] = parsed
    except (TypeError, ValueError):
        df[column] = df[column].astype(object)
        df.iat[pos, at] = parsed


def _append_rows(df: pd.DataFrame, added: list[Mapping[str, Any]]) -> pd.DataFrame:
    dtypes = df.dtypes
    rows = [
        {
            c: parse_value(row.get(str(c)), dtypes.iloc[i], _sample(df.iloc[:, i]))
            for i, c in enumerate(df.columns)
        }
        for row in added
    ]
    index = df.index
    if isinstance(index, pd.RangeIndex) or pd.api.types.is_integer_dtype(index.dtype):
        start = int(index.max()) + 1 if len(index) else 0
        labels: list[Any] = list(range(start, start + len(rows)))
    else:
        labels = [len(df) + j for j in range(len(rows))]
    new = pd.DataFrame(rows, columns=df.columns, index=labels)
    for i, column in enumerate(df.columns):
        dtype = dtypes.iloc[i]
        try:
            new[column] = new[column].astype(dtype)
        except (TypeError, ValueError):  # a missing value in a number column: NaN
            if pd.api.types.is_numeric_dtype(dtype) and not pd.api.types.is_bool_dtype(dtype):
                new[column] = pd.to_numeric(new[column], errors="coerce")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)
        joined = pd.concat([df, new]) if len(df) else new
    if isinstance(index, pd.RangeIndex) and index.start == 0 and index.step == 1:
        joined.index = pd.RangeIndex(len(joined))
    if index.name is not None:
        joined.index.name = index.name
    return joined


def parse_value(value: Any, dtype: Any, like: Any = None) -> Any:
    """A stored (JSON) value as a cell of a column of ``dtype`` whose values are ``like``
    (dates and times kept as ISO text come back as such); best effort, never raises."""
    if is_missing(value):
        return None
    try:
        if isinstance(value, str) and not isinstance(like, str):
            if isinstance(like, datetime.datetime):
                return pd.Timestamp(value).to_pydatetime()
            if isinstance(like, datetime.date):
                return datetime.date.fromisoformat(value[:10])
            if isinstance(like, datetime.time):
                return datetime.time.fromisoformat(value)
        if pd.api.types.is_bool_dtype(dtype):
            return _to_bool(value)
        if pd.api.types.is_integer_dtype(dtype):
            number = float(value)
            return int(number) if number.is_integer() else number
        if pd.api.types.is_float_dtype(dtype):
            return float(value)
        if pd.api.types.is_datetime64_any_dtype(dtype):
            return pd.Timestamp(value)
        if pd.api.types.is_string_dtype(dtype) and not isinstance(value, (list, dict)):
            return str(value)
    except (TypeError, ValueError, OverflowError):
        return value
    return value


def _sample(column: pd.Series[Any]) -> Any:
    """A value of an object column (what its other cells are), else None."""
    if column.dtype != object:
        return None
    for value in column.head(50).tolist():
        if not is_missing(value):
            return value
    return None


def _to_bool(value: Any) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in ("true", "1", "yes", "on", "☑", "✓")
    return bool(value)


# -- the check of an edited cell -----------------------------------------------------


class Refused(ValueError):
    """An edit the column's configuration does not allow; the message says why."""


def check_edit(config: Mapping[str, Any], dtype: Any, value: Any) -> Any:
    """The edited ``value`` as the column keeps it, or `Refused` saying why not.

    ``config`` is the column's normalized ``column_config`` entry (``required``,
    ``type_config`` with min/max/step, options, max_chars, validate).
    """
    type_config = config.get("type_config") or {}
    kind = type_config.get("type") or _kind_of(dtype)
    if is_missing(value) or (value == "" and kind not in ("text", "link", "markdown")):
        if config.get("required"):
            raise Refused("a value is required")
        return None
    if kind in ("number", "progress"):
        return _check_number(type_config, dtype, value)
    if kind == "checkbox":
        return _to_bool(value)
    if kind in ("text", "link", "markdown"):
        return _check_text(type_config, str(value))
    if kind == "selectbox":
        return _check_option(type_config, value)
    if kind in ("multiselect", "list"):
        return _check_list(type_config, value)
    if kind in ("date", "datetime", "time"):
        return _check_temporal(type_config, kind, value)
    return value


def _kind_of(dtype: Any) -> str | None:
    if pd.api.types.is_bool_dtype(dtype):
        return "checkbox"
    if pd.api.types.is_numeric_dtype(dtype):
        return "number"
    if pd.api.types.is_datetime64_any_dtype(dtype):
        return "datetime"
    if pd.api.types.is_string_dtype(dtype):
        return "text"
    return None


def _check_number(type_config: Mapping[str, Any], dtype: Any, value: Any) -> Any:
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise Refused(f"{value!r} is not a number") from None
    if math.isnan(number) or math.isinf(number):
        raise Refused(f"{value!r} is not a finite number")
    low, high, step = (type_config.get(k) for k in ("min_value", "max_value", "step"))
    if low is not None and number < low:
        raise Refused(f"{_show(number)} is below the minimum {low}")
    if high is not None and number > high:
        raise Refused(f"{_show(number)} is above the maximum {high}")
    if step:
        steps = (number - (low or 0)) / step
        if abs(steps - round(steps)) > 1e-9 * max(1.0, abs(steps)):
            raise Refused(f"{_show(number)} is not a multiple of the step {step}")
    if pd.api.types.is_integer_dtype(dtype) or (step and float(step).is_integer() and not low):
        if not number.is_integer():
            raise Refused(f"{_show(number)} is not a whole number")
        return int(number)
    return number


def _show(number: float) -> str:
    return str(int(number)) if number.is_integer() else str(number)


def _check_text(type_config: Mapping[str, Any], text: str) -> str:
    limit = type_config.get("max_chars")
    if limit is not None and len(text) > limit:
        raise Refused(f"{text!r} is longer than {limit} characters")
    pattern = type_config.get("validate")
    if pattern:
        try:
            matched = re.search(pattern, text) is not None
        except re.error:
            matched = True  # a broken pattern refuses nothing
        if not matched:
            raise Refused(f"{text!r} does not match the pattern {pattern!r}")
    return text


def _check_option(type_config: Mapping[str, Any], value: Any) -> Any:
    options = type_config.get("options")
    if options is None:
        return value
    label = type_config.get("format_func")
    for option in options:
        if option == value or str(option) == str(value) or (label and str(label(option)) == value):
            return option
    shown = ", ".join(str(o) for o in options[:10])
    raise Refused(f"{value!r} is not one of the options ({shown})")


def _check_list(type_config: Mapping[str, Any], value: Any) -> list[Any]:
    if isinstance(value, str):
        items: list[Any] = [v.strip() for v in value.split(",") if v.strip()]
    elif isinstance(value, Iterable):
        items = list(value)
    else:
        items = [value]
    options = type_config.get("options")
    if options is not None and not type_config.get("accept_new_options"):
        known = {str(o) for o in options}
        unknown = [i for i in items if str(i) not in known]
        if unknown:
            raise Refused(f"{unknown[0]!r} is not one of the options")
    return items


def _check_temporal(type_config: Mapping[str, Any], kind: str, value: Any) -> Any:
    try:
        stamp = pd.Timestamp(value) if kind != "time" else None
        if kind == "time":
            parsed: Any = (
                value if isinstance(value, datetime.time) else datetime.time.fromisoformat(value)
            )
        elif kind == "date":
            parsed = stamp.date() if stamp is not None else None
        else:
            parsed = stamp
    except (TypeError, ValueError):
        raise Refused(f"{value!r} is not a {kind}") from None
    low, high = type_config.get("min_value"), type_config.get("max_value")
    try:
        if low is not None and parsed < _like(low, parsed):
            raise Refused(f"{parsed} is before the minimum {low}")
        if high is not None and parsed > _like(high, parsed):
            raise Refused(f"{parsed} is after the maximum {high}")
    except TypeError:
        pass
    return parsed


def _like(bound: Any, value: Any) -> Any:
    """``bound`` as the same kind of object as ``value`` (dates against timestamps)."""
    if isinstance(value, pd.Timestamp):
        return pd.Timestamp(bound)
    if isinstance(value, datetime.date) and isinstance(bound, datetime.datetime):
        return bound.date()
    return bound
