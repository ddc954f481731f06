"""Status elements: callouts, progress bars, spinners, status containers, toasts, balloons.

`LiveElement` is the piece they share: a static element the running code updates in
place (a progress bar advancing, a toast changing), sent at most once per flush.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator
from typing import Any

import ipywidgets as widgets

from jupyter_fragments._elements._core import add_layout, add_static, context, require_context
from jupyter_fragments._elements.handles import ElementHandle
from jupyter_fragments._elements.layout import Container
from jupyter_fragments._output.bundles import (
    Output,
    display_output,
    escape_html,
    escape_markdown_html,
    markdown_output,
)
from jupyter_fragments._page.blocks import Block, Page, StaticElement
from jupyter_fragments.errors import FragmentsAPIError


class LiveElement:
    """A static element that can be updated in place, during its run or after it.

    Outside any app it is a notebook display with a display id, updated likewise.
    """

    def __init__(self, outputs: list[Output]) -> None:
        ctx = context()
        self._handle: Any = None
        self._page: Page | None = None
        self._block: Block | None = None
        self.element: StaticElement | None = None
        if ctx is None:
            from IPython.display import display

            data, metadata = _bundle(outputs)
            self._handle = display(  # type: ignore[no-untyped-call]
                data, raw=True, metadata=metadata, display_id=True
            )
            return
        self.element = StaticElement(outputs, serial=ctx.serial)
        self._page, self._block = ctx.app.page, ctx.block
        ctx.block.add(self.element)
        ctx.app.after_element(ctx)

    def _shown(self) -> bool:
        block, element = self._block, self.element
        if block is None or element is None:
            return False
        return any(e is element for e in (*block.elements(), *block.committed))

    def update(self, outputs: list[Output]) -> None:
        """Show ``outputs`` instead of what the element shows now."""
        if self._handle is not None:
            data, metadata = _bundle(outputs)
            self._handle.update(data, raw=True, metadata=metadata)
            return
        if self.element is None or self._page is None or not self._shown():
            return
        self.element.outputs = outputs
        self._page.mark(self.element)
        ctx = context()
        if ctx is not None and ctx.app.page is self._page:
            ctx.app.after_element(ctx)
        elif ctx is None:
            self._page.flush()


def _bundle(outputs: list[Output]) -> tuple[dict[str, Any], dict[str, Any]]:
    data: dict[str, Any] = {}
    metadata: dict[str, Any] = {}
    for output in outputs:
        data.update(output.get("data", {}))
        metadata.update(output.get("metadata", {}))
    return data or {"text/plain": ""}, metadata


# ------------------------------------------------------------------ callouts
_CALLOUTS = {
    "success": ("✅", "#e8f5e9", "#1b5e20"),
    "info": ("\u2139\ufe0f", "#e3f2fd", "#0d47a1"),
    "warning": ("⚠️", "#fff8e1", "#6d4c00"),
    "error": ("❌", "#ffebee", "#b71c1c"),
}


def callout_output(
    kind: str, body: Any, icon: str | None = None, title: str | None = None
) -> Output:
    """A colored box holding markdown ``body`` (HTML in it escaped), under a bold ``title``."""
    symbol, background, color = _CALLOUTS[kind]
    text = escape_markdown_html(str(body))
    prefix = f"{escape_markdown_html(str(icon))} " if icon else ""
    if title is not None:
        text = f"{prefix}**{escape_markdown_html(str(title))}**\n\n{text}"
        prefix = ""
    source = (
        f'<div class="jf-callout jf-{kind}" style="background:{background};color:{color};'
        f'padding:0.6em 1em;border-radius:0.5em;margin:0.3em 0">\n\n{prefix}{text}\n\n</div>'
    )
    fields = {"icon": str(icon or ""), "value": str(body)}
    heading = "" if title is None else f"{title}: "
    plain = f"{icon or symbol} {heading}{body}"
    return markdown_output(source, plain=plain, element=kind, fields=fields)


def success(
    body: Any, *, icon: str | None = None, width: Any = "stretch", title: str | None = None
) -> ElementHandle:
    """Show a green success message, under a bold ``title`` if given.

    Examples
    --------
    >>> st.success("This is a success message!", icon="✅", title="Saved")
    """
    return add_static([callout_output("success", body, icon, title)])


def info(
    body: Any, *, icon: str | None = None, width: Any = "stretch", title: str | None = None
) -> ElementHandle:
    """Show a blue informational message, under a bold ``title`` if given."""
    return add_static([callout_output("info", body, icon, title)])


def warning(
    body: Any, *, icon: str | None = None, width: Any = "stretch", title: str | None = None
) -> ElementHandle:
    """Show a yellow warning message, under a bold ``title`` if given."""
    return add_static([callout_output("warning", body, icon, title)])


def error(
    body: Any, *, icon: str | None = None, width: Any = "stretch", title: str | None = None
) -> ElementHandle:
    """Show a red error message, under a bold ``title`` if given (not a traceback: see
    ``st.exception``)."""
    return add_static([callout_output("error", body, icon, title)])


# ------------------------------------------------------------------ progress
def _percent(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise FragmentsAPIError(
            f"st.progress got value={value!r}. Fix: pass an int from 0 to 100 or a float "
            "from 0.0 to 1.0."
        )
    if isinstance(value, int) and 0 <= value <= 100:
        return value
    if isinstance(value, float) and 0.0 <= value <= 1.0:
        return round(value * 100)
    raise FragmentsAPIError(
        f"st.progress got value={value!r}, out of range. Fix: pass an int from 0 to 100 or "
        "a float from 0.0 to 1.0."
    )


def progress_output(percent: int, text: Any = None) -> Output:
    caption = "" if text is None else str(text)
    bar = "█" * (percent // 5) + "░" * (20 - percent // 5)
    markup = (
        f'<div class="jf-progress">{escape_html(caption)}'
        '<div style="background:#e6e6ec;border-radius:0.3em;height:0.5em;margin:0.2em 0">'
        f'<div style="width:{percent}%;background:#ff4b4b;height:100%;border-radius:0.3em">'
        "</div></div></div>"
    )
    plain = f"{caption + ' ' if caption else ''}{bar} {percent}%"
    fields = {"value": percent, "text": caption}
    bundle = {"text/html": markup, "text/plain": plain}
    return display_output(bundle, element="progress", fields=fields)


class Progress:
    """What ``st.progress`` returns: call `progress` to move the same bar."""

    def __init__(self, live: LiveElement) -> None:
        self._live = live

    def progress(self, value: Any, text: Any = None) -> Progress:
        """Move the bar to ``value`` (0-100 or 0.0-1.0), with an optional caption."""
        self._live.update([progress_output(_percent(value), text)])
        return self

    def empty(self) -> None:
        """Remove the bar from the page."""
        self._live.update([])


def progress(value: Any, text: Any = None, width: Any = "stretch") -> Progress:
    """A progress bar; returns an object whose ``.progress(value, text)`` moves it in place.

    Examples
    --------
    >>> bar = st.progress(0, text="Working...")
    >>> for i in range(100):
    ...     bar.progress(i + 1, text="Working...")
    """
    return Progress(LiveElement([progress_output(_percent(value), text)]))


# ------------------------------------------------------------------- spinner
@contextlib.contextmanager
def spinner(
    text: str = "In progress...",
    *,
    show_time: bool = False,
    _cache: bool = False,
    width: Any = "content",
) -> Iterator[None]:
    """Show ``text`` while the block runs; it is removed when the block ends.

    (``_cache`` is Streamlit's internal flag for the spinner of cached functions; it is
    accepted and changes nothing.)

    Examples
    --------
    >>> with st.spinner("Wait for it..."):
    ...     time.sleep(5)
    >>> st.success("Done!")
    """
    ctx = context()
    if ctx is None:
        yield
        return
    started = time.monotonic()
    page, block = ctx.app.page, ctx.block
    # appended directly (not Block.add): it must not take over an Output the page reuses
    element = StaticElement(
        [markdown_output(f"⏳ {escape_markdown_html(str(text))}", element="spinner")]
    )
    block.elements().append(element)
    page.mark(element)
    page.touch(block)
    page.flush()
    try:
        yield
    finally:
        elements = block.elements()
        for i, existing in enumerate(elements):
            if existing is element:
                del elements[i]
                break
        page.to_close.append(element)
        page.touch(block)
        if show_time:
            add_static(
                [
                    markdown_output(
                        f"_{escape_markdown_html(str(text))} ({time.monotonic() - started:.1f}s)_"
                    )
                ]
            )


# -------------------------------------------------------------------- status
_STATE_ICONS = {"running": "⏳", "complete": "✅", "error": "❌"}


class StatusContainer(Container):
    """What ``st.status`` returns: a container whose label, state and expansion can change."""

    def __init__(self, block: Block, accordion: widgets.Accordion, label: str, state: str) -> None:
        super().__init__(block)
        self._accordion = accordion
        self._label = label
        self._state = state

    def update(
        self, *, label: str | None = None, expanded: bool | None = None, state: str | None = None
    ) -> None:
        """Change the label, the state (``running``, ``complete``, ``error``) or expansion."""
        if state is not None:
            _check_state(state)
            self._state = state
        if label is not None:
            self._label = str(label)
        title = f"{_STATE_ICONS[self._state]} {self._label}"
        if tuple(self._accordion.titles) != (title,):
            self._accordion.titles = (title,)
        if expanded is not None:
            wanted = 0 if expanded else None
            if self._accordion.selected_index != wanted:
                self._accordion.selected_index = wanted
        ctx = context()
        if ctx is not None:
            ctx.app.after_element(ctx)

    def __exit__(self, *exc: object) -> None:
        super().__exit__(*exc)
        if self._state == "running":
            exc_type = exc[0] if exc else None
            is_error = isinstance(exc_type, type) and issubclass(exc_type, Exception)
            self.update(state="error" if is_error else "complete")


def _check_state(state: str) -> None:
    if state not in _STATE_ICONS:
        raise FragmentsAPIError(
            f"st.status got state={state!r}. Fix: use 'running', 'complete' or 'error'."
        )


_STATUS_TYPES = ("default", "compact", "step")


def status(
    label: str,
    *,
    expanded: bool = False,
    state: str = "running",
    type: str = "default",
    width: Any = "stretch",
) -> StatusContainer:
    """A collapsible container with a label and a state icon, for long tasks.

    Used with ``with``, it turns ``complete`` when the block ends (``error`` if it raised).
    ``type`` (``"default"``, ``"compact"`` or ``"step"``) is a CSS class
    (``jf-status-compact``, ...) for the JupyterLab extension to style.

    Examples
    --------
    >>> with st.status("Downloading data...", expanded=True) as s:
    ...     st.write("Searching for data...")
    ...     s.update(label="Download complete!", state="complete")
    """
    _check_state(state)
    if type not in _STATUS_TYPES:
        raise FragmentsAPIError(
            f"st.status got type={type!r}. Fix: use 'default', 'compact' or 'step'."
        )
    ctx = require_context("st.status()")

    def make() -> tuple[widgets.Widget, list[Block]]:
        pane = widgets.VBox(layout=ctx.app.page.pool.layout())
        accordion = widgets.Accordion(
            children=(pane,),
            titles=(f"{_STATE_ICONS[state]} {label}",),
            selected_index=0 if expanded else None,
            layout=ctx.app.page.pool.layout(),
            _dom_classes=("jf-status", f"jf-status-{type}"),
        )
        return accordion, [Block(ctx.app.page, pane, ctx.scope)]

    element = add_layout("status", (type,), make, "st.status()")
    accordion = element.widget
    assert isinstance(accordion, widgets.Accordion)
    box = StatusContainer(element.blocks[0], accordion, str(label), state)
    box.update()
    return box


# --------------------------------------------------------------- toast, fun
def _toast_output(body: Any, icon: str | None) -> Output:
    prefix = f"{escape_markdown_html(str(icon))} " if icon else ""
    source = (
        '<div class="jf-toast" style="display:inline-block;padding:0.4em 0.8em;'
        'border-radius:0.5em;box-shadow:0 1px 4px rgba(0,0,0,0.25)">'
        f"\n\n{prefix}{escape_markdown_html(str(body))}\n\n</div>"
    )
    plain = f"{icon + ' ' if icon else ''}{body}"
    fields = {"icon": str(icon or ""), "value": str(body)}
    return markdown_output(source, plain=plain, element="toast", fields=fields)


class Toast:
    """What ``st.toast`` returns: call `toast` to change the message in place."""

    def __init__(self, live: LiveElement) -> None:
        self._live = live

    def toast(self, body: Any, *, icon: str | None = None) -> Toast:
        self._live.update([_toast_output(body, icon)])
        return self


def toast(body: Any, *, icon: str | None = None, duration: Any = "short") -> Toast:
    """A short message; in a notebook it stays until the next run of its scope.

    Examples
    --------
    >>> st.toast("Your edited image was saved!", icon="😍")
    """
    return Toast(LiveElement([_toast_output(body, icon)]))


def balloons() -> ElementHandle:
    """Celebrate: a line of balloons."""
    return add_static([markdown_output("🎈 " * 12, plain="🎈 " * 12, element="balloons")])


def snow() -> ElementHandle:
    """Celebrate the winter way: a line of snowflakes."""
    return add_static([markdown_output("❄️ " * 12, plain="❄️ " * 12, element="snow")])
