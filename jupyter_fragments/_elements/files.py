"""The upload input: ``st.file_uploader``, returning ``UploadedFile`` objects."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from jupyter_fragments._elements._core import add_static, render_record
from jupyter_fragments._elements.params import Callback, common_params
from jupyter_fragments._elements.status import callout_output
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
    max_upload_size: int | None = None,
    disabled: bool = False,
    label_visibility: str = "visible",
    width: str | int | None = None,
) -> Any:
    """An upload button; returns an ``UploadedFile`` (a BytesIO with ``name``, ``type``,
    ``size``), a list of them with ``accept_multiple_files=True``, or None.

    Files whose extension is not in ``type`` are ignored. ``max_upload_size`` (in
    megabytes) refuses bigger files: they are not returned, and an error below the
    button names them while they stay picked. The browser still sends them to the
    kernel (a notebook's upload button has no limit of its own), so the limit protects
    the app, not the connection. ``width`` is ``"stretch"`` or pixels.

    Examples
    --------
    >>> uploaded = st.file_uploader("Choose a CSV", type="csv", max_upload_size=5)
    >>> if uploaded is not None:
    ...     st.write(uploaded.name, len(uploaded.getvalue()))
    """
    call = f"st.file_uploader({label!r})"
    params = {
        **common_params(help, disabled, label_visibility),
        "accept": _accept(type, call),
        "multiple": bool(accept_multiple_files),
        "max_bytes": _max_bytes(max_upload_size, call),
        "input_width": _upload_width(width, call),
    }
    record, value = render_record(
        FILE_UPLOADER,
        label,
        params,
        key=key,
        callback=on_change,
        args=args,
        kwargs=kwargs,
        call=call,
    )
    for problem in FILE_UPLOADER.refused(record.widget, record.params):
        add_static([callout_output("error", problem)])
    return value


def _max_bytes(max_upload_size: Any, call: str) -> int | None:
    if max_upload_size is None:
        return None
    if (
        isinstance(max_upload_size, bool)
        or not isinstance(max_upload_size, int)
        or max_upload_size < 1
    ):
        raise FragmentsAPIError(
            f"{call} got max_upload_size={max_upload_size!r}. Fix: pass a positive whole "
            "number of megabytes, or None for no limit."
        )
    return max_upload_size * 2**20


def _upload_width(width: Any, call: str) -> Any:
    if width == "content":
        raise FragmentsAPIError(
            f"{call} got width='content', which Streamlit's uploader does not take. "
            "Fix: pass 'stretch' or a number of pixels."
        )
    return width
