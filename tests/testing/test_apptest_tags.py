"""What the kernel's element tags give AppTest: values the drawn text alone cannot.

A success box whose body starts with an emoji, a toast without an icon, a progress bar's
percent, a code block's language and a table's typed cells are read exactly.
"""

from __future__ import annotations

import pandas as pd

from jupyter_fragments.testing import AppTest

APP = """
import streamlit as st

st.success("🎉 **All** done")
st.toast("🔥 hot")
st.progress(0.42, text="Loading")
st.code("SELECT 1", language="sql")
st.metric("Empty", None)
st.table({"when": ["mon", "tue"], "n": [3, 4]})
st.dataframe({"x": [1]})
st.dataframe({"y": [2.5]}, on_select="rerun", key="picked")
"""


def test_tagged_elements_read_exactly():
    at = AppTest.from_string(APP).run()

    assert (at.success[0].value, at.success[0].icon) == ("🎉 **All** done", "")
    assert (at.toast[0].value, at.toast[0].icon) == ("🔥 hot", "")
    assert at.get("progress")[0].value == 42
    assert (at.code[0].value, at.code[0].language) == ("SELECT 1", "sql")
    assert (at.metric[0].label, at.metric[0].value, at.metric[0].delta) == ("Empty", "—", "")
    assert at.table[0].value.equals(pd.DataFrame({"when": ["mon", "tue"], "n": [3, 4]}))
    assert len(at.table) == 1
    assert [frame.to_dict("list") for frame in at.dataframe.values] == [{"x": [1]}, {"y": [2.5]}]


CHOICES = """
import streamlit as st

size = st.selectbox("Size", [1, 2, 3], index=1, format_func=lambda n: f"{n} kg")
st.write(f"size + 1 = {size + 1}")
st.radio("None yet", [10, 20], index=None)
st.multiselect("Pairs", [(1, 2), (3, 4)], default=[(3, 4)])
st.select_slider("Range", options=[0, 5, 10], value=(0, 10))
"""


def test_choice_widgets_give_the_options_not_their_labels():
    at = AppTest.from_string(CHOICES).run()

    assert at.selectbox[0].value == 2
    assert at.selectbox[0].options == ["1 kg", "2 kg", "3 kg"]
    assert at.radio[0].value is None
    assert at.multiselect[0].value == [(3, 4)]
    assert at.select_slider[0].value == (0, 10)

    at.selectbox[0].select("3 kg").run()
    at.multiselect[0].select("(1, 2)").run()
    assert at.selectbox[0].value == 3
    assert at.markdown[0].value == "size + 1 = 4"
    assert at.multiselect[0].value == [(3, 4), (1, 2)]


def test_the_snapshot_keeps_input_values_small():
    from jupyter_fragments._runtime.snapshot import input_value

    assert input_value([1, "a"]) == {"value": [1, "a"]}
    assert input_value((1, 2)) == {"repr": "(1, 2)"}  # a tuple is no JSON list
    big = input_value(list(range(10_000)))
    assert "..." in big["repr"] and len(big["repr"]) < 200
    assert len(input_value("x" * 100_000)["repr"]) < 300
