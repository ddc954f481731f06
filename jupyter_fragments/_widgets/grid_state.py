"""Streamlit's grid states: read-only dicts with attribute access.

``st.dataframe(on_select=...)`` returns a `DataframeState` (``event.selection.rows``);
``st.data_editor`` keeps a `DataEditorState` in ``st.session_state[key]``. No pandas here:
the fallback without a grid returns these too.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

_READ_ONLY = (
    "This selection state is read-only: changing it would not change what the page shows. "
    "Fix: assign a new dict to st.session_state[key] instead (for a dataframe, e.g. "
    "{'selection': {'rows': [0]}})."
)


class StateDict(dict[str, Any]):
    """A read-only dict with attribute access (Streamlit's ``ReadOnlyAttributeDictionary``)."""

    def __getitem__(self, key: str) -> Any:
        item = super().__getitem__(key)
        return StateDict(item) if isinstance(item, dict) and type(item) is dict else item

    def __getattr__(self, key: str) -> Any:
        try:
            return self[key]
        except KeyError:
            raise AttributeError(
                f"{type(self).__name__!r} object has no attribute {key!r}"
            ) from None

    def __setattr__(self, key: str, value: Any) -> None:
        raise TypeError(_READ_ONLY)

    def __setitem__(self, key: str, value: Any) -> None:
        raise TypeError(_READ_ONLY)

    def __delitem__(self, key: str) -> None:
        raise TypeError(_READ_ONLY)

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (dict(self),))

    def __copy__(self) -> StateDict:
        return type(self)(dict(self))

    def __deepcopy__(self, memo: dict[int, Any]) -> StateDict:
        import copy

        return type(self)(copy.deepcopy(dict(self), memo))

    def clear(self) -> None:
        raise TypeError(_READ_ONLY)

    def pop(self, *args: Any) -> Any:
        raise TypeError(_READ_ONLY)

    def update(self, *args: Any, **kwargs: Any) -> None:
        raise TypeError(_READ_ONLY)


class DataframeSelectionState(StateDict):
    """``event.selection``: ``rows`` (positions), ``columns`` (names), ``cells``."""


class DataframeState(StateDict):
    """What ``st.dataframe(on_select=...)`` returns: ``{"selection": {...}}``."""

    def __getitem__(self, key: str) -> Any:
        item = dict.__getitem__(self, key)
        if key == "selection" and not isinstance(item, DataframeSelectionState):
            return DataframeSelectionState(item)
        return super().__getitem__(key)


class DataEditorState(StateDict):
    """``st.session_state[key]`` of ``st.data_editor``: edited, added and deleted rows."""


def selection_state(
    rows: Iterable[int] = (), columns: Iterable[str] = (), cells: Iterable[tuple[int, str]] = ()
) -> DataframeState:
    selection = DataframeSelectionState(
        {"rows": list(rows), "columns": list(columns), "cells": [tuple(c) for c in cells]}
    )
    return DataframeState({"selection": selection})


def edit_state(
    edited: Mapping[int, Mapping[str, Any]] | None = None,
    added: Iterable[Mapping[str, Any]] = (),
    deleted: Iterable[int] = (),
) -> DataEditorState:
    return DataEditorState(
        {
            "edited_rows": {int(k): dict(v) for k, v in (edited or {}).items()},
            "added_rows": [dict(row) for row in added],
            "deleted_rows": sorted({int(p) for p in deleted}),
        }
    )


def tagged(state: DataEditorState, signature: Any) -> DataEditorState:
    """``state`` marked with the data it was made for (an edit of other data is dropped)."""
    object.__setattr__(state, "_jf_signature", signature)
    return state


def signature_of(state: Any) -> Any:
    return state.__dict__.get("_jf_signature") if isinstance(state, StateDict) else None


def as_edit_state(value: Any) -> DataEditorState:
    """An edit state from what user code or session state holds (missing parts empty)."""
    if not isinstance(value, Mapping):
        return edit_state()
    return edit_state(
        value.get("edited_rows") or {},
        value.get("added_rows") or (),
        value.get("deleted_rows") or (),
    )
