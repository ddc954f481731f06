"""Apps in a real JupyterLab page: what a person sees and does.

Each test opens its own notebook with an ``%%app`` cell, runs it, and acts
through the mouse and keyboard; assertions are on the DOM the person sees.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from conftest import NotebookPage

pytestmark = pytest.mark.browser

LOAD = "%load_ext jupyter_fragments"


def app_notebook(open_notebook: Callable[..., NotebookPage], body: str) -> NotebookPage:
    """Open a notebook of two cells (load the extension, the app) and run it."""
    nb = open_notebook([LOAD, "%%app\nimport jupyter_fragments as st\n" + body])
    nb.run_all()
    nb.page.locator(".jf-app").first.wait_for(state="visible")
    return nb


def app_text(nb: NotebookPage) -> str:
    return str(nb.page.locator(".jf-app").first.inner_text())


def wait_text(nb: NotebookPage, pattern: str, timeout: float = 10_000) -> None:
    """Wait until the app's visible text matches ``pattern`` (a regex)."""
    nb.page.wait_for_function(
        "(re) => { const a = document.querySelector('.jf-app');"
        " return !!a && new RegExp(re).test(a.innerText); }",
        arg=pattern,
        timeout=timeout,
    )


def test_typing_and_enter_rerun_the_app_and_keep_focus(
    open_notebook: Callable[..., NotebookPage],
) -> None:
    nb = app_notebook(open_notebook, 'name = st.text_input("name")\nst.write("hello " + name)')
    field = nb.page.locator(".jf-app input[type=text]").first
    field.click()
    field.type("Ada")
    field.press("Enter")
    wait_text(nb, "hello Ada")
    # The same input still has the focus and its text: the user types on.
    assert field.evaluate("el => el === document.activeElement")
    assert field.input_value() == "Ada"
    nb.page.keyboard.type(" L")
    nb.page.keyboard.press("Enter")
    wait_text(nb, "hello Ada L")
    assert field.evaluate("el => el === document.activeElement")
    assert nb.console_errors() == []


def test_slider_drag_ends_where_the_mouse_is_released(
    open_notebook: Callable[..., NotebookPage],
) -> None:
    nb = app_notebook(open_notebook, 'n = st.slider("n", 0, 100)\nst.write(f"n is {n}")')
    track = nb.page.locator(".jf-app .widget-slider .slider-container").first
    handle = nb.page.locator(".jf-app .widget-slider .noUi-handle").first
    box = track.bounding_box()
    start = handle.bounding_box()
    assert box is not None and start is not None
    y = start["y"] + start["height"] / 2
    nb.page.mouse.move(start["x"] + start["width"] / 2, y)
    nb.page.mouse.down()
    # Slow steps, so the app reruns (continuous updates) during the drag.
    target_x = box["x"] + box["width"] * 0.75
    for i in range(1, 21):
        nb.page.mouse.move(start["x"] + (target_x - start["x"]) * i / 20, y)
        nb.page.wait_for_timeout(30)
    nb.page.mouse.up()
    nb.wait_idle()
    readout = int(nb.page.locator(".jf-app .widget-slider .widget-readout").first.inner_text())
    assert 65 <= readout <= 85
    wait_text(nb, f"n is {readout}")
    nb.page.wait_for_timeout(500)  # no late rerun moves it back
    assert int(nb.page.locator(".jf-app .widget-readout").first.inner_text()) == readout
    assert nb.console_errors() == []


FRAGMENT_APP = """
st.write("outside text")
@st.fragment
def counter():
    if st.button("+1"):
        st.session_state.count = st.session_state.get("count", 0) + 1
    st.write(f"count: {st.session_state.get('count', 0)}")
counter()
"""


