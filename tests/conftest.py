"""Test-suite wide setup: the harness's pytest plugin, even from an uninstalled checkout."""

from __future__ import annotations

import pytest

from jupyter_fragments.testing import pytest_plugin


def pytest_configure(config: pytest.Config) -> None:
    manager = config.pluginmanager
    if not manager.is_registered(pytest_plugin) and not manager.has_plugin("jupyter_fragments"):
        manager.register(pytest_plugin, "jupyter_fragments")
