"""URLs that user code puts into links and images, made safe to put on the page."""

from __future__ import annotations

_SAFE_SCHEMES = ("http://", "https://", "mailto:", "data:image/", "/", "./", "../", "#", "?")


def safe_url(url: str) -> str:
    """``url`` if it cannot run script (no ``javascript:``), else ``"#"``."""
    text = str(url).strip()
    if text.lower().startswith(_SAFE_SCHEMES) or ":" not in text.split("/")[0]:
        return text
    return "#"
