"""Element handles: ``x = st.text("a"); x.text("b")`` replaces that element in place."""

from __future__ import annotations

from outputs_support import in_page_order

from jupyter_fragments.testing import KernelSession


def _plain(bundle: dict[str, object]) -> str:
    return str(bundle.get("text/plain", ""))


def _shown(session: KernelSession, app_name: str) -> list[str]:
    """The plain text of every element of the app, in page order."""
    return [_plain(b) for b in in_page_order(session, session.app(app_name).model_id)]


def _output_of(session: KernelSession, text: str) -> str:
    """The id of the one live Output model showing ``text``."""
    found = [
        model.model_id
        for model in session.mirror.live()
        if model.kind == "Output"
        and any(text in str(o.get("data", {})) for o in model.state.get("outputs", []))
    ]
    assert len(found) == 1, (text, found)
    return found[0]


def test_a_handle_replaces_its_element_between_its_neighbours(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app handles
import jupyter_fragments as st
st.text("above")
x = st.text("first")
st.text("below")
y = x.markdown("**second**")
y.text("third")
"""
    )
    assert _shown(app_session, "handles") == ["above", "third", "below"]


def test_a_replacement_from_a_fragment_updates_one_model_only(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app inplace
import jupyter_fragments as st
st.text("above")
status = st.text("waiting")
st.text("below")

@st.fragment
def controls():
    if st.button("go"):
        status.success("done")

controls()
"""
    )
    app = app_session.app("inplace")
    status = _output_of(app_session, "waiting")
    neighbours = {_output_of(app_session, "above"), _output_of(app_session, "below")}
    hit = app.button("go").click()
    assert hit.error is None
    assert _output_of(app_session, "done") == status  # the same Output, new content
    assert hit.updated_models == {status}  # no box's children
    assert not (hit.updated_models & neighbours)
    assert hit.outputs_updates == 1 and hit.comm_opens == 0 and hit.comm_closes == 0
    assert "waiting" not in app.text and "above" in app.text and "below" in app.text


def test_a_handle_takes_any_element_and_can_be_cleared(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app kinds
import jupyter_fragments as st
slot = st.text("placeholder")
picked = slot.button("now a button")
note = st.info("saved")
note.empty()
with st.text("to be replaced") as inside:
    st.write("one")
    st.write("two")
st.text("end")
"""
    )
    app = app_session.app("kinds")
    assert app.button("now a button") is not None
    assert "placeholder" not in app.text and "saved" not in app.text
    assert "two" in app.text and "one" not in app.text and "to be replaced" not in app.text
    assert app.text.rstrip().endswith("end")


def test_a_handle_in_a_placeholder_and_a_stale_handle(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app stale
import jupyter_fragments as st
box = st.empty()
x = box.text("a")
x.text("b")
if "old" in st.session_state:
    try:
        st.session_state.old.text("again")
    except st.FragmentsAPIError as error:
        st.text(str(error))
st.session_state.old = st.text("kept")
st.button("rerun")
"""
    )
    app = app_session.app("stale")
    assert "b" in _shown(app_session, "stale")
    app.button("rerun").click()
    assert "no longer on the page" in app.text and "Fix:" in app.text


def test_outside_apps_a_handle_shows_nothing_itself(app_session: KernelSession) -> None:
    result = app_session.run_cell("import jupyter_fragments as st\nst.text('plain cell')")
    assert result.value_text is None
    texts = [o["data"].get("text/plain") for o in result.outputs if "data" in o]
    assert texts == ["plain cell"]


def test_handles_need_a_running_app(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app gone
import jupyter_fragments as st
st.session_state.handle = st.text("drawn")
"""
    )
    result = app_session.run_cell(
        "import jupyter_fragments as st\nst.session_state.handle.text('later')",
        raise_on_error=False,
    )
    assert result.error is not None and result.error.ename == "NoAppError"
    assert "Fix:" in result.error.evalue
