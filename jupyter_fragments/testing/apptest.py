"""``AppTest``: Streamlit's ``streamlit.testing.v1.AppTest``, running the app in a real kernel.

A Streamlit user's test file changes only its import. The app runs in a shared kernel
(see ``apptest_session``) with ``import streamlit`` resolved to ``jupyter_fragments``
for that app only; inputs go through the Jupyter protocol as a user's events, so fragment
reruns and ``run_every`` timers behave as in a notebook and can be tested too.
"""

from __future__ import annotations

import importlib
import inspect
import os
import pickle
import textwrap
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .apptest_elements import ElementList, WidgetList
from .apptest_queries import ElementQueries
from .apptest_session import (
    KernelDict,
    decode_state,
    payload,
    query_dict,
    runner_call,
    shared_kernel,
)
from .apptest_tree import Block, Fragment, TreeBuilder
from .apptest_widgets import Send
from .results import HarnessError, HarnessTimeout
from .session import KernelSession

__all__ = ["AppTest"]


@dataclass(frozen=True)
class Script:
    """What an AppTest runs: the source, the file it comes from, and a call for functions."""

    source: str
    filename: str
    folder: str | None = None
    call: tuple[str, tuple[Any, ...], dict[str, Any]] | None = None


def _resolve(script_path: str | os.PathLike[str], caller: str | None) -> Path:
    """The app file: absolute, next to the calling test file, or from the working directory."""
    path = Path(script_path)
    if not path.is_absolute() and caller:
        beside = Path(caller).resolve().parent / path
        if beside.is_file():
            return beside
    if path.is_file():
        return path.resolve()
    raise FileNotFoundError(
        f"No app file {os.fspath(script_path)!r} (looked next to the test file and in "
        f"{os.getcwd()}). Fix: pass a path relative to the test file or the directory "
        "pytest runs in, or an absolute path."
    )


def _nested(flat: dict[str, Any]) -> dict[str, Any]:
    """Secrets with dotted keys (``"db.user"``) made into sections, as secrets.toml has them."""
    nested: dict[str, Any] = {}
    for key, value in flat.items():
        *sections, last = str(key).split(".")
        target = nested
        for section in sections:
            target = target.setdefault(section, {})
        target[last] = value
    return nested


