"""The layouts and containers of Streamlit's app testing cheat sheet."""

import streamlit as st

name = st.sidebar.text_input("Name")
st.sidebar.markdown(f"Hi {name or 'stranger'}")

left, right = st.columns([2, 1])
left.markdown("Left side")
right.markdown("Hello, world!")

first, second, third = st.tabs(["One", "Two", "Three"])
with first:
    st.markdown("First tab")
with third:
    st.markdown("Hello, yourself!")

with st.expander("Details"):
    st.markdown("Hidden until opened")

top = st.container()
bottom = st.container()
bottom.button("A")
top.button("B")

st.button("Next", key="submit")
st.button("Back", key="cancel")
