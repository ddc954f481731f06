"""st.echo shows the app's own source lines; st.help shows what an object is, escaped."""

from __future__ import annotations

from outputs_support import bundles, in_page_order, one

from jupyter_fragments.testing import KernelSession


def test_echo_in_an_app_cell_shows_the_block_above_its_output(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app echoed
import jupyter_fragments as st
st.title("Demo")
with st.echo():
    # a comment stays
    total = sum(range(4))
    st.write("total is", total)
with st.echo(code_location="below"):
    st.text("first the output")
st.text("after")
"""
    )
    app = app_session.app("echoed")
    assert app.exceptions == []
    shown = [b.get("text/plain") for b in in_page_order(app_session, app.model_id)]
    assert shown == [
        "Demo",
        '# a comment stays\ntotal = sum(range(4))\nst.write("total is", total)',
        "total is `6`",
        "first the output",
        'st.text("first the output")',
        "after",
    ]
    first, _ = bundles(app_session, "code")
    assert first["text/markdown"].startswith("```python\n# a comment stays\n")


def test_echo_in_a_function_run_with_st_app(app_session: KernelSession) -> None:
    app_session.run_cell(
        """import jupyter_fragments as st

@st.app(name="echo_fn")
def demo():
    with st.echo():
        @st.cache_data
        def double(x):
            return 2 * x

        st.write(double(21))
"""
    )
    app = app_session.app("echo_fn")
    assert app.exceptions == []
    code = one(app_session, "code")["text/plain"]
    assert code == "@st.cache_data\ndef double(x):\n    return 2 * x\n\nst.write(double(21))"
    assert "42" in app.text


def test_help_shows_signature_doc_and_members(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app helped
import jupyter_fragments as st

class Basket:
    '''A basket of <fruit> & more.'''
    limit = 3

    def add(self, fruit: str, count: int = 1) -> None:
        '''Put fruit in the basket.'''

basket = Basket()
st.help(Basket.add)
st.help(basket)
st.help(st.badge)
"""
    )
    app = app_session.app("helped")
    assert app.exceptions == []
    method, instance, badge = (b["text/html"] for b in bundles(app_session, "help"))
    assert "<b>Basket.add</b>" in method and "function" in method
    # annotations may be strings in an app cell (the runtime compiles with PEP 563)
    signature = method.replace("&#x27;", "")
    assert "Basket.add(self, fruit: str, count: int = 1) -&gt; None" in signature
    assert "Put fruit in the basket." in method
    assert "<b>basket</b>" in instance  # the name from the calling line
    assert "A basket of &lt;fruit&gt; &amp; more." in instance
    assert "<code>limit</code></td><td>int</td><td>3</td>" in instance
    members = instance.replace("&#x27;", "")
    assert "<code>add</code></td><td>method</td><td>(fruit: str, count: int = 1)" in members
    assert "<b>badge</b>" in badge and "color: &#x27;str&#x27; = &#x27;blue&#x27;" in badge
    assert "Basket.add(self, fruit:" in app.text and "Put fruit in the basket." in app.text


def test_help_without_argument_is_about_the_package(app_session: KernelSession) -> None:
    app_session.run_cell("%%app pkg\nimport jupyter_fragments as st\nst.help()\n")
    app = app_session.app("pkg")
    assert app.exceptions == []
    markup = one(app_session, "help")["text/html"]
    assert "<b>jupyter_fragments</b>" in markup and "module" in markup
    assert "<code>slider</code>" in markup
