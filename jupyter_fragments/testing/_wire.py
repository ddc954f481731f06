"""The client side of the Jupyter protocol: shell requests out, every iopub message in.

:class:`Wire` keeps the widget mirror and the per-request tallies current and waits for
the kernel's idle; the harness's own probes (the control comm, a grid's row requests)
stay out of both. It knows neither cells nor widgets nor apps: ``_cells.py``,
``_gestures.py`` and ``session.py`` build on it.
"""

from __future__ import annotations

import queue
import time
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, TypeVar

from ._control import ControlClient
from ._grid_fetch import GridFetcher
from ._tally import Tally
from .mirror import WidgetMirror
from .results import HarnessError, HarnessTimeout, Interaction

if TYPE_CHECKING:
    from jupyter_client.blocking.client import BlockingKernelClient
    from jupyter_client.manager import KernelManager

__all__ = ["Wire"]

T = TypeVar("T")
_SLICE = 1.0  # seconds between liveness checks while waiting


class Wire:
    """One kernel connection, read as a frontend reads it (base of ``KernelSession``).

    Attributes
    ----------
    client, manager : the jupyter_client objects (``manager`` only for a started kernel).
    mirror : WidgetMirror
        The widget models as a frontend holds them.
    timeout : float
        Default seconds to wait for the kernel.
    """

    def __init__(
        self,
        client: BlockingKernelClient,
        *,
        manager: KernelManager | None = None,
        owns_client: bool = False,
    ) -> None:
        self.client = client
        self.manager = manager
        self.mirror = WidgetMirror()
        self.timeout = 30.0
        self._owns_client = owns_client
        self._tallies: dict[str, Tally] = {}
        self._replies: dict[str, dict[str, Any]] = {}
        self._closed = False
        self._control = ControlClient(self._send, self._settle)
        self._grids = GridFetcher(self._send, self.mirror)

    def _send(
        self, msg_type: str, content: dict[str, Any], metadata: dict[str, Any], track: bool = True
    ) -> str:
        """Send a shell message; ``track`` keeps a tally until its idle is awaited."""
        if self._closed:
            raise HarnessError("This KernelSession is closed.")
        msg = self.client.session.msg(msg_type, content, metadata=metadata)
        msg_id: str = msg["header"]["msg_id"]
        if track:
            self._tallies[msg_id] = Tally(msg_id)
        self.client.shell_channel.send(msg)
        return msg_id

    def _handle(self, msg: dict[str, Any]) -> None:
        if self._control.owns(msg) or self._grids.owns(msg):
            return
        self.mirror.apply(msg)
        tally = self._tallies.get(msg["parent_header"].get("msg_id", ""))
        if tally is None or tally.idle:
            return
        if msg["header"]["msg_type"] == "status":
            tally.idle = msg["content"].get("execution_state") == "idle"
        else:
            tally.add(msg, self.mirror)

    def _pump_one(self, timeout: float) -> bool:
        try:
            msg = self.client.get_iopub_msg(timeout=timeout)
        except queue.Empty:
            return False
        self._handle(msg)
        return True

    def _check_alive(self) -> None:
        alive = self.manager.is_alive() if self.manager is not None else self.client.is_alive()
        if not alive:
            raise HarnessError("The kernel died. Its log (stderr of the kernel) says why.")

    def _pump_until(self, done: Callable[[], T], timeout: float, what: str) -> T:
        deadline = time.monotonic() + timeout
        while True:
            result = done()
            if result:
                return result
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise HarnessTimeout(f"Timed out after {timeout:g} s waiting for {what}.")
            if not self._pump_one(min(remaining, _SLICE)):
                self._check_alive()

    def _await_idle(self, msg_id: str, timeout: float, what: str) -> Tally:
        tally = self._tallies[msg_id]
        self._pump_until(lambda: tally.idle, timeout, what)
        del self._tallies[msg_id]
        return tally

    def _settle(self, msg_id: str, answered: Callable[[], bool]) -> None:
        """Read iopub until ``answered()`` or the request's idle; then forget the request."""
        tally = self._tallies[msg_id]
        what = "the kernel to answer on the control comm"
        try:
            self._pump_until(lambda: answered() or tally.idle, self.timeout, what)
        finally:
            del self._tallies[msg_id]

    def _shell_reply(self, msg_id: str, timeout: float) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while msg_id not in self._replies:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise HarnessTimeout(f"Timed out after {timeout:g} s waiting for a shell reply.")
            try:
                reply = self.client.get_shell_msg(timeout=min(remaining, _SLICE))
            except queue.Empty:
                self._check_alive()
                continue
            self._replies[reply["parent_header"].get("msg_id", "")] = reply
        return self._replies.pop(msg_id)

    def wait(self, seconds: float) -> None:
        """Keep processing iopub for ``seconds``, e.g. to let ``run_every`` timers tick.

        Prefer :meth:`wait_until` where there is a condition to wait for.

        Examples
        --------
        >>> session.wait(0.5)  # doctest: +SKIP
        """
        end = time.monotonic() + seconds
        while (remaining := end - time.monotonic()) > 0:
            self._pump_one(min(remaining, _SLICE))

    def wait_until(
        self, predicate: Callable[[], T], timeout: float | None = None, *, what: str = ""
    ) -> T:
        """Process iopub until ``predicate()`` is truthy; return its value.

        The predicate is called before waiting and after each iopub message, so it
        sees every intermediate state of the mirror.

        Raises
        ------
        HarnessTimeout
            If it is still false after ``timeout`` seconds (default :attr:`timeout`).

        Examples
        --------
        >>> session.wait_until(lambda: "tick 3" in session.text_of(out))  # doctest: +SKIP
        True
        """
        name = what or getattr(predicate, "__name__", "a condition")
        return self._pump_until(predicate, self.timeout if timeout is None else timeout, name)

    def wait_idle(
        self, msg_ids: str | Iterable[str], timeout: float | None = None
    ) -> list[Interaction]:
        """Wait for the kernel's idle for each request sent with ``wait=False``.

        Returns one :class:`Interaction` per id, in the order given.

        Examples
        --------
        >>> ids = [session.send_update(slider, {"value": v}) for v in range(200)]
        >>> session.wait_idle(ids)[-1].error is None  # doctest: +SKIP
        True
        """
        ids = [msg_ids] if isinstance(msg_ids, str) else list(msg_ids)
        unknown = [i for i in ids if i not in self._tallies]
        if unknown:
            raise HarnessError(f"Not a pending request of this session: {unknown[0]!r}.")
        tallies = [self._tallies[i] for i in ids]
        limit = self.timeout if timeout is None else timeout
        what = f"the kernel to finish {len(ids)} request(s)"
        self._pump_until(lambda: all(t.idle for t in tallies), limit, what)
        for i in ids:
            self._tallies.pop(i, None)
        return [t.interaction() for t in tallies]
