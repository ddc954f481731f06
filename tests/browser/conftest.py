"""Browser test fixtures: a JupyterLab server, headless Chromium, notebook pages.

Owns the processes a browser test needs and how it waits for them (measured
facts in shared/notes/browser-tests.md). Tests are marked ``browser``; they skip
when Chromium or Playwright is missing, unless ``JF_REQUIRE_BROWSER=1`` (CI).
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
REPO = Path(__file__).resolve().parents[2]
BUILT_EXTENSION = REPO / "jupyter_fragments" / "labextension"
SERVER_READY_TIMEOUT = 60.0
KERNEL_READY_TIMEOUT = 60_000  # ms, Playwright's unit
RUN_TIMEOUT = 60_000

# Browser console lines that are not errors of the page under test.
BENIGN_CONSOLE = (
    "Failed to load resource: net::ERR_",  # no internet here: external fonts, news
)


def _missing_browser() -> str | None:
    """Why browser tests cannot run here, or None when they can."""
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is missing (apt-get install -y chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (pip install playwright)"
    try:
        import jupyterlab  # noqa: F401
    except ImportError:
        return "jupyterlab is not installed (pip install jupyterlab)"
    return None


def skip_or_fail(reason: str) -> None:
    """Skip a browser test, or fail it where browser tests are required (CI)."""
    if os.environ.get("JF_REQUIRE_BROWSER") == "1":
        pytest.fail(f"browser tests are required (JF_REQUIRE_BROWSER=1) but {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser_available() -> None:
    """Skip (or fail in CI) when the browser toolchain is missing."""
    reason = _missing_browser()
    if reason is not None:
        skip_or_fail(reason)


# ---------------------------------------------------------------- the server


@dataclass
class LabServer:
    """A running JupyterLab: where it listens and where its files are."""

    url: str
    token: str
    root: Path
    log: Path
    process: subprocess.Popen[bytes]

    def api(self, path: str) -> Any:
        request = urllib.request.Request(
            f"{self.url}{path}", headers={"Authorization": f"token {self.token}"}
        )
        with urllib.request.urlopen(request, timeout=5) as response:
            return json.loads(response.read() or b"null")

    def log_tail(self, lines: int = 40) -> str:
        text = self.log.read_text(errors="replace") if self.log.exists() else ""
        return "\n".join(text.splitlines()[-lines:])


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _server_environment(base: Path) -> dict[str, str]:
    """Private settings, workspaces, runtime, config and IPython dirs."""
    env = dict(os.environ)
    dirs = {
        "JUPYTERLAB_SETTINGS_DIR": base / "settings",
        "JUPYTERLAB_WORKSPACES_DIR": base / "workspaces",
        "JUPYTER_RUNTIME_DIR": base / "runtime",
        "JUPYTER_CONFIG_DIR": base / "config",
        "IPYTHONDIR": base / "ipython",
    }
    for name, path in dirs.items():
        path.mkdir(parents=True, exist_ok=True)
        env[name] = str(path)
    # The news toast would cover the page: turn off fetching news and updates.
    notification = dirs["JUPYTERLAB_SETTINGS_DIR"] / "@jupyterlab" / "apputils-extension"
    notification.mkdir(parents=True, exist_ok=True)
    (notification / "notification.jupyterlab-settings").write_text(
        json.dumps({"fetchNews": "false", "checkForUpdates": False})
    )
    # Test the working tree: its Python package in kernels, its built extension
    # in the page (before any installed copy).
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    if (BUILT_EXTENSION / "package.json").exists():
        # A copy, not a link: Voila's static handler refuses files outside its dirs.
        data = base / "data"
        shutil.copytree(BUILT_EXTENSION, data / "labextensions" / "jupyter-fragments")
        env["JUPYTER_PATH"] = os.pathsep.join(filter(None, [str(data), env.get("JUPYTER_PATH")]))
    return env


def _stop(process: subprocess.Popen[bytes], grace: float = 10.0) -> None:
    """SIGTERM the server's process group (it shuts its kernels down), then SIGKILL."""
    if process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=grace)
    except ProcessLookupError:
        pass


