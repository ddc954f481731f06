"""Fixtures for the harness's own tests: one kernel shared by the directory."""

from __future__ import annotations

import pytest

from jupyter_fragments.testing import KernelSession, pytest_plugin

CLOSE_ALL = "import ipywidgets as _w\n_w.Widget.close_all()\ndel _w"


def pytest_configure(config: pytest.Config) -> None:
    # From a checkout that is not pip-installed the pytest11 entry point is missing.
    manager = config.pluginmanager
    if not manager.is_registered(pytest_plugin) and not manager.has_plugin("jupyter_fragments"):
        manager.register(pytest_plugin, "jupyter_fragments")


@pytest.fixture
def session(fragments_kernel: KernelSession) -> KernelSession:
    """The shared kernel with every widget closed and the mirror's counters zeroed."""
    fragments_kernel.run_silent(CLOSE_ALL)
    fragments_kernel.mirror.forget_closed()
    fragments_kernel.mirror.reset_counters()
    return fragments_kernel
