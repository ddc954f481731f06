"""Streamlit's app testing cheat sheet, section by section, against apps run in a kernel.

The assertions are the cheat sheet's; where this package returns something else, the
test says so (and why) next to the line.
"""

from __future__ import annotations

import datetime

import pandas as pd
import pytest

from jupyter_fragments.testing import AppTest


def test_text_elements():
    at = AppTest.from_file("apps/cheatsheet_text.py").run()

    # Headers
    assert "My app" in at.title[0].value
    assert "New topic" in at.header[0].value
    assert "Interesting sub-topic" in at.subheader[0].value
    assert len(at.divider) == 2

    # Body / code
    assert "Hello, world!" in at.markdown[0].value
    assert "import streamlit as st" in at.code[0].value
    assert "A cool diagram" in at.caption[0].value
    assert "Hello again, world!" in at.text[0].value
    assert "\\int a x^2 \\,dx" in at.latex[0].value

    # each element is only of its own type
    assert at.markdown.values == ["Hello, world!"]
    assert at.code[0].language == "python"
    assert [h.tag for h in (at.title[0], at.header[0], at.subheader[0])] == ["h1", "h2", "h3"]


def test_input_widgets():
    at = AppTest.from_file("apps/cheatsheet_inputs.py").run()

    # button
    assert at.button[0].value == False  # noqa: E712 - the cheat sheet's own spelling
    at.button[0].click().run()
    assert at.button[0].value == True  # noqa: E712
    assert "clicked: `True`" in at.markdown[0].value

    # checkbox
    assert at.checkbox[0].value == False  # noqa: E712
    at.checkbox[0].check().run()  # uncheck() is also supported
    assert at.checkbox[0].value == True  # noqa: E712

    # color_picker: st.color_picker gives colors in lower case here
    assert at.color_picker[0].value == "#ffffff"
    at.color_picker[0].pick("#000000").run()
    assert at.color_picker[0].value == "#000000"

    # date_input
    assert at.date_input[0].value == datetime.date(2019, 7, 6)
    at.date_input[0].set_value(datetime.date(2022, 12, 21)).run()
    assert at.date_input[0].value == datetime.date(2022, 12, 21)
    assert "day: 2022-12-21" in at.markdown[2].value

    # multiselect
    assert at.multiselect[0].value == ["foo", "bar"]
    at.multiselect[0].select("baz").unselect("foo").run()
    assert at.multiselect[0].value == ["bar", "baz"]

    # number_input
    assert at.number_input[0].value == 5
    at.number_input[0].increment().run()
    assert at.number_input[0].value == 6

    # radio
    assert at.radio[0].value == "Bar"
    assert at.radio[0].index == 3
    at.radio[0].set_value("Foo").run()
    assert at.radio[0].value == "Foo"

    # selectbox
    assert at.selectbox[0].value == "Bar"
    assert at.selectbox[0].index == 3
    at.selectbox[0].set_value("Foo").run()
    assert at.selectbox[0].value == "Foo"


def test_slider_text_time_and_toggle_widgets():
    at = AppTest.from_file("apps/cheatsheet_inputs.py").run()

    # select_slider (a range is its own select_slider here: a widget keeps its kind)
    assert at.select_slider[0].value == "Feb"
    at.select_slider[0].set_value("Mar").run()
    at.select_slider[1].set_range("Apr", "Jun").run()
    assert at.select_slider[0].value == "Mar"
    assert at.select_slider[1].value == ("Apr", "Jun")

    # slider
    assert at.slider[0].value == 2
    at.slider[0].set_value(3).run()
    at.slider[1].set_range(4, 6).run()
    assert (at.slider[0].value, at.slider[1].value) == (3, (4, 6))

    # text_area
    assert at.text_area[0].value == "Hello, world!"
    at.text_area[0].set_value("Hello, yourself!").run()
    assert at.text_area[0].value == "Hello, yourself!"

    # text_input
    assert at.text_input[0].value == "Hello, world!"
    at.text_input[0].set_value("Hello, yourself!").run()
    assert at.text_input[0].value == "Hello, yourself!"

    # time_input
    assert at.time_input[0].value == datetime.time(8, 45)
    at.time_input[0].set_value(datetime.time(12, 30)).run()
    assert at.time_input[0].value == datetime.time(12, 30)
    at.time_input[0].increment().run()
    assert at.time_input[0].value == datetime.time(12, 45)

    # toggle
    assert at.toggle[0].value == False  # noqa: E712
    assert at.toggle[0].label == "Debug mode"
    at.toggle[0].set_value(True).run()
    assert at.toggle[0].value == True  # noqa: E712
    assert "debug: `True`" in at.markdown[-1].value


def test_data_elements():
    at = AppTest.from_file("apps/cheatsheet_data.py").run()

    # dataframe
    expected_df = pd.DataFrame([1, 2, 3])
    assert at.dataframe[0].value.equals(expected_df)

    # metric
    assert at.metric[0].value == "9500"
    assert at.metric[0].delta == "1000"
    assert at.metric[0].label == "Sales"
    assert (at.metric[1].value, at.metric[1].delta) == ("70 °F", "-1.2 °F")

    # json
    assert at.json[0].value == '["hi", {"foo": "bar"}]'


def test_table_is_not_a_dataframe():
    at = AppTest.from_file("apps/cheatsheet_data.py").run()

    # table
    table_df = pd.DataFrame({"name": ["a", "b"], "score": [1.5, 2.25]})
    assert at.table[0].value.equals(table_df)
    assert len(at.dataframe) == 1


def test_layouts_and_containers():
    at = AppTest.from_file("apps/cheatsheet_layout.py").run()

    # sidebar
    at.sidebar.text_input[0].set_value("Jane Doe").run()
    assert at.sidebar.markdown[0].value == "Hi Jane Doe"
    assert not at.main.text_input

    # columns
    assert at.columns[1].markdown[0].value == "Hello, world!"
    assert [c.weight for c in at.columns] == pytest.approx([2 / 3, 1 / 3])

    # tabs
    assert at.tabs[2].markdown[0].value == "Hello, yourself!"
    assert [t.label for t in at.tabs] == ["One", "Two", "Three"]

    # expander
    assert at.expander[0].label == "Details"
    assert at.expander[0].markdown[0].value == "Hidden until opened"

    # elements are in page order, whatever order the code drew them in
    assert at.button[0].label == "B"
    assert at.button[1].label == "A"

    # keyed widgets
    assert at.button(key="submit").label == "Next"
    assert at.button("cancel").label == "Back"


def test_status_elements():
    at = AppTest.from_file("apps/cheatsheet_status.py").run()

    # exception
    assert len(at.exception) == 1
    assert "unsupported operand" in at.exception[0].value
    assert at.exception[0].ename == "TypeError"

    # Other in-line alerts: success, info, warning, error
    assert at.success[0].value == "Great job!"
    assert at.info[0].value == "Please enter an API key to continue"
    assert at.warning[0].value == "Sorry, the passwords didn't match"
    assert at.error[0].value == "Something went wrong :("

    # toast
    assert at.toast[0].value == "That was lit!" and at.toast[0].icon == "🔥"

    # status
    assert at.status[0].label == "Download complete!"
    assert at.status[0].state == "complete"
    assert at.status[0].markdown[0].value == "Searching for data..."
