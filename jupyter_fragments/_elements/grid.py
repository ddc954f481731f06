"""``st.dataframe`` and ``st.data_editor``: an interactive grid (ipydatagrid).

Without ``on_select`` a dataframe is a display element, kept by position across reruns
so its sort and scroll survive; with it, and for the editor, the grid is an input kept
by identity (`_widgets/grid.py`). Where ipydatagrid cannot be imported, both show the
static table with a one-line note.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from jupyter_fragments._elements._core import add_layout, context, render_input
from jupyter_fragments._elements.data import static_dataframe
from jupyter_fragments._elements.frames import (
    NO_INDEX,
    data_signature,
    from_frame,
    grid_columns,
    to_frame,
)
from jupyter_fragments._page.pool import ModelPool
from jupyter_fragments._widgets.grid import DATA_EDITOR, DATAFRAME, grid_available
from jupyter_fragments._widgets.grid_state import DataframeState, selection_state
from jupyter_fragments.errors import FragmentsAPIError

NOTE = "Install ipydatagrid for the interactive grid: pip install ipydatagrid"
_ROW = ("single-row", "single-row-required", "multi-row")
_MODES = (*_ROW, "single-column", "multi-column", "single-cell", "multi-cell")


def _ready() -> bool:
    """Whether the grid can be drawn (ipydatagrid and its frontend module import)."""
    if not grid_available():
        return False
    try:
        import jupyter_fragments._widgets.grid_editor
        import jupyter_fragments._widgets.grid_view  # noqa: F401
    except ImportError:
        return False
    return True


def _modes(selection_mode: Any, call: str) -> frozenset[str]:
    chosen = [selection_mode] if isinstance(selection_mode, str) else list(selection_mode or ())
    unknown = [m for m in chosen if m not in _MODES]
    if unknown or not chosen:
        raise FragmentsAPIError(
            f"{call} got selection_mode={selection_mode!r}. Fix: use one or more of "
            f"{', '.join(repr(m) for m in _MODES)}."
        )
    for family in (_ROW, ("single-column", "multi-column"), ("single-cell", "multi-cell")):
        both = [m for m in chosen if m in family]
        if len(set(both)) > 1:
            raise FragmentsAPIError(
                f"{call} got selection_mode={both!r}: only one of them can be used. "
                f"Fix: keep one, e.g. selection_mode={both[-1]!r}."
            )
    return frozenset(chosen)


def _grid_params(
    data: Any,
    call: str,
    *,
    column_config: Any,
    column_order: Iterable[str] | None,
    hide_index: bool | None,
    row_index_hidden_by_modes: bool,
    width: Any,
    height: Any,
    use_container_width: bool | None,
    row_height: int | None,
    placeholder: str | None,
) -> tuple[dict[str, Any], str]:
    """The parameters both grids take, and the format the data came in."""
    import pandas as pd

    frame, fmt, styled = to_frame(data, call)
    columns, index_config = grid_columns(frame, column_config, column_order, call)
    if hide_index is not None:
        hidden = bool(hide_index)
    elif index_config.get("hidden") is not None:
        hidden = bool(index_config["hidden"])
    else:
        ranged = isinstance(frame.index, pd.RangeIndex)
        hidden = fmt in NO_INDEX or (row_index_hidden_by_modes and ranged)
    if use_container_width is not None:
        width = "stretch" if use_container_width else "content"
    if height not in ("auto", "content", "stretch", None) and (
        not isinstance(height, int) or isinstance(height, bool) or height <= 0
    ):
        raise FragmentsAPIError(
            f"{call} got height={height!r}. Fix: pass 'auto', 'content', 'stretch' or pixels."
        )
    if row_height is not None and (not isinstance(row_height, int) or row_height <= 0):
        raise FragmentsAPIError(f"{call} got row_height={row_height!r}. Fix: pass pixels (int).")
    params = {
        "frame": frame,
        "styled": styled,
        "columns": columns,
        "index": {"label": index_config.get("label"), "hidden": hidden},
        "width": width,
        "height": height,
        "row_height": row_height,
        "placeholder": placeholder,
    }
    return params, fmt


def dataframe(
    data: Any = None,
    width: Any = "stretch",
    height: Any = "auto",
    *,
    use_container_width: bool | None = None,
    hide_index: bool | None = None,
    column_order: Iterable[str] | None = None,
    column_config: Any = None,
    key: Any = None,
    on_select: Any = "ignore",
    selection_mode: Any = "multi-row",
    selection_default: Any = None,
    row_height: int | None = None,
    placeholder: str | None = None,
    lazy: bool | None = None,
    alt: str | None = None,
) -> DataframeState | None:
    """Show a DataFrame (or polars frame, dict, list, array) in a sortable, scrollable grid.

    Every row is reachable: the grid fetches rows from the kernel as it scrolls, and
    sorts (a column header's menu) in the kernel on the raw values. With
    ``on_select="rerun"`` (or a callback) a user's selection reruns the enclosing
    fragment and the call returns Streamlit's selection state.

    Parameters
    ----------
    data : DataFrame, Styler, polars/pyarrow frame, dict, list, numpy array, or None
    width, height : "stretch", "content", "auto" or pixels
        ``height="auto"`` shows up to ten rows, ``"content"`` every row (to 10,000 px).
    hide_index, column_order, column_config
        As in Streamlit; ``column_config`` maps a column (or ``"_index"``) to a label,
        None (hidden) or ``st.column_config.*Column(...)``.
    key : str, optional
        Where the selection is kept in ``st.session_state`` (settable there).
    on_select : "ignore", "rerun" or callable
    selection_mode : str or list of str
        ``"single-row"``, ``"single-row-required"``, ``"multi-row"``, ``"single-column"``,
        ``"multi-column"``, ``"single-cell"``, ``"multi-cell"``.
    selection_default, row_height, placeholder
        The first selection (``{"selection": {"rows": [0]}}``), pixels, missing values' text.
    lazy, alt : ignored (rows are always fetched on demand)

    Returns
    -------
    None, or with ``on_select`` the selection: ``event.selection.rows`` (positions in
    the data, whatever the sort), ``.columns`` (names), ``.cells`` ((row, name) pairs).

    Examples
    --------
    >>> event = st.dataframe(df, on_select="rerun", selection_mode="multi-row")
    >>> st.write(df.iloc[event.selection.rows])
    """
    call = "st.dataframe()"
    if on_select not in ("ignore", "rerun", None) and not callable(on_select):
        raise FragmentsAPIError(
            f"{call} got on_select={on_select!r}. Fix: pass 'ignore', 'rerun' or a function."
        )
    selectable = on_select not in ("ignore", None)
    modes = _modes(selection_mode, call) if selectable else frozenset()
    if not _ready():
        static_dataframe(data, column_order, hide_index, height, note=NOTE)
        return selection_state() if selectable else None
    params, _fmt = _grid_params(
        data, call, column_config=column_config, column_order=column_order,
        hide_index=hide_index, row_index_hidden_by_modes=bool(modes & set(_ROW)), width=width,
        height=height, use_container_width=use_container_width, row_height=row_height,
        placeholder=placeholder,
    )  # fmt: skip
    params["modes"] = modes
    if not selectable:
        _show(params, call)
        return None
    frame = params["frame"]
    params["signature"] = (tuple(str(c) for c in frame.columns), len(frame))
    params["selection_default"] = selection_default
    params["keyed"] = key is not None
    callback = on_select if callable(on_select) else None
    return render_input(DATAFRAME, None, params, key=key, callback=callback, call=call)  # type: ignore[no-any-return]


def _show(params: dict[str, Any], call: str) -> None:
    """A read-only grid: reused by position across reruns (its sort and scroll stay)."""
    from jupyter_fragments._widgets.grid_view import DataframeView

    ctx = context()
    if ctx is None:  # outside an app: a grid of its own in the cell's output
        from IPython.display import display

        display(DataframeView(params, ModelPool()).box)  # type: ignore[no-untyped-call]
        return
    pool = ctx.app.page.pool
    made: list[Any] = []

    def make() -> tuple[Any, list[Any]]:
        view = DataframeView(params, pool)
        made.append(view)
        return view.box, []

    element = add_layout("dataframe", ("grid",), make, call)
    if not made:
        element.widget.view.update(params)  # type: ignore[union-attr]


def data_editor(
    data: Any,
    *,
    width: Any = "stretch",
    height: Any = "auto",
    use_container_width: bool | None = None,
    hide_index: bool | None = None,
    column_order: Iterable[str] | None = None,
    column_config: Any = None,
    num_rows: str = "fixed",
    disabled: bool | Iterable[str | int] = False,
    key: Any = None,
    on_change: Callable[..., Any] | str | None = "rerun",
    args: Iterable[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    row_height: int | None = None,
    placeholder: str | None = None,
    alt: str | None = None,
) -> Any:
    """An editable grid; returns the data with the user's edits, in the type it was given.

    Double-click a cell (or start typing) to edit it. Each edit is checked against the
    column's ``column_config`` (min/max/step, options, max_chars, validate, required):
    a refused value is set back and a message under the grid says why. With
    ``num_rows="dynamic"`` ("add", "delete") buttons above the grid add a row or delete
    the selected rows. ``st.session_state[key]`` holds Streamlit's edit state:
    ``{"edited_rows": {pos: {col: value}}, "added_rows": [...], "deleted_rows": [...]}``.

    Parameters
    ----------
    data : DataFrame, Styler, polars/pyarrow frame, dict, list or numpy array
    num_rows : "fixed", "dynamic", "add" or "delete"
    disabled : bool or list of column names (or positions)
        Columns the user cannot edit (True: all).
    on_change : "rerun", "ignore" or callable
        A callable runs (with ``args``/``kwargs``) before the rerun an edit causes;
        "ignore" keeps the edits without rerunning (the next run returns them).
    width, height, hide_index, column_order, column_config, row_height, placeholder
        As for `dataframe`.

    Examples
    --------
    >>> edited = st.data_editor(df, num_rows="dynamic", key="people")
    >>> st.write("rows:", len(edited))
    """
    call = "st.data_editor()"
    if num_rows not in ("fixed", "dynamic", "add", "delete"):
        raise FragmentsAPIError(
            f"{call} got num_rows={num_rows!r}. Fix: pass 'fixed', 'dynamic', 'add' or 'delete'."
        )
    if on_change not in ("rerun", "ignore", None) and not callable(on_change):
        raise FragmentsAPIError(
            f"{call} got on_change={on_change!r}. Fix: pass 'rerun', 'ignore' or a function."
        )
    if not _ready():
        static_dataframe(data, column_order, hide_index, height, note=NOTE)
        return data
    params, fmt = _grid_params(
        data, call, column_config=column_config, column_order=column_order,
        hide_index=hide_index, row_index_hidden_by_modes=False, width=width, height=height,
        use_container_width=use_container_width, row_height=row_height,
        placeholder=placeholder,
    )  # fmt: skip
    frame = params["frame"]
    params["num_rows"] = num_rows
    params["disabled"] = _disabled(disabled, frame, call)
    values = key is None or num_rows != "fixed"
    params["signature"] = (*data_signature(frame, values=values), num_rows)
    state = render_input(
        DATA_EDITOR, None, params, key=key, callback=on_change, args=args, kwargs=kwargs,
        call=call,
    )  # fmt: skip
    from jupyter_fragments._widgets.grid_data import apply_edits

    edited, _origins = apply_edits(frame, state)
    return from_frame(edited, fmt, data)


def _disabled(disabled: Any, frame: Any, call: str) -> bool | frozenset[str]:
    if isinstance(disabled, bool):
        return disabled
    if disabled is None:
        return False
    if isinstance(disabled, str) or not isinstance(disabled, Iterable):
        raise FragmentsAPIError(
            f"{call} got disabled={disabled!r}. Fix: pass True/False or a list of column names."
        )
    names = list(frame.columns)
    found = set()
    for item in disabled:
        if isinstance(item, int) and not isinstance(item, bool) and 0 <= item < len(names):
            found.add(str(names[item]))
        else:
            found.add(str(item))
    return frozenset(found)
