"""Media: ``st.image``, ``st.audio`` and ``st.video`` from bytes, arrays, files and URLs.

Images a kernel holds travel as base64 ``image/*`` outputs; sound and video as
``<audio>``/``<video>`` elements with a ``data:`` URL (numpy sound encoded to WAV with
the standard library). URLs keep their address, escaped, and a scheme that cannot run
script.
"""

from __future__ import annotations

import base64
import datetime
import html
import io
import math
import mimetypes
import os
import re
import wave
from pathlib import Path
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


def _image_outputs(image: Any, width: Any, clamp: bool, channels: str) -> Output:
    metadata: dict[str, Any] = {}
    if isinstance(image, os.PathLike) or (
        isinstance(image, str) and not image.lstrip().startswith("<")
    ):
        text = os.fspath(image)
        if text.startswith(("http://", "https://", "data:image/")):
            size = f' width="{_px(width)}"' if _px(width) else ""
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
    if _px(width):
        metadata[mime] = {"width": _px(width)}
    payload = data.decode() if mime == "image/svg+xml" else base64.b64encode(data).decode("ascii")
    return display_output(
        {mime: payload, "text/plain": f"<image {mime}, {len(data)} bytes>"}, metadata
    )


def image_url(image: Any) -> str:
    """A URL showing ``image`` (any form ``st.image`` takes): its own, or a ``data:`` URL."""
    if isinstance(image, str) and image.startswith(("http://", "https://", "data:image/")):
        return safe_url(image)
    return _source(_image_outputs(image, None, False, "RGB"))


def _source(output: Output) -> str:
    """The URL of the image in ``output``: a ``data:`` URL of its bytes, or its address."""
    data = output["data"]
    mime = next((kind for kind in data if kind.startswith("image/")), None)
    if mime is None:  # an image at a URL: the <img> tag `_image_outputs` made
        found = re.search(r'src="([^"]*)"', data["text/html"])
        return html.unescape(found.group(1)) if found else ""
    payload = data[mime]
    if mime == "image/svg+xml":
        payload = base64.b64encode(payload.encode()).decode("ascii")
    return f"data:{mime};base64,{payload}"


def _described(output: Output, alt: str | None, link: str | None, width: Any) -> Output:
    """The image as an ``<img>`` with its ``alt`` text (``""``: decorative), in a link that
    opens ``link`` (a URL that could run script goes nowhere) when one is given."""
    size = f' width="{_px(width)}"' if _px(width) else ""
    text = "" if alt is None else f' alt="{escape_html(alt)}"'
    tag = f'<img src="{escape_html(_source(output))}"{size}{text}>'
    if link is not None:
        target = escape_html(safe_url(str(link)))
        tag = f'<a href="{target}" target="_blank" rel="noopener noreferrer">{tag}</a>'
    plain = str(output["data"].get("text/plain", "<image>"))
    if alt:
        plain = f"{plain[:-1]}: {alt}>" if plain.endswith(">") else f"{plain} {alt}"
    return display_output({"text/html": tag, "text/plain": plain})


def _px(width: Any) -> int | None:
    """A width in pixels, or None (``"content"``, ``"stretch"``: the image's own size)."""
    number = isinstance(width, (int, float)) and not isinstance(width, bool)
    return int(width) if number and width > 0 else None


def _alts(alt: Any, count: int) -> list[str | None]:
    """One ``alt`` per image, as Streamlit 1.67 pairs them: blank is None, ``""`` is kept
    (decorative)."""
    if alt is None:
        return [None] * count
    if isinstance(alt, (str, bytes)) or not isinstance(alt, (list, tuple)):
        if count != 1:
            raise FragmentsAPIError(
                f"A single `alt` string can only be used with a single image; st.image got "
                f"{count} images. Fix: pass a list of {count} alt values (None to skip one)."
            )
        alt = [alt]
    if len(alt) != count:
        raise FragmentsAPIError(
            f"st.image cannot pair {len(alt)} alt values with {count} images. Fix: pass one "
            "alt value per image (None to skip one, '' for a decorative one)."
        )
    texts = [None if a is None else str(a) for a in alt]
    return [t if t is None or t == "" or t.strip() else None for t in texts]


