"""Button-group kinds: ``st.pills`` and ``st.segmented_control`` (one option or several)
and ``st.pagination``.

Each is a row of toggle buttons. One option is a ToggleButtons model that syncs only
its index; several are a row of ToggleButton models, one per option, so a click is one
model update; pages are ToggleButtons whose options follow the page shown.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets
import traitlets
from ipywidgets.widgets.widget_bool import ToggleButtonStyle

from jupyter_fragments._page.pool import ModelPool
from jupyter_fragments._widgets.base import InputKind, Params, index_of, label_classes
from jupyter_fragments._widgets.selections import ChoiceKind


def _button_style(pool: ModelPool, cls: type) -> Any:
    # buttons as wide as their labels (ipywidgets' fixed width cuts long labels short)
    return pool.style(cls, description_width="initial", button_width="auto")


class SingleGroupKind(ChoiceKind):
    """One option out of a row of toggle buttons; the value is the option, or None."""

    widget_cls = widgets.ToggleButtons
    style_cls = widgets.ToggleButtonsStyle

    def identity(self, params: Params) -> tuple[Any, ...]:
        return (tuple(params["labels"]), "single")

    def default(self, params: Params) -> Any:
        return params["default"]

    def create(self, label: str, params: Params, value: Any, pool: ModelPool) -> widgets.DOMWidget:
        traits = self.traits(label, params)
        options = traits.pop("options")
        return widgets.ToggleButtons(
            options=options,
            index=index_of(params["options"], value),
            layout=pool.layout(),
            style=_button_style(pool, widgets.ToggleButtonsStyle),
            **traits,
        )


class ToggleRow(widgets.HBox):  # type: ignore[misc]
    """A label and one ToggleButton per option; ``index`` (kernel-side only) is the
    tuple of the pressed buttons' positions."""

    index = traitlets.Tuple()

    def __init__(self, label: widgets.Label, buttons: list[widgets.ToggleButton], **kw: Any):
        super().__init__(children=(label, *buttons), **kw)
        self.label, self.buttons = label, buttons
        self.index = self._read()
        for button in buttons:
            button.observe(self._changed, names="value")

    def _read(self) -> tuple[int, ...]:
        return tuple(i for i, button in enumerate(self.buttons) if button.value)

    def _changed(self, change: Any) -> None:
        self.index = self._read()

    def close(self) -> None:
        for child in (self.label, *self.buttons):
            child.close()
        super().close()


class MultiGroupKind(InputKind):
    """Any number of options, each a toggle button; the value is the list chosen."""

    value_traits = ("index",)

    def identity(self, params: Params) -> tuple[Any, ...]:
        return (tuple(params["labels"]), "multi")

    def default(self, params: Params) -> Any:
        return list(params["default"])

    def coerce(self, params: Params, value: Any) -> Any:
        options = params["options"]
        if value is None:
            return []
        if not isinstance(value, (list, tuple)):
            value = [value]
        return [options[i] for i in sorted(self._indices(params, value))]

    def _indices(self, params: Params, value: Any) -> set[int]:
        found = (index_of(params["options"], v) for v in value)
        return {i for i in found if i is not None}

    def create(self, label: str, params: Params, value: Any, pool: ModelPool) -> widgets.DOMWidget:
        chosen = self._indices(params, value)
        style = pool.style(ToggleButtonStyle)
        buttons = [
            widgets.ToggleButton(
                value=i in chosen, description=text, layout=pool.layout(width="auto"), style=style
            )
            for i, text in enumerate(params["labels"])
        ]
        text = widgets.Label(value=label, layout=pool.layout())
        row = ToggleRow(text, buttons, layout=pool.layout())
        self.update(row, label, params)
        return row

    def update(self, widget: widgets.DOMWidget, label: str, params: Params) -> None:
        classes = label_classes(params, (*self.extra_classes, "jf-toggle-row"))
        if widget._dom_classes != classes:
            widget._dom_classes = classes
        if widget.label.value != label:
            widget.label.value = label
        tooltip = params.get("help") or None
        disabled = bool(params.get("disabled", False))
        for button in widget.buttons:
            if button.disabled != disabled:
                button.disabled = disabled
            if button.tooltip != tooltip:
                button.tooltip = tooltip

    def read(self, widget: widgets.DOMWidget, params: Params) -> Any:
        options = params["options"]
        return [options[i] for i in widget.index if i < len(options)]

    def write(self, widget: widgets.DOMWidget, params: Params, value: Any) -> None:
        chosen = self._indices(params, value)
        for i, button in enumerate(widget.buttons):
            if button.value != (i in chosen):
                button.value = i in chosen


