"""What a rerun sends for the benchmarks' C page (50 sliders, 200 text rows), counted.

The floor is hand-written ipywidgets in the same kernel that reassigns only the rows
whose text changed. A rerun of the whole script must send what it sends: the same
messages and bytes, no model opened or closed. Counts, never times: a regression in
bytes or models fails here.
"""

from __future__ import annotations

from jupyter_fragments.testing import KernelSession

SLIDERS = 50
ROWS = 200
MOVED = 7
#: rows whose text follows the moved slider, and the sum: what a move changes
CHANGED = 1 + len(range(MOVED, ROWS - 1, SLIDERS))

APP = f"""%%app cost
import jupyter_fragments as st
vals = [st.slider(f"s{{j}}", 0, 100, 0) for j in range({SLIDERS})]
st.markdown(f"sum = `{{sum(vals)}}`")
for i in range({ROWS} - 1):
    st.markdown(f"row {{i}}: s{{i % {SLIDERS}}} = `{{vals[i % {SLIDERS}]}}`")
st.button("same again")
"""

# benchmarks/apps.py's floor_c, its sliders labelled f0..f49 (the rows read as the app's)
FLOOR = f"""
import ipywidgets as w

def md(text):
    return ({{"output_type": "display_data", "metadata": {{}},
             "data": {{"text/markdown": text, "text/plain": text}}}},)

f_sliders = [w.IntSlider(value=0, min=0, max=100, description=f"f{{j}}") for j in range({SLIDERS})]
f_rows = ["sum = `0`"] + [f"row {{i}}: s{{i % {SLIDERS}}} = `0`" for i in range({ROWS} - 1)]
f_outs = [w.Output(outputs=md(t)) for t in f_rows]

def f_changed(change):
    vals = [s.value for s in f_sliders]
    j = f_sliders.index(change["owner"])
    for i in [0] + [i + 1 for i in range(j, {ROWS} - 1, {SLIDERS})]:
        text = f"sum = `{{sum(vals)}}`" if i == 0 else f"row {{i - 1}}: s{{j}} = `{{vals[j]}}`"
        if text != f_rows[i]:
            f_rows[i] = text
            f_outs[i].outputs = md(text)

for s in f_sliders:
    s.observe(f_changed, "value")
w.VBox([*f_sliders, *f_outs])
"""


def test_the_first_render_opens_a_model_per_slider_and_one_for_the_rows(
    app_session: KernelSession,
) -> None:
    empty = app_session.run_cell("%%app empty\nimport jupyter_fragments as st\n")
    page = app_session.run_cell(APP)
    # the sliders and the one style they share; the rows share one Output until one of
    # them changes; the button and its style
    assert page.comm_opens - empty.comm_opens == SLIDERS + 1 + 1 + 2
    assert f"row {ROWS - 2}: s{(ROWS - 2) % SLIDERS} = `0`" in app_session.app("cost").text


def test_a_rerun_sends_what_hand_written_widgets_send(app_session: KernelSession) -> None:
    app_session.run_cell(FLOOR)
    app_session.run_cell(APP)
    app = app_session.app("cost")
    floor = app_session.find_widget(f"f{MOVED}", kind="IntSlider")
    slider = app.slider(f"s{MOVED}")

    first = slider.set_value(1)  # the rows that changed leave the shared Output, once
    floor.set_value(1)
    assert first.error is None
    assert (first.comm_opens, first.comm_closes) == (2 * CHANGED - 1, 0)

    for value in (2, 30, 99):
        ours = slider.set_value(value)
        theirs = floor.set_value(value)
        assert ours.error is None
        assert ours.outputs_updates == CHANGED
        assert (ours.messages, ours.bytes) == (theirs.messages, theirs.bytes)
        assert (ours.comm_opens, ours.comm_closes) == (0, 0)
    assert "sum = `99`" in app.text
    assert f"row {MOVED + SLIDERS}: s{MOVED} = `99`" in app.text
    assert app.runs == 5


def test_a_rerun_that_draws_the_same_sends_nothing(app_session: KernelSession) -> None:
    app_session.run_cell(APP)
    app = app_session.app("cost")
    for _ in range(3):
        hit = app.button("same again").click()
        assert hit.error is None
        assert (hit.messages, hit.comm_opens, hit.comm_closes) == (0, 0, 0)
    assert app.runs == 4


def test_rows_that_shared_an_output_keep_their_order_whatever_a_rerun_does(
    app_session: KernelSession,
) -> None:
    app_session.run_cell(
        """%%app order
import jupyter_fragments as st
n = st.session_state.get("n", 6)
for i in range(n):
    st.markdown(f"row {i}")
    if i == 2 and st.session_state.get("box"):
        st.checkbox("between")
st.button("go")
"""
    )
    app = app_session.app("order")

    def rows() -> list[str]:
        text = app.text
        return sorted((w for w in ("between", *(f"row {i}" for i in range(9)))
                       if w in text), key=text.index)  # fmt: skip

    assert rows() == [f"row {i}" for i in range(6)]
    steps = [({"box": True}, 6), ({"box": True}, 3), ({"box": False}, 9), ({"box": True}, 4)]
    for state, n in steps:
        app_session.run_cell(
            f"import jupyter_fragments as st\nst.session_state.update({state!r}, n={n})"
        )
        assert app.button("go").click().error is None
        expected = [f"row {i}" for i in range(n)]
        if state["box"] and n > 2:
            expected.insert(3, "between")
        assert rows() == expected, (state, n)
