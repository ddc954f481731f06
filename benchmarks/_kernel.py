"""Kernel-hosted systems (ipywidgets, interact, Solara, jupyter-fragments) driven as a frontend.

Each system gets its own kernel, started and shut down by this process, and driven
through the Jupyter protocol with the package's harness (`KernelSession`): an
interaction is timed from sending the ``comm_msg`` to the kernel's idle for it.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import psutil

from jupyter_fragments.testing import KernelSession

CLEANUP = """\
import gc, ipywidgets as _w
try:
    import jupyter_fragments as _jf
    _jf.stop_all()
except Exception:
    pass
for _m in [m for i, m in list(_w.widgets.widget._instances.items()) if i not in _keep]:
    _m.close()
gc.collect()
"""
# Widgets made by a system's setup (Solara's theme, say) outlive every shape: closing
# them breaks later renders.
KEEP = "import ipywidgets as _w\n_keep = set(_w.widgets.widget._instances)\n"
LIVE_WIDGETS = "len(__import__('ipywidgets').widgets.widget._instances)"


@dataclass(frozen=True)
class Sample:
    """One interaction as the client saw it."""

    seconds: float
    messages: int
    bytes: int
    comm_opens: int = 0
    comm_closes: int = 0


class KernelSystem:
    """One system in its own kernel."""

    def __init__(self, name: str, setup: str) -> None:
        self.name = name
        self.session = KernelSession.start(env={"MPLBACKEND": "agg"})
        self.session.timeout = 300.0
        self.session.run_cell(setup, timeout=120)
        self.session.run_silent(KEEP)

    # -- cells and state ------------------------------------------------------------
    def cell(self, code: str, timeout: float = 300.0) -> float:
        """Run a cell; seconds until the kernel is idle (its widgets drawn)."""
        start = time.perf_counter()
        self.session.run_cell(code, timeout=timeout)
        return time.perf_counter() - start

    def eval(self, expression: str) -> Any:
        return self.session.eval(expression)

    def cleanup(self) -> None:
        """Stop apps, close every widget: the next shape starts from an empty page."""
        self.session.run_silent(CLEANUP, timeout=120)
        self.session.mirror.forget_closed()

    def rss(self) -> int:
        pid = self.session.kernel_pid
        assert pid is not None
        return int(psutil.Process(pid).memory_info().rss)

    def live_widgets(self) -> int:
        return int(self.eval(LIVE_WIDGETS))

    def shutdown(self) -> None:
        self.session.shutdown()

    # -- finding widgets in the mirror (as a frontend would see them) ----------------
    def find(self, label: str, kinds: tuple[str, ...]) -> str:
        """The model id of the one live widget of these kinds labelled ``label``.

        The label is the ``description`` (ipywidgets), ``label`` (Vuetify sliders) or
        the only child text (Vuetify buttons).
        """
        found = [
            m.model_id
            for m in self.session.mirror.live()
            if m.kind in kinds
            and label in (m.description, m.state.get("label"), _only_text(m.state))
        ]
        if len(found) != 1:
            raise LookupError(f"{self.name}: {len(found)} {kinds} widgets labelled {label!r}")
        return found[0]

    # -- interactions ---------------------------------------------------------------
    def click(self, model_id: str) -> Sample:
        """A click: ipywidgets' custom ``click`` event (Vuetify's carries ``data``)."""
        content: dict[str, Any] = {"event": "click"}
        if self.session.mirror.get(model_id).kind == "Btn":  # type: ignore[union-attr]
            content["data"] = {}
        start = time.perf_counter()
        msg_id = self.session.send_custom(model_id, content)
        return self._finish(msg_id, start)

    def update(self, model_id: str, state: Mapping[str, Any]) -> Sample:
        start = time.perf_counter()
        msg_id = self.session.send_update(model_id, state)
        return self._finish(msg_id, start)

    def _finish(self, msg_id: str, start: float) -> Sample:
        hit = self.session.wait_idle(msg_id)[0]
        seconds = time.perf_counter() - start
        if hit.error is not None:
            raise RuntimeError(f"{self.name}: the interaction raised {hit.error}")
        return Sample(seconds, hit.messages, hit.bytes, hit.comm_opens, hit.comm_closes)

    def pump(self, seconds: float) -> None:
        """Read iopub for a while (timers keep sending)."""
        self.session.wait(seconds)


def _only_text(state: Mapping[str, Any]) -> str | None:
    children = state.get("children")
    if isinstance(children, list) and len(children) == 1 and isinstance(children[0], str):
        return children[0]
    return None
