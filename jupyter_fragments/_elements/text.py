"""Text elements: ``st.markdown``, headings, ``st.code``, ``st.json``, ``st.latex`` and friends.

User text is markdown with raw HTML escaped, unless ``unsafe_allow_html=True``.
(``st.write``, which routes any object, is in `jupyter_fragments._elements.write`.)
"""

from __future__ import annotations

import importlib
import json as _json
import re
from typing import Any

from jupyter_fragments._elements._core import add_static
from jupyter_fragments._output.bundles import (
    display_output,
    error_output,
    escape_markdown_html,
    markdown_output,
    text_output,
)
from jupyter_fragments._runtime.session import get_session


def _md(body: Any, unsafe_allow_html: bool) -> str:
    text = str(body)
    return text if unsafe_allow_html else escape_markdown_html(text)


def markdown(body: Any, unsafe_allow_html: bool = False, *, help: str | None = None) -> None:
    """Show markdown text (raw HTML escaped unless ``unsafe_allow_html=True``).

    Parameters
    ----------
    body : str
        Markdown; raw HTML in it is shown as text.
    unsafe_allow_html : bool
        Let raw HTML through to the frontend's (sanitizing) renderer.

    Examples
    --------
    >>> st.markdown("**Bold** and `code`")
    """
    add_static([markdown_output(_md(body, unsafe_allow_html), plain=str(body), element="markdown")])


_HEADING_NAMES = {1: "title", 2: "header", 3: "subheader"}


def _heading(level: int, body: Any, divider: Any) -> None:
    text = " ".join(str(body).splitlines())
    source = f"{'#' * level} {escape_markdown_html(text)}"
    if divider:
        source += "\n\n---"
    add_static([markdown_output(source, plain=text, element=_HEADING_NAMES[level])])


def title(body: Any, anchor: Any = None, *, help: str | None = None) -> None:
    """Show a title (a level-1 heading).

    Examples
    --------
    >>> st.title("My Awesome App")
    """
    _heading(1, body, False)


def header(
    body: Any,
    anchor: Any = None,
    *,
    help: str | None = None,
    divider: Any = False,
) -> None:
    """Show a header (a level-2 heading), optionally followed by a divider.

    Examples
    --------
    >>> st.header("Results", divider=True)
    """
    _heading(2, body, divider)


def subheader(
    body: Any,
    anchor: Any = None,
    *,
    help: str | None = None,
    divider: Any = False,
) -> None:
    """Show a subheader (a level-3 heading), optionally followed by a divider.

    Examples
    --------
    >>> st.subheader("Details")
    """
    _heading(3, body, divider)


def caption(body: Any, unsafe_allow_html: bool = False, *, help: str | None = None) -> None:
    """Show small, muted text (markdown).

    Examples
    --------
    >>> st.caption("Data: generated, seeded.")
    """
    small = f"<small>{_md(body, unsafe_allow_html)}</small>"
    add_static([markdown_output(small, plain=str(body), element="caption")])


def text(body: Any, *, help: str | None = None) -> None:
    """Show fixed-width, preformatted text, exactly as given.

    Examples
    --------
    >>> st.text("  aligned\n  columns")
    """
    add_static([text_output(str(body), element="text")])


def code(body: Any, language: str | None = "python", *, line_numbers: bool = False) -> None:
    """Show a code block with syntax highlighting.

    Examples
    --------
    >>> st.code("print('hello')", language="python")
    """
    source = str(body)
    longest = max((len(run) for run in re.findall(r"`+", source)), default=0)
    fence = "`" * max(3, longest + 1)
    lang = language or ""
    source_md = f"{fence}{lang}\n{source}\n{fence}"
    fields = {"language": lang}
    add_static([markdown_output(source_md, plain=source, element="code", fields=fields)])


def divider() -> None:
    """Show a horizontal rule.

    Examples
    --------
    >>> st.divider()
    """
    add_static([markdown_output("---", plain="―" * 20, element="divider")])


def json(body: Any, *, expanded: bool | int = True) -> None:
    """Show a dict, list or JSON string as pretty-printed, collapsible JSON.

    Examples
    --------
    >>> st.json({"a": 1, "b": [1, 2]})
    """
    data = _json.loads(body) if isinstance(body, str) else body
    try:
        plain = _json.dumps(data, indent=2, default=str)
        payload = _json.loads(plain)
    except (TypeError, ValueError):
        plain, payload = repr(data), None
    bundle: dict[str, Any] = {"text/plain": plain}
    if payload is not None:
        bundle["application/json"] = payload
    metadata = {"application/json": {"expanded": bool(expanded)}}
    add_static([display_output(bundle, metadata, element="json")])


def exception(exc: BaseException) -> None:
    """Show an exception with its traceback.

    Examples
    --------
    >>> try:
    ...     1 / 0
    ... except ZeroDivisionError as exc:
    ...     st.exception(exc)
    """
    add_static([error_output(exc, get_session().shell)])


def latex(body: Any, *, help: str | None = None) -> None:
    """Show a LaTeX formula (a string, or a SymPy expression).

    Examples
    --------
    >>> st.latex(r"a + ar + ar^2 + \\cdots = \\sum_{k=0}^{n-1} ar^k")
    """
    if hasattr(body, "free_symbols") and not isinstance(body, str):
        body = importlib.import_module("sympy").latex(body)
    source = str(body)
    # text/latex is rendered as text by MathJax (no HTML is interpreted)
    bundle = {"text/latex": f"$$\n{source}\n$$", "text/plain": source}
    add_static([display_output(bundle, element="latex")])
