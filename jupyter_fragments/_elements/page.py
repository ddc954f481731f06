"""The page as a whole: ``st.set_page_config`` (the main area's width, the sidebar)."""

from __future__ import annotations

from typing import Any

from jupyter_fragments._elements._core import context
from jupyter_fragments.errors import FragmentsAPIError


def set_page_config(
    page_title: str | None = None,
    page_icon: Any = None,
    layout: str = "centered",
    initial_sidebar_state: str = "auto",
    menu_items: Any = None,
) -> None:
    """Configure the app's page, as far as a notebook has one.

    ``layout="centered"`` (Streamlit's default) keeps the main area at a readable width;
    ``"wide"`` uses the cell's full width. ``initial_sidebar_state="collapsed"`` hides
    the sidebar. A notebook has no browser tab of its own, so ``page_title``,
    ``page_icon`` and ``menu_items`` are accepted and have no effect. Outside an app
    the call does nothing.

    Examples
    --------
    >>> st.set_page_config(page_title="Sales", layout="wide")
    """
    if layout not in ("centered", "wide"):
        raise FragmentsAPIError(
            f"st.set_page_config(layout={layout!r}) is not supported. "
            "Fix: use 'centered' or 'wide'."
        )
    if initial_sidebar_state not in ("auto", "expanded", "collapsed"):
        raise FragmentsAPIError(
            f"st.set_page_config(initial_sidebar_state={initial_sidebar_state!r}) is not "
            "supported. Fix: use 'auto', 'expanded' or 'collapsed'."
        )
    ctx = context()
    if ctx is not None:
        ctx.app.configure_page(wide=layout == "wide", sidebar=initial_sidebar_state != "collapsed")
