"""Running code in the kernel as notebook cells: ``execute_request``, its iopub and its reply.

Part of ``KernelSession`` (see ``session.py``); widgets and apps are elsewhere.
"""

from __future__ import annotations

import ast
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ._tally import Tally
from ._wire import Wire
from .results import CellError, CellResult, ErrorInfo, HarnessError

__all__ = ["Cells"]


class Cells(Wire):
    """Cells, notebooks and silent evaluation (base of ``KernelSession``)."""

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
