"""The upload input: ``st.file_uploader``, returning ``UploadedFile`` objects."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from jupyter_fragments._elements._core import render_input
from jupyter_fragments._elements.params import Callback, common_params
from jupyter_fragments._widgets.files import FILE_UPLOADER
from jupyter_fragments.errors import FragmentsAPIError


def _accept(type: Any, call: str) -> list[str]:
    if type is None:
        return []
    items = [type] if isinstance(type, str) else list(type)
    if not all(isinstance(t, str) and t.strip(". ") for t in items):
        raise FragmentsAPIError(
            f"{call} got type={type!r}. Fix: pass an extension or a list of them, e.g. "
            "type=['csv', 'txt']."
        )
    return ["." + t.strip().lstrip(".").lower() for t in items]


def file_uploader(
    label: str,
    type: str | Iterable[str] | None = None,
    accept_multiple_files: bool = False,
    key: Any = None,
    help: str | None = None,
    on_change: Callback = None,
    args: Iterable[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    *,
    disabled: bool = False,
    label_visibility: str = "visible",
) -> Any:
    """An upload button; returns an ``UploadedFile`` (a BytesIO with ``name``, ``type``,
    ``size``), a list of them with ``accept_multiple_files=True``, or None.

    Files whose extension is not in ``type`` are ignored.

    Examples
    --------
    >>> uploaded = st.file_uploader("Choose a CSV", type="csv")
    >>> if uploaded is not None:
    ...     st.write(uploaded.name, len(uploaded.getvalue()))
    """
    call = f"st.file_uploader({label!r})"
    params = {
        **common_params(help, disabled, label_visibility),
        "accept": _accept(type, call),
        "multiple": bool(accept_multiple_files),
    }
    return render_input(
        FILE_UPLOADER,
        label,
        params,
        key=key,
        callback=on_change,
        args=args,
        kwargs=kwargs,
        call=call,
    )
