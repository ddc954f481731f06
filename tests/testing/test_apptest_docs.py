"""Streamlit's own AppTest examples (get started, beyond the basics, the login example,
the API reference), unchanged but for the import, against the same apps run in a kernel.
"""

from __future__ import annotations

from jupyter_fragments.testing import AppTest


def test_increment_and_add():
    """A user increments the number input, then clicks Add"""
    at = AppTest.from_file("apps/bean_counter.py").run()
    at.number_input[0].increment().run()
    at.button[0].click().run()
    assert at.markdown[0].value == "Beans counted: 1"


def test_bean_counter_elements_in_display_order():
    at = AppTest.from_file("apps/bean_counter.py").run()
    assert at.title[0].value == "Bean counter :paw_prints:"
    assert at.get("number_input")[0].label == "Beans to add"
    assert at.button[0].value is False
    assert at.session_state.beans == 0


def test_balloons():
    at = AppTest.from_file("apps/pages/second.py")
    at.session_state["magic_word"] = "Balloons"
    at.run()
    assert at.markdown[0].value == ":balloon:"


def test_first_page_sets_the_magic_word():
    at = AppTest.from_file("apps/first.py").run()
    at.text_input[0].input("Balloons").run()
    at.button[0].click().run()
    assert at.session_state["magic_word"] == "Balloons"


def test_word_of_the_day():
    at = AppTest.from_file("apps/word_of_the_day.py")
    at.secrets["WORD"] = "Foobar"
    at.run()
    assert not at.exception

    at.text_input("word").input("Bazbat").run()
    assert at.warning[0].value == "Try again."
    at.text_input("word").input("Foobar").run()
    assert at.success[0].value == "That's right!"
    assert not at.warning


def test_no_interaction():
    at = AppTest.from_file("apps/login.py")
    at.secrets["password"] = "streamlit"
    at.run()
    assert at.session_state["status"] == "unverified"
    assert len(at.text_input) == 1
    assert len(at.warning) == 0
    assert len(at.success) == 0
    assert len(at.button) == 0
    assert at.text_input[0].value == ""


def test_incorrect_password():
    at = AppTest.from_file("apps/login.py")
    at.secrets["password"] = "streamlit"
    at.run()
    at.text_input[0].input("balloon").run()
    assert at.session_state["status"] == "incorrect"
    assert len(at.text_input) == 1
    assert len(at.warning) == 1
    assert len(at.success) == 0
    assert len(at.button) == 0
    assert at.text_input[0].value == ""
    assert "Incorrect password" in at.warning[0].value


def test_correct_password():
    at = AppTest.from_file("apps/login.py")
    at.secrets["password"] = "streamlit"
    at.run()
    at.text_input[0].input("streamlit").run()
    assert at.session_state["status"] == "verified"
    assert len(at.text_input) == 0
    assert len(at.warning) == 0
    assert len(at.success) == 1
    assert len(at.button) == 1
    assert "Login successful" in at.success[0].value
    assert at.button[0].label == "Log out"


def test_log_out():
    at = AppTest.from_file("apps/login.py")
    at.secrets["password"] = "streamlit"
    at.session_state["status"] = "verified"
    at.run()
    at.button[0].click().run()
    assert at.session_state["status"] == "unverified"
    assert len(at.text_input) == 1
    assert len(at.warning) == 0
    assert len(at.success) == 0
    assert len(at.button) == 0
    assert at.text_input[0].value == ""
