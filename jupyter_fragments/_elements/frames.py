"""What ``st.dataframe`` and ``st.data_editor`` take and give back.

`to_frame` turns any dataframe-like input (pandas, a Styler, polars, pyarrow, numpy,
lists, dicts) into a pandas frame and remembers the input's format, so the editor can
return its edits in the same type (`from_frame`). `grid_columns` normalizes
``column_config`` and ``column_order`` into the columns a grid shows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from jupyter_fragments.errors import FragmentsAPIError

#: formats whose pandas index is made up (a range): Streamlit hides it
NO_INDEX = {"numpy1", "numpy2", "list_values", "tuple_values", "set_values", "list_records",
            "list_rows", "dict_columns", "polars", "polars_series", "pyarrow"}  # fmt: skip
INDEX = "_index"


def to_frame(data: Any, call: str) -> tuple[Any, str, Any]:
    """``(frame, format, styled)``: a pandas frame, the input's format, and for a Styler the
    formatted text of its formatted columns (else None)."""
    import pandas as pd

    if data is None:
        return pd.DataFrame(), "none", None
    if type(data).__name__ == "Styler" and hasattr(data, "data"):
        return data.data, "styler", _styled_text(data)
    if isinstance(data, pd.DataFrame):
        return data, "pandas", None
    if isinstance(data, pd.Series):
        return data.to_frame(), "series", None
    module = type(data).__module__.split(".")[0]
    if module == "polars":
        return _from_polars(data), "polars_series" if hasattr(data, "to_frame") else "polars", None
    if module == "pyarrow" and hasattr(data, "to_pandas"):
        frame = data.to_pandas()
        return (frame if isinstance(frame, pd.DataFrame) else frame.to_frame()), "pyarrow", None
    if module == "numpy" and hasattr(data, "ndim"):
        if data.ndim > 2:
            raise FragmentsAPIError(
                f"{call} got a {data.ndim}-dimensional array. Fix: pass a 1- or 2-dimensional "
                "array (e.g. array.reshape(len(array), -1))."
            )
        return pd.DataFrame(data), "numpy1" if data.ndim == 1 else "numpy2", None
    if isinstance(data, Mapping):
        return _from_mapping(data)
    if isinstance(data, (list, tuple, set, frozenset)):
        return _from_sequence(data)
    try:
        return pd.DataFrame(data), "pandas", None
    except (TypeError, ValueError) as exc:
        raise FragmentsAPIError(
            f"{call} cannot show a {type(data).__name__} ({exc}). Fix: pass a pandas or "
            "polars DataFrame, a dict of columns, a list of rows or a numpy array."
        ) from None


def _from_polars(data: Any) -> Any:
    import pandas as pd

    if hasattr(data, "collect"):  # a LazyFrame
        data = data.collect()
    try:
        frame = data.to_pandas()
    except (ImportError, ModuleNotFoundError):  # polars without pyarrow
        frame = (
            pd.DataFrame(data.to_frame().to_dict(as_series=False))
            if hasattr(data, "to_frame")
            else pd.DataFrame(data.to_dict(as_series=False))
        )
    return frame if isinstance(frame, pd.DataFrame) else frame.to_frame()


def _from_mapping(data: Mapping[Any, Any]) -> tuple[Any, str, Any]:
    import pandas as pd

    values = list(data.values())
    if not values:
        return pd.DataFrame(), "dict_kv", None
    if isinstance(values[0], Mapping):
        return pd.DataFrame(dict(data)), "dict_index", None
    if all(isinstance(v, (list, tuple)) or hasattr(v, "tolist") for v in values):
        return pd.DataFrame(dict(data)), "dict_columns", None
    return pd.Series(dict(data), name="value").to_frame(), "dict_kv", None


def _from_sequence(data: Any) -> tuple[Any, str, Any]:
    import pandas as pd

    items = list(data)
    if items and all(isinstance(i, Mapping) for i in items):
        return pd.DataFrame(items), "list_records", None
    if items and all(isinstance(i, (list, tuple)) for i in items):
        return pd.DataFrame(items), "list_rows", None
    kind: dict[type, str] = {tuple: "tuple_values", set: "set_values", frozenset: "set_values"}
    return pd.DataFrame({"value": items}), kind.get(type(data), "list_values"), None


def _styled_text(styler: Any) -> Any:
    """The text a Styler's ``format()`` gives its formatted columns (None if it has none)."""
    import pandas as pd

    funcs = getattr(styler, "_display_funcs", None)
    data = styler.data
    if not funcs:
        return None
    columns = sorted({c for (_r, c) in list(funcs)})
    texts = {}
    for c in columns:
        if c >= data.shape[1]:
            continue
        values = data.iloc[:, c].tolist()
        texts[data.columns[c]] = [
            str(funcs[(r, c)](v)) if (r, c) in funcs else str(v) for r, v in enumerate(values)
        ]
    return pd.DataFrame(texts, index=data.index) if texts else None


