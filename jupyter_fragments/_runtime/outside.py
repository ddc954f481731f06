"""Fragments writing into containers made outside them, as Streamlit 1.59+ draws them
(``%config Fragments.outside_writes = "redraw"``).

A fragment that writes into an outside container gets a slot there: a box at the place
of its first write of the run. Each rerun of the fragment redraws its slots in place (a
slot it no longer writes to is emptied), and widgets in a slot belong to the fragment:
they rerun it. With the default (``"accumulate"``, the behaviour Streamlit 1.37
documents) there are no slots: writes are appended until the next full run, and a
widget there is an error.
"""

from __future__ import annotations

import ipywidgets as widgets

from jupyter_fragments._page.blocks import Block, LayoutElement, Page
from jupyter_fragments._runtime.scope import Scope

SLOT = "jf-slot"


class OutsideSlots:
    """The slots of one app's fragments in containers made outside them."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self._slots: dict[tuple[str, int], Block] = {}

    def slot(self, scope: Scope, outside: Block) -> Block:
        """The block that receives ``scope``'s writes to ``outside`` in this run."""
        key = (scope.id, id(outside))
        slot = self._slots.get(key)
        if slot is not None and slot.building is not None:
            return slot  # already redrawn in this run
        if slot is None or outside.building is not None or slot.box.comm is None:
            # a first write, or the outside container is drawn anew (a full run): the
            # slot takes the place of this write there
            element = outside.reuse_layout(SLOT, (scope.id,))
            if element is None:
                box = widgets.VBox(layout=self.page.pool.layout(), _dom_classes=(SLOT,))
                inner = Block(self.page, box, scope, replace=outside.replace)
                element = LayoutElement(SLOT, (scope.id,), box, [inner])
            outside.add(element)
            slot = element.blocks[0]
            self._slots[key] = slot
        slot.scope = scope
        slot.form = outside.form
        slot.root = outside.root
        slot.begin()
        return slot

    def begin_rerun(self, job: Scope) -> None:
        """``job`` reruns on its own: its slots (and its inner fragments') are redrawn."""
        for key, slot in list(self._slots.items()):
            if slot.box.comm is None:
                del self._slots[key]  # its container was dropped
            elif slot.building is None and slot.scope.is_within(job):
                slot.begin()
