"""The harness against a real kernel, with plain ipywidgets code."""

from __future__ import annotations

import os
from pathlib import Path

import nbformat
import pytest

from jupyter_fragments.testing import CellError, HarnessError, HarnessTimeout, KernelSession

COUNTER = """\
import ipywidgets as w
out = w.Output()
go = w.Button(description="Go")
clicks = 0

def on_click(_):
    global clicks
    clicks += 1
    out.outputs = ({"output_type": "stream", "name": "stdout", "text": f"clicked {clicks}\\n"},)

go.on_click(on_click)
w.VBox([go, out])
"""

SLIDER = """\
import ipywidgets as w
shown = w.Output()
n = w.IntSlider(description="n", max=1000)
seen = []

def on_value(change):
    seen.append(change.new)
    shown.outputs = ({"output_type": "stream", "name": "stdout", "text": f"n is {change.new}"},)

n.observe(on_value, "value")
w.VBox([n, shown])
"""


def test_click_assigns_one_output_and_opens_nothing(session: KernelSession) -> None:
    result = session.run_cell(COUNTER)
    assert result.comm_opens >= 5  # Button, Output, VBox, and their layout/style models
    out = session.eval("out.model_id")

    hit = session.find_widget("Go").click()

    assert (hit.outputs_updates, hit.comm_opens, hit.comm_closes, hit.error) == (1, 0, 0, None)
    assert hit.updated_models == {out}
    assert hit.messages == 1 and 0 < hit.bytes < 1000
    assert session.text_of(out) == "clicked 1"
    assert session.text_of(session.find_widget(kind="VBox")) == "Go\nclicked 1"


def test_mirror_holds_models_as_the_frontend_does(session: KernelSession) -> None:
    session.run_cell(SLIDER)
    slider = session.find_widget("n", kind="IntSlider")
    model = session.mirror[slider.model_id]
    assert model.model_module == "@jupyter-widgets/controls"
    assert model.state["max"] == 1000 and slider.value == 0
    assert session.mirror.opens >= 5 and session.mirror.closes == 0

    session.run_cell("n.close()")

    assert session.mirror[slider.model_id].closed
    with pytest.raises(HarnessError, match="closed"):
        slider.set_value(3)


def test_slider_observer_redraws_its_output(session: KernelSession) -> None:
    session.run_cell(SLIDER)
    slider = session.find_widget("n")

    hit = slider.set_value(7)

    shown = session.eval("shown.model_id")
    assert hit.outputs_updates == 1 and shown in hit.updated_models
    assert session.text_of(shown) == "n is 7"
    assert session.eval("seen") == [7]
    assert slider.text == "n: 7"


def test_burst_of_updates_without_waiting(session: KernelSession) -> None:
    session.run_cell(SLIDER)
    slider = session.find_widget("n")

    ids = [session.send_update(slider, {"value": v}) for v in range(1, 201)]
    hits = session.wait_idle(ids)

    assert len(hits) == 200 and all(h.error is None for h in hits)
    assert session.eval("seen[-1], n.value") == (200, 200)
    assert slider.value == 200
    assert session.text_of(session.eval("shown.model_id")) == "n is 200"


def test_wait_until_sees_timer_redraws(session: KernelSession) -> None:
    session.run_cell(
        """\
import asyncio
import ipywidgets as w
clock = w.Output()
ticks = 0

def tick():
    global ticks
    ticks += 1
    clock.outputs = ({"output_type": "stream", "name": "stdout", "text": f"tick {ticks}"},)
    if ticks < 3:
        asyncio.get_running_loop().call_later(0.01, tick)

asyncio.get_running_loop().call_later(0.01, tick)
"""
    )
    clock = session.eval("clock.model_id")
    session.wait_until(lambda: session.text_of(clock) == "tick 3", timeout=10)
    with pytest.raises(HarnessTimeout, match="never"):
        session.wait_until(lambda: False, timeout=0.05, what="never")


def test_handler_exception_is_reported_on_the_interaction(session: KernelSession) -> None:
    session.run_cell(
        "import ipywidgets as w\nboom = w.Button(description='Boom')\n"
        "boom.on_click(lambda _: 1 / 0)"
    )
    hit = session.find_widget("Boom").click()
    assert hit.error is not None and hit.error.ename == "ZeroDivisionError"
    assert not any("\x1b[" in line for line in hit.error.traceback)


