"""An app that raises once its input says so; the rest of the page stays."""

import streamlit as st

st.title("Divider")
divisor = st.number_input("Divide by", value=1)
st.markdown(f"100 / {divisor} = {100 / divisor}")
st.caption("shown before the crash only")
