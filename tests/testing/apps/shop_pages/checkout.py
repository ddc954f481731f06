import streamlit as st

st.title("Checkout")
st.write("In the cart:", ", ".join(st.session_state.cart) or "nothing")
