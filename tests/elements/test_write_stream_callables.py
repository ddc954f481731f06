"""``st.write_stream`` calls a chunk that is callable, as Streamlit 1.67's write_stream does
(streamlit/elements/write.py), so a stream can draw other elements between its texts."""

from __future__ import annotations

from jupyter_fragments.testing import KernelSession


def test_callable_chunks_are_called_in_order(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app stream_calls
import jupyter_fragments as st

def chunks():
    yield "before "
    yield lambda: st.info("drawn by a callable")
    yield "after"

result = st.write_stream(chunks())
st.text(f"returned={result!r}")
"""
    )
    text = app_session.app("stream_calls").text
    assert text.index("before") < text.index("drawn by a callable") < text.index("after")
    assert "returned='before after'" in text
