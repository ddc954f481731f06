"""Control-flow signals raised through user code.

They derive from ``BaseException`` so that a user's ``except Exception`` cannot swallow
them, as Streamlit does for its own ``RerunException`` and ``StopException``.
"""

from __future__ import annotations

from typing import Any


class RunSignal(BaseException):
    """Base of every signal that ends a run early."""


class RerunSignal(RunSignal):
    """``st.rerun()``: end this run and rerun ``scope`` (``"app"`` or ``"fragment"``).

    ``targets``: a callback's ``st.rerun("<key>")``, the fragments to rerun instead of
    the interaction's own rerun.
    """

    def __init__(self, scope: str, target: Any = None, targets: tuple[Any, ...] = ()) -> None:
        super().__init__(scope)
        self.scope = scope
        self.target = target
        self.targets = targets


class StopSignal(RunSignal):
    """``st.stop()``: end the current run where it stands."""


class SupersededSignal(RunSignal):
    """A newer event for this app arrived: drop the stale run and let the new one start."""
