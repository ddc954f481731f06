"""The chat family through a real kernel: st.chat_message, st.chat_input, st.bottom.

A person types into the chat box and presses Enter (the browser sends the text box's
``submit`` message, then the value it commits) or clicks the send button; the tests
assert what the page shows, what the call returned in each run, and what a streamed
answer costs in messages.
"""

from __future__ import annotations

from typing import Any

import pytest

from jupyter_fragments.testing import AppHandle, Interaction, KernelSession

CHAT_APP = r"""%%app chat
import jupyter_fragments as st

st.session_state.setdefault("messages", [])
st.session_state.setdefault("returns", [])
st.title("Echo bot")
for message in st.session_state.messages:
    with st.chat_message(message["role"]):
        st.markdown(message["content"])
prompt = st.chat_input("Say something")
st.session_state.returns.append(prompt)
if prompt:
    st.session_state.messages.append({"role": "user", "content": prompt})
    with st.chat_message("user"):
        st.markdown(prompt)
    with st.chat_message("assistant"):
        answer = st.write_stream(word + " " for word in f"You said: {prompt}".split())
    st.session_state.messages.append({"role": "assistant", "content": answer.strip()})
st.button("other widget")
"""


def _parts(session: KernelSession, app: AppHandle, key: str | None = None) -> dict[str, str]:
    """The model ids of the chat input's box, its text box and its send button."""
    box = app.widget(kind="chat_input", key=key)
    parts = {"box": box.model_id}
    for child in box.model.refs("children"):
        kind = session.mirror[child].kind
        parts[{"Text": "text", "Button": "send", "FileUpload": "attach"}[kind]] = child
    return parts


def press_enter(session: KernelSession, text_id: str, text: str) -> list[Interaction]:
    """What a browser sends for typing ``text`` and pressing Enter: submit, then the value."""
    ids = [session.send_custom(text_id, {"event": "submit"})]
    ids.append(session.send_update(text_id, {"value": text}))
    return session.wait_idle(ids)


def _returns(session: KernelSession) -> list[Any]:
    return list(session.eval("__import__('jupyter_fragments').session_state['returns']"))


def _children_of_class(session: KernelSession, css_class: str) -> list[str]:
    for model in session.mirror.live():
        if css_class in (model.state.get("_dom_classes") or ()):
            return list(model.refs("children"))
    raise AssertionError(f"no model with class {css_class}")


def test_enter_submits_once_and_the_box_is_cleared(app_session: KernelSession) -> None:
    app_session.run_cell(CHAT_APP)
    app = app_session.app("chat")
    parts = _parts(app_session, app)
    # drawn below the app's main body, as Streamlit pins it
    assert _children_of_class(app_session, "jf-bottom") == [parts["box"]]
    assert app_session.mirror[parts["text"]].state["placeholder"] == "Say something"
    assert _returns(app_session) == [None]

    press_enter(app_session, parts["text"], "hello")
    assert app.exceptions == []
    assert "user\nhello\nassistant\nYou said: hello" in app.text
    assert app_session.mirror[parts["text"]].state["value"] == ""
    assert _returns(app_session) == [None, "hello"]

    # another widget's rerun: the input returns None, the history stays
    app.button("other widget").click()
    assert _returns(app_session) == [None, "hello", None]
    assert app.text.count("You said: hello") == 1

    press_enter(app_session, parts["text"], "again")
    text = app.text
    assert text.index("You said: hello") < text.index("again") < text.index("You said: again")
    assert _returns(app_session) == [None, "hello", None, "again"]


STREAM_APP = r"""%%app stream
import jupyter_fragments as st

st.session_state.setdefault("messages", [])
st.title("Streaming")
for message in st.session_state.messages:
    with st.chat_message(message["role"]):
        st.markdown(message["content"])
if prompt := st.chat_input("Ask"):
    st.session_state.messages.append({"role": "user", "content": prompt})
    with st.chat_message("user"):
        st.markdown(prompt)
    with st.chat_message("assistant"):
        answer = st.write_stream(f"token{i} " for i in range(8))
    st.session_state.messages.append({"role": "assistant", "content": answer})
"""


@pytest.fixture
def flush_every_element(app_session: KernelSession) -> Any:
    """Send what a run drew after every element (and never mark a run stale meanwhile)."""
    app_session.run_cell(
        "%config Fragments.flush_interval = 0.0\n%config Fragments.stale_delay = 3600.0"
    )
    yield
    app_session.run_cell(
        "%config Fragments.flush_interval = 0.1\n%config Fragments.stale_delay = 0.3"
    )


