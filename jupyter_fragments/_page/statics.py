"""Static elements (text, prints, tracebacks) and the ``Output`` models that show them.

Each static element is shown by an ``Output`` that holds no widget views. On a first
render, consecutive element calls of a block share one ``Output`` (a `StaticRun`), so
that a page of 200 rows opens one model rather than 200; a member that changes later
gets an ``Output`` of its own then, once, and every later rerun that changes it sends
one update, as if it had always had one.
"""

from __future__ import annotations

import sys
from typing import Any, Protocol

import ipywidgets as widgets

from jupyter_fragments._page.pool import ModelPool, close_widget

Output = dict[str, Any]
ELEMENT_CLASS = "jf-element"
_WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
#: CPython's count of references to a member's holder when no handle has it: the
#: member's own and getrefcount's argument (more means someone holds the handle)
_UNHELD = 2


class PageState(Protocol):
    """What a static element needs of its page (`blocks.Page`)."""

    pool: ModelPool

    def mark(self, element: StaticElement) -> None: ...


class BlockState(Protocol):
    """What a run needs of its block (`blocks.Block`): the page, to redraw its children."""

    @property
    def page(self) -> Any: ...


class Element:
    """One child of a block."""

    __slots__ = ()

    def current_widget(self) -> widgets.Widget | None:
        """The model that stands for this element in its block's ``children``."""
        raise NotImplementedError

    def close(self, page: Any) -> None:
        """Close the models this element owns (not widgets kept by identity)."""


class StaticElement(Element):
    """Text, markdown, prints, rich displays or a traceback: outputs with no widgets.

    ``capture`` marks the element that collects ``print``/``display()`` between ``st``
    calls; further prints extend it until another element is added after it. A
    ``plain`` element (an element call's, see `Block.add_static`) never changes its
    outputs in place, so the next run may keep it as it is when its call draws the same.
    ``run`` is the `StaticRun` whose ``Output`` it shares (None: an ``Output`` of its
    own); ``holder`` is what its call's handle holds, until the element is first shown.
    """

    __slots__ = (
        "capture", "holder", "index", "out", "outputs", "plain", "run", "serial", "shown",
    )  # fmt: skip

    def __init__(
        self,
        outputs: list[Output],
        *,
        capture: bool = False,
        serial: int = 0,
        plain: bool = False,
    ) -> None:
        self.outputs = outputs
        self.capture = capture
        self.serial = serial
        self.plain = plain
        self.out: widgets.Output | None = None
        self.shown: tuple[Output, ...] = ()  # what ``out`` shows of it (only the kernel sets it)
        self.run: StaticRun | None = None
        self.index = 0  # its place in ``run.members``
        self.holder: object = None

    def current_widget(self) -> widgets.Widget | None:
        return self.out

    def take_output_of(self, old: StaticElement) -> None:
        """Reuse ``old``'s Output model (and its place in a run) for this element."""
        self.out, old.out = old.out, None
        self.shown = old.shown
        run = old.run
        if run is not None:
            self.run, self.index, old.run = run, old.index, None
            run.members[self.index] = self
            self.holder, old.holder = old.holder, None

    def realize(self, pool: ModelPool) -> bool:
        """Create or update the Output; True when a message was needed."""
        content = tuple(self.outputs)
        run = self.run
        if run is not None:
            if run.out is None and run.members[-1] is not self:
                return False  # a first render: the run is shown from its last member
            if run.out is None or run.stale or content != self.shown:
                return run.settle(pool)
            return False
        if self.out is None:
            self.out = _output(content, pool)
            self.shown = content
            return True
        if content != self.shown:
            self.out.outputs = content
            self.shown = content
            return True
        return False

    def leave_run(self, page: PageState) -> None:
        """Leave the run (the element is dropped): the rest of it is redrawn without it."""
        run = self.run
        if run is None:
            return
        self.run, self.out, self.holder = None, None, None
        members = run.members
        members[self.index] = None
        while members and members[-1] is None:
            members.pop()  # a new run is first shown by its last member: keep it a member
        if not members:
            if run.out is not None:
                close_widget(run.out, page.pool)
                run.out = None
        elif run.out is not None:
            run.stale = True
            page.mark(next(m for m in members if m is not None))

    def close(self, page: Any) -> None:
        if self.run is not None:
            self.leave_run(page)
        elif self.out is not None:
            close_widget(self.out, page.pool)
            self.out = None


