"""Starting apps: ``st.app`` (the plain-Python ``%%app``), ``stop_all``, and the one
function that makes an app, shows it and runs it (shared with the ``%%app`` magic).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, overload

from jupyter_fragments._runtime.app import App
from jupyter_fragments._runtime.hooks import kernel_hooks
from jupyter_fragments._runtime.script import cell_id
from jupyter_fragments._runtime.session import Session, get_session
from jupyter_fragments.errors import FragmentsAPIError, StrictAppError


def create_app(
    session: Session,
    script: Callable[[], Any],
    *,
    key: str | None = None,
    name: str | None = None,
    strict: bool | None = None,
) -> App:
    """Make an app; one with the same key (cell id or name) is replaced."""
    if session.ctx is not None:
        raise FragmentsAPIError(
            "An app cannot be created while another app runs. "
            "Fix: create apps from notebook cells, not from inside an app."
        )
    session.main.remember()
    session.apps_made += 1
    if key is None:
        session.unnamed += 1
        key = f"unnamed-{session.unnamed}"
    old = session.apps.pop(key, None)
    if old is not None:
        old.close()
    app = App(
        session,
        script,
        key=key,
        name=name or key,
        strict=session.config.strict if strict is None else strict,
        app_id=f"app-{session.apps_made}",
        on_close=kernel_hooks(session).acquire(),
    )
    session.apps[key] = app
    session.notify()
    return app


def run_script(
    script: Callable[[], Any],
    *,
    key: str | None,
    name: str | None,
    strict: bool | None,
    show: bool = True,
) -> App:
    """Create (or replace) an app, show it and run it once."""
    session = get_session()
    app = create_app(session, script, key=key, name=name, strict=strict)
    if show:
        from IPython.display import display

        display(app.root.output)
    app.start()
    if app.strict and app.errors:
        first = app.errors[0]
        raise StrictAppError(
            f"The app {app.name!r} raised {type(first).__name__}: {first}. The traceback is "
            "shown inside the app. (This cell fails because the app runs strict: "
            "%%app --strict or Fragments.strict.)"
        )
    return app


@overload
def app(func: Callable[[], Any], /) -> App: ...


@overload
def app(
    func: None = None, /, *, name: str | None = None, strict: bool | None = None
) -> Callable[[Callable[[], Any]], App]: ...


def app(
    func: Callable[[], Any] | None = None,
    /,
    *,
    name: str | None = None,
    strict: bool | None = None,
) -> Any:
    """Run a function as an app, the plain-Python equivalent of a ``%%app`` cell.

    The function is the app's script: it runs now and again on every interaction.
    An app with the same ``name`` is replaced. Returns the `App`.

    Examples
    --------
    >>> @st.app(name="counter")
    ... def counter_app():
    ...     n = st.slider("n", 0, 10)
    ...     st.write(n * 2)
    """

    def start(f: Callable[[], Any]) -> App:
        if not callable(f):
            raise TypeError(f"st.app needs a function, got {type(f).__name__}.")
        shell = get_session().shell
        key = name or cell_id(shell)
        return run_script(f, key=key, name=name or getattr(f, "__name__", None), strict=strict)

    if func is None:
        return start
    return start(func)


def stop_all() -> None:
    """Stop every app and timer in this kernel and close all their widgets.

    Examples
    --------
    >>> st.stop_all()
    """
    get_session().stop_all()
