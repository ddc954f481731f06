"""The grid behind ``st.data_editor``: cells edited in the page, checked in the kernel.

Every edit the page sends is checked against its column's configuration before it
counts: a refused value is set back in the page and a message below the grid says why.
Accepted edits, added rows and deleted rows make Streamlit's edit state; the grid always
shows the frame with that state applied. ipydatagrid has no UI for adding or deleting
rows, so the editor puts two buttons above the grid.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import ipywidgets as widgets
import pandas as pd
from ipydatagrid import DataGrid

from jupyter_fragments._output.bundles import escape_html
from jupyter_fragments._page.pool import ModelPool, close_widget
from jupyter_fragments._widgets.grid_data import (
    Refused,
    apply_edits,
    check_edit,
    json_value,
    set_cell,
)
from jupyter_fragments._widgets.grid_state import DataEditorState, edit_state, tagged
from jupyter_fragments._widgets.grid_view import (
    Columns,
    GridView,
    Params,
    close_tree,
    same_columns,
    same_frame,
)

#: column types the page cannot edit (drawn from their values)
READ_ONLY_KINDS = {"progress", "line_chart", "bar_chart", "area_chart", "image", "audio",
                   "video", "button", "json"}  # fmt: skip


class EditorGrid(DataGrid):  # type: ignore[misc]
    """A DataGrid whose cell edits go to ``on_edit`` before anything is kept."""

    def __init__(
        self, frame: pd.DataFrame, on_edit: Callable[[int, int, Any], None], **kwargs: Any
    ) -> None:
        super().__init__(frame, **kwargs)
        # ipydatagrid writes an edit into its copy before anyone may refuse it (and fails
        # on a value of another dtype): the editor takes the message instead
        self.on_msg(self._DataGrid__handle_custom_msg, remove=True)
        self.on_edit = on_edit
        self.on_msg(self._on_custom)

    def _on_custom(self, _widget: Any, content: Any, _buffers: Any) -> None:
        if isinstance(content, dict) and content.get("event_type") == "cell-changed":
            try:
                row, column = int(content["row"]), int(content["column_index"])
            except (KeyError, TypeError, ValueError):
                return
            self.on_edit(row, column, content.get("value"))

    def put(self, row: int, label: str, value: Any) -> None:
        """Keep an accepted value in the kernel's copy (what a reloaded page shows)."""
        table = self._data.get("data")
        if isinstance(table, pd.DataFrame) and label in table.columns and row < len(table):
            set_cell(table, row, label, json_value(value))

    def revert(self, row: int, column: int, value: Any) -> None:
        """Set a cell of the page back to ``value`` (the page echoes it as an edit)."""
        self.send(
            {"event_type": "cell-changed", "row": row, "column_index": column,
             "value": json_value(value)}
        )  # fmt: skip

    def data_rows(self, view_rows: list[int]) -> list[int]:
        """Rows of the view (sorted, filtered) as rows of the data."""
        visible = list(self._visible_rows)
        return [visible[r] if visible and r < len(visible) else r for r in view_rows]


