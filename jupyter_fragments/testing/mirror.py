"""The frontend's copy of the kernel's widget models, rebuilt from comm messages.

Applies ``comm_open``/``comm_msg``/``comm_close`` on the ``jupyter.widget`` target the
way the JupyterLab widget manager does. It only reads messages; sending is the session's.
"""

from __future__ import annotations

import base64
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ._grid_cells import RESTREAM_TRAITS, GridCells, is_grid, is_streaming

__all__ = ["WidgetMirror", "WidgetModel", "model_ref"]

WIDGET_TARGET = "jupyter.widget"
_REF_PREFIX = "IPY_MODEL_"


def model_ref(value: Any) -> str | None:
    """The model id in a serialized widget reference (``"IPY_MODEL_<id>"``), else None.

    Examples
    --------
    >>> model_ref("IPY_MODEL_abc")
    'abc'
    >>> model_ref(3) is None
    True
    """
    if isinstance(value, str) and value.startswith(_REF_PREFIX):
        return value[len(_REF_PREFIX) :]
    return None


@dataclass
class WidgetModel:
    """One mirrored widget model.

    Attributes
    ----------
    model_id : str
        The comm id, which is the widget's ``model_id`` in the kernel.
    state : dict
        The synced state as the frontend holds it (JSON values; binary buffers as bytes).
    closed : bool
        True once the kernel closed the comm.
    grid : GridCells or None
        For an ipydatagrid grid, the rows its page holds besides the synced state
        (streamed rows, cells edited in the page).
    """

    model_id: str
    state: dict[str, Any] = field(default_factory=dict)
    closed: bool = False
    grid: GridCells | None = None

    def note_change(self, changed: Mapping[str, Any]) -> None:
        """Note what a state change means for the rows a grid's page holds."""
        if self.grid is None and is_grid(self.state):
            self.grid = GridCells()
        if self.grid is None or not RESTREAM_TRAITS & changed.keys():
            return
        self.grid.stale = True
        if "_data" in changed:
            self.grid.edits.clear()  # the kernel's copy now has (or refused) them

    def take_custom(self, content: Any, buffers: Sequence[Any]) -> None:
        """What a grid's page does with a custom message from the kernel: keep the rows
        of a ``data-reply``, ask again after a ``tick``, set a cell on ``cell-changed``."""
        if self.grid is None or not isinstance(content, dict):
            return
        event = content.get("event_type")
        if event == "data-reply":
            self.grid.take_reply(content, buffers, fresh=False)
        elif event == "tick":
            self.grid.stale = True
        elif event == "cell-changed" and not is_streaming(self.state):
            self.edit_cell(content)

    def edit_cell(self, content: Mapping[str, Any]) -> None:
        """Set a cell of a ``DataGrid`` as the page does (a ``cell-changed`` message)."""
        if self.grid is None:
            return
        try:
            at = (int(content["row"]), int(content["column_index"]))
        except (KeyError, TypeError, ValueError):
            return
        self.grid.edits[at] = content.get("value")

    @property
    def model_name(self) -> str:
        """The model class name, e.g. ``"IntSliderModel"``."""
        return str(self.state.get("_model_name", ""))

    @property
    def model_module(self) -> str:
        """The JavaScript module of the model, e.g. ``"@jupyter-widgets/controls"``."""
        return str(self.state.get("_model_module", ""))

    @property
    def kind(self) -> str:
        """The model name without its ``Model`` suffix, e.g. ``"IntSlider"``."""
        return self.model_name.removesuffix("Model")

    @property
    def description(self) -> str:
        """The widget's label (its ``description``), or ``""``."""
        return str(self.state.get("description") or "")

    def refs(self, name: str) -> list[str]:
        """Model ids referenced by the trait ``name`` (a single reference or a list)."""
        value = self.state.get(name)
        values = value if isinstance(value, list | tuple) else [value]
        return [ref for ref in (model_ref(v) for v in values) if ref is not None]


def _insert_buffers(state: dict[str, Any], paths: Sequence[Any], buffers: Sequence[Any]) -> None:
    for path, buf in zip(paths, buffers, strict=False):
        target: Any = state
        for step in path[:-1]:
            target = target[step]
        target[path[-1]] = bytes(buf)


