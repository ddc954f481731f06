"""Streamlit script files run unchanged in a cell (``%app_file``, ``st.run_file``): their
``import streamlit`` gives this package, only in their own code; running the cell again
reads the file again."""

from __future__ import annotations

from pathlib import Path

import pytest

from jupyter_fragments.testing import CellError, KernelSession

STREAMLIT_APP = '''"""A Streamlit app, exactly as `streamlit run app.py` would run it."""
import streamlit as st
from streamlit import session_state as state
from streamlit.errors import StreamlitAPIException

from helpers import greeting

st.title("Tip calculator")
bill = st.number_input("Bill", value=40.0)
percent = st.slider("Tip %", 0, 30, 15)


def tip(amount, pct):
    import streamlit  # a function of the file keeps the file's imports

    return streamlit.write.__module__.split(".")[0], round(amount * pct / 100, 2)


owner, value = tip(bill, percent)
st.write(f"Tip: {value} ({owner})")
if st.button("Save"):
    state.saved = value
st.write(greeting(state.get("saved")))
try:
    st.switch_page("nowhere.py")
except StreamlitAPIException as exc:
    st.caption(f"caught {type(exc).__name__}")
f"Run as {__name__}"
'''

HELPERS = """import streamlit as st


def greeting(saved):
    return f"Saved: {saved}" if saved is not None else st.button.__module__ + " has nothing"
"""


@pytest.fixture
def app_file(tmp_path: Path) -> Path:
    (tmp_path / "helpers.py").write_text(HELPERS, encoding="utf-8")
    path = tmp_path / "app.py"
    path.write_text(STREAMLIT_APP, encoding="utf-8")
    return path


def test_a_streamlit_script_runs_unchanged_and_clicks_through(
    app_session: KernelSession, app_file: Path
) -> None:
    app_session.run_cell("%load_ext jupyter_fragments")
    app_session.run_cell(f"%app_file {app_file} tips")
    app = app_session.app("tips")
    assert "Tip calculator" in app.text
    assert "Tip: 6.0 (jupyter_fragments)" in app.text
    assert "jupyter_fragments._elements.buttons has nothing" in app.text  # its module too
    assert "caught StreamlitPageNotFoundError" in app.text
    assert "Run as __main__" in app.text  # Streamlit's magic, and __name__ == "__main__"

    app.slider("Tip %").set_value(20)
    assert "Tip: 8.0" in app.text
    app.number_input("Bill").set_value(50.0)
    app.button("Save").click()
    assert "Tip: 10.0" in app.text and "Saved: 10.0" in app.text
    assert app.exceptions == []
    # the kernel's own `import streamlit` is untouched
    assert app_session.eval("'streamlit' in __import__('sys').modules") is False
    assert app_session.eval("__import__('builtins').__import__.__module__") == "builtins"


def test_running_the_cell_again_reads_the_file_again(
    app_session: KernelSession, app_file: Path
) -> None:
    cell = f"import jupyter_fragments as st\nfile_app = st.run_file({str(app_file)!r})"
    app_session.run_cell(cell)
    assert "Tip calculator" in app_session.app("app.py").text
    app_file.write_text(STREAMLIT_APP.replace("Tip calculator", "Tip helper"), encoding="utf-8")
    app_session.run_cell(cell)
    (app,) = app_session.apps  # the same cell: the app was replaced
    assert "Tip helper" in app.text
    assert app_session.eval("type(file_app).__name__") == "App"


