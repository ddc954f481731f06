"""Reliability suite: the ``--soak`` flag for the long runs, and a kernel of its own.

The default run is short; ``pytest tests/reliability --soak`` (or ``JF_SOAK=1``) runs
the load and memory tests at the sizes the reliability report quotes.
"""

from __future__ import annotations

import os

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--soak",
        action="store_true",
        default=False,
        help="Run the reliability load and memory tests at full size (minutes).",
    )


def soak_enabled(config: pytest.Config) -> bool:
    """Whether the long runs were asked for (the flag, or JF_SOAK=1 from any directory)."""
    try:
        flag = bool(config.getoption("--soak"))
    except ValueError:  # the flag is only registered when this folder is collected first
        flag = False
    return flag or os.environ.get("JF_SOAK", "") not in ("", "0")


@pytest.fixture
def soak(request: pytest.FixtureRequest) -> bool:
    """True when the full-size soak runs were asked for."""
    return soak_enabled(request.config)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if soak_enabled(config):
        return
    skip = pytest.mark.skip(reason="full-size soak run: pass --soak (or set JF_SOAK=1)")
    for item in items:
        if "soak" in item.keywords and "reliability" in str(item.fspath):
            item.add_marker(skip)
