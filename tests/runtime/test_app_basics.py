"""The app runtime through a real kernel: full reruns, identity, capture, replacement."""

from __future__ import annotations

import pytest

from jupyter_fragments.testing import CellError, KernelSession

SLIDER_APP = """%%app basics
import jupyter_fragments as st
st.title("Basics")
n = st.slider("n", 0, 10, 3)
st.write("n squared is", n * n)
"""


def test_widget_value_returned_and_interaction_reruns_app(app_session: KernelSession) -> None:
    app_session.run_cell(SLIDER_APP)
    app = app_session.app("basics")
    assert "Basics" in app.text
    assert "n squared is `9`" in app.text
    assert app.runs == 1

    hit = app.slider("n").set_value(7)

    # done means drawn: the idle for the event came after the rerun was drawn
    assert "n squared is `49`" in app.text
    assert app.runs == 2
    assert hit.comm_opens == 0 and hit.comm_closes == 0
    assert hit.error is None


def test_print_and_display_land_in_the_app_in_order(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app capture
import jupyter_fragments as st
from IPython.display import display, Markdown
print("first line")
st.markdown("**between**")
display(Markdown("*displayed*"))
print("last line")
"""
    )
    text = app_session.app("capture").text
    assert text.index("first line") < text.index("**between**")
    assert text.index("**between**") < text.index("*displayed*") < text.index("last line")


def test_markdown_html_is_escaped_unless_allowed(app_session: KernelSession) -> None:
    result = app_session.run_cell(
        """%%app html
import jupyter_fragments as st
st.markdown("safe <img src=x onerror=alert(1)> and `<b>code</b>`")
st.markdown("<b>bold</b>", unsafe_allow_html=True)
st.title("<script>alert(1)</script>")
"""
    )
    assert result.error is None
    sources = [
        out["data"]["text/markdown"]
        for model in app_session.mirror.live()
        if model.model_name == "OutputModel"
        for out in model.state.get("outputs", [])
        if "text/markdown" in out.get("data", {})
    ]
    joined = "\n".join(sources)
    assert "&lt;img src=x onerror=alert(1)>" in joined
    assert "`<b>code</b>`" in joined  # code spans are shown literally already
    assert "<b>bold</b>" in joined
    assert "&lt;script>" in joined
    assert "<img" not in joined.replace("&lt;img", "")


def test_twenty_sliders_one_moved_reuses_every_model(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app sliders
import jupyter_fragments as st
values = [st.slider(f"s{i}", 0, 100, i) for i in range(20)]
st.write("sum", sum(values))
"""
    )
    app = app_session.app("sliders")
    assert "sum `190`" in app.text
    hit = app.slider("s3").set_value(50)
    assert "sum `237`" in app.text
    assert hit.comm_closes == 0
    assert hit.comm_opens == 0
    # only the moved slider's echo and the changed text: no other slider is touched
    other_sliders = {w.model_id for w in app.widgets if w.label != "s3"}
    assert not (hit.updated_models & other_sliders)
    assert hit.outputs_updates == 1


def test_rerun_changing_text_next_to_text_input_keeps_its_holder(
    app_session: KernelSession,
) -> None:
    app_session.run_cell(
        """%%app typing
import jupyter_fragments as st
name = st.text_input("Name")
st.write("Hello", name or "nobody")
"""
    )
    app = app_session.app("typing")
    snapshot_app = app.info
    holder_models = {scope["model_id"] for scope in snapshot_app["scopes"]} | {
        scope["body_model_id"] for scope in snapshot_app["scopes"]
    }
    hit = app.text_input("Name").type("Ada")
    assert "Hello Ada" in app.text
    # No Output or box that holds the input's view was reassigned.
    assert not (hit.updated_models & holder_models)
    assert hit.outputs_updates == 1
    assert app.text_input("Name").value == "Ada"


