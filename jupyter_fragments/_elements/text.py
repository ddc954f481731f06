"""Text elements: ``st.markdown``, headings, ``st.code``, ``st.json``, ``st.latex`` and friends.

User text is markdown with raw HTML escaped, unless ``unsafe_allow_html=True``.
(``st.write``, which routes any object, is in `jupyter_fragments._elements.write`.)
"""

from __future__ import annotations

import importlib
import json as _json
import re
from typing import Any

from jupyter_fragments._elements._core import add_static, with_icon
from jupyter_fragments._elements.handles import ElementHandle
from jupyter_fragments._output.bundles import (
    display_output,
    error_output,
    escape_html,
    escape_markdown_html,
    markdown_output,
    text_output,
)
from jupyter_fragments._runtime.session import get_session
from jupyter_fragments.errors import FragmentsAPIError


def _md(body: Any, unsafe_allow_html: bool) -> str:
    text = str(body)
    return text if unsafe_allow_html else escape_markdown_html(text)


_ALIGNMENTS = ("left", "center", "right", "justify")


def _boxed(source: str, call: str, *, width: Any = None, text_alignment: str = "left") -> str:
    """Markdown inside a box that takes Streamlit's ``width`` (pixels) and
    ``text_alignment``; ``"stretch"``, ``"content"`` and ``"auto"`` leave it as it is."""
    if text_alignment not in _ALIGNMENTS:
        raise FragmentsAPIError(
            f"{call} got text_alignment={text_alignment!r}. "
            "Fix: pass 'left', 'center', 'right' or 'justify'."
        )
    style = "" if text_alignment == "left" else f"text-align:{text_alignment};"
    if isinstance(width, int) and not isinstance(width, bool) and width > 0:
        style += f"width:{width}px;max-width:100%;"
    elif width not in (None, "stretch", "content", "auto"):
        raise FragmentsAPIError(
            f"{call} got width={width!r}. Fix: pass 'stretch', 'content' or a positive "
            "number of pixels."
        )
    return f'<div style="{style}">\n\n{source}\n\n</div>' if style else source


def markdown(
    body: Any,
    unsafe_allow_html: bool = False,
    *,
    help: str | None = None,
    width: str | int = "auto",
    text_alignment: str = "left",
    anchors: bool = True,
    wrap: bool = True,
) -> ElementHandle:
    """Show markdown text (raw HTML escaped unless ``unsafe_allow_html=True``).

    Parameters
    ----------
    body : str
        Markdown; raw HTML in it is shown as text.
    unsafe_allow_html : bool
        Let raw HTML through, sanitized in the kernel (nh3: no scripts, no event handlers).
    width : "auto", "stretch", "content" or int
        A number of pixels sets the text's width; the words are the notebook's to lay out.
    text_alignment : {"left", "center", "right", "justify"}
        How lines are aligned.
    anchors, wrap : bool
        Accepted for Streamlit's signature: the notebook's renderer makes heading
        anchors and wraps lines.

    Examples
    --------
    >>> st.markdown("**Bold** and `code`")
    """
    call = "st.markdown()"
    source = _boxed(_md(body, unsafe_allow_html), call, width=width, text_alignment=text_alignment)
    return add_static([markdown_output(source, plain=str(body), element="markdown")])


_HEADING_NAMES = {1: "title", 2: "header", 3: "subheader"}


def _heading(level: int, body: Any, divider: Any, look: dict[str, Any]) -> ElementHandle:
    """A heading; ``look`` holds ``icon``, ``width`` and ``text_alignment``."""
    name = _HEADING_NAMES[level]
    text = with_icon(" ".join(str(body).splitlines()), look["icon"], call=f"st.{name}()")
    source = f"{'#' * level} {escape_markdown_html(text)}"
    if divider:
        source += "\n\n---"
    source = _boxed(source, f"st.{name}()", width=look["width"], text_alignment=look["align"])
    return add_static([markdown_output(source, plain=text, element=name)])


def title(
    body: Any,
    anchor: Any = None,
    *,
    help: str | None = None,
    icon: str | None = None,
    width: str | int = "stretch",
    text_alignment: str = "left",
    wrap: bool = True,
) -> ElementHandle:
    """Show a title (a level-1 heading), with an emoji ``icon`` before it if given.

    ``anchor`` and ``wrap`` are accepted for Streamlit's signature (the notebook's
    renderer makes the anchors and wraps the line).

    Examples
    --------
    >>> st.title("My Awesome App", icon="🎈", text_alignment="center")
    """
    return _heading(1, body, False, {"icon": icon, "width": width, "align": text_alignment})


def header(
    body: Any,
    anchor: Any = None,
    *,
    help: str | None = None,
    icon: str | None = None,
    divider: Any = False,
    width: str | int = "stretch",
    text_alignment: str = "left",
    wrap: bool = True,
) -> ElementHandle:
    """Show a header (a level-2 heading), optionally followed by a divider.

    Examples
    --------
    >>> st.header("Results", divider=True)
    """
    return _heading(2, body, divider, {"icon": icon, "width": width, "align": text_alignment})


