"""``on_change`` on ``st.tabs``, ``st.expander`` and ``st.popover`` (Streamlit 1.67).

Streamlit 1.67's docstrings of the three: ``on_change="ignore"`` (the default) tracks
no state and ``.open`` is None; ``"rerun"`` or a callable tracks it and reruns the app
when the user opens or closes it (switches tabs), calling the callable first; ``.open``
is then True/False, and with a ``key`` ``st.session_state[key]`` holds the open tab's
label (tabs) or whether it is open (expander, popover).
"""

from __future__ import annotations

from jupyter_fragments.testing import KernelSession

PANELS = """%%app panels
import jupyter_fragments as st
st.session_state.setdefault("log", [])

def opened(what):
    st.session_state.log.append(what)

plain = st.tabs(["P1", "P2"])
first, second = st.tabs(["One", "Two"], key="tab", on_change="rerun")
box = st.expander("More", key="more", on_change=opened, args=("expander",))
pop = st.popover("Menu", key="menu", on_change="rerun")
if second.open:
    second.write("expensive second tab")
st.text(f"plain={plain[0].open} one={first.open} two={second.open} "
        f"tab={st.session_state.tab} more={box.open} menu={pop.open} "
        f"log={st.session_state.log}")
"""


def _line(text: str) -> str:
    return next(line for line in text.splitlines() if line.startswith("plain="))


def test_tracked_containers_rerun_and_say_whether_they_are_open(
    app_session: KernelSession,
) -> None:
    """Streamlit 1.67 ``st.tabs``/``st.expander``/``st.popover`` ``on_change`` and
    ``.open`` (see the module docstring)."""
    app_session.run_cell(PANELS)
    app = app_session.app("panels")
    assert _line(app.text) == ("plain=None one=True two=False tab=One more=False menu=False log=[]")
    assert "expensive second tab" not in app.text

    app.widget(key="tab").set_state(selected_index=1)
    assert app.runs == 2
    assert _line(app.text) == ("plain=None one=False two=True tab=Two more=False menu=False log=[]")
    assert "expensive second tab" in app.text

    app.widget(key="more").set_state(selected_index=0)
    assert app.runs == 3
    assert "more=True" in _line(app.text) and "log=['expander']" in _line(app.text)

    app.widget(key="menu").set_state(selected_index=0)
    assert app.runs == 4 and "menu=True" in _line(app.text)
    app.widget(key="menu").set_state(selected_index=None)
    assert app.runs == 5 and "menu=False" in _line(app.text)
    assert app.exceptions == []


def test_untracked_containers_do_not_rerun(app_session: KernelSession) -> None:
    """Streamlit 1.67: with ``on_change="ignore"`` (the default) switching tabs or
    opening an expander is the browser's business: no rerun."""
    app_session.run_cell(PANELS)
    app = app_session.app("panels")
    plain_tabs = next(
        m for m in app_session.mirror.live()
        if m.model_name == "TabModel" and list(m.state.get("titles", ())) == ["P1", "P2"]
    )  # fmt: skip
    app_session.set_state(plain_tabs.model_id, selected_index=1)
    assert app.runs == 1


def test_session_state_opens_a_keyed_container(app_session: KernelSession) -> None:
    """Streamlit 1.67 ``st.tabs(key=...)``: "setting a key lets you read or update the
    active tab label via ``st.session_state[key]``" (and the expander's state)."""
    app_session.run_cell(PANELS)
    app = app_session.app("panels")
    app_session.run_cell("import jupyter_fragments as st\nst.session_state.tab = 'Two'")
    assert "two=True tab=Two" in _line(app.text)
    assert app.widget(key="tab").state["selected_index"] == 1
    app_session.run_cell("st.session_state.more = True")
    assert "more=True" in _line(app.text)


def test_a_tracked_container_in_a_fragment_reruns_the_fragment(
    app_session: KernelSession,
) -> None:
    """Streamlit 1.67: a tracked container is a widget, and a widget inside a fragment
    reruns only its fragment (st.fragment docs)."""
    app_session.run_cell(
        """%%app fragpanel
import jupyter_fragments as st

@st.fragment
def side():
    box = st.expander("Details", on_change="rerun")
    st.text(f"open={box.open}")

side()
"""
    )
    app = app_session.app("fragpanel")
    app.widget("Details").set_state(selected_index=0)
    assert app.scope_runs() == {"app": 1, "side": 2}
    assert "open=True" in app.text
