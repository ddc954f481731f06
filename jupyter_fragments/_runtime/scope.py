"""Scopes: the app itself and each call site of a fragment, the units that rerun.

A scope is shown as an ``Output`` whose only output is a view of its body box. That
Output is never reassigned (JupyterLab would rebuild every widget view inside it), so
the kernel uses it only to carry the scope's CSS classes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import ipywidgets as widgets

from jupyter_fragments._page.blocks import Block, Page, widget_view
from jupyter_fragments._page.pool import close_widget


class Scope:
    """The app (``kind == "app"``) or one fragment call site (``kind == "fragment"``)."""

    def __init__(
        self,
        page: Page,
        kind: str,
        sid: str,
        name: str,
        parent: Scope | None,
        shown: widgets.Box | None = None,
        body_box: widgets.Box | None = None,
    ) -> None:
        self.page = page
        self.kind = kind
        self.id = sid
        self.name = name
        self.parent = parent
        box = body_box if body_box is not None else widgets.VBox(layout=page.pool.layout())
        self.body = Block(page, box, self)
        shown_box = shown if shown is not None else self.body.box
        self._base_classes = ("jf-scope", f"jf-{kind}")
        self.output = widgets.Output(
            outputs=(widget_view(shown_box, f"<{kind} {name}>"),),
            layout=page.pool.layout(),
            _dom_classes=self._base_classes,
        )
        self.alive = True
        self.runs = 0
        self.last_duration = 0.0
        self.error: str | None = None
        self.running_marked = False
        # fragments only: what to call on a fragment rerun
        self.func: Callable[..., Any] | None = None
        self.args: tuple[Any, ...] = ()
        self.kwargs: dict[str, Any] = {}
        self.run_every: float | None = None
        self.key: str | None = None
        self.watch: tuple[str, ...] = ()
        self.seen_serial = 0

    def is_within(self, other: object) -> bool:
        """Whether this scope is ``other`` or nested inside it."""
        scope: Scope | None = self
        while scope is not None:
            if scope is other:
                return True
            scope = scope.parent
        return False

    def set_state_classes(self, *, running: bool | None = None, error: bool | None = None) -> None:
        """Update the ``jf-running`` / ``jf-error`` classes (one message, only if changed)."""
        if not self.alive:
            return
        current = list(self.output._dom_classes)
        wanted = list(self._base_classes)
        is_running = "jf-running" in current if running is None else running
        has_error = "jf-error" in current if error is None else error
        if is_running:
            wanted.append("jf-running")
        if has_error:
            wanted.append("jf-error")
        self.running_marked = is_running
        if wanted != current:
            self.output._dom_classes = tuple(wanted)

    def close(self) -> None:
        """Close the scope's models and every element of its body."""
        if not self.alive:
            return
        self.alive = False
        page = self.page
        self.body.close_all(page)
        close_widget(self.body.box, page.pool)
        close_widget(self.output, page.pool)

    def __repr__(self) -> str:
        return f"<Scope {self.kind} {self.name!r} id={self.id}>"
