"""Elements built on the others: ``latex``, ``write_stream``, ``popover``, ``dialog``,
``st.widget`` (any ipywidget as an input) and the extra routing of ``st.write``.
"""

from __future__ import annotations

import functools
import importlib
import inspect
from collections.abc import Callable, Iterable
from typing import Any

import ipywidgets as widgets

from jupyter_fragments._elements._core import add_layout, add_static, context, render_input
from jupyter_fragments._elements.layout import Container
from jupyter_fragments._elements.status import LiveElement
from jupyter_fragments._output.bundles import (
    Output,
    display_output,
    escape_html,
    escape_markdown_html,
    markdown_output,
)
from jupyter_fragments._page.blocks import Block, WidgetElement
from jupyter_fragments._page.pool import ModelPool, close_widget
from jupyter_fragments._runtime.fragment import FragmentFunction
from jupyter_fragments._widgets.kinds_choice import any_widget_kind
from jupyter_fragments.errors import FragmentsAPIError


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
    add_static([display_output({"text/latex": f"$$\n{source}\n$$", "text/plain": source})])


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


def _stream_output(text: str, cursor: bool) -> Output:
    return markdown_output(escape_markdown_html(text) + (" ▌" if cursor else ""), plain=text)


def write_stream(stream: Any) -> Any:
    """Write a stream of text (a generator or iterable of strings) as it arrives.

    The text grows in place while the stream runs and ends as one markdown element.
    Other objects in the stream are written with ``st.write``. Returns the whole text,
    or a list of everything written when the stream held more than text.

    Examples
    --------
    >>> def words():
    ...     for word in "Hello streaming world".split():
    ...         yield word + " "
    >>> text = st.write_stream(words)
    """
    from jupyter_fragments._elements.text import write

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
    for chunk in stream:
        text = _chunk_text(chunk)
        if text is not None:
            parts.append(text)
            output = _stream_output("".join(parts), cursor=True)
            if live is None:
                live = LiveElement([output])
            else:
                live.update([output])
            continue
        if parts and live is not None:
            live.update([_stream_output("".join(parts), cursor=False)])
            written.append("".join(parts))
        parts, live = [], None
        write(chunk)
        written.append(chunk)
    if parts and live is not None:
        live.update([_stream_output("".join(parts), cursor=False)])
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
    from jupyter_fragments._elements import charts, data, media
    from jupyter_fragments._elements.text import rich

    module = type(arg).__module__ or ""
    name = type(arg).__name__
    tabular = (module.startswith("pandas") and name in ("Series", "Styler")) or (
        module.startswith("numpy") and name == "ndarray"
    )
    if data.is_dataframe(arg) or tabular:
        data.dataframe(arg)
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


# -------------------------------------------------------------------- popover
def popover(
    label: str,
    *,
    help: str | None = None,
    icon: str | None = None,
    disabled: bool = False,
    use_container_width: bool = False,
) -> Container:
    """A container behind a toggle: its content shows when the label is clicked.

    Examples
    --------
    >>> with st.popover("Open popover"):
    ...     name = st.text_input("What's your name?")
    """
    title = f"{icon} {label}" if icon else str(label)
    ctx = _require("st.popover()")

    def make() -> tuple[widgets.Widget, list[Block]]:
        pane = widgets.VBox(layout=ctx.app.page.pool.layout())
        accordion = widgets.Accordion(
            children=(pane,),
            titles=(title,),
            selected_index=None,
            layout=ctx.app.page.pool.layout(width="auto" if not use_container_width else "100%"),
            _dom_classes=("jf-popover",),
        )
        return accordion, [Block(ctx.app.page, pane, ctx.scope)]

    element = add_layout("popover", (title,), make, "st.popover()")
    return Container(element.blocks[0])


def _require(call: str) -> Any:
    from jupyter_fragments._elements._core import require_context

    return require_context(call)


# --------------------------------------------------------------------- dialog
_DIALOG_WIDTHS = {"small": "500px", "medium": "750px", "large": "1280px"}


class DialogPanel(widgets.VBox):  # type: ignore[misc]
    """A bordered panel with a title bar and a close button; closing it hides it."""

    def __init__(self, title: str, width: str, body: widgets.VBox, pool: ModelPool) -> None:
        self.pool = pool
        self.heading = widgets.HTML(
            f"<b>{escape_html(title)}</b>", layout=pool.layout(flex="1 1 auto")
        )
        self.close_button = widgets.Button(
            description="✕",
            tooltip="Close",
            layout=pool.layout(width="2.5em"),
            style=pool.style(widgets.ButtonStyle),
        )
        self.bar = widgets.HBox(
            children=(self.heading, self.close_button), layout=pool.layout(width="100%")
        )
        self.on_dismiss: Callable[[], None] | None = None
        super().__init__(
            children=(self.bar, body),
            layout=widgets.Layout(
                border="1px solid #b0b0b8",
                padding="0.5em 1em",
                margin="0.5em 0",
                max_width=width,
                width="100%",
            ),
            _dom_classes=("jf-dialog",),
        )
        self.close_button.on_click(self._dismiss)

    def _dismiss(self, _button: Any = None) -> None:
        self.layout.display = "none"
        if self.on_dismiss is not None:
            self.on_dismiss()

    def reopen(self) -> None:
        if self.layout.display == "none":
            self.layout.display = None

    def close(self) -> None:
        for part in (self.heading, self.close_button, self.bar):
            close_widget(part, self.pool)
        super().close()


