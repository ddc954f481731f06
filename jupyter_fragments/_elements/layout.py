"""Layout: containers, columns, tabs, expanders, popovers, forms, ``st.empty``, the sidebar.

Every container works both as ``with box:`` and as ``box.write(...)``: the element
functions it offers as methods are given to it by `jupyter_fragments._elements.surface`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from types import MappingProxyType
from typing import Any, ClassVar

import ipywidgets as widgets

from jupyter_fragments._elements._core import add_layout, context, require_context
from jupyter_fragments._page.blocks import Block, StaticElement
from jupyter_fragments.errors import FragmentsAPIError

_GAPS = {"small": "1rem", "medium": "2rem", "large": "4rem", None: "0"}


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


def _new_block(widget: widgets.Box, *, replace: bool = False) -> Block:
    ctx = require_context("container")
    return Block(ctx.app.page, widget, ctx.scope, replace=replace)


def container(
    *, height: int | None = None, border: bool | None = None, key: Any = None
) -> Container:
    """A box to draw elements into, possibly later and out of order.

    Parameters
    ----------
    height : int, optional
        Fixed height in pixels; the content scrolls.
    border : bool, optional
        Draw a border (default: only when ``height`` is set).

    Examples
    --------
    >>> box = st.container(border=True)
    >>> st.write("below the box")
    >>> box.write("inside the box, drawn later")
    """
    if border is None:
        border = height is not None
    if height is not None and (not isinstance(height, int) or height <= 0):
        raise FragmentsAPIError(
            f"st.container(height={height!r}) needs a positive number of pixels. "
            "Fix: pass e.g. height=300, or leave it out."
        )
    attrs: dict[str, Any] = {}
    if border:
        attrs.update(border="1px solid #d0d0d7", padding="0.5em", border_radius="0.5em")  # type: ignore[arg-type]
    if height is not None:
        attrs.update(height=f"{height}px", overflow="auto")

    def make() -> tuple[widgets.Widget, list[Block]]:
        box = widgets.VBox(layout=_layout(attrs), _dom_classes=("jf-container",))
        return box, [_new_block(box)]

    element = add_layout("container", (bool(border), height), make, "st.container()")
    return Container(element.blocks[0])


def _layout(attrs: dict[str, Any]) -> widgets.Layout:
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
        box = widgets.VBox(layout=_layout({}), _dom_classes=("jf-empty",))
        return box, [_new_block(box, replace=True)]

    element = add_layout("empty", (), make, "st.empty()")
    return Container(element.blocks[0])


def columns(
    spec: int | Sequence[float],
    *,
    gap: str | None = "small",
    vertical_alignment: str = "top",
    border: bool = False,
) -> list[Container]:
    """Side-by-side columns: a number of equal columns, or a list of relative widths.

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
        column_layout = _layout(column_attrs)
        grid_layout = _layout(
            {
                "grid_template_columns": " ".join(f"{w:g}fr" for w in weights),
                "grid_gap": _GAPS[gap],
                "align_items": align,
                "width": "100%",
            }
        )
        cols = [widgets.VBox(layout=column_layout, _dom_classes=("jf-column",)) for _ in weights]
        grid = widgets.GridBox(
            children=tuple(cols), layout=grid_layout, _dom_classes=("jf-columns",)
        )
        return grid, [_new_block(col) for col in cols]

    element = add_layout(
        "columns", (weights, gap, vertical_alignment, border), make, "st.columns()"
    )
    return [Container(block) for block in element.blocks]


def tabs(labels: Sequence[str]) -> list[Container]:
    """Tabs with the given labels; draw into each with ``with tab:``.

    Examples
    --------
    >>> chart_tab, data_tab = st.tabs(["Chart", "Data"])
    """
    if isinstance(labels, str) or not labels or not all(isinstance(x, str) for x in labels):
        raise FragmentsAPIError(
            f"st.tabs({labels!r}) needs a non-empty list of strings. Fix: st.tabs(['A', 'B'])."
        )
    titles = tuple(labels)

    def make() -> tuple[widgets.Widget, list[Block]]:
        panes = [widgets.VBox(layout=_layout({})) for _ in titles]
        tab = widgets.Tab(children=tuple(panes), titles=titles, layout=_layout({}))
        tab.selected_index = 0
        return tab, [_new_block(pane) for pane in panes]

    element = add_layout("tabs", titles, make, "st.tabs()")
    return [Container(block) for block in element.blocks]


