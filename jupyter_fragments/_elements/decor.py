"""Small page furniture: ``st.badge``, ``st.space``, ``st.logo`` and ``st.skeleton``.

Each is a static element whose HTML the kernel writes with every user text escaped.
"""

from __future__ import annotations

import os
import weakref
from typing import Any

import ipywidgets as widgets

from jupyter_fragments._elements._core import add_static, context
from jupyter_fragments._elements.handles import ElementHandle
from jupyter_fragments._elements.layout import Container, empty
from jupyter_fragments._elements.media import image_url
from jupyter_fragments._output.bundles import display_output, escape_html
from jupyter_fragments._output.urls import safe_url
from jupyter_fragments._runtime.context import RunContext
from jupyter_fragments.errors import FragmentsAPIError

# Streamlit's badge colours: (background, text)
_BADGE = {
    "red": ("rgba(255, 43, 43, 0.1)", "#bd4043"),
    "orange": ("rgba(255, 164, 33, 0.1)", "#e2660c"),
    "yellow": ("rgba(255, 255, 18, 0.1)", "#926c05"),
    "blue": ("rgba(28, 131, 225, 0.1)", "#0054a3"),
    "green": ("rgba(33, 195, 84, 0.1)", "#158237"),
    "violet": ("rgba(128, 61, 245, 0.1)", "#583f84"),
    "gray": ("rgba(49, 51, 63, 0.1)", "#31333f"),
    "grey": ("rgba(49, 51, 63, 0.1)", "#31333f"),
    "primary": ("rgba(255, 75, 75, 0.1)", "#ff4b4b"),
}
_SPACE = {
    "xxsmall": "0.25rem",
    "xsmall": "0.5rem",
    "small": "0.75rem",
    "medium": "2.5rem",
    "large": "4.25rem",
    "xlarge": "6rem",
    "xxlarge": "8rem",
}
_LOGO_HEIGHT = {"small": 20, "medium": 24, "large": 32}
# an SVG animation: no style sheet to add to the page, nothing for a text reader to show
_SHIMMER = (
    '<svg width="100%" height="100%" preserveAspectRatio="none" aria-hidden="true">'
    '<rect width="100%" height="100%" rx="8" fill="rgba(128,128,128,0.18)">'
    '<animate attributeName="opacity" values="1;0.45;1" dur="1.5s" repeatCount="indefinite"/>'
    "</rect></svg>"
)


def _icon_text(icon: str | None) -> str:
    """An emoji icon as HTML; a ``:material/name:`` icon has no font here and is left out."""
    if not icon or (icon.startswith(":material/") and icon.endswith(":")):
        return ""
    return escape_html(icon) + " "


def badge(
    label: str,
    *,
    icon: str | None = None,
    color: str = "blue",
    width: Any = "content",
    help: str | None = None,
) -> ElementHandle:
    """Show a small coloured label, like the markdown ``:blue-badge[label]``.

    Examples
    --------
    >>> st.badge("New")
    >>> st.badge("Success", icon="✅", color="green")
    """
    if color not in _BADGE:
        raise FragmentsAPIError(
            f"st.badge got color={color!r}. Fix: use one of {', '.join(_BADGE)}."
        )
    background, text = _BADGE[color]
    title = f' title="{escape_html(str(help))}"' if help else ""
    stretch = "display:block;" if width == "stretch" else "display:inline-block;"
    if isinstance(width, int) and not isinstance(width, bool):
        stretch = f"display:inline-block;width:{width}px;"
    markup = (
        f'<span class="jf-badge jf-badge-{color}"{title} style="{stretch}background:{background};'
        f"color:{text};padding:0.1em 0.5em;border-radius:0.5em;font-size:0.875em;"
        f'font-weight:500">{_icon_text(icon)}{escape_html(str(label))}</span>'
    )
    plain = f"{icon} {label}" if _icon_text(icon) else str(label)
    return add_static([display_output({"text/html": markup, "text/plain": plain}, element="badge")])


def space(size: Any = "small") -> ElementHandle:
    """Add space along the container's direction: a size name or a number of pixels.

    The names go from ``"xxsmall"`` to ``"xxlarge"``; ``"stretch"`` gives the smallest
    space a notebook's boxes leave room for. Space is vertical, and horizontal in an
    ``st.container(horizontal=True)``.

    Examples
    --------
    >>> st.space("medium")
    >>> st.space(40)
    """
    if isinstance(size, int) and not isinstance(size, bool) and size >= 0:
        length = f"{size}px"
    elif size == "stretch":
        length = _SPACE["small"]
    elif size in _SPACE:
        length = _SPACE[size]
    else:
        raise FragmentsAPIError(
            f"st.space got size={size!r}. Fix: use a number of pixels or one of "
            f"{', '.join([*_SPACE, 'stretch'])}."
        )
    ctx = context()
    across = ctx is not None and isinstance(ctx.block.box, widgets.HBox)
    style = f"width:{length};height:1px" if across else f"height:{length}"
    markup = f'<div class="jf-space" style="{style}"></div>'
    return add_static([display_output({"text/html": markup, "text/plain": ""}, element="space")])


