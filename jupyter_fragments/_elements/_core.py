"""What every element call goes through: find the run, add to its block, keep identity."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import ipywidgets as widgets

from jupyter_fragments._elements.handles import ElementHandle, RowAdder, Slot, show_outside
from jupyter_fragments._elements.query_binding import check_bind, follow_query, seed_from_query
from jupyter_fragments._output.bundles import Output
from jupyter_fragments._page.blocks import Block, LayoutElement
from jupyter_fragments._page.pool import ModelPool
from jupyter_fragments._runtime.context import RunContext
from jupyter_fragments._runtime.events import CHANGE_MODES, ignore_change
from jupyter_fragments._runtime.session import current_context, get_session
from jupyter_fragments._widgets.base import InputKind, Params
from jupyter_fragments._widgets.buttons import TriggerValueKind
from jupyter_fragments._widgets.containers import LayoutStateKind
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
    ctx = current_context()
    if ctx is None:
        raise NoAppError(
            f"{call} was called while no app is running. Fix: call it inside a %%app cell "
            "(after %load_ext jupyter_fragments) or a function run with st.app."
        )
    return ctx


def add_static(outputs: list[Output], *, rows: RowAdder | None = None) -> ElementHandle:
    """Add a static element to the current block, or display it when no app runs.

    Returns the element's handle (its methods replace the element in place); ``rows``
    makes ``handle.add_rows(...)`` grow the element.
    """
    ctx = current_context()
    if ctx is None:
        slot = show_outside(outputs)
        slot.rows = rows
        return ElementHandle(slot)
    slot = Slot.add_static(ctx.block, outputs, ctx.serial)
    slot.rows = rows
    ctx.app.after_element(ctx)
    return ElementHandle(slot)


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
        inner.root = block.root
        inner.begin()
    block.add(element)
    ctx.app.after_element(ctx)
    return element


def normalize_key(key: Any, call: str) -> str | None:
    """Streamlit's rule: any value names a widget, as ``str(key)``; None means no key."""
    return None if key is None else str(key)


def check_callback(callback: Any, name: str, call: str) -> None:
    if callback is not None and not callable(callback) and callback not in CHANGE_MODES:
        raise FragmentsAPIError(
            f"{call} got {name}={callback!r}, which is not callable. "
            f"Fix: pass a function, e.g. {name}=my_callback (without parentheses), "
            "'rerun' or 'ignore'."
        )


def change_callback(callback: Any) -> Callable[..., Any] | None:
    """The callback to record for ``on_change``: ``"ignore"`` is the runtime's marker
    (its changes wait for the next rerun), ``"rerun"`` and None are no callback."""
    if callback == "ignore":
        return ignore_change
    return None if callback in CHANGE_MODES else callback


def width_layout(width: Any, call: str) -> dict[str, str] | None:
    """The layout attributes for Streamlit's ``width=`` (None: the notebook's usual width).

    ``"stretch"`` fills the container, ``"content"`` sizes to the content, an int is pixels
    (never wider than the container).
    """
    if width is None:
        return None
    if width == "stretch":
        return {"width": "100%"}
    if width == "content":
        return {"width": "auto"}
    if isinstance(width, int) and not isinstance(width, bool) and width > 0:
        return {"width": f"{width}px", "max_width": "100%"}
    raise FragmentsAPIError(
        f"{call} got width={width!r}. Fix: pass 'stretch', 'content' or a positive number "
        "of pixels."
    )


def height_layout(height: Any, call: str) -> dict[str, str]:
    """The layout of Streamlit's ``height=`` for a box: a number of pixels fixes it and the
    content scrolls; ``"content"`` and ``"stretch"`` (or None) let it grow."""
    if height in (None, "content", "stretch"):
        return {}
    if isinstance(height, bool) or not isinstance(height, int) or height <= 0:
        raise FragmentsAPIError(
            f"{call} got height={height!r}. Fix: pass a positive number of pixels or 'content'."
        )
    return {"height": f"{height}px", "overflow": "auto"}