def from_frame(frame: Any, fmt: str, original: Any) -> Any:
    """The edited ``frame`` in the format the data was given in."""
    if fmt in ("pandas", "styler", "none"):
        return frame
    if fmt == "series":
        return frame.iloc[:, 0].rename(getattr(original, "name", None))
    if fmt in ("polars", "polars_series"):
        import polars as pl

        try:
            converted = pl.from_pandas(frame)
        except (ImportError, ModuleNotFoundError):  # nullable columns need pyarrow: go by lists
            columns = {str(name): frame[name].tolist() for name in frame.columns}
            converted = pl.DataFrame(columns, strict=False)
        return converted.to_series() if fmt == "polars_series" else converted
    if fmt == "pyarrow":
        import pyarrow as pa

        return pa.Table.from_pandas(frame, preserve_index=False)
    if fmt == "numpy1":
        return frame.iloc[:, 0].to_numpy()
    if fmt == "numpy2":
        return frame.to_numpy()
    plain = frame.astype(object).where(frame.notna(), None)
    if fmt == "list_records":
        return plain.to_dict(orient="records")
    if fmt == "list_rows":
        return plain.to_numpy().tolist()
    if fmt == "dict_columns":
        return plain.to_dict(orient="list")
    if fmt == "dict_index":
        return plain.to_dict(orient="dict")
    if fmt == "dict_kv":
        return plain.iloc[:, 0].to_dict() if len(plain.columns) else {}
    values = plain.iloc[:, 0].tolist() if len(plain.columns) else []
    return {"tuple_values": tuple, "set_values": set}.get(fmt, list)(values)


# -- columns -------------------------------------------------------------------------

ColumnConfig = dict[str, Any]
_WIDTHS = ("small", "medium", "large")
_ALIGNMENTS = ("left", "center", "right")


def column_dict(
    kind: str,
    label: str | None,
    width: Any,
    help: str | None,
    *,
    pinned: bool | None = None,
    disabled: bool | None = None,
    required: bool | None = None,
    alignment: str | None = None,
    default: Any = None,
    **type_config: Any,
) -> ColumnConfig:
    """What every ``st.column_config`` function returns, checked where a typo would pass
    silently (a width, an alignment, min above max)."""
    call = f"st.column_config.{kind}"
    if width is not None and width not in _WIDTHS:
        if not isinstance(width, int) or isinstance(width, bool) or width <= 0:
            raise FragmentsAPIError(
                f"{call} got width={width!r}. "
                "Fix: pass 'small', 'medium', 'large' or a number of pixels."
            )
    if alignment is not None and alignment not in _ALIGNMENTS:
        raise FragmentsAPIError(
            f"{call} got alignment={alignment!r}. Fix: pass 'left', 'center' or 'right'."
        )
    low, high = type_config.get("min_value"), type_config.get("max_value")
    if low is not None and high is not None and _greater(low, high):
        raise FragmentsAPIError(
            f"{call} got min_value={low!r} above max_value={high!r}. Fix: swap them."
        )
    config: ColumnConfig = {
        "label": label,
        "width": width,
        "help": help,
        "disabled": disabled,
        "required": required,
        "pinned": pinned,
        "alignment": alignment,
        "default": default,
        "type_config": {"type": _TYPES[kind], **type_config},
    }
    return config


def _greater(low: Any, high: Any) -> bool:
    try:
        return bool(low > high)
    except TypeError:
        return False


_TYPES = {
    "Column": None,
    "TextColumn": "text",
    "NumberColumn": "number",
    "CheckboxColumn": "checkbox",
    "SelectboxColumn": "selectbox",
    "MultiselectColumn": "multiselect",
    "ListColumn": "list",
    "DatetimeColumn": "datetime",
    "DateColumn": "date",
    "TimeColumn": "time",
    "LinkColumn": "link",
    "ImageColumn": "image",
    "AudioColumn": "audio",
    "VideoColumn": "video",
    "ButtonColumn": "button",
    "ProgressColumn": "progress",
    "LineChartColumn": "line_chart",
    "BarChartColumn": "bar_chart",
    "AreaChartColumn": "area_chart",
    "JsonColumn": "json",
    "MarkdownColumn": "markdown",
}


