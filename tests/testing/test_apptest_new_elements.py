"""AppTest with the newer elements, written as a Streamlit user writes them: chat
(``at.chat_input``, ``at.chat_message``), ``at.button_group``/``at.pills``/
``at.segmented_control``, ``at.feedback``, ``at.menu_button``, ``at.pagination``,
``at.datetime_input``, ``at.page_link`` and ``at.switch_page`` for multipage apps."""

from __future__ import annotations

import datetime

import pytest

from jupyter_fragments.testing import AppTest, HarnessError

ECHO_BOT = """
import streamlit as st

st.session_state.setdefault("messages", [])
for message in st.session_state.messages:
    with st.chat_message(message["role"]):
        st.markdown(message["content"])
if prompt := st.chat_input("Say something"):
    st.session_state.messages.append({"role": "user", "content": prompt})
    with st.chat_message("user"):
        st.markdown(prompt)
    reply = f"Echo: {prompt}"
    st.session_state.messages.append({"role": "assistant", "content": reply})
    with st.chat_message("assistant"):
        st.markdown(reply)
"""


def test_a_chat_app_answers_what_is_submitted():
    at = AppTest.from_string(ECHO_BOT).run()
    assert at.chat_input[0].placeholder == "Say something"
    assert at.chat_input[0].value is None
    assert not at.chat_message

    at.chat_input[0].set_value("hi").run()
    assert at.chat_message[0].markdown[0].value == "hi"
    assert at.chat_message[1].markdown[0].value == "Echo: hi"
    assert [m.name for m in at.chat_message] == ["user", "assistant"]
    assert [m.avatar for m in at.chat_message] == ["user", "assistant"]
    assert at.chat_input[0].value == "hi"  # what the run got

    at.run()  # a rerun without a submit: the input gives None, the history stays
    assert at.chat_input[0].value is None
    assert [m.markdown[0].value for m in at.chat_message] == ["hi", "Echo: hi"]

    at.chat_input[0].set_value("hi").run()  # the same text again is a new message
    assert len(at.chat_message) == 4
    assert at.session_state.messages[-1] == {"role": "assistant", "content": "Echo: hi"}


def test_chat_messages_name_avatar_and_children():
    at = AppTest.from_string(
        """
        import streamlit as st
        with st.chat_message("Bob", avatar="🦜"):
            st.write("Polly")
            st.button("Cracker")
        st.chat_message("<b>Eve</b>").caption("who?")
        with st.sidebar:
            st.chat_message("ai").write("in the sidebar")
        """
    ).run()
    bob, eve, ai = at.chat_message
    assert (bob.name, bob.avatar) == ("Bob", "🦜")
    assert [child.type for child in bob.children] == ["markdown", "button"]
    assert bob.button[0].label == "Cracker"
    assert (eve.name, eve.avatar) == ("<b>Eve</b>", "")  # a letter, the name escaped
    assert eve.caption[0].value == "who?"
    assert at.sidebar.chat_message[0] is ai and ai.avatar == "assistant"
    assert at.markdown.values == ["Polly", "in the sidebar"]


def test_a_disabled_chat_input_cannot_be_used():
    at = AppTest.from_string('import streamlit as st\nst.chat_input("Wait", disabled=True)').run()
    assert at.chat_input[0].disabled
    with pytest.raises(HarnessError, match=r"disabled chat_input.*Fix:"):
        at.chat_input[0].set_value("hello")


def test_pills_and_segmented_controls_are_button_groups():
    at = AppTest.from_string(
        """
        import streamlit as st
        size = st.pills("Size", [1, 2, 3], key="size")
        tags = st.pills("Tags", ["red", "green", "blue"], selection_mode="multi",
                        default=["green"])
        mode = st.segmented_control("Mode", ["Fast", "Safe"], default="Safe")
        st.write(f"size={size!r} tags={tags!r} mode={mode!r}")
        """
    ).run()
    assert [g.style for g in at.button_group] == ["pills", "pills", "segmented_control"]
    assert len(at.pills) == 2 and at.segmented_control[0].label == "Mode"
    size, tags, mode = at.button_group
    assert (size.value, tags.value, mode.value) == (None, ["green"], "Safe")
    assert size.options == ["1", "2", "3"] and tags.indices == [1]

    at.pills(key="size").set_value(2)
    at.pills[1].select("blue").unselect("green")
    at.segmented_control[0].select("Fast").run()
    assert at.markdown[0].value == "size=2 tags=['blue'] mode='Fast'"
    assert at.pills(key="size").value == 2  # the option itself, an int

    at.segmented_control[0].unselect("Fast")
    at.pills[1].set_value(["red", "green", "blue"]).run()
    assert at.markdown[0].value == "size=2 tags=['red', 'green', 'blue'] mode=None"
    at.pills[0].unselect(3).run()  # not chosen: nothing changes
    assert at.pills[0].value == 2