def with_icon(text: str, icon: str | None, position: str = "left", *, call: str = "") -> str:
    """``text`` with Streamlit's ``icon=`` beside it.

    An emoji is shown; a ``":material/name:"`` icon has no font in a notebook and is left
    out, as is ``"spinner"``.
    """
    if position not in ("left", "right"):
        raise FragmentsAPIError(
            f"{call} got icon_position={position!r}. Fix: pass 'left' or 'right'."
        )
    if not icon or icon == "spinner" or (icon.startswith(":material/") and icon.endswith(":")):
        return text
    if not text:
        return icon
    return f"{icon} {text}" if position == "left" else f"{text} {icon}"


def stretch_width(width: Any, use_container_width: bool | None) -> Any:
    """Streamlit's deprecated ``use_container_width``: True is ``width="stretch"``, False
    ``"content"``, None leaves ``width`` as given."""
    if use_container_width is None:
        return width
    return "stretch" if use_container_width else "content"


def render_input(kind: InputKind, label: Any, params: Params, **options: Any) -> Any:
    """Draw an input widget, reusing its model by identity, and return its value.

    ``options`` are those of `render_record` (``key``, ``callback``, ``call``...).
    """
    return render_record(kind, label, params, **options)[1]


def render_record(
    kind: InputKind,
    label: Any,
    params: Params,
    *,
    key: Any = None,
    callback: Callable[..., Any] | str | None = None,
    args: Any = None,
    kwargs: Any = None,
    call: str,
    submits: bool | None = None,
    persist_state: Any = None,
    bind: Any = None,
) -> tuple[WidgetRecord[Any], Any]:
    """Draw an input widget; return its record (for elements that also show something
    about the widget's state, such as refused uploads) and its value.

    ``callback`` is ``on_change``/``on_click``: a function, ``"rerun"`` or ``"ignore"``.
    ``persist_state`` (``"page"``/``"session"``, with a key) keeps the value while the
    widget is not drawn; ``bind="query-params"`` (with a key) keeps it in
    ``st.query_params[key]`` too.
    ``submits`` marks a form's submit button (it submits the form it is drawn in).
    ``params["input_width"]`` (Streamlit's ``width=``) sizes the widget.
    """
    ctx = require_context(call)
    label = "" if label is None else str(label)
    if key is None and persist_state is None and submits is None and bind is None:
        kept = _unchanged_input(ctx, kind, label, params)
        if kept is not None:  # the last run's widget here, as it was: its checks hold
            check_callback(callback, "on_change", call)
            _check_place(ctx, False, None, call)
            value = _reuse_record(ctx, kept, label, None, kept.params, same=True)
            return kept, _place(ctx, kept, value, None, (callback, args, kwargs))
    width_layout(params.get("input_width"), call)
    key = normalize_key(key, call)
    _persist(key, persist_state, call)
    check_bind(bind, key, call)
    trigger = kind.returns_trigger or isinstance(kind, TriggerValueKind)
    check_callback(callback, "on_click" if trigger else "on_change", call)
    _check_place(ctx, trigger, submits, call)
    params = {**params, "label": label}
    # Streamlit's id of a widget without a key includes its form and its root container:
    # the same widget may be both outside and inside a form, in the main body and the sidebar
    block = ctx.block
    ident = (
        (kind.name, "key", key, *_keyed_identity(kind, params))
        if key is not None
        else (kind.name, label, *kind.identity(params), block.form, block.root)
    )
    record = ctx.app.widgets.get(ident)
    _check_unique(ctx, record, ident, kind, label, key, call)
    if record is None:
        if bind is not None:
            seed_from_query(ctx, kind, params, key)
        record, value = _new_record(ctx, kind, ident, label, key, params)
    else:
        value = _reuse_record(ctx, record, label, key, params)
    returned = _place(ctx, record, value, submits, (callback, args, kwargs))
    follow_query(kind, params, key, bind, record.value)
    return record, returned


