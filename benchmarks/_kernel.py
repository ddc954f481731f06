"""Kernel-hosted systems (ipywidgets, interact, Solara, jupyter-fragments) driven as a frontend.

Each system gets its own kernel, started and shut down by this process, and driven
through the Jupyter protocol with the package's harness (`KernelSession`). An
interaction is timed twice from sending the message: to the moment the mirror (the
harness's copy of the page) has applied the message that carries the expected text
("text shown", where a person would stop the clock) and to the kernel's idle for it.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable, Iterator, Mapping
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
    """One interaction as the client saw it.

    ``seconds`` runs to the kernel's idle (Streamlit: ``script_finished``); ``shown`` to
    the message that put the last expected text on the page (None: not timed).
    """

    seconds: float
    messages: int
    bytes: int
    comm_opens: int = 0
    comm_closes: int = 0
    shown: float | None = None


def text_pattern(text: str) -> re.Pattern[str]:
    """``text`` not followed by a digit: "sum = 5" must not match "sum = 57"."""
    return re.compile(re.escape(text) + r"(?!\d)")


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)


class ShownClock:
    """Notes when the mirror has applied every message carrying one of the expected texts.

    It wraps the mirror's ``apply`` (called for every iopub message the harness reads),
    so the time is taken as the frontend's copy of the page changes.
    """

    def __init__(self, session: KernelSession) -> None:
        self.pending: list[re.Pattern[str]] = []
        self.at: float | None = None
        mirror = session.mirror
        apply = mirror.apply

        def applied(msg: dict[str, Any]) -> None:
            apply(msg)
            if self.pending:
                self._see(msg)

        mirror.apply = applied  # type: ignore[method-assign]

    def arm(self, texts: Iterable[str]) -> None:
        self.pending = [text_pattern(t) for t in texts]
        self.at = None

    def _see(self, msg: dict[str, Any]) -> None:
        strings = [s for s in _strings(msg.get("content", {})) if len(s) > 2]
        self.pending = [p for p in self.pending if not any(p.search(s) for s in strings)]
        if not self.pending:
            self.at = time.perf_counter()

    def since(self, start: float) -> float | None:
        if self.pending:
            self.pending = []
            return None
        return None if self.at is None else self.at - start


class KernelSystem:
    """One system in its own kernel (``pythonpath``: a checkout of jupyter-fragments to
    import instead of the installed one)."""

    def __init__(self, name: str, setup: str, pythonpath: str | None = None) -> None:
        self.name = name
        env = {"MPLBACKEND": "agg"}
        if pythonpath:
            env["PYTHONPATH"] = pythonpath
        self.session = KernelSession.start(env=env)
        self.session.timeout = 300.0
        self.clock = ShownClock(self.session)
        self.session.run_cell(setup, timeout=120)
        self.session.run_silent(KEEP)

    # -- cells and state ------------------------------------------------------------
    def cell(self, code: str, timeout: float = 300.0, texts: Iterable[str] = ()) -> Sample:
        """Run a cell: time to ``texts`` shown and to the kernel's idle (widgets drawn)."""
        self.clock.arm(texts)
        start = time.perf_counter()
        result = self.session.run_cell(code, timeout=timeout)
        seconds = time.perf_counter() - start
        return Sample(seconds, result.messages, result.bytes, result.comm_opens,
                      result.comm_closes, self.clock.since(start))  # fmt: skip

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
    def click(self, model_id: str, texts: Iterable[str] = ()) -> Sample:
        """A click: ipywidgets' custom ``click`` event (Vuetify's carries ``data``)."""
        content: dict[str, Any] = {"event": "click"}
        if self.session.mirror.get(model_id).kind == "Btn":  # type: ignore[union-attr]
            content["data"] = {}
        self.clock.arm(texts)
        start = time.perf_counter()
        msg_id = self.session.send_custom(model_id, content)
        return self._finish(msg_id, start)

    def update(self, model_id: str, state: Mapping[str, Any], texts: Iterable[str] = ()) -> Sample:
        self.clock.arm(texts)
        start = time.perf_counter()
        msg_id = self.session.send_update(model_id, state)
        return self._finish(msg_id, start)

    def _finish(self, msg_id: str, start: float) -> Sample:
        hit = self.session.wait_idle(msg_id)[0]
        seconds = time.perf_counter() - start
        if hit.error is not None:
            raise RuntimeError(f"{self.name}: the interaction raised {hit.error}")
        return Sample(seconds, hit.messages, hit.bytes, hit.comm_opens, hit.comm_closes,
                      self.clock.since(start))  # fmt: skip

    def pump(self, seconds: float) -> None:
        """Read iopub for a while (timers keep sending)."""
        self.session.wait(seconds)


def _only_text(state: Mapping[str, Any]) -> str | None:
    children = state.get("children")
    if isinstance(children, list) and len(children) == 1 and isinstance(children[0], str):
        return children[0]
    return None
