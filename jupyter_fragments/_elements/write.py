"""``st.write`` and what it routes to, ``st.write_stream``, and Streamlit "magic".

``st.write`` shows text as markdown and routes other objects as Streamlit does
(frames to ``dataframe``, figures to ``pyplot``, ...); `magic_write` is what a bare
expression in an app script calls.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterable
from typing import Any

from jupyter_fragments._elements import charts, data, grid, media
from jupyter_fragments._elements._core import add_static
from jupyter_fragments._elements.status import LiveElement
from jupyter_fragments._elements.text import exception, json, markdown
from jupyter_fragments._output.bundles import (
    Output,
    display_output,
    escape_markdown_html,
    markdown_output,
)
from jupyter_fragments._runtime.session import get_session
from jupyter_fragments.errors import FragmentsAPIError


def write(*args: Any, unsafe_allow_html: bool = False) -> None:
    """Show each argument the way that suits it, as Streamlit's ``st.write`` does.

    Strings are markdown (consecutive strings are joined with spaces), dicts and lists
    are JSON, exceptions show their traceback, and anything else is shown through its
    rich representation (pandas frames, matplotlib figures, IPython.display objects).

    Examples
    --------
    >>> st.write("Total:", 42)
    """
    pending: list[str] = []

    def flush_text() -> None:
        if pending:
            markdown(" ".join(pending), unsafe_allow_html=unsafe_allow_html)
            pending.clear()

    for arg in args:
        if isinstance(arg, str):
            pending.append(arg)
            continue
        if isinstance(arg, (int, float, complex)) or arg is None:
            # Streamlit writes plain values inline, as code, in the running text
            pending.append(f"`{arg!r}`")
            continue
        flush_text()
        if isinstance(arg, BaseException):
            exception(arg)
        elif isinstance(arg, (dict, list)) or type(arg).__name__ == "SessionState":
            json(arg if isinstance(arg, (dict, list)) else dict(arg))
        else:
            write_dispatch(arg)  # DataFrames, figures, charts, images; else rich(arg)
    flush_text()


def _chunk_text(chunk: Any) -> str | None:
    """The text of a stream chunk: a str, or an OpenAI-style chat completion chunk."""
    if isinstance(chunk, str):
        return chunk
    choices = getattr(chunk, "choices", None)
    if choices:
        delta = getattr(choices[0], "delta", None)
        content = getattr(delta, "content", None)
        if content is None or isinstance(content, str):
            return content or ""
    return None


def _stream_output(text: str, cursor: str = "") -> Output:
    source = escape_markdown_html(text + cursor)
    return markdown_output(source, plain=text, element="markdown")


def _cursor(cursor: Any) -> str:
    """Streamlit's ``cursor``: markdown after the growing text (a Material icon has no
    font in a notebook and is left out)."""
    if cursor is not None and not isinstance(cursor, str):
        raise FragmentsAPIError(
            f"st.write_stream got cursor={cursor!r}. Fix: pass a string such as '▌', or None."
        )
    if not cursor or (cursor.startswith(":material/") and cursor.endswith(":")):
        return ""
    return cursor


def write_stream(stream: Any, *, cursor: str | None = None) -> Any:
    """Write a stream of text (a generator or iterable of strings) as it arrives.

    The text grows in place while the stream runs and ends as one markdown element.
    Other objects in the stream are written with ``st.write``. Returns the whole text,
    or a list of everything written when the stream held more than text. ``cursor``
    (markdown, e.g. ``"▌"``) follows the text while it grows, from its second chunk on.

    Examples
    --------
    >>> def words():
    ...     for word in "Hello streaming world".split():
    ...         yield word + " "
    >>> text = st.write_stream(words)
    """
    if callable(stream) and not inspect.isgenerator(stream):
        stream = stream()
    if inspect.isasyncgen(stream) or hasattr(stream, "__aiter__"):
        raise FragmentsAPIError(
            "st.write_stream got an async generator, which an app run cannot await. "
            "Fix: pass a regular generator (or collect the chunks first)."
        )
    if isinstance(stream, str) or not isinstance(stream, Iterable):
        raise FragmentsAPIError(
            f"st.write_stream got {type(stream).__name__}. Fix: pass a generator or an "
            "iterable of strings."
        )
    written: list[Any] = []
    parts: list[str] = []
    live: LiveElement | None = None
    mark = _cursor(cursor)
    for chunk in stream:
        text = _chunk_text(chunk)
        if text == "":
            continue  # as Streamlit: an empty chunk neither starts nor grows the text
        if text is not None:
            parts.append(text)
            output = _stream_output("".join(parts), mark if live is not None else "")
            if live is None:
                live = LiveElement([output])
            else:
                live.update([output])
            continue
        if parts and live is not None:
            live.update([_stream_output("".join(parts))])
            written.append("".join(parts))
        parts, live = [], None
        if callable(chunk):
            chunk()  # as Streamlit 1.67: a callable chunk draws what it draws, in order
            continue
        write(chunk)
        written.append(chunk)
    if parts and live is not None:
        live.update([_stream_output("".join(parts))])
        written.append("".join(parts))
    if all(isinstance(item, str) for item in written):
        return "".join(written)
    return written


def write_dispatch(arg: Any) -> None:
    """``st.write`` for an object that is not text: route it as Streamlit does.

    DataFrames, Series, Stylers and arrays go to ``dataframe``, Matplotlib figures to
    ``pyplot``, Altair charts to ``altair_chart``, Plotly figures to ``plotly_chart``,
    PIL images to ``image`` and generators to ``write_stream``; anything else is shown
    through its rich representation.
    """
    module = type(arg).__module__ or ""
    name = type(arg).__name__
    tabular = (module.startswith("pandas") and name in ("Series", "Styler")) or (
        module.startswith("numpy") and name == "ndarray"
    )
    if data.is_dataframe(arg) or tabular:
        grid.dataframe(arg)
    elif module.startswith("matplotlib") and hasattr(arg, "savefig"):
        charts.pyplot(arg)
    elif module.startswith("altair") and hasattr(arg, "to_dict"):
        charts.altair_chart(arg)
    elif module.startswith("plotly") and hasattr(arg, "to_plotly_json"):
        charts.plotly_chart(arg)
    elif module.startswith("PIL") and hasattr(arg, "save"):
        media.image(arg)
    elif inspect.isgenerator(arg):
        write_stream(arg)
    else:
        rich(arg)


def rich(obj: Any) -> None:
    """Show ``obj`` through its rich representation, as ``display(obj)`` would."""
    shell = get_session().shell
    bundle, metadata = shell.display_formatter.format(obj)
    add_static([display_output(dict(bundle), dict(metadata))])


def magic_write(value: Any) -> None:
    """Streamlit "magic": a bare expression in an app script is written."""
    if value is not None:
        write(value)
