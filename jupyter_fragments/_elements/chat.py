"""Chat: ``st.chat_message`` (a row with the author's avatar), ``st.chat_input`` (pinned
below the app when called in its main body) and ``st.bottom``, the block it is pinned in.
"""

from __future__ import annotations

import base64
import html
import re
import unicodedata
from collections.abc import Callable, Sequence
from typing import Any

import ipywidgets as widgets

from jupyter_fragments._elements._core import (
    add_layout,
    normalize_key,
    render_input,
    require_context,
    width_layout,
)
from jupyter_fragments._elements.layout import Container
from jupyter_fragments._elements.media import _image_outputs
from jupyter_fragments._output.bundles import escape_html
from jupyter_fragments._page.blocks import Block
from jupyter_fragments._page.pool import ModelPool, close_widget
from jupyter_fragments._runtime.session import get_session
from jupyter_fragments._widgets.chat import CHAT_INPUT, ChatInputBox, ChatInputValue
from jupyter_fragments.errors import FragmentsAPIError

# ------------------------------------------------------------------ avatars
_PRESETS = {"user": "user", "human": "user", "assistant": "assistant", "ai": "assistant"}
_BACKGROUNDS = {"user": "#ff4b4b", "assistant": "#ffbd45", "letter": "#808495"}
# Drawn here (a head and shoulders; a robot's head): no icon font is needed offline.
_ICONS = {
    "user": (
        '<circle cx="12" cy="8.5" r="4" fill="white"/>'
        '<path d="M4.5 20.5c0-4.2 3.4-7 7.5-7s7.5 2.8 7.5 7z" fill="white"/>'
    ),
    "assistant": (
        '<rect x="4.5" y="7" width="15" height="12" rx="3" fill="white"/>'
        '<rect x="11.2" y="3" width="1.6" height="4" fill="white"/>'
        '<circle cx="9.3" cy="12.5" r="1.6" fill="#ffbd45"/>'
        '<circle cx="14.7" cy="12.5" r="1.6" fill="#ffbd45"/>'
        '<rect x="9" y="15.7" width="6" height="1.3" rx="0.6" fill="#ffbd45"/>'
    ),
}
_BOX = (
    "width:2rem;height:2rem;border-radius:0.5rem;display:flex;align-items:center;"
    "justify-content:center;overflow:hidden;line-height:1;"
)
_MATERIAL = re.compile(r":material/([a-z0-9_]+):")
_EMOJI_PARTS = {"\u200d", "\ufe0f", "\ufe0e", "\u20e3"}  # joiner, variation selectors, keycap


def is_emoji(text: str) -> bool:
    """Whether ``text`` is one emoji (with its joiners, skin tones and selectors)."""
    if not text or len(text) > 16:
        return False
    symbol = False
    for char in text:
        code = ord(char)
        if unicodedata.category(char) == "So" or 0x1F000 <= code <= 0x1FAFF:
            symbol = True
        elif not (
            char in _EMOJI_PARTS or 0xE0020 <= code <= 0xE007F or char.isdigit() or char in "#*"
        ):
            return False
    return symbol


def _letter(letter: str) -> str:
    return f'<span style="color:white;font-weight:600">{letter}</span>'


def _tile(content: str, background: str, label: str) -> str:
    return (
        f'<div class="jf-chat-avatar" style="{_BOX}background:{background}" '
        f'title="{escape_html(label)}" role="img" aria-label="{escape_html(label)}">'
        f"{content}</div>"
    )


def _image_source(avatar: Any) -> str:
    """An ``<img>`` source for an avatar image: its URL, or the image as a data URL."""
    output = _image_outputs(avatar, None, False, "RGB")
    data = output["data"]
    if "text/html" in data:  # a URL, already made safe and escaped
        found = re.search(r'src="([^"]*)"', data["text/html"])
        return html.unescape(found.group(1)) if found else ""
    mime = next(k for k in data if k.startswith("image/"))
    payload = data[mime]
    if mime == "image/svg+xml":
        payload = base64.b64encode(payload.encode()).decode("ascii")
    return f"data:{mime};base64,{payload}"


def avatar_html(name: str, avatar: Any) -> str:
    """The avatar shown beside a message of ``name``, as Streamlit picks it."""
    if avatar is None and (name.lower() in _PRESETS or is_emoji(name)):
        avatar = name.lower()
    if avatar is None:
        letter = escape_html(name[:1].upper() or "?")
        return _tile(_letter(letter), _BACKGROUNDS["letter"], name)
    if isinstance(avatar, str) and avatar in _PRESETS:
        role = _PRESETS[avatar]
        icon = (
            f'<svg viewBox="0 0 24 24" width="22" height="22"><title>{role}</title>'
            f"{_ICONS[role]}</svg>"
        )
        return _tile(icon, _BACKGROUNDS[role], name)
    if isinstance(avatar, str) and is_emoji(avatar):
        return _tile(f'<span style="font-size:1.4rem">{escape_html(avatar)}</span>', "", name)
    if isinstance(avatar, str) and avatar == "spinner":
        return _tile('<span style="font-size:1.2rem">\u23f3</span>', "", name)
    material = _MATERIAL.fullmatch(avatar) if isinstance(avatar, str) else None
    if material is not None:  # no icon font in a notebook: the icon's first letter
        letter = escape_html(material.group(1)[:1].upper())
        return _tile(_letter(letter), _BACKGROUNDS["letter"], name)
    try:
        source = _image_source(avatar)
    except Exception as exc:  # any failure to read the image is the avatar's
        raise FragmentsAPIError(
            f"st.chat_message({name!r}) failed to load the provided avatar value as an image "
            f"({exc}). Fix: pass 'user' or 'assistant', an emoji, ':material/icon_name:', "
            "or an image (a file path, URL, bytes, numpy array or PIL image)."
        ) from exc
    image = (
        f'<img src="{escape_html(source)}" alt="{escape_html(name)}" '
        'style="width:2rem;height:2rem;object-fit:cover">'
    )
    return _tile(image, "", name)


