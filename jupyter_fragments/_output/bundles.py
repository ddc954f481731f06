"""Output dicts (nbformat shapes) for elements, HTML escaping and tracebacks.

Markdown escaping and sanitizing live in `jupyter_fragments._output.sanitize`; every
markdown output made here passes through it.
"""

from __future__ import annotations

import os
import re
import types
from collections.abc import Mapping
from typing import Any

from jupyter_fragments._output.sanitize import escape_markdown_html as escape_markdown_html
from jupyter_fragments._output.sanitize import sanitize_markdown

Output = dict[str, Any]

_PACKAGE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


ELEMENT_TAG = "jupyter_fragments"
"""The metadata key naming the ``st`` call that made an output (AppTest reads it)."""


def element_metadata(element: str, fields: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """``{"jupyter_fragments": {"element": element, **fields}}``.

    ``element`` is Streamlit's name for the call (``"title"``, ``"metric"``); ``fields``
    carry what the content cannot tell apart (a toast's ``icon``, a metric's ``delta``).
    """
    return {ELEMENT_TAG: _tag(element, fields)}


def _tag(element: str, fields: Mapping[str, Any] | None) -> dict[str, Any]:
    return {"element": element, **fields} if fields else {"element": element}


def display_output(
    data: dict[str, Any],
    metadata: dict[str, Any] | None = None,
    *,
    element: str | None = None,
    fields: Mapping[str, Any] | None = None,
) -> Output:
    """A ``display_data`` output, tagged with the ``element`` that made it if given."""
    meta = dict(metadata) if metadata else {}
    if element is not None:
        meta[ELEMENT_TAG] = _tag(element, fields)
    return {"output_type": "display_data", "data": data, "metadata": meta}


def markdown_output(
    body: str,
    plain: str | None = None,
    *,
    element: str | None = None,
    fields: Mapping[str, Any] | None = None,
) -> Output:
    """Markdown rendered by the frontend, with a plain-text fallback.

    Whatever HTML ``body`` carries outside code goes through the sanitizer, and link
    destinations that could run script become ``#`` (see `sanitize_markdown`).
    Markdown that is its own plain text goes untagged when ``element`` is
    ``"markdown"``: its content says what it is (see `reads_as_markdown`).
    """
    source = sanitize_markdown(body)
    text = plain if plain is not None else body
    data = {"text/markdown": source, "text/plain": text}
    if element == "markdown" and not fields and reads_as_markdown(source, text):
        # the hot path of st.markdown and st.write: a hand-written Output's dict
        return {"output_type": "display_data", "data": data, "metadata": {}}
    return display_output(data, element=element, fields=fields)


def reads_as_markdown(source: str, plain: str) -> bool:
    """Whether a reader of outputs (AppTest) takes this untagged markdown for
    ``st.markdown``: its plain text is the markdown itself and it has none of the
    marks other elements' markdown carries (a ``jf-`` class, a spinner's hourglass,
    balloons or snow).

    The tag costs 44 bytes on every update of the element; text that says what it is
    goes at the bytes a hand-written ``Output`` sends.
    """
    if source != plain or "jf-" in source or source.startswith("\u23f3"):
        return False
    if "\U0001f388" not in source and "\u2744" not in source:
        return True
    return set(source.split()) not in ({"\U0001f388"}, {"\u2744\ufe0f"})


def text_output(text: str, *, element: str | None = None) -> Output:
    """Preformatted plain text."""
    return display_output({"text/plain": text}, element=element)


def stream_output(name: str, text: str) -> Output:
    return {"output_type": "stream", "name": name, "text": text}


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
