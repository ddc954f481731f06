"""Pytest fixtures for app tests: a shared kernel reset between tests, or a fresh one.

Registered through the ``pytest11`` entry point. Importing it starts nothing; a
kernel starts the first time a test asks for one of the fixtures or runs an
``AppTest``, and both use the same kernel. ``--nbapps`` collects notebooks (``nbapps``).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from .nbapps import add_options, collect_file, terminal_summary

if TYPE_CHECKING:
    from .session import KernelSession

__all__ = ["app_session", "fragments_kernel", "fresh_kernel"]


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("jupyter_fragments", "jupyter-fragments app testing")
    group.addoption(
        "--fragments-kernel",
        default="python3",
        help="Kernel spec the jupyter-fragments fixtures start (default: python3).",
    )
    group.addoption(
        "--fragments-strict",
        action="store_true",
        help="Run app_session apps strict: an exception in an app fails its cell.",
    )
    add_options(parser, group)


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    return collect_file(file_path, parent)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    terminal_summary(terminalreporter)


_STRICT = pytest.StashKey[bool]()


def _kernel_name(config: pytest.Config) -> str:
    return str(config.getoption("--fragments-kernel", default="python3"))


def pytest_configure(config: pytest.Config) -> None:
    from .apptest_session import shared_kernel

    # AppTests that start the kernel themselves start the spec the command line names
    shared_kernel.kernel_name = _kernel_name(config)


def _start(config: pytest.Config) -> KernelSession:
    from .session import KernelSession

    return KernelSession.start(kernel_name=_kernel_name(config))


@pytest.fixture(scope="session")
def fragments_kernel(request: pytest.FixtureRequest) -> Iterator[KernelSession]:
    """One kernel for the whole test session, shut down at the end.

    It is also the kernel ``AppTest`` runs in, so a suite mixing ``app_session`` tests
    and AppTests starts one kernel.

    Examples
    --------
    >>> def test_sum(fragments_kernel):  # doctest: +SKIP
    ...     assert fragments_kernel.eval("1 + 1") == 2
    """
    from .apptest_session import shared_kernel

    shared_kernel.kernel_name = _kernel_name(request.config)
    session = shared_kernel.kernel()
    try:
        yield session
    finally:
        shared_kernel.stop()


@pytest.fixture
def app_session(request: pytest.FixtureRequest, fragments_kernel: KernelSession) -> KernelSession:
    """The shared kernel with ``jupyter_fragments`` loaded, reset before the test.

    Every app and timer is stopped and ``session_state`` cleared; imports stay, so
    a suite of many app tests stays fast. With ``--fragments-strict`` apps run
    strict, so an exception shown in an app also fails its ``%%app`` cell.

    Examples
    --------
    >>> def test_counter(app_session):  # doctest: +SKIP
    ...     app_session.run_cell("%%app\\nimport jupyter_fragments as st\\nst.button('+1')")
    ...     assert app_session.app().button("+1").click().error is None
    """
    if not fragments_kernel.extension_loaded:
        fragments_kernel.run_cell("%load_ext jupyter_fragments")
        fragments_kernel.extension_loaded = True
    strict = bool(request.config.getoption("--fragments-strict", default=False))
    if strict and not request.config.stash.get(_STRICT, False):
        # set once per kernel, even when an AppTest loaded the extension first
        fragments_kernel.run_cell("%config Fragments.strict = True")
        request.config.stash[_STRICT] = True
    fragments_kernel.reset()
    return fragments_kernel


@pytest.fixture
def fresh_kernel(request: pytest.FixtureRequest) -> Iterator[KernelSession]:
    """A new kernel for this test only (slower: use it when a test needs isolation)."""
    session = _start(request.config)
    try:
        yield session
    finally:
        session.shutdown()
