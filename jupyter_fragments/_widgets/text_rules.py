"""What a typed-in text must be before the app gets it: Streamlit 1.67's ``required``,
``validate`` and ``live`` on ``st.text_input`` (``required`` on ``st.text_area``).

Streamlit checks these in the browser; a notebook's text box cannot, so the kernel
checks the value a frontend sends before it counts: a refused value is not applied
(no rerun, the last committed value stays), and the box's label says why until the
user fixes it. ``live`` commits while the user types, after a pause.
"""

from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass
from typing import Any

import ipywidgets as widgets

REQUIRED = "A value is required."
NO_MATCH = "The value does not match the expected format."


@dataclass(frozen=True)
class TextRule:
    """The checks of one text input and when it commits.

    ``pause`` is None to commit on Enter or blur, 0 to commit every change, or the
    seconds of typing pause after which a change commits.
    """

    required: bool = False
    pattern: str | None = None
    message: str | None = None
    pause: float | None = None

    def problem(self, value: Any) -> str | None:
        """Why ``value`` may not be committed, or None. An empty value skips ``pattern``."""
        text = "" if value is None else str(value)
        if not text.strip():
            return REQUIRED if self.required else None
        if self.pattern and re.search(self.pattern, text, re.DOTALL) is None:
            return self.message or NO_MATCH
        return None


class CheckedText:
    """Mixed into ipywidgets' text boxes: the kernel's side of `TextRule`.

    ``set_state`` (what a frontend's update calls) holds back a value while the user
    is typing (``live``) and refuses one that breaks the rule; a refusal is shown after
    the label (``description``) and cleared by the next value that passes.
    """

    rule = TextRule()
    label = ""
    refusal: str | None = None
    _held: Any = None
    _timer: asyncio.TimerHandle | None = None
    _committing = False

    def set_state(self, sync_data: Any) -> None:
        if self._committing or not isinstance(sync_data, dict) or "value" not in sync_data:
            super().set_state(sync_data)  # type: ignore[misc]
            return
        rest = dict(sync_data)
        value = rest.pop("value")
        if rest:
            super().set_state(rest)  # type: ignore[misc]
        pause = self.rule.pause
        if pause:
            self._hold(value, pause)
        else:
            self.commit(value)

    def commit(self, value: Any) -> None:
        """Apply ``value`` as if the frontend sent it now, unless the rule refuses it."""
        self._cancel()
        problem = self.rule.problem(value)
        self.show_refusal(problem)
        if problem is not None:
            return
        self._committing = True
        try:
            self.set_state({"value": value})
        finally:
            self._committing = False

    def submit_problem(self) -> str | None:
        """Why the form holding this box may not be submitted now (shown), or None."""
        if self._timer is not None:
            self.commit(self._held)  # what was typed last counts
        problem = self.refusal or self.rule.problem(getattr(self, "value", ""))
        self.show_refusal(problem)
        return problem

    def show_refusal(self, problem: str | None) -> None:
        self.refusal = problem
        wanted = self.label if problem is None else f"{self.label} ⚠ {problem}".strip()
        if getattr(self, "description", wanted) != wanted:
            self.description = wanted

    def _hold(self, value: Any, pause: float) -> None:
        self._cancel()
        self._held = value
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            self.commit(value)  # no loop to wait on: commit now
            return
        self._timer = loop.call_later(pause, self._commit_held)

    def _commit_held(self) -> None:
        self._timer = None
        self.commit(self._held)

    def _cancel(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def enter(self, _widget: Any, content: Any, _buffers: Any) -> None:
        """Enter commits what is held at once (a custom ``submit`` message)."""
        if isinstance(content, dict) and content.get("event") == "submit" and self._timer:
            self.commit(self._held)


class Text(CheckedText, widgets.Text):  # type: ignore[misc]
    """``st.text_input``'s box."""


class Password(CheckedText, widgets.Password):  # type: ignore[misc]
    """``st.text_input(type="password")``'s box."""


class Textarea(CheckedText, widgets.Textarea):  # type: ignore[misc]
    """``st.text_area``'s box."""


def checked(box: CheckedText, label: str, rule: TextRule) -> None:
    """Give ``box`` its label and rule (on creation, and when the parameters change)."""
    box.label = label
    box.rule = rule
    continuous = rule.pause is not None
    if getattr(box, "continuous_update", continuous) != continuous:
        box.continuous_update = continuous  # type: ignore[attr-defined]
    box.show_refusal(box.refusal)  # the label may have changed under a refusal
