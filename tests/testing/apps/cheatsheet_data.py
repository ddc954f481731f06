"""The data elements of Streamlit's app testing cheat sheet."""

import pandas as pd
import streamlit as st

st.dataframe(pd.DataFrame([1, 2, 3]))
st.metric("Sales", 9500, 1000)
st.metric("Temperature", "70 °F", "-1.2 °F")
st.json(["hi", {"foo": "bar"}])
st.table(pd.DataFrame({"name": ["a", "b"], "score": [1.5, 2.25]}))
