"""st.html, markdown with HTML, st.iframe, st.pdf and components.v1, as the frontend gets them."""

from __future__ import annotations

import html
from pathlib import Path

from outputs_support import bundles, data_url_bytes, one

from jupyter_fragments.testing import KernelSession


def test_html_is_sanitized_and_styles_stay(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app html
import jupyter_fragments as st
st.html(
    "<p style='color: teal' onclick='alert(1)'>Teal <b>bold</b></p>"
    "<script>alert(2)</script><img src=x onerror=alert(3)>"
    "<a href='javascript:alert(4)'>link</a><style>.x { color: red }</style>"
)
"""
    )
    app = app_session.app("html")
    assert app.exceptions == []
    markup = one(app_session, "html")["text/html"]
    assert '<p style="color: teal">Teal <b>bold</b></p>' in markup
    assert "<style>.x { color: red }</style>" in markup
    assert '<img src="x">' in markup
    for gone in ("script", "alert(2)", "onerror", "onclick", "javascript:"):
        assert gone not in markup, gone
    assert "Teal bold" in app.text


def test_html_from_files_and_objects(app_session: KernelSession, tmp_path: Path) -> None:
    (tmp_path / "card.html").write_text("<div class='card'>From a file</div>", encoding="utf-8")
    (tmp_path / "theme.css").write_text("h1 { color: navy }", encoding="utf-8")
    app_session.run_cell(
        f"""%%app files
import jupyter_fragments as st
from pathlib import Path

class Fancy:
    def _repr_html_(self):
        return "<i>from repr</i><script>alert(1)</script>"

st.html(Path({str(tmp_path / "card.html")!r}))
st.html(Path({str(tmp_path / "theme.css")!r}))
st.html(Fancy())
st.html("card.html")
"""
    )
    app = app_session.app("files")
    assert app.exceptions == []
    shown = [b["text/html"] for b in bundles(app_session, "html")]
    assert shown == [
        '<div class="card">From a file</div>',
        "<style>h1 { color: navy }</style>",
        "<i>from repr</i>",
        "card.html",  # a str is HTML, never a path (as in Streamlit 1.67)
    ]


def test_unsafe_allow_javascript_and_empty_html(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app js
import jupyter_fragments as st
st.html("<b id='t'>0</b><script>document.getElementById('t').innerText = 1</script>",
        unsafe_allow_javascript=True)
st.html("   ")
"""
    )
    app = app_session.app("js")
    markup = one(app_session, "html")["text/html"]
    assert "<script>document.getElementById('t').innerText = 1</script>" in markup
    [error] = app.exceptions
    assert "st.html got no content" in error.evalue and "Fix:" in error.evalue


