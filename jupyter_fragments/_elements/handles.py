"""Element handles: what an element call returns, as Streamlit's DeltaGenerator of an element.

``x = st.text("a")`` binds ``x`` to the place the element was drawn; ``x.markdown("b")``
(any element function a container offers) replaces that element in place, like a
one-slot ``st.empty()``, and ``chart.add_rows(df)`` grows a chart there.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any, ClassVar

from jupyter_fragments._output.bundles import Output
from jupyter_fragments._page.blocks import Block, Element, StaticElement
from jupyter_fragments._runtime.context import RunContext
from jupyter_fragments._runtime.session import current_context
from jupyter_fragments.errors import FragmentsAPIError, NoAppError

#: Given ``add_rows``' data and named datasets, the element's outputs with the rows added
#: (the element keeps what it accumulated).
RowAdder = Callable[[Any, dict[str, Any]], list[Output]]


class Slot:
    """Where one element is: its block and the element there now, or (outside apps) the
    display it was shown with. ``rows`` grows the element, for the elements with data.

    ``serial`` is the run that drew the element: a later run may keep the same element
    object (it drew the same), and a handle of an earlier run must not reach it.
    """

    __slots__ = ("block", "display", "element", "rows", "serial")

    def __init__(self, block: Block | None, element: Element | None, display: Any = None) -> None:
        self.block = block
        self.element = element
        self.display = display
        self.rows: RowAdder | None = None
        self.serial = element.serial if type(element) is StaticElement else None

    @staticmethod
    def add_static(block: Block, outputs: list[Output], serial: int) -> Slot:
        """Add an element call's outputs to ``block``; the slot of the element showing
        them (a handle's own slot when drawn through it)."""
        if type(block) is _SlotBlock:
            block.add_static(outputs, serial)
            return block.slot
        slot = Slot(block, None)
        element = block.add_static(outputs, serial, slot)
        slot.element, slot.serial = element, element.serial
        return slot

    def put(self, new: Element) -> None:
        """Replace the element with ``new`` (its Output model kept: one update, no
        neighbour touched)."""
        block = self.block
        if block is None:
            raise FragmentsAPIError("This element was not drawn in an app.")
        self.rows = None
        items = block.elements()
        at = next((i for i, e in enumerate(items) if e is self.element), None)
        if at is not None and _serial(items[at]) != self.serial:
            at = None  # the element a later run kept: this handle's run is over
        if at is None:
            if not block.replace:
                raise FragmentsAPIError(
                    "This element is no longer on the page: an earlier run drew it, or its "
                    "container was cleared since. Fix: call the methods of the handle the "
                    "element call returned in this run (x = st.text(...); x.text(...))."
                )
            block.add(new)  # an st.empty() placeholder: its one element is replaced
            self.element = new
            self.serial = _serial(new)
            return
        old = items[at]
        old_model = old.current_widget()
        if (
            isinstance(new, StaticElement)
            and isinstance(old, StaticElement)
            and (old.out is not None or old.run is not None)
        ):
            new.take_output_of(old)  # its Output, or its place among those sharing one
        items[at] = new
        page = block.page
        page.to_close.append(old)  # never realized, and closed if it still owns models
        if isinstance(new, StaticElement):
            page.mark(new)
        model = new.current_widget()
        if model is None or model is not old_model:
            page.touch(block)
        self.element = new
        self.serial = _serial(new)

    def show(self, outputs: list[Output], ctx: RunContext | None) -> None:
        """Replace the element with one showing ``outputs`` (``add_rows``)."""
        if self.block is None:
            data = _one_display(outputs)
            if self.display is not None and data is not None:
                self.display.update(data["data"], raw=True, metadata=data.get("metadata") or None)
            return
        if ctx is None:
            raise _no_app("add_rows()")
        rows = self.rows
        self.put(StaticElement(outputs, serial=ctx.serial))
        self.rows = rows
        ctx.app.after_element(ctx)


class _SlotBlock(Block):
    """The block a handle's calls draw into: each element replaces the handle's element."""

    def __init__(self, slot: Slot, parent: Block) -> None:
        super().__init__(parent.page, parent.box, parent.scope, replace=True)
        self.slot = slot
        self.form = parent.form
        self.root = parent.root  # a widget drawn through a handle in the sidebar is the sidebar's

    def elements(self) -> list[Element]:
        return [] if self.slot.element is None else [self.slot.element]

    def _candidate(self) -> Element | None:
        return self.slot.element

    def add(self, element: Element) -> None:
        self.slot.put(element)

    def add_static(
        self, outputs: list[Output], serial: int, holder: object = None
    ) -> StaticElement:
        element = StaticElement(outputs, serial=serial, plain=True)
        self.slot.put(element)
        return element

    def clear(self) -> None:
        self.slot.put(StaticElement([]))


def _serial(element: Element | None) -> int | None:
    """The run that drew ``element``, for the elements a later run may keep."""
    return element.serial if type(element) is StaticElement else None


def show_outside(outputs: list[Output]) -> Slot:
    """Show an element's outputs when no app runs; the slot can update a single display."""
    from IPython.display import display as untyped_display

    display: Any = untyped_display  # IPython's display() has no annotations
    single = _one_display(outputs)
    for output in outputs:
        if output is single:
            handle = display(
                output["data"], raw=True, metadata=output.get("metadata") or None, display_id=True
            )
            return Slot(None, None, handle)
        if output.get("output_type") == "display_data":
            display(output["data"], raw=True, metadata=output.get("metadata") or None)
        elif output.get("output_type") == "stream":
            print(output["text"], end="")
    return Slot(None, None)


def _one_display(outputs: list[Output]) -> Output | None:
    if len(outputs) == 1 and outputs[0].get("output_type") == "display_data":
        return outputs[0]
    return None


def _no_app(call: str) -> NoAppError:
    return NoAppError(
        f"{call} on an element of an app was called while no app is running. Fix: call it "
        "in the app's code (the %%app cell or the function run with st.app)."
    )


class ElementHandle:
    """The element a call drew, as Streamlit's ``DeltaGenerator`` for it.

    Every element function a container offers is a method that replaces this element
    in place (the page sends one update; the elements around it stay as they are), as
    a one-slot ``st.empty()`` would. ``add_rows`` appends data to a chart.

    Examples
    --------
    >>> status = st.text("Loading...")
    >>> status.text("Done.")  # the same place on the page
    >>> chart = st.line_chart(df)
    >>> chart.add_rows(more_rows)
    """

    __slots__ = ("_slot",)

    #: The element functions offered as methods, by name (see `offer_methods`).
    _element_methods: ClassVar[Mapping[str, Callable[..., Any]]] = MappingProxyType({})

    def __init__(self, slot: Slot) -> None:
        self._slot = slot

    def __repr__(self) -> str:
        element = self._slot.element
        shown = type(element).__name__ if element is not None else "display"
        return f"<ElementHandle of a {shown}>"

    def _ipython_display_(self) -> None:
        """Shown as nothing: a cell ending with ``st.text(...)`` shows the text once."""

    def __getattr__(self, name: str) -> Any:
        func = None if name.startswith("_") else self._element_methods.get(name)
        if func is None:
            raise AttributeError(
                f"An element handle has no element {name!r}. Fix: use an element function "
                "such as text, markdown or line_chart (it replaces this element)."
            )

        def in_place(*args: Any, **kwargs: Any) -> Any:
            return self._call(func, args, kwargs)

        in_place.__name__ = name
        in_place.__doc__ = func.__doc__
        return in_place

    def _call(self, func: Callable[..., Any], args: Any, kwargs: Any) -> Any:
        slot = self._slot
        ctx = current_context()
        if slot.block is None:
            return _call_outside(slot, func, args, kwargs) if ctx is None else func(*args, **kwargs)
        if ctx is None:
            raise _no_app(f"{func.__name__}()")
        ctx.blocks.append(_SlotBlock(slot, slot.block))
        try:
            return func(*args, **kwargs)
        finally:
            ctx.blocks.pop()

    def __enter__(self) -> ElementHandle:
        slot = self._slot
        ctx = current_context()
        if ctx is None or slot.block is None:
            raise _no_app("with element:")
        ctx.blocks.append(_SlotBlock(slot, slot.block))
        return self

    def __exit__(self, *exc: object) -> None:
        ctx = current_context()
        if ctx is not None and len(ctx.blocks) > 1 and isinstance(ctx.blocks[-1], _SlotBlock):
            ctx.blocks.pop()

    def empty(self) -> ElementHandle:
        """Clear the element (the handle stays: its methods draw there again).

        Examples
        --------
        >>> note = st.success("Saved")
        >>> note.empty()
        """
        slot = self._slot
        ctx = current_context()
        if slot.block is None:
            if slot.display is not None:
                slot.display.update({"text/plain": ""}, raw=True)
            return self
        if ctx is None:
            raise _no_app("empty()")
        slot.put(StaticElement([], serial=ctx.serial))
        ctx.app.after_element(ctx)
        return self

    def add_rows(self, data: Any = None, **kwargs: Any) -> ElementHandle:
        """Append rows to a chart's data and redraw it in place (Streamlit 1.37's
        ``add_rows``; Streamlit 1.58 removed it).

        ``data`` is a DataFrame, dict, list or array with the chart's columns; a Vega-Lite
        chart's named dataset is given by name instead (``chart.add_rows(points=df)``).
        A chart drawn from a DataFrame with a default (range) index continues the index.

        Examples
        --------
        >>> chart = st.line_chart(df)
        >>> chart.add_rows(new_rows)
        """
        slot = self._slot
        if slot.rows is None:
            raise FragmentsAPIError(
                "add_rows() works on the charts of st.line_chart, st.area_chart, "
                "st.bar_chart, st.scatter_chart, st.vega_lite_chart and st.altair_chart; "
                "this element has no data to add to. Fix: call it on what one of those "
                "returned (chart = st.line_chart(df); chart.add_rows(more))."
            )
        slot.show(slot.rows(data, kwargs), current_context())
        return self


def _call_outside(slot: Slot, func: Callable[..., Any], args: Any, kwargs: Any) -> Any:
    """A handle's method with no app running: the element's display is updated in place."""
    from IPython.utils.capture import capture_output

    capturing: Any = capture_output  # untyped in IPython
    with capturing(stdout=False, stderr=False) as captured:
        result = func(*args, **kwargs)
    shown = captured.outputs
    if slot.display is None or len(shown) != 1:
        for output in shown:
            output.display()
        return result
    slot.display.update(shown[0].data, raw=True, metadata=shown[0].metadata or None)
    # the call's own handle names a display that was captured, never shown: this one
    return ElementHandle(slot) if isinstance(result, ElementHandle) else result


def offer_methods(methods: Mapping[str, Callable[..., Any]]) -> None:
    """Make ``methods`` the element functions every element handle offers.

    Called once, by the module that imports every element family (which sits above
    this one).
    """
    ElementHandle._element_methods = MappingProxyType(dict(methods))
