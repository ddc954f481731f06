"""When an app's scopes rerun: pending requests, coalescing, newest event wins.

A request runs at once unless a newer event for the same app already waits in the
kernel's queue (then that event's handler runs it: a burst ends in one rerun), another
app is running (then it runs right after), or the app is running (then the running
drain picks it up). A fallback timer makes sure pending work runs even when the newer
event never reaches the app.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from jupyter_fragments._runtime.scope import Scope

FALLBACK_DELAY = 0.05  # seconds


class RerunScheduler:
    """The pending reruns of one app and the loop that runs them."""

    def __init__(
        self,
        root: Scope,
        run_job: Callable[[Scope], bool],
        newer_event: Callable[[], bool],
        busy: Callable[[], bool],
        loop: Callable[[], asyncio.AbstractEventLoop],
    ) -> None:
        self.root = root
        # False: superseded by a newer event (the job requeued what it had left)
        self._run_job = run_job
        self._newer_event = newer_event
        self._busy = busy  # another app's run is in progress
        self._loop = loop
        self.pending_full = False
        self.pending_fragments: dict[str, Scope] = {}
        self.running = False
        self.closed = False
        self._fallback: Any = None
        self.watch_pending: dict[str, set[str]] = {}  # scope id -> keys that asked for it
        self.watch_ran: dict[str, set[str]] = {}  # this burst: scope id -> keys it ran for

    @property
    def has_pending(self) -> bool:
        return self.pending_full or bool(self.pending_fragments)

    def request(self, scope: Scope) -> None:
        """Ask for a rerun of ``scope`` (the root for a full rerun) and run it when due."""
        if self.closed:
            return
        self.requeue(scope)
        self.resume()

    def requeue(self, scope: Scope) -> None:
        """Mark ``scope`` pending without running anything now."""
        if scope is self.root or not scope.alive:
            self.pending_full = True
        else:
            self.pending_fragments[scope.id] = scope

    def watch_requested(self, scope: Scope, key: str) -> bool:
        """A watched key asks for ``scope``; False when it already ran for one this burst."""
        if scope.id in self.watch_ran:
            return False
        self.watch_pending.setdefault(scope.id, set()).add(key)
        return True

    def resume(self) -> None:
        if not self.has_pending or self.running:
            return
        if self._busy() or self._newer_event():
            self._schedule_fallback()
            return
        self.drain()

    def _schedule_fallback(self) -> None:
        """Make sure pending work runs even if the newer event never reaches the app."""
        if self._fallback is not None:
            return

        def fallback() -> None:
            self._fallback = None
            if not self.closed and not self.running and not self._busy():
                self.resume()

        self._fallback = self._loop().call_later(FALLBACK_DELAY, fallback)

    def _next_job(self) -> Scope | None:
        """The next scope to run; a full rerun absorbs fragment reruns, outer absorb inner."""
        while True:
            if self.pending_full:
                self.pending_full = False
                self.pending_fragments.clear()
                return self.root
            if not self.pending_fragments:
                return None
            job = next(iter(self.pending_fragments.values()))
            del self.pending_fragments[job.id]
            for other in list(self.pending_fragments.values()):
                if other.is_within(job):
                    del self.pending_fragments[other.id]
            if job.alive:
                return job

    def drain(self) -> None:
        """Run what is pending until nothing is."""
        self.running = True
        try:
            while not self.closed:
                job = self._next_job()
                if job is None:
                    break
                asked = self.watch_pending.pop(job.id, None)
                if asked is not None:
                    self.watch_ran.setdefault(job.id, set()).update(asked)
                if not self._run_job(job):
                    self._schedule_fallback()
                    break
        finally:
            self.running = False
            if not self.has_pending:
                self.watch_ran.clear()

    def close(self) -> None:
        self.closed = True
        if self._fallback is not None:
            self._fallback.cancel()
            self._fallback = None
