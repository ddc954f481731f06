"""A multipage app with st.navigation and file pages (AppTest.switch_page's test)."""

import streamlit as st

st.session_state.setdefault("cart", [])
pages = [
    st.Page("shop_pages/catalog.py", title="Catalog", default=True),
    st.Page("shop_pages/checkout.py", title="Checkout", url_path="pay"),
]
page = st.navigation(pages)
st.sidebar.caption(f"Cart: {len(st.session_state.cart)}")
page.run()
