"""Streamlit 1.67's last parameters and identities, through a kernel: what a person sees.

Widgets without a key are told apart by their root container; fragment(func=);
color_picker and file_uploader widths and upload limits; dialog position and icon;
write_stream's cursor.
"""

from __future__ import annotations

from jupyter_fragments.testing import KernelSession


def _children_of_class(session: KernelSession, css_class: str) -> list[str]:
    for model in session.mirror.live():
        if css_class in (model.state.get("_dom_classes") or ()):
            return list(model.refs("children"))
    raise AssertionError(f"no model with class {css_class}")


RESET_APP = """%%app reset
import jupyter_fragments as st
st.session_state.setdefault("log", [])

@st.fragment
def side_panel():
    if st.checkbox("Verbose"):
        st.session_state.log.append("verbose in the sidebar")

with st.sidebar:
    if st.button("Reset"):
        st.session_state.log.append("sidebar")
    with st.expander("More"):
        st.checkbox("Details")
    side_panel()
if st.button("Reset"):
    st.session_state.log.append("main")
with st.expander("More"):
    st.checkbox("Details")
st.checkbox("Verbose")
st.text(f"log={st.session_state.log}")
"""


def test_same_label_in_sidebar_and_main_body_are_two_widgets(app_session: KernelSession) -> None:
    """The user's story: a "Reset" button in the sidebar and one in the main body (and
    the same in boxes and a fragment drawn in each)."""
    app_session.run_cell(RESET_APP)
    app = app_session.app("reset")
    assert app.exceptions == []
    assert "log=[]" in app.text
    resets = [w for w in app.widgets if w.label == "Reset"]
    assert len(resets) == 2
    sidebar = set(_children_of_class(app_session, "jf-sidebar"))
    side = next(w for w in resets if w.model_id in sidebar)
    main = next(w for w in resets if w.model_id not in sidebar)
    side.click()
    assert "log=['sidebar']" in app.text
    main.click()
    assert "log=['sidebar', 'main']" in app.text
    runs = app.runs
    app.fragment("side_panel").checkbox("Verbose").set_value(True)
    assert app.runs == runs  # the fragment's own rerun: its checkbox is the sidebar's
    main.click()
    # the sidebar's box stays ticked (it logs on every run), the main body's does not
    assert "Verbose: True\nReset\nMore\nDetails: False\nVerbose: False" in app.text
    verbose = "'verbose in the sidebar'"
    assert f"log=['sidebar', 'main', {verbose}, {verbose}, 'main']" in app.text
    assert app.exceptions == []


def test_same_label_twice_in_one_root_is_still_a_duplicate(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app twice
import jupyter_fragments as st
with st.sidebar:
    st.button("Reset")
    with st.container():
        st.button("Reset")
"""
    )
    text = app_session.app("twice").text
    assert "There are multiple button widgets with the same label 'Reset'" in text


def test_fragment_takes_func_by_keyword(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app kw
import jupyter_fragments as st

def counter():
    st.session_state.n = st.session_state.get("n", 0) + st.button("+1")
    st.text(f"n={st.session_state.n}")

st.fragment(func=counter)()
"""
    )
    app = app_session.app("kw")
    app.fragment("counter").button("+1").click()
    assert "n=1" in app.text and app.runs == 1


def _layout(session: KernelSession, model_id: str) -> dict[str, object]:
    return session.mirror[session.mirror[model_id].refs("layout")[0]].state


UPLOAD_APP = """%%app upload
import jupyter_fragments as st
color = st.color_picker("Color", "#ff0000", width=300)
files = st.file_uploader("Data", accept_multiple_files=True, max_upload_size=1, width=400)
st.text(f"got={[(f.name, f.size) for f in files]}")
"""


def test_upload_limit_refuses_big_files_and_says_so(app_session: KernelSession) -> None:
    app_session.run_cell(UPLOAD_APP)
    app = app_session.app("upload")
    color, upload = app.widget("Color"), app.widget("Data")
    assert _layout(app_session, color.model_id)["width"] == "300px"
    assert _layout(app_session, upload.model_id)["width"] == "400px"

    def picked(name: str, content: str) -> dict[str, object]:
        return {"name": name, "type": "text/csv", "size": len(content), "content": content,
                "last_modified": 0}  # fmt: skip

    small, big = picked("small.csv", "a,b\n"), picked("big.csv", "x" * (3 * 2**19))
    upload.set_value([small, big])
    assert "got=[('small.csv', 4)]" in app.text
    assert "big.csv is 1.5 MB, over the 1 MB this uploader takes: it was not uploaded." in app.text
    upload.set_value([small])
    assert "got=[('small.csv', 4)]" in app.text and "big.csv" not in app.text
    assert app.exceptions == []


def test_upload_limit_and_width_mistakes_are_clear(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app bad
import jupyter_fragments as st
for make in (lambda: st.file_uploader("a", max_upload_size=0),
             lambda: st.file_uploader("b", max_upload_size=True),
             lambda: st.file_uploader("c", width="content")):
    try:
        make()
    except st.FragmentsAPIError as exc:
        st.text(str(exc))
"""
    )
    text = app_session.app("bad").text
    assert text.count("Fix: pass a positive whole number of megabytes") == 2
    assert "which Streamlit's uploader does not take. Fix: pass 'stretch'" in text


DIALOG_APP = """%%app dlg
import jupyter_fragments as st

@st.dialog("Settings", position="right", icon="⚙️", dismissible=False, width=420)
def settings():
    if st.button("Save"):
        st.session_state.saved = True
        st.rerun()

if st.button("Save"):  # the same label in the main body: another widget
    st.session_state.saved = "main"
if st.button("Open"):
    settings()
st.text(f"saved={st.session_state.get('saved')}")
"""


def test_dialog_position_icon_width_and_no_close_button(app_session: KernelSession) -> None:
    app_session.run_cell(DIALOG_APP)
    app = app_session.app("dlg")
    app.button("Open").click()
    assert app.exceptions == []
    assert "⚙️ Settings" in app.text
    panel = next(
        m for m in app_session.mirror.live() if "jf-dialog" in m.state.get("_dom_classes", [])
    )
    layout = _layout(app_session, panel.model_id)
    assert layout["margin"] == "0.5em 0 0.5em auto" and layout["max_width"] == "420px"
    close = app_session.find_widget("✕", kind="Button")
    assert _layout(app_session, close.model_id)["display"] == "none"
    in_dialog = app.fragment("settings").button("Save")
    in_dialog.click()
    assert "saved=True" in app.text


def test_write_stream_cursor_follows_the_growing_text(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app stream
import jupyter_fragments as st

def answer(fail):
    yield ""
    yield "Hello"
    yield " world"
    if fail:
        raise RuntimeError("connection lost")

st.text(repr(st.write_stream(answer(False), cursor="▌")))
st.write_stream(answer(True), cursor=" ✍️")
"""
    )
    text = app_session.app("stream").text
    assert "Hello world\n'Hello world'" in text  # a finished stream: no cursor
    assert "Hello world ✍️" in text  # cut short while growing: the cursor stays
    assert "connection lost" in text
    assert "▌" not in text


def test_write_stream_without_cursor_shows_none(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app plain
import jupyter_fragments as st

def answer():
    yield "Hello"
    yield " world"
    raise RuntimeError("cut")

st.write_stream(answer())
"""
    )
    text = app_session.app("plain").text
    assert "Hello world\n" in text and "▌" not in text
