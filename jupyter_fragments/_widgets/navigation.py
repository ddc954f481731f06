"""Page buttons of a multipage app: the items of ``st.navigation``'s menu and ``st.page_link``.

A page button is a button whose click opens its page (through a callback, before the full
rerun the click causes); the page showing now is drawn as the primary button.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from jupyter_fragments._page.pool import ModelPool
from jupyter_fragments._widgets.base import Params, label_classes
from jupyter_fragments._widgets.buttons import ButtonKind


class PageButtonKind(ButtonKind):
    """``st.page_link``: a button that opens a page of the app."""

    name = "page_link"
    extra_classes = ("jf-page-link",)

    def identity(self, params: Params) -> tuple[Any, ...]:
        # the page and which of this run's links to it (the same link may be drawn twice)
        return (params.get("url_path"), params.get("occurrence", 0))

    def traits(self, label: str, params: Params) -> dict[str, Any]:
        current = bool(params.get("current"))
        extra = (*self.extra_classes, *(("jf-current-page",) if current else ()))
        return {
            "description": label,
            "tooltip": params.get("help") or None,
            "disabled": bool(params.get("disabled", False)),
            "_dom_classes": label_classes(params, extra),
            "button_style": "primary" if current else "",
        }

    def create(self, label: str, params: Params, value: Any, pool: ModelPool) -> widgets.DOMWidget:
        return widgets.Button(
            layout=pool.layout(),
            style=pool.style(widgets.ButtonStyle),
            **self.traits(label, params),
        )


class NavigationItemKind(PageButtonKind):
    """An item of ``st.navigation``'s menu (and its "View more" toggle)."""

    name = "navigation"
    extra_classes = ("jf-nav-item",)


PAGE_LINK = PageButtonKind()
NAVIGATION_ITEM = NavigationItemKind()
