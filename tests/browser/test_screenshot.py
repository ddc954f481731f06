"""The README's screenshot: the quickstart dashboard as JupyterLab shows it.

The test run regenerates docs/images/quickstart.png; commit it when it changes.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import NotebookPage

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
QUICKSTART = ROOT / "notebooks" / "quickstart.ipynb"
SCREENSHOT = ROOT / "docs" / "images" / "quickstart.png"


def test_quickstart_dashboard_renders_and_is_photographed(
    open_notebook: Callable[..., NotebookPage],
) -> None:
    nb = open_notebook(QUICKSTART)
    nb.page.set_viewport_size({"width": 1400, "height": 2400})  # the whole app in view
    nb.run_all()
    app = nb.page.locator(".jf-app").first
    app.scroll_into_view_if_needed()
    app.wait_for(state="visible")
    charts = nb.page.locator(".jf-app .vega-embed")
    charts.nth(2).wait_for(state="visible")  # trend, top products, live orders
    nb.page.wait_for_function(
        "() => /updated [2-9] times/.test(document.querySelector('.jf-app').innerText)",
        timeout=20_000,
    )  # the live panel redraws itself
    text = app.inner_text()
    assert "Coffee chain dashboard" in text and "Record a sale" in text
    assert "Traceback" not in text and "Exception" not in text  # nothing leaked into the app
    assert nb.console_errors() == []
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    app.screenshot(path=str(SCREENSHOT))
    assert SCREENSHOT.stat().st_size > 10_000