def _unchanged_input(
    ctx: RunContext, kind: InputKind, label: str, params: Params
) -> WidgetRecord[Any] | None:
    """The input the last run drew at this position, when this call (without a key)
    draws the same: the same kind, label and parameters in the same block and scope.
    Its identity is then the one the registry has, and so are its checks' outcomes."""
    if kind.returns_trigger or isinstance(kind, TriggerValueKind | LayoutStateKind):
        return None
    block = ctx.block
    record = block.last_input()
    if (
        not isinstance(record, WidgetRecord)
        or record.kind is not kind
        or record.key is not None
        or record.serial == ctx.serial
        or record.scope is not ctx.scope
        or record.form != block.form
        or record.label != label
        or _differs(record.params, {**params, "label": label})
    ):
        return None
    return record


def _persist(key: str | None, persist_state: Any, call: str) -> None:
    """``persist_state=`` (Streamlit 1.59+): a keyed widget's value outlives its absence."""
    if persist_state not in (None, "page", "session"):
        raise FragmentsAPIError(
            f"{call} got persist_state={persist_state!r}. Fix: pass 'page', 'session' or None."
        )
    if persist_state is not None and key is None:
        raise FragmentsAPIError(
            f"{call} got persist_state={persist_state!r} without a key, so its value has no "
            "name to be kept under. Fix: give the widget a key=."
        )
    if key is not None:
        get_session().binding.persist(key, persist_state)


#: Kinds whose identifying parameters are their options, which a keyed widget may change
_OPTION_KINDS = frozenset({"selectbox", "radio", "select_slider", "multiselect"})
#: Streamlit 1.67's ``key_as_main_identity``: with a key, changing one of these still
#: makes a new widget (with its default value)
_KEYED_PARAMS: dict[str, tuple[str, ...]] = {
    "slider": ("min_value", "max_value", "step"),
    "text_input": ("max_chars", "pattern"),
    "text_area": ("max_chars",),
    "multiselect": ("max_selections", "accept_new_options"),
    "selectbox": ("accept_new_options",),
    "date_input": ("format",),
    "time_input": ("step",),
    "datetime_input": ("format", "step"),
}
#: Kinds whose value Streamlit resets to the default, rather than clamps, when new
#: parameters make it invalid
_RESET_WHEN_INVALID = frozenset({"number_input"})


def _keyed_identity(kind: InputKind, params: Params) -> tuple[Any, ...]:
    """With a key, a widget is its key (Streamlit 1.50+): it keeps its model and value
    when its label, options or bounds change. A new widget is made only for a new model
    shape (the kind's class, its identifying parameters other than options) or for one
    of the parameters Streamlit keeps in a keyed identity."""
    shape = () if kind.name in _OPTION_KINDS else kind.identity(params)
    kept = tuple(params.get(name) for name in _KEYED_PARAMS.get(kind.name, ()))
    return (type(kind).__name__, *shape, *kept)


def _check_place(ctx: RunContext, trigger: bool, submits: bool | None, call: str) -> None:
    """Raise when the widget cannot be drawn where the run is (fragment, form rules)."""
    block = ctx.block
    if ctx.scope.kind == "fragment" and not block.scope.is_within(ctx.scope):
        raise FragmentWidgetError(
            f"{call} was created inside fragment {ctx.scope.name!r} in a container made "
            "outside it. Widgets can only be in the main body of a fragment. Fix: create "
            "the container inside the fragment, or create the widget outside the fragment."
        )
    if block.form is not None and trigger and not submits:
        raise FragmentsAPIError(
            f"{call} cannot be used inside st.form({block.form!r}). Fix: use "
            "st.form_submit_button() to submit the form, or move the button out of the form."
        )
    if submits is not None and block.form is None:
        raise FragmentsAPIError(
            f"{call} must be used inside an st.form(). Fix: put it in a `with st.form(...):` "
            "block, or use st.button() outside forms."
        )