def image(
    image: Any,
    caption: Any = None,
    width: int | str | None = "content",
    clamp: bool = False,
    channels: str = "RGB",
    output_format: str = "auto",
    *,
    use_container_width: bool | None = None,
    link: str | None = None,
    use_column_width: Any = None,
    alt: Any = None,
) -> ElementHandle:
    """Show an image, or a list of images (with a caption each, or one for all).

    ``link`` (one image only) opens that URL when the image is clicked; ``alt`` describes
    the image for screen readers (a list: one per image; ``""``: decorative).

    Examples
    --------
    >>> st.image("https://example.com/cat.png", caption="A cat", width=200)
    >>> st.image(numpy_array, clamp=True)
    >>> st.image("chart.png", link="https://example.com/report", alt="Sales by month")
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
    if link is not None and len(images) != 1:
        raise FragmentsAPIError(
            "The `link` parameter is only supported when displaying a single image; "
            f"st.image got {len(images)} images. Fix: draw each image with its own st.image."
        )
    outputs: list[Output] = []
    for item, text, note in zip(images, captions, _alts(alt, len(images)), strict=True):
        shown = _image_outputs(item, width, clamp, channels)
        if note is not None or link is not None:
            shown = _described(shown, note, link, width)
        outputs.append(shown)
        if text is not None:
            outputs.append(
                markdown_output(
                    f"<small>{escape_markdown_html(str(text))}</small>", plain=str(text)
                )
            )
    return add_static(outputs)


# ------------------------------------------------------------------ audio, video
_URL = re.compile(r"^(https?://|data:|/)", re.IGNORECASE)
_YOUTUBE = re.compile(
    r"^https?://(?:www\.|m\.)?(?:youtube\.com/(?:watch\?(?:.*&)?v=|embed/|shorts/)|youtu\.be/)"
    r"([\w-]{6,})"
)
_DURATION = re.compile(
    r"^\s*(?:(\d+(?:\.\d+)?)h)?\s*(?:(\d+(?:\.\d+)?)m)?\s*(?:(\d+(?:\.\d+)?)s)?\s*$"
)
_SNIFF = (
    (b"RIFF", "audio/wav"),
    (b"ID3", "audio/mpeg"),
    (b"\xff\xfb", "audio/mpeg"),
    (b"OggS", "audio/ogg"),
    (b"fLaC", "audio/flac"),
    (b"\x1a\x45\xdf\xa3", "video/webm"),
)


def data_url(payload: bytes, mime: str) -> str:
    """A ``data:`` URL holding ``payload``."""
    return f"data:{mime};base64,{base64.b64encode(payload).decode('ascii')}"


def media_source(data: Any, mime: str, call: str) -> tuple[str, str]:
    """(URL, what it is) for bytes, a file-like object, a path, a ``Path`` or a URL.

    A ``str`` naming an existing file, or a ``Path``, is read and embedded; else a
    ``str`` that looks like a URL (``http(s)://``, ``data:``, ``/``) is used as one
    (a ``javascript:`` string is never a URL here).
    """
    if isinstance(data, str) and not os.path.isfile(data) and _URL.match(data.strip()):
        return data.strip(), data.strip()
    if isinstance(data, (str, os.PathLike)):
        path = Path(data)
        if not path.is_file():
            raise FragmentsAPIError(
                f"{call} could not find the file {str(data)!r}. Fix: pass an existing path "
                "(relative to the kernel's working directory), a URL, or the bytes."
            )
        guessed = mimetypes.guess_type(path.name)[0]
        return data_url(path.read_bytes(), guessed or mime), path.name
    if isinstance(data, (bytes, bytearray, memoryview)):
        payload = bytes(data)
    elif hasattr(data, "getvalue"):
        payload = bytes(data.getvalue())
    elif hasattr(data, "read"):
        payload = data.read()
        payload = payload.encode() if isinstance(payload, str) else bytes(payload)
    else:
        raise FragmentsAPIError(
            f"{call} got {type(data).__name__}. Fix: pass bytes, a file object, a file path, "
            "a URL, or (st.audio) a numpy array with sample_rate=."
        )
    return data_url(payload, _sniff(payload, mime)), f"{len(payload)} bytes"


def _sniff(payload: bytes, mime: str) -> str:
    if mime not in ("audio/wav", "video/mp4"):
        return mime  # the caller said what it is
    if payload[4:8] == b"ftyp":
        return "video/mp4" if mime.startswith("video") else "audio/mp4"
    return next((kind for magic, kind in _SNIFF if payload.startswith(magic)), mime)


def media_seconds(value: Any, name: str, call: str) -> int | None:
    """``start_time``/``end_time`` as whole seconds: a number, a timedelta or ``"1m14s"``."""
    if value is None:
        return None
    seconds: float | None = None
    if isinstance(value, datetime.timedelta):
        seconds = value.total_seconds()
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        seconds = float(value)
    elif isinstance(value, str) and value.strip():
        match = _DURATION.match(value)
        if match and any(match.groups()):
            hours, minutes, secs = (float(g) if g else 0.0 for g in match.groups())
            seconds = hours * 3600 + minutes * 60 + secs
    if seconds is None or seconds < 0 or math.isnan(seconds):
        raise FragmentsAPIError(
            f"{call} got {name}={value!r}. Fix: pass a number of seconds (e.g. 10), a "
            'datetime.timedelta, or a duration string such as "1m14s".'
        )
    return int(seconds)


def wav_bytes(samples: Any, sample_rate: int | None, call: str) -> bytes:
    """A 16-bit WAV of a 1-D (mono) or 2-D ``(channels, samples)`` numpy array.

    The samples are scaled so that the loudest one is full scale, as Streamlit does.
    """
    if sample_rate is None:
        raise FragmentsAPIError(
            f"{call} got a numpy array without sample_rate. Fix: pass sample_rate=, the "
            "number of samples per second (e.g. sample_rate=44100)."
        )
    import numpy as np

    values = np.asarray(samples, dtype=float)
    if values.ndim not in (1, 2):
        raise FragmentsAPIError(
            f"{call} got a {values.ndim}-D array. Fix: pass a 1-D array (mono) or a 2-D "
            "array shaped (channels, samples)."
        )
    channels = 1 if values.ndim == 1 else values.shape[0]
    flat = values if values.ndim == 1 else values.T.ravel()  # WAV interleaves channels
    peak = float(np.max(np.abs(flat))) if flat.size else 0.0
    scaled = flat / peak * 32767 if peak else flat
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(channels)
        out.setsampwidth(2)
        out.setframerate(int(sample_rate))
        out.writeframes(scaled.astype("<i2").tobytes())
    return buffer.getvalue()


def _media_tag(
    tag: str, src: str, flags: dict[str, bool], start: int | None, end: int | None, **extra: Any
) -> str:
    if start or end is not None:  # a media fragment: where playing starts and stops
        src += f"#t={start or 0}" + (f",{end}" if end is not None else "")
    attrs = "".join(f" {name}" for name, on in flags.items() if on)
    width = extra.pop("width")
    style = f"width:{int(width)}px" if isinstance(width, int) else "width:100%"
    if extra.get("alt"):
        attrs += f' aria-label="{escape_html(str(extra["alt"]))}"'
    tracks = extra.get("tracks", "")
    return f'<{tag} controls{attrs} src="{escape_html(src)}" style="{style}">{tracks}</{tag}>'


def audio(
    data: Any,
    format: str = "audio/wav",
    start_time: Any = 0,
    *,
    sample_rate: int | None = None,
    end_time: Any = None,
    loop: bool = False,
    autoplay: bool = False,
    alt: str | None = None,
    width: Any = "stretch",
) -> ElementHandle:
    """Show an audio player: bytes, a file, a URL, or a numpy array with ``sample_rate``.

    Examples
    --------
    >>> st.audio("https://example.com/song.mp3")
    >>> st.audio(np.sin(2 * np.pi * 440 * np.linspace(0, 1, 44100)), sample_rate=44100)
    """
    call = "st.audio()"
    start = media_seconds(start_time, "start_time", call)
    end = media_seconds(end_time, "end_time", call)
    if hasattr(data, "__array__") and not isinstance(data, (bytes, str)):
        src, what = data_url(wav_bytes(data, sample_rate, call), "audio/wav"), "WAV"
    else:
        src, what = media_source(data, format, call)
    flags = {"loop": loop, "autoplay": autoplay}
    tag = _media_tag("audio", src, flags, start, end, width=width, alt=alt)
    data_bundle = {"text/html": tag, "text/plain": f"<audio {what}>"}
    return add_static([display_output(data_bundle, element="audio")])


def _subtitles(subtitles: Any, call: str) -> str:
    if subtitles is None:
        return ""
    tracks = subtitles if isinstance(subtitles, dict) else {"default": subtitles}
    parts = []
    for i, (label, source) in enumerate(tracks.items()):
        if isinstance(source, str) and (
            "\n" in source or Path(source).suffix.lower() not in (".vtt", ".srt")
        ):
            text = source  # the subtitles themselves
        elif isinstance(source, (bytes, bytearray)):
            text = bytes(source).decode("utf-8")
        elif hasattr(source, "read"):
            raw = source.read()
            text = raw.decode("utf-8") if isinstance(raw, bytes) else str(raw)
        else:
            path = Path(source)
            if not path.is_file():
                raise FragmentsAPIError(
                    f"{call} could not find the subtitles file {str(source)!r}. Fix: pass an "
                    "existing .vtt or .srt path, or the subtitles' text."
                )
            text = path.read_text(encoding="utf-8")
        url = data_url(_to_vtt(text).encode("utf-8"), "text/vtt")
        default = " default" if i == 0 else ""
        parts.append(
            f'<track kind="subtitles" label="{escape_html(str(label))}" '
            f'src="{escape_html(url)}"{default}>'
        )
    return "".join(parts)


def _to_vtt(text: str) -> str:
    """WebVTT from SRT (or WebVTT, unchanged): browsers only read WebVTT."""
    if text.lstrip().startswith("WEBVTT"):
        return text
    body = re.sub(r"(\d{2}:\d{2}:\d{2}),(\d{3})", r"\1.\2", text.replace("\r\n", "\n"))
    return "WEBVTT\n\n" + body


def video(
    data: Any,
    format: str = "video/mp4",
    start_time: Any = 0,
    *,
    subtitles: Any = None,
    end_time: Any = None,
    loop: bool = False,
    autoplay: bool = False,
    muted: bool = False,
    alt: str | None = None,
    width: Any = "stretch",
) -> ElementHandle:
    """Show a video player: bytes, a file, a URL or a YouTube link.

    Browsers only autoplay muted video: pass ``muted=True`` with ``autoplay=True``.

    Examples
    --------
    >>> st.video("clip.mp4", subtitles="clip.vtt", start_time="1m")
    >>> st.video("https://www.youtube.com/watch?v=dQw4w9WgXcQ")
    """
    call = "st.video()"
    start = media_seconds(start_time, "start_time", call)
    end = media_seconds(end_time, "end_time", call)
    youtube = _YOUTUBE.match(data.strip()) if isinstance(data, str) else None
    if youtube is not None:
        query = [f"start={start}"] if start else []
        query += [f"end={end}"] if end is not None else []
        query += ["autoplay=1"] if autoplay else []
        query += ["mute=1"] if muted else []
        query += [f"loop=1&playlist={youtube.group(1)}"] if loop else []
        src = f"https://www.youtube.com/embed/{youtube.group(1)}?{'&'.join(query)}"
        size = f"width:{int(width)}px" if isinstance(width, int) else "width:100%"
        tag = (
            f'<iframe src="{escape_html(src)}" style="{size};aspect-ratio:16/9;border:0" '
            'allow="autoplay; encrypted-media; picture-in-picture" allowfullscreen></iframe>'
        )
        what = f"YouTube {youtube.group(1)}"
    else:
        src, what = media_source(data, format, call)
        flags = {"loop": loop, "autoplay": autoplay, "muted": muted}
        tracks = _subtitles(subtitles, call)
        tag = _media_tag("video", src, flags, start, end, width=width, alt=alt, tracks=tracks)
    return add_static(
        [display_output({"text/html": tag, "text/plain": f"<video {what}>"}, element="video")]
    )
