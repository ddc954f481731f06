"""What an app learns about itself and its visitor: query params, secrets, context, options,
user; and login/logout, which belong to the Jupyter server."""

from __future__ import annotations

from pathlib import Path

import pytest

from jupyter_fragments.testing import CellError, KernelSession


def test_query_params_are_kept_for_the_session(app_session: KernelSession) -> None:
    app_session.run_silent("import jupyter_fragments as st; st.query_params.clear()")
    app_session.run_cell(
        """%%app params
import jupyter_fragments as st
region = st.query_params.get("region", "all")
st.text(f"region: {region} tags: {st.query_params.get_all('tag')}")
if st.button("North"):
    st.query_params.region = "north"
    st.query_params["tag"] = ["a", 2]
    st.rerun()
"""
    )
    app = app_session.app("params")
    assert "region: all tags: []" in app.text
    app.button("North").click()
    assert "region: north tags: ['a', '2']" in app.text
    assert app_session.eval("st.query_params.to_dict()") == {"region": "north", "tag": "2"}
    assert app_session.eval("dict(st.query_params)") == {"region": "north", "tag": "2"}
    app_session.run_silent("st.query_params.from_dict({'page': 3})")
    assert app_session.eval("(st.query_params.page, len(st.query_params))") == ("3", 1)
    with pytest.raises(CellError, match=r'st\.query_params has no key "nope"'):
        app_session.run_cell("st.query_params['nope']")
    with pytest.raises(CellError, match="cannot be set to a dictionary"):
        app_session.run_cell("st.query_params['d'] = {'a': 1}")
    with pytest.raises(CellError, match="embed and embed_options"):
        app_session.run_cell("st.query_params['embed'] = 'true'")
    app_session.run_silent("st.query_params.clear()")


def test_secrets_from_the_working_directory(app_session: KernelSession, in_folder: Path) -> None:
    app_session.run_cell(
        """%%app nosecrets
import jupyter_fragments as st
try:
    st.secrets["db"]
except FileNotFoundError as exc:
    st.session_state.missing = (type(exc).__name__, str(exc))
"""
    )
    name, message = app_session.eval("st.session_state.missing")
    assert name == "StreamlitSecretNotFoundError"
    assert "No secrets found" in message and str(in_folder) in message and "Fix:" in message

    (in_folder / ".streamlit").mkdir()
    (in_folder / ".streamlit" / "secrets.toml").write_text(
        'api_key = "abc"\n[db]\nuser = "ann"\nport = 5432\n', encoding="utf-8"
    )
    app_session.run_cell(
        """%%app secrets
import jupyter_fragments as st
st.text(f"key {st.secrets['api_key']} user {st.secrets.db.user} port {st.secrets.db['port']}")
st.text(f"has db: {'db' in st.secrets} {st.secrets.get('nope', 'default')}")
"""
    )
    text = app_session.app("secrets").text
    assert "key abc user ann port 5432" in text
    assert "has db: True default" in text
    assert app_session.eval("st.secrets.to_dict()") == {
        "api_key": "abc",
        "db": {"user": "ann", "port": 5432},
    }
    assert app_session.eval("__import__('os').environ['api_key']") == "abc"
    with pytest.raises(CellError, match=r'st\.secrets has no attribute "nope"'):
        app_session.run_cell("st.secrets.nope")
    with pytest.raises(CellError, match="does not support item assignment"):
        app_session.run_cell("st.secrets['x'] = 1")


def test_context_user_and_options(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app about
import jupyter_fragments as st
st.text(f"headers {dict(st.context.headers)} cookies {dict(st.context.cookies)}")
st.text(f"url {st.context.url} embedded {st.context.is_embedded}")
st.text(f"logged in: {st.user.is_logged_in} errors: {st.get_option('client.showErrorDetails')}")
st.text(f"strict: {st.get_option('fragments.strict')}")
"""
    )
    text = app_session.app("about").text
    assert "headers {} cookies {}" in text
    assert "url None embedded False" in text
    assert "logged in: False errors: full" in text and "strict: False" in text
    same = "st.context['locale'] == st.context.locale"
    assert app_session.eval(f"'timezone' in st.context and {same}")

    app_session.run_silent("st.set_option('client.showSidebarNavigation', False)")
    assert app_session.eval("st.get_option('client.showSidebarNavigation')") is False
    app_session.run_silent("st.set_option('client.showSidebarNavigation', True)")
    app_session.run_silent("st.set_option('fragments.flush_interval', 0.2)")
    assert app_session.eval("st.get_option('fragments.flush_interval')") == 0.2
    app_session.run_silent("st.set_option('fragments.flush_interval', 0.1)")
    with pytest.raises(CellError, match=r"server\.maxUploadSize cannot be set on the fly"):
        app_session.run_cell("st.set_option('server.maxUploadSize', 10)")
    with pytest.raises(CellError, match=r"Unrecognized config option: no\.such"):
        app_session.run_cell("st.set_option('no.such', 1)")
    with pytest.raises(CellError, match=r'Config key "no\.such" not defined'):
        app_session.run_cell("st.get_option('no.such')")


def test_a_voila_kernel_knows_the_query_string_and_the_hub_user() -> None:
    env = {
        "QUERY_STRING": "city=Oslo&tag=a&tag=b&embed=true&theme=dark",
        "JUPYTERHUB_USER": "grace",
        "SERVER_SOFTWARE": "voila/0.5.13",
        "VOILA_REQUEST_URL": "http://localhost:8866/voila/render/shop.ipynb?city=Oslo",
        "HTTP_X_FORWARDED_USER": "grace",
        "HTTP_COOKIE": "basket=3; theme=dark",
    }
    with KernelSession.start(env=env) as kernel:
        kernel.run_cell("%load_ext jupyter_fragments")
        kernel.run_cell(
            """%%app voila
import jupyter_fragments as st
st.text(f"city {st.query_params.city} {st.query_params.get_all('tag')} {len(st.query_params)}")
st.text(f"hello {st.user.name} {st.user['is_logged_in']}")
"""
        )
        text = kernel.app("voila").text
        assert "city Oslo ['a', 'b'] 3" in text and "hello grace True" in text
        assert kernel.eval("st.context.url") == "http://localhost:8866/voila/render/shop.ipynb"
        assert kernel.eval("st.context.headers['x-forwarded-user']") == "grace"
        assert kernel.eval("st.context.cookies") == {"basket": "3", "theme": "dark"}
        assert kernel.eval("st.context.theme.type") == "dark"
        assert kernel.eval("st.user.to_dict()") == {
            "is_logged_in": True,
            "name": "grace",
            "preferred_username": "grace",
        }
        with pytest.raises(CellError, match=r"StreamlitAuthError.*JupyterHub"):
            kernel.run_cell("st.login('google')")
        with pytest.raises(CellError, match=r"st\.logout\(\) cannot log out"):
            kernel.run_cell("st.logout()")