def test_a_streamed_answer_grows_in_place(
    app_session: KernelSession, flush_every_element: None
) -> None:
    app_session.run_cell(STREAM_APP)
    app = app_session.app("stream")
    parts = _parts(app_session, app)
    main = str(app.scopes[0].info["body_model_id"])
    title = app_session.mirror[main].refs("children")[0]

    press_enter(app_session, parts["text"], "first")
    first_rows = app_session.mirror[main].refs("children")[1:]
    assert len(first_rows) == 2
    press_enter(app_session, parts["text"], "second")
    enter, commit = press_enter(app_session, parts["text"], "third")
    assert app.exceptions == []
    assert app.text.count("token7") == 3

    rows = app_session.mirror[main].refs("children")
    new_user, new_answer = rows[-2:]
    answer_body = app_session.mirror[new_answer].refs("children")[1]
    user_body = app_session.mirror[new_user].refs("children")[1]
    (streamed,) = app_session.mirror[answer_body].refs("children")
    (asked,) = app_session.mirror[user_body].refs("children")
    # the answer's Output got one update per token after the first (it grew), and only
    # the new message's models, the page's list of messages and the cleared box changed
    assert commit.outputs_updates >= 7
    assert streamed in commit.updated_models
    allowed = {parts["text"], main, user_body, answer_body, streamed, asked}
    assert commit.updated_models <= allowed, commit.updated_models - allowed
    untouched = {title, *rows[:-2]}
    for row in rows[1:-2]:
        body = app_session.mirror[row].refs("children")[1]
        untouched |= {body, *app_session.mirror[body].refs("children")}
    assert not untouched & commit.updated_models
    assert enter.updated_models == frozenset()  # the Enter alone draws nothing


def test_the_send_button_submits_what_the_box_holds(app_session: KernelSession) -> None:
    app_session.run_cell(CHAT_APP)
    app = app_session.app("chat")
    parts = _parts(app_session, app)
    runs = app.runs
    # a click first blurs the box (its value is committed), then clicks
    app_session.set_value(parts["text"], "by click")
    assert app.runs == runs  # typing and leaving the box sends nothing
    app_session.click(parts["send"])
    assert "You said: by click" in app.text
    assert app_session.mirror[parts["text"]].state["value"] == ""
    # the browser held the value back behind a busy kernel: the click comes first
    ids = [
        app_session.send_custom(parts["send"], {"event": "click"}),
        app_session.send_update(parts["text"], {"value": "held back"}),
    ]
    app_session.wait_idle(ids)
    assert "You said: held back" in app.text
    assert _returns(app_session)[1:] == ["by click", "held back"]


def test_enter_on_text_the_kernel_already_has_submits_it(app_session: KernelSession) -> None:
    app_session.run_cell(CHAT_APP)
    app = app_session.app("chat")
    parts = _parts(app_session, app)
    app_session.set_value(parts["text"], "typed, then the box lost focus")
    # back in the box, Enter without an edit: the browser commits nothing new
    app_session.wait_idle(app_session.send_custom(parts["text"], {"event": "submit"}))
    app_session.wait_until(lambda: "You said: typed, then" in app.text, what="the submit")
    assert _returns(app_session)[-1] == "typed, then the box lost focus"


FRAGMENT_APP = r"""%%app chatfrag
import jupyter_fragments as st

@st.fragment
def conversation():
    prompt = st.chat_input("In the fragment", key="frag_chat")
    st.write(f"got {prompt!r}")

st.write("above")
conversation()
"""


def test_a_submit_in_a_fragment_reruns_only_the_fragment(app_session: KernelSession) -> None:
    app_session.run_cell(FRAGMENT_APP)
    app = app_session.app("chatfrag")
    parts = _parts(app_session, app, key="frag_chat")
    frag = app.fragment("conversation")
    # inside a fragment the input is drawn in place, not below the app
    assert parts["box"] in app_session.mirror[str(frag.info["body_model_id"])].refs("children")
    assert _children_of_class(app_session, "jf-bottom") == []
    full, frag_runs = app.runs, frag.runs
    press_enter(app_session, parts["text"], "in place")
    assert "got 'in place'" in app.text
    assert (app.runs, frag.runs) == (full, frag_runs + 1)


