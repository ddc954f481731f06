"""``AppTest``: Streamlit's ``streamlit.testing.v1.AppTest``, running the app in a real kernel.

A Streamlit user's test file changes only its import. The app runs in a shared kernel
(see ``apptest_session``) with ``import streamlit`` resolved to ``jupyter_fragments``
for that app only; inputs go through the Jupyter protocol as a user's events, so fragment
reruns and ``run_every`` timers behave as in a notebook and can be tested too.
"""

from __future__ import annotations

import inspect
import os
import textwrap
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from .apptest_driver import AppDriver, Script, resolve_script
from .apptest_elements import ElementList, WidgetList
from .apptest_queries import ElementQueries
from .apptest_session import KernelDict, shared_kernel
from .apptest_tree import Block, Fragment, TreeBuilder
from .apptest_widgets import Send
from .results import HarnessError

__all__ = ["AppTest"]


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

    Notes
    -----
    *The kernel.* Every AppTest of a test process runs in one kernel, started by the
    first ``run()`` in the process's working directory and shut down when the process
    exits (``apptest_session.shared_kernel``; its ``use(session)`` points AppTests at a
    kernel you already have). Under pytest it is the ``fragments_kernel`` fixture's
    kernel, shared with ``app_session`` tests, of the spec ``--fragments-kernel`` names.
    Each AppTest's first run resets it: every app and timer stops and ``session_state``
    is emptied (one state per kernel, as in a notebook), so an older AppTest cannot run
    again after a newer one started.

    *The script.* It runs in a fresh namespace on every full run, as ``streamlit run``
    runs it, with Streamlit's magic (a bare expression is written). In it,
    ``import streamlit`` and ``import jupyter_fragments`` give ``jupyter_fragments``
    plus the test's ``secrets`` and ``query_params``; ``streamlit.<submodule>``
    imports fail with a clear error. Modules the app imports are not redirected: a
    helper module doing ``import streamlit`` gets the real Streamlit (or fails).

    *Runs.* Queued inputs are sent as a user's events, all at once and clicks last;
    the kernel applies them like a burst of clicks (a newer event supersedes a stale
    run), so how many runs a batch of inputs costs is not fixed, the end state is.
    An input inside a fragment reruns only that fragment (see :attr:`ran` and
    :meth:`fragment`); :meth:`wait` lets ``run_every`` timers tick.

    *Values.* A selection widget's ``value`` is the option the app got, as in
    Streamlit, when the kernel can send it back (JSON values, and literals such as
    tuples); else it is the option's label (``str`` of it unless ``format_func`` says
    otherwise). ``options`` are labels, and ``set_value`` takes an option or its label.
    ``st.table`` gives its cells exactly; an ``st.dataframe`` grid gives the DataFrame it
    was given, read from the kernel when its ``value`` is first asked for (without
    ipydatagrid, from the table shown: floats as displayed, 4 significant digits).

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
        self._driver = AppDriver(script)
        self.default_timeout = default_timeout
        self.secrets: dict[str, Any] = {}
        self.session_state = KernelDict("st.session_state", self._driver.fetch_state)
        self.query_params = KernelDict("st.query_params", self._driver.fetch_query_params)
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
        return cls(resolve_script(script_path, caller), default_timeout=default_timeout)

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
        if not inspect.isfunction(script) or script.__name__ == "<lambda>":
            raise TypeError(
                f"AppTest.from_function needs a function made with def, got {script!r}. "
                "Fix: write the app as `def app(): ...` and pass app."
            )
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
        app = self._driver.run(limit, self.secrets, self.session_state, self.query_params)
        self._show(app)
        return self

    def _queue(self, model_id: str, sends: list[Send]) -> None:
        """Queue a widget's events for the next ``run()`` (the latest per widget wins)."""
        self._driver.queue(model_id, sends)

    def wait(self, seconds: float) -> AppTest:
        """Let the kernel's timers run for ``seconds`` (``run_every`` fragments tick).

        Not in Streamlit's AppTest, whose timers never fire. Returns this AppTest with
        the page as it is afterwards.

        Examples
        --------
        >>> at.wait(1.0).fragment("clock").runs  # doctest: +SKIP
        3
        """
        self._show(self._driver.wait(seconds))
        return self

    def _show(self, app: dict[str, Any]) -> None:
        mirror = shared_kernel.session().mirror
        driver = self._driver
        tree = TreeBuilder(self, mirror, app, driver.clicked, driver.grid_frame).build()
        self._main, self._sidebar, self._fragments = tree.main, tree.sidebar, tree.fragments
        self.session_state.store(None)

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
        return self._driver.ran

    def switch_page(self, page_path: str) -> AppTest:
        """Show the page file ``page_path`` (relative to the app script) in the next run.

        As in Streamlit, this does not run the app: call ``run()`` after it. When the
        app calls ``st.navigation``, the page must be one of its file pages (call
        ``run()`` once first, so the app has told which pages it has); the whole script
        runs with that page shown, as after ``st.switch_page``. Otherwise (a page of a
        ``pages/`` folder, as in Streamlit's first multipage apps) the page file runs in
        place of the app script, until another ``switch_page`` (the app script's own
        path comes back to it). An app given as a string or a function finds pages from
        the working directory.

        Raises
        ------
        ValueError
            When no file ``page_path`` exists there.

        Examples
        --------
        >>> at = AppTest.from_file("app.py").run()  # doctest: +SKIP
        >>> at.switch_page("pages/settings.py").run()  # doctest: +SKIP
        """
        folder = Path(self._driver.script.folder or os.getcwd())
        page = folder / page_path
        if not page.is_file():
            raise ValueError(
                f"Could not find page {page_path!r} relative to the main script's folder "
                f"{str(folder)!r} (resolved: {str(page.resolve())!r}). Fix: give the page "
                "file's path relative to the app script, e.g. 'pages/settings.py'."
            )
        self._driver.page = str(page.resolve())
        return self

    def __repr__(self) -> str:
        return f"AppTest({self._driver.script.filename!r}, ran={self.ran!r})"
