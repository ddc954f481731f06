"""Pills, segmented controls, pagination and feedback through a real kernel.

What a person sees (a row of toggle buttons) and what each call returns, as Streamlit's.
"""

from __future__ import annotations

from jupyter_fragments.testing import KernelSession

PREV, NEXT = "\u2039", "\u203a"  # the arrows around the page numbers


def _buttons(session: KernelSession, row_id: str) -> dict[str, str]:
    """The toggle buttons of a multi-selection row: label -> model id."""
    children = session.mirror[row_id].refs("children")
    found = {}
    for child in children:
        model = session.mirror[child]
        if model.kind == "ToggleButton":
            found[str(model.state["description"])] = child
    return found


def test_pills_choose_one_option_and_return_it(app_session: KernelSession) -> None:
    # a person picks a mood; the app gets the option object itself, not its label
    app_session.run_cell(
        """%%app mood
import jupyter_fragments as st
moods = [("happy", 3), ("meh", 2), ("sad", 1)]
mood = st.pills("Mood", moods, format_func=lambda m: m[0].title())
view = st.segmented_control("View", ["Table", "Chart"], default="Chart", key="view")
st.text(f"mood={mood!r} view={view!r} state={st.session_state.view!r}")
"""
    )
    app = app_session.app("mood")
    assert app.exceptions == []
    assert "mood=None view='Chart' state='Chart'" in app.text
    pills = app.widget("Mood")
    assert pills.kind == "pills"
    assert pills.state["_options_labels"] == ["Happy", "Meh", "Sad"]
    assert "jf-pills" in pills.state["_dom_classes"]
    pills.select("Meh")
    assert "mood=('meh', 2)" in app.text
    assert pills.value == "Meh"
    control = app.widget(key="view")
    assert control.kind == "segmented_control"
    assert "jf-segmented-control" in control.state["_dom_classes"]
    control.select("Table")
    assert "view='Table' state='Table'" in app.text


def test_multi_pills_are_one_toggle_button_per_option(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app tags
import jupyter_fragments as st
calls = st.session_state.setdefault("calls", [])
tags = st.pills(
    "Tags", ["red", "green", "blue"], selection_mode="multi", default=["blue"],
    on_change=lambda: calls.append("changed"),
)
st.text(f"tags={tags!r} calls={len(calls)}")
"""
    )
    app = app_session.app("tags")
    assert app.exceptions == []
    assert "tags=['blue'] calls=0" in app.text
    row = app.widget("Tags")
    buttons = _buttons(app_session, row.model_id)
    assert list(buttons) == ["red", "green", "blue"]
    assert app_session.mirror[buttons["blue"]].state["value"] is True

    hit = app_session.click(buttons["red"])
    assert hit.error is None
    assert "tags=['red', 'blue'] calls=1" in app.text  # in the order of the options
    app_session.click(buttons["blue"])  # a second click takes the option back
    assert "tags=['red'] calls=2" in app.text
    assert app_session.mirror[buttons["blue"]].state["value"] is False
    assert app.runs == 3


def test_button_group_mistakes_say_how_to_fix_them(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app groupbad
import jupyter_fragments as st
for call in (
    lambda: st.pills("a", ["x"], selection_mode="many"),
    lambda: st.pills("b", ["x"], selection_mode="multi", required=True),
    lambda: st.segmented_control("c", ["x"], default="y"),
    lambda: st.pagination(0),
    lambda: st.pagination(3, default=4),
):
    try:
        call()
    except st.FragmentsAPIError as exc:
        st.text(f"error: {exc}")
"""
    )
    text = app_session.app("groupbad").text
    assert "selection_mode='many'" in text
    assert "required=True with selection_mode='multi'" in text
    assert "default value 'y'" in text
    assert "num_pages=0" in text
    assert "default=4, past the last page" in text
    assert text.count("Fix:") == 5


def test_pagination_steps_through_pages_with_arrows_and_numbers(
    app_session: KernelSession,
) -> None:
    app_session.run_cell(
        """%%app pages
import jupyter_fragments as st
page = st.pagination(20, key="page")
st.text(f"page={page!r} {type(page).__name__}")
"""
    )
    app = app_session.app("pages")
    assert "page=1 int" in app.text
    pages = app.widget(key="page")
    assert pages.kind == "pagination"
    assert pages.state["_options_labels"] == [PREV, "1", "2", "3", "4", "5", "…", "20", NEXT]
    assert pages.value == "1"
    pages.select(NEXT)
    assert "page=2 int" in app.text
    assert pages.value == "2"
    pages.select("20")
    assert "page=20" in app.text
    # the window follows the page shown: first and last stay in sight
    assert pages.state["_options_labels"] == [PREV, "1", "…", "16", "17", "18", "19", "20", NEXT]
    pages.select(NEXT)  # past the last page stays on it
    assert "page=20" in app.text
    pages.select(PREV)
    assert "page=19" in app.text
    app_session.run_cell("import jupyter_fragments as st\nst.session_state.page = 10")
    assert "page=10" in app.text
    assert pages.state["_options_labels"] == [PREV, "1", "…", "9", "10", "11", "…", "20", NEXT]
    assert pages.value == "10"


def test_feedback_returns_streamlit_ratings(app_session: KernelSession) -> None:
    # Streamlit shows thumbs up first and returns 1 for it; faces start from a default
    app_session.run_cell(
        """%%app rate
import jupyter_fragments as st
thumbs = st.feedback("thumbs", key="thumbs")
faces = st.feedback("faces", default=2, key="faces")
st.text(f"thumbs={thumbs!r} faces={faces!r}")
"""
    )
    app = app_session.app("rate")
    assert "thumbs=None faces=2" in app.text
    thumbs = app.widget(key="thumbs")
    assert thumbs.state["_options_labels"] == ["👍", "👎"]
    thumbs.select("👍")
    assert "thumbs=1" in app.text
    thumbs.select("👎")
    assert "thumbs=0" in app.text
    assert app.widget(key="faces").value == "😐"
