"""A real ``streamlit run`` server on 127.0.0.1, driven over its websocket as a browser does.

Messages are built and parsed with Streamlit's own protobuf classes: the client sends
``BackMsg.rerun_script`` with every widget's state (as the frontend's widget state
manager does) and reads ``ForwardMsg``s until ``script_finished``.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import websocket  # websocket-client
from _kernel import text_pattern
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class StreamlitServer:
    """One ``streamlit run`` process serving ``script``; stopped by `stop` (by its pid)."""

    def __init__(self, script: Path, log: Path) -> None:
        self.script = script
        self.port = free_port()
        self.log = log
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self, timeout: float = 60.0) -> StreamlitServer:
        args = [
            sys.executable, "-m", "streamlit", "run", str(self.script),
            "--server.headless", "true",
            "--server.address", "127.0.0.1",
            "--server.port", str(self.port),
            "--server.fileWatcherType", "none",
            "--server.runOnSave", "false",
            "--browser.gatherUsageStats", "false",
            "--global.developmentMode", "false",
            "--logger.level", "error",
        ]  # fmt: skip
        env = {**os.environ, "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false"}
        with self.log.open("ab") as log:
            self.proc = subprocess.Popen(
                args, stdout=log, stderr=subprocess.STDOUT, env=env, cwd=self.script.parent
            )
        deadline = time.monotonic() + timeout
        url = f"http://127.0.0.1:{self.port}/_stcore/health"
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"streamlit exited early; see {self.log}")
            try:
                with urllib.request.urlopen(url, timeout=1) as resp:
                    if resp.status == 200:
                        return self
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"streamlit did not become healthy in {timeout} s; see {self.log}")

    @property
    def pid(self) -> int | None:
        return self.proc.pid if self.proc is not None else None

    def stop(self) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=10)

    def client(self) -> StreamlitClient:
        return StreamlitClient(f"ws://127.0.0.1:{self.port}/_stcore/stream")


@dataclass
class Widget:
    """A widget the server drew: its id, kind, label and the fragment it lives in."""

    id: str
    kind: str
    label: str
    fragment_id: str
    value: Any = None


@dataclass
class RunResult:
    """One script run as the client saw it (``shown``: seconds to the delta carrying the
    last expected text; None when not asked or not seen)."""

    seconds: float
    messages: int
    bytes: int
    status: int
    deltas: int
    texts: list[str] = field(default_factory=list)
    shown: float | None = None


class StreamlitClient:
    """One browser tab: a websocket session that reruns the script on demand."""

    def __init__(self, url: str) -> None:
        self.ws = websocket.create_connection(url, subprotocols=["streamlit"], timeout=60)
        self.widgets: dict[str, Widget] = {}
        self.auto_reruns: list[tuple[float, str]] = []
        self.session_id = ""
        self.query_string = ""  # e.g. "shape=A": the script reads st.query_params

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.ws.close()

    # -- widget state, as the frontend's WidgetStateManager keeps it ----------------
    def find(self, label: str, kind: str | None = None) -> Widget:
        found = [w for w in self.widgets.values() if w.label == label and kind in (None, w.kind)]
        if len(found) != 1:
            raise LookupError(f"{len(found)} streamlit widgets labelled {label!r}")
        return found[0]

    def _states(self, trigger: str | None) -> Any:
        msg = BackMsg()
        msg.rerun_script.query_string = self.query_string
        states = msg.rerun_script.widget_states
        for w in self.widgets.values():
            if w.kind == "button":
                if w.id == trigger:
                    state = states.widgets.add()
                    state.id = w.id
                    state.trigger_value = True
            elif w.kind == "slider":
                state = states.widgets.add()
                state.id = w.id
                state.double_array_value.data.append(float(w.value))
        return msg

    # -- runs -------------------------------------------------------------------------
    def rerun(
        self,
        *,
        click: str | None = None,
        fragment_id: str = "",
        auto: bool = False,
        texts: Iterable[str] = (),
    ) -> RunResult:
        """Send one ``rerun_script`` and read until its ``script_finished``; ``texts``
        are the markdown texts whose arrival is the moment the page shows the run."""
        msg = self._states(click)
        msg.rerun_script.fragment_id = fragment_id
        msg.rerun_script.is_auto_rerun = auto
        payload = msg.SerializeToString()
        start = time.perf_counter()
        self.ws.send_binary(payload)
        return self._read_run(start, texts=texts)

    def send_only(self, *, fragment_id: str = "") -> None:
        """Send a rerun without reading (for bursts); read with `read_until_finished`."""
        msg = self._states(None)
        msg.rerun_script.fragment_id = fragment_id
        self.ws.send_binary(msg.SerializeToString())

    def read_until_finished(self, start: float, statuses: tuple[int, ...] = (0, 3)) -> RunResult:
        return self._read_run(start, statuses)

    def _read_run(
        self, start: float, statuses: tuple[int, ...] = (0, 1, 3), texts: Iterable[str] = ()
    ) -> RunResult:
        messages = size = deltas = 0
        pending = [text_pattern(t) for t in texts]
        shown: float | None = None
        seen: list[str] = []
        while True:
            data = self.ws.recv()
            assert isinstance(data, bytes)
            messages += 1
            size += len(data)
            fwd = ForwardMsg()
            fwd.ParseFromString(data)
            kind = fwd.WhichOneof("type")
            if kind == "delta":
                deltas += 1
                if self._note_delta(fwd, seen) and pending:
                    pending = [p for p in pending if not p.search(seen[-1])]
                    if not pending:
                        shown = time.perf_counter() - start
            elif kind == "new_session":
                self.session_id = fwd.new_session.initialize.session_id
            elif kind == "auto_rerun":
                self.auto_reruns.append((fwd.auto_rerun.interval, fwd.auto_rerun.fragment_id))
            elif kind == "script_finished" and fwd.script_finished in statuses:
                seconds = time.perf_counter() - start
                return RunResult(seconds, messages, size, fwd.script_finished, deltas, seen, shown)

    def _note_delta(self, fwd: Any, texts: list[str]) -> bool:
        """Keep what a delta draws; True when it added a markdown text."""
        delta = fwd.delta
        if delta.WhichOneof("type") != "new_element":
            return False
        element = delta.new_element
        which = element.WhichOneof("type")
        if which == "markdown":
            texts.append(element.markdown.body)
            return True
        elif which in ("button", "slider"):
            proto = getattr(element, which)
            if proto.id in self.widgets:  # keep the object: callers hold it to set values
                self.widgets[proto.id].fragment_id = delta.fragment_id
                return False
            value = proto.default[0] if which == "slider" else None
            self.widgets[proto.id] = Widget(proto.id, which, proto.label, delta.fragment_id, value)
        return False


@contextlib.contextmanager
def running(script: Path, log: Path) -> Iterator[StreamlitServer]:
    server = StreamlitServer(script, log).start()
    try:
        yield server
    finally:
        server.stop()
