"""The status elements of Streamlit's app testing cheat sheet."""

import streamlit as st

st.success("Great job!")
st.info("Please enter an API key to continue")
st.warning("Sorry, the passwords didn't match")
st.error("Something went wrong :(")
st.toast("That was lit!", icon="🔥")

with st.status("Downloading data...") as status:
    st.write("Searching for data...")
    status.update(label="Download complete!", state="complete")

st.exception(TypeError("unsupported operand type(s) for +: 'int' and 'str'"))