# --------------------------------------------------------------- chat_message
class _ChatRow(widgets.HBox):  # type: ignore[misc]
    """A message: the avatar, then the body its elements go into."""

    def __init__(self, avatar: widgets.HTML, body: widgets.VBox, pool: ModelPool, **kw: Any):
        super().__init__(children=(avatar, body), **kw)
        self.avatar = avatar
        self._pool = pool

    def close(self) -> None:
        close_widget(self.avatar, self._pool)
        super().close()


def _role(name: str, avatar: Any) -> str:
    if isinstance(avatar, str) and avatar in _PRESETS:
        return _PRESETS[avatar]
    return _PRESETS.get(name.lower(), "other") if avatar is None else "other"


def chat_message(name: str, *, avatar: Any = None, width: Any = "stretch") -> Container:
    """A chat message: a container beside its author's avatar.

    ``"user"``/``"human"`` and ``"assistant"``/``"ai"`` get Streamlit's default avatars,
    an emoji name is its own avatar, and any other name shows its first letter.
    ``avatar`` may be one of those names, an emoji, ``":material/icon:"`` or an image
    (a path, URL, bytes, numpy array or PIL image). Use it with ``with`` or call
    elements on it.

    Examples
    --------
    >>> with st.chat_message("user"):
    ...     st.write("Hello 👋")
    >>> message = st.chat_message("assistant")
    >>> message.write("Hello human")
    """
    if name is None:
        raise FragmentsAPIError(
            "st.chat_message() is missing the required argument 'name'. "
            'Fix: pass who speaks, e.g. st.chat_message("user") or st.chat_message("assistant").'
        )
    name = str(name)
    call = f"st.chat_message({name!r})"
    ctx = require_context(call)
    size = width_layout(width, call) or {}
    picture_html = avatar_html(name, avatar)
    role = _role(name, avatar)
    pool = ctx.app.page.pool

    def make() -> tuple[widgets.Widget, list[Block]]:
        picture = widgets.HTML(
            value=picture_html, layout=pool.layout(flex="0 0 auto", margin="0 0.75rem 0 0")
        )
        body = widgets.VBox(
            layout=pool.layout(flex="1 1 auto", min_width="0"), _dom_classes=("jf-chat-body",)
        )
        row = _ChatRow(
            picture,
            body,
            pool,
            layout=pool.layout(align_items="flex-start", padding="0.5rem 0", **size),
            _dom_classes=("jf-chat-message", f"jf-chat-{role}"),
        )
        return row, [Block(ctx.app.page, body, ctx.scope)]

    element = add_layout("chat_message", (name, picture_html, tuple(size.items())), make, call)
    return Container(element.blocks[0])


# ----------------------------------------------------------------- chat_input
_SAMPLE_RATES = (8000, 11025, 16000, 22050, 24000, 32000, 44100, 48000)


def _file_types(file_type: Any, call: str) -> list[str]:
    """Streamlit's accepted types: ``.ext``, a MIME type or wildcard; ``"image"`` is ``image/*``."""
    if file_type is None:
        return []
    items = [file_type] if isinstance(file_type, str) else list(file_type)
    types: list[str] = []
    for item in items:
        text = str(item).strip().lower() if isinstance(item, str) else ""
        if not text.strip("."):
            raise FragmentsAPIError(
                f"{call} got file_type={file_type!r}. Fix: pass an extension, a MIME type or "
                "a list of them, e.g. file_type=['csv', 'image/*']."
            )
        if "/" in text:
            types.append(text)
        elif text in ("image", "audio", "video", "text"):
            types.append(f"{text}/*")
        else:
            types.append("." + text.lstrip("."))
    return types


def _check_choice(name: str, value: Any, allowed: Sequence[Any], call: str) -> None:
    if not any(value is a or (type(value) is type(a) and value == a) for a in allowed):
        shown = ", ".join(repr(a) for a in allowed)
        raise FragmentsAPIError(f"{call} got {name}={value!r}. Fix: pass one of {shown}.")


def _positive(name: str, value: Any, call: str) -> None:
    if value is not None and (not isinstance(value, int) or isinstance(value, bool) or value < 1):
        raise FragmentsAPIError(
            f"{call} got {name}={value!r}. Fix: pass a positive int, or None for no limit."
        )


