"""The chat input kind: ``st.chat_input``'s box, what counts as a submit, and its value.

A submit is Enter in the text box or a click on the send button. ipywidgets' text box
tells the kernel about Enter with a ``submit`` message that carries no text and may
arrive before the value it commits (the browser holds a model's updates back while an
earlier one is unanswered), so the box waits for the value that follows; when none
follows (the text was already known) it submits the text the kernel has.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator, MutableMapping
from typing import Any

import ipywidgets as widgets
import traitlets
from ipywidgets.widgets.widget_string import TextStyle

from jupyter_fragments._page.pool import ModelPool, close_widget
from jupyter_fragments._widgets.base import Params
from jupyter_fragments._widgets.buttons import TriggerValueKind
from jupyter_fragments._widgets.files import UploadedFile

#: Seconds an Enter waits for the value its keystroke commits before it submits the
#: text the kernel already has (the value follows at once unless the kernel was busy).
ENTER_GRACE = 0.5

_MB = 1024 * 1024


class ChatInputValue(MutableMapping[str, Any]):
    """What ``st.chat_input`` returns when it accepts files: the text and the files.

    Key and attribute access (``value.text``, ``value["files"]``), as Streamlit's
    ``streamlit.typing.ChatInputValue``; ``files`` exists only with ``accept_file``
    and ``audio`` only with ``accept_audio``.

    Examples
    --------
    >>> value = ChatInputValue("hi", [], include_files=True)
    >>> value.text, value["files"], value.to_dict()
    ('hi', [], {'text': 'hi', 'files': []})
    """

    def __init__(
        self,
        text: str,
        files: list[UploadedFile] | None = None,
        audio: UploadedFile | None = None,
        *,
        include_files: bool = False,
        include_audio: bool = False,
    ) -> None:
        data: dict[str, Any] = {"text": text}
        if include_files:
            data["files"] = list(files or [])
        if include_audio:
            data["audio"] = audio
        object.__setattr__(self, "_data", data)
        object.__setattr__(self, "_allowed", frozenset(data))

    def __getattr__(self, name: str) -> Any:
        data = object.__getattribute__(self, "_data")
        if name in data:
            return data[name]
        if name in ("files", "audio"):
            flag = "accept_file" if name == "files" else "accept_audio"
            raise AttributeError(
                f"'ChatInputValue' object has no attribute {name!r} ({flag}=False)"
            )
        raise AttributeError(f"'ChatInputValue' object has no attribute {name!r}")

    def __setattr__(self, name: str, value: Any) -> None:
        self[name] = value

    def __getitem__(self, key: str) -> Any:
        if key not in self._data:
            raise KeyError(f"Invalid key: {key}")
        return self._data[key]

    def __setitem__(self, key: str, value: Any) -> None:
        if key not in self._allowed:
            raise KeyError(f"Invalid key: {key}")
        self._data[key] = value

    def __delitem__(self, key: str) -> None:
        if key not in self._data:
            raise KeyError(f"Invalid key: {key}")
        del self._data[key]

    def __iter__(self) -> Iterator[str]:
        return iter(list(self._data))

    def __len__(self) -> int:
        return len(self._data)

    def to_dict(self) -> dict[str, Any]:
        """The included keys and their values, as a plain dict."""
        return dict(self._data)

    def __repr__(self) -> str:
        shown = ", ".join(f"{key}={value!r}" for key, value in self._data.items())
        return f"ChatInputValue({shown})"


def _bytes(content: Any) -> bytes:
    return content.encode() if isinstance(content, str) else bytes(content)


def _accepted(item: Any, types: list[str], max_bytes: int | None) -> bool:
    name = str(item.get("name", "")).lower()
    mime = str(item.get("type") or "").lower()
    if max_bytes is not None and len(item.get("content", b"")) > max_bytes:
        return False
    if not types:
        return True
    for wanted in types:
        if wanted.startswith("."):
            if name.endswith(wanted):
                return True
        elif wanted.endswith("/*"):
            if mime.startswith(wanted[:-1]):
                return True
        elif mime == wanted:
            return True
    return False


class ChatInputBox(widgets.HBox):  # type: ignore[misc]
    """The box a person types a message into: attach (with files), text, send.

    ``submitted`` is a kernel-only trait the widget registry observes: it counts
    submits, and ``payload`` holds the last one.
    """

    submitted = traitlets.Int(0)

    def __init__(self, params: Params, pool: ModelPool) -> None:
        super().__init__(
            layout=self._box_layout(pool, params), _dom_classes=("jf-input", "jf-chat-input")
        )
        self.params = params
        self.payload: Any = None
        self._pool = pool
        self.text = widgets.Text(
            continuous_update=False,
            layout=pool.layout(flex="1 1 auto", width="auto", min_width="0"),
            style=pool.style(TextStyle, description_width="0"),
            _dom_classes=("jf-chat-text",),
        )
        self.send = widgets.Button(
            icon="paper-plane",
            tooltip="Send",
            layout=pool.layout(width="auto"),
            style=pool.style(widgets.ButtonStyle),
            _dom_classes=("jf-chat-send",),
        )
        self.attach: widgets.FileUpload | None = None
        if params["accept_file"]:
            self.attach = widgets.FileUpload(
                description="",
                icon="paperclip",
                tooltip="Attach files",
                multiple=params["accept_file"] in ("multiple", "directory"),
                accept=",".join(params["file_type"]),
                layout=pool.layout(width="auto"),
                style=pool.style(widgets.ButtonStyle),
            )
        self.children = tuple(w for w in (self.attach, self.text, self.send) if w is not None)
        self._armed = False
        self._timer: asyncio.TimerHandle | None = None
        self._applying = False
        self.configure(params)
        self.text.observe(self._on_value, names="value")
        self.text.on_msg(self._on_message)
        self.send.on_click(self._on_send)

    # ------------------------------------------------------------ parameters
    @staticmethod
    def _box_layout(pool: ModelPool, params: Params) -> widgets.Layout:
        width = params.get("box_width", "stretch")
        if isinstance(width, int) and not isinstance(width, bool):
            return pool.layout(width=f"{width}px", max_width="100%", align_items="center")
        return pool.layout(width="100%", align_items="center")

    def configure(self, params: Params) -> None:
        """Follow this run's parameters (placeholder, disabled, width) in place."""
        self.params = params
        layout = self._box_layout(self._pool, params)
        if self.layout is not layout:  # type: ignore[has-type]
            self.layout = layout
        disabled = bool(params.get("disabled"))
        placeholder = str(params.get("placeholder") or "")
        if self.text.placeholder != placeholder:
            self.text.placeholder = placeholder
        for widget in (self.text, self.send, self.attach):
            if widget is not None and widget.disabled != disabled:
                widget.disabled = disabled

    def prefill(self, text: str) -> None:
        """Put ``text`` into the box without submitting it (``session_state[key] = ...``)."""
        self._set_text(text)

    # ---------------------------------------------------------------- events
    def _on_message(self, _widget: Any, content: Any, _buffers: Any) -> None:
        if isinstance(content, dict) and content.get("event") == "submit":
            self._arm()

    def _on_value(self, change: Any) -> None:
        if self._applying:
            return
        if self._armed:
            self._disarm()
            self._submit(str(change["new"]))

    def _on_send(self, _button: Any) -> None:
        if self._armed:
            return  # an Enter is settling; it submits
        # the click's blur has committed the text before the click, unless the browser
        # held that update back: then it follows, as after an Enter
        if self._has_content(self.text.value):
            self._submit(self.text.value)
        else:
            self._arm()

    def _arm(self) -> None:
        self._disarm()
        self._armed = True
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # no loop to wait on: settle now
            self._settle()
            return
        self._timer = loop.call_later(ENTER_GRACE, self._settle)

    def _disarm(self) -> None:
        self._armed = False
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def _settle(self) -> None:
        """No value followed the Enter: the box held what the kernel knows."""
        if not self._armed:
            return
        self._disarm()
        if self.comm is not None and self._has_content(self.text.value):
            self._submit(self.text.value)

    # ---------------------------------------------------------------- submit
    def _files(self) -> list[UploadedFile]:
        if self.attach is None:
            return []
        size = self.params.get("max_upload_size")
        limit = int(size) * _MB if size else None
        return [
            UploadedFile(str(item["name"]), str(item.get("type") or ""), _bytes(item["content"]))
            for item in self.attach.value
            if _accepted(item, list(self.params["file_type"]), limit)
        ]

    def _has_content(self, text: str) -> bool:
        return bool(text.strip()) or bool(self._files())

    def _submit(self, text: str) -> None:
        max_chars = self.params.get("max_chars")
        text = text[:max_chars] if max_chars else text
        files = self._files()
        if not text.strip() and not files:
            return  # Streamlit sends nothing for an empty box
        if self.params["accept_file"]:
            self.payload = ChatInputValue(text, files, include_files=True)
        else:
            self.payload = text
        self._set_text("")
        if self.attach is not None and self.attach.value:
            self._applying = True
            try:
                self.attach.value = ()
            finally:
                self._applying = False
        self.submitted += 1

    def _set_text(self, text: str) -> None:
        self._applying = True
        try:
            self.text.value = text
        finally:
            self._applying = False

    def close(self) -> None:
        self._disarm()
        for child in (self.attach, self.text, self.send):
            if child is not None:
                close_widget(child, self._pool)
        super().close()


