"""The harness's public names: a change here is an API change to review."""

from __future__ import annotations

import jupyter_fragments.testing as testing


def test_public_api_snapshot() -> None:
    assert sorted(testing.__all__) == [
        "AppHandle",
        "AppTest",
        "CellError",
        "CellResult",
        "ErrorInfo",
        "HarnessError",
        "HarnessTimeout",
        "Interaction",
        "KernelSession",
        "MessageStats",
        "ScopeHandle",
        "WidgetHandle",
        "WidgetMirror",
        "WidgetModel",
        "render_text",
        "strip_ansi",
    ]
    assert all(hasattr(testing, name) for name in testing.__all__)


def test_session_methods_snapshot() -> None:
    public = sorted(n for n in dir(testing.KernelSession) if not n.startswith("_"))
    assert public == [
        "app", "apps", "click", "close", "eval", "find_widget", "from_client",
        "from_notebook_client", "kernel_pid", "model", "reset", "run_cell", "run_cells",
        "run_notebook", "run_silent", "select", "send_cell", "send_custom", "send_update",
        "set_state", "set_value", "shutdown", "snapshot", "start", "text_of", "type", "wait",
        "wait_idle", "wait_until", "widget",
    ]  # fmt: skip