def test_fragment_click_changes_only_the_fragment(
    open_notebook: Callable[..., NotebookPage],
) -> None:
    nb = app_notebook(open_notebook, FRAGMENT_APP)
    wait_text(nb, "count: 0")
    # Tag the element outside the fragment: it must survive the click as it is.
    nb.page.evaluate(
        """() => {
          const els = Array.from(document.querySelectorAll('.jf-app .jf-element'));
          window.__outside = els.find(e => e.innerText.includes('outside text')
                                          && !e.closest('.jf-fragment'));
          window.__outside.dataset.probe = 'kept';
        }"""
    )
    nb.page.locator(".jf-fragment button", has_text="+1").click()
    wait_text(nb, "count: 1")
    nb.wait_idle()
    assert nb.page.evaluate(
        "() => window.__outside.isConnected && window.__outside.dataset.probe === 'kept'"
        " && window.__outside.innerText.includes('outside text')"
    )
    assert nb.console_errors() == []


def test_r_key_reruns_the_app(open_notebook: Callable[..., NotebookPage]) -> None:
    body = (
        'st.session_state.runs = st.session_state.get("runs", 0) + 1\n'
        'st.write(f"runs: {st.session_state.runs}")\n'
        'st.checkbox("flag")\n'
    )
    nb = app_notebook(open_notebook, body)
    wait_text(nb, "runs: 1")
    nb.page.locator(".jf-app input[type=checkbox]").first.focus()
    nb.page.keyboard.press("r")
    wait_text(nb, "runs: 2")
    # The notebook's own command-mode R (change cell to raw) did not fire.
    assert nb.page.evaluate(
        "() => window.jupyterapp.shell.currentWidget.content.widgets"
        ".every(c => c.model.type === 'code')"
    )
    assert nb.console_errors() == []


OUTLINE_APP = """
@st.fragment
def panel():
    if st.button("again"):
        pass
    st.write("in the panel")
panel()
"""


def test_outline_toggle_labels_fragments_with_name_and_runs(
    open_notebook: Callable[..., NotebookPage],
) -> None:
    nb = app_notebook(open_notebook, OUTLINE_APP)
    nb.execute_command("jupyter-fragments:toggle-outline")
    fragment = nb.page.locator(".jf-mod-outline .jf-fragment[data-jf-label]")
    fragment.wait_for(state="attached", timeout=10_000)
    assert fragment.get_attribute("data-jf-label") == "panel · 1 run"
    nb.page.locator(".jf-fragment button", has_text="again").click()
    nb.page.wait_for_function(
        "() => document.querySelector('.jf-fragment[data-jf-label]')"
        ".getAttribute('data-jf-label') === 'panel · 2 runs'",
        timeout=10_000,
    )
    nb.execute_command("jupyter-fragments:toggle-outline")
    assert nb.page.locator(".jf-mod-outline").count() == 0
    assert nb.console_errors() == []


TIMER_APP = """
@st.fragment(run_every=0.3)
def live():
    st.session_state.ticks = st.session_state.get("ticks", 0) + 1
    st.write(f"tick {st.session_state.ticks}")
live()
"""


def _tick(nb: NotebookPage) -> int:
    match = re.search(r"tick (\d+)", app_text(nb))
    assert match, app_text(nb)
    return int(match.group(1))


def test_run_every_fragment_updates_in_the_page_and_status_shows_timers(
    open_notebook: Callable[..., NotebookPage],
) -> None:
    nb = app_notebook(open_notebook, TIMER_APP)
    first = _tick(nb)
    nb.page.wait_for_function(
        "(n) => { const m = /tick (\\d+)/.exec(document.querySelector('.jf-app').innerText);"
        " return !!m && +m[1] >= n + 2; }",
        arg=first,
        timeout=10_000,
    )
    status = nb.page.locator(".jf-StatusItem")
    status.wait_for(state="visible", timeout=10_000)
    assert status.inner_text() == "1 app · 1 timer"
    nb.execute_command("jupyter-fragments:stop-timers")
    nb.page.wait_for_function(
        "() => document.querySelector('.jf-StatusItem').innerText === '1 app · 0 timers'",
        timeout=10_000,
    )
    stopped = _tick(nb)
    nb.page.wait_for_timeout(1_000)
    assert _tick(nb) == stopped
    assert nb.console_errors() == []
