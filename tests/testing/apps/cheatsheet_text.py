"""The text elements of Streamlit's app testing cheat sheet."""

import streamlit as st

st.title("My app")
st.header("New topic")
st.subheader("Interesting sub-topic")
st.divider()
st.markdown("Hello, world!")
st.code("import streamlit as st\nst.write('hi')")
st.caption("A cool diagram")
st.text("Hello again, world!")
st.latex(r"\int a x^2 \,dx")
st.divider()
