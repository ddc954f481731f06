"""Embedded content: ``st.html``, ``st.iframe``, ``st.pdf`` and ``components.v1``.

``st.html`` goes through the nh3 sanitizer unless ``unsafe_allow_javascript=True``.
Frames hold HTML nobody sanitized, so a frame whose content comes from the kernel
(``srcdoc``, ``data:``, a relative URL) is sandboxed without ``allow-same-origin``:
its scripts run, but cannot reach the notebook page or the Jupyter server.
"""

from __future__ import annotations

import html as _html
import mimetypes
import re
from pathlib import Path
from typing import Any, NoReturn

from jupyter_fragments._elements._core import add_static
from jupyter_fragments._elements.handles import ElementHandle
from jupyter_fragments._elements.media import media_source
from jupyter_fragments._output.bundles import display_output, escape_html
from jupyter_fragments._output.sanitize import sanitize_html
from jupyter_fragments.errors import FragmentsAPIError

_TAG = re.compile(r"<[^>]*>")
_HIDDEN = re.compile(r"<(style|script)\b.*?</\1\s*>", re.DOTALL | re.IGNORECASE)
_SCRIPTS = "allow-scripts allow-forms allow-popups allow-modals allow-downloads"
_WEB = re.compile(r"^(https?:)?//", re.IGNORECASE)


def _plain(markup: str) -> str:
    """What the HTML says, as text (style sheets and scripts say nothing)."""
    return _html.unescape(_TAG.sub("", _HIDDEN.sub("", markup))).strip()


def _html_content(body: Any) -> str:
    if callable(getattr(body, "_repr_html_", None)):
        return str(body._repr_html_() or "")
    if isinstance(body, Path):
        try:
            content = body.read_text(encoding="utf-8")
        except OSError as exc:
            raise FragmentsAPIError(
                f"st.html could not read {str(body)!r}: {exc}. Fix: pass an existing .html or "
                ".css file (a str is always HTML itself, never a path)."
            ) from None
        return f"<style>{content}</style>" if body.suffix.lower() == ".css" else content
    return str(body)


def _css_size(value: Any, call: str, name: str, *, content: str) -> str:
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return f"{value}px"
    if value == "stretch":
        return "100%"
    if value == "content":
        return content
    raise FragmentsAPIError(
        f'{call} got {name}={value!r}. Fix: pass a number of pixels, "stretch" or "content".'
    )


def html(
    body: Any, *, width: Any = "stretch", unsafe_allow_javascript: bool = False
) -> ElementHandle:
    """Show HTML, sanitized: scripts and event handlers are removed, styles stay.

    ``body`` is an HTML ``str`` (never a path), a ``pathlib.Path`` to an ``.html`` file
    (or a ``.css`` file, put in a ``<style>``), or an object with ``_repr_html_``. With
    ``unsafe_allow_javascript=True`` the HTML is shown as given, scripts included.

    Examples
    --------
    >>> st.html("<p><span style='color: teal'>Teal</span> text</p>")
    >>> st.html(Path("styles.css"))
    """
    content = _html_content(body)
    if not content.strip():
        raise FragmentsAPIError(
            "st.html got no content. Fix: pass some HTML, e.g. st.html('<b>hi</b>')."
        )
    markup = content if unsafe_allow_javascript else sanitize_html(content)
    size = _css_size(width, "st.html()", "width", content="fit-content")
    if size != "100%":
        markup = f'<div style="width:{size}">{markup}</div>'
    bundle = {"text/html": markup, "text/plain": _plain(markup) or "<html>"}
    return add_static([display_output(bundle, element="html")])


def frame_html(
    *,
    src: str | None = None,
    srcdoc: str | None = None,
    width: str,
    height: str,
    sandbox: bool,
    scrolling: bool = True,
    tab_index: int | None = None,
    title: str | None = None,
) -> str:
    attrs = [f'src="{escape_html(src)}"'] if src is not None else []
    if srcdoc is not None:
        attrs.append(f'srcdoc="{escape_html(srcdoc)}"')
    if sandbox:
        attrs.append(f'sandbox="{_SCRIPTS}"')
    if not scrolling:
        attrs.append('scrolling="no"')
    if tab_index is not None:
        attrs.append(f'tabindex="{int(tab_index)}"')
    if title:
        attrs.append(f'title="{escape_html(title)}"')
    overflow = "" if scrolling else ";overflow:hidden"
    style = f"width:{width};height:{height};border:0{overflow}"
    return f'<iframe {" ".join(attrs)} style="{style}"></iframe>'


def _show_frame(frame: str, plain: str, element: str) -> ElementHandle:
    return add_static([display_output({"text/html": frame, "text/plain": plain}, element=element)])