def option_list(
    options: Iterable[Any] | None, format_func: Callable[[Any], Any] | None, call: str
) -> list[Any] | None:
    if options is None:
        return None
    if isinstance(options, (str, bytes)):
        raise FragmentsAPIError(f"{call} got options={options!r}. Fix: pass a list of options.")
    if format_func is not None and not callable(format_func):
        raise FragmentsAPIError(f"{call} got a format_func that is not callable.")
    return list(options)


_CONFIG_KEYS = ("label", "width", "help", "disabled", "required", "pinned", "alignment",
                "default", "hidden", "type_config")  # fmt: skip


def normalize_config(value: Any, call: str, column: Any) -> dict[str, Any]:
    """One ``column_config`` entry: None hides the column, a str is its label."""
    if value is None:
        return {"hidden": True}
    if isinstance(value, str):
        return {"label": value}
    if isinstance(value, Mapping):
        unknown = [k for k in value if k not in _CONFIG_KEYS and k != "type"]
        if unknown:
            raise FragmentsAPIError(
                f"{call} got column_config[{column!r}] with unknown setting {unknown[0]!r}. "
                "Fix: use st.column_config.Column(...) or one of its typed columns."
            )
        config = {k: value[k] for k in _CONFIG_KEYS if k in value and value[k] is not None}
        if "type" in value and "type_config" not in config:
            config["type_config"] = {"type": value["type"]}
        return config
    raise FragmentsAPIError(
        f"{call} got column_config[{column!r}] = {value!r}. Fix: pass a label (str), None "
        "to hide the column, or st.column_config.Column(...) / TextColumn(...) etc."
    )


def grid_columns(
    frame: Any, column_config: Any, column_order: Iterable[Any] | None, call: str
) -> tuple[list[tuple[Any, str, dict[str, Any]]], dict[str, Any]]:
    """The columns shown, as ``(name, label, config)``, and the index's config."""
    if column_config is not None and not isinstance(column_config, Mapping):
        raise FragmentsAPIError(
            f"{call} got column_config of type {type(column_config).__name__}. Fix: pass a "
            'dict from column names to configs, e.g. {"price": st.column_config.NumberColumn()}.'
        )
    names = list(frame.columns)
    by_text = {str(n): n for n in names}
    configs: dict[Any, dict[str, Any]] = {}
    for key, value in (column_config or {}).items():
        if key == INDEX:
            configs[INDEX] = normalize_config(value, call, key)
            continue
        name = by_text.get(str(key))
        if name is None and isinstance(key, int) and 0 <= key < len(names):
            name = names[key]
        if name is not None:
            configs[name] = normalize_config(value, call, key)
    order = names
    if column_order is not None:
        if isinstance(column_order, str):
            column_order = [column_order]
        wanted = [str(c) for c in column_order]
        unknown = [c for c in wanted if c not in by_text]
        if unknown:
            raise FragmentsAPIError(
                f"{call} got column_order with unknown column {unknown[0]!r}. "
                f"Fix: use names from {[str(n) for n in names]}."
            )
        order = list(dict.fromkeys(by_text[c] for c in wanted))
    shown = []
    for name in order:
        config = configs.get(name, {})
        if not config.get("hidden"):
            label = config.get("label")
            shown.append((name, str(name) if label is None else str(label), config))
    return shown, configs.get(INDEX, {})


def data_signature(frame: Any, *, values: bool) -> tuple[Any, ...]:
    """What makes an editor's edits meaningless when it changes: the columns, their
    types and the number of rows (and, with ``values``, the data itself)."""
    import pandas as pd

    shape = (
        tuple(str(c) for c in frame.columns),
        tuple(str(t) for t in frame.dtypes),
        len(frame),
        type(frame.index).__name__,
    )
    if not values:
        return shape
    try:
        digest = int(pd.util.hash_pandas_object(frame, index=True).sum())
    except (TypeError, ValueError):
        digest = hash(repr(frame.to_dict(orient="list")))
    return (*shape, digest)