PLACES_APP = r"""%%app places
import jupyter_fragments as st

with st.sidebar:
    side = st.chat_input("In the sidebar", key="side")
box = st.container(border=True)
inner = box.chat_input("In a container", key="inner")
st.bottom.write("pinned note")
st.write(f"side={side!r} inner={inner!r}")
if st.toggle("form"):
    with st.form("f"):
        st.chat_input("In a form")
        st.form_submit_button()
"""


def test_inline_in_containers_and_an_error_in_a_form(app_session: KernelSession) -> None:
    app_session.run_cell(PLACES_APP)
    app = app_session.app("places")
    side, inner = _parts(app_session, app, key="side"), _parts(app_session, app, key="inner")
    assert side["box"] in _children_of_class(app_session, "jf-sidebar")
    assert inner["box"] in _children_of_class(app_session, "jf-container")
    # st.bottom holds what is written into it, below the main body
    bottom = _children_of_class(app_session, "jf-bottom")
    assert [app_session.text_of(child) for child in bottom] == ["pinned note"]
    press_enter(app_session, inner["text"], "hi")
    assert "side=None inner='hi'" in app.text
    app.widget("form").set_value(True)
    (error,) = app.exceptions
    assert "`st.chat_input()` can't be used in a `st.form()`" in str(error)
    assert "Fix:" in str(error)


def test_the_bottom_is_hidden_while_empty(app_session: KernelSession) -> None:
    app_session.run_cell(
        "%%app nobottom\nimport jupyter_fragments as st\n"
        "if st.checkbox('chat'):\n    st.chat_input()\n"
    )
    app = app_session.app("nobottom")

    def bottom_display() -> str:
        for model in app_session.mirror.live():
            if "jf-bottom" in (model.state.get("_dom_classes") or ()):
                layout = app_session.mirror[str(model.state["layout"]).removeprefix("IPY_MODEL_")]
                return str(layout.state.get("display"))
        raise AssertionError("no bottom")

    assert bottom_display() == "none"
    app.widget("chat").set_value(True)
    assert bottom_display() in ("", "None")
    parts = _parts(app_session, app)
    app.widget("chat").set_value(False)
    assert bottom_display() == "none"
    # the input's models went with it: its box, text box and send button
    assert all(app_session.mirror[model_id].closed for model_id in parts.values())


CALLBACK_APP = r"""%%app callback
import jupyter_fragments as st

def on_submit(prefix, *, suffix):
    st.session_state.seen = prefix + st.session_state.chat + suffix

if st.button("prefill"):
    st.session_state.chat = "draft text"
value = st.chat_input("Write", key="chat", max_chars=5, on_submit=on_submit,
                      args=("<",), kwargs={"suffix": ">"})
st.write(f"value={value!r} seen={st.session_state.get('seen')!r}")
"""


def test_on_submit_sees_the_value_and_the_key_prefills(app_session: KernelSession) -> None:
    app_session.run_cell(CALLBACK_APP)
    app = app_session.app("callback")
    parts = _parts(app_session, app, key="chat")
    press_enter(app_session, parts["text"], "abcdefgh")  # max_chars=5 keeps five
    assert "value='abcde' seen='<abcde>'" in app.text
    # setting the key fills the box without submitting; the key reads None again
    app.button("prefill").click()
    assert "value=None" in app.text
    assert app_session.mirror[parts["text"]].state["value"] == "draft text"
    assert app_session.eval("__import__('jupyter_fragments').session_state['chat']") is None
    # from another cell, as well
    app_session.run_cell("import jupyter_fragments as st\nst.session_state.chat = 'from a cell'")
    assert app_session.mirror[parts["text"]].state["value"] == "from a cell"
    assert "value=None" in app.text


FILES_APP = r"""%%app files
import jupyter_fragments as st

value = st.chat_input("With files", accept_file="multiple", file_type=["csv", "image"])
if value:
    st.write(f"text={value.text!r} files={[(f.name, f.read()) for f in value['files']]!r}")
    st.write(f"keys={sorted(value)} repr={value!r}")
"""


