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
"""


def test_tagged_elements_read_exactly():
    at = AppTest.from_string(APP).run()

    assert (at.success[0].value, at.success[0].icon) == ("🎉 **All** done", "")
    assert (at.toast[0].value, at.toast[0].icon) == ("🔥 hot", "")
    assert at.get("progress")[0].value == 42
    assert (at.code[0].value, at.code[0].language) == ("SELECT 1", "sql")
    assert (at.metric[0].label, at.metric[0].value, at.metric[0].delta) == ("Empty", "—", "")
    assert at.table[0].value.equals(pd.DataFrame({"when": ["mon", "tue"], "n": [3, 4]}))
    assert len(at.dataframe) == 1 and len(at.table) == 1
