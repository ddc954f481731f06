"""Bad API input: a clear error naming the argument and the fix, shown in place.

Each case is a line of a real app. The error shows inside the app (the rest of the
app stays drawn), its message names the argument at fault and says "Fix:", and its
traceback points at the user's line.
"""

from __future__ import annotations

import pytest

from jupyter_fragments.testing import KernelSession

# (id, the offending line, words the message must contain)
CASES: list[tuple[str, str, list[str]]] = [
    ("run_every word", '@st.fragment(run_every="soon")\ndef f(): pass', ["run_every", "'soon'"]),
    ("run_every negative", "@st.fragment(run_every=-1)\ndef f(): pass", ["run_every", "-1"]),
    ("run_every bool", "@st.fragment(run_every=True)\ndef f(): pass", ["run_every", "bool"]),
    ("run_every list", "@st.fragment(run_every=[1])\ndef f(): pass", ["run_every", "list"]),
    ("run_every unit", '@st.fragment(run_every="5 parsecs")\ndef f(): pass', ["run_every"]),
    ("rerun scope", 'st.rerun(scope="page")', ["scope", "'page'"]),
    (
        "rerun fragment in full run",
        '@st.fragment\ndef f():\n    st.rerun(scope="fragment")\nf()',
        ["scope", "fragment"],
    ),
    ("duplicate key", 'st.slider("a", key="k")\nst.checkbox("b", key="k")', ["'k'", "key"]),
    ("duplicate label", 'st.button("Go")\nst.button("Go")', ["'Go'", "key="]),
    (
        "widget in outside container",
        'box = st.container()\n@st.fragment\ndef f():\n    with box:\n        st.button("x")\nf()',
        ["fragment", "container"],
    ),
    ("fragment over cache", "@st.fragment\n@st.cache_data\ndef f(): pass", ["cache", "fragment"]),
    ("cache over fragment", "@st.cache_data\n@st.fragment\ndef f(): pass", ["cache", "fragment"]),
    ("slider min > max", 'st.slider("s", 10, 0)', ["min_value", "max_value"]),
    ("slider value out of range", 'st.slider("s", 0, 10, 20)', ["value", "20"]),
    ("slider value type", 'st.slider("s", 0, 10, "5")', ["str"]),
    ("number_input min > max", 'st.number_input("n", 5, 1)', ["min_value", "max_value"]),
    ("selectbox index", 'st.selectbox("s", ["a", "b"], index=5)', ["index", "5"]),
    ("selectbox index type", 'st.selectbox("s", ["a", "b"], index="a")', ["index"]),
    ("radio index", 'st.radio("r", ["a"], index=3)', ["index", "3"]),
    ("multiselect default", 'st.multiselect("m", ["a"], default=["z"])', ["default", "'z'"]),
    ("select_slider value", 'st.select_slider("s", ["a", "b"], value="z")', ["value", "'z'"]),
    ("select_slider no options", 'st.select_slider("s", [])', ["options"]),
    ("on_click not callable", 'st.button("b", on_click="go")', ["on_click", "callable"]),
    ("on_change not callable", 'st.slider("s", on_change=5)', ["on_change", "callable"]),
    ("label_visibility", 'st.checkbox("c", label_visibility="gone")', ["label_visibility"]),
]


@pytest.mark.parametrize(("line", "words"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_input_is_a_clear_error_in_place(
    app_session: KernelSession, line: str, words: list[str]
) -> None:
    code = f"%%app bad\nimport jupyter_fragments as st\nst.write('before')\n{line}\n"
    result = app_session.run_cell(code, raise_on_error=False)
    assert result.error is None, result.error  # shown in place, the cell does not fail
    app = app_session.app("bad")
    shown = app.exceptions
    assert len(shown) == 1, app.text
    error = shown[0]
    message = error.evalue
    print(f"{error.ename}: {message}")
    for word in words:
        assert word in message, (word, message)
    assert "Fix:" in message, message
    assert any(line.strip() in error.traceback_text for line in line.splitlines()), (
        error.traceback_text
    )
    assert "before" in app.text


def test_app_magic_with_unknown_options(app_session: KernelSession) -> None:
    result = app_session.run_cell("%%app --bogus\nst.write('x')", raise_on_error=False)
    assert result.error is not None
    assert "--bogus" in result.error.evalue and "Fix:" in result.error.evalue
    result = app_session.run_cell("%%app one two\nst.write('x')", raise_on_error=False)
    assert result.error is not None
    assert "two" in result.error.evalue and "Fix:" in result.error.evalue
    assert app_session.snapshot()["apps"] == []
