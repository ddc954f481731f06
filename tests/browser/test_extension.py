"""The extension loads in JupyterLab and stock ipywidgets render without errors.

Needs no app runtime: this is the floor every other browser test stands on.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from conftest import NotebookPage

pytestmark = pytest.mark.browser

COMMANDS = (
    "jupyter-fragments:rerun-app",
    "jupyter-fragments:stop-timers",
    "jupyter-fragments:clear-cache",
    "jupyter-fragments:toggle-outline",
)


def test_extension_commands_exist(open_notebook: Callable[..., NotebookPage]) -> None:
    nb = open_notebook(["1 + 1"])
    assert [c for c in COMMANDS if not nb.has_command(c)] == []
    assert nb.page.evaluate(
        "() => window.jupyterapp.isPluginActivated('jupyter-fragments:control')"
    )


def test_stock_slider_renders_without_console_errors(
    open_notebook: Callable[..., NotebookPage],
) -> None:
    nb = open_notebook(
        ["import ipywidgets as widgets\nwidgets.IntSlider(value=3, max=10, description='n')"]
    )
    nb.run_all()
    slider = nb.page.locator(".jp-OutputArea .widget-slider")
    slider.wait_for(state="visible")
    assert slider.locator(".widget-label").inner_text() == "n"
    assert slider.locator(".widget-readout").inner_text() == "3"
    # A kernel without jupyter_fragments: the status item stays hidden, quietly.
    assert (
        nb.page.locator(".jf-StatusItem").count() == 0
        or not nb.page.locator(".jf-StatusItem").is_visible()
    )
    assert nb.console_errors() == []
