"""The upload kind: ``st.file_uploader`` and the `UploadedFile` objects it returns."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

import ipywidgets as widgets

from jupyter_fragments._page.pool import ModelPool
from jupyter_fragments._widgets.base import InputKind, Params


class UploadedFile(io.BytesIO):
    """A file a user uploaded: a BytesIO with ``name``, ``type``, ``size`` and ``file_id``."""

    def __init__(self, name: str, type: str, data: bytes, file_id: str = "") -> None:
        super().__init__(data)
        self.name = name
        self.type = type
        self.size = len(data)
        self.file_id = file_id or f"{name}:{len(data)}"

    def fresh(self) -> UploadedFile:
        """A new object over the same bytes, positioned at the start (one per run)."""
        return UploadedFile(self.name, self.type, self.getvalue(), self.file_id)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, UploadedFile) and (self.file_id, self.getvalue()) == (
            other.file_id,
            other.getvalue(),
        )

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"UploadedFile(name={self.name!r}, type={self.type!r}, size={self.size})"


def _content_bytes(content: Any) -> bytes:
    if isinstance(content, str):
        return content.encode()
    if isinstance(content, (list, tuple)):
        return bytes(content)
    return bytes(content)


def _matches(name: str, accept: Sequence[str]) -> bool:
    return not accept or any(name.lower().endswith(ext) for ext in accept)


def _megabytes(size: float) -> str:
    return f"{size / 2**20:.1f}".removesuffix(".0") + " MB"


def _fits(item: Any, params: Params) -> bool:
    """Whether an upload is within ``max_upload_size`` (megabytes of 2**20 bytes)."""
    limit = params.get("max_bytes")
    return limit is None or len(_content_bytes(item["content"])) <= limit


class FileUploadKind(InputKind):
    """``st.file_uploader``: an ipywidgets FileUpload; the value is UploadedFile(s)."""

    name = "file_uploader"

    def identity(self, params: Params) -> tuple[Any, ...]:
        # Streamlit 1.67 makes a new widget when its upload limit changes, key or not
        return (bool(params["multiple"]), tuple(params["accept"]), params.get("max_bytes"))

    def default(self, params: Params) -> Any:
        return [] if params["multiple"] else None

    def coerce(self, params: Params, value: Any) -> Any:
        files = value if isinstance(value, list) else [] if value is None else [value]
        files = [f.fresh() for f in files if isinstance(f, UploadedFile)]
        if params["multiple"]:
            return files
        return files[-1] if files else None

    def traits(self, label: str, params: Params) -> dict[str, Any]:
        traits = super().traits(label, params)
        traits["accept"] = ",".join(params["accept"])
        traits["multiple"] = bool(params["multiple"])
        return traits

    def create(self, label: str, params: Params, value: Any, pool: ModelPool) -> widgets.DOMWidget:
        return widgets.FileUpload(
            layout=pool.layout(),
            style=pool.style(widgets.ButtonStyle),
            **self.traits(label, params),
        )

    def read(self, widget: widgets.DOMWidget, params: Params) -> Any:
        files = [
            UploadedFile(
                str(item["name"]), str(item.get("type") or ""), _content_bytes(item["content"])
            )
            for item in widget.value
            if _matches(str(item["name"]), params["accept"]) and _fits(item, params)
        ]
        return self.coerce(params, files)

    def refused(self, widget: widgets.DOMWidget, params: Params) -> list[str]:
        """What the user picked that is over ``max_upload_size``, said for a person."""
        limit = params.get("max_bytes")
        return [
            f"{item['name']} is {_megabytes(len(_content_bytes(item['content'])))}, over the "
            f"{_megabytes(limit)} this uploader takes: it was not uploaded."
            for item in widget.value
            if limit is not None and not _fits(item, params)
        ]

    def write(self, widget: widgets.DOMWidget, params: Params, value: Any) -> None:
        return None  # the files come from the browser; the kernel cannot set them


FILE_UPLOADER = FileUploadKind()