def subheader(
    body: Any,
    anchor: Any = None,
    *,
    help: str | None = None,
    icon: str | None = None,
    divider: Any = False,
    width: str | int = "stretch",
    text_alignment: str = "left",
    wrap: bool = True,
) -> ElementHandle:
    """Show a subheader (a level-3 heading), optionally followed by a divider.

    Examples
    --------
    >>> st.subheader("Details")
    """
    return _heading(3, body, divider, {"icon": icon, "width": width, "align": text_alignment})


def caption(
    body: Any,
    unsafe_allow_html: bool = False,
    *,
    help: str | None = None,
    width: str | int = "stretch",
    text_alignment: str = "left",
    wrap: bool = True,
) -> ElementHandle:
    """Show small, muted text (markdown).

    Examples
    --------
    >>> st.caption("Data: generated, seeded.")
    """
    small = f"<small>{_md(body, unsafe_allow_html)}</small>"
    small = _boxed(small, "st.caption()", width=width, text_alignment=text_alignment)
    return add_static([markdown_output(small, plain=str(body), element="caption")])


def text(
    body: Any,
    *,
    help: str | None = None,
    width: str | int = "content",
    text_alignment: str = "left",
    wrap: bool = True,
) -> ElementHandle:
    """Show fixed-width, preformatted text, exactly as given.

    ``width``, ``text_alignment`` and ``wrap`` are checked and accepted for Streamlit's
    signature; the text is shown as the notebook shows a stream.

    Examples
    --------
    >>> st.text("  aligned\n  columns")
    """
    _boxed("", "st.text()", width=width, text_alignment=text_alignment)
    return add_static([text_output(str(body), element="text")])


def code(
    body: Any,
    language: str | None = "python",
    *,
    line_numbers: bool = False,
    wrap_lines: bool = False,
    height: str | int | None = "content",
    width: str | int = "stretch",
) -> ElementHandle:
    """Show a code block with syntax highlighting.

    ``wrap_lines=True`` wraps long lines (drawn without syntax colours: a notebook's
    highlighted blocks do not wrap); an int ``height`` (pixels) scrolls longer code;
    ``line_numbers`` is accepted and not drawn.

    Examples
    --------
    >>> st.code("print('hello')", language="python", wrap_lines=True)
    """
    call = "st.code()"
    if height not in (None, "content", "stretch") and (
        isinstance(height, bool) or not isinstance(height, int) or height <= 0
    ):
        raise FragmentsAPIError(
            f"{call} got height={height!r}. Fix: pass 'content', 'stretch' or a positive "
            "number of pixels."
        )
    source = str(body)
    lang = language or ""
    if wrap_lines:
        source_md = (
            '<pre style="white-space:pre-wrap;overflow-wrap:anywhere">'
            f"<code>{escape_html(source)}</code></pre>"
        )
    else:
        longest = max((len(run) for run in re.findall(r"`+", source)), default=0)
        fence = "`" * max(3, longest + 1)
        source_md = f"{fence}{lang}\n{source}\n{fence}"
    if isinstance(height, int):
        source_md = f'<div style="max-height:{height}px;overflow:auto">\n\n{source_md}\n\n</div>'
    source_md = _boxed(source_md, call, width=width)
    fields = {"language": lang}
    return add_static([markdown_output(source_md, plain=source, element="code", fields=fields)])


def divider(*, width: str | int = "stretch") -> ElementHandle:
    """Show a horizontal rule.

    Examples
    --------
    >>> st.divider()
    """
    rule = _boxed("---", "st.divider()", width=width)
    return add_static([markdown_output(rule, plain="―" * 20, element="divider")])


def json(body: Any, *, expanded: bool | int = True, width: str | int = "stretch") -> ElementHandle:
    """Show a dict, list or JSON string as pretty-printed, collapsible JSON.

    ``width`` is accepted for Streamlit's signature: the notebook's JSON viewer sizes it.

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
    return add_static([display_output(bundle, metadata, element="json")])


def exception(exception: BaseException, width: str | int = "stretch") -> ElementHandle:
    """Show an exception with its traceback (``width`` is accepted, the notebook sizes it).

    Examples
    --------
    >>> try:
    ...     1 / 0
    ... except ZeroDivisionError as exc:
    ...     st.exception(exc)
    """
    return add_static([error_output(exception, get_session().shell)])


def latex(body: Any, *, help: str | None = None, width: str | int = "stretch") -> ElementHandle:
    """Show a LaTeX formula (a string, or a SymPy expression); MathJax sizes it.

    Examples
    --------
    >>> st.latex(r"a + ar + ar^2 + \\cdots = \\sum_{k=0}^{n-1} ar^k")
    """
    if hasattr(body, "free_symbols") and not isinstance(body, str):
        body = importlib.import_module("sympy").latex(body)
    source = str(body)
    # text/latex is rendered as text by MathJax (no HTML is interpreted)
    bundle = {"text/latex": f"$$\n{source}\n$$", "text/plain": source}
    return add_static([display_output(bundle, element="latex")])
