"""Public exceptions. Each message says what happened, then how to fix it ("Fix: ...")."""

from __future__ import annotations

__all__ = [
    "DuplicateWidgetError",
    "FragmentWidgetError",
    "FragmentsAPIError",
    "NoAppError",
    "StreamlitAPIException",
    "StrictAppError",
]


class FragmentsAPIError(Exception):
    """An ``st.*`` call was used in a way that cannot work.

    The message names the call and the argument at fault, then says how to fix it.
    """


#: Streamlit's name for the same thing, so ported ``except`` clauses keep working.
StreamlitAPIException = FragmentsAPIError


class DuplicateWidgetError(FragmentsAPIError):
    """Two widgets with the same identity (kind, label and parameters, or key) in one run."""


class FragmentWidgetError(FragmentsAPIError):
    """A fragment created a widget in a container that was created outside the fragment."""


class NoAppError(FragmentsAPIError):
    """An app-only call (a widget, ``st.rerun``...) was made while no app is running."""


class StrictAppError(Exception):
    """A strict app raised while running its cell; raised so that the cell fails too.

    The traceback of the original exception is shown inside the app, where it happened.
    """
