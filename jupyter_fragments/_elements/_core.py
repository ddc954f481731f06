"""What every element call goes through: find the run, add to its block, keep identity."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import ipywidgets as widgets

from jupyter_fragments._output.bundles import Output
from jupyter_fragments._page.blocks import Block, LayoutElement, StaticElement, WidgetElement
from jupyter_fragments._runtime.context import RunContext
from jupyter_fragments._runtime.session import current_context, get_session
from jupyter_fragments._widgets.base import InputKind, Params
from jupyter_fragments._widgets.registry import WidgetRecord
from jupyter_fragments.errors import (
    DuplicateWidgetError,
    FragmentsAPIError,
    FragmentWidgetError,
    NoAppError,
)


def context() -> RunContext | None:
    """The run in progress, if any."""
    return current_context()


def require_context(call: str) -> RunContext:
    ctx = get_session().ctx
    if ctx is None:
        raise NoAppError(
            f"{call} was called while no app is running. Fix: call it inside a %%app cell "
            "(after %load_ext jupyter_fragments) or a function run with st.app."
        )
    return ctx


def add_static(outputs: list[Output]) -> None:
    """Add a static element to the current block, or display it when no app runs."""
    ctx = context()
    if ctx is None:
        from IPython.display import display

        for output in outputs:
            if output.get("output_type") == "display_data":
                display(output["data"], raw=True, metadata=output.get("metadata") or None)
            elif output.get("output_type") == "stream":
                print(output["text"], end="")
        return
    ctx.block.add_static(StaticElement(outputs, serial=ctx.serial))
    ctx.app.after_element(ctx)


def add_layout(
    kind: str,
    signature: tuple[Any, ...],
    make: Callable[[], tuple[widgets.Widget, list[Block]]],
    call: str,
    *,
    form: str | None = None,
) -> LayoutElement:
    """Add a layout element (reusing last run's at this position) and start its blocks."""
    ctx = require_context(call)
    block = ctx.block
    element = block.reuse_layout(kind, signature)
    if element is None:
        widget, blocks = make()
        element = LayoutElement(kind, signature, widget, blocks)
    for inner in element.blocks:
        inner.scope = ctx.scope
        inner.form = form if form is not None else block.form
        inner.begin()
    block.add(element)
    ctx.app.after_element(ctx)
    return element


def normalize_key(key: Any, call: str) -> str | None:
    if key is None:
        return None
    if isinstance(key, (str, int)) and not isinstance(key, bool):
        return str(key)
    raise FragmentsAPIError(
        f"{call} got key={key!r} of type {type(key).__name__}. Fix: pass a str (or int) key."
    )


def check_callback(callback: Any, name: str, call: str) -> None:
    if callback is not None and not callable(callback):
        raise FragmentsAPIError(
            f"{call} got {name}={callback!r}, which is not callable. "
            f"Fix: pass a function, e.g. {name}=my_callback (without parentheses)."
        )


def render_input(
    kind: InputKind,
    label: Any,
    params: Params,
    *,
    key: Any = None,
    callback: Callable[..., Any] | None = None,
    args: Any = None,
    kwargs: Any = None,
    call: str,
    submits: bool | None = None,
) -> Any:
    """Draw an input widget, reusing its model by identity, and return its value.

    ``submits`` marks a form's submit button (it submits the form it is drawn in).
    """
    ctx = require_context(call)
    session = get_session()
    label = "" if label is None else str(label)
    key = normalize_key(key, call)
    check_callback(callback, "on_click" if kind.returns_trigger else "on_change", call)
    block = ctx.block
    if ctx.scope.kind == "fragment" and not block.scope.is_within(ctx.scope):
        raise FragmentWidgetError(
            f"{call} was created inside fragment {ctx.scope.name!r} in a container made "
            "outside it. Widgets can only be in the main body of a fragment. Fix: create "
            "the container inside the fragment, or create the widget outside the fragment."
        )
    if block.form is not None and kind.returns_trigger and not submits:
        raise FragmentsAPIError(
            f"{call} cannot be used inside st.form({block.form!r}). Fix: use "
            "st.form_submit_button() to submit the form, or move the button out of the form."
        )
    if submits is not None and block.form is None:
        raise FragmentsAPIError(
            f"{call} must be used inside an st.form(). Fix: put it in a `with st.form(...):` "
            "block, or use st.button() outside forms."
        )
    params = {**params, "label": label}
    ident = (
        (kind.name, "key", key) if key is not None else (kind.name, label, *kind.identity(params))
    )
    registry = ctx.app.widgets
    record = registry.get(ident)
    # a key names one widget whatever its kind: two kinds would share one state value
    same_key = key is not None and any(
        r.key == key and r.ident != ident and r.serial == ctx.serial for r in registry
    )
    if same_key or (
        record is not None
        and (
            record.serial == ctx.serial
            or not (record.scope.is_within(ctx.job) or not record.scope.alive)
        )
    ):
        what = f"key {key!r}" if key is not None else f"label {label!r}"
        raise DuplicateWidgetError(
            f"There are multiple {'' if same_key else kind.name + ' '}widgets with the same "
            f"{what}. "
            f"Fix: pass a unique key= to each, e.g. {call.split('(')[0]}({label!r}, "
            f"key={(key or label) + '_2'!r})."
        )
    state = session.state
    if record is None:
        value = kind.coerce(
            params, state[key] if key is not None and key in state else kind.default(params)
        )
        pool = ctx.app.page.pool
        if block is ctx.app.sidebar:
            pool = pool.fitted(width="100%")
        widget = kind.create(label, params, value, pool)
        record = WidgetRecord(ident, kind, label, key, widget, params, ctx.scope, value)
        registry.add(record)
    else:
        if _differs(record.params, params):  # unchanged parameters: nothing to set
            kind.update(record.widget, label, params)
        record.params = params
        record.label = label
        value = record.value
        if key is not None and key in state and _differs(state[key], value):
            value = state[key]
        value = kind.coerce(params, value)
        if not record.pending:  # keep what a user typed into a form not yet submitted
            kind.write(record.widget, params, value)
        record.value = value
    record.serial = ctx.serial
    record.scope = ctx.scope
    record.form = None if submits else block.form
    record.submits = block.form if submits else None
    if submits:
        ctx.forms_with_submit.add(block.form or "")
    record.callback = (callback, tuple(args or ()), dict(kwargs or {})) if callback else None
    if key is not None and kind.value_traits:
        state.sync_from_widget(key, value)
    block.add(WidgetElement(record))
    ctx.app.after_element(ctx)  # may stop a stale run: before a click is handed out
    if kind.returns_trigger:
        if record.trigger:
            record.returned_in = ctx.serial  # the user's code now acts on this click
        return record.trigger
    return value


def _differs(a: Any, b: Any) -> bool:
    try:
        return bool(a != b)
    except Exception:  # noqa: BLE001 - objects whose comparison is not a bool
        return a is not b
