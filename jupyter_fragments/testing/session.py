"""A real kernel driven through the Jupyter protocol, the way JupyterLab drives it.

:class:`KernelSession` owns the client side: it sends shell requests, reads every
iopub message into the widget mirror, and waits for the kernel's idle. It does not
know apps; their handles are in ``app.py``.
"""

from __future__ import annotations

import ast
import json
import os
import queue
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, TypeVar

from ._tally import Tally
from .app import AppHandle, WidgetHandle, _list_choices
from .mirror import WidgetMirror, WidgetModel
from .render import render_text
from .results import CellError, CellResult, ErrorInfo, HarnessError, HarnessTimeout, Interaction

if TYPE_CHECKING:
    from jupyter_client.blocking.client import BlockingKernelClient
    from jupyter_client.manager import KernelManager

__all__ = ["KernelSession", "Target"]

Target = str | WidgetHandle
"""A widget to act on: its model id, or a :class:`WidgetHandle`."""

T = TypeVar("T")

SNAPSHOT_EXPRESSION = "__import__('jupyter_fragments._snapshot', fromlist=['x']).snapshot_json()"
RESET_CODE = """\
import jupyter_fragments as _jf
_jf.stop_all()
_jf.session_state.clear()
del _jf
"""
_SLICE = 1.0  # seconds between liveness checks while waiting


