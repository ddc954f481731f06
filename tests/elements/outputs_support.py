"""What the frontend holds for the elements of the apps alive in a test's kernel."""

from __future__ import annotations

import base64
import re
from typing import Any

from jupyter_fragments.testing import KernelSession


def bundles(session: KernelSession, element: str | None = None) -> list[dict[str, Any]]:
    """The mime bundles of every live element output, or of those ``element`` drew.

    Each bundle is the output's ``data``, with strings joined, and its metadata under
    ``"metadata"``.
    """
    found = []
    for model in session.mirror.live():
        if model.kind != "Output":
            continue
        for out in model.state.get("outputs", []):
            if out.get("output_type") != "display_data":
                continue
            meta = out.get("metadata") or {}
            tag = (meta.get("jupyter_fragments") or {}).get("element")
            if element is not None and tag != element:
                continue
            data = {
                mime: "".join(value) if isinstance(value, list) else value
                for mime, value in out.get("data", {}).items()
            }
            found.append({**data, "metadata": meta})
    return found


def one(session: KernelSession, element: str) -> dict[str, Any]:
    """The one bundle ``element`` drew (fails listing what there is otherwise)."""
    found = bundles(session, element)
    assert len(found) == 1, (element, [sorted(b) for b in bundles(session)])
    return found[0]


def data_url_bytes(markup: str, attribute: str = "src") -> bytes:
    """The bytes of the first ``data:...;base64,`` URL in ``attribute`` of ``markup``."""
    match = re.search(rf'{attribute}="data:[^;"]+;base64,([^"#]+)', markup)
    assert match is not None, markup[:300]
    return base64.b64decode(match.group(1))


def in_page_order(session: KernelSession, model_id: str) -> list[dict[str, Any]]:
    """The bundles inside ``model_id`` (an app's ``model_id``), in the order of the page."""
    model = session.mirror.get(model_id)
    if model is None or model.closed:
        return []
    found: list[dict[str, Any]] = []
    for out in model.state.get("outputs", []):
        data = out.get("data", {})
        view = data.get("application/vnd.jupyter.widget-view+json")
        if isinstance(view, dict):
            found += in_page_order(session, str(view["model_id"]))
        elif out.get("output_type") == "display_data":
            found.append({**data, "metadata": out.get("metadata") or {}})
    if "children" in model.state:
        for child in model.refs("children"):
            found += in_page_order(session, child)
    return found
