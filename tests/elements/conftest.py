"""Fixtures of the element tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from jupyter_fragments.testing import KernelSession


@pytest.fixture
def in_folder(app_session: KernelSession, tmp_path: Path) -> Iterator[Path]:
    """The kernel works in ``tmp_path`` for the test (secrets.toml is read from there)."""
    before = app_session.eval("__import__('os').getcwd()")
    app_session.run_silent(f"__import__('os').chdir({str(tmp_path)!r})")
    try:
        yield tmp_path
    finally:
        app_session.run_silent(f"__import__('os').chdir({before!r})")