def test_streamlit_modules_and_missing_files(app_session: KernelSession, tmp_path: Path) -> None:
    script = tmp_path / "mods.py"
    script.write_text(
        "import streamlit as st\n"
        "import streamlit.testing.v1 as testing\n"
        "import streamlit.errors\n"
        "from streamlit.connections import SQLConnection\n"
        "st.text(f'{testing.AppTest.__module__} {streamlit.errors.StreamlitAPIException.__name__}'"
        " f' {SQLConnection.__name__}')\n"
        "import streamlit.runtime.scriptrunner\n",
        encoding="utf-8",
    )
    app_session.run_cell(f"%app_file {script}")
    app = app_session.app("mods.py")
    assert "jupyter_fragments.testing.apptest FragmentsAPIError SQLConnection" in app.text
    (error,) = app.exceptions
    assert error.ename == "ModuleNotFoundError"
    assert "'streamlit.runtime.scriptrunner'" in error.evalue and "Fix:" in error.evalue

    with pytest.raises(CellError, match="could not be found"):
        app_session.run_cell(f"%app_file {tmp_path / 'missing.py'}")
    with pytest.raises(CellError, match="Fix: use %app_file"):
        app_session.run_cell("%app_file")


def test_a_multipage_script_with_file_pages(app_session: KernelSession, tmp_path: Path) -> None:
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "settings.py").write_text(
        "import streamlit as st\n"
        "st.header('Settings')\n"
        "name = st.text_input('Name', key='name')\n"
        "st.page_link('home.py', label='Back')\n",
        encoding="utf-8",
    )
    (tmp_path / "home.py").write_text(
        "import streamlit as st\n"
        "st.header('Home')\n"
        "st.write('Hello', st.session_state.get('name') or 'stranger')\n"
        "if st.button('Settings'):\n"
        "    st.switch_page('pages/settings.py')\n",
        encoding="utf-8",
    )
    (tmp_path / "streamlit_app.py").write_text(
        "import streamlit as st\n"
        "pg = st.navigation([st.Page('home.py', title='Home'), 'pages/settings.py'])\n"
        "pg.run()\n",
        encoding="utf-8",
    )
    app_session.run_cell(f"%app_file {tmp_path / 'streamlit_app.py'} site")
    app = app_session.app("site")
    assert "Hello stranger" in app.text
    app.button("Settings").click()
    assert "Settings" in app.text
    app.text_input("Name").type("Ada")
    app.widget("Back", kind="page_link").click()
    assert "Hello Ada" in app.text
    app.widget("settings", kind="navigation").click()
    # as in Streamlit, a widget's state goes when a run does not draw it (another page)
    assert app.text_input("Name").value == ""
    assert app.exceptions == []


def test_a_pages_folder_makes_a_multipage_app(app_session: KernelSession, tmp_path: Path) -> None:
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "2_🌍_Map.py").write_text(
        "import streamlit as st\nst.header('The map')\n", encoding="utf-8"
    )
    (tmp_path / "pages" / "1_Data.py").write_text(
        "import streamlit as st\n"
        "st.header('The data')\n"
        "if st.button('Back'):\n"
        "    st.switch_page('Hello.py')\n",
        encoding="utf-8",
    )
    (tmp_path / "Hello.py").write_text(
        "import streamlit as st\nst.title('Hello')\n", encoding="utf-8"
    )
    app_session.run_cell(f"%app_file {tmp_path / 'Hello.py'} hello")
    app = app_session.app("hello")
    assert [w.label for w in app.widgets] == ["Hello", "Data", "🌍 Map"]  # Streamlit's order
    assert "# Hello" in app.text
    app.widget("Data", kind="navigation").click()
    assert "The data" in app.text
    app.button("Back").click()  # paths start at the entrypoint's folder
    assert "# Hello" in app.text and app.exceptions == []


def test_components_v1_is_this_packages(app_session: KernelSession, tmp_path: Path) -> None:
    pytest.importorskip("jupyter_fragments.components.v1")
    script = tmp_path / "embed.py"
    script.write_text(
        "import streamlit as st\n"
        "import streamlit.components.v1 as components\n"
        "st.text(components.__name__)\n"
        "st.text(st.components.v1 is components)\n",
        encoding="utf-8",
    )
    app_session.run_cell(f"%app_file {script}")
    assert "jupyter_fragments.components.v1\nTrue" in app_session.app("embed.py").text
