"""URLs that user code puts into links and images, made safe to put on the page."""

from __future__ import annotations

import html
import re

_SAFE_SCHEMES = ("http://", "https://", "mailto:", "data:image/", "/", "./", "../", "#", "?")
_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")


def safe_url(url: str) -> str:
    """``url`` if it cannot run script (no ``javascript:``), else ``"#"``."""
    text = str(url).strip()
    if text.lower().startswith(_SAFE_SCHEMES) or ":" not in text.split("/")[0]:
        return text
    return "#"


def is_safe_link(destination: str) -> bool:
    """Whether a markdown link destination, as a browser will read it, is safe.

    Markdown decodes backslash escapes and entities in destinations, and browsers drop
    tabs, newlines and control characters from URLs: ``java&#9;script\\:`` is
    ``javascript:`` by the time it is followed.
    """
    text = destination.strip()
    if text.startswith("<") and text.endswith(">"):
        text = text[1:-1]
    text = _INVISIBLE.sub("", html.unescape(_ESCAPED.sub(r"\1", text)))
    return safe_url(text) == text