class ChatInputKind(TriggerValueKind):
    """``st.chat_input``: the submitted text (or `ChatInputValue`) in the run it caused."""

    name = "chat_input"
    value_traits = ("submitted",)

    def identity(self, params: Params) -> tuple[Any, ...]:
        return (
            params["accept_file"],
            tuple(params["file_type"]),
            params.get("max_chars"),
            params.get("max_upload_size"),
        )

    def default(self, params: Params) -> Any:
        return None

    def coerce(self, params: Params, value: Any) -> Any:
        return value if value is None or isinstance(value, (str, ChatInputValue)) else None

    def create(self, label: str, params: Params, value: Any, pool: ModelPool) -> widgets.DOMWidget:
        return ChatInputBox(params, pool)

    def update(self, widget: widgets.DOMWidget, label: str, params: Params) -> None:
        if isinstance(widget, ChatInputBox):
            widget.configure(params)

    def read(self, widget: widgets.DOMWidget, params: Params) -> Any:
        return widget.payload if isinstance(widget, ChatInputBox) else None

    def write(self, widget: widgets.DOMWidget, params: Params, value: Any) -> None:
        # a str that is not the last submit was set by user code: it fills the box
        if isinstance(widget, ChatInputBox) and isinstance(value, str):
            if value is not widget.payload:
                widget.prefill(value)


CHAT_INPUT = ChatInputKind()
