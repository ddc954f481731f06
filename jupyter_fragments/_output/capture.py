"""Capture of ``print`` and ``display()`` while a run executes user code.

The output is stored in the run's current block and assigned to Output widgets in the
kernel, so it works with no frontend routing (nbclient, Voila, timers), unlike
``with out:``, which relies on the frontend matching message ids. Writes are routed by
thread: the run's thread and the threads of its parallel fragments are captured, any
other thread writes to the real streams.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Container
from typing import Any, TextIO

from IPython.core.displaypub import DisplayPublisher

_MISSING = object()


class CaptureStream:
    """A text stream that sends each write to the current run's capture.

    ``threads``: the idents of other threads whose writes belong to the run too (its
    parallel fragments'); read at each write, so threads may come and go.
    """

    def __init__(
        self,
        name: str,
        emit: Callable[[str, str], None],
        fallback: TextIO,
        threads: Container[int] = (),
    ) -> None:
        self.name = name
        self._emit = emit
        self._fallback = fallback
        self._thread = threading.get_ident()
        self._threads = threads

    def write(self, text: str) -> int:
        ident = threading.get_ident()
        if ident != self._thread and ident not in self._threads:
            # another thread (the kernel's logging, a user's worker) is not the run
            return self._fallback.write(text)
        if text:
            self._emit(self.name, text)
        return len(text)

    def writelines(self, lines: list[str]) -> None:
        for line in lines:
            self.write(line)

    def flush(self) -> None:
        return None

    def isatty(self) -> bool:
        return False

    @property
    def encoding(self) -> str:
        return "utf-8"

    def fileno(self) -> int:
        return self._fallback.fileno()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._fallback, name)


class CapturePublisher(DisplayPublisher):
    """Stands in for the shell's display publisher while a run executes."""

    def __init__(
        self,
        emit: Callable[[dict[str, Any], bool, str | None], None],
        clear: Callable[[bool], None],
        threads: Container[int] = (),
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self._emit_display = emit
        self._clear = clear
        self._thread = threading.get_ident()
        self._threads = threads
        self.fallback: Any = None  # the shell's own publisher, for other threads

    def _captures(self) -> bool:
        """Whether the calling thread's output belongs to the run."""
        ident = threading.get_ident()
        return ident == self._thread or ident in self._threads

    def publish(
        self,
        data: dict[str, Any],
        metadata: dict[str, Any] | None = None,
        source: Any = None,
        *,
        transient: dict[str, Any] | None = None,
        update: bool = False,
        **kwargs: Any,
    ) -> None:
        if self.fallback is not None and not self._captures():
            self.fallback.publish(
                data, metadata, source, transient=transient, update=update, **kwargs
            )
            return
        output = {"output_type": "display_data", "data": dict(data), "metadata": metadata or {}}
        display_id = (transient or {}).get("display_id")
        if display_id is not None:
            output["transient"] = {"display_id": display_id}
        self._emit_display(output, update, display_id)

    def clear_output(self, wait: bool = False) -> None:
        if self.fallback is not None and not self._captures():
            self.fallback.clear_output(wait)
            return
        self._clear(wait)


class Capture:
    """Swap ``sys.stdout``/``sys.stderr`` and the display publisher, and put them back."""

    def __init__(
        self,
        shell: Any,
        emit_stream: Callable[[str, str], None],
        emit_display: Callable[[dict[str, Any], bool, str | None], None],
        clear: Callable[[bool], None],
        threads: Container[int] = (),
    ) -> None:
        self.shell = shell
        self._emit_stream = emit_stream
        self._emit_display = emit_display
        self._clear = clear
        self._threads = threads  # the threads of parallel fragments, whose output is the run's
        self._saved: list[tuple[Any, Any, Any, Any]] = []
        self._pub: CapturePublisher | None = None

    def __enter__(self) -> Capture:
        shell = self.shell
        own_tb = vars(shell).get("_showtraceback", _MISSING) if shell is not None else _MISSING
        saved = (sys.stdout, sys.stderr, getattr(shell, "display_pub", None), own_tb)
        self._saved.append(saved)
        sys.stdout = CaptureStream("stdout", self._emit_stream, saved[0], self._threads)
        sys.stderr = CaptureStream("stderr", self._emit_stream, saved[1], self._threads)
        if shell is not None:
            publisher = self._publisher()
            publisher.fallback = saved[2]
            shell.display_pub = publisher
            # IPython shows errors raised inside a rich repr (and ipywidgets those of
            # handlers) with showtraceback, which ipykernel sends straight to iopub,
            # past the display publisher: keep them in place too.
            shell._showtraceback = self._show_traceback
        return self

    def __exit__(self, *exc: object) -> None:
        stdout, stderr, pub, own_tb = self._saved.pop()
        sys.stdout, sys.stderr = stdout, stderr
        if self.shell is not None and pub is not None:
            self.shell.display_pub = pub
        if self.shell is not None:
            if own_tb is _MISSING:
                vars(self.shell).pop("_showtraceback", None)
            else:
                self.shell._showtraceback = own_tb

    def _publisher(self) -> CapturePublisher:
        # One for the session: each DisplayPublisher made with a shell registers two
        # shell event hooks that are never removed (one pair leaked per run).
        if self._pub is None:
            self._pub = CapturePublisher(
                self._emit_display, self._clear, self._threads, shell=self.shell
            )
        return self._pub

    def _show_traceback(self, etype: Any, evalue: Any, stb: list[str]) -> None:
        name = getattr(etype, "__name__", str(etype))
        output = {"output_type": "error", "ename": name, "evalue": str(evalue), "traceback": stb}
        self._emit_display(output, False, None)
