"""Media: ``st.image`` from bytes, arrays, PIL images, files and URLs.

Images a kernel holds travel as base64 ``image/*`` outputs; URLs become an ``<img>``
whose attributes are escaped and whose scheme cannot run script.
"""

from __future__ import annotations

import base64
import io
import os
from typing import Any

from jupyter_fragments._elements._core import add_static
from jupyter_fragments._elements.handles import ElementHandle
from jupyter_fragments._output.bundles import (
    Output,
    display_output,
    escape_html,
    escape_markdown_html,
    markdown_output,
)
from jupyter_fragments._output.urls import safe_url
from jupyter_fragments.errors import FragmentsAPIError

_MAGIC = (
    (b"\x89PNG", "image/png"),
    (b"\xff\xd8", "image/jpeg"),
    (b"GIF8", "image/gif"),
)


def _mime_of(data: bytes) -> str:
    for prefix, mime in _MAGIC:
        if data.startswith(prefix):
            return mime
    head = data[:256].lstrip().lower()
    if head.startswith(b"<svg") or (head.startswith(b"<?xml") and b"<svg" in data[:1024]):
        return "image/svg+xml"
    return "image/png"


def _array_png(array: Any, clamp: bool, channels: str) -> bytes:
    try:
        import numpy as np
        from PIL import Image
    except ImportError:
        raise FragmentsAPIError(
            "st.image needs numpy and Pillow to show an array. Fix: pip install pillow."
        ) from None
    values = np.asarray(array)
    if values.dtype.kind == "f":
        if clamp:
            values = np.clip(values, 0.0, 1.0)
        elif values.size and (values.min() < 0.0 or values.max() > 1.0):
            raise FragmentsAPIError(
                "st.image got float values outside [0.0, 1.0]. Fix: pass clamp=True, or scale "
                "the array to [0, 1] (or to uint8 0-255)."
            )
        values = (values * 255).round().astype("uint8")
    elif values.dtype != np.uint8:
        if clamp:
            values = np.clip(values, 0, 255)
        values = values.astype("uint8")
    if channels == "BGR" and values.ndim == 3 and values.shape[2] >= 3:
        values = values[..., [2, 1, 0, *range(3, values.shape[2])]]
    if values.ndim == 3 and values.shape[2] == 1:
        values = values[..., 0]
    buffer = io.BytesIO()
    Image.fromarray(values).save(buffer, format="PNG")
    return buffer.getvalue()


def _image_outputs(image: Any, width: int | None, clamp: bool, channels: str) -> Output:
    metadata: dict[str, Any] = {}
    if isinstance(image, os.PathLike) or (
        isinstance(image, str) and not image.lstrip().startswith("<")
    ):
        text = os.fspath(image)
        if text.startswith(("http://", "https://", "data:image/")):
            size = f' width="{int(width)}"' if width else ""
            tag = f'<img src="{escape_html(safe_url(text))}"{size} alt="">'
            return display_output({"text/html": tag, "text/plain": f"<image {text}>"})
        if not os.path.isfile(text):
            raise FragmentsAPIError(
                f"st.image could not find the file {text!r}. Fix: pass an existing path, "
                "a URL, bytes, an array or a PIL image."
            )
        with open(text, "rb") as handle:
            data = handle.read()
    elif isinstance(image, str):  # an SVG document
        data = image.encode()
    elif isinstance(image, (bytes, bytearray, memoryview)):
        data = bytes(image)
    elif hasattr(image, "save") and hasattr(image, "mode"):  # a PIL image
        buffer = io.BytesIO()
        image.save(buffer, format="PNG")
        data = buffer.getvalue()
    elif hasattr(image, "__array__") or isinstance(image, list):
        data = _array_png(image, clamp, channels)
    elif hasattr(image, "read"):
        data = image.read()
    else:
        raise FragmentsAPIError(
            f"st.image got {type(image).__name__}. Fix: pass bytes, a numpy array, a PIL "
            "image, a file path or a URL."
        )
    mime = _mime_of(data)
    if width:
        metadata[mime] = {"width": int(width)}
    payload = data.decode() if mime == "image/svg+xml" else base64.b64encode(data).decode("ascii")
    return display_output(
        {mime: payload, "text/plain": f"<image {mime}, {len(data)} bytes>"}, metadata
    )


def image(
    image: Any,
    caption: Any = None,
    width: int | None = None,
    use_column_width: Any = None,
    clamp: bool = False,
    channels: str = "RGB",
    output_format: str = "auto",
    *,
    use_container_width: bool = False,
) -> ElementHandle:
    """Show an image, or a list of images (with a caption each, or one for all).

    Examples
    --------
    >>> st.image("https://example.com/cat.png", caption="A cat", width=200)
    >>> st.image(numpy_array, clamp=True)
    """
    if channels not in ("RGB", "BGR"):
        raise FragmentsAPIError(f"st.image got channels={channels!r}. Fix: use 'RGB' or 'BGR'.")
    is_batch = isinstance(image, (list, tuple)) and not (
        image and isinstance(image[0], (int, float))
    )
    is_batch = is_batch and not (image and isinstance(image[0], list))
    images = list(image) if is_batch else [image]
    captions = list(caption) if isinstance(caption, (list, tuple)) else [caption] * len(images)
    if len(captions) != len(images):
        raise FragmentsAPIError(
            f"st.image got {len(images)} images and {len(captions)} captions. "
            "Fix: pass one caption per image, or a single caption."
        )
    outputs: list[Output] = []
    for item, text in zip(images, captions, strict=True):
        outputs.append(_image_outputs(item, width, clamp, channels))
        if text is not None:
            outputs.append(
                markdown_output(
                    f"<small>{escape_markdown_html(str(text))}</small>", plain=str(text)
                )
            )
    return add_static(outputs)
