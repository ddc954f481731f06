"""Dialogs: ``st.dialog`` (and ``st.experimental_dialog``), a fragment shown in a panel.

The panel is drawn where the decorated function is called, with a close button.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import ipywidgets as widgets

from jupyter_fragments._elements._core import add_layout, context, with_icon
from jupyter_fragments._elements.layout import Container
from jupyter_fragments._output.bundles import escape_html
from jupyter_fragments._page.blocks import Block
from jupyter_fragments._page.pool import ModelPool, close_widget
from jupyter_fragments._runtime.fragment import FragmentFunction
from jupyter_fragments.errors import FragmentsAPIError

_DIALOG_WIDTHS = {"small": "500px", "medium": "750px", "large": "1280px"}
#: Where the panel sits in the app's width (a notebook has no viewport to float over)
_POSITIONS = {"center": "0.5em auto", "left": "0.5em auto 0.5em 0", "right": "0.5em 0 0.5em auto"}


@dataclass(frozen=True)
class DialogLook:
    """How a dialog's panel looks: its title and icon, width, position, close button."""

    title: str
    width: str
    position: str
    icon: str | None
    dismissible: bool


class DialogPanel(widgets.VBox):  # type: ignore[misc]
    """A bordered panel with a title bar and a close button; closing it hides it."""

    def __init__(self, look: DialogLook, body: widgets.VBox, pool: ModelPool) -> None:
        self.pool = pool
        title, width = with_icon(look.title, look.icon, call="st.dialog()"), look.width
        self.heading = widgets.HTML(
            f"<b>{escape_html(title)}</b>", layout=pool.layout(flex="1 1 auto")
        )
        self.close_button = widgets.Button(
            description="✕",
            tooltip="Close",
            # not dismissible: only st.rerun() in the dialog closes it
            layout=pool.layout(width="2.5em", display=None if look.dismissible else "none"),
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
                margin=_POSITIONS[look.position],
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

    def __init__(self, func: Callable[..., Any], look: DialogLook, on_dismiss: Any) -> None:
        self.fragment = FragmentFunction(func, None)
        self.look = look
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
            panel = DialogPanel(self.look, body, pool)
            return panel, [Block(app.page, body, ctx.scope)]

        element = add_layout("dialog", (self.look,), make, "st.dialog()")
        panel = element.widget
        assert isinstance(panel, DialogPanel)
        panel.reopen()
        panel.on_dismiss = functools.partial(_dismissed, app, self.on_dismiss)
        # Streamlit draws dialogs in their own root container: a widget without a key in
        # a dialog is not the same widget as one with its label in the main body
        element.blocks[0].root = "event"
        with Container(element.blocks[0]):
            return self.fragment(*args, **kwargs)


def _dismissed(app: Any, on_dismiss: Any) -> None:
    """The close button was clicked: a callable ``on_dismiss`` runs through the runtime's
    runner (on the main thread, output captured, errors shown in place) before the full
    rerun it causes; ``"rerun"`` only reruns."""
    if callable(on_dismiss):
        app.post_callback(on_dismiss)
    elif on_dismiss == "rerun":
        app.rerun()


def dialog(
    title: str,
    *,
    width: str | int = "small",
    position: str = "center",
    dismissible: bool = True,
    icon: str | None = None,
    on_dismiss: Any = "ignore",
) -> Callable[[Callable[..., Any]], DialogFunction]:
    """Decorate a function so that calling it shows its body in a dialog panel.

    The body is a fragment: its widgets rerun only the dialog. The panel is drawn where
    the function is called, with a close button; ``st.rerun()`` inside it closes it
    (a full rerun that does not call the function again).

    Parameters
    ----------
    title : str
        The panel's title, after the emoji ``icon`` if given (a ``":material/..."`` icon
        has no font in a notebook and is left out).
    width : "small", "medium", "large" or int
        The panel's widest: 500, 750 or 1280 pixels, or a number of pixels.
    position : "center", "left" or "right"
        Where the panel sits across the app's width (Streamlit's side drawers are
        panels at the left or right edge here).
    dismissible : bool
        False hides the close button: only ``st.rerun()`` in the dialog closes it.
    on_dismiss : "ignore", "rerun" or callable
        What closing it with the button does.

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
    if width not in _DIALOG_WIDTHS and (
        isinstance(width, bool) or not isinstance(width, int) or width <= 0
    ):
        raise FragmentsAPIError(
            f"st.dialog got width={width!r}. Fix: use 'small', 'medium', 'large' or a "
            "number of pixels."
        )
    if position not in _POSITIONS:
        raise FragmentsAPIError(
            f"st.dialog got position={position!r}. Fix: use 'center', 'left' or 'right'."
        )
    if not (callable(on_dismiss) or on_dismiss in ("ignore", "rerun")):
        raise FragmentsAPIError(
            f"st.dialog got on_dismiss={on_dismiss!r}. Fix: pass 'ignore', 'rerun' or a function."
        )
    if callable(title):
        raise FragmentsAPIError(
            "@st.dialog needs a title. Fix: write @st.dialog('My title') with parentheses."
        )

    size = _DIALOG_WIDTHS[width] if isinstance(width, str) else f"{width}px"
    look = DialogLook(str(title), size, position, icon, bool(dismissible))

    def decorate(func: Callable[..., Any]) -> DialogFunction:
        return DialogFunction(func, look, on_dismiss)

    return decorate


#: The earlier name of `dialog` (Streamlit 1.34-1.36).
experimental_dialog = dialog