@pytest.fixture(scope="session")
def lab_server(
    browser_available: None, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[LabServer]:
    """One JupyterLab server for the session, on 127.0.0.1 with a random token."""
    base = tmp_path_factory.mktemp("lab")
    root = base / "root"
    root.mkdir()
    port = _free_port()
    token = secrets.token_hex(16)
    log = base / "server.log"
    command = [
        sys.executable, "-m", "jupyterlab",
        "--no-browser", "--allow-root",
        "--ip=127.0.0.1", f"--port={port}", "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={root}",
        "--LabApp.expose_app_in_browser=True",
        "--JupyterNotebookApp.expose_app_in_browser=True",
        # Voila 0.5 (JupyterLab 4.2 core) cannot load Notebook 7's own lab
        # extension and logs an error for it when both are installed.
        '--VoilaConfiguration.extension_denylist=["@jupyter-notebook/lab-extension"]',
    ]  # fmt: skip
    with log.open("wb") as out:
        process = subprocess.Popen(
            command,
            cwd=root,
            env=_server_environment(base),
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
    server = LabServer(f"http://127.0.0.1:{port}", token, root, log, process)
    try:
        deadline = time.monotonic() + SERVER_READY_TIMEOUT
        while True:
            if process.poll() is not None:
                pytest.fail(f"JupyterLab exited ({process.returncode}):\n{server.log_tail()}")
            try:
                server.api("/api/status")
                break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                if time.monotonic() > deadline:
                    waited = f"{SERVER_READY_TIMEOUT}s"
                    pytest.fail(f"JupyterLab not ready in {waited}:\n{server.log_tail()}")
                time.sleep(0.2)
        yield server
    finally:
        _stop(process)


# --------------------------------------------------------------- the browser


@pytest.fixture(scope="session")
def browser(browser_available: None) -> Iterator[Any]:
    """Headless Debian Chromium driven by Playwright (no downloaded browser)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_FLAGS
        )
        try:
            yield chromium
        finally:
            chromium.close()


@dataclass
class ConsoleLog:
    """What the page wrote to the browser console, and its uncaught errors."""

    messages: list[tuple[str, str]] = field(default_factory=list)

    def attach(self, page: Any) -> None:
        page.on("console", lambda msg: self.messages.append((msg.type, msg.text)))
        page.on("pageerror", lambda exc: self.messages.append(("pageerror", str(exc))))

    def errors(self, ignore: tuple[str, ...] = ()) -> list[str]:
        """Console errors and uncaught exceptions, less the benign ones."""
        skip = BENIGN_CONSOLE + ignore
        return [
            text
            for kind, text in self.messages
            if kind in ("error", "pageerror") and not any(s in text for s in skip)
        ]


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A fresh browser context and page for one test."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(30_000)
    page.console_log = ConsoleLog()  # type: ignore[attr-defined]
    page.console_log.attach(page)  # type: ignore[attr-defined]
    try:
        yield page
    finally:
        context.close()


def console_errors(page: Any, ignore: tuple[str, ...] = ()) -> list[str]:
    """The browser console errors a page has logged so far."""
    return list(page.console_log.errors(ignore))


# ----------------------------------------------------------------- notebooks


def write_notebook(path: Path, cells: list[str]) -> Path:
    """A notebook of code cells with a python3 kernelspec (no kernel picker)."""
    notebook = {
        "nbformat": 4,
        "nbformat_minor": 5,
        "metadata": {
            "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
            "language_info": {"name": "python"},
        },
        "cells": [
            {
                "cell_type": "code",
                "id": uuid.uuid4().hex[:8],
                "metadata": {},
                "source": source,
                "outputs": [],
                "execution_count": None,
            }
            for source in cells
        ],
    }
    path.write_text(json.dumps(notebook, indent=1))
    return path


_KERNEL_READY = """
(path) => {
  const app = window.jupyterapp;
  const widget = app && app.shell.currentWidget;
  if (!widget || !widget.context || widget.context.path !== path) { return false; }
  const kernel = widget.sessionContext.session && widget.sessionContext.session.kernel;
  return !!kernel && kernel.connectionStatus === 'connected' && kernel.status === 'idle';
}
"""

_ALL_RUN = """
() => {
  const panel = window.jupyterapp.shell.currentWidget;
  const kernel = panel.sessionContext.session && panel.sessionContext.session.kernel;
  if (!kernel || kernel.status !== 'idle') { return false; }
  return panel.content.widgets.every(cell =>
    cell.model.type !== 'code' ||
    cell.model.sharedModel.getSource().trim() === '' ||
    (cell.model.executionCount !== null &&
     (cell.model.executionState === undefined || cell.model.executionState === 'idle')));
}
"""


@dataclass
class NotebookPage:
    """A notebook open in JupyterLab, its kernel connected and idle."""

    page: Any
    server: LabServer
    path: str

    def run_all(self, timeout: float = RUN_TIMEOUT) -> None:
        """Run every cell and wait until each has run and the kernel is idle."""
        self.page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")
        self.page.wait_for_function(_ALL_RUN, timeout=timeout)

    def wait_idle(self, timeout: float = RUN_TIMEOUT) -> None:
        self.page.wait_for_function(_KERNEL_READY, arg=self.path, timeout=timeout)

    def has_command(self, command: str) -> bool:
        return bool(
            self.page.evaluate("(id) => window.jupyterapp.commands.hasCommand(id)", command)
        )

    def execute_command(self, command: str, args: dict[str, Any] | None = None) -> Any:
        return self.page.evaluate(
            "([id, args]) => window.jupyterapp.commands.execute(id, args)", [command, args or {}]
        )

    def console_errors(self, ignore: tuple[str, ...] = ()) -> list[str]:
        return console_errors(self.page, ignore)


@pytest.fixture
def open_notebook(page: Any, lab_server: LabServer) -> Callable[..., NotebookPage]:
    """Open a notebook (a path under the server root, or cells to write) and wait for its kernel.

    Each call opens a unique JupyterLab workspace, so no earlier test's layout is
    restored; ``frontend="notebook"`` opens it in Notebook 7 instead.
    """

    def open_(
        notebook: str | Path | list[str], name: str | None = None, frontend: str = "lab"
    ) -> NotebookPage:
        if isinstance(notebook, list):
            relative = name or f"nb-{uuid.uuid4().hex[:8]}.ipynb"
            write_notebook(lab_server.root / relative, notebook)
        else:
            source = Path(notebook)
            if source.is_absolute():
                relative = name or source.name
                shutil.copy(source, lab_server.root / relative)
            else:
                relative = str(source)
        if frontend == "notebook":  # Notebook 7: one document per page, no workspace
            url = f"{lab_server.url}/notebooks/{relative}"
        else:
            url = f"{lab_server.url}/lab/workspaces/jf-{uuid.uuid4().hex[:10]}/tree/{relative}"
        page.goto(f"{url}?token={lab_server.token}")
        page.wait_for_function(_KERNEL_READY, arg=relative, timeout=KERNEL_READY_TIMEOUT)
        return NotebookPage(page, lab_server, relative)

    return open_