class AppTest(ElementQueries):
    """A Streamlit app run in a Jupyter kernel, driven as a user would drive it.

    Create one with :meth:`from_file`, :meth:`from_string` or :meth:`from_function`, then
    ``run()`` it; read elements (``at.markdown[0].value``), queue inputs
    (``at.slider[0].set_value(5)``) and ``run()`` again, as with Streamlit's AppTest.

    Attributes
    ----------
    default_timeout : float
        Seconds a run may take when ``run()`` is given no ``timeout``.
    secrets : dict
        What ``st.secrets`` gives the app; set before ``run()``. Dotted keys make
        sections. When empty, ``.streamlit/secrets.toml`` of the working directory is read.
    session_state : mapping
        The kernel's ``st.session_state``: read after a run, written before the next.
    query_params : mapping
        What ``st.query_params`` gives the app, and what the app left there.

    Examples
    --------
    >>> from jupyter_fragments.testing import AppTest
    >>> at = AppTest.from_file("app.py").run()  # doctest: +SKIP
    >>> at.number_input[0].increment().run()  # doctest: +SKIP
    >>> at.button[0].click().run()  # doctest: +SKIP
    >>> at.markdown[0].value  # doctest: +SKIP
    'Beans counted: 1'
    """

    def __init__(
        self,
        script_path: str | os.PathLike[str],
        *,
        default_timeout: float = 3,
    ) -> None:
        path = Path(script_path).resolve()
        source = path.read_text(encoding="utf-8")
        self._setup(Script(source, str(path), str(path.parent)), default_timeout)

    def _setup(self, script: Script, default_timeout: float) -> None:
        self._script = script
        self.default_timeout = default_timeout
        self._name = f"apptest-{uuid.uuid4().hex[:12]}"
        self.secrets: dict[str, Any] = {}
        self.session_state = KernelDict("st.session_state", self._fetch_state)
        self.query_params = KernelDict("st.query_params", self._fetch_query_params)
        self._generation: int | None = None
        self._sent_secrets: bytes | None = None
        self._pending: dict[str, list[Send]] = {}
        self._clicked: set[str] = set()
        self._runs: dict[str, tuple[str, int]] = {}
        self._ran: tuple[str, ...] = ()
        self._main = Block(self, "main")
        self._sidebar = Block(self, "sidebar")
        self._fragments: list[Fragment] = []

    # -- creating ---------------------------------------------------------------------

    @classmethod
    def from_file(
        cls, script_path: str | os.PathLike[str], *, default_timeout: float = 3
    ) -> AppTest:
        """An AppTest of the app file ``script_path``.

        A relative path is looked up next to the calling test file, then in the working
        directory (where pytest runs). ``import streamlit as st`` in it gives
        ``jupyter_fragments``.

        Examples
        --------
        >>> at = AppTest.from_file("app.py", default_timeout=10).run()  # doctest: +SKIP
        """
        frame = inspect.currentframe()
        caller = frame.f_back.f_globals.get("__file__") if frame and frame.f_back else None
        return cls(_resolve(script_path, caller), default_timeout=default_timeout)

    @classmethod
    def from_string(cls, script: str, *, default_timeout: float = 3) -> AppTest:
        """An AppTest of an app given as source text.

        Examples
        --------
        >>> at = AppTest.from_string("import streamlit as st\\nst.title('Hi')").run()
        ... # doctest: +SKIP
        """
        at = cls.__new__(cls)
        source = textwrap.dedent(script)
        at._setup(Script(source, f"<AppTest {uuid.uuid4().hex[:8]}>"), default_timeout)
        return at

    @classmethod
    def from_function(
        cls,
        script: Callable[..., Any],
        *,
        default_timeout: float = 3,
        args: Sequence[Any] | None = None,
        kwargs: dict[str, Any] | None = None,
    ) -> AppTest:
        """An AppTest of a function's body: the function's source runs, then a call to it.

        The function must do its own imports (it runs in the kernel, not in the test);
        ``args`` and ``kwargs`` are pickled to the kernel.

        Examples
        --------
        >>> def app(start):
        ...     import streamlit as st
        ...     st.number_input("n", value=start)
        >>> at = AppTest.from_function(app, args=(5,)).run()  # doctest: +SKIP
        """
        at = cls.__new__(cls)
        source = textwrap.dedent(inspect.getsource(script))
        call = (script.__name__, tuple(args or ()), dict(kwargs or {}))
        filename = f"<AppTest {script.__name__}>"
        at._setup(Script(source, filename, call=call), default_timeout)
        return at

    # -- running ----------------------------------------------------------------------

    def run(self, *, timeout: float | None = None) -> AppTest:
        """Run the app: the first run, or the rerun that the queued inputs cause.

        Queued inputs (``set_value``, ``click``...) are sent as a user's events, all at
        once, clicks last; an input inside a fragment reruns only that fragment. With
        nothing queued the whole app reruns. Returns this AppTest once the kernel has
        drawn the result.

        Raises
        ------
        HarnessTimeout
            When the run takes more than ``timeout`` seconds (default ``default_timeout``);
            the kernel is interrupted.
        """
        limit = self.default_timeout if timeout is None else float(timeout)
        session = shared_kernel.session()
        try:
            if self._generation is None:
                self._start(session, limit)
            else:
                self._check_current()
                self._rerun(session, limit)
        except HarnessTimeout as exc:
            if session.manager is not None:
                session.manager.interrupt_kernel()
            raise HarnessTimeout(
                f"AppTest script run timed out after {limit:g}(s). Fix: pass a larger "
                "timeout to run() (or default_timeout= when creating the AppTest)."
            ) from exc
        self._refresh(session)
        return self

    def _start(self, session: KernelSession, limit: float) -> None:
        self._generation = shared_kernel.reset()
        script = self._script
        config = {
            "source": script.source,
            "filename": script.filename,
            "folder": script.folder,
            "call": script.call,
            "cwd": os.getcwd(),
            **self._changes(),
        }
        raw = session.eval(runner_call("start", self._name, payload(config)), timeout=limit)
        self.query_params.store(query_dict(raw))
        self._clicked = set()

    def _rerun(self, session: KernelSession, limit: float) -> None:
        if self._pending:
            self._send_inputs(session, limit)
            return
        changes = payload(self._changes())
        raw = session.eval(runner_call("rerun", self._name, changes), timeout=limit)
        self.query_params.store(query_dict(raw))
        self._clicked = set()

    def _check_current(self) -> None:
        if self._generation is not None and self._generation != shared_kernel.generation:
            raise HarnessError(
                "This AppTest's app was stopped: a newer AppTest reset the shared kernel "
                "on its first run. Fix: finish with one AppTest before running the next."
            )

    def _changes(self) -> dict[str, Any]:
        """The test's writes since the last run, for the kernel."""
        config: dict[str, Any] = {}
        if self.session_state.dirty:
            config["state"], config["deleted"] = self.session_state.take()
        if self.query_params.dirty:
            wanted = dict(self.query_params)
            self.query_params.take()
            config["query_params"] = wanted
        secrets = _nested(self.secrets) if self.secrets else self._secrets_file()
        sent = pickle.dumps(secrets)
        if sent != self._sent_secrets:
            config["secrets"] = secrets
            self._sent_secrets = sent
        return config

    @staticmethod
    def _secrets_file() -> dict[str, Any]:
        path = Path.cwd() / ".streamlit" / "secrets.toml"
        if not path.is_file():
            return {}
        for name in ("tomllib", "tomli"):  # tomllib from Python 3.11 on
            try:
                toml = importlib.import_module(name)
            except ImportError:
                continue
            with path.open("rb") as file:
                return dict(toml.load(file))
        raise HarnessError(
            f"Cannot read {path}: this Python has no TOML reader. Fix: pip install tomli, "
            "or set at.secrets in the test."
        )

    def _send_inputs(self, session: KernelSession, limit: float) -> None:
        changes = self._changes()
        if changes:
            raw = session.eval(runner_call("update", self._name, payload(changes)), timeout=limit)
            self.query_params.store(query_dict(raw))
        queued = sorted(self._pending.values(), key=lambda s: any(k == "click" for k, _, _ in s))
        self._pending = {}
        ids, clicked = [], set()
        for sends in queued:
            for kind, model_id, state in sends:
                if kind == "click":
                    ids.append(session.send_custom(model_id, {"event": "click"}))
                    clicked.add(model_id)
                else:
                    ids.append(session.send_update(model_id, state))
        failed = [i.error for i in session.wait_idle(ids, timeout=limit) if i.error is not None]
        if failed:
            raise HarnessError(f"The kernel failed to handle an input: {failed[0]}")
        self._clicked = clicked
        self.query_params.store(None)

    def queue(self, model_id: str, sends: list[Send]) -> None:
        """Queue a widget's events for the next ``run()`` (the latest per widget wins)."""
        self._pending.pop(model_id, None)
        if sends:
            self._pending[model_id] = sends

    def wait(self, seconds: float) -> AppTest:
        """Let the kernel's timers run for ``seconds`` (``run_every`` fragments tick).

        Not in Streamlit's AppTest, whose timers never fire. Returns this AppTest with
        the page as it is afterwards.

        Examples
        --------
        >>> at.wait(1.0).fragment("clock").runs  # doctest: +SKIP
        3
        """
        session = shared_kernel.session()
        self._check_current()
        session.wait(seconds)
        self._clicked = set()
        self._refresh(session)
        return self

    def _refresh(self, session: KernelSession) -> None:
        apps = [a for a in session.snapshot().get("apps", []) if a.get("name") == self._name]
        if not apps:
            raise HarnessError(
                f"The app of this AppTest is not in the kernel any more ({self._name}). "
                "Fix: do not reset the kernel (app_session, stop_all) while using an AppTest."
            )
        app = apps[-1]
        tree = TreeBuilder(self, session.mirror, app, self._clicked).build()
        self._main, self._sidebar, self._fragments = tree.main, tree.sidebar, tree.fragments
        runs = {
            str(s["id"]): ("app" if s.get("kind") == "app" else str(s.get("name")), int(s["runs"]))
            for s in app.get("scopes", [])
        }
        self._ran = tuple(
            name for sid, (name, count) in runs.items() if count > self._runs.get(sid, ("", 0))[1]
        )
        self._runs = runs
        self.session_state.store(None)

    def _fetch_state(self) -> dict[str, Any]:
        if self._generation is None:
            return {}
        self._check_current()
        return decode_state(shared_kernel.session().eval(runner_call("state")))

    def _fetch_query_params(self) -> dict[str, Any]:
        if self._generation is None:
            return {}
        raw = shared_kernel.session().eval(runner_call("query_params", self._name))
        return query_dict(raw)

    # -- reading ----------------------------------------------------------------------

    def get(self, element_type: str) -> ElementList[Any]:
        """Every element of ``element_type`` (``"markdown"``, ``"button"``...), main then sidebar.

        Examples
        --------
        >>> at.get("number_input")[0].increment().run()  # doctest: +SKIP
        """
        main, side = self._main.get(element_type), self._sidebar.get(element_type)
        widgets = isinstance(main, WidgetList) or isinstance(side, WidgetList)
        return (WidgetList if widgets else ElementList)([*main, *side])

    @property
    def main(self) -> Block:
        """The main area of the app."""
        return self._main

    @property
    def sidebar(self) -> Block:
        """The app's ``st.sidebar``."""
        return self._sidebar

    def fragment(self, name: str, *, index: int | None = None) -> Fragment:
        """The fragment called ``name`` as the last run left it (``index``: which call site).

        Not in Streamlit's AppTest. ``.runs`` counts its runs; its element queries
        (``.button``...) see only what it shows.

        Examples
        --------
        >>> at.fragment("counter").button[0].click().run()  # doctest: +SKIP
        >>> at.fragment("counter").runs, at.ran  # doctest: +SKIP
        (2, ('counter',))
        """
        found = [f for f in self._fragments if f.name == name]
        if index is not None and 0 <= index < len(found):
            return found[index]
        if len(found) == 1 and index is None:
            return found[0]
        names = sorted({f.name for f in self._fragments}) or ["none"]
        if len(found) > 1:
            raise HarnessError(
                f"The fragment {name!r} has {len(found)} call sites. Fix: pass index=0..."
            )
        raise HarnessError(f"No fragment {name!r} on the page; fragments: {names}.")

    @property
    def ran(self) -> tuple[str, ...]:
        """The scopes the last ``run()`` or ``wait()`` ran: ``("app",)``, ``("counter",)``..."""
        return self._ran

    def switch_page(self, page_path: str) -> AppTest:
        """Not available: jupyter-fragments has no multipage apps yet."""
        raise NotImplementedError(
            f"AppTest.switch_page({page_path!r}): jupyter-fragments has no multipage apps "
            "yet. Fix: test each page with its own AppTest.from_file(...), setting "
            "at.session_state to what the earlier pages would leave there."
        )

    def __repr__(self) -> str:
        return f"AppTest({self._script.filename!r}, ran={self._ran!r})"
