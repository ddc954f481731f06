"""pages/second.py of Streamlit's "Beyond the basics" multipage example."""

import streamlit as st

st.session_state.magic_word = st.session_state.get("magic_word", "Streamlit")

if st.session_state.magic_word == "Balloons":
    st.markdown(":balloon:")