def _check_unique(
    ctx: RunContext,
    record: WidgetRecord[Any] | None,
    ident: tuple[Any, ...],
    kind: InputKind,
    label: str,
    key: str | None,
    call: str,
) -> None:
    """Raise when this run already drew the same widget (or another one with this key)."""
    # a key names one widget whatever its kind: two kinds would share one state value
    same_key = key is not None and any(
        r.key == key and r.ident != ident and r.serial == ctx.serial for r in ctx.app.widgets
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


def _input_pool(ctx: RunContext, params: Params) -> ModelPool:
    """The shared models a new widget takes: sized by ``width=``, or to the sidebar."""
    pool = ctx.app.page.pool
    attrs = width_layout(params.get("input_width"), "width")
    if attrs is not None:
        return pool.fitted(**attrs)
    if ctx.block is ctx.app.sidebar:
        return pool.fitted(width="100%")
    return pool


def _new_record(
    ctx: RunContext,
    kind: InputKind,
    ident: tuple[Any, ...],
    label: str,
    key: str | None,
    params: Params,
) -> tuple[WidgetRecord[Any], Any]:
    state = get_session().state
    value = kind.default(params)
    if key is not None and key in state and not isinstance(kind, TriggerValueKind):
        # a keyed widget made anew because a parameter Streamlit keeps in its identity
        # changed starts from its default, unless user code set the key since
        before = ctx.app.widgets.by_key(key)
        if before is None or _differs(state[key], before.value):
            value = state[key]
    value = kind.coerce(params, value)
    widget = kind.create(label, params, value, _input_pool(ctx, params))
    record = WidgetRecord(ident, kind, label, key, widget, params, ctx.scope, value)
    ctx.app.widgets.add(record)
    return record, value


def _reuse_record(
    ctx: RunContext,
    record: WidgetRecord[Any],
    label: str,
    key: str | None,
    params: Params,
    *,
    same: bool = False,
) -> Any:
    """Last run's widget with this run's parameters; returns its value for this run.

    ``same``: the caller found the parameters and label unchanged.
    """
    kind = record.kind
    if not same:
        if _differs(record.params, params):  # unchanged parameters: nothing to set
            kind.update(record.widget, label, params)
            if record.params.get("input_width") != params.get("input_width"):
                record.widget.layout = _input_pool(ctx, params).layout()
        record.params = params
        record.label = label
    value = record.value
    if isinstance(kind, TriggerValueKind):
        # its value counts in the run the choice caused only: the next run sees the default
        record.value = kind.coerce(params, kind.default(params))
        kind.write(record.widget, params, record.value)
        return value
    if key is not None:
        state = get_session().state
        if key in state and _differs(state[key], value):
            value = state[key]
    valid = kind.coerce(params, value)
    if kind.name in _RESET_WHEN_INVALID and _differs(valid, value):
        valid = kind.coerce(params, kind.default(params))
    value = valid
    if not record.pending:  # keep what a user typed into a form not yet submitted
        kind.write(record.widget, params, value)
    record.value = value
    return value


def _place(
    ctx: RunContext,
    record: WidgetRecord[Any],
    value: Any,
    submits: bool | None,
    callback: tuple[Callable[..., Any] | str | None, Any, Any],
) -> Any:
    """Put the widget into the current block for this run; return what the call returns."""
    block = ctx.block
    func, args, kwargs = callback
    record.serial = ctx.serial
    record.scope = ctx.scope
    record.form = None if submits else block.form
    record.submits = block.form if submits else None
    if submits:
        ctx.forms_with_submit.add(block.form or "")
    func = change_callback(func)
    record.callback = (func, tuple(args or ()), dict(kwargs or {})) if func else None
    if record.key is not None and record.kind.value_traits:
        get_session().state.sync_from_widget(record.key, value)
    elif record.key is not None and record.kind.returns_trigger:
        # a button's value in session state: True in the run its click caused only
        get_session().state.sync_from_widget(record.key, bool(record.trigger))
    if not isinstance(record.kind, LayoutStateKind):  # a layout state is its layout's
        block.add_input(record)
    ctx.app.after_element(ctx)  # may stop a stale run: before a click is handed out
    if record.kind.returns_trigger:
        if record.trigger:
            record.returned_in = ctx.serial  # the user's code now acts on this click
        return record.trigger
    return value


def _differs(a: Any, b: Any) -> bool:
    try:
        return bool(a != b)
    except Exception:  # noqa: BLE001 - objects whose comparison is not a bool
        return a is not b
