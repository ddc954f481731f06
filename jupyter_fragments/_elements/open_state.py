"""The open state of ``st.tabs``, ``st.expander`` and ``st.popover`` (Streamlit 1.67).

``on_change="ignore"`` (the default) tracks nothing: ``.open`` is None. ``"rerun"`` or a
callback tracks the state like a widget value (the open tab's label, or whether the
expander or popover is open, in ``st.session_state[key]`` with a key): opening or
closing reruns the app (the fragment, inside one), after the callback.
``bind="query-params"`` (tabs and expanders, with a key) tracks the state even with
``"ignore"`` and keeps it in ``st.query_params[key]`` (the open tab's label; ``true`` or
``false``).
"""

from __future__ import annotations

from typing import Any

from jupyter_fragments._elements._core import render_input
from jupyter_fragments._page.blocks import LayoutElement
from jupyter_fragments._widgets.containers import LayoutStateKind
from jupyter_fragments.errors import FragmentsAPIError


def track_open(
    kind: LayoutStateKind,
    element: LayoutElement,
    label: str,
    params: dict[str, Any],
    change: tuple[Any, ...],
    call: str,
) -> Any:
    """The container's state as its code sees it in this run, or None when untracked.

    ``change`` is the call's ``(key, on_change, args, kwargs)`` and, for the containers
    that take it, ``bind``.
    """
    key, on_change, args, kwargs, *rest = change
    bind = rest[0] if rest else None
    if bind is not None:
        _check_bound_labels(params, call)
        if on_change == "ignore":
            on_change = "rerun"  # Streamlit: a bound container tracks its state and reruns
    if on_change == "ignore":
        return None
    if on_change != "rerun" and not callable(on_change):
        raise FragmentsAPIError(
            f"{call} got on_change={on_change!r}. Fix: pass 'ignore' (the default), 'rerun' "
            "or a function to call when it is opened or closed."
        )
    state = {
        **params,
        "widget": element.widget,
        "signature": element.signature,
        "help": None,
        "disabled": False,
        "label_visibility": "visible",
    }
    return render_input(
        kind,
        label,
        state,
        key=key,
        callback=on_change,
        args=args,
        kwargs=kwargs,
        call=call,
        bind=bind,
    )


def _check_bound_labels(params: dict[str, Any], call: str) -> None:
    """Streamlit's rule for bound tabs: each label names one tab in the query."""
    labels = list(params.get("labels", ()))
    if any(not label for label in labels) or len(set(labels)) != len(labels):
        raise FragmentsAPIError(
            f"{call} got bind='query-params' with tab labels {labels!r}: the open tab's "
            "label is the query parameter's value, so each must be non-empty and unique. "
            "Fix: give every tab a different, non-empty label."
        )