def test_accept_file_returns_text_and_files(app_session: KernelSession) -> None:
    app_session.run_cell(FILES_APP)
    app = app_session.app("files")
    parts = _parts(app_session, app)
    attach = app_session.mirror[parts["attach"]].state
    assert attach["multiple"] is True and attach["accept"] == ".csv,image/*"
    csv = {"name": "a.csv", "type": "text/csv", "size": 3, "content": "1,2", "last_modified": 0}
    txt = {"name": "b.txt", "type": "text/plain", "size": 1, "content": "x", "last_modified": 0}
    app_session.set_value(parts["attach"], [csv, txt])
    press_enter(app_session, parts["text"], "see attached")
    assert "text='see attached' files=[('a.csv', b'1,2')]" in app.text
    assert "keys=['files', 'text'] repr=ChatInputValue(text='see attached', files=[" in app.text
    assert app_session.mirror[parts["attach"]].state["value"] == []


def test_chat_input_value_is_streamlits() -> None:
    from jupyter_fragments._widgets.chat import ChatInputValue

    value = ChatInputValue("hi", [], include_files=True)
    assert (value.text, value["text"], value.files, dict(value)) == (
        "hi",
        "hi",
        [],
        {"text": "hi", "files": []},
    )
    plain = ChatInputValue("only text")
    with pytest.raises(AttributeError, match=r"has no attribute 'files' \(accept_file=False\)"):
        _ = plain.files
    with pytest.raises(KeyError, match="Invalid key: files"):
        _ = plain["files"]
    assert "files" not in plain and len(plain) == 1
    assert repr(plain) == "ChatInputValue(text='only text')"


MESSAGES_APP = r"""%%app messages
import base64
import jupyter_fragments as st

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYPj/HwADAgH/yX1NlQAAAABJRU5ErkJggg=="
)
with st.chat_message("user"):
    st.write("from the user")
st.chat_message("assistant").write("from the assistant")
st.chat_message("ai").write("from ai")
st.chat_message("Ada").write("from Ada")
st.chat_message("🦜").write("from a parrot")
st.chat_message("bot", avatar="🤖").write("with an emoji avatar")
st.chat_message("pic", avatar=PNG, width=300).write("with an image")
st.chat_message("icon", avatar=":material/star:").write("with an icon")
"""


def test_chat_message_shows_who_speaks(app_session: KernelSession) -> None:
    app_session.run_cell(MESSAGES_APP)
    app = app_session.app("messages")
    assert app.exceptions == []
    main = str(app.scopes[0].info["body_model_id"])
    rows = app_session.mirror[main].refs("children")
    shown = []
    for row in rows:
        avatar, body = app_session.mirror[row].refs("children")
        classes = app_session.mirror[row].state["_dom_classes"]
        role = [c for c in classes if c != "jf-chat-message"]
        shown.append((app_session.text_of(avatar), app_session.text_of(body), *role))
    assert shown == [
        ("user", "from the user", "jf-chat-user"),
        ("assistant", "from the assistant", "jf-chat-assistant"),
        ("assistant", "from ai", "jf-chat-assistant"),
        ("A", "from Ada", "jf-chat-other"),
        ("🦜", "from a parrot", "jf-chat-other"),
        ("🤖", "with an emoji avatar", "jf-chat-other"),
        ("", "with an image", "jf-chat-other"),
        ("S", "with an icon", "jf-chat-other"),
    ]
    picture = app_session.mirror[app_session.mirror[rows[6]].refs("children")[0]]
    assert 'src="data:image/png;base64,iVBOR' in str(picture.state["value"])
    layout = app_session.mirror[str(app_session.mirror[rows[6]].state["layout"])[10:]]
    assert layout.state["width"] == "300px"


@pytest.mark.parametrize(
    ("call", "message"),
    [
        ("st.chat_message(None)", "missing the required argument 'name'"),
        ("st.chat_message('x', avatar='no/such/file.png')", "failed to load the provided avatar"),
        ("st.chat_input(accept_audio=True)", "no microphone recorder"),
        ("st.chat_input(accept_file='folders')", "accept_file='folders'"),
        ("st.chat_input(submit_mode='later')", "submit_mode='later'"),
        ("st.chat_input(width='content')", "width='content'"),
        ("st.chat_input(on_submit='rerun')", "on_submit='rerun'"),
    ],
)
def test_misuse_says_how_to_fix_it(app_session: KernelSession, call: str, message: str) -> None:
    app_session.run_cell(f"%%app misuse\nimport jupyter_fragments as st\n{call}\n")
    (error,) = app_session.app("misuse").exceptions
    assert message in str(error) and "Fix:" in str(error)
