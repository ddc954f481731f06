"""The state of the run in progress: which app, which scope, which container.

Element code reaches its app only through `AppView`, the part of an app that elements
may use; the runtime's `App` provides it.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from typing import Any, Protocol

from jupyter_fragments._page.blocks import Block, Page
from jupyter_fragments._runtime.config import Fragments
from jupyter_fragments._runtime.outside import OutsideSlots
from jupyter_fragments._runtime.scope import Scope
from jupyter_fragments._widgets.registry import WidgetRegistry


class AppView(Protocol):
    """What elements may use of the app that is running."""

    page: Page
    sidebar: Block
    #: the block pinned below the main body (``st.bottom``; where ``st.chat_input`` goes)
    bottom: Block
    widgets: WidgetRegistry[Scope]

    @property
    def forms(self) -> dict[str, bool]: ...

    def after_element(self, ctx: RunContext) -> None: ...

    def call_fragment(
        self, fragment: Any, args: tuple[Any, ...], kwargs: dict[str, Any]
    ) -> Any: ...

    def configure_page(self, *, wide: bool, sidebar: bool) -> None: ...

    def post_callback(self, func: Callable[..., Any], args: tuple[Any, ...] = ()) -> None: ...

    def rerun(self) -> None: ...


class RunContext:
    """One run of one scope (the whole app, or a fragment rerun).

    ``job`` is the scope the run was started for; ``scope`` is the innermost scope whose
    code is executing now (a fragment called during a full run, say).
    """

    #: a parallel fragment's context: what its thread leaves for the main thread to do
    #: once the fragments are joined (None: this is the run's own context)
    later: list[Callable[[], None]] | None = None

    def __init__(self, app: AppView, job: Scope, serial: int, config: Fragments) -> None:
        self.app = app
        self.job = job
        self.scope = job
        self.serial = serial
        self.blocks: list[Block] = [job.body]
        self.fragment_calls: Counter[tuple[str, str]] = Counter()
        self.seen_fragments: set[str] = set()
        self.started = time.monotonic()
        self.last_flush = self.started
        self.last_poll = 0.0
        self.arrivals = -1  # the kernel queue's arrivals last looked at (-1: never)
        self.flush_interval = float(config.flush_interval)
        self.forms: set[str] = set()
        self.fragment_keys: dict[str, str] = {}  # fragment key -> the function it names
        self.in_callback = False  # a widget callback is running (st.rerun("<key>") targets)
        self.forms_with_submit: set[str] = set()
        self.outside: OutsideSlots | None = None  # set when outside writes are redrawn

    @property
    def is_fragment_rerun(self) -> bool:
        return self.job.kind == "fragment"

    @property
    def block(self) -> Block:
        """The container that receives the next element.

        With ``Fragments.outside_writes = "redraw"``, a fragment's writes into a
        container made outside it go into the fragment's slot there.
        """
        block = self.blocks[-1]
        if self.outside is None or block.scope is self.scope or self.scope.kind != "fragment":
            return block
        if block.scope.is_within(self.scope):
            return block
        return self.outside.slot(self.scope, block)
