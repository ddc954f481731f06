"""A chat app in a real JupyterLab page: type, press Enter, watch the answer stream in.

The assertions are on the DOM a person sees: the messages in order, the answer's text
growing while it streams (recorded by a MutationObserver, so no timing is assumed),
the rest of the page left as it was, and the chat box cleared and still focused.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from conftest import NotebookPage

pytestmark = pytest.mark.browser

CHAT_APP = """%%app chat
import time
import jupyter_fragments as st

def fake_model(prompt):
    for i, word in enumerate(f"Echo of {prompt}: one two three four five six seven".split()):
        time.sleep(0.12)
        yield word + " "

st.title("Chat test")
st.session_state.setdefault("messages", [])
for message in st.session_state.messages:
    with st.chat_message(message["role"]):
        st.markdown(message["content"])
if prompt := st.chat_input("Ask something"):
    st.session_state.messages.append({"role": "user", "content": prompt})
    with st.chat_message("user"):
        st.markdown(prompt)
    with st.chat_message("assistant"):
        answer = st.write_stream(fake_model(prompt))
    st.session_state.messages.append({"role": "assistant", "content": answer.strip()})
"""

# Records every text the last assistant message showed, and marks the title's node so
# a test can tell whether it was redrawn.
_WATCH = """
() => {
  const app = document.querySelector('.jf-app');
  window.jfSeen = [];
  const title = Array.from(app.querySelectorAll('h1')).find(h => h.innerText.includes('Chat'));
  title.jfMark = 'kept';
  window.jfTitle = title;
  const record = () => {
    const answers = app.querySelectorAll('.jf-chat-assistant');
    if (answers.length) {
      window.jfSeen.push(answers[answers.length - 1].innerText.trim());
    }
  };
  new MutationObserver(record).observe(app, {subtree: true, childList: true, characterData: true});
}
"""


def messages(nb: NotebookPage) -> list[str]:
    rows = nb.page.locator(".jf-app .jf-chat-message")
    return [" ".join(rows.nth(i).inner_text().split()) for i in range(rows.count())]


def test_type_enter_and_watch_the_answer_stream(
    open_notebook: Callable[..., NotebookPage],
) -> None:
    nb = open_notebook(["%load_ext jupyter_fragments", CHAT_APP])
    nb.run_all()
    box = nb.page.locator(".jf-app .jf-chat-input input[type=text]").first
    box.wait_for(state="visible")
    assert box.get_attribute("placeholder") == "Ask something"
    nb.page.evaluate(_WATCH)

    box.click()
    box.type("hello there")
    box.press("Enter")
    final = "Echo of hello there: one two three four five six seven"
    nb.page.wait_for_function(
        "(text) => window.jfSeen.some(seen => seen.includes(text))", arg=final, timeout=30_000
    )
    nb.wait_idle()
    assert messages(nb) == ["hello there", final]
    # the answer grew in place: its message showed several partial texts on the way
    partial = {seen for seen in nb.page.evaluate("window.jfSeen") if final not in seen}
    assert len(partial) >= 3, partial
    # the title was not redrawn; the box is empty and still has the focus
    assert nb.page.evaluate("window.jfTitle.isConnected && window.jfTitle.jfMark === 'kept'")
    assert box.input_value() == ""
    assert box.evaluate("el => el === document.activeElement")

    nb.page.keyboard.type("second")
    nb.page.keyboard.press("Enter")
    second = "Echo of second: one two three four five six seven"
    nb.page.wait_for_function(
        "(text) => window.jfSeen.some(seen => seen.includes(text))", arg=second, timeout=30_000
    )
    nb.wait_idle()
    assert messages(nb) == ["hello there", final, "second", second]
    assert box.input_value() == "" and box.evaluate("el => el === document.activeElement")
    assert nb.console_errors() == []