PREVIOUS, NEXT, GAP = "\u2039", "\u203a", "\u2026"  # angle quotes and an ellipsis


def page_window(page: int, pages: int, limit: int | None) -> list[int | None]:
    """The pages shown around ``page`` (None: an ellipsis), at most ``limit`` entries.

    The first and the last page stay in sight when there is room for them.
    """
    if limit is None or pages <= limit:
        return list(range(1, pages + 1))
    if limit <= 0:
        return [page]
    if limit < 5:
        start = min(max(page - (limit - 1) // 2, 1), pages - limit + 1)
        return list(range(start, start + limit))
    if page < limit - 2:
        return [*range(1, limit - 1), None, pages]
    if page > pages - (limit - 3):
        return [1, None, *range(pages - (limit - 3), pages + 1)]
    start = page - (limit - 5) // 2
    return [1, None, *range(start, start + limit - 4), None, pages]


class PageButtons(widgets.ToggleButtons):  # type: ignore[misc]
    """Page buttons between a previous and a next arrow; ``page`` is the page shown."""

    page = traitlets.Int(1)


class PaginationKind(InputKind):
    """``st.pagination``: the value is the page (1-based); arrows step, "…" stays put."""

    name = "pagination"
    value_traits = ("index",)
    extra_classes = ("jf-pagination",)

    def identity(self, params: Params) -> tuple[Any, ...]:
        return (params["num_pages"], params["max_visible_pages"], params["default"])

    def default(self, params: Params) -> Any:
        return params["default"]

    def coerce(self, params: Params, value: Any) -> Any:
        if isinstance(value, bool) or not isinstance(value, int):
            return params["default"]
        return min(max(value, 1), params["num_pages"])

    def _entries(self, params: Params, page: int) -> tuple[list[int | None], tuple[Any, ...]]:
        shown = page_window(page, params["num_pages"], params["max_visible_pages"])
        labels = [PREVIOUS, *(GAP if p is None else str(p) for p in shown), NEXT]
        if params["max_visible_pages"] == 0:
            labels[1] = f"{page} / {params['num_pages']}"
        return shown, tuple((text, i) for i, text in enumerate(labels))

    def create(self, label: str, params: Params, value: Any, pool: ModelPool) -> widgets.DOMWidget:
        shown, options = self._entries(params, value)
        return PageButtons(
            options=options,
            index=shown.index(value) + 1,
            page=value,
            layout=pool.layout(),
            style=_button_style(pool, widgets.ToggleButtonsStyle),
            **self.traits(label, params),
        )

    def read(self, widget: widgets.DOMWidget, params: Params) -> Any:
        index, page = widget.index, widget.page
        shown = page_window(page, params["num_pages"], params["max_visible_pages"])
        if index is None or index > len(shown) + 1:
            return page
        if index == 0:
            return max(page - 1, 1)
        if index == len(shown) + 1:
            return min(page + 1, params["num_pages"])
        return shown[index - 1] or page

    def write(self, widget: widgets.DOMWidget, params: Params, value: Any) -> None:
        shown, options = self._entries(params, value)
        with widget.hold_sync():
            if widget._options_full != options:
                widget.options = options
            if widget.index != shown.index(value) + 1:
                widget.index = shown.index(value) + 1
            widget.page = value


def group_kind(base: type[InputKind], name: str) -> InputKind:
    """``base`` named as the element that draws it: pills and segmented controls look
    different in Streamlit and share how they work here."""
    css = f"jf-{name.replace('_', '-')}"
    cls = type(f"{base.__name__}[{name}]", (base,), {"name": name, "extra_classes": (css,)})
    kind: InputKind = cls()
    return kind


PILLS = group_kind(SingleGroupKind, "pills")
PILLS_MULTI = group_kind(MultiGroupKind, "pills")
SEGMENTED = group_kind(SingleGroupKind, "segmented_control")
SEGMENTED_MULTI = group_kind(MultiGroupKind, "segmented_control")
PAGINATION = PaginationKind()
