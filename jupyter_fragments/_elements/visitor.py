"""Who visits the app and from where: ``st.context`` (what a kernel can know of the browser
and the request), ``st.user``, and ``st.login`` / ``st.logout`` (which belong to the Jupyter
server, not to a kernel, and raise a clear error).
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any, NoReturn
from urllib.parse import parse_qsl, urlsplit, urlunsplit

from jupyter_fragments._elements.streamlit_errors import StreamlitAuthError
from jupyter_fragments.errors import FragmentsAPIError


class _Headers(Mapping[str, str]):
    """Request headers: case-insensitive keys, each with its values."""

    def __init__(self, pairs: list[tuple[str, str]]) -> None:
        self._pairs = pairs

    def __getitem__(self, key: str) -> str:
        found = self.get_all(key)
        if not found:
            raise KeyError(key)
        return found[-1]

    def get_all(self, key: str) -> list[str]:
        """Every value of the header ``key``."""
        return [v for k, v in self._pairs if k.lower() == key.lower()]

    def __iter__(self) -> Iterator[str]:
        return iter(dict.fromkeys(k for k, _ in self._pairs))

    def __len__(self) -> int:
        return len(set(k.lower() for k, _ in self._pairs))

    def to_dict(self) -> dict[str, str]:
        """Each header with its last value."""
        return {k: self[k] for k in self}


class _Theme(Mapping[str, Any]):
    """``st.context.theme``: ``type`` is ``"light"``/``"dark"`` where the page says so."""

    def __init__(self, type: str | None) -> None:
        self._values = {"type": type}

    @property
    def type(self) -> str | None:
        return self._values["type"]

    def __getitem__(self, key: str) -> Any:
        return self._values[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return 1


def _under_voila() -> bool:
    return os.environ.get("SERVER_SOFTWARE", "").startswith("voila/")


class ContextProxy:
    """``st.context``: what the kernel knows of the visitor's browser and request.

    A kernel sees no HTTP request: under Voila the headers it forwards (its
    ``http_header_envs`` setting) and the page's URL are known; elsewhere ``headers`` and
    ``cookies`` are empty, ``url`` is None, and ``timezone``/``locale`` are the kernel's.

    Examples
    --------
    >>> st.context.timezone  # doctest: +SKIP
    'Europe/Paris'
    """

    _NAMES = ("headers", "cookies", "theme", "timezone", "timezone_offset", "locale", "url",
              "ip_address", "is_embedded")  # fmt: skip

    @property
    def headers(self) -> _Headers:
        # Voila passes the headers its http_header_envs names as HTTP_* (RFC 3875); outside
        # Voila, HTTP_* variables are the machine's (HTTP_PROXY), not a request's
        pairs = [
            (key[5:].replace("_", "-").title(), value)
            for key, value in os.environ.items()
            if key.startswith("HTTP_") and key != "HTTP_PROXY" and _under_voila()
        ]
        return _Headers(pairs)

    @property
    def cookies(self) -> dict[str, str]:
        found: dict[str, str] = {}
        for part in (os.environ.get("HTTP_COOKIE", "") if _under_voila() else "").split(";"):
            name, _, value = part.strip().partition("=")
            if name:
                found[name] = value
        return found

    @property
    def theme(self) -> _Theme:
        wanted = dict(parse_qsl(os.environ.get("QUERY_STRING", ""))).get("theme")
        return _Theme(wanted if wanted in ("light", "dark") else None)

    @property
    def timezone(self) -> str | None:
        zone = os.environ.get("TZ", "").lstrip(":")
        if "/" in zone:
            return zone
        try:
            return Path("/etc/timezone").read_text(encoding="utf-8").strip() or None
        except OSError:
            pass
        target = os.path.realpath("/etc/localtime")
        return target.split("zoneinfo/", 1)[1] if "zoneinfo/" in target else None

    @property
    def timezone_offset(self) -> int | None:
        offset = datetime.now().astimezone().utcoffset()
        return None if offset is None else -int(offset.total_seconds() // 60)

    @property
    def locale(self) -> str | None:
        for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
            value = os.environ.get(name, "").split(".")[0]
            if value and value not in ("C", "POSIX"):
                return value.replace("_", "-")
        return None

    @property
    def url(self) -> str | None:
        full = os.environ.get("VOILA_REQUEST_URL")
        if not full:
            return None
        parts = urlsplit(full)
        return urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))

    @property
    def ip_address(self) -> str | None:
        return None

    @property
    def is_embedded(self) -> bool:
        return False

    def __getitem__(self, key: str) -> Any:
        if key not in self._NAMES:
            raise KeyError(f'st.context has no key "{key}".')
        return getattr(self, key)

    def __contains__(self, key: object) -> bool:
        return key in self._NAMES

    def __repr__(self) -> str:
        return f"ContextProxy(timezone={self.timezone!r}, locale={self.locale!r})"


class UserInfoProxy(Mapping[str, Any]):
    """``st.user``: the JupyterHub user when the kernel runs under JupyterHub, else anonymous.

    Examples
    --------
    >>> if st.user.is_logged_in:
    ...     st.write("Hello,", st.user.name)
    """

    def _info(self) -> dict[str, Any]:
        name = os.environ.get("JUPYTERHUB_USER")
        if name:
            return {"is_logged_in": True, "name": name, "preferred_username": name}
        return {"is_logged_in": False}

    def __getitem__(self, key: str) -> Any:
        try:
            return self._info()[key]
        except KeyError:
            raise KeyError(f'st.user has no key "{key}".') from None

    def __getattr__(self, key: str) -> Any:
        if key.startswith("_"):
            raise AttributeError(key)
        try:
            return self._info()[key]
        except KeyError:
            raise AttributeError(f'st.user has no attribute "{key}".') from None

    def __iter__(self) -> Iterator[str]:
        return iter(self._info())

    def __len__(self) -> int:
        return len(self._info())

    def __setattr__(self, key: str, value: Any) -> NoReturn:
        raise FragmentsAPIError("st.user cannot be modified. Fix: read it only.")

    @property
    def tokens(self) -> dict[str, str]:
        """Identity-provider tokens: none in a kernel."""
        return {}

    def to_dict(self) -> dict[str, Any]:
        """The user's information as a dict."""
        return self._info()

    def __repr__(self) -> str:
        return repr(self._info())


def login(provider: str | None = None) -> None:
    """Raises: a notebook kernel cannot send a visitor to an identity provider.

    Examples
    --------
    >>> st.login("google")  # doctest: +SKIP
    Traceback (most recent call last):
    StreamlitAuthError: st.login() cannot log in from a notebook kernel...
    """
    raise StreamlitAuthError(
        "st.login() cannot log in from a notebook kernel: logging in belongs to the "
        "Jupyter server (JupyterHub's authenticator, say), not to the app. Fix: serve the "
        "notebook behind JupyterHub and read the user from st.user."
    )


def logout() -> None:
    """Raises: logging out belongs to the Jupyter server, not to the app.

    Examples
    --------
    >>> st.logout()  # doctest: +SKIP
    """
    raise StreamlitAuthError(
        "st.logout() cannot log out from a notebook kernel: the login belongs to the "
        "Jupyter server. Fix: log out through JupyterHub's own page (/hub/logout)."
    )
