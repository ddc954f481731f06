"""Output dicts (nbformat shapes) for elements, markdown escaping and tracebacks."""

from __future__ import annotations

import os
import re
import types
from collections.abc import Mapping
from typing import Any

Output = dict[str, Any]

_PACKAGE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_TICKS = re.compile(r"`+")


ELEMENT_TAG = "jupyter_fragments"
"""The metadata key naming the ``st`` call that made an output (AppTest reads it)."""


def element_metadata(element: str, fields: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """``{"jupyter_fragments": {"element": element, **fields}}``.

    ``element`` is Streamlit's name for the call (``"title"``, ``"metric"``); ``fields``
    carry what the content cannot tell apart (a toast's ``icon``, a metric's ``delta``).
    """
    return {ELEMENT_TAG: {"element": element, **(fields or {})}}


def display_output(
    data: dict[str, Any],
    metadata: dict[str, Any] | None = None,
    *,
    element: str | None = None,
    fields: Mapping[str, Any] | None = None,
) -> Output:
    """A ``display_data`` output, tagged with the ``element`` that made it if given."""
    meta = dict(metadata or {})
    if element is not None:
        meta.update(element_metadata(element, fields))
    return {"output_type": "display_data", "data": data, "metadata": meta}


def markdown_output(
    body: str,
    plain: str | None = None,
    *,
    element: str | None = None,
    fields: Mapping[str, Any] | None = None,
) -> Output:
    """Markdown rendered by the frontend, with a plain-text fallback."""
    return display_output(
        {"text/markdown": body, "text/plain": plain if plain is not None else body},
        element=element,
        fields=fields,
    )


def text_output(text: str, *, element: str | None = None) -> Output:
    """Preformatted plain text."""
    return display_output({"text/plain": text}, element=element)


def stream_output(name: str, text: str) -> Output:
    return {"output_type": "stream", "name": name, "text": text}


def escape_markdown_html(text: str) -> str:
    """Neutralize raw HTML in markdown, leaving code spans and fenced code as written.

    Only ``<`` and ``&`` need escaping to stop tags and entities; ``>`` stays so that
    blockquotes keep working. Inside code the renderer shows characters literally.
    """
    if "<" not in text and "&" not in text:
        return text
    out: list[str] = []
    fence: str | None = None
    for line in text.splitlines(keepends=True):
        match = _FENCE.match(line)
        if fence is not None:
            out.append(line)
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence):
                fence = None
            continue
        if match:
            fence = match.group(1)
            out.append(line)
            continue
        out.append(_escape_outside_code_spans(line))
    return "".join(out)


def _escape_outside_code_spans(line: str) -> str:
    parts: list[str] = []
    pos = 0
    while pos < len(line):
        tick = _TICKS.search(line, pos)
        if tick is None:
            parts.append(_escape(line[pos:]))
            break
        closing = line.find(tick.group(0), tick.end())
        while closing != -1 and (
            line[closing + len(tick.group(0)) : closing + len(tick.group(0)) + 1] == "`"
            or line[closing - 1 : closing] == "`"
        ):
            closing = line.find(tick.group(0), closing + len(tick.group(0)))
        if closing == -1:
            parts.append(_escape(line[pos : tick.end()]))
            pos = tick.end()
            continue
        parts.append(_escape(line[pos : tick.start()]))
        parts.append(line[tick.start() : closing + len(tick.group(0))])
        pos = closing + len(tick.group(0))
    return "".join(parts)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;")


def escape_html(text: str) -> str:
    """Escape text for an HTML context."""
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#x27;")
    )


def strip_ansi(text: str) -> str:
    return _ANSI.sub("", text)


def _is_ours(tb: types.TracebackType) -> bool:
    return os.path.abspath(tb.tb_frame.f_code.co_filename).startswith(_PACKAGE_DIR)


def user_traceback(
    tb: types.TracebackType | None, *, api_error: bool = False
) -> types.TracebackType | None:
    """The user's part of a traceback: the runtime's own frames at the top are skipped.

    For a misuse of the API (``api_error``), the package's frames below the user's
    last line are dropped too, so the traceback ends at the call that was wrong.
    """
    start = tb
    while start is not None and _is_ours(start):
        start = start.tb_next
    if start is None:
        return tb
    if not api_error:
        return start
    frames: list[types.TracebackType] = []
    node: types.TracebackType | None = start
    while node is not None:
        frames.append(node)
        node = node.tb_next
    while len(frames) > 1 and _is_ours(frames[-1]):
        frames.pop()
    rebuilt: types.TracebackType | None = None
    for frame in reversed(frames):
        rebuilt = types.TracebackType(rebuilt, frame.tb_frame, frame.tb_lasti, frame.tb_lineno)
    return rebuilt


def error_output(exc: BaseException, shell: Any | None = None) -> Output:
    """An ``error`` output for ``exc``, formatted as IPython formats tracebacks.

    Errors raised by the package itself about API misuse show their message without
    the package's internal frames.
    """
    from jupyter_fragments.errors import FragmentsAPIError

    etype = type(exc)
    tb = user_traceback(exc.__traceback__, api_error=isinstance(exc, FragmentsAPIError))
    lines: list[str]
    try:
        if shell is not None:
            lines = list(shell.InteractiveTB.structured_traceback(etype, exc, tb))
        else:
            raise RuntimeError("no shell")
    except Exception:  # noqa: BLE001 - fall back to the plain traceback
        import traceback

        lines = traceback.format_exception(etype, exc, tb)
    return {
        "output_type": "error",
        "ename": etype.__name__,
        "evalue": str(exc),
        "traceback": lines,
    }
