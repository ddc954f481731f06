"""Blocks (the containers of a page) and the elements in them, reused across reruns.

A block is one ipywidgets box whose ``children`` this module owns. While a scope reruns,
each of its blocks builds a new list of elements; static content (text, prints,
tracebacks) reuses the element ``Output`` at the same position, so a rerun sends only
what changed. Nothing is sent while a run builds: `Page.flush` sends the changes, at
most one update per changed model, and closes what was dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

import ipywidgets as widgets

from jupyter_fragments._page.pool import ModelPool, close_widget
from jupyter_fragments._page.statics import ELEMENT_CLASS as ELEMENT_CLASS
from jupyter_fragments._page.statics import Element as Element
from jupyter_fragments._page.statics import StaticElement as StaticElement
from jupyter_fragments._page.statics import StaticRun, groupable, joins

Output = dict[str, Any]


class Owner(Protocol):
    """The rerun scope a block or a fragment element belongs to (the runtime's scopes)."""

    @property
    def alive(self) -> bool: ...

    @property
    def output(self) -> widgets.Output: ...

    def is_within(self, other: object) -> bool: ...

    @property
    def body(self) -> Block: ...


class HasWidget(Protocol):
    """An input kept by identity across reruns (the widget registry's records)."""

    @property
    def widget(self) -> widgets.Widget: ...


def widget_view(model: widgets.Widget, text: str = "") -> Output:
    """An output that shows a view of ``model`` (as ``display(model)`` would)."""
    return {
        "output_type": "display_data",
        "data": {
            "application/vnd.jupyter.widget-view+json": {
                "version_major": 2,
                "version_minor": 0,
                "model_id": model.model_id,
            },
            "text/plain": text or repr(model),
        },
        "metadata": {},
    }


class WidgetElement(Element):
    """An input widget; its model lives as long as its identity (see the registry)."""

    def __init__(self, record: HasWidget) -> None:
        self.record = record

    def current_widget(self) -> widgets.Widget | None:
        return self.record.widget


class LayoutElement(Element):
    """A layout widget (container, columns, tabs...) holding one or more blocks."""

    def __init__(
        self, kind: str, signature: tuple[Any, ...], widget: widgets.Widget, blocks: list[Block]
    ) -> None:
        self.kind = kind
        self.signature = signature
        self.widget: widgets.Widget | None = widget
        self.blocks = blocks

    def current_widget(self) -> widgets.Widget | None:
        return self.widget

    def matches(self, kind: str, signature: tuple[Any, ...]) -> bool:
        return self.widget is not None and self.kind == kind and self.signature == signature

    def close(self, page: Page) -> None:
        for block in self.blocks:
            block.close_all(page)
        for block in self.blocks:
            if block.box is not self.widget:
                close_widget(block.box, page.pool)
        if self.widget is not None:
            close_widget(self.widget, page.pool)
            self.widget = None


class ScopeElement(Element):
    """Where a fragment was called: its scope's Output (owned by the scope)."""

    def __init__(self, scope: Owner) -> None:
        self.scope = scope

    def current_widget(self) -> widgets.Widget | None:
        return self.scope.output if self.scope.alive else None


class Block:
    """One box of the page and the elements in it.

    ``scope`` is the scope whose run created the block: a fragment may add widgets only
    to blocks of its own scope (or nested in it). ``replace`` gives ``st.empty``'s
    behaviour: every element added replaces the one before. ``root`` is the part of the
    page the block is in (``"main"``, ``"sidebar"``, ``"bottom"`` or ``"event"`` for
    dialogs): Streamlit's widgets without a key are told apart by it.
    """

    def __init__(
        self,
        page: Page,
        box: widgets.Box,
        scope: Owner,
        *,
        replace: bool = False,
        on_change: Callable[[Block], None] | None = None,
        root: str = "main",
    ) -> None:
        self.page = page
        self.box = box
        self.scope = scope
        self.replace = replace
        self.on_change = on_change
        self.committed: list[Element] = []
        self.building: list[Element] | None = None
        self.form: str | None = None  # the st.form this block is part of
        self.root = root
        self._stacks: bool | None = None  # see `stacks`

    # building -------------------------------------------------------------------
    def begin(self) -> None:
        """Start a new list of elements for this run (the old one stays on show)."""
        self.building = []
        self.page.rebuilding.append(self)

    def elements(self) -> list[Element]:
        """The list that receives new elements now."""
        return self.building if self.building is not None else self.committed

    def _old_at(self, position: int) -> Element | None:
        if self.building is None or position >= len(self.committed):
            return None
        return self.committed[position]

    def _candidate(self) -> Element | None:
        """The element of the last run that the next added element may reuse."""
        target = self.elements()
        if self.replace:
            return target[0] if target else self._old_at(0)
        return self._old_at(len(target))

    def add(self, element: Element) -> None:
        """Append an element (or replace the content, for ``st.empty``)."""
        target = self.elements()
        old = self._candidate()
        old_model = old.current_widget() if old is not None else None
        self._reuse(element, old)
        if self.replace:
            self.page.to_close.extend(e for e in target if e is not element)
            target[:] = [element]
        else:
            target.append(element)
        model = element.current_widget()
        if self.replace or model is None or model is not old_model:
            # the box's children change: only then does the next flush walk this block
            self.page.touch(self)

    def add_static(
        self, outputs: list[Output], serial: int, holder: object = None
    ) -> StaticElement:
        """Add an element call's outputs; returns the element that shows them.

        The hot path of a rerun. When the last run drew the same at this position, its
        element stays as it is: nothing is built, nothing is sent. Otherwise the new
        element takes over the Output at its position, and the box's children stay as
        they are. ``holder`` is what the call's handle holds: an element that shares an
        Output gets one of its own if the handle is still held when the page is sent.
        """
        building = self.building
        if building is not None and not self.replace:
            position = len(building)
            committed = self.committed
            old = committed[position] if position < len(committed) else None
            if type(old) is StaticElement and old.out is not None:
                if old.plain and old.outputs == outputs:
                    old.serial = serial
                    building.append(old)
                    return old
                element = StaticElement(outputs, serial=serial, plain=True)
                element.take_output_of(old)
                if element.run is not None:
                    element.holder = holder
                building.append(element)
                self.page.dirty_statics[id(element)] = element
                return element
            element = StaticElement(outputs, serial=serial, plain=True)
            last = building[-1] if building else None
            if not self.stacks():
                pass
            elif (
                type(last) is StaticElement
                and last.run is not None
                and last.run.out is None
                and joins(last, outputs)
                and groupable(outputs)
            ):
                last.run.add(element, holder)  # a first render: one Output for a stretch
            elif groupable(outputs):
                StaticRun(self).add(element, holder)
            self.add(element)
            return element
        element = StaticElement(outputs, serial=serial, plain=True)
        self.add(element)
        return element

    def stacks(self) -> bool:
        """Whether consecutive elements may share one Output here: in the body of a
        scope (the app's main body, a fragment's), a plain VBox that stacks them with
        nothing between. Containers, columns and grids keep one model per element (their
        children are laid out, styled and counted one by one)."""
        if self._stacks is None:
            box = self.box
            self._stacks = (
                self.scope.body is self
                and type(box) is widgets.VBox
                and not box._dom_classes
                and not box.layout.grid_gap
            )
        return self._stacks

    def last_input(self) -> HasWidget | None:
        """The input the last run drew at the position the next element takes, if any."""
        building = self.building
        if building is None or self.replace:
            return None
        position = len(building)
        committed = self.committed
        old = committed[position] if position < len(committed) else None
        return old.record if type(old) is WidgetElement else None

    def add_input(self, record: HasWidget) -> None:
        """`add` for an input widget: the last run's element at this position stays when
        it shows the same widget (the common case of a rerun)."""
        building = self.building
        if building is not None and not self.replace:
            position = len(building)
            committed = self.committed
            if position < len(committed):
                old = committed[position]
                if type(old) is WidgetElement and old.record is record:
                    building.append(old)
                    return
        self.add(WidgetElement(record))

    def _reuse(self, element: Element, old: Element | None) -> None:
        if (
            isinstance(element, StaticElement)
            and isinstance(old, StaticElement)
            and old.out is not None
        ):
            element.take_output_of(old)
        if isinstance(element, StaticElement):
            self.page.mark(element)

    def reuse_layout(self, kind: str, signature: tuple[Any, ...]) -> LayoutElement | None:
        """A layout element taking over the last run's matching one at the next position."""
        old = self._candidate()
        if isinstance(old, LayoutElement) and old.matches(kind, signature):
            element = LayoutElement(kind, signature, old.widget, old.blocks)
            old.widget = None
            old.blocks = []
            return element
        return None

    def last_capture(self, serial: int) -> StaticElement | None:
        """The capture element at the end of this block, if this run made it."""
        target = self.elements()
        if target:
            last = target[-1]
            if isinstance(last, StaticElement) and last.capture and last.serial == serial:
                return last
        return None

    def commit(self, *, keep_tail: bool = False) -> None:
        """Make the new list the block's content; schedule what was dropped for closing.

        ``keep_tail`` (a run cut short) keeps the last run's elements it did not reach.
        """
        if self.building is None:
            return
        if keep_tail and not self.replace:
            self.building.extend(self.committed[len(self.building) :])
        kept = {id(e) for e in self.building}
        self.page.to_close.extend(old for old in self.committed if id(old) not in kept)
        if len(self.building) != len(self.committed):
            # a shorter or longer list; a different model at any position was seen by add()
            self.page.touch(self)
        self.committed = self.building
        self.building = None

    def children(self) -> tuple[widgets.Widget, ...]:
        """The models to show now: the new list, then the old tail not yet replaced."""
        shown: list[widgets.Widget] = []
        seen: set[int] = set()
        sources = list(self.elements())
        if self.building is not None and not (self.replace and self.building):
            sources += self.committed[len(self.building) :]
        for element in sources:
            model = element.current_widget()
            if model is not None and id(model) not in seen and model.comm is not None:
                seen.add(id(model))
                shown.append(model)
        return tuple(shown)

    def sync(self) -> bool:
        """Assign the box's children if they changed; True when a message was sent."""
        children = self.children()
        if tuple(self.box.children) == children:
            return False
        self.box.children = children
        if self.on_change is not None:
            self.on_change(self)
        return True

    def clear(self) -> None:
        """Remove every element (``placeholder.empty()``)."""
        target = self.elements()
        self.page.to_close.extend(target)
        target.clear()
        if self.building is not None:
            self.page.to_close.extend(self.committed)
            self.committed = []
        self.page.touch(self)

    def close_all(self, page: Page) -> None:
        """Close every element of this block (the block itself is going away)."""
        for element in [*self.committed, *(self.building or [])]:
            element.close(page)
        self.committed = []
        self.building = None


class Page:
    """The pending changes of one app's page, sent together by `flush`."""

    def __init__(self, pool: ModelPool) -> None:
        self.pool = pool
        self.rebuilding: list[Block] = []
        self.dirty_blocks: dict[int, Block] = {}
        self.dirty_statics: dict[int, StaticElement] = {}
        self.to_close: list[Element] = []
        self.deferred: list[Callable[[], None]] = []

    def touch(self, block: Block) -> None:
        self.dirty_blocks[id(block)] = block

    def mark(self, element: StaticElement) -> None:
        """The element's content changed (or it is new): realize it at the next flush."""
        self.dirty_statics[id(element)] = element

    def commit(self, *, keep_tails: bool = False) -> None:
        """End of a run: every block built in it becomes its content."""
        blocks, self.rebuilding = self.rebuilding, []
        for block in blocks:
            block.commit(keep_tail=keep_tails)

    def flush(self) -> int:
        """Send what changed: element contents, then box children, then closes."""
        sent = 0
        closing, self.to_close = self.to_close, []
        dropped = {id(element) for element in closing}
        for element in closing:
            if type(element) is StaticElement and element.run is not None:
                element.leave_run(self)  # what remains of its run is redrawn below
        statics, self.dirty_statics = self.dirty_statics, {}
        for static in statics.values():
            if id(static) not in dropped and static.realize(self.pool):
                sent += 1
        blocks, self.dirty_blocks = self.dirty_blocks, {}
        for block in blocks.values():
            if block.box.comm is not None and block.sync():
                sent += 1
        for element in closing:
            element.close(self)
        deferred, self.deferred = self.deferred, []
        for action in deferred:
            action()
        return sent
