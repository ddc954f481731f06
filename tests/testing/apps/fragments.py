"""A page with a fragment (Streamlit's fragment docs): its inputs rerun only it."""

import streamlit as st

st.session_state.full_runs = st.session_state.get("full_runs", 0) + 1
st.title("Fragments")
st.markdown(f"full runs: {st.session_state.full_runs}")


@st.fragment
def counter():
    if st.button("+1"):
        st.session_state.count = st.session_state.get("count", 0) + 1
    st.markdown(f"count: {st.session_state.get('count', 0)}")


counter()
mood = st.selectbox("Mood", ["calm", "busy"])
st.markdown(f"mood: {mood}")
