"""Fixtures for the harness's own tests: the session-wide kernel, emptied before each test."""

from __future__ import annotations

import pytest

from jupyter_fragments.testing import KernelSession

CLOSE_ALL = "import ipywidgets as _w\n_w.Widget.close_all()\ndel _w"


@pytest.fixture
def session(fragments_kernel: KernelSession) -> KernelSession:
    """The shared kernel with no app, no widget, and the mirror's counters zeroed."""
    fragments_kernel.reset()
    fragments_kernel.run_silent(CLOSE_ALL)
    fragments_kernel.mirror.forget_closed()
    fragments_kernel.mirror.reset_counters()
    return fragments_kernel
