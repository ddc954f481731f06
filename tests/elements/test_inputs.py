"""New inputs through a real kernel: each returns what the harness set, typed as Streamlit's."""

from __future__ import annotations

import pytest

from jupyter_fragments.testing import KernelSession

INPUTS_APP = r"""%%app inputs
import datetime
import ipywidgets
import jupyter_fragments as st

values = {
    "radio": st.radio("radio", ["r1", "r2", 3], index=None),
    "multi": st.multiselect("multi", ["m1", "m2", "m3"], format_func=str.upper),
    "size": st.select_slider("size", ["S", "M", "L"]),
    "span": st.select_slider("span", [1, 2, 3, 4], value=(2, 3)),
    "day": st.date_input("day", datetime.date(2024, 7, 1)),
    "trip": st.date_input("trip", [datetime.date(2024, 7, 1)]),
    "time": st.time_input("time", datetime.time(7, 30)),
    "color": st.color_picker("color"),
    "download": st.download_button("Download", b"\x00\x01", file_name="x.bin"),
    "upload": st.file_uploader("upload", type="csv", accept_multiple_files=True),
    "when": st.slider("when", datetime.date(2024, 1, 1), datetime.date(2024, 1, 31),
                      (datetime.date(2024, 1, 5), datetime.date(2024, 1, 9))),
    "alarm": st.slider("alarm", value=datetime.time(8, 0)),
    "stars": st.feedback("stars", key="stars"),
    "raw": st.widget(ipywidgets.IntSlider(description="raw"), key="raw").value,
}
files = values["upload"]
for name, value in values.items():
    if name != "upload":
        st.text(f"{name}={value!r}")
st.text(f"upload={[(f.name, f.type, f.size, f.read()) for f in files]!r}")
"""


def _value(app_text: str, name: str) -> str:
    for line in app_text.splitlines():
        if line.startswith(f"{name}="):
            return line.split("=", 1)[1]
    raise AssertionError(f"no {name}= line in\n{app_text}")


def test_inputs_return_what_the_user_set(app_session: KernelSession) -> None:
    app_session.run_cell(INPUTS_APP)
    app = app_session.app("inputs")
    first = {
        "radio": "None",
        "multi": "[]",
        "size": "'S'",
        "span": "(2, 3)",
        "day": "datetime.date(2024, 7, 1)",
        "trip": "(datetime.date(2024, 7, 1),)",
        "time": "datetime.time(7, 30)",
        "color": "'#000000'",
        "download": "False",
        "when": "(datetime.date(2024, 1, 5), datetime.date(2024, 1, 9))",
        "alarm": "datetime.time(8, 0)",
        "stars": "None",
        "raw": "0",
        "upload": "[]",
    }
    for name, shown in first.items():
        assert _value(app.text, name) == shown, name
    assert app.exceptions == []

    steps = [
        (lambda: app.radio("radio").select("3"), "radio", "3"),
        (lambda: app.multiselect("multi").select(["M3", "M1"]), "multi", "['m3', 'm1']"),
        (lambda: app.select_slider("size").select("L"), "size", "'L'"),
        (lambda: app.select_slider("span").select(["1", "4"]), "span", "(1, 4)"),
        (
            lambda: app.widget("day").set_value({"year": 2025, "month": 0, "date": 15}),
            "day",
            "datetime.date(2025, 1, 15)",
        ),
        (
            lambda: app.widget("time").set_value(
                {"hours": 9, "minutes": 15, "seconds": 0, "milliseconds": 0}
            ),
            "time",
            "datetime.time(9, 15)",
        ),
        (lambda: app.widget("color").set_value("#00ff00"), "color", "'#00ff00'"),
        (
            lambda: app.slider("when").select(["2024-01-02", "2024-01-20"]),
            "when",
            "(datetime.date(2024, 1, 2), datetime.date(2024, 1, 20))",
        ),
        (lambda: app.slider("alarm").select("09:15:00"), "alarm", "datetime.time(9, 15)"),
        (lambda: app.widget(key="stars").select("⭐ 4"), "stars", "3"),
        (lambda: app.widget(key="raw").set_value(7), "raw", "7"),
    ]
    for act, name, shown in steps:
        hit = act()
        assert hit.error is None
        assert _value(app.text, name) == shown, name
    assert app.exceptions == []

    trip = app.widget("trip")
    end_picker = app_session.mirror[trip.model_id].refs("children")[1]
    app_session.set_value(end_picker, {"year": 2024, "month": 6, "date": 9})
    assert _value(app.text, "trip") == "(datetime.date(2024, 7, 1), datetime.date(2024, 7, 9))"

    upload = app.widget("upload")
    csv = {"name": "a.csv", "type": "text/csv", "size": 3, "content": "1,2", "last_modified": 0}
    png = {"name": "b.png", "type": "image/png", "size": 1, "content": "x", "last_modified": 0}
    upload.set_value([csv, png])
    assert _value(app.text, "upload") == "[('a.csv', 'text/csv', 3, b'1,2')]"
    # a rerun gets fresh file objects, read from the start
    app.widget("color").set_value("#0000ff")
    assert _value(app.text, "upload") == "[('a.csv', 'text/csv', 3, b'1,2')]"

    hit = app.widget("Download").click()
    assert hit.error is None
    assert _value(app.text, "download") == "True"
    app.widget("color").set_value("#000000")
    assert _value(app.text, "download") == "False"