def iframe(
    src: Any,
    *,
    width: Any = "stretch",
    height: Any = "content",
    tab_index: int | None = None,
    alt: str | None = None,
) -> ElementHandle:
    """Show a web page, a file or raw HTML in a frame.

    An ``http(s)://`` or ``data:`` URL, or a relative URL starting with ``/``, is
    loaded; a ``pathlib.Path`` to an ``.html`` file is read and embedded, any other
    file (a PDF, an image) is embedded as a ``data:`` URL; any other ``str`` is HTML.
    The frame cannot measure what it shows: ``height="content"`` gives 150 px for HTML
    and 400 px for a page or a file.

    Examples
    --------
    >>> st.iframe("https://docs.streamlit.io", height=400)
    >>> st.iframe("<h1>Hello</h1><script>document.write(1 + 1)</script>")
    """
    call = "st.iframe()"
    frame_width = _css_size(width, call, "width", content="100%")
    if isinstance(src, Path):
        if src.suffix.lower() in (".html", ".htm", ".xhtml"):
            content, location = src.read_text(encoding="utf-8"), None
        else:
            mime = mimetypes.guess_type(src.name)[0] or "application/octet-stream"
            content, location = None, media_source(src, mime, call)[0]
    elif isinstance(src, str) and (_WEB.match(src) or src.startswith(("/", "data:"))):
        content, location = None, src
    elif isinstance(src, str):
        content, location = src, None
    else:
        raise FragmentsAPIError(
            f"{call} got {type(src).__name__}. Fix: pass a URL, HTML as a str, or a pathlib.Path."
        )
    default = "150px" if content is not None else "400px"
    frame_height = _css_size(height, call, "height", content=default)
    if frame_height == "100%":
        frame_height = default  # a frame in a notebook has no height to fill
    frame = frame_html(
        src=location,
        srcdoc=content,
        width=frame_width,
        height=frame_height,
        sandbox=location is None or not _WEB.match(location),
        tab_index=tab_index,
        title=alt,
    )
    return _show_frame(frame, f"<iframe {location or 'HTML'}>", "iframe")


def pdf(data: Any, *, height: Any = 500, key: Any = None, alt: str | None = None) -> ElementHandle:
    """Show a PDF in the browser's viewer: bytes, a file object, a path or a URL.

    Examples
    --------
    >>> st.pdf("report.pdf", height=600)
    >>> st.pdf(uploaded_file)
    """
    call = "st.pdf()"
    src, what = media_source(data, "application/pdf", call)
    size = _css_size(height, call, "height", content="500px")
    size = "500px" if size == "100%" else size
    label = escape_html(alt or "PDF")
    markup = (
        f'<object data="{escape_html(src)}" type="application/pdf" '
        f'style="width:100%;height:{size}" aria-label="{label}">'
        f'<a href="{escape_html(src)}" download="document.pdf">Download the PDF ({label})</a>'
        "</object>"
    )
    return add_static(
        [display_output({"text/html": markup, "text/plain": f"<PDF {what}>"}, element="pdf")]
    )


# ------------------------------------------------------------------ components.v1
def components_html(
    html: str,
    width: int | None = None,
    height: int | None = None,
    scrolling: bool = False,
    *,
    tab_index: int | None = None,
) -> ElementHandle:
    """Show HTML, scripts included, in a sandboxed frame (``components.v1.html``).

    The frame's scripts cannot reach the notebook page: it has no same-origin access.

    Examples
    --------
    >>> import jupyter_fragments.components.v1 as components
    >>> components.html("<button onclick='this.innerText = 1 + 1'>Add</button>", height=60)
    """
    frame = frame_html(
        srcdoc=str(html),
        width=f"{int(width)}px" if width else "100%",
        height=f"{int(height)}px" if height else "150px",
        sandbox=True,
        scrolling=scrolling,
        tab_index=tab_index,
    )
    return _show_frame(frame, "<iframe HTML>", "iframe")


def components_iframe(
    src: str,
    width: int | None = None,
    height: int | None = None,
    scrolling: bool = False,
    *,
    tab_index: int | None = None,
) -> ElementHandle:
    """Show a web page in a frame (``components.v1.iframe``).

    Examples
    --------
    >>> components.iframe("https://example.com", height=300, scrolling=True)
    """
    location = str(src).strip()
    if not (_WEB.match(location) or location.startswith(("/", "data:"))):
        raise FragmentsAPIError(
            f"components.iframe got src={src!r}, which is not a URL. Fix: pass an http(s) "
            "URL, or show HTML with components.html(...)."
        )
    frame = frame_html(
        src=location,
        width=f"{int(width)}px" if width else "100%",
        height=f"{int(height)}px" if height else "150px",
        sandbox=not _WEB.match(location),
        scrolling=scrolling,
        tab_index=tab_index,
    )
    return _show_frame(frame, f"<iframe {location}>", "iframe")


def declare_component(name: str, path: Any = None, url: Any = None) -> NoReturn:
    """Streamlit's custom components: not available in a notebook (raises).

    Examples
    --------
    >>> st.widget(MyAnyWidget(), key="picker")  # the notebook way to a custom component
    """
    raise FragmentsAPIError(
        f"components.declare_component({name!r}) needs Streamlit's frontend, which talks to "
        "the component's JavaScript (Streamlit.setComponentValue); a notebook has Jupyter "
        "widgets instead. Fix: write the component as an anywidget (https://anywidget.dev: "
        "a Python class with its JavaScript in _esm) or use an existing ipywidget, and show "
        "it with st.widget(the_widget, key=...), which returns the widget on every run; for "
        "HTML that only displays, use st.iframe(...) or components.html(...)."
    )
