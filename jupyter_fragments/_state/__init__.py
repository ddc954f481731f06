"""Session state: one per kernel, shared by every app in the notebook."""

from jupyter_fragments._state.session_state import SessionState, SessionStateProxy

__all__ = ["SessionState", "SessionStateProxy"]
