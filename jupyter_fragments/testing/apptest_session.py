"""Where ``AppTest`` apps run, and the dicts it shares with the kernel.

Every ``AppTest`` of a test process runs in one kernel, started when the first one
runs and shut down when the process exits (`shared_kernel`). Each new ``AppTest``
resets it on its first run: apps and timers stopped, ``session_state`` cleared.
`KernelDict` is ``at.session_state`` and ``at.query_params``: read from the kernel when
first looked at after a run, written to it just before the next run.
"""

from __future__ import annotations

import atexit
import pickle
from collections.abc import Callable, Iterator, MutableMapping
from typing import TYPE_CHECKING, Any

from .apptest_runner import KeysAsAttributes, decode, encode
from .results import HarnessError

if TYPE_CHECKING:
    from .session import KernelSession

__all__ = ["KernelDict", "SharedKernel", "runner_call", "shared_kernel"]

_RUNNER = "__import__('jupyter_fragments.testing.apptest_runner', fromlist=['x'])"


def runner_call(function: str, *args: Any) -> str:
    """The expression calling ``apptest_runner.<function>(*args)`` in the kernel.

    Examples
    --------
    >>> runner_call("rerun", "app-1", "")
    "__import__('jupyter_fragments.testing.apptest_runner', fromlist=['x']).rerun('app-1', '')"
    """
    return f"{_RUNNER}.{function}({', '.join(repr(a) for a in args)})"


class SharedKernel:
    """The kernel every ``AppTest`` of this process runs in.

    It starts on first use (the ``kernel_name`` spec, this process's working directory)
    with ``jupyter_fragments`` loaded, and stops when the process exits. `use` makes
    AppTests run in a kernel you already drive instead. Under pytest the plugin's
    ``fragments_kernel`` fixture is this kernel, so ``app_session`` tests and AppTests
    share one, and ``--fragments-kernel`` names its spec.

    Attributes
    ----------
    kernel_name : str
        The kernel spec a new kernel starts with (``"python3"``).
    generation : int
        How many times an AppTest reset the kernel; an AppTest whose first run was an
        older generation has lost its app.

    Examples
    --------
    >>> from jupyter_fragments.testing.apptest_session import shared_kernel
    >>> shared_kernel.use(fragments_kernel)  # doctest: +SKIP
    """

    def __init__(self) -> None:
        self._session: KernelSession | None = None
        self._owned = False
        self._exit_hook = False
        self.generation = 0
        self.kernel_name = "python3"

    def kernel(self) -> KernelSession:
        """The kernel session as it is, started if there is none yet (nothing loaded)."""
        session = self._session
        if session is None or not self._alive(session):
            from .session import KernelSession

            session = KernelSession.start(kernel_name=self.kernel_name)
            self._session, self._owned = session, True
            if not self._exit_hook:
                atexit.register(self.stop)
                self._exit_hook = True
        return session

    def session(self) -> KernelSession:
        """The kernel session with ``jupyter_fragments`` loaded, started if need be."""
        session = self.kernel()
        if not session.extension_loaded:
            session.run_cell("%load_ext jupyter_fragments")
            session.extension_loaded = True
        return session

    @staticmethod
    def _alive(session: KernelSession) -> bool:
        return session.manager is None or bool(session.manager.is_alive())

    def use(self, session: KernelSession) -> None:
        """Run AppTests in ``session`` from now on (it is not shut down by this object)."""
        if self._session is not session:
            self.stop()
        self._session, self._owned = session, False

    def reset(self) -> int:
        """Reset the kernel for a new AppTest; returns the new generation."""
        self.session().reset()
        self.generation += 1
        return self.generation

    def stop(self) -> None:
        """Shut down the kernel if this object started it."""
        session, self._session = self._session, None
        if session is not None and self._owned:
            session.shutdown()


shared_kernel = SharedKernel()
"""The one `SharedKernel` of this process."""


class KernelDict(KeysAsAttributes, MutableMapping[str, Any]):
    """A dict that lives in the kernel: read lazily after each run, written before the next.

    Keys and attributes both work (``at.session_state["n"]``, ``at.session_state.n``).
    Values travel pickled; a value the test process cannot unpickle (an instance of a
    class the app defines) reads as its ``repr``.
    """

    def __init__(self, name: str, fetch: Callable[[], dict[str, Any]]) -> None:
        object.__setattr__(self, "_name", name)
        object.__setattr__(self, "_fetch", fetch)
        object.__setattr__(self, "_cache", None)
        object.__setattr__(self, "writes", {})
        object.__setattr__(self, "deleted", set())

    _name: str
    _fetch: Callable[[], dict[str, Any]]
    _cache: dict[str, Any] | None
    writes: dict[str, Any]
    deleted: set[str]

    def _current(self) -> dict[str, Any]:
        if self._cache is None:
            object.__setattr__(self, "_cache", self._fetch())
        values = {k: v for k, v in (self._cache or {}).items() if k not in self.deleted}
        values.update(self.writes)
        return values

    def __getitem__(self, key: str) -> Any:
        values = self._current()
        if key not in values:
            raise KeyError(
                f"{self._name} has no key {key!r}; keys: {sorted(values) or 'none'}. "
                "Fix: check the app ran and sets it, or set it before at.run()."
            )
        return values[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.writes[key] = value
        self.deleted.discard(key)

    def __delitem__(self, key: str) -> None:
        if key not in self._current():
            raise KeyError(f"{self._name} has no key {key!r}.")
        self.writes.pop(key, None)
        self.deleted.add(key)

    def __iter__(self) -> Iterator[str]:
        return iter(self._current())

    def __len__(self) -> int:
        return len(self._current())

    def __setattr__(self, name: str, value: Any) -> None:
        self[name] = value

    def __delattr__(self, name: str) -> None:
        try:
            del self[name]
        except KeyError as exc:
            raise AttributeError(exc.args[0]) from None

    def __repr__(self) -> str:
        return f"{self._name}({self._current()!r})"

    @property
    def dirty(self) -> bool:
        """Whether writes wait for the next run."""
        return bool(self.writes or self.deleted)

    def take(self) -> tuple[dict[str, Any], list[str]]:
        """The pending writes and deletions, now sent: they are forgotten here."""
        writes, deleted = dict(self.writes), sorted(self.deleted)
        self.writes.clear()
        self.deleted.clear()
        return writes, deleted

    def store(self, values: dict[str, Any] | None) -> None:
        """What the kernel holds now (None: read it again when next looked at)."""
        object.__setattr__(self, "_cache", values)


def decode_state(payload: str) -> dict[str, Any]:
    """``session_state`` as ``apptest_runner.state`` sent it (a value or its repr)."""
    values: dict[str, Any] = {}
    for key, (data, text) in decode(payload).items():
        values[key] = text
        if data is not None:
            try:
                values[key] = pickle.loads(data)
            except Exception:  # noqa: BLE001 - a class only the kernel can import
                pass
    return values


def query_dict(raw: dict[str, list[str]]) -> dict[str, Any]:
    """Query parameters for the test: one value as a string, several as a list."""
    return {k: v[0] if len(v) == 1 else list(v) for k, v in raw.items()}


def payload(config: dict[str, Any]) -> str:
    """``config`` for the kernel; a value it cannot carry is a clear error."""
    try:
        return encode(config)
    except Exception as exc:  # pickling fails in many ways
        raise HarnessError(
            f"A value for the app cannot be sent to the kernel: {exc}. Fix: use values "
            "that pickle (numbers, strings, lists, dicts, dates, DataFrames...) in "
            "at.session_state, at.secrets, at.query_params and from_function's args."
        ) from exc
