"""st.badge, st.space, st.logo and st.skeleton as the page shows them."""

from __future__ import annotations

import base64

from outputs_support import bundles, in_page_order, one

from jupyter_fragments.testing import KernelSession


def test_badges_and_space(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app furniture
import jupyter_fragments as st
st.badge("New")
st.badge("Done", icon="✅", color="green", help="all <good>")
st.badge("Plain", icon=":material/check:", color="grey", width=120)
st.space("medium")
st.space(40)
with st.container(horizontal=True):
    st.text("left")
    st.space("large")
    st.text("right")
try:
    st.badge("x", color="pink")
except st.FragmentsAPIError as exc:
    st.text(str(exc))
"""
    )
    app = app_session.app("furniture")
    assert app.exceptions == []
    new, done, plain = (b["text/html"] for b in bundles(app_session, "badge"))
    assert "jf-badge-blue" in new and ">New</span>" in new
    assert "color:#0054a3" in new and "display:inline-block" in new
    assert 'title="all &lt;good&gt;"' in done and ">✅ Done</span>" in done
    assert ">Plain</span>" in plain and "width:120px" in plain  # no font for Material icons
    medium, pixels, across = (b["text/html"] for b in bundles(app_session, "space"))
    assert 'style="height:2.5rem"' in medium and 'style="height:40px"' in pixels
    assert 'style="width:4.25rem;height:1px"' in across  # along the row
    assert "New" in app.text and "✅ Done" in app.text
    assert "st.badge got color='pink'. Fix: use one of red, orange" in app.text


def test_logo_is_drawn_where_called_and_the_last_call_wins(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app logos
import io
import jupyter_fragments as st
from PIL import Image
buffer = io.BytesIO()
Image.new("RGB", (4, 2), "red").save(buffer, format="PNG")
st.logo("https://example.com/first.png")
st.title("Shop")
st.logo(buffer.getvalue(), size="large", link="https://example.com")
try:
    st.logo("🛒", link="javascript:alert(1)")
except st.FragmentsAPIError as exc:
    st.text(str(exc))
"""
    )
    app = app_session.app("logos")
    assert app.exceptions == []
    markup = one(app_session, "logo")["text/html"]  # the second call replaced the first
    assert '<a href="https://example.com" target="_blank" rel="noopener noreferrer">' in markup
    assert "max-height:32px" in markup
    payload = markup.split('src="data:image/png;base64,')[1].split('"')[0]
    assert base64.b64decode(payload).startswith(b"\x89PNG")
    assert "first.png" not in markup
    assert "st.logo got link='javascript:alert(1)'. Fix: pass an http:// or https:// URL" in (
        app.text
    )
    # drawn where it was first called: above the title
    texts = [b.get("text/plain") for b in in_page_order(app_session, app.model_id)]
    assert texts.index("<logo>") < texts.index("Shop")


def test_skeleton_standalone_and_as_a_context_manager(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app loading
import jupyter_fragments as st
placeholder = st.skeleton(height=120)
st.text("below")
with st.skeleton():
    st.text("drawn while loading")
placeholder.text("loaded")
later = st.skeleton(width=300)
"""
    )
    app = app_session.app("loading")
    assert app.exceptions == []
    [left] = bundles(app_session, "skeleton")  # the first was replaced, the second cleared
    assert 'class="jf-skeleton"' in left["text/html"] and "width:300px" in left["text/html"]
    assert "height:2.5rem" in left["text/html"] and "<animate " in left["text/html"]
    assert app.text.splitlines() == ["loaded", "below", "drawn while loading"]