def groupable(outputs: list[Output]) -> bool:
    """Whether these outputs may share an Output with others: no widget view (a view
    inside an Output is rebuilt whenever the Output's outputs are assigned)."""
    return not any(_WIDGET_VIEW in (output.get("data") or ()) for output in outputs)


def joins(last: StaticElement, outputs: list[Output]) -> bool:
    """Whether ``outputs`` may follow ``last`` in one Output: not two streams back to
    back, which a frontend would merge into one."""
    if not outputs or not last.outputs:
        return True
    return not (
        outputs[0].get("output_type") == "stream"
        and last.outputs[-1].get("output_type") == "stream"
    )


class StaticRun:
    """Consecutive static elements of one block shown by one ``Output``.

    Made by a first render (`Block.add_static`). When the run is first shown, members
    whose call's handle is still held get an ``Output`` of their own (the handle may
    replace them, which must touch nothing else); later, a member whose content
    changes is split off: the run keeps its ``Output`` for its first stretch and each
    other stretch gets a new one (a stretch of one is a plain element again).
    """

    __slots__ = ("block", "members", "out", "stale")

    def __init__(self, block: BlockState) -> None:
        self.block = block
        self.members: list[StaticElement | None] = []
        self.out: widgets.Output | None = None
        self.stale = False  # a member left: redraw what remains

    def add(self, element: StaticElement, holder: object = None) -> None:
        element.run, element.index, element.holder = self, len(self.members), holder
        self.members.append(element)

    def settle(self, pool: ModelPool) -> bool:
        """Show the members as they are now; True when a message was needed."""
        everyone = self.members
        members = [m for m in everyone if m is not None]
        if self.out is not None and self.out.comm is None:
            return False  # closed with its app
        # a member whose call's handle is still held goes alone (the handle may replace
        # it, which must touch nothing else); so does one whose content changed since it
        # was shown, unless they all changed (rows shifted, say): they stay together
        held = [m.holder is not None and sys.getrefcount(m.holder) > _UNHELD for m in members]
        if self.out is None:
            alone = held
        else:
            changed = [tuple(m.outputs) != m.shown for m in members]
            alone = held if all(changed) else [h or c for h, c in zip(held, changed, strict=True)]
        alone.reverse()
        stretches: list[list[StaticElement]] = []
        together = False  # whether the last stretch takes the next member
        for member in everyone:
            if member is None:  # something else is where it was: the run is cut there
                together = False
                continue
            member.holder = None
            single = alone.pop()
            if together and not single:
                stretches[-1].append(member)
            else:
                stretches.append([member])
            together = not single
        return self._show(stretches, pool)

    def _show(self, stretches: list[list[StaticElement]], pool: ModelPool) -> bool:
        """One Output per stretch: the first keeps the run's, the others get new ones."""
        sent = False
        touch = len(stretches) > 1 or self.out is None
        for number, stretch in enumerate(stretches):
            content = tuple(o for m in stretch for o in m.outputs)
            out = self.out if number == 0 else None
            if out is None:
                out = _output(content, pool)
                sent = True
            elif tuple(out.outputs) != content:
                out.outputs = content
                sent = True
            run = self if number == 0 else StaticRun(self.block)
            run.members, run.out, run.stale = [], out, False
            for member in stretch:
                member.out, member.shown = out, tuple(member.outputs)
                if len(stretch) > 1:
                    run.add(member)
                else:
                    member.run = None  # a stretch of one: a plain element again
        if touch:
            self.block.page.touch(self.block)
        return sent


def _output(content: tuple[Output, ...], pool: ModelPool) -> widgets.Output:
    return widgets.Output(outputs=content, layout=pool.layout(), _dom_classes=(ELEMENT_CLASS,))
