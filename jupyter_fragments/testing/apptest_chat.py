"""``st.chat_input`` as ``AppTest`` hands it out: ``set_value(text)`` submits the text in
the next run, as a person typing it and pressing Enter.

The chat input is a box of a text box and a send button (and a file picker with
``accept_file``). Enter makes a browser send the text box's ``submit`` message, then
the value it commits; the harness sends the same.
"""

from __future__ import annotations

from typing import Any

from .apptest_widgets import Send, Trigger
from .results import HarnessError

__all__ = ["ChatInput"]


class ChatInput(Trigger):
    """``st.chat_input``: ``value`` is the text the last run got (None when that run was
    not caused by a submit), or the text queued with ``set_value``.

    With ``accept_file``, the app gets a ``ChatInputValue``; ``value`` here is its text.

    Examples
    --------
    >>> at.chat_input[0].set_value("Hello").run()  # doctest: +SKIP
    >>> at.chat_message[0].markdown[0].value  # doctest: +SKIP
    'Hello'
    """

    def _part(self, css_class: str) -> tuple[str, dict[str, Any]] | None:
        for model_id, state in self.parts:
            if css_class in (state.get("_dom_classes") or ()):
                return model_id, state
        return None

    @property
    def placeholder(self) -> str:
        """The grey text of the empty box."""
        text = self._part("jf-chat-text")
        return str(text[1].get("placeholder") or "") if text is not None else self.label

    @property
    def disabled(self) -> bool:
        text = self._part("jf-chat-text")
        return bool(text is not None and text[1].get("disabled"))

    def sends(self, value: Any) -> list[Send]:
        if value is None:
            return []  # as in Streamlit: None only drops what was queued
        text_part = self._part("jf-chat-text")
        if text_part is None:
            raise HarnessError(f"The chat input {self.label!r} has no text box to type into.")
        text_id, state = text_part
        text = str(value)
        sends: list[Send] = []
        if state.get("value") == text:
            # the box already holds the text: a value equal to it would change nothing
            sends.append(("update", text_id, {"value": ""}))
        sends += [("submit", text_id, {}), ("update", text_id, {"value": text})]
        return [*sends, self.trigger(text)]

    def upload(self, filename: str, content: bytes, mime_type: str = "") -> ChatInput:
        """Not available yet: the harness cannot send files."""
        raise HarnessError(
            f"ChatInput.upload({filename!r}): the AppTest harness cannot attach files to a "
            "chat input yet. Fix: test the text with set_value(text), and the files' "
            "handling with a function the app calls."
        )