def _chat_params(
    placeholder: str,
    max_chars: int | None,
    max_upload_size: int | None,
    accept_file: Any,
    file_type: Any,
    accept_audio: bool,
    audio_sample_rate: int | None,
    disabled: bool,
    submit_mode: str,
    width: Any,
    call: str,
) -> dict[str, Any]:
    _check_choice("accept_file", accept_file, (False, True, "multiple", "directory"), call)
    _check_choice("submit_mode", submit_mode, ("submit", "disable", "stop"), call)
    _positive("max_chars", max_chars, call)
    _positive("max_upload_size", max_upload_size, call)
    if audio_sample_rate is not None:
        _check_choice("audio_sample_rate", audio_sample_rate, (*_SAMPLE_RATES, None), call)
    if accept_audio:
        raise FragmentsAPIError(
            f"{call} got accept_audio=True, but a notebook has no microphone recorder widget. "
            "Fix: leave accept_audio out and use accept_file=True (the user attaches a "
            "recording), or st.file_uploader(type=['wav', 'mp3'])."
        )
    if width == "content" or width_layout(width, call) is None:
        raise FragmentsAPIError(
            f"{call} got width={width!r}. Fix: pass 'stretch' or a positive number of pixels."
        )
    return {
        "placeholder": str(placeholder),
        "disabled": bool(disabled),
        "accept_file": accept_file,
        "file_type": _file_types(file_type, call),
        "max_chars": max_chars,
        "max_upload_size": max_upload_size,
        "box_width": width,
    }


def chat_input(
    placeholder: str = "Your message",
    *,
    key: Any = None,
    max_chars: int | None = None,
    max_upload_size: int | None = None,
    accept_file: bool | str = False,
    file_type: str | Sequence[str] | None = None,
    accept_audio: bool = False,
    audio_sample_rate: int | None = 16000,
    disabled: bool = False,
    submit_mode: str = "submit",
    on_submit: Callable[..., Any] | None = None,
    args: Sequence[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    width: Any = "stretch",
    height: Any = "content",
) -> str | ChatInputValue | None:
    """A message box with a send button; Enter or the button submits.

    Returns the submitted text in the run the submit caused and None in every other
    run. With ``accept_file`` it offers a file picker and returns a `ChatInputValue`
    (``.text`` and ``.files``). Called in the main body of the app it is drawn below
    the app, as Streamlit pins it to the bottom; inside a container, the sidebar or a
    fragment it is drawn in place (and a submit in a fragment reruns the fragment).

    ``submit_mode`` and ``height`` are accepted and have no effect here.

    Examples
    --------
    >>> if prompt := st.chat_input("Say something"):
    ...     with st.chat_message("user"):
    ...         st.write(prompt)
    """
    call = "st.chat_input()"
    ctx = require_context(call)
    if on_submit is not None and not callable(on_submit):
        raise FragmentsAPIError(
            f"{call} got on_submit={on_submit!r}. Fix: pass a function (without parentheses)."
        )
    params = _chat_params(
        placeholder, max_chars, max_upload_size, accept_file, file_type, accept_audio,
        audio_sample_rate, disabled, submit_mode, width, call,
    )  # fmt: skip
    if ctx.block.form is not None:
        raise FragmentsAPIError(
            "`st.chat_input()` can't be used in a `st.form()`. Fix: move the chat input out "
            f"of st.form({ctx.block.form!r}); it submits on its own."
        )
    prefill = _take_prefill(ctx, normalize_key(key, call))
    # Streamlit pins it below the app only when called from the main body itself
    pinned = ctx.scope.kind == "app" and len(ctx.blocks) == 1
    if pinned:
        ctx.blocks.append(ctx.app.bottom)
    try:
        value = render_input(
            CHAT_INPUT, params["placeholder"], params, key=key, callback=on_submit,
            args=args, kwargs=kwargs, call=call,
        )  # fmt: skip
    finally:
        if pinned:
            ctx.blocks.pop()
    if prefill is not None and key is not None:
        record = ctx.app.widgets.by_key(str(key))
        if record is not None and isinstance(record.widget, ChatInputBox):
            record.widget.prefill(prefill)
        get_session().state.sync_from_widget(str(key), None)
    return value  # type: ignore[no-any-return]


def _take_prefill(ctx: Any, key: str | None) -> str | None:
    """Text user code put under the key (it fills the box; the key goes back to None)."""
    if key is None:
        return None
    state = get_session().state
    record = ctx.app.widgets.by_key(key)
    box = record.widget if record is not None and isinstance(record.widget, ChatInputBox) else None
    if record is not None and box is not None and isinstance(record.value, str):
        if record.value is not box.payload:  # set outside a run: already in the box
            record.value = None
    value = state.get(key)
    if isinstance(value, str) and (box is None or value is not box.payload):
        return value
    return None


# --------------------------------------------------------------------- bottom
class _Bottom(Container):
    """``st.bottom``: the block pinned below the main body of the app that is running."""

    def __init__(self) -> None:
        super().__init__(None)

    def _target(self) -> Block:
        return require_context("st.bottom").app.bottom


bottom = _Bottom()