def test_duplicate_widgets_are_an_error_naming_label_and_key(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app dups
import jupyter_fragments as st
st.button("Go")
st.button("Go")
"""
    )
    errors = app_session.app("dups").exceptions
    assert len(errors) == 1
    assert errors[0].ename == "DuplicateWidgetError"
    assert "'Go'" in errors[0].evalue and "key=" in errors[0].evalue


def test_key_ties_widget_and_session_state_both_ways(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app keyed
import jupyter_fragments as st
v = st.slider("level", 0, 10, 2, key="level")
st.write("level is", v)
"""
    )
    app = app_session.app("keyed")
    assert app_session.eval("__import__('jupyter_fragments').session_state['level']") == 2
    app.slider(key="level").set_value(6)
    assert app_session.eval("__import__('jupyter_fragments').session_state.level") == 6
    # and from a plain cell: the widget follows and the app reruns with the value
    app_session.run_cell("import jupyter_fragments as st\nst.session_state.level = 9")
    assert app.slider(key="level").value == 9
    assert "level is `9`" in app.text


def test_reexecuting_a_cell_replaces_its_app_and_keeps_state(app_session: KernelSession) -> None:
    code = """%%app
import jupyter_fragments as st
st.session_state.setdefault("visits", 0)
st.session_state.visits += 1
st.button("b")
st.write("visits", st.session_state.visits)
"""
    app_session.run_cell(code, cell_id="cell-1")
    first = app_session.app()
    first_button = first.button("b").model_id
    result = app_session.run_cell(code, cell_id="cell-1")
    apps = app_session.apps
    assert len(apps) == 1
    assert "visits `2`" in apps[0].text
    assert result.comm_closes > 0
    assert app_session.mirror[first_button].closed


def test_without_cell_id_or_name_each_execution_is_a_new_app(app_session: KernelSession) -> None:
    code = "%%app\nimport jupyter_fragments as st\nst.write('hi')"
    app_session.run_cell(code)
    app_session.run_cell(code)
    assert len(app_session.apps) == 2
    app_session.run_cell("import jupyter_fragments as st\nst.stop_all()")
    assert app_session.apps == []


def test_exception_shows_in_place_and_strict_fails_the_cell(app_session: KernelSession) -> None:
    result = app_session.run_cell(
        """%%app lenient
import jupyter_fragments as st
st.write("before")
1 / 0
"""
    )
    assert result.error is None
    app = app_session.app("lenient")
    assert "before" in app.text
    assert [e.ename for e in app.exceptions] == ["ZeroDivisionError"]

    with pytest.raises(CellError) as failure:
        app_session.run_cell(
            """%%app strict --strict
import jupyter_fragments as st
st.write("before")
1 / 0
"""
        )
    assert failure.value.error.ename == "StrictAppError"
    assert "ZeroDivisionError" in failure.value.error.evalue
    assert [e.ename for e in app_session.app("strict").exceptions] == ["ZeroDivisionError"]


def test_strict_default_is_configurable(app_session: KernelSession) -> None:
    app_session.run_cell("%config Fragments.strict = True")
    try:
        with pytest.raises(CellError):
            app_session.run_cell("%%app cfg\nraise ValueError('boom')")
        app_session.run_cell("%%app cfg2 --no-strict\nraise ValueError('boom')")
    finally:
        app_session.run_cell("%config Fragments.strict = False")


def test_unknown_app_option_is_a_clear_error(app_session: KernelSession) -> None:
    result = app_session.run_cell("%%app --bogus\nx = 1", raise_on_error=False)
    assert result.error is not None
    assert "--bogus" in result.error.evalue
    assert "Fix:" in result.error.evalue


def test_stop_and_rerun_control_flow(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app flow
import jupyter_fragments as st
st.session_state.setdefault("n", 0)
st.session_state.n += 1
if st.session_state.n < 3:
    st.rerun()
st.write("settled at", st.session_state.n)
try:
    st.stop()
except Exception:
    st.write("swallowed")  # st.stop is not an Exception
st.write("never shown")
"""
    )
    text = app_session.app("flow").text
    assert "settled at `3`" in text
    assert "swallowed" not in text and "never shown" not in text


def test_plain_python_app_decorator(app_session: KernelSession) -> None:
    app_session.run_cell(
        """import jupyter_fragments as st
@st.app(name="decorated")
def my_app():
    st.write("from a function", st.checkbox("on"))
"""
    )
    app = app_session.app("decorated")
    assert "from a function `False`" in app.text
    app.checkbox("on").set_value(True)
    assert "from a function `True`" in app.text


def test_widgets_not_rendered_are_closed_and_their_state_dropped(
    app_session: KernelSession,
) -> None:
    app_session.run_cell(
        """%%app cond
import jupyter_fragments as st
if st.checkbox("more"):
    st.text_input("extra", key="extra")
"""
    )
    app = app_session.app("cond")
    app.checkbox("more").set_value(True)
    extra = app.text_input("extra")
    extra.type("hello")
    assert app_session.eval("__import__('jupyter_fragments').session_state['extra']") == "hello"
    hit = app.checkbox("more").set_value(False)
    assert hit.comm_closes >= 1
    assert app_session.mirror[extra.model_id].closed
    assert app_session.eval("'extra' in __import__('jupyter_fragments').session_state") is False


def test_non_identifying_parameters_update_the_model_in_place(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app inplace
import jupyter_fragments as st
top = st.number_input("top", 1, 100, 10)
v = st.slider("v", 0, top, 1, help=f"up to {top}")
st.write("v is", v)
"""
    )
    app = app_session.app("inplace")
    slider = app.slider("v")
    model_id = slider.model_id
    slider.set_value(8)
    hit = app.number_input("top").set_value(3)
    assert app.slider("v").model_id == model_id
    assert hit.comm_opens == 0 and hit.comm_closes == 0
    assert slider.state["max"] == 3 and slider.state["tooltip"] == "up to 3"
    assert slider.value == 3  # clamped into the new range
    assert "v is `3`" in app.text


