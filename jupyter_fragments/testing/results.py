"""What the harness hands back: cell results, interaction costs, and its exceptions.

Plain data and the text of its error messages; the session that fills these in lives
in ``session.py``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "CellError",
    "CellResult",
    "ErrorInfo",
    "HarnessError",
    "HarnessTimeout",
    "Interaction",
    "MessageStats",
    "list_choices",
    "strip_ansi",
]

_ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]")


def strip_ansi(text: str) -> str:
    """Remove ANSI escape sequences (terminal colours) from ``text``.

    Examples
    --------
    >>> strip_ansi("\\x1b[0;31mValueError\\x1b[0m: bad")
    'ValueError: bad'
    """
    return _ANSI.sub("", text)


def list_choices(rows: Iterable[tuple[str, str, str | None]]) -> str:
    """The widgets there are, one per line, for an error that could not pick one.

    Each row is ``(kind, label, key)``; a key of None is left out.

    Examples
    --------
    >>> print(list_choices([("slider", "n", None), ("checkbox", "dup", "a")]))
      - slider 'n'
      - checkbox 'dup' (key='a')
    """
    lines = [
        f"  - {kind} {label!r}" + (f" (key={key!r})" if key is not None else "")
        for kind, label, key in rows
    ]
    return "\n".join(lines) or "  (none)"


@dataclass(frozen=True)
class ErrorInfo:
    """An exception the kernel reported: an ``error`` message or output.

    Attributes
    ----------
    ename, evalue : str
        The exception's class name and message.
    traceback : list of str
        The traceback lines, ANSI colour codes removed.

    Examples
    --------
    >>> err = ErrorInfo("ValueError", "bad", ["ValueError: bad"])
    >>> str(err)
    'ValueError: bad'
    """

    ename: str
    evalue: str
    traceback: list[str] = field(default_factory=list)

    @classmethod
    def from_content(cls, content: dict[str, Any]) -> ErrorInfo:
        """Build from an ``error`` message content or an nbformat error output."""
        lines = [strip_ansi(str(line)) for line in content.get("traceback", [])]
        return cls(str(content.get("ename", "")), str(content.get("evalue", "")), lines)

    @property
    def traceback_text(self) -> str:
        """The whole traceback as one string."""
        return "\n".join(self.traceback)

    def __str__(self) -> str:
        return f"{self.ename}: {self.evalue}"


@dataclass(frozen=True)
class MessageStats:
    """What one request cost on iopub: the messages whose parent is that request.

    Attributes
    ----------
    msg_id : str
        The id of the request (``execute_request`` or ``comm_msg``) the kernel answered.
    messages : int
        iopub messages with that parent, ``status`` messages and the harness's own
        control-comm messages excluded.
    bytes : int
        Approximate size: JSON length of each message's content plus its binary buffers.
    comm_opens, comm_closes : int
        Widget models created and closed.
    updated_models : frozenset of str
        Model ids that received a state update (``update`` or ``echo_update``).
    outputs_updates : int
        Updates that assigned an ``Output`` widget's ``outputs``.
    error : ErrorInfo or None
        The exception the kernel reported for the request, if any (for an interaction,
        a handler that raised and was shown with ``showtraceback``).
    """

    msg_id: str
    messages: int = 0
    bytes: int = 0
    comm_opens: int = 0
    comm_closes: int = 0
    updated_models: frozenset[str] = frozenset()
    outputs_updates: int = 0
    error: ErrorInfo | None = None


@dataclass(frozen=True)
class Interaction(MessageStats):
    """The result of one widget event: a click, a new value, a selection.

    Returned once the kernel reported idle for the event's ``comm_msg``; by the
    product contract the page then already shows the rerun the event caused.

    Examples
    --------
    >>> hit = session.click(button)  # doctest: +SKIP
    >>> (hit.outputs_updates, hit.comm_opens, hit.error)  # doctest: +SKIP
    (1, 0, None)
    """


@dataclass(frozen=True)
class CellResult(MessageStats):
    """The result of one executed cell.

    Attributes
    ----------
    outputs : list of dict
        nbformat-like outputs (``stream``, ``display_data``, ``execute_result``,
        ``error``), in order, as a notebook would store them.
    execution_count : int or None
        The kernel's execution count for the cell.

    Examples
    --------
    >>> result = session.run_cell("print('hi'); 1 + 1")  # doctest: +SKIP
    >>> result.stdout, result.value_text  # doctest: +SKIP
    ('hi\\n', '2')
    """

    outputs: list[dict[str, Any]] = field(default_factory=list)
    execution_count: int | None = None

    @property
    def stdout(self) -> str:
        """Everything the cell printed to stdout."""
        return "".join(o["text"] for o in self.outputs if o.get("name") == "stdout")

    @property
    def stderr(self) -> str:
        """Everything the cell wrote to stderr."""
        return "".join(o["text"] for o in self.outputs if o.get("name") == "stderr")

    @property
    def value_text(self) -> str | None:
        """The ``text/plain`` of the cell's ``execute_result``, if it had one."""
        for out in self.outputs:
            if out["output_type"] == "execute_result":
                return str(out["data"].get("text/plain", ""))
        return None


class HarnessError(RuntimeError):
    """The harness could not do what the test asked (a usage or protocol problem)."""


class HarnessTimeout(HarnessError, TimeoutError):
    """The kernel did not answer, or a condition did not become true, in time."""


class CellError(HarnessError):
    """A cell raised in the kernel.

    Attributes
    ----------
    error : ErrorInfo
        The kernel's report of the exception.
    result : CellResult
        Everything the cell produced before and including the error.
    cell_index : int or None
        The cell's position when it came from ``run_notebook`` or ``run_cells``.

    Examples
    --------
    >>> try:  # doctest: +SKIP
    ...     session.run_cell("1 / 0")
    ... except CellError as exc:
    ...     exc.error.ename
    'ZeroDivisionError'
    """

    def __init__(
        self, error: ErrorInfo, result: CellResult, code: str, cell_index: int | None = None
    ) -> None:
        self.error = error
        self.result = result
        self.code = code
        self.cell_index = cell_index
        where = f"cell {cell_index}" if cell_index is not None else "the cell"
        first = code.strip().splitlines()[0] if code.strip() else ""
        super().__init__(
            f"{where} raised {error}\n"
            f"  code: {first[:80]}{' ...' if len(code.strip().splitlines()) > 1 else ''}\n"
            f"{error.traceback_text}"
        )
