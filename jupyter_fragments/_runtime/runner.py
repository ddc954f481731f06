"""The one place where user code runs, and its one exception policy.

Scripts, fragment reruns, fragments called during a run, callbacks (``on_change``,
``on_click``, a dialog's ``on_dismiss``) and timer ticks all call user code through
`run_user_code`, on the kernel's main thread, inside a run (so output is captured).
The one exception: the parallel fragments of a full run (``parallel=True``), each on a
thread of its own while the run goes on (see `jupyter_fragments._runtime.parallel`).

The policy, by what the code raised:

- an error (any other ``BaseException``): shown in place at the end of what the scope
  drew so far; the scope is marked as failed; the run goes on after the call;
- ``st.stop()``: the run ends where it stands (in a fragment called during a full run:
  the whole run; in a callback: the callback; in a parallel fragment: that fragment);
- ``st.rerun()``, a newer event and interrupts: passed on to the run loop, which reruns,
  requeues or shows the interrupt. In a callback ``st.rerun()`` ends the callback and
  is passed on too: the caller weighs it against the interaction's other callbacks (a
  full rerun, or only the fragments it names, as Streamlit 1.63+ does). In a parallel
  fragment it ends the fragment and is passed on to its thread, which hands it to the
  run once every parallel fragment has finished.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import Any, Protocol

from jupyter_fragments._runtime.mainthread import MainThread
from jupyter_fragments._runtime.scope import Scope
from jupyter_fragments._runtime.signals import RunSignal, StopSignal


class Role(enum.Enum):
    """Why user code is being called."""

    SCRIPT = "script"  # the job of a run: the app script or a fragment rerun
    FRAGMENT = "fragment"  # a fragment function called while its parent runs
    CALLBACK = "callback"  # on_change / on_click / on_dismiss, before the run's code
    PARALLEL = "parallel"  # a parallel fragment of a full run, on its own thread


class ErrorShower(Protocol):
    def __call__(self, scope: Scope, exc: BaseException) -> None: ...


def run_user_code(
    role: Role,
    scope: Scope,
    func: Callable[..., Any],
    args: tuple[Any, ...],
    kwargs: dict[str, Any],
    show_error: ErrorShower,
) -> Any:
    """Call ``func(*args, **kwargs)`` for ``scope`` under the policy above.

    Returns what the function returned, or None when it raised an error (shown).
    """
    if not MainThread.runs_user_code():
        raise RuntimeError(
            "user code must run on the kernel's main thread or a parallel fragment's"
        )
    try:
        return func(*args, **kwargs)
    except StopSignal:
        if role is Role.FRAGMENT:
            raise  # st.stop() in a fragment ends the whole run it is part of
        return None  # the run (or the callback) ends where it stands
    except (RunSignal, KeyboardInterrupt):
        raise
    except BaseException as exc:  # noqa: BLE001 - user code: show every error in place
        show_error(scope, exc)
        return None
