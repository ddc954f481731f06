"""``st.datetime_input``, ``st.menu_button`` and the capture inputs through a real kernel."""

from __future__ import annotations

from jupyter_fragments.testing import KernelSession


def test_datetime_input_returns_a_naive_datetime_to_the_minute(
    app_session: KernelSession,
) -> None:
    app_session.run_cell(
        """%%app meeting
import datetime
import jupyter_fragments as st
tz = datetime.timezone(datetime.timedelta(hours=2))
meeting = st.datetime_input("Meeting", datetime.datetime(2025, 3, 1, 14, 30, 59, tzinfo=tz))
day = st.datetime_input("Day", datetime.date(2025, 3, 2), key="day")
empty = st.datetime_input("Later", None)
st.text(f"meeting={meeting!r}")
st.text(f"day={day!r} empty={empty!r}")
"""
    )
    app = app_session.app("meeting")
    assert app.exceptions == []
    assert "meeting=datetime.datetime(2025, 3, 1, 14, 30)" in app.text  # zone and seconds dropped
    assert "day=datetime.datetime(2025, 3, 2, 0, 0) empty=None" in app.text
    picker = app.widget("Meeting")
    assert picker.kind == "datetime_input"
    assert picker.model.kind == "NaiveDatetime"  # the model of NaiveDatetimePicker
    assert picker.state["min"]["year"] == 2015 and picker.state["max"]["year"] == 2035
    moment = {"year": 2025, "month": 5, "date": 9, "hours": 8, "minutes": 5}
    picker.set_value({**moment, "seconds": 0, "milliseconds": 0})
    assert "meeting=datetime.datetime(2025, 6, 9, 8, 5)" in app.text
    app_session.run_cell(
        "import datetime, jupyter_fragments as st\n"
        "st.session_state.day = datetime.datetime(2030, 1, 2, 3, 4)"
    )
    assert "day=datetime.datetime(2030, 1, 2, 3, 4)" in app.text


def test_datetime_input_bounds_and_mistakes(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app bounds
import datetime
import jupyter_fragments as st
when = st.datetime_input(
    "When", "2025-03-01 10:00", min_value=datetime.date(2025, 3, 1),
    max_value="2025-03-31 18:00", step=datetime.timedelta(minutes=30), format="DD.MM.YYYY",
)
st.text(f"when={when!r}")
for bad in (dict(value="soon"), dict(step=5), dict(format="YY"),
            dict(value="2025-01-01", min_value="2025-02-01")):
    try:
        st.datetime_input("Bad", **bad)
    except st.FragmentsAPIError as exc:
        st.text(f"error: {exc}")
"""
    )
    app = app_session.app("bounds")
    assert "when=datetime.datetime(2025, 3, 1, 10, 0)" in app.text
    picker = app.widget("When")
    assert picker.state["max"] == {
        "year": 2025, "month": 2, "date": 31, "hours": 18, "minutes": 0,
        "seconds": 0, "milliseconds": 0,
    }  # fmt: skip
    # a value past the bounds is held to them
    late = {"year": 2025, "month": 3, "date": 9, "hours": 8, "minutes": 0}
    picker.set_value({**late, "seconds": 0, "milliseconds": 0})
    assert "when=datetime.datetime(2025, 3, 31, 18, 0)" in app.text
    text = app.text
    assert "'soon'" in text and "step=5" in text and "format='YY'" in text
    assert "outside" in text
    assert text.count("Fix:") == 4


def test_menu_button_returns_the_choice_in_the_run_it_caused_only(
    app_session: KernelSession,
) -> None:
    # like st.button: the action is there in the run the choice caused, then gone
    app_session.run_cell(
        """%%app menu
import jupyter_fragments as st
log = st.session_state.setdefault("log", [])
formats = [{"name": "CSV"}, {"name": "JSON"}]
action = st.menu_button(
    "Export", formats, format_func=lambda f: f["name"], icon="📤", key="export",
    on_click=lambda: log.append("clicked"),
)
if action is not None:
    st.text(f"exporting {action['name']} (state={st.session_state.export['name']})")
st.text(f"action={action!r} log={log} ")
st.button("Refresh")
"""
    )
    app = app_session.app("menu")
    assert app.exceptions == []
    assert "action=None log=[]" in app.text
    menu = app.widget(key="export")
    assert menu.kind == "menu_button"
    assert menu.state["description"] == "📤 Export"
    assert menu.state["_options_labels"] == ["CSV", "JSON"]
    menu.select("JSON")
    assert "exporting JSON (state=JSON)" in app.text
    assert "action={'name': 'JSON'} log=['clicked']" in app.text
    assert menu.value is None  # the menu closes: nothing stays chosen
    app.button("Refresh").click()
    assert "exporting" not in app.text and "action=None" in app.text
    menu.select("JSON")  # the same action again is a new choice
    assert "exporting JSON" in app.text and "log=['clicked', 'clicked']" in app.text


def test_menu_button_is_refused_in_a_form(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app menuform
import jupyter_fragments as st
with st.form("f"):
    st.menu_button("Do", ["a"])
    st.form_submit_button()
""",
        raise_on_error=False,
    )
    shown = app_session.app("menuform").exceptions
    assert len(shown) == 1
    assert "st.menu_button('Do') cannot be used inside st.form('f')" in shown[0].evalue


def test_camera_and_audio_input_say_to_upload_instead(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app capture
import jupyter_fragments as st
for call in (lambda: st.camera_input("Photo"), lambda: st.audio_input("Voice")):
    try:
        call()
    except st.FragmentsAPIError as exc:
        st.text(f"error: {exc}")
"""
    )
    text = app_session.app("capture").text
    assert "st.camera_input('Photo') cannot take pictures here" in text
    assert "st.audio_input('Voice') cannot record here" in text
    assert "ipywebrtc" in text
    assert text.count("Fix:") == 2 and text.count("st.file_uploader(") == 2
