"""The state of the run in progress: which app, which scope, which container."""

from __future__ import annotations

import time
from collections import Counter
from typing import TYPE_CHECKING

from jupyter_fragments._page.blocks import Block

if TYPE_CHECKING:
    from jupyter_fragments._runtime.app import App
    from jupyter_fragments._runtime.scope import Scope


class RunContext:
    """One run of one scope (the whole app, or a fragment rerun).

    ``job`` is the scope the run was started for; ``scope`` is the innermost scope whose
    code is executing now (a fragment called during a full run, say).
    """

    def __init__(self, app: App, job: Scope, serial: int) -> None:
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
        config = app.session.config
        self.mark_after = 2 * float(config.slow_run)
        self.flush_interval = float(config.flush_interval)
        self.forms: set[str] = set()
        self.fragment_keys: set[str] = set()
        self.forms_with_submit: set[str] = set()

    @property
    def is_fragment_rerun(self) -> bool:
        return self.job.kind == "fragment"

    @property
    def block(self) -> Block:
        """The container that receives the next element."""
        return self.blocks[-1]
