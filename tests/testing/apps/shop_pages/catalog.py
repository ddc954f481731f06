import streamlit as st

st.title("Catalog")
if st.button("Add tea"):
    st.session_state.cart.append("tea")
st.page_link("shop_pages/checkout.py", label="Go to checkout")
st.page_link("https://example.com/help", label="Help")
