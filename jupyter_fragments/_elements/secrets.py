"""``st.secrets``: ``.streamlit/secrets.toml`` of the working directory and of the home
directory, merged, with key and attribute access, read again when a file changes.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, NoReturn

from jupyter_fragments._elements.appinfo import kept_on_shell, secrets_files
from jupyter_fragments._elements.streamlit_errors import StreamlitSecretNotFoundError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

_STORE = "_jupyter_fragments_secrets"


class _SecretsCache:
    """The secrets last read in this kernel, and the files' times they were read at."""

    def __init__(self) -> None:
        self.seen: tuple[tuple[str, int | None], ...] = ()
        self.values: dict[str, Any] | None = None


def _cache() -> _SecretsCache:
    return kept_on_shell(_STORE, _SecretsCache)


def _mtime(path: str) -> int | None:
    try:
        return os.stat(path).st_mtime_ns
    except OSError:
        return None


def load_secrets() -> dict[str, Any]:
    """The secrets of the files in `secrets_files`, read again when one of them changed."""
    info = _cache()
    seen = tuple((path, _mtime(path)) for path in secrets_files())
    if info.values is not None and seen == info.seen:
        return info.values
    merged: dict[str, Any] = {}
    for path, mtime in seen:
        if mtime is None:
            continue
        try:
            merged.update(tomllib.loads(Path(path).read_text(encoding="utf-8")))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise StreamlitSecretNotFoundError(
                f"Error parsing secrets file at {path}: {exc}. Fix: correct the TOML syntax "
                "of that file."
            ) from exc
    if all(mtime is None for _, mtime in seen):
        raise StreamlitSecretNotFoundError(
            "No secrets found. Valid paths for a secrets.toml file or secret directories "
            f"are: {', '.join(path for path, _ in seen)}. Fix: create "
            ".streamlit/secrets.toml next to the notebook (or in your home directory)."
        )
    for key, value in merged.items():
        if type(value) in (str, int, float):  # Streamlit exports plain top-level values
            os.environ[key] = str(value)
    info.values, info.seen = merged, seen
    return merged


_MISSING_HINT = (
    "Did you forget to add it to secrets.toml? Fix: add it to .streamlit/secrets.toml "
    "next to the notebook or in your home directory."
)


class AttrDict(Mapping[str, Any]):
    """A section of the secrets: read-only, with key and attribute access."""

    def __init__(self, values: Mapping[str, Any]) -> None:
        object.__setattr__(self, "_values", dict(values))

    def __getitem__(self, key: str) -> Any:
        try:
            return _wrap(self._values[key])
        except KeyError:
            raise KeyError(f'st.secrets has no key "{key}". {_MISSING_HINT}') from None

    def __getattr__(self, key: str) -> Any:
        if key.startswith("_"):  # IPython's _repr_*_ probes, copy's __deepcopy__...
            raise AttributeError(key)
        try:
            return _wrap(self._values[key])
        except KeyError:
            raise AttributeError(f'st.secrets has no attribute "{key}". {_MISSING_HINT}') from None

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def __setitem__(self, key: str, value: Any) -> NoReturn:
        raise TypeError("Secrets does not support item assignment.")

    def __setattr__(self, key: str, value: Any) -> NoReturn:
        raise TypeError("Secrets does not support attribute assignment.")

    def to_dict(self) -> dict[str, Any]:
        """The section as a plain (nested) dict."""
        return {k: v.to_dict() if isinstance(v, AttrDict) else v for k, v in self.items()}

    def __repr__(self) -> str:
        return f"{type(self).__name__}(keys={sorted(self._values)})"


def _wrap(value: Any) -> Any:
    return AttrDict(value) if isinstance(value, Mapping) else value


class Secrets(AttrDict):
    """``st.secrets``: ``.streamlit/secrets.toml`` of the working directory and of the home
    directory, merged (the working directory's wins), read again when a file changes.

    Examples
    --------
    >>> st.secrets["db_password"]  # doctest: +SKIP
    >>> st.secrets.connections.sql.url  # doctest: +SKIP
    """

    def __init__(self) -> None:
        pass

    @property
    def _values(self) -> dict[str, Any]:
        return load_secrets()

    def __getattr__(self, key: str) -> Any:
        try:
            return super().__getattr__(key)
        except StreamlitSecretNotFoundError:
            raise AttributeError(f'st.secrets has no attribute "{key}". {_MISSING_HINT}') from None

    def has_key(self, key: str) -> bool:
        """Whether the secrets have ``key``."""
        return key in self._values

    def load_if_toml_exists(self) -> bool:
        """Read the secrets files if there are any; False when there are none."""
        try:
            load_secrets()
        except StreamlitSecretNotFoundError:
            return False
        return True

    def __repr__(self) -> str:
        return "Secrets"