class DialogFunction:
    """A function decorated with ``@st.dialog``: a fragment shown in a panel when called."""

    def __init__(self, func: Callable[..., Any], title: str, width: str, on_dismiss: Any) -> None:
        self.fragment = FragmentFunction(func, None)
        self.title = title
        self.width = width
        self.on_dismiss = on_dismiss
        functools.update_wrapper(self, func)
        self.__jf_fragment__ = True

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        ctx = context()
        if ctx is None:
            return self.fragment.func(*args, **kwargs)
        app = ctx.app
        pool = app.page.pool

        def make() -> tuple[widgets.Widget, list[Block]]:
            body = widgets.VBox(layout=pool.layout())
            panel = DialogPanel(self.title, _DIALOG_WIDTHS[self.width], body, pool)
            return panel, [Block(app.page, body, ctx.scope)]

        element = add_layout("dialog", (self.title, self.width), make, "st.dialog()")
        panel = element.widget
        assert isinstance(panel, DialogPanel)
        panel.reopen()
        panel.on_dismiss = functools.partial(_dismissed, app, self.on_dismiss)
        with Container(element.blocks[0]):
            return self.fragment(*args, **kwargs)


def _dismissed(app: Any, on_dismiss: Any) -> None:
    if callable(on_dismiss):
        on_dismiss()
    if on_dismiss != "ignore":
        app.request(app.root)


def dialog(
    title: str,
    *,
    width: str = "small",
    dismissible: bool = True,
    on_dismiss: Any = "ignore",
) -> Callable[[Callable[..., Any]], DialogFunction]:
    """Decorate a function so that calling it shows its body in a dialog panel.

    The body is a fragment: its widgets rerun only the dialog. The panel is drawn where
    the function is called, with a close button; ``st.rerun()`` inside it closes it
    (a full rerun that does not call the function again).

    Examples
    --------
    >>> @st.dialog("Cast your vote")
    ... def vote(item):
    ...     reason = st.text_input("Because...")
    ...     if st.button("Submit"):
    ...         st.session_state.vote = {"item": item, "reason": reason}
    ...         st.rerun()
    >>> if st.button("Vote for A"):
    ...     vote("A")
    """
    if width not in _DIALOG_WIDTHS:
        raise FragmentsAPIError(
            f"st.dialog got width={width!r}. Fix: use 'small', 'medium' or 'large'."
        )
    if not (callable(on_dismiss) or on_dismiss in ("ignore", "rerun")):
        raise FragmentsAPIError(
            f"st.dialog got on_dismiss={on_dismiss!r}. Fix: pass 'ignore', 'rerun' or a function."
        )
    if callable(title):
        raise FragmentsAPIError(
            "@st.dialog needs a title. Fix: write @st.dialog('My title') with parentheses."
        )

    def decorate(func: Callable[..., Any]) -> DialogFunction:
        return DialogFunction(func, str(title), width, on_dismiss)

    return decorate


#: The earlier name of `dialog` (Streamlit 1.34-1.36).
experimental_dialog = dialog


# --------------------------------------------------------------- any ipywidget
def widget(widget: Any, key: Any = None) -> Any:
    """Place any ipywidget in the app; its changes rerun the enclosing fragment or app.

    The widget is identified by ``key`` (or by its class and ``description``). The
    first instance seen for an identity is kept across reruns and returned: create
    the widget anew on each run or once, you always get the instance on the page
    (a new duplicate is closed). The app observes ``value`` (or ``index``; else every
    synced trait of the widget's own) and reruns when the frontend changes it;
    changes the app makes during a run do not rerun it.

    Examples
    --------
    >>> m = st.widget(ipyleaflet.Map(center=(52, 4), zoom=5), key="map")
    >>> st.write("zoom:", m.zoom)
    """
    if not isinstance(widget, widgets.Widget) or not getattr(widget, "_view_name", None):
        raise FragmentsAPIError(
            f"st.widget got {type(widget).__name__}. Fix: pass an ipywidget that can be "
            "displayed (an instance of a DOMWidget subclass)."
        )
    ctx = _require("st.widget()")
    label = getattr(widget, "description", "") or ""
    params = {"widget": widget, "help": None, "disabled": False, "label_visibility": "visible"}
    call = f"st.widget({type(widget).__name__}(), key={key!r})"
    render_input(any_widget_kind(widget), label, params, key=key, call=call)
    elements = ctx.block.elements()
    last = elements[-1] if elements else None
    kept = last.record.widget if isinstance(last, WidgetElement) else widget
    if kept is not widget and widget.comm is not None:
        close_widget(widget)
    return kept
