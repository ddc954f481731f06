"""A real kernel driven through the Jupyter protocol, the way JupyterLab drives it.

:class:`KernelSession` is the harness's front: starting or attaching to a kernel, and
the kernel's apps (read through the control comm, ``_control.py``). It inherits the
message loop (``_wire.py``), cells (``_cells.py``) and widget gestures (``_gestures.py``);
app handles are in ``app.py``.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from types import TracebackType
from typing import TYPE_CHECKING, Any

from ._cells import Cells
from ._gestures import Gestures
from .app import AppHandle, Target
from .results import HarnessError

if TYPE_CHECKING:
    from jupyter_client.blocking.client import BlockingKernelClient
    from jupyter_client.manager import KernelManager

__all__ = ["KernelSession", "Target"]

PACKAGE_IMPORTED = "'jupyter_fragments' in __import__('sys').modules"
RESET_CODE = """\
import jupyter_fragments as _jf
_jf.stop_all()
_jf.session_state.clear()
del _jf
"""


class KernelSession(Cells, Gestures):
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
        super().__init__(client, manager=manager, owns_client=owns_client)
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
        if not self._closed:
            self._control.close()
            if self._owns_client:
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

    def reset(self) -> None:
        """Prepare the kernel for the next test without restarting it.

        Stops every app and timer (``jupyter_fragments.stop_all()``), clears
        ``session_state``, forgets closed widget models and zeroes the mirror's
        counters. Imports and variables stay.
        """
        self.run_silent(RESET_CODE)
        # The kernel handled every request sent before the reset's own; what a test sent
        # without waiting is forgotten (a comm message handled while a cell awaits gets no
        # idle of its own, so its tally would otherwise stay open for the next test).
        self._tallies.clear()
        self.mirror.forget_closed()
        self.mirror.reset_counters()

    # -- apps -----------------------------------------------------------------------

    def snapshot(self) -> dict[str, Any]:
        """The runtime's description of every live app (see docs/architecture.md)."""
        data = self._control.snapshot()
        if data is not None:
            return data
        # The kernel holds the target while the extension is loaded or an app lives:
        # a kernel that imported the package but has no target has no live app.
        if self.eval(PACKAGE_IMPORTED) is True:
            return {"apps": [], "timers": 0}
        raise HarnessError(
            "The kernel cannot describe its apps: it has no 'jupyter_fragments.control' "
            "comm target. Fix: install jupyter-fragments in the kernel's environment and "
            "run `%load_ext jupyter_fragments`."
        )

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
