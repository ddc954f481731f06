"""Text inputs as Streamlit 1.67 has them, through a kernel: ``value=None`` returns None
until the user types, and ``required``, ``validate`` and ``live`` are enforced (a refused
value is not committed, and the label says why)."""

from __future__ import annotations

from jupyter_fragments.testing import KernelSession

RULES_APP = r"""%%app rules
import jupyter_fragments as st
name = st.text_input("Name", value=None)
notes = st.text_area("Notes", value=None, required=True)
phone = st.text_input("Phone", validate=(r"^\d{3}-\d{3}-\d{4}$", "Use the format 555-123-4567."))
email = st.text_input("Email", type="email")
anything = st.text_input("Loose email", type="email", validate="")
st.text(f"name={name!r} notes={notes!r} phone={phone!r} email={email!r} loose={anything!r}")
"""


def _label(box: object) -> str:
    return str(box.model.description)  # type: ignore[attr-defined]


def test_value_none_and_checked_values(app_session: KernelSession) -> None:
    app_session.run_cell(RULES_APP)
    app = app_session.app("rules")
    assert "name=None notes=None phone='' email='' loose=''" in app.text
    assert app.text_input("Email").state["placeholder"] == "you@example.com"

    app.text_input("Name").type("Ada")
    app.text_area("Notes").type("first")
    assert "name='Ada' notes='first'" in app.text

    runs = app.runs
    notes = app.text_area("Notes")
    notes.type("   ")  # blank: refused, the app keeps 'first' and does not rerun
    assert app.runs == runs and "notes='first'" in app.text
    assert _label(notes) == "Notes ⚠ A value is required."
    notes.type("second")
    assert "notes='second'" in app.text and _label(notes) == "Notes"

    phone = app.text_input("Phone")
    phone.type("123")
    assert "phone=''" in app.text
    assert _label(phone) == "Phone ⚠ Use the format 555-123-4567."
    phone.type("555-123-4567")
    assert "phone='555-123-4567'" in app.text and _label(phone) == "Phone"

    app.text_input("Email").type("ada@home")
    assert _label(app.text_input("Email")) == "Email ⚠ Enter a valid email address."
    app.text_input("Email").type("ada@home.org")
    app.text_input("Loose email").type("ada@home")  # validate="" turns the check off
    assert "email='ada@home.org' loose='ada@home'" in app.text
    assert app.exceptions == []


def test_a_form_with_an_empty_required_field_is_not_submitted(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app signup
import jupyter_fragments as st
with st.form("signup"):
    user = st.text_input("User", required=True)
    sent = st.form_submit_button("Sign up")
st.text(f"sent={sent} user={user!r}")
"""
    )
    app = app_session.app("signup")
    runs = app.runs
    app.button("Sign up").click()
    assert app.runs == runs and "sent=False user=''" in app.text
    assert _label(app.text_input("User")) == "User ⚠ A value is required."
    app.text_input("User").type("ada")
    app.button("Sign up").click()
    assert "sent=True user='ada'" in app.text
    assert _label(app.text_input("User")) == "User"


def test_live_commits_after_a_typing_pause(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app live
import jupyter_fragments as st
query = st.text_input("Search", type="search", live="2s")
every = st.text_input("Every key", live="0ms")
st.text(f"query={query!r} every={every!r}")
"""
    )
    app = app_session.app("live")
    search = app.text_input("Search")
    assert search.state["continuous_update"] is True
    runs = app.runs
    search.type("lamp")  # four keystrokes, sent at once: one commit after the pause
    app_session.wait_until(lambda: "query='lamp'" in app.text, what="the live commit")
    assert app.runs == runs + 1

    every = app.text_input("Every key")
    every.type("ab")  # committed as typed: no Enter, no pause
    assert every.state["continuous_update"] is True and "every='ab'" in app.text
    assert app.exceptions == []


def test_text_rule_mistakes_are_clear(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app bad
import jupyter_fragments as st
for kwargs in ({"validate": "("}, {"validate": ("a", "b", "c")}, {"live": 300},
               {"live": "2m"}, {"live": "soon"}):
    try:
        st.text_input("x", **kwargs)
    except st.FragmentsAPIError as exc:
        st.text(str(exc))
"""
    )
    text = app_session.app("bad").text
    assert "which is not a regular expression" in text
    assert "Fix: pass a regular expression, or a (regex, message) pair." in text
    assert "got live=300. Fix: pass True" in text
    assert "got live='2m', over a minute." in text
    assert "got live='soon', not a duration." in text