class EditorView(GridView):
    """``st.data_editor``: the grid, its add/delete buttons and its message line."""

    edits_in_place = True

    def __init__(self, params: Params, pool: ModelPool) -> None:
        super().__init__(params, pool)
        self.on_user_change: Callable[[], None] | None = None
        self.edits = tagged(edit_state(), params["signature"])
        self.reported = self.edits
        self.shown, self.origins = apply_edits(self.frame, self.edits)
        raw = self.columns.raw(self.shown)
        self.grid = EditorGrid(
            raw,
            self._on_edit,
            editable=params.get("disabled") is not True,
            selection_mode="cell",
            **self.make_renderers(raw),
            **self.settings(len(raw)),
        )
        self.message = widgets.HTML("", layout=pool.layout(display="none"))
        fit = pool.layout(width="auto")
        self.add = widgets.Button(description="Add row", icon="plus", layout=fit)
        self.delete = widgets.Button(description="Delete selected rows", icon="trash", layout=fit)
        self.add.on_click(lambda _b: self.add_row())
        self.delete.on_click(lambda _b: self.delete_rows())
        self.toolbar = widgets.HBox(layout=pool.layout())
        self._arrange()

    def _arrange(self) -> None:
        rows = self.params.get("num_rows", "fixed")
        buttons = []
        if self.params.get("disabled") is not True:
            buttons += [self.add] if rows in ("dynamic", "add") else []
            buttons += [self.delete] if rows in ("dynamic", "delete") else []
        if tuple(self.toolbar.children) != tuple(buttons):
            self.toolbar.children = tuple(buttons)
        children = ((self.toolbar,) if buttons else ()) + (self.grid, self.message)
        if tuple(self.box.children) != children:
            self.box.children = children

    def update(self, params: Params) -> None:
        """Follow new parameters: other data or columns redraw with the edits kept."""
        old, self.params = self.params, params
        kept_columns = same_columns(old, params)
        frame = params["frame"]
        if not (frame is self.frame or same_frame(frame, self.frame)) or not kept_columns:
            self.frame = frame
            self.columns = Columns(frame, params)
            if not kept_columns:
                renderers = self.renderers
                self.set_traits(self.grid, self.make_renderers(self.columns.raw(frame)))
                for renderer in renderers:
                    close_tree(renderer, self.pool)
            self.refresh()
        traits = self.settings(len(self.shown))
        traits["editable"] = params.get("disabled") is not True
        self.set_traits(self.grid, traits)
        self._arrange()

    def refresh(self) -> None:
        """Show the frame with the current edits applied (the whole frame is resent)."""
        self.shown, self.origins = apply_edits(self.frame, self.edits)
        grid = self.grid
        assert isinstance(grid, EditorGrid)
        self.writing = True
        try:
            with grid.hold_sync():
                grid.data = self.columns.raw(self.shown)
                grid.selections = []
        finally:
            self.writing = False

    # -- what a user does --------------------------------------------------------------
    def _on_edit(self, row: int, column: int, value: Any) -> None:
        columns = self.columns
        if not (0 <= row < len(self.origins) and 0 <= column < len(columns.labels)):
            return
        name, label, config = columns.names[column], columns.labels[column], columns.configs[column]
        at = columns.at[column]
        current = self.shown.iat[row, at]
        if _same_value(value, current):
            return  # the page echoing a value the kernel set
        try:
            if self._read_only(name, config):
                raise Refused("this column cannot be edited")
            kept = check_edit(config, self.frame.dtypes.iloc[at], value)
        except Refused as refused:
            assert isinstance(self.grid, EditorGrid)
            self.grid.revert(row, column, current)
            self.say(f"{label}: {refused}. The cell keeps {_text(current)}.")
            return
        origin = self.origins[row]
        edited = {k: dict(v) for k, v in self.edits["edited_rows"].items()}
        added = [dict(r) for r in self.edits["added_rows"]]
        if origin >= 0:
            edited.setdefault(origin, {})[str(name)] = json_value(kept)
        else:
            added[-1 - origin][str(name)] = json_value(kept)
        set_cell(self.shown, row, name, json_value(kept))
        assert isinstance(self.grid, EditorGrid)
        self.grid.put(row, label, kept)
        self.say("")
        self._changed(edit_state(edited, added, self.edits["deleted_rows"]))

    def _read_only(self, name: Any, config: Mapping[str, Any]) -> bool:
        disabled = self.params.get("disabled")
        if disabled is True or config.get("disabled"):
            return True
        if isinstance(disabled, (set, frozenset)) and str(name) in disabled:
            return True
        return (config.get("type_config") or {}).get("type") in READ_ONLY_KINDS

    def add_row(self) -> None:
        defaults = {
            str(name): json_value(config["default"])
            for name, config in zip(self.columns.names, self.columns.configs, strict=True)
            if config.get("default") is not None
        }
        state = edit_state(
            self.edits["edited_rows"], [*self.edits["added_rows"], defaults],
            self.edits["deleted_rows"],
        )  # fmt: skip
        self._changed(state, refresh=True)

    def delete_rows(self) -> None:
        grid = self.grid
        assert isinstance(grid, EditorGrid)
        view_rows = sorted({r for s in grid.selections for r in range(s["r1"], s["r2"] + 1)})
        origins = [self.origins[r] for r in grid.data_rows(view_rows) if r < len(self.origins)]
        if not origins:
            self.say("Select the rows to delete first (click a row's header, or a cell in it).")
            return
        gone = {o for o in origins if o >= 0}
        dropped = {-1 - o for o in origins if o < 0}
        state = edit_state(
            {k: v for k, v in self.edits["edited_rows"].items() if k not in gone},
            [r for j, r in enumerate(self.edits["added_rows"]) if j not in dropped],
            [*self.edits["deleted_rows"], *gone],
        )
        self._changed(state, refresh=True)

    def _changed(self, state: DataEditorState, *, refresh: bool = False) -> None:
        self.edits = tagged(state, self.params["signature"])
        if refresh:
            self.say("")
            self.refresh()
        self.reported = self.edits
        if self.on_user_change is not None:
            self.on_user_change()

    def say(self, text: str) -> None:
        """Show (or, with "", hide) the message line below the grid."""
        markup = f'<span class="jf-grid-message">⚠ {escape_html(text)}</span>' if text else ""
        if self.message.value != markup:
            self.message.value = markup
            self.message.layout = self.pool.layout(display="none" if not text else None)

    # -- the runtime's side ------------------------------------------------------------
    def write_value(self, state: DataEditorState) -> None:
        """Show ``state`` (the default, or an edit state set through session state)."""
        if state == self.reported:
            return
        self.edits = self.reported = tagged(state, self.params["signature"])
        self.refresh()

    def close(self) -> None:
        for widget in (self.add, self.delete, self.message, self.toolbar):
            close_widget(widget, self.pool)
        super().close()


def _same_value(sent: Any, current: Any) -> bool:
    try:
        return bool(json_value(sent) == json_value(current))
    except (TypeError, ValueError):
        return False


def _text(value: Any) -> str:
    shown = json_value(value)
    return "no value" if shown is None else repr(shown)
