"""Multipage apps in one ``%%app``: the menu, page links and ``st.switch_page`` each rerun the
whole app with the chosen page; session state is shared; bad pages are clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from jupyter_fragments.testing import CellError, KernelSession

SHOP = """%%app shop
import jupyter_fragments as st
st.session_state.setdefault("cart", [])

def catalog():
    st.title("Catalog")
    if st.button("Add tea"):
        st.session_state.cart.append("tea")
    st.page_link(checkout, label="Go to checkout")

def checkout_page():
    st.title("Checkout")
    st.write("Cart:", ", ".join(st.session_state.cart) or "empty")
    if st.button("Keep shopping"):
        st.switch_page(home)

home = st.Page(catalog, title="Catalog", icon="🛍️", default=True)
checkout = st.Page(checkout_page, title="Checkout", url_path="checkout")
about = st.Page(lambda: st.write("hidden page"), title="About", url_path="about",
                visibility="hidden")
current = st.navigation({"Shop": [home, checkout], "": [about]})
st.sidebar.caption(f"showing {current.title} ({current.url_path})")
current.run()
"""


def test_menu_page_link_and_switch_page_rerun_the_app_with_the_page(
    app_session: KernelSession,
) -> None:
    app_session.run_cell(SHOP)
    app = app_session.app("shop")
    assert "Catalog" in app.text and "showing Catalog (catalog)" in app.text
    menu = [w.label for w in app.widgets if w.kind == "navigation"]
    assert menu == ["🛍️ Catalog", "Checkout"]  # the hidden page is not in the menu
    assert app.widget("🛍️ Catalog", kind="navigation").state["button_style"] == "primary"

    app.button("Add tea").click()
    app.widget("Checkout", kind="navigation").click()  # the menu
    assert "# Checkout" in app.text and "Cart: tea" in app.text
    assert "showing Checkout (checkout)" in app.text
    assert app.widget("Checkout", kind="navigation").state["button_style"] == "primary"
    assert "Add tea" not in [w.label for w in app.widgets]  # the other page's widgets went

    app.button("Keep shopping").click()  # st.switch_page
    assert "# Catalog" in app.text and "showing Catalog" in app.text
    app.button("Add tea").click()
    app.widget("Go to checkout", kind="page_link").click()  # st.page_link
    assert "Cart: tea, tea" in app.text  # session state is shared by the pages
    assert app.exceptions == []


def test_navigation_returns_the_page_and_top_or_hidden_menus(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app top
import jupyter_fragments as st
def a():
    st.write("page a")
def b():
    st.write("page b")
pages = [st.Page(a), st.Page(b, title="Bee")]
pg = st.navigation(pages, position="top")
st.session_state.returned = (type(pg).__name__, pg.title, pg.url_path, pg is pages[0])
pg.run()
"""
    )
    app = app_session.app("top")
    assert "page a" in app.text
    assert app_session.eval("st.session_state.returned") == ("Page", "a", "a", True)
    app.widget("Bee", kind="navigation").click()
    assert "page b" in app.text and "page a" not in app.text

    app_session.run_cell(
        """%%app hidden
import jupyter_fragments as st
pg = st.navigation([st.Page(lambda: st.write("only"), title="Only")], position="hidden")
pg.run()
"""
    )
    assert app_session.app("hidden").widgets == []


def test_file_pages_run_with_streamlit_imports(app_session: KernelSession, tmp_path: Path) -> None:
    page = tmp_path / "2_📈_Sales_report.py"
    page.write_text(
        "import streamlit as st\n"
        "st.header('Sales report')\n"
        "st.write('visitors', st.session_state.get('visitors', 0))\n"
        "if st.button('Home'):\n"
        "    st.switch_page(st.Page('main.py'))  # relative to this file\n",
        encoding="utf-8",
    )
    (tmp_path / "main.py").write_text(
        "import streamlit as st\nst.session_state.visitors = 7\nst.write('main page')\n",
        encoding="utf-8",
    )
    app_session.run_cell(
        f"""%%app files
import jupyter_fragments as st
import os
folder = {str(tmp_path)!r}
pg = st.navigation([st.Page(os.path.join(folder, "main.py")),
                    st.Page(os.path.join(folder, "2_📈_Sales_report.py"))])
pg.run()
"""
    )
    app = app_session.app("files")
    assert "main page" in app.text
    assert [w.label for w in app.widgets] == ["main", "📈 Sales report"]
    app.widget("📈 Sales report", kind="navigation").click()
    assert "Sales report" in app.text and "visitors `7`" in app.text
    app.button("Home").click()
    assert "main page" in app.text
    assert app_session.eval("'streamlit' in __import__('sys').modules") is False


def test_unknown_page_and_bad_pages_are_clear_errors(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app errors
import jupyter_fragments as st
def home():
    st.write("home")
    if st.button("Go nowhere"):
        st.switch_page("missing.py")
pg = st.navigation([st.Page(home), st.Page(lambda: None, title="Other", url_path="other")])
pg.run()
try:
    pg.run()
except st.StreamlitAPIException as exc:
    st.session_state.twice = str(exc)
"""
    )
    app = app_session.app("errors")
    assert "Only the page returned from st.navigation" in app_session.eval("st.session_state.twice")
    app.button("Go nowhere").click()
    (error,) = app.exceptions
    assert error.ename == "StreamlitPageNotFoundError"
    assert "missing.py" in error.evalue and "Known pages: st.Page(home), st.Page(" in error.evalue
    assert "Fix:" in error.evalue

    with pytest.raises(CellError, match="Two pages resolve to the URL pathname `/x`"):
        app_session.run_cell(
            """%%app bad --strict
import jupyter_fragments as st
st.navigation([st.Page(lambda: None, title="A", url_path="x"),
               st.Page(lambda: None, title="B", url_path="x")])
"""
        )


def test_links_in_fragments_and_switches_in_callbacks_open_the_page_in_a_full_rerun(
    app_session: KernelSession,
) -> None:
    app_session.run_cell(
        """%%app frag
import jupyter_fragments as st

def first():
    st.write("first page")

    @st.fragment
    def panel():
        st.page_link(second_page, label="Second from a fragment")
        st.button("Second from a callback", on_click=st.switch_page, args=(second_page,))

    panel()

def second():
    st.write("second page")
    st.page_link(first_page, label="First")

first_page, second_page = st.Page(first), st.Page(second)
st.navigation([first_page, second_page], position="hidden").run()
"""
    )
    app = app_session.app("frag")
    assert app.widgets and "first page" in app.text
    app.widget("Second from a fragment", kind="page_link").click()
    assert "second page" in app.text and "first page" not in app.text
    assert app.runs == 2  # the fragment's link reran the whole app
    app.widget("First", kind="page_link").click()
    app.button("Second from a callback").click()
    assert "second page" in app.text and app.exceptions == []


def test_a_long_menu_shows_ten_pages_and_a_view_more_button(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app long
import jupyter_fragments as st
pages = [st.Page(lambda i=i: st.write(f"page {i}"), title=f"P{i}", url_path=f"p{i}")
         for i in range(13)]
st.navigation(pages).run()
"""
    )
    app = app_session.app("long")
    labels = [w.label for w in app.widgets]
    assert labels == [f"P{i}" for i in range(10)] + ["View 3 more"]
    app.widget("View 3 more", kind="navigation").click()
    assert [w.label for w in app.widgets][-4:] == ["P10", "P11", "P12", "View less"]
    app.widget("P12", kind="navigation").click()
    assert "page 12" in app.text
