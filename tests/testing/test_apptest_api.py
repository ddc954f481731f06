"""AppTest's API around the apps: the ways to create one, state, secrets, query
parameters, forms, exceptions shown in place, and its errors."""

from __future__ import annotations

import pytest

from jupyter_fragments.testing import AppTest, HarnessError, HarnessTimeout


def test_from_string_with_streamlit_magic():
    at = AppTest.from_string(
        '''
        """A docstring is not written."""
        import streamlit as st

        name = "world"
        f"Hello, {name}!"
        st.write("and", 42)
        '''
    ).run()
    assert at.markdown.values == ["Hello, world!", "and `42`"]


def test_from_function_with_arguments():
    def app(start, *, step=1):
        import streamlit as st

        st.number_input("n", value=start, step=step)

    at = AppTest.from_function(app, args=(5,), kwargs={"step": 2}).run()
    at.number_input[0].increment().run()
    assert at.number_input[0].value == 7


def test_from_function_needs_a_def():
    with pytest.raises(TypeError, match="Fix: write the app as `def app"):
        AppTest.from_function(lambda: None)


def test_secrets_by_key_attribute_and_section():
    at = AppTest.from_string(
        """
        import streamlit as st
        st.write(st.secrets["db_username"], st.secrets.db_password)
        st.write(", ".join(st.secrets["my_other_secrets"]["things_i_like"]))
        """
    )
    at.secrets["db_username"] = "Jane"
    at.secrets["db_password"] = "mypassword"
    at.secrets["my_other_secrets.things_i_like"] = ["Streamlit", "Python"]
    at.run()
    assert at.markdown.values == ["Jane mypassword", "Streamlit, Python"]


def test_a_missing_secret_is_an_exception_shown_in_the_app():
    at = AppTest.from_string("import streamlit as st\nst.write(st.secrets['WORD'])").run()
    assert at.exception[0].ename == "KeyError"
    assert "at.secrets['WORD']" in at.exception[0].value


def test_query_params_in_and_out():
    at = AppTest.from_string(
        """
        import streamlit as st
        st.write("page", st.query_params["page"])
        if st.button("Next"):
            st.query_params["page"] = "2"
        """
    )
    at.query_params["page"] = "1"
    at.run()
    assert at.markdown[0].value == "page 1"
    at.button[0].click().run()
    assert at.query_params["page"] == "2"
    at.run()
    assert at.markdown[0].value == "page 2"


def test_session_state_written_between_runs_reaches_the_app():
    at = AppTest.from_string(
        """
        import streamlit as st
        st.session_state.setdefault("n", 0)
        st.slider("n", 0, 10, key="n")
        st.write("n is", st.session_state.n)
        """
    ).run()
    assert at.session_state.n == 0
    at.session_state.n = 7
    at.run()
    assert at.slider[0].value == 7
    assert at.markdown[0].value == "n is `7`"
    del at.session_state["n"]
    at.run()
    assert at.session_state["n"] == 0
    assert "n" in at.session_state and len(at.session_state) == 1


def test_session_state_of_a_class_only_the_app_knows_reads_as_its_repr():
    at = AppTest.from_string(
        """
        import streamlit as st
        class Point:
            def __repr__(self):
                return "Point()"
        st.session_state.point = Point()
        """
    ).run()
    assert at.session_state.point == "Point()"


def test_form_values_arrive_together_on_submit():
    at = AppTest.from_file("apps/form_app.py").run()
    at.slider[0].set_value(42)
    at.checkbox[0].check()
    at.button[0].click().run()
    assert at.markdown.values == [
        "Inside the form",
        "slider `42` checkbox `True`",
        "Outside the form",
    ]
    assert at.get("form")[0].slider[0].value == 42


def test_form_values_wait_for_the_submit_button():
    at = AppTest.from_file("apps/form_app.py").run()
    at.slider[0].set_value(42).run()
    assert at.markdown.values == ["Inside the form", "Outside the form"]
    assert at.slider[0].value == 42  # shown as the user left it, not yet submitted
    at.button[0].click().run()
    assert at.markdown[1].value == "slider `42` checkbox `False`"


def test_an_exception_is_shown_in_place_and_cleared_by_the_next_good_run():
    at = AppTest.from_file("apps/crashing.py").run()
    assert not at.exception
    at.number_input[0].set_value(0).run()
    assert at.exception[0].ename == "ZeroDivisionError"
    assert at.exception[0].value == "division by zero"
    assert any("100 / divisor" in line for line in at.exception[0].stack_trace)
    assert at.title[0].value == "Divider"  # what ran before the error stays
    assert not at.caption
    at.number_input[0].set_value(4).run()
    assert not at.exception
    assert at.markdown[0].value == "100 / 4 = 25.0"


def test_streamlit_modules_that_do_not_exist_here_are_a_clear_error():
    at = AppTest.from_string("import streamlit.components.v1 as components").run()
    assert at.exception[0].ename == "ModuleNotFoundError"
    assert "Fix:" in at.exception[0].value


def test_switch_page_to_a_file_that_is_not_there_says_where_it_looked():
    at = AppTest.from_file("apps/first.py")
    with pytest.raises(ValueError, match=r"'pages/nope\.py' relative to .*Fix:"):
        at.switch_page("pages/nope.py")


def test_lookups_that_find_nothing_say_what_there_is():
    at = AppTest.from_file("apps/cheatsheet_layout.py").run()
    with pytest.raises(KeyError, match="keys: \\['submit', 'cancel'\\]"):
        at.button("nope")
    with pytest.raises(IndexError, match="there are 4"):
        at.button[4]
    with pytest.raises(HarnessError, match="No fragment 'x'"):
        at.fragment("x")
    assert at.get("arrow_data_frame") == []
    with pytest.raises(KeyError, match="keys: none"):
        at.expander[0].checkbox("k")
    assert at.get("text_input") == at.sidebar.text_input


def test_a_new_apptest_takes_the_kernel_over():
    first = AppTest.from_file("apps/bean_counter.py").run()
    AppTest.from_file("apps/bean_counter.py").run()
    with pytest.raises(HarnessError, match="newer AppTest reset the shared kernel"):
        first.button[0].click().run()


def test_a_run_past_its_timeout_is_interrupted():
    at = AppTest.from_string("import time\ntime.sleep(60)")
    with pytest.raises(HarnessTimeout, match=r"timed out after 0\.5"):
        at.run(timeout=0.5)
    assert AppTest.from_file("apps/bean_counter.py").run().title


def test_feedback_gives_the_chosen_position():
    at = AppTest.from_string(
        """
        import streamlit as st
        stars = st.feedback("stars")
        st.write("stars:", stars)
        """
    ).run()
    assert at.get("feedback")[0].value is None
    at.get("feedback")[0].set_value(3).run()
    assert at.get("feedback")[0].value == 3
    assert at.markdown[0].value == "stars: `3`"
