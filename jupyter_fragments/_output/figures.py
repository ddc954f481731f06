"""Matplotlib figures a run created but did not show, flushed into the run's output."""

from __future__ import annotations

import sys


def flush_figures() -> None:
    """Show the open figures with matplotlib-inline, as IPython does after each cell."""
    backend = sys.modules.get("matplotlib_inline.backend_inline")
    if backend is None:
        return
    try:
        import matplotlib

        if "inline" not in str(matplotlib.get_backend()):
            return
        backend.flush_figures()
    except Exception:  # noqa: BLE001 - best effort, like IPython's own hook
        pass