class KernelSession:
    """A Jupyter kernel, driven as a frontend and a user would drive it.

    Start one with :meth:`start`, or attach to a client you already have with
    :meth:`from_client` / :meth:`from_notebook_client`. While the session drives the
    kernel it must be the only reader of the client's iopub channel: every iopub
    message is processed into :attr:`mirror`, including messages caused by timers.

    Parameters
    ----------
    client : jupyter_client.BlockingKernelClient
        A client whose channels are started.
    manager : jupyter_client.KernelManager, optional
        The manager of a kernel this session started and will shut down.
    owns_client : bool
        Whether :meth:`close` should stop the client's channels.

    Attributes
    ----------
    mirror : WidgetMirror
        The widget models as a frontend holds them.
    timeout : float
        Default seconds to wait for the kernel in interactions and waits.

    Examples
    --------
    >>> with KernelSession.start() as session:  # doctest: +SKIP
    ...     session.run_cell("import ipywidgets as w; b = w.Button(description='Go'); b")
    ...     session.find_widget("Go").click().messages
    0
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
        self.extension_loaded = False

    # -- life cycle -----------------------------------------------------------------

    @classmethod
    def start(
        cls,
        kernel_name: str = "python3",
        cwd: str | os.PathLike[str] | None = None,
        env: Mapping[str, str] | None = None,
        *,
        startup_timeout: float = 60.0,
    ) -> KernelSession:
        """Start a new kernel (tcp on 127.0.0.1) and return a session driving it.

        Parameters
        ----------
        kernel_name : str
            The kernel spec. ``"python3"`` is the Python running this code.
        cwd : path, optional
            The kernel's working directory.
        env : mapping, optional
            Variables added to this process's environment for the kernel.
        startup_timeout : float
            Seconds to wait for the kernel to answer.

        Examples
        --------
        >>> session = KernelSession.start(env={"MPLBACKEND": "agg"})  # doctest: +SKIP
        >>> session.shutdown()  # doctest: +SKIP
        """
        from jupyter_client.manager import KernelManager

        manager = KernelManager(kernel_name=kernel_name, transport="tcp", ip="127.0.0.1")
        manager.start_kernel(
            cwd=None if cwd is None else os.fspath(cwd), env={**os.environ, **(env or {})}
        )
        try:
            client = manager.blocking_client()
            client.start_channels()
            client.wait_for_ready(timeout=startup_timeout)
        except BaseException:
            manager.shutdown_kernel(now=True)
            raise
        return cls(client, manager=manager, owns_client=True)

    @classmethod
    def from_client(cls, client: BlockingKernelClient) -> KernelSession:
        """Drive the kernel behind an existing blocking client (channels started).

        The session does not stop the client's channels nor the kernel.
        """
        return cls(client)

    @classmethod
    def from_notebook_client(cls, nb_client: Any, *, timeout: float = 60.0) -> KernelSession:
        """Drive the kernel of an nbclient ``NotebookClient`` whose kernel is started.

        Use it inside ``with nb_client.setup_kernel():`` after executing cells. An
        async client is replaced by a blocking client on the same connection; the
        mirror is seeded from ``nb_client.widget_state``. Close the session before
        the ``NotebookClient`` shuts its kernel down.

        Examples
        --------
        >>> with client.setup_kernel():  # doctest: +SKIP
        ...     for index, cell in enumerate(nb.cells):
        ...         client.execute_cell(cell, index)
        ...     with KernelSession.from_notebook_client(client) as session:
        ...         session.find_widget("Go").click()
        """
        from jupyter_client.blocking.client import BlockingKernelClient

        kc = getattr(nb_client, "kc", None)
        if kc is None:
            raise HarnessError(
                "The NotebookClient has no kernel client. "
                "Fix: call this inside `with nb_client.setup_kernel():`."
            )
        if isinstance(kc, BlockingKernelClient):
            session = cls(kc)
        else:
            client = BlockingKernelClient()
            client.load_connection_info(kc.get_connection_info())
            client.start_channels()
            client.wait_for_ready(timeout=timeout)
            session = cls(client, owns_client=True)
        session.mirror.seed(
            getattr(nb_client, "widget_state", {}) or {},
            getattr(nb_client, "widget_buffers", {}) or {},
        )
        return session

    @property
    def kernel_pid(self) -> int | None:
        """The process id of a kernel this session started, else None."""
        provisioner = getattr(self.manager, "provisioner", None)
        pid = getattr(provisioner, "pid", None)
        return pid if isinstance(pid, int) else None

    def close(self) -> None:
        """Stop reading from the kernel, leaving it running."""
        if not self._closed and self._owns_client:
            self.client.stop_channels()
        self._closed = True

    def shutdown(self) -> None:
        """Stop the kernel this session started (the process it started), then close.

        A session attached to someone else's kernel only closes.
        """
        self.close()
        if self.manager is not None and self.manager.has_kernel:
            # A polite shutdown_request first; jupyter_client kills the process if it lingers.
            self.manager.shutdown_kernel(now=False)

    def __enter__(self) -> KernelSession:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.shutdown()

    # -- the message loop -----------------------------------------------------------

    def _send(self, msg_type: str, content: dict[str, Any], metadata: dict[str, Any]) -> str:
        if self._closed:
            raise HarnessError("This KernelSession is closed.")
        msg = self.client.session.msg(msg_type, content, metadata=metadata)
        msg_id: str = msg["header"]["msg_id"]
        self._tallies[msg_id] = Tally(msg_id)
        self.client.shell_channel.send(msg)
        return msg_id

    def _handle(self, msg: dict[str, Any]) -> None:
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

    # -- code -----------------------------------------------------------------------

    def _execute(
        self,
        code: str,
        *,
        cell_id: str | None = None,
        silent: bool = False,
        user_expressions: dict[str, str] | None = None,
        timeout: float,
    ) -> tuple[Tally, dict[str, Any]]:
        content = {
            "code": code,
            "silent": silent,
            "store_history": not silent,
            "user_expressions": user_expressions or {},
            "allow_stdin": False,
            "stop_on_error": True,
        }
        msg_id = self._send("execute_request", content, {"cellId": cell_id} if cell_id else {})
        tally = self._await_idle(msg_id, timeout, "the cell to finish")
        reply = self._shell_reply(msg_id, timeout)["content"]
        if reply.get("status") == "aborted":
            raise HarnessError("The kernel aborted the cell: an earlier request failed.")
        return tally, reply

    def send_cell(self, code: str, *, cell_id: str | None = None) -> str:
        """Start executing ``code`` as a cell without waiting; returns its ``msg_id``.

        Useful to interact while a cell runs (an ``async`` cell that awaits, say);
        wait for the cell with :meth:`wait_idle`.

        Examples
        --------
        >>> cell = session.send_cell("import asyncio; await asyncio.sleep(1)")  # doctest: +SKIP
        >>> session.wait_idle(cell)  # doctest: +SKIP
        """
        content = {
            "code": code,
            "silent": False,
            "store_history": True,
            "user_expressions": {},
            "allow_stdin": False,
            "stop_on_error": True,
        }
        return self._send("execute_request", content, {"cellId": cell_id} if cell_id else {})

    def run_cell(
        self,
        code: str,
        *,
        cell_id: str | None = None,
        timeout: float = 30.0,
        raise_on_error: bool = True,
    ) -> CellResult:
        """Execute ``code`` as a notebook cell and wait until the kernel is idle.

        Parameters
        ----------
        code : str
            The cell's source (magics work: ``%%app`` etc.).
        cell_id : str, optional
            Sent as ``metadata.cellId``, as JupyterLab does; it names the cell's app.
        timeout : float
            Seconds to wait for the kernel.
        raise_on_error : bool
            Raise :class:`CellError` if the cell raised (else return it in ``.error``).

        Examples
        --------
        >>> session.run_cell("x = 21 * 2; x").value_text  # doctest: +SKIP
        '42'
        """
        tally, reply = self._execute(code, cell_id=cell_id, timeout=timeout)
        error = ErrorInfo.from_content(reply) if reply.get("status") == "error" else None
        result = tally.cell_result(error)
        if raise_on_error and result.error is not None:
            raise CellError(result.error, result, code)
        return result

    def run_cells(self, sources: Sequence[str], *, timeout: float = 30.0) -> list[CellResult]:
        """Run cells in order; raise :class:`CellError` (with ``cell_index``) at the first error.

        Examples
        --------
        >>> session.run_cells(["a = 1", "b = a + 1"])[1].error is None  # doctest: +SKIP
        True
        """
        return self._run_sequence([(code, None) for code in sources], timeout)

    def run_notebook(
        self, path: str | os.PathLike[str], *, use_cell_ids: bool = True, timeout: float = 30.0
    ) -> list[CellResult]:
        """Run every code cell of a ``.ipynb`` file in order.

        Each cell is sent with its notebook cell id as ``cellId`` (as JupyterLab does)
        unless ``use_cell_ids`` is False (as nbclient does). Raises :class:`CellError`
        with the cell's index at the first error.

        Examples
        --------
        >>> results = session.run_notebook("notebooks/counter.ipynb")  # doctest: +SKIP
        """
        import nbformat

        notebook = nbformat.read(Path(path), as_version=4)  # type: ignore[no-untyped-call]
        cells = [
            (str(cell.source), cell.get("id") if use_cell_ids else None)
            for cell in notebook.cells
            if cell.cell_type == "code"
        ]
        return self._run_sequence(cells, timeout)

    def _run_sequence(
        self, cells: Sequence[tuple[str, str | None]], timeout: float
    ) -> list[CellResult]:
        results = []
        for index, (code, cell_id) in enumerate(cells):
            result = self.run_cell(code, cell_id=cell_id, timeout=timeout, raise_on_error=False)
            if result.error is not None:
                raise CellError(result.error, result, code, cell_index=index)
            results.append(result)
        return results

    def eval(self, expression: str, *, timeout: float | None = None) -> Any:
        """Evaluate ``expression`` silently in the kernel and return its value.

        The value travels as its ``repr``; literals (numbers, strings, lists, dicts...)
        come back as Python objects, anything else as the repr string. Nothing is
        added to the history and no output is shown.

        Examples
        --------
        >>> session.eval("1 + 1")  # doctest: +SKIP
        2
        """
        limit = self.timeout if timeout is None else timeout
        _, reply = self._execute(
            "", silent=True, user_expressions={"value": expression}, timeout=limit
        )
        value = reply.get("user_expressions", {}).get("value", {})
        if value.get("status") != "ok":
            error = ErrorInfo.from_content(value)
            raise CellError(error, CellResult(msg_id=""), expression)
        text = str(value.get("data", {}).get("text/plain", ""))
        try:
            return ast.literal_eval(text)
        except (ValueError, SyntaxError):
            return text

    def run_silent(self, code: str, *, timeout: float | None = None) -> None:
        """Execute ``code`` without history or shown output; raise :class:`CellError` on error."""
        limit = self.timeout if timeout is None else timeout
        tally, reply = self._execute(code, silent=True, timeout=limit)
        if reply.get("status") == "error":
            error = ErrorInfo.from_content(reply)
            raise CellError(error, tally.cell_result(error), code)

    def reset(self) -> None:
        """Prepare the kernel for the next test without restarting it.

        Stops every app and timer (``jupyter_fragments.stop_all()``), clears
        ``session_state``, forgets closed widget models and zeroes the mirror's
        counters. Imports and variables stay.
        """
        self.run_silent(RESET_CODE)
        self.mirror.forget_closed()
        self.mirror.reset_counters()

    # -- widgets --------------------------------------------------------------------

    def model(self, target: Target) -> WidgetModel:
        """The mirrored model of ``target``; an error if it is unknown or closed."""
        model_id = target if isinstance(target, str) else target.model_id
        model = self.mirror.get(model_id)
        if model is None:
            raise HarnessError(f"No widget model {model_id!r} in the mirror.")
        if model.closed:
            raise HarnessError(
                f"The {model.kind} {model.description or model_id!r} was closed by the kernel."
            )
        return model

    def widget(self, target: Target) -> WidgetHandle:
        """A :class:`WidgetHandle` for a model id."""
        return WidgetHandle(self, self.model(target).model_id)

    def find_widget(self, label: str | None = None, *, kind: str | None = None) -> WidgetHandle:
        """The one live widget with this label (``description``) and/or kind.

        ``kind`` is the ipywidgets class name (``"IntSlider"``, ``"Button"``).

        Examples
        --------
        >>> session.find_widget("n", kind="IntSlider").set_value(5)  # doctest: +SKIP
        """
        found = self.mirror.find(label=label, kind=kind)
        if len(found) == 1:
            return WidgetHandle(self, found[0].model_id)
        wanted = ", ".join(
            f"{name}={value!r}" for name, value in (("label", label), ("kind", kind)) if value
        )
        shown = [
            m for m in self.mirror.live() if m.kind != "Layout" and not m.kind.endswith("Style")
        ]
        choices = _list_choices((m.kind, m.description, None) for m in shown)
        problem = "No widget" if not found else f"{len(found)} widgets"
        raise HarnessError(f"{problem} with {wanted or 'no filter'}. Live widgets:\n{choices}")

    def text_of(self, target: Target) -> str:
        """The plain text a person reads in ``target`` and everything inside it.

        See :func:`~jupyter_fragments.testing.render.render_text`.
        """
        return render_text(self.mirror, self.model(target).model_id)

    # -- interactions ---------------------------------------------------------------

    def _usable(self, target: Target) -> WidgetModel:
        model = self.model(target)
        if model.state.get("disabled"):
            raise HarnessError(
                f"The {model.kind} {model.description!r} is disabled; a user cannot change it."
            )
        return model

    def send_update(self, target: Target, state: Mapping[str, Any]) -> str:
        """Send a user's state change without waiting; return the ``comm_msg`` id.

        Sends ``{"method": "update", "state": state, "buffer_paths": []}`` as the
        JupyterLab widget manager does, after updating the mirror as the frontend
        does. Wait for it with :meth:`wait_idle`.
        """
        model = self._usable(target)
        self.mirror.set_local(model.model_id, state)
        data = {"method": "update", "state": dict(state), "buffer_paths": []}
        return self._send("comm_msg", {"comm_id": model.model_id, "data": data}, {})

    def send_custom(self, target: Target, content: Mapping[str, Any]) -> str:
        """Send a custom widget message (``{"method": "custom", ...}``) without waiting."""
        model = self._usable(target)
        data = {"method": "custom", "content": dict(content)}
        return self._send("comm_msg", {"comm_id": model.model_id, "data": data}, {})

    def _finish(self, msg_id: str) -> Interaction:
        return self.wait_idle(msg_id)[0]

    def set_state(self, target: Target, /, **state: Any) -> Interaction:
        """Change synced traits of a widget as a user would, and wait until drawn.

        Examples
        --------
        >>> session.set_state(slider, value=3)  # doctest: +SKIP
        """
        return self._finish(self.send_update(target, state))

    def set_value(self, target: Target, value: Any) -> Interaction:
        """Set a widget's ``value`` as a user would, and wait until the kernel is idle.

        Examples
        --------
        >>> session.set_value(slider, 7).outputs_updates  # doctest: +SKIP
        1
        """
        return self.set_state(target, value=value)

    def click(self, target: Target) -> Interaction:
        """Click a ``Button`` (or toggle a ``ToggleButton``) and wait until drawn.

        Examples
        --------
        >>> session.click(button).error is None  # doctest: +SKIP
        True
        """
        model = self._usable(target)
        if model.kind == "ToggleButton":
            return self.set_value(target, not model.state.get("value"))
        if model.kind != "Button":
            raise HarnessError(f"{model.description!r} is a {model.kind}, not a Button.")
        return self._finish(self.send_custom(target, {"event": "click"}))

    def type(self, target: Target, text: str) -> Interaction:
        """Type ``text`` into a text or number box, replacing what it held.

        With ``continuous_update`` off (the widget syncs on Enter or blur) the whole
        value is sent at once; with it on, one update per keystroke, and the
        result is the last keystroke's interaction. Number boxes get the parsed number.

        Examples
        --------
        >>> session.type(name_box, "Ada")  # doctest: +SKIP
        """
        model = self._usable(target)
        current = model.state.get("value")
        if isinstance(current, int | float) and not isinstance(current, bool):
            number = float(text)
            return self.set_value(target, int(number) if isinstance(current, int) else number)
        if not model.state.get("continuous_update", False) or len(text) <= 1:
            return self.set_value(target, text)
        ids = [self.send_update(target, {"value": text[:n]}) for n in range(1, len(text) + 1)]
        return self.wait_idle(ids)[-1]

    def select(self, target: Target, label: str | Sequence[str]) -> Interaction:
        """Choose option(s) by label in a selection widget; syncs ``index`` as browsers do.

        Single selection (Dropdown, RadioButtons, Select, SelectionSlider,
        ToggleButtons) takes one label; multiple selection (SelectMultiple) a list.

        Examples
        --------
        >>> session.select(dropdown, "blue")  # doctest: +SKIP
        """
        model = self._usable(target)
        labels = list(model.state.get("_options_labels", []))
        if "_options_labels" not in model.state:
            raise HarnessError(f"{model.description!r} is a {model.kind}, not a selection.")
        wanted = [label] if isinstance(label, str) else list(label)
        missing = [w for w in wanted if w not in labels]
        if missing:
            raise HarnessError(f"No option {missing[0]!r} in {model.description!r}: {labels}.")
        indices = [labels.index(w) for w in wanted]
        multiple = isinstance(model.state.get("index"), list | tuple)
        if not multiple and len(indices) != 1:
            raise HarnessError(f"{model.description!r} takes one label, got {wanted}.")
        return self.set_state(target, index=indices if multiple else indices[0])

    # -- apps -----------------------------------------------------------------------

    def snapshot(self) -> dict[str, Any]:
        """The runtime's description of every live app (see docs/architecture.md)."""
        try:
            text = self.eval(SNAPSHOT_EXPRESSION)
        except CellError as exc:
            if exc.error.ename in ("ModuleNotFoundError", "ImportError", "AttributeError"):
                raise HarnessError(
                    f"The kernel cannot describe its apps ({exc.error}). Fix: install "
                    "jupyter-fragments in the kernel's environment and run "
                    "`%load_ext jupyter_fragments`."
                ) from exc
            raise
        data = json.loads(text) if isinstance(text, str) else text
        if not isinstance(data, dict):
            raise HarnessError(f"Unexpected snapshot from the kernel: {data!r:.200}")
        return data

    @property
    def apps(self) -> list[AppHandle]:
        """Every live app in the kernel, oldest first."""
        return [AppHandle(self, str(app["id"])) for app in self.snapshot().get("apps", [])]

    def app(self, name: str | None = None) -> AppHandle:
        """The app called ``name`` (a cell id or ``%%app`` name), or the latest app.

        Examples
        --------
        >>> session.run_cell("%%app counter\\nst.button('+1')")  # doctest: +SKIP
        >>> session.app("counter").button("+1").click()  # doctest: +SKIP
        """
        apps = self.snapshot().get("apps", [])
        if name is None and apps:
            return AppHandle(self, str(apps[-1]["id"]))
        matching = [a for a in apps if a.get("name") == name]
        if len(matching) == 1:
            return AppHandle(self, str(matching[0]["id"]))
        names = ", ".join(repr(a.get("name")) for a in apps) or "none"
        if not apps:
            raise HarnessError("No app is running in the kernel. Fix: run an `%%app` cell first.")
        raise HarnessError(f"{len(matching)} apps named {name!r}; the apps are: {names}.")
