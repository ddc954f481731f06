"""Layout: containers, columns, tabs, expanders, popovers, ``st.empty``, the sidebar
(``st.form`` is in `jupyter_fragments._elements.forms`).

Every container works both as ``with box:`` and as ``box.write(...)``: the element
functions it offers as methods are given to it by `jupyter_fragments._elements.surface`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from types import MappingProxyType
from typing import Any, ClassVar

import ipywidgets as widgets

from jupyter_fragments._elements._core import (
    add_layout,
    context,
    height_layout,
    require_context,
    width_layout,
    with_icon,
)
from jupyter_fragments._elements.open_state import track_open
from jupyter_fragments._page.blocks import Block
from jupyter_fragments._widgets.containers import EXPANDER, POPOVER, TABS
from jupyter_fragments.errors import FragmentsAPIError

_GAPS = {"small": "1rem", "medium": "2rem", "large": "4rem", None: "0"}
#: a container's gaps (Streamlit 1.67 sizes)
_BOX_GAPS = {
    **_GAPS,
    "xxsmall": "0.25rem",
    "xsmall": "0.5rem",
    "xlarge": "6rem",
    "xxlarge": "8rem",
}
_ALIGN = {"left": "flex-start", "center": "center", "right": "flex-end"}
_VALIGN = {"top": "flex-start", "center": "center", "bottom": "flex-end"}


class Container:
    """A place elements can be drawn into (Streamlit's DeltaGenerator for a container)."""

    #: The element functions offered as methods, by name (see `offer_methods`).
    _element_methods: ClassVar[Mapping[str, Callable[..., Any]]] = MappingProxyType({})

    def __init__(self, block: Block | None) -> None:
        self._block = block

    def _target(self) -> Block:
        if self._block is None:
            raise FragmentsAPIError("This container is no longer part of a running app.")
        return self._block

    def __enter__(self) -> Container:
        self._enter()
        return self

    def __exit__(self, *exc: object) -> None:
        self._leave()

    def _enter(self) -> None:
        ctx = require_context("with container:")
        ctx.blocks.append(self._target())

    def _leave(self) -> None:
        ctx = context()
        if ctx is not None and len(ctx.blocks) > 1 and ctx.blocks[-1] is self._target():
            ctx.blocks.pop()

    def __getattr__(self, name: str) -> Any:
        func = None if name.startswith("_") else self._element_methods.get(name)
        if func is None:
            raise AttributeError(
                f"{type(self).__name__!s} has no element {name!r}. "
                "Fix: use an element function such as write, markdown or button."
            )

        def in_container(*args: Any, **kwargs: Any) -> Any:
            # not `with self`: leaving a form after each method call is not closing it
            self._enter()
            try:
                return func(*args, **kwargs)
            finally:
                self._leave()

        in_container.__name__ = name
        in_container.__doc__ = func.__doc__
        return in_container

    def empty(self) -> Container:
        """Add an ``st.empty()`` placeholder here and return it, as Streamlit does.

        On a placeholder made by ``st.empty()`` this replaces what it shows, which
        clears it.

        Examples
        --------
        >>> placeholder = st.empty()
        >>> placeholder.write("shown for now")
        >>> placeholder.empty()  # cleared
        """
        with self:
            return empty()


class _Openable(Container):
    def __init__(self, block: Block | None, open: bool | None = None) -> None:
        super().__init__(block)
        self.open = open  # whether it is open, when ``on_change`` tracks it (else None)


class TabContainer(_Openable):
    """One tab of ``st.tabs``; ``open``: whether it is the tab shown (None: untracked)."""


class ExpanderContainer(_Openable):
    """``st.expander``; ``open``: whether it is expanded (None: untracked)."""


class PopoverContainer(_Openable):
    """``st.popover``; ``open``: whether it is open (None: untracked)."""


def offer_methods(methods: Mapping[str, Callable[..., Any]]) -> None:
    """Make ``methods`` the element functions every container offers (``box.write(...)``).

    Called once, by the module that imports every element family: this module sits
    below them and cannot import them itself.
    """
    Container._element_methods = MappingProxyType(dict(methods))


class _Sidebar(Container):
    """``st.sidebar``: the side column of the app that is running."""

    def __init__(self) -> None:
        super().__init__(None)

    def _target(self) -> Block:
        ctx = require_context("st.sidebar")
        return ctx.app.sidebar


sidebar = _Sidebar()


def new_block(widget: widgets.Box, *, replace: bool = False) -> Block:
    """A block of the running app drawn in ``widget`` (every element replaces the last
    one when ``replace``, as in ``st.empty``)."""
    ctx = require_context("container")
    return Block(ctx.app.page, widget, ctx.scope, replace=replace)


def container(
    *,
    border: bool | None = None,
    key: Any = None,
    width: str | int = "stretch",
    height: str | int | None = "content",
    horizontal: bool = False,
    wrap: bool = True,
    horizontal_alignment: str = "left",
    vertical_alignment: str = "top",
    gap: str | None = "small",
    autoscroll: bool | None = None,
) -> Container:
    """A box to draw elements into, possibly later and out of order.

    Parameters
    ----------
    border : bool, optional
        Draw a border (default: only when ``height`` is a number of pixels).
    width : "stretch", "content" or int
        The box's width.
    height : "content", "stretch" or int
        A number of pixels fixes the height; the content scrolls.
    horizontal : bool
        Lay the elements out in a row (wrapping onto more rows if ``wrap``).
    horizontal_alignment, vertical_alignment : str
        ``"left"``/``"center"``/``"right"`` and ``"top"``/``"center"``/``"bottom"``, or
        ``"distribute"`` to spread the elements along the box's direction.
    gap : str or None
        The space between elements, ``"xxsmall"`` to ``"xxlarge"`` (None: none).
    autoscroll : bool, optional
        Accepted for Streamlit's signature; the notebook does not scroll the box.

    Examples
    --------
    >>> box = st.container(border=True)
    >>> st.write("below the box")
    >>> box.write("inside the box, drawn later")
    >>> row = st.container(horizontal=True, horizontal_alignment="right")
    """
    pixels = height if height not in (None, "content", "stretch") else None
    if pixels is not None and (
        isinstance(pixels, bool) or not isinstance(pixels, int) or pixels <= 0
    ):
        raise FragmentsAPIError(
            f"st.container(height={height!r}) needs a positive number of pixels. "
            "Fix: pass e.g. height=300, 'content', or leave it out."
        )
    if border is None:
        border = pixels is not None
    attrs = _flow(horizontal, wrap, horizontal_alignment, vertical_alignment, gap)
    attrs.update(width_layout(width, "st.container()") or {})
    if border:
        attrs.update(border="1px solid #d0d0d7", padding="0.5em", border_radius="0.5em")
    if pixels is not None:
        attrs.update(height=f"{pixels}px", overflow="auto")

    def make() -> tuple[widgets.Widget, list[Block]]:
        cls = widgets.HBox if horizontal else widgets.VBox
        box = cls(layout=box_layout(attrs), _dom_classes=("jf-container",))
        return box, [new_block(box)]

    signature = (bool(border), pixels, tuple(sorted(attrs.items())))
    element = add_layout("container", signature, make, "st.container()")
    return Container(element.blocks[0])


def _flow(horizontal: bool, wrap: bool, across: str, down: str, gap: Any) -> dict[str, Any]:
    """The flex layout of a container: its direction, alignments and gap."""
    call = "st.container()"
    for name, value, allowed in (
        ("horizontal_alignment", across, (*_ALIGN, "distribute")),
        ("vertical_alignment", down, (*_VALIGN, "distribute")),
        ("gap", gap, tuple(_BOX_GAPS)),
    ):
        if value not in allowed:
            choices = ", ".join(repr(a) for a in allowed)
            raise FragmentsAPIError(f"{call} got {name}={value!r}. Fix: pass one of {choices}.")
    main, cross = (across, down) if horizontal else (down, across)
    places = {**_ALIGN, **_VALIGN, "distribute": "space-between"}
    attrs: dict[str, Any] = {}
    if main not in ("left", "top"):
        attrs["justify_content"] = places[main]
    if cross not in ("left", "top", "distribute"):
        attrs["align_items"] = places[cross]
    if horizontal:
        attrs["flex_flow"] = "row wrap" if wrap else "row nowrap"
    if horizontal or gap != "small":
        attrs["grid_gap"] = _BOX_GAPS[gap]  # the CSS gap, which flex boxes take too
    return attrs


def box_layout(attrs: dict[str, Any]) -> widgets.Layout:
    """A shared layout of the running app with these attributes (CSS-only ones left out)."""
    ctx = require_context("layout")
    clean = {k: v for k, v in attrs.items() if k != "border_radius"}
    return ctx.app.page.pool.layout(**clean)


def empty() -> Container:
    """A placeholder holding one element; each new element replaces the previous one.

    Examples
    --------
    >>> placeholder = st.empty()
    >>> placeholder.text("Working...")
    >>> placeholder.text("Done.")
    """

    def make() -> tuple[widgets.Widget, list[Block]]:
        box = widgets.VBox(layout=box_layout({}), _dom_classes=("jf-empty",))
        return box, [new_block(box, replace=True)]

    element = add_layout("empty", (), make, "st.empty()")
    return Container(element.blocks[0])


def columns(
    spec: int | Sequence[float],
    *,
    gap: str | None = "small",
    vertical_alignment: str = "top",
    border: bool = False,
    width: str | int = "stretch",
    wrap: bool = True,
) -> list[Container]:
    """Side-by-side columns: a number of equal columns, or a list of relative widths.

    ``width`` (``"stretch"`` or pixels) is the width of the whole row; ``wrap`` is
    accepted for Streamlit's signature (columns stay side by side in a notebook).

    Examples
    --------
    >>> left, right = st.columns([2, 1])
    >>> left.write("wide")
    >>> right.write("narrow")
    """
    if isinstance(spec, int) and not isinstance(spec, bool):
        if spec < 1:
            raise FragmentsAPIError(
                f"st.columns({spec}) needs at least one column. Fix: pass a positive int."
            )
        weights: tuple[float, ...] = (1.0,) * spec
    elif (
        isinstance(spec, Sequence)
        and spec
        and all(isinstance(w, (int, float)) and not isinstance(w, bool) and w > 0 for w in spec)
    ):
        weights = tuple(float(w) for w in spec)
    else:
        raise FragmentsAPIError(
            f"st.columns({spec!r}) is not a column spec. Fix: pass a positive int (equal "
            "columns) or a list of positive numbers (relative widths), e.g. [2, 1]."
        )
    if gap not in _GAPS:
        raise FragmentsAPIError(
            f"st.columns(gap={gap!r}) is not supported. "
            "Fix: use 'small', 'medium', 'large' or None."
        )
    align = {"top": "flex-start", "center": "center", "bottom": "flex-end"}.get(vertical_alignment)
    if align is None:
        raise FragmentsAPIError(
            f"st.columns(vertical_alignment={vertical_alignment!r}) is not supported. "
            "Fix: use 'top', 'center' or 'bottom'."
        )

    def make() -> tuple[widgets.Widget, list[Block]]:
        column_attrs: dict[str, Any] = {"min_width": "0"}
        if border:
            column_attrs.update(border="1px solid #d0d0d7", padding="0.5em")
        # layouts first: if one is invalid, no widget has been made yet
        column_layout = box_layout(column_attrs)
        grid_layout = box_layout(
            {
                "grid_template_columns": " ".join(f"{w:g}fr" for w in weights),
                "grid_gap": _GAPS[gap],
                "align_items": align,
                **(width_layout(width, "st.columns()") or {"width": "100%"}),
            }
        )
        cols = [widgets.VBox(layout=column_layout, _dom_classes=("jf-column",)) for _ in weights]
        grid = widgets.GridBox(
            children=tuple(cols), layout=grid_layout, _dom_classes=("jf-columns",)
        )
        return grid, [new_block(col) for col in cols]

    element = add_layout(
        "columns", (weights, gap, vertical_alignment, border, width), make, "st.columns()"
    )
    return [Container(block) for block in element.blocks]


def tabs(
    tabs: Sequence[str],
    *,
    width: str | int = "stretch",
    height: str | int | None = "content",
    default: str | None = None,
    key: Any = None,
    on_change: Any = "ignore",
    args: Any = None,
    kwargs: Any = None,
    bind: str | None = None,
) -> list[TabContainer]:
    """Tabs with the given labels; draw into each with ``with tab:``.

    ``default`` is the label of the tab shown first; a number of pixels for ``height``
    fixes the height of every tab (the content scrolls). ``on_change`` and ``bind`` work
    as for ``st.expander``; a tab's ``.open`` says whether it is shown, the state its label.

    Examples
    --------
    >>> chart_tab, data_tab = st.tabs(["Chart", "Data"], default="Data")
    """
    if isinstance(tabs, str) or not tabs or not all(isinstance(x, str) for x in tabs):
        raise FragmentsAPIError(
            f"st.tabs({tabs!r}) needs a non-empty list of strings. Fix: st.tabs(['A', 'B'])."
        )
    titles = tuple(tabs)
    if default is not None and default not in titles:
        raise FragmentsAPIError(
            f"st.tabs() got default={default!r}, which is not one of its labels. "
            f"Fix: pass one of {list(titles)}, or None for the first tab."
        )
    pane_attrs = height_layout(height, "st.tabs()")
    tab_attrs = width_layout(width, "st.tabs()") or {}

    def make() -> tuple[widgets.Widget, list[Block]]:
        panes = [widgets.VBox(layout=box_layout(pane_attrs)) for _ in titles]
        tab = widgets.Tab(children=tuple(panes), titles=titles, layout=box_layout(tab_attrs))
        tab.selected_index = titles.index(default) if default is not None else 0
        return tab, [new_block(pane) for pane in panes]

    signature = (titles, tuple(pane_attrs.items()), tuple(tab_attrs.items()))
    element = add_layout("tabs", signature, make, "st.tabs()")
    params = {"labels": titles, "default": default if default is not None else titles[0]}
    change = (key, on_change, args, kwargs, bind)
    shown = track_open(TABS, element, " | ".join(titles), params, change, "st.tabs()")
    return [
        TabContainer(block, None if shown is None else title == shown)
        for title, block in zip(titles, element.blocks, strict=True)
    ]


_EXPANDER_TYPES = ("default", "compact", "step")


def expander(
    label: str,
    expanded: bool = False,
    *,
    icon: str | None = None,
    type: str = "default",
    width: str | int = "stretch",
    key: Any = None,
    on_change: Any = "ignore",
    args: Any = None,
    kwargs: Any = None,
    bind: str | None = None,
) -> ExpanderContainer:
    """A collapsible section, closed unless ``expanded=True``.

    An emoji ``icon`` goes before the label; ``type`` (``"default"``, ``"compact"`` or
    ``"step"``) is a CSS class (``jf-expander-compact``, ...) for the JupyterLab
    extension to style; ``width`` is ``"stretch"`` or pixels. ``on_change="rerun"`` or a
    function (given ``args``/``kwargs``) reruns on opening or closing; ``.open`` says if open.
    ``bind="query-params"`` (with a key) also keeps the state in ``st.query_params[key]``.

    Examples
    --------
    >>> with st.expander("Details", icon="🔍"):
    ...     st.write("Hidden until opened")
    """
    title = with_icon(str(label), icon, call="st.expander()")
    if type not in _EXPANDER_TYPES:
        raise FragmentsAPIError(
            f"st.expander({label!r}) got type={type!r}. Fix: pass 'default', 'compact' or 'step'."
        )
    attrs = width_layout(width, "st.expander()") or {}

    def make() -> tuple[widgets.Widget, list[Block]]:
        pane = widgets.VBox(layout=box_layout({}))
        accordion = widgets.Accordion(
            children=(pane,),
            titles=(title,),
            selected_index=0 if expanded else None,
            layout=box_layout(attrs),
            _dom_classes=("jf-expander", f"jf-expander-{type}"),
        )
        return accordion, [new_block(pane)]

    element = add_layout("expander", (title, type, tuple(attrs.items())), make, "st.expander()")
    change = (key, on_change, args, kwargs, bind)
    shown = track_open(EXPANDER, element, title, {"expanded": expanded}, change, "st.expander()")
    return ExpanderContainer(element.blocks[0], shown)


def popover(
    label: str,
    *,
    type: str = "secondary",
    help: str | None = None,
    icon: str | None = None,
    disabled: bool = False,
    use_container_width: bool | None = None,
    width: str | int = "content",
    wrap: bool | None = None,
    key: Any = None,
    on_change: Any = "ignore",
    args: Any = None,
    kwargs: Any = None,
) -> PopoverContainer:
    """A container behind a toggle: its content shows when the label is clicked.

    ``width`` is ``"content"``, ``"stretch"`` or pixels (``use_container_width=True`` is
    Streamlit's older ``"stretch"``); ``type`` and ``wrap`` are accepted for Streamlit's
    signature and do not change the look. ``on_change`` works as for ``st.expander``.

    Examples
    --------
    >>> with st.popover("Open popover"):
    ...     name = st.text_input("What's your name?")
    """
    title = with_icon(str(label), icon, call="st.popover()")
    if use_container_width is not None:
        width = "stretch" if use_container_width else "content"
    size = width_layout(width, "st.popover()") or {}
    ctx = require_context("st.popover()")

    def make() -> tuple[widgets.Widget, list[Block]]:
        pane = widgets.VBox(layout=ctx.app.page.pool.layout())
        accordion = widgets.Accordion(
            children=(pane,),
            titles=(title,),
            selected_index=None,
            layout=ctx.app.page.pool.layout(**size),
            _dom_classes=("jf-popover",),
        )
        return accordion, [Block(ctx.app.page, pane, ctx.scope)]

    element = add_layout("popover", (title, tuple(size.items())), make, "st.popover()")
    change = (key, on_change, args, kwargs)
    shown = track_open(POPOVER, element, title, {"expanded": False}, change, "st.popover()")
    return PopoverContainer(element.blocks[0], shown)
