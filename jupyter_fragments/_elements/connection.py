"""``st.connection``: named connections to data sources, made once per kernel and kept
(``st.cache_resource``), configured by arguments and ``[connections.<name>]`` in the secrets;
``"sql"`` is SQLAlchemy's, with ``query`` results cached by ``st.cache_data``.
"""

from __future__ import annotations

import importlib
import os
import uuid
from collections.abc import Mapping
from typing import Any, Generic, TypeVar

from jupyter_fragments._elements.appinfo import get_option
from jupyter_fragments._elements.cache import cache_data, cache_resource
from jupyter_fragments._elements.secrets import AttrDict, load_secrets
from jupyter_fragments._elements.streamlit_errors import StreamlitSecretNotFoundError
from jupyter_fragments.errors import FragmentsAPIError

__all__ = ["BaseConnection", "SQLConnection", "connection"]

RawConnection = TypeVar("RawConnection")
_UNSET: Any = object()
_SQL_PARAMS = ("url", "driver", "dialect", "username", "password", "host", "port", "database",
               "query")  # fmt: skip


def _connection_secrets(name: str) -> dict[str, Any]:
    """``[connections.<name>]`` of the secrets, empty when there is no such section or file."""
    try:
        section = load_secrets().get("connections", {}).get(name, {})
    except StreamlitSecretNotFoundError:
        return {}
    return dict(section) if isinstance(section, Mapping) else {}


class BaseConnection(Generic[RawConnection]):
    """The base of every connection: a name, its settings, and the underlying client.

    Subclasses implement ``_connect(**kwargs)``, which makes the client (kept as
    ``_instance`` until `reset`). ``_secrets`` holds ``[connections.<name>]``.
    """

    def __init__(self, connection_name: str, **kwargs: Any) -> None:
        self._connection_name = connection_name
        self._kwargs = kwargs
        self._instance_id = uuid.uuid4().hex  # scopes this connection's cached queries
        self._raw_instance: RawConnection | None = self._connect(**kwargs)

    @property
    def _secrets(self) -> AttrDict:
        return AttrDict(_connection_secrets(self._connection_name))

    @property
    def _instance(self) -> RawConnection:
        if self._raw_instance is None:
            self._raw_instance = self._connect(**self._kwargs)
        return self._raw_instance

    def _connect(self, **kwargs: Any) -> RawConnection:
        raise NotImplementedError

    def reset(self) -> None:
        """Drop the underlying client; the next use makes a new one."""
        self._raw_instance = None

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self._connection_name!r}>"


def _sqlalchemy() -> Any:
    try:
        return importlib.import_module("sqlalchemy")
    except ModuleNotFoundError:
        raise ModuleNotFoundError(
            "st.connection(type='sql') needs SQLAlchemy, which is not installed. Fix: "
            "pip install 'jupyter-fragments[sql]' (or pip install sqlalchemy)."
        ) from None


class SQLConnection(BaseConnection[Any]):
    """A SQL database through a SQLAlchemy engine (``st.connection("sql")``).

    The URL comes from ``url=`` or the ``[connections.<name>]`` secrets (``url``, or
    ``dialect``, ``username``, ``host``, ...).

    Examples
    --------
    >>> conn = st.connection("sql", url="sqlite:///shop.db")
    >>> df = conn.query("select * from orders where qty > :q", params={"q": 2}, ttl=60)
    """

    def _connect(self, autocommit: bool = False, **kwargs: Any) -> Any:
        sqlalchemy = _sqlalchemy()
        settings = {
            **self._secrets.to_dict(),
            **{k: kwargs.pop(k) for k in _SQL_PARAMS if k in kwargs},
        }
        if not settings:
            raise FragmentsAPIError(
                f"st.connection({self._connection_name!r}): missing SQL DB connection "
                "configuration. Fix: pass url='dialect://...' to st.connection, or set url "
                f"in [connections.{self._connection_name}] of .streamlit/secrets.toml."
            )
        if "url" in settings:
            url = sqlalchemy.engine.make_url(settings["url"])
        else:
            missing = [p for p in ("dialect", "username", "host") if p not in settings]
            if missing:
                raise FragmentsAPIError(
                    f"st.connection({self._connection_name!r}) is missing {missing[0]!r}. "
                    "Fix: set this SQL DB connection parameter in secrets.toml or pass it "
                    "to st.connection (or give a url)."
                )
            driver = f"+{settings['driver']}" if "driver" in settings else ""
            url = sqlalchemy.engine.URL.create(
                drivername=settings["dialect"] + driver,
                username=settings["username"],
                password=settings.get("password"),
                host=settings["host"],
                port=int(settings["port"]) if "port" in settings else None,
                database=settings.get("database"),
                query=settings.get("query", {}),
            )
        options = {**self._secrets.to_dict().get("create_engine_kwargs", {}), **kwargs}
        engine = sqlalchemy.create_engine(url, **options)
        return engine.execution_options(isolation_level="AUTOCOMMIT") if autocommit else engine

    def query(
        self,
        sql: str,
        *,
        show_spinner: bool | str = "Running `sql.query(...)`.",
        ttl: Any = None,
        index_col: str | list[str] | None = None,
        chunksize: int | None = None,
        params: Any = None,
        **kwargs: Any,
    ) -> Any:
        """Run a read query and return a pandas DataFrame, cached for ``ttl`` (forever by
        default) per connection, query and parameters.

        Examples
        --------
        >>> conn.query("select name from pets where owner = :owner", params={"owner": "ann"})
        """
        import pandas as pd

        text = _sqlalchemy().text

        def _query(instance_id: str, sql: str, index_col: Any, chunksize: Any, params: Any,
                   **kwargs: Any) -> Any:  # fmt: skip
            with self._instance.connect() as conn:
                return pd.read_sql(text(sql), conn, index_col=index_col, chunksize=chunksize,
                                   params=params, **kwargs)  # fmt: skip

        # one cache per connection name and ttl, as Streamlit keeps them
        _query.__qualname__ = f"_query_{self._connection_name}_{str(ttl).replace('.', '_')}"
        cached = cache_data(show_spinner=show_spinner, ttl=ttl)(_query)
        return cached(self._instance_id, sql, index_col, chunksize, params, **kwargs)

    def connect(self) -> Any:
        """A new SQLAlchemy connection from the engine (use it with ``with``)."""
        return self._instance.connect()

    @property
    def engine(self) -> Any:
        """The SQLAlchemy engine."""
        return self._instance

    @property
    def driver(self) -> str:
        """The name of the engine's driver (``"pysqlite"``, ``"psycopg2"``...)."""
        return str(self._instance.driver)

    @property
    def session(self) -> Any:
        """A new SQLAlchemy ORM session on the engine (use it with ``with`` for writes).

        Examples
        --------
        >>> with conn.session as s:
        ...     s.execute(sqlalchemy.text("insert into pets values ('rex')"))
        ...     s.commit()
        """
        from sqlalchemy.orm import Session

        return Session(self._instance)