def expander(label: str, expanded: bool = False, *, icon: str | None = None) -> Container:
    """A collapsible section, closed unless ``expanded=True``.

    Examples
    --------
    >>> with st.expander("Details"):
    ...     st.write("Hidden until opened")
    """
    title = str(label)

    def make() -> tuple[widgets.Widget, list[Block]]:
        pane = widgets.VBox(layout=_layout({}))
        accordion = widgets.Accordion(
            children=(pane,),
            titles=(title,),
            selected_index=0 if expanded else None,
            layout=_layout({}),
        )
        return accordion, [_new_block(pane)]

    element = add_layout("expander", (title,), make, "st.expander()")
    return Container(element.blocks[0])


def popover(
    label: str,
    *,
    help: str | None = None,
    icon: str | None = None,
    disabled: bool = False,
    use_container_width: bool = False,
) -> Container:
    """A container behind a toggle: its content shows when the label is clicked.

    Examples
    --------
    >>> with st.popover("Open popover"):
    ...     name = st.text_input("What's your name?")
    """
    title = f"{icon} {label}" if icon else str(label)
    ctx = require_context("st.popover()")

    def make() -> tuple[widgets.Widget, list[Block]]:
        pane = widgets.VBox(layout=ctx.app.page.pool.layout())
        accordion = widgets.Accordion(
            children=(pane,),
            titles=(title,),
            selected_index=None,
            layout=ctx.app.page.pool.layout(width="auto" if not use_container_width else "100%"),
            _dom_classes=("jf-popover",),
        )
        return accordion, [Block(ctx.app.page, pane, ctx.scope)]

    element = add_layout("popover", (title,), make, "st.popover()")
    return Container(element.blocks[0])


class Form(Container):
    """``st.form``: widgets inside hold their changes back until the form is submitted."""

    def __init__(self, block: Block, form_id: str) -> None:
        super().__init__(block)
        self.form_id = form_id

    def __exit__(self, *exc: object) -> None:
        ctx = context()
        if ctx is not None and exc[0] is None and self.form_id not in ctx.forms_with_submit:
            from jupyter_fragments._output.bundles import error_output

            self._target().add(
                StaticElement(
                    [
                        error_output(
                            FragmentsAPIError(
                                f"st.form({self.form_id!r}) has no submit button. "
                                "Fix: add st.form_submit_button() inside the form."
                            )
                        )
                    ],
                    serial=ctx.serial,
                )
            )
        super().__exit__(*exc)


def form(
    key: str,
    clear_on_submit: bool = False,
    *,
    enter_to_submit: bool = True,
    border: bool = True,
) -> Form:
    """A form: its widgets rerun nothing until ``st.form_submit_button`` is clicked.

    Then the app (or the fragment the form is in) reruns once, with every value.

    Examples
    --------
    >>> with st.form("signup", clear_on_submit=True):
    ...     name = st.text_input("Name")
    ...     age = st.number_input("Age", 0, 120, 30)
    ...     if st.form_submit_button("Sign up"):
    ...         st.write("Welcome", name)
    """
    ctx = require_context("st.form()")
    form_id = str(key)
    if ctx.block.form is not None:
        raise FragmentsAPIError(
            f"st.form({form_id!r}) is inside st.form({ctx.block.form!r}); forms cannot be "
            "nested. Fix: close the first form before opening the next."
        )
    if form_id in ctx.forms:
        raise FragmentsAPIError(
            f"There are two forms with key {form_id!r} in this run. Fix: give each form "
            "a unique key."
        )
    ctx.forms.add(form_id)
    ctx.app.forms[form_id] = bool(clear_on_submit)
    attrs: dict[str, Any] = {}
    if border:
        attrs.update(border="1px solid #d0d0d7", padding="0.5em")

    def make() -> tuple[widgets.Widget, list[Block]]:
        box = widgets.VBox(layout=_layout(attrs), _dom_classes=("jf-form",))
        return box, [_new_block(box)]

    element = add_layout("form", (form_id, bool(border)), make, "st.form()", form=form_id)
    return Form(element.blocks[0], form_id)
