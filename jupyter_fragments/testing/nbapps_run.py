"""One notebook run for ``pytest --nbapps``: which cell made which app, and what broke.

nbclient executes the cells (as nbmake and ``jupyter nbconvert --execute`` do) with
apps strict; a `KernelSession` attached to the same kernel reads the apps after each
cell, so an app whose first run raised is found even where the cell does not fail.
With ``poke`` every live app is then tried as a person would (``nbapps_poke``).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .app import AppHandle
from .nbapps_poke import poke
from .results import HarnessError, strip_ansi
from .session import KernelSession

__all__ = ["SKIP_TAG", "AppResult", "NotebookResult", "run_notebook"]

SKIP_TAG = "nbapps-skip"
# Before the extension loads: the session it creates reads the shell's config.
_STRICT = "get_ipython().config.Fragments.strict = True"
_UNNAMED = "unnamed-"  # the runtime's key for an app without a name or cell id


@dataclass
class AppResult:
    """One app of the notebook: its test name, the cell that made it, what broke it.

    Attributes
    ----------
    name : str
        The app's name, or ``cell<N>`` (the notebook's N-th cell, from 1) without one.
    failure : str or None
        Why its test fails: the first run raised, or a poke broke it.
    gestures : int
        How many gestures the poke played.
    """

    name: str
    app_id: str
    cell: int
    failure: str | None = None
    gestures: int = 0


@dataclass
class NotebookResult:
    """What running one notebook found: its apps, and an error of a cell that is no app's."""

    path: Path
    apps: list[AppResult] = field(default_factory=list)
    error: str | None = None
    skipped: int = 0


def _tags(cell: Any) -> list[str]:
    return list((cell.get("metadata") or {}).get("tags") or [])


def _apps(session: KernelSession) -> list[dict[str, Any]]:
    try:
        return list(session.snapshot().get("apps", []))
    except HarnessError:
        return []  # the package is not imported yet: no app


def _first_run_failure(session: KernelSession, info: dict[str, Any], cell: int) -> str | None:
    """The traceback an app shows when its first run raised (None if it ran)."""
    app = AppHandle(session, str(info["id"]))
    for scope in info.get("scopes", []):
        error = scope.get("error")
        if error is None:
            continue
        shown = [e for e in app.exceptions if str(e) == str(error)] or app.exceptions
        where = "" if scope.get("kind") == "app" else f" (in fragment {scope.get('name')!r})"
        lines = [f"The app raised on its first run (cell {cell}){where}: {error}"]
        if shown:
            lines += ["", shown[-1].traceback_text]
        return "\n".join(lines)
    return None


class _Run:
    """The state of one notebook run: the session, the apps seen so far and the result."""

    def __init__(self, path: Path, session: KernelSession) -> None:
        self.session = session
        self.result = NotebookResult(path)
        self.seen: set[str] = set()
        self.names: set[str] = set()

    def new_apps(self, cell: int) -> list[AppResult]:
        """The apps the cell made (first runs checked)."""
        made = []
        for info in _apps(self.session):
            app_id = str(info["id"])
            if app_id in self.seen:
                continue
            self.seen.add(app_id)
            base = str(info.get("name") or "")
            if not base or base.startswith(_UNNAMED):
                base = f"cell{cell}"
            name, n = base, 2
            while name in self.names:
                name, n = f"{base}#{n}", n + 1
            self.names.add(name)
            app = AppResult(name, app_id, cell)
            app.failure = _first_run_failure(self.session, info, cell)
            made.append(app)
        self.result.apps += made
        return made

    def poke_all(self) -> None:
        live = {str(info["id"]) for info in _apps(self.session)}
        for app in self.result.apps:
            if app.failure is None and app.app_id in live:
                played, failure = poke(AppHandle(self.session, app.app_id))
                app.gestures = played
                if failure is not None:
                    app.failure = str(failure)


def _cell_error(index: int, exc: Exception) -> str:
    text = strip_ansi(str(exc)).strip()
    return f"Cell {index} raised {type(exc).__name__}:\n{text}"


def run_notebook(
    path: str | os.PathLike[str],
    *,
    kernel_name: str = "python3",
    timeout: float = 60.0,
    poke_inputs: bool = False,
) -> NotebookResult:
    """Run a notebook's code cells in a new kernel, apps strict; report on each app.

    Cells tagged ``nbapps-skip`` are not run. A cell error that no app explains stops
    the run (``NotebookResult.error``), as in nbclient; a strict app's error does not.

    Examples
    --------
    >>> result = run_notebook("notebooks/quickstart.ipynb", poke_inputs=True)  # doctest: +SKIP
    >>> [(app.name, app.failure) for app in result.apps]  # doctest: +SKIP
    [('counter', None)]
    """
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellControlSignal, CellExecutionError, DeadKernelError

    notebook_path = Path(path)
    nb = nbformat.read(notebook_path, as_version=4)  # type: ignore[no-untyped-call]
    client = NotebookClient(
        nb,
        kernel_name=kernel_name,
        timeout=int(timeout),
        interrupt_on_timeout=True,  # a hung cell is stopped, so the apps can still be read
        resources={"metadata": {"path": str(notebook_path.parent.resolve())}},
    )
    with client.setup_kernel(), KernelSession.from_notebook_client(client) as session:
        session.timeout = timeout
        session.run_silent(_STRICT)
        run = _Run(notebook_path, session)
        for index, cell in enumerate(nb.cells, start=1):
            if cell.cell_type != "code":
                continue
            if SKIP_TAG in _tags(cell):
                run.result.skipped += 1
                continue
            failed: Exception | None = None
            try:
                client.execute_cell(cell, index - 1)
            except (CellControlSignal, DeadKernelError) as exc:
                failed = exc
            made = run.new_apps(index)
            strict = isinstance(failed, CellExecutionError) and failed.ename == "StrictAppError"
            if failed is not None and not (strict and any(a.failure for a in made)):
                run.result.error = _cell_error(index, failed)
                if isinstance(failed, DeadKernelError):
                    return run.result
                break
        if poke_inputs:
            run.poke_all()
    return run.result