class WidgetMirror(Mapping[str, WidgetModel]):
    """model_id -> :class:`WidgetModel`, kept up to date from iopub comm messages.

    A read-only mapping; closed models stay (with ``closed=True``) until
    :meth:`forget_closed`.

    Attributes
    ----------
    opens, closes, updates, echo_updates, customs : int
        How many ``comm_open``, ``comm_close``, ``update``, ``echo_update`` and
        ``custom`` messages were applied since the last :meth:`reset_counters`.

    Examples
    --------
    >>> mirror = WidgetMirror()
    >>> mirror.apply({"msg_type": "comm_open", "buffers": [], "content": {
    ...     "comm_id": "m1", "target_name": "jupyter.widget",
    ...     "data": {"state": {"_model_name": "IntSliderModel", "value": 3}}}})
    True
    >>> mirror["m1"].kind, mirror["m1"].state["value"]
    ('IntSlider', 3)
    """

    def __init__(self) -> None:
        self._models: dict[str, WidgetModel] = {}
        self.reset_counters()

    def reset_counters(self) -> None:
        """Set every message counter back to zero."""
        self.opens = self.closes = self.updates = self.echo_updates = self.customs = 0

    def __getitem__(self, model_id: str) -> WidgetModel:
        return self._models[model_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self._models)

    def __len__(self) -> int:
        return len(self._models)

    def live(self) -> list[WidgetModel]:
        """The models that are not closed, in the order they were opened."""
        return [m for m in self._models.values() if not m.closed]

    def forget_closed(self) -> None:
        """Drop closed models, so that a reused kernel starts the next test clean."""
        self._models = {k: m for k, m in self._models.items() if not m.closed}

    def seed(
        self,
        states: Mapping[str, Mapping[str, Any]],
        buffers: Mapping[str, Mapping[Any, Mapping[str, Any]]] | None = None,
    ) -> None:
        """Add models from saved state, e.g. nbclient's ``widget_state``/``widget_buffers``.

        ``buffers`` maps a model id to ``{path: {"path": [...], "data": base64}}``.
        """
        for model_id, state in states.items():
            model = self._models.setdefault(model_id, WidgetModel(model_id))
            model.state.update(state)
            saved = (buffers or {}).get(model_id, {})
            paths = [b["path"] for b in saved.values()]
            datas = [base64.b64decode(b["data"]) for b in saved.values()]
            _insert_buffers(model.state, paths, datas)
            model.note_change(state)

    def set_local(self, model_id: str, state: Mapping[str, Any]) -> None:
        """Record a change the frontend made itself (a user's edit), before it is synced."""
        model = self._models[model_id]
        model.state.update(state)
        model.note_change(state)

    def apply(self, msg: Mapping[str, Any]) -> bool:
        """Apply one iopub message; return True if it was a widget comm message."""
        kind = msg.get("msg_type") or msg["header"]["msg_type"]
        content = msg["content"]
        comm_id = content.get("comm_id")
        if kind == "comm_open":
            if content.get("target_name") != WIDGET_TARGET:
                return False
            data = content.get("data", {})
            state = dict(data.get("state", {}))
            _insert_buffers(state, data.get("buffer_paths", []), msg.get("buffers", []))
            opened = self._models[comm_id] = WidgetModel(comm_id, state)
            opened.note_change(state)
            self.opens += 1
            return True
        model = self._models.get(comm_id) if comm_id else None
        if model is None:
            return False
        if kind == "comm_close":
            model.closed = True
            self.closes += 1
            return True
        if kind != "comm_msg":
            return False
        data = content.get("data", {})
        method = data.get("method")
        if method in ("update", "echo_update"):
            state = dict(data.get("state", {}))
            _insert_buffers(state, data.get("buffer_paths", []), msg.get("buffers", []))
            model.state.update(state)
            model.note_change(state)
            if method == "update":
                self.updates += 1
            else:
                self.echo_updates += 1
        elif method == "custom":
            model.take_custom(data.get("content"), msg.get("buffers") or [])
            self.customs += 1
        return True

    def find(self, *, label: str | None = None, kind: str | None = None) -> list[WidgetModel]:
        """Live models whose ``description`` is ``label`` and/or whose kind is ``kind``.

        ``kind`` is the model name with or without ``Model`` (``"Button"``).
        """
        found = self.live()
        if label is not None:
            found = [m for m in found if m.description == label]
        if kind is not None:
            found = [m for m in found if m.kind == kind.removesuffix("Model")]
        return found