_FIRST_PARTY: dict[str, type[BaseConnection[Any]]] = {"sql": SQLConnection}


def _connection_class(name: str, kind: Any) -> type[BaseConnection[Any]]:
    """The class ``st.connection(name, type=kind)`` makes."""
    if kind is None:
        if name in _FIRST_PARTY:
            return _FIRST_PARTY[name]
        kind = _connection_secrets(name).get("type")
        if kind is None:
            raise FragmentsAPIError(
                f"st.connection({name!r}) cannot tell which kind of connection to make. "
                f"Fix: pass type='sql' (or a BaseConnection subclass), or set type in "
                f"[connections.{name}] of .streamlit/secrets.toml."
            )
    if isinstance(kind, str) and "." in kind:
        module, _, attr = kind.rpartition(".")
        kind = getattr(importlib.import_module(module), attr)
    elif isinstance(kind, str):
        if kind not in _FIRST_PARTY:
            raise FragmentsAPIError(
                f"Invalid connection {kind!r}. Fix: use one of {sorted(_FIRST_PARTY)}, the "
                "dotted path of a BaseConnection subclass, or the class itself."
            )
        kind = _FIRST_PARTY[kind]
    if not (isinstance(kind, type) and issubclass(kind, BaseConnection)):
        raise FragmentsAPIError(
            f"{kind} is not a subclass of BaseConnection! Fix: subclass "
            "BaseConnection (from streamlit.connections) and implement _connect."
        )
    return kind


def _make_connection(
    name: str, cls: type[BaseConnection[Any]], settings: dict[str, Any], kwargs: dict[str, Any]
) -> BaseConnection[Any]:
    """One connection (``settings`` are the secrets it was made with: new ones, new one)."""
    return cls(name, **kwargs)


def connection(
    name: str,
    type: Any = None,
    max_entries: int | None = None,
    ttl: Any = _UNSET,
    **kwargs: Any,
) -> BaseConnection[Any]:
    """A connection to a data source, made once per kernel and reused on every rerun.

    Parameters
    ----------
    name : str
        The connection's name: its settings are ``[connections.<name>]`` of the secrets.
        ``"sql"`` alone means a SQL connection; ``"env:VAR"`` takes the name from ``$VAR``.
    type : "sql", a dotted class path, a BaseConnection subclass, or None
        The kind of connection; None: from the name, else from the secrets' ``type``.
    max_entries, ttl : optional
        How many connections to keep, and for how long (``runner.connectionDefaultTTL``).
    **kwargs
        Settings for the connection (``url=...`` for SQL), over those in the secrets.

    Examples
    --------
    >>> conn = st.connection("sql", url="sqlite:///shop.db")
    >>> st.dataframe(conn.query("select * from orders", ttl="10m"))
    """
    if name.startswith("env:"):
        name = os.environ[name[len("env:") :]]
    cls = _connection_class(name, type)
    if ttl is _UNSET:
        ttl = get_option("runner.connectionDefaultTTL")
    kept = cache_resource(show_spinner=False, ttl=ttl, max_entries=max_entries)(_make_connection)
    return kept(name, cls, _connection_secrets(name), kwargs)  # type: ignore[no-any-return]
