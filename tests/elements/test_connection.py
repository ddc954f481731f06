"""``st.connection("sql")`` on SQLite: made once and kept, configured by ``url=`` or the
secrets, queries cached (with ``ttl`` and ``params``), sessions for writes."""

from __future__ import annotations

from pathlib import Path

import pytest

from jupyter_fragments.testing import CellError, KernelSession

pytest.importorskip("sqlalchemy")

SHOP_APP = """%%app shop
import jupyter_fragments as st
import sqlalchemy
conn = st.connection("sql", url="sqlite:///" + DB)
st.session_state.conns = st.session_state.get("conns", set()) | {id(conn)}
with conn.session as s:
    s.execute(sqlalchemy.text("create table if not exists orders (item text, qty int)"))
    if not s.execute(sqlalchemy.text("select count(*) from orders")).scalar():
        s.execute(sqlalchemy.text("insert into orders values ('tea', 2), ('cake', 5)"))
    s.commit()

def add_bread():
    with conn.session as s:
        s.execute(sqlalchemy.text("insert into orders values ('bread', 9)"))
        s.commit()
    st.cache_data.clear()

least = st.slider("At least", 0, 10, 1)
df = conn.query("select item, qty from orders where qty >= :q order by item",
                params={"q": least}, ttl=3600)
st.text(f"{list(df['item'])} via {conn.driver}")
st.button("Add bread", on_click=add_bread)
"""


def test_sql_connection_queries_are_cached_and_the_connection_kept(
    app_session: KernelSession, tmp_path: Path
) -> None:
    app_session.run_silent(f"DB = {str(tmp_path / 'shop.db')!r}")
    app_session.run_cell(SHOP_APP)
    app = app_session.app("shop")
    assert "['cake', 'tea'] via pysqlite" in app.text
    app.slider("At least").set_value(3)
    assert "['cake'] via pysqlite" in app.text
    app.button("Add bread").click()
    assert "['bread', 'cake'] via pysqlite" in app.text
    assert app_session.eval("len(st.session_state.conns)") == 1  # one connection, kept

    # a cached query is not run again: a row added behind its back does not show
    app_session.run_silent(
        'import sqlite3; c = sqlite3.connect(DB); c.execute("insert into orders values '
        "('jam', 7)\"); c.commit(); c.close()"
    )
    app.slider("At least").set_value(6)  # not asked before: run
    assert "['bread', 'jam'] via pysqlite" in app.text
    app.slider("At least").set_value(3)  # asked before: from the cache
    assert "['bread', 'cake'] via pysqlite" in app.text
    assert app.exceptions == []


def test_connection_settings_come_from_the_secrets(
    app_session: KernelSession, in_folder: Path
) -> None:
    (in_folder / ".streamlit").mkdir()
    (in_folder / ".streamlit" / "secrets.toml").write_text(
        f'[connections.pets]\ntype = "sql"\nurl = "sqlite:///{in_folder / "pets.db"}"\n',
        encoding="utf-8",
    )
    app_session.run_cell(
        """%%app pets
import jupyter_fragments as st
conn = st.connection("pets")
with conn.connect() as c:
    c.exec_driver_sql("create table if not exists pets (name text)")
    c.exec_driver_sql("insert into pets values ('rex')")
    c.commit()
st.text(f"{type(conn).__name__}: {list(conn.query('select name from pets')['name'])}")
"""
    )
    assert "SQLConnection: ['rex']" in app_session.app("pets").text

    with pytest.raises(CellError, match="cannot tell which kind of connection"):
        app_session.run_cell("st.connection('unknown')")
    with pytest.raises(CellError, match="missing SQL DB connection configuration"):
        app_session.run_cell("st.connection('sql')")
    with pytest.raises(CellError, match="Invalid connection 'mongo'"):
        app_session.run_cell("st.connection('x', type='mongo')")


def test_without_sqlalchemy_the_error_says_what_to_install(app_session: KernelSession) -> None:
    app_session.run_silent(
        "import sys, jupyter_fragments as st\n"
        "_sqlalchemy = sys.modules.get('sqlalchemy')\n"
        "sys.modules['sqlalchemy'] = None"
    )
    try:
        with pytest.raises(CellError, match=r"needs SQLAlchemy.*jupyter-fragments\[sql\]"):
            app_session.run_cell("st.connection('nosql', type='sql', url='sqlite://')")
    finally:
        app_session.run_silent("sys.modules['sqlalchemy'] = _sqlalchemy")