def test_slow_scopes_are_marked_running_and_fast_ones_cost_nothing(
    app_session: KernelSession,
) -> None:
    app_session.run_cell(
        """%%app marks
import jupyter_fragments as st, time

@st.fragment
def slow():
    st.button("slow")
    time.sleep(0.6)  # longer than Fragments.stale_delay (0.3 s)
    st.write("slow done")

@st.fragment
def fast():
    st.button("fast")
    st.write("fast done")

slow()
fast()
"""
    )
    app = app_session.app("marks")
    slow_scope, fast_scope = app.fragment("slow"), app.fragment("fast")
    hit = app.button("fast").click()
    assert fast_scope.model_id not in hit.updated_models  # no class change for a fast run
    hit = app.button("slow").click()
    assert slow_scope.model_id in hit.updated_models  # marked running, then cleared
    assert "jf-running" not in app_session.mirror[slow_scope.model_id].state["_dom_classes"]
    assert fast_scope.model_id not in hit.updated_models


def test_long_runs_draw_progress_as_they_go(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app anim
import jupyter_fragments as st, time
placeholder = st.empty()
if st.button("go"):
    for i in range(4):
        placeholder.write(f"step {i}")
        time.sleep(0.15)
"""
    )
    app = app_session.app("anim")
    hit = app.button("go").click()
    assert "step 3" in app.text and "step 2" not in app.text
    # each step was shown while the run went on: the placeholder's one Output is made
    # once (with its first content), then updated in place
    assert hit.comm_opens == 1
    assert hit.outputs_updates >= 2


def test_api_errors_point_at_the_users_line_only(app_session: KernelSession) -> None:
    app_session.run_cell("%%app apierr\nimport jupyter_fragments as st\nst.slider('x', 5, 1)")
    (error,) = app_session.app("apierr").exceptions
    assert error.ename == "FragmentsAPIError"
    assert "Fix:" in error.evalue
    text = error.traceback_text
    assert "st.slider('x', 5, 1)" in text
    assert "jupyter_fragments" not in text.replace("import jupyter_fragments", "")


def test_the_app_handle_reruns_and_stops_from_a_cell(app_session: KernelSession) -> None:
    app_session.run_cell(
        """import jupyter_fragments as st
@st.app(name="handle")
def handle():
    st.session_state.handle_runs = st.session_state.get("handle_runs", 0) + 1
    st.write("runs", st.session_state.handle_runs)
"""
    )
    app_session.run_cell("handle.rerun()")
    assert "runs `2`" in app_session.app("handle").text
    result = app_session.run_cell("handle.stop()")
    assert result.comm_closes > 0
    assert app_session.apps == []


def test_app_cells_compile_like_plain_cells(app_session: KernelSession) -> None:
    """Annotations in an app cell are objects, as in a plain cell: the runtime's own
    ``from __future__ import annotations`` does not leak into user code."""
    app_session.run_cell(
        "%%app annotations\nimport jupyter_fragments as st\n"
        "def f(x: int) -> int:\n    return x\n"
        "st.text(type(f.__annotations__['x']).__name__)"
    )
    assert app_session.app("annotations").text.strip() == "type"