def test_any_widget_keeps_its_first_instance_and_reruns_its_fragment(
    app_session: KernelSession,
) -> None:
    app_session.run_cell(
        """%%app anywidget
import ipywidgets
import jupyter_fragments as st

@st.fragment
def panel():
    box = st.widget(ipywidgets.Text(description="name"))  # a new instance every run
    st.text(f"hello {box.value}")

panel()
"""
    )
    app = app_session.app("anywidget")
    model_id = app.widget("name").model_id
    hit = app.widget("name").set_value("Ada")
    assert "hello Ada" in app.text
    assert app.widget("name").model_id == model_id
    assert app.runs == 1 and app.fragment("panel").runs == 2
    assert hit.comm_opens == hit.comm_closes  # the duplicate made by the rerun is closed


@pytest.mark.parametrize(
    "call",
    [
        "st.radio('r', ['a', 'b'], index=5)",
        "st.multiselect('m', ['a'], default=['z'])",
        "st.multiselect('m', ['a', 'b'], default=['a', 'b'], max_selections=1)",
        "st.select_slider('s', ['a', 'b'], value='z')",
        "st.select_slider('s', [])",
        "st.date_input('d', datetime.date(2024, 1, 1), min_value=datetime.date(2024, 2, 1))",
        "st.date_input('d', min_value=datetime.date(2024, 2, 1), max_value=datetime.date(2024, 1, 2))",  # noqa: E501
        "st.time_input('t', 'not a time')",
        "st.color_picker('c', 'red')",
        "st.slider('w', datetime.date(2024, 2, 1), datetime.date(2024, 1, 1))",
        "st.slider('w', datetime.date(2024, 1, 1), 5)",
        "st.feedback('hearts')",
        "st.file_uploader('f', type=[3])",
        "st.download_button('d', object())",
        "st.progress(150)",
        "st.status('s', state='done')",
        "st.widget('not a widget')",
        "st.line_chart({'a': [1]}, y='zzz')",
    ],
)
def test_invalid_arguments_say_how_to_fix_them(app_session: KernelSession, call: str) -> None:
    app_session.run_cell(f"%%app invalid\nimport datetime\nimport jupyter_fragments as st\n{call}")
    errors = app_session.app("invalid").exceptions
    assert [e.ename for e in errors] == ["FragmentsAPIError"], errors
    assert "Fix:" in errors[0].evalue