def test_cell_error_is_clear_and_optional(session: KernelSession) -> None:
    with pytest.raises(CellError) as caught:
        session.run_cell("def f():\n    raise KeyError('missing')\nf()")
    assert caught.value.error.ename == "KeyError"
    assert "KeyError: 'missing'" in str(caught.value)
    assert "\x1b[" not in str(caught.value)

    result = session.run_cell("1 / 0", raise_on_error=False)
    assert result.error is not None and result.outputs[-1]["output_type"] == "error"


def test_cell_id_reaches_the_kernel_as_jupyterlab_sends_it(session: KernelSession) -> None:
    session.run_cell("meta = get_ipython().kernel.get_parent()['metadata']", cell_id="c-42")
    assert session.eval("meta") == {"cellId": "c-42"}
    session.run_cell("meta = get_ipython().kernel.get_parent()['metadata']")
    assert session.eval("meta") == {}


def test_outputs_and_execution_count(session: KernelSession) -> None:
    result = session.run_cell("print('hi')\n6 * 7")
    assert result.stdout == "hi\n" and result.value_text == "42"
    assert result.execution_count is not None


def test_select_and_type_sync_what_browsers_sync(session: KernelSession) -> None:
    session.run_cell(
        "import ipywidgets as w\n"
        "color = w.Dropdown(description='color', options=['red', 'blue'])\n"
        "tags = w.SelectMultiple(description='tags', options=['a', 'b', 'c'])\n"
        "name = w.Text(description='name', continuous_update=False)\n"
        "age = w.IntText(description='age')\n"
        "live = w.Text(description='live')\n"
        "typed = []\n"
        "live.observe(lambda c: typed.append(c.new), 'value')"
    )
    color, tags = session.find_widget("color"), session.find_widget("tags")
    color.select("blue")
    tags.select(["a", "c"])
    session.find_widget("name").type("Ada")
    session.find_widget("age").type("42")
    session.find_widget("live").type("hey")
    assert (color.value, tags.value, color.text) == ("blue", ("a", "c"), "color: blue")
    assert session.eval("color.value, tags.value, name.value, age.value") == (
        "blue",
        ("a", "c"),
        "Ada",
        42,
    )
    assert session.eval("typed") == ["h", "he", "hey"]
    with pytest.raises(HarnessError, match="No option 'green'"):
        color.select("green")


def test_disabled_and_wrong_kind_are_refused(session: KernelSession) -> None:
    session.run_cell(
        "import ipywidgets as w\n"
        "off = w.Button(description='Off', disabled=True)\n"
        "s = w.IntSlider(description='s')"
    )
    with pytest.raises(HarnessError, match="disabled"):
        session.find_widget("Off").click()
    with pytest.raises(HarnessError, match="not a Button"):
        session.find_widget("s").click()


def test_find_widget_lists_what_exists(session: KernelSession) -> None:
    session.run_cell("import ipywidgets as w\na = w.Button(description='A')")
    with pytest.raises(HarnessError, match=r"(?s)No widget with label='B'.*Button 'A'"):
        session.find_widget("B")


def test_run_cells_and_run_notebook(session: KernelSession, tmp_path: Path) -> None:
    results = session.run_cells(["x = 1", "x + 1"])
    assert results[1].value_text == "2"
    with pytest.raises(CellError) as caught:
        session.run_cells(["y = 1", "y / 0", "never = 1"])
    assert caught.value.cell_index == 1 and "cell 1" in str(caught.value)

    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell("# title"),
        nbformat.v4.new_code_cell("meta = get_ipython().kernel.get_parent()['metadata']"),
        nbformat.v4.new_code_cell("meta['cellId']"),
    ]
    path = tmp_path / "nb.ipynb"
    nbformat.write(nb, path)
    results = session.run_notebook(path)
    assert results[-1].value_text == repr(nb.cells[1].id)


def test_reset_forgets_closed_models(session: KernelSession) -> None:
    session.run_cell("import ipywidgets as w\nw.Button(description='x').close()")
    session.reset()
    assert all(not m.closed for m in session.mirror.values())


def test_start_and_shutdown_own_the_kernel_process() -> None:
    with KernelSession.start(env={"JF_HARNESS_TEST": "1"}) as session:
        pid = session.kernel_pid
        assert pid is not None
        assert session.eval("__import__('os').environ['JF_HARNESS_TEST']") == "1"
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)


def test_fresh_kernel_is_a_separate_process(
    fresh_kernel: KernelSession, fragments_kernel: KernelSession
) -> None:
    assert fresh_kernel.kernel_pid not in (None, fragments_kernel.kernel_pid)
    fragments_kernel.run_cell("only_in_shared = 1")
    assert fresh_kernel.eval("'only_in_shared' in globals()") is False
