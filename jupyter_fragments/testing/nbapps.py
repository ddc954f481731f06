"""``pytest --nbapps``: every ``.ipynb`` collected as one test per app it runs.

A notebook runs (``nbapps_run``) when pytest collects it, because its apps are known
only once its cells ran (so ``--collect-only`` runs it too, and each pytest-xdist worker
would run every notebook: use ``-n0``); its items then report what the run found. Items
are ``<notebook>::notebook`` (the cells ran) and ``<notebook>::app[<name>]`` per app.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .nbapps_run import AppResult, NotebookResult, run_notebook

__all__ = [
    "AppItem",
    "NotebookFile",
    "NotebookItem",
    "add_options",
    "collect_file",
    "terminal_summary",
]

_DEFAULT_TIMEOUT = 60.0
_TALLY = pytest.StashKey[list[int]]()  # notebooks, apps, gestures played


def add_options(parser: pytest.Parser, group: pytest.OptionGroup) -> None:
    """The command-line and ini options of the collector."""
    group.addoption(
        "--nbapps",
        action="store_true",
        help="Collect .ipynb files: run each (apps strict) and report one test per app.",
    )
    group.addoption(
        "--nbapps-poke",
        action="store_true",
        help="With --nbapps: then try every input of every app as a person would "
        "(implies --nbapps).",
    )
    group.addoption(
        "--nbapps-timeout",
        type=float,
        default=None,
        help=f"Seconds a notebook cell or an app gesture may take (default {_DEFAULT_TIMEOUT:g}).",
    )
    parser.addini("nbapps", type="bool", default=False, help="Same as --nbapps.")
    parser.addini("nbapps_poke", type="bool", default=False, help="Same as --nbapps-poke.")
    parser.addini("nbapps_timeout", default=str(_DEFAULT_TIMEOUT), help="Same as --nbapps-timeout.")


def _poke(config: pytest.Config) -> bool:
    return bool(config.getoption("--nbapps-poke") or config.getini("nbapps_poke"))


def _enabled(config: pytest.Config) -> bool:
    return bool(config.getoption("--nbapps") or config.getini("nbapps") or _poke(config))


def _timeout(config: pytest.Config) -> float:
    given = config.getoption("--nbapps-timeout")
    return float(given if given is not None else config.getini("nbapps_timeout"))


def collect_file(file_path: Path, parent: pytest.Collector) -> NotebookFile | None:
    """The collector of a notebook when ``--nbapps`` is on (``pytest_collect_file``)."""
    if file_path.suffix != ".ipynb" or ".ipynb_checkpoints" in file_path.parts:
        return None
    if not _enabled(parent.config):
        return None
    return NotebookFile.from_parent(parent, path=file_path)


def terminal_summary(reporter: Any) -> None:
    """One line after the tests: how much the collector ran (``pytest_terminal_summary``)."""
    tally = reporter.config.stash.get(_TALLY, None)
    if tally is None:
        return
    notebooks, apps, played = tally
    poked = f", {played} gestures tried on their inputs" if _poke(reporter.config) else ""
    reporter.write_line(f"nbapps: {notebooks} notebook(s) run, {apps} app(s){poked}")


class NbAppsFailure(Exception):
    """A notebook or app test failed: the message is the whole report."""


class NotebookFile(pytest.File):
    """A notebook: run once here; its items report on the cells and on each app."""

    def collect(self) -> Iterator[pytest.Item]:
        config = self.config
        try:
            result = run_notebook(
                self.path,
                kernel_name=str(config.getoption("--fragments-kernel", default="python3")),
                timeout=_timeout(config),
                poke_inputs=_poke(config),
            )
        except Exception as exc:  # noqa: BLE001 - a notebook that cannot run is its test's failure
            result = NotebookResult(self.path, error=f"The notebook could not run: {exc!r}")
        tally = config.stash.setdefault(_TALLY, [0, 0, 0])
        tally[0] += 1
        tally[1] += len(result.apps)
        tally[2] += sum(app.gestures for app in result.apps)
        yield NotebookItem.from_parent(self, name="notebook", result=result)
        for app in result.apps:
            yield AppItem.from_parent(self, name=f"app[{app.name}]", app=app)


class _ReportItem(pytest.Item):
    """An item whose failure is a prepared text, shown as is (no Python traceback)."""

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> Any:
        if isinstance(excinfo.value, NbAppsFailure):
            return str(excinfo.value)
        return super().repr_failure(excinfo)

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.path, None, self.name


class NotebookItem(_ReportItem):
    """``<notebook>::notebook``: every cell ran (a strict app's error is its app's test)."""

    def __init__(self, *, result: NotebookResult, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.result = result

    def runtest(self) -> None:
        if self.result.error is not None:
            raise NbAppsFailure(f"{self.path.name}: {self.result.error}")


class AppItem(_ReportItem):
    """``<notebook>::app[<name>]``: the app's first run (and, poked, each gesture) went well."""

    def __init__(self, *, app: AppResult, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.app = app

    def runtest(self) -> None:
        if self.app.failure is not None:
            raise NbAppsFailure(f"{self.path.name}::{self.name}: {self.app.failure}")
