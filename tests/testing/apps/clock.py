"""A live panel: a fragment with run_every, ticking on its own."""

import streamlit as st

st.title("Live")


@st.fragment(run_every=0.2)
def clock():
    st.session_state.ticks = st.session_state.get("ticks", 0) + 1
    st.metric("Ticks", st.session_state.ticks)


clock()