def test_markdown_with_html_goes_through_the_sanitizer(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app md
import jupyter_fragments as st
st.markdown("<b onclick='steal()'>hi</b> and `<i>code</i>`\\n\\n> quoted",
            unsafe_allow_html=True)
st.markdown("[click](javascript:alert(1)) and [docs](https://example.com)")
st.markdown("<div style='color: red'>\\n\\n**red**\\n\\n</div>", unsafe_allow_html=True)
"""
    )
    app = app_session.app("md")
    assert app.exceptions == []
    first, second, third = (b["text/markdown"] for b in bundles(app_session, "markdown"))
    assert first.startswith("<b>hi</b> and <code>")
    assert "onclick" not in first and "<i>" not in first  # the code is text, not a tag
    assert "\n\n> quoted" in first  # still a blockquote
    assert second == "[click](#) and [docs](https://example.com)"
    assert third == '<div style="color: red">\n\n**red**\n\n</div>'
    assert "hi and <i>code</i>" in app.text


def test_iframe_loads_urls_and_sandboxes_html(app_session: KernelSession, tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text("<h1>Page file</h1>", encoding="utf-8")
    (tmp_path / "dot.png").write_bytes(b"\x89PNG\r\n\x1a\nfake")
    app_session.run_cell(
        f"""%%app frames
import jupyter_fragments as st
from pathlib import Path
st.iframe("https://example.com/embed", height=300, tab_index=2, alt="Example")
st.iframe("<h1>Hi</h1><script>parent.document.title = 'x'</script>")
st.iframe(Path({str(tmp_path / "page.html")!r}), width=400)
st.iframe(Path({str(tmp_path / "dot.png")!r}))
"""
    )
    app = app_session.app("frames")
    assert app.exceptions == []
    url, raw, page, image = (b["text/html"] for b in bundles(app_session, "iframe"))
    assert 'src="https://example.com/embed"' in url and "sandbox" not in url
    assert "height:300px" in url and 'tabindex="2"' in url and 'title="Example"' in url
    # HTML from the kernel runs scripts, but without access to the notebook's origin
    assert 'sandbox="allow-scripts' in raw and "allow-same-origin" not in raw
    assert 'srcdoc="&lt;h1&gt;Hi&lt;/h1&gt;&lt;script&gt;parent.document.title' in raw
    assert "height:150px" in raw
    assert 'srcdoc="&lt;h1&gt;Page file&lt;/h1&gt;"' in page and "width:400px" in page
    assert data_url_bytes(image) == b"\x89PNG\r\n\x1a\nfake"
    assert 'src="data:image/png;base64,' in image


def test_pdf_embeds_bytes_files_and_urls(app_session: KernelSession, tmp_path: Path) -> None:
    document = b"%PDF-1.4\n% a tiny document\n%%EOF\n"
    (tmp_path / "doc.pdf").write_bytes(document)
    app_session.run_cell(
        f"""%%app pdfs
import io
import jupyter_fragments as st
st.pdf({document!r}, height=300)
st.pdf(io.BytesIO({document!r}))
st.pdf({str(tmp_path / "doc.pdf")!r})
st.pdf("https://example.com/report.pdf", alt="Report")
"""
    )
    app = app_session.app("pdfs")
    assert app.exceptions == []
    raw, buffer, path, url = (b["text/html"] for b in bundles(app_session, "pdf"))
    for markup in (raw, buffer, path):
        assert 'type="application/pdf"' in markup
        assert data_url_bytes(markup, "data") == document
    assert "height:300px" in raw and "height:500px" in path
    assert 'data="https://example.com/report.pdf"' in url and 'aria-label="Report"' in url
    assert "Download the PDF" in app.text


def test_components_v1_html_iframe_and_declare_component(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app comps
import jupyter_fragments as st
import jupyter_fragments.components.v1 as components
st.components.v1.html("<button onclick='this.innerText = 2'>1</button>", height=60)
components.iframe("https://example.com", width=500, height=200, scrolling=True)
try:
    components.declare_component("my_component", path="frontend/build")
except st.FragmentsAPIError as exc:
    st.text(str(exc))
"""
    )
    app = app_session.app("comps")
    assert app.exceptions == []
    frame, page = (b["text/html"] for b in bundles(app_session, "iframe"))
    assert 'sandbox="allow-scripts' in frame and "allow-same-origin" not in frame
    assert html.escape("<button onclick='this.innerText = 2'>1</button>") in frame
    assert 'scrolling="no"' in frame and "height:60px" in frame and "width:100%" in frame
    assert 'src="https://example.com"' in page and "width:500px;height:200px" in page
    assert "scrolling" not in page
    text = app.text
    assert "declare_component('my_component') needs Streamlit's frontend" in text
    assert "st.widget" in text and "anywidget" in text


def test_containers_offer_the_new_elements_as_methods(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app boxes
import jupyter_fragments as st
left, right = st.columns(2)
left.html("<b>in the left column</b>")
left.badge("beta")
right.audio(b"RIFF....WAVEfmt ")
right.mermaid_chart("graph TD; a-->b")
with st.sidebar:
    st.iframe("https://example.com", height=100)
"""
    )
    app = app_session.app("boxes")
    assert app.exceptions == []
    assert "in the left column" in app.text and "beta" in app.text
    for element in ("html", "badge", "audio", "mermaid_chart", "iframe"):
        assert len(bundles(app_session, element)) == 1, element