def test_feedback_thumbs_give_one_for_up_and_zero_for_down():
    at = AppTest.from_string(
        """
        import streamlit as st
        st.write("thumbs:", st.feedback("thumbs", key="thumbs"))
        st.write("faces:", st.feedback("faces"))
        """
    ).run()
    assert at.feedback(key="thumbs").value is None
    at.feedback(key="thumbs").set_value(1).run()
    assert at.markdown[0].value == "thumbs: `1`"
    assert at.feedback[0].value == 1 and at.feedback[0].index == 0  # 👍 is shown first
    at.feedback[0].set_value(0)
    at.feedback[1].set_value(4).run()
    assert at.markdown.values == ["thumbs: `0`", "faces: `4`"]
    with pytest.raises(ValueError, match="ratings: \\[0, 1\\]"):
        at.feedback[0].set_value(2)


def test_a_menu_button_gives_the_action_in_the_run_it_caused():
    at = AppTest.from_string(
        """
        import streamlit as st
        st.session_state.setdefault("log", [])
        action = st.menu_button("Actions", ["Copy", "Export"], key="menu")
        st.session_state.log.append(action)
        """
    ).run()
    menu = at.menu_button(key="menu")
    assert menu.options == ["Copy", "Export"] and menu.value is None
    menu.click("Export").run()
    assert at.menu_button[0].value == "Export"
    at.run()
    assert at.menu_button[0].value is None
    at.menu_button[0].click_index(0).run()
    assert at.session_state.log == [None, "Export", None, "Copy"]


def test_pagination_selects_a_page_shown_or_the_next():
    at = AppTest.from_string(
        """
        import streamlit as st
        page = st.pagination(20, max_visible_pages=5, key="pages")
        st.write(f"page {page}")
        """
    ).run()
    pages = at.pagination(key="pages")
    assert (pages.value, pages.num_pages) == (1, 20)
    pages.select(3).run()
    assert at.markdown[0].value == "page 3"
    at.pagination[0].set_value(4).run()  # not shown: the next arrow
    assert at.pagination[0].value == 4
    at.pagination[0].set_value(20).run()  # the last page is always shown
    assert at.markdown[0].value == "page 20"
    with pytest.raises(ValueError, match="from 1 to 20"):
        at.pagination[0].set_value(21)
    with pytest.raises(ValueError, match=r"Page 10 has no button.*Fix:"):
        at.pagination[0].set_value(10)


def test_datetime_input_reads_and_sets_a_datetime():
    at = AppTest.from_string(
        """
        import datetime
        import streamlit as st
        when = st.datetime_input("When", datetime.datetime(2024, 5, 1, 12, 30))
        st.write(f"when={when.isoformat()}")
        """
    ).run()
    when = at.datetime_input[0]
    assert when.type == "date_time_input" and at.get("datetime_input") == [when]
    assert when.value == datetime.datetime(2024, 5, 1, 12, 30)
    when.set_value(datetime.datetime(2025, 1, 31, 9, 15)).run()
    assert at.markdown[0].value == "when=2025-01-31T09:15:00"
    at.datetime_input[0].set_value("2025-02-01T08:00").run()
    assert at.datetime_input[0].value == datetime.datetime(2025, 2, 1, 8, 0)


def test_switch_page_with_st_navigation_file_pages():
    at = AppTest.from_file("apps/shop.py").run()
    assert at.title[0].value == "Catalog"
    assert at.page_link.values == ["Go to checkout", "Help"]
    at.button[0].click().run()
    at.switch_page("shop_pages/checkout.py").run()
    assert at.title[0].value == "Checkout"
    assert at.markdown[0].value == "In the cart: tea"
    assert at.sidebar.caption[0].value == "Cart: 1"
    at.switch_page("shop_pages/catalog.py").run()
    assert at.title[0].value == "Catalog"


def test_switch_page_before_the_first_run_and_a_page_link_click():
    at = AppTest.from_file("apps/shop.py")
    at.switch_page("shop_pages/checkout.py").run()
    assert at.title[0].value == "Checkout"
    at.switch_page("shop_pages/catalog.py").run()
    at.page_link[0].click().run()  # not in Streamlit, whose page links are read-only
    assert at.title[0].value == "Checkout"


def test_switch_page_to_a_page_of_a_pages_folder():
    """Streamlit's "Beyond the basics" multipage example: first.py and pages/second.py."""
    at = AppTest.from_file("apps/first.py").run()
    at.text_input[0].input("Balloons").run()
    at.button[0].click().run()
    at.switch_page("pages/second.py").run()
    assert at.markdown[0].value == ":balloon:"
    assert not at.text_input  # the page runs in place of the app script
    at.switch_page("first.py").run()
    assert at.text_input[0].label == "Magic word:"