# the placeholder each run's first st.logo made: a later call in the same run replaces it
_LOGOS: weakref.WeakKeyDictionary[RunContext, Container] = weakref.WeakKeyDictionary()


def _logo_markup(image: Any, size: str) -> str:
    height = _LOGO_HEIGHT[size]
    if isinstance(image, str) and not image.startswith(("http://", "https://", "data:")):
        if image.startswith(":material/") or not os.path.isfile(image):
            return f'<span style="font-size:{height}px;line-height:1">{_icon_text(image)}</span>'
    src = escape_html(image_url(image))
    return f'<img src="{src}" alt="logo" style="max-height:{height}px;display:block">'


def logo(
    image: Any,
    *,
    size: str = "medium",
    link: str | None = None,
    icon_image: Any = None,
) -> None:
    """Show the app's logo where it is called (at the top of the app when called first).

    ``image`` is anything ``st.image`` takes, or an emoji. The last call in a run wins;
    ``link`` (http or https) makes the logo a link. ``icon_image`` is accepted for
    Streamlit's signature: a notebook has no collapsed sidebar to show it in.

    Examples
    --------
    >>> st.logo("https://example.com/logo.png", link="https://example.com")
    """
    if size not in _LOGO_HEIGHT:
        raise FragmentsAPIError(
            f"st.logo got size={size!r}. Fix: use 'small', 'medium' or 'large'."
        )
    markup = _logo_markup(image, size)
    if link is not None:
        if not str(link).startswith(("http://", "https://")):
            raise FragmentsAPIError(
                f"st.logo got link={link!r}. Fix: pass an http:// or https:// URL."
            )
        href = escape_html(safe_url(str(link)))
        markup = f'<a href="{href}" target="_blank" rel="noopener noreferrer">{markup}</a>'
    output = display_output(
        {"text/html": f'<div class="jf-logo">{markup}</div>', "text/plain": "<logo>"},
        element="logo",
    )
    ctx = context()
    if ctx is None:
        add_static([output])
        return
    place = _LOGOS.get(ctx)
    if place is None:
        place = _LOGOS[ctx] = empty()
    with place:
        add_static([output])


class SkeletonPlaceholder:
    """What ``st.skeleton`` returns: a loading placeholder.

    Draw into it (``ph.dataframe(df)``) to replace it, as with ``st.empty()``; or use it
    as ``with st.skeleton():`` to show it while the block runs, and clear it after
    (what the block draws goes to the container around it).
    """

    def __init__(self, box: Container) -> None:
        self._box = box

    def __getattr__(self, name: str) -> Any:
        return getattr(self._box, name)

    def __enter__(self) -> SkeletonPlaceholder:
        return self

    def __exit__(self, *exc: object) -> None:
        self._box.empty()

    def empty(self) -> None:
        """Clear the placeholder."""
        self._box.empty()


def skeleton(height: Any = None, *, width: Any = "stretch") -> SkeletonPlaceholder:
    """Show an animated loading placeholder, replaced by what is drawn into it later.

    Examples
    --------
    >>> with st.skeleton(height=200):
    ...     df = load_data()  # slow
    >>> st.dataframe(df)
    >>> placeholder = st.skeleton()
    >>> placeholder.write("loaded")
    """
    if height is None:
        css_height = "2.5rem"
    elif isinstance(height, int) and not isinstance(height, bool) and height > 0:
        css_height = f"{height}px"
    elif height == "stretch":
        css_height = "100%;min-height:2.5rem"
    else:
        raise FragmentsAPIError(
            f"st.skeleton got height={height!r}. Fix: pass None, a number of pixels or 'stretch'."
        )
    css_width = f"{width}px" if isinstance(width, int) and not isinstance(width, bool) else "100%"
    markup = (
        f'<div class="jf-skeleton" role="progressbar" aria-label="Loading" '
        f'style="height:{css_height};width:{css_width}">{_SHIMMER}</div>'
    )
    output = display_output({"text/html": markup, "text/plain": "<loading>"}, element="skeleton")
    box = empty()
    with box:
        add_static([output])
    return SkeletonPlaceholder(box)
