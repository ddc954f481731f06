"""The callbacks of an interaction and the rerun they ask for, as Streamlit 1.63+ decides it.

Each callback votes: returning (or raising an error, which is shown) asks for the
interaction's own rerun, ``st.rerun()`` asks for a full rerun, ``st.rerun("<key>")``
asks for the named fragments instead of the interaction's own rerun. A full rerun
wins over the rest; named fragments win unless another callback wants the app rerun.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from jupyter_fragments._runtime.context import RunContext
from jupyter_fragments._runtime.runner import ErrorShower, Role, run_user_code
from jupyter_fragments._runtime.scope import Scope
from jupyter_fragments._runtime.signals import RerunSignal


class PendingCallback(NamedTuple):
    """A user callback due before the next run of ``scope`` (or of a scope around it)."""

    func: Callable[..., Any]
    args: tuple[Any, ...]
    kwargs: dict[str, Any]
    scope: Scope


class Outcome(enum.Enum):
    """What the run that answered an interaction does after its callbacks."""

    CONTINUE = "continue"  # run the job's code, as asked
    FULL = "full"  # st.rerun() in a callback: rerun the whole app
    TARGETS = "targets"  # st.rerun("<key>"): rerun only the named fragments


@dataclass
class Votes:
    """What the callbacks of one interaction asked for."""

    default: bool = False  # a callback returned: the interaction's own rerun
    full: bool = False  # a callback called st.rerun()
    targets: list[Scope] = field(default_factory=list)  # st.rerun("<key>") / ("fragment")

    def outcome(self, job_is_app: bool) -> Outcome:
        """Streamlit's rule: a full rerun wins; an app-wide default escalates targets."""
        if self.full or (self.targets and self.default and job_is_app):
            return Outcome.FULL
        if self.targets:
            return Outcome.TARGETS
        return Outcome.CONTINUE


def run_callbacks(
    ctx: RunContext, job: Scope, callbacks: Sequence[PendingCallback], show_error: ErrorShower
) -> Votes:
    """Run the interaction's callbacks through the runner and collect their votes."""
    votes = Votes()
    ctx.in_callback = True
    try:
        for callback in callbacks:
            try:
                run_user_code(
                    Role.CALLBACK, job, callback.func, callback.args, callback.kwargs, show_error
                )
            except RerunSignal as signal:
                if signal.targets:
                    votes.targets.extend(t for t in signal.targets if t not in votes.targets)
                elif signal.scope == "fragment" and isinstance(signal.target, Scope):
                    if signal.target not in votes.targets:
                        votes.targets.append(signal.target)
                else:
                    votes.full = True
            else:
                votes.default = True
    finally:
        ctx.in_callback = False
    return votes


def order_targets(targets: Sequence[Scope], known: Sequence[Scope]) -> list[Scope]:
    """The named fragments in page order; one inside another reruns with it, not again."""
    position = {id(scope): i for i, scope in enumerate(known)}
    alive = [t for t in targets if t.alive]
    alive.sort(key=lambda t: position.get(id(t), len(position)))
    return [t for t in alive if not any(o is not t and t.is_within(o) for o in alive)]
