"""Forms: ``st.form``, whose widgets hold their changes back until it is submitted.

A form used with ``with`` that ends without ``st.form_submit_button`` shows an error in
place; a form used through its methods (``form.checkbox(...)``) is never "ended".
"""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from jupyter_fragments._elements._core import (
    add_layout,
    context,
    height_layout,
    require_context,
    width_layout,
)
from jupyter_fragments._elements.layout import Container, box_layout, new_block
from jupyter_fragments._output.bundles import error_output
from jupyter_fragments._page.blocks import Block, StaticElement
from jupyter_fragments.errors import FragmentsAPIError


class Form(Container):
    """``st.form``: widgets inside hold their changes back until the form is submitted."""

    def __init__(self, block: Block, form_id: str) -> None:
        super().__init__(block)
        self.form_id = form_id

    def __exit__(self, *exc: object) -> None:
        ctx = context()
        if ctx is not None and exc[0] is None and self.form_id not in ctx.forms_with_submit:
            self._target().add(
                StaticElement(
                    [
                        error_output(
                            FragmentsAPIError(
                                f"st.form({self.form_id!r}) has no submit button. "
                                "Fix: add st.form_submit_button() inside the form."
                            )
                        )
                    ],
                    serial=ctx.serial,
                )
            )
        super().__exit__(*exc)


def form(
    key: str,
    clear_on_submit: bool = False,
    *,
    enter_to_submit: bool = True,
    border: bool = True,
    width: str | int = "stretch",
    height: str | int | None = "content",
) -> Form:
    """A form: its widgets rerun nothing until ``st.form_submit_button`` is clicked.

    Then the app (or the fragment the form is in) reruns once, with every value.
    ``width`` is ``"stretch"``, ``"content"`` or pixels; a number of pixels for
    ``height`` fixes the height (the content scrolls).

    Examples
    --------
    >>> with st.form("signup", clear_on_submit=True):
    ...     name = st.text_input("Name")
    ...     age = st.number_input("Age", 0, 120, 30)
    ...     if st.form_submit_button("Sign up"):
    ...         st.write("Welcome", name)
    """
    ctx = require_context("st.form()")
    form_id = str(key)
    if ctx.block.form is not None:
        raise FragmentsAPIError(
            f"st.form({form_id!r}) is inside st.form({ctx.block.form!r}); forms cannot be "
            "nested. Fix: close the first form before opening the next."
        )
    if form_id in ctx.forms:
        raise FragmentsAPIError(
            f"There are two forms with key {form_id!r} in this run. Fix: give each form "
            "a unique key."
        )
    ctx.forms.add(form_id)
    ctx.app.forms[form_id] = bool(clear_on_submit)
    attrs: dict[str, Any] = {
        **(width_layout(width, "st.form()") or {}),
        **height_layout(height, "st.form()"),
    }
    if border:
        attrs.update(border="1px solid #d0d0d7", padding="0.5em")

    def make() -> tuple[widgets.Widget, list[Block]]:
        box = widgets.VBox(layout=box_layout(attrs), _dom_classes=("jf-form",))
        return box, [new_block(box)]

    signature = (form_id, tuple(sorted(attrs.items())))
    element = add_layout("form", signature, make, "st.form()", form=form_id)
    return Form(element.blocks[0], form_id)
