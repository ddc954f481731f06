"""What runs one ``AppTest``'s app in the shared kernel: its first run, reruns, inputs, timers.

`AppDriver` talks to the kernel (through ``apptest_runner`` calls and widget events)
and hands back the app's snapshot entry after each run; ``AppTest`` reads the page.
"""

from __future__ import annotations

import importlib
import os
import pickle
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .apptest_runner import decode
from .apptest_session import KernelDict, decode_state, payload, query_dict, runner_call
from .apptest_session import shared_kernel as kernel
from .apptest_widgets import Send
from .results import HarnessError, HarnessTimeout
from .session import KernelSession

__all__ = ["AppDriver", "Script", "resolve_script"]

#: events sent after every value (clicks and Enter), as a person acts once all is typed
_LAST = ("click", "submit", "trigger")


@dataclass(frozen=True)
class Script:
    """What an AppTest runs: the source, the file it comes from, and a call for functions."""

    source: str
    filename: str
    folder: str | None = None
    call: tuple[str, tuple[Any, ...], dict[str, Any]] | None = None


def resolve_script(script_path: str | os.PathLike[str], caller: str | None) -> Path:
    """The app file: absolute, next to the calling test file, or from the working directory."""
    path = Path(script_path)
    if not path.is_absolute() and caller:
        beside = Path(caller).resolve().parent / path
        if beside.is_file():
            return beside
    if path.is_file():
        return path.resolve()
    raise FileNotFoundError(
        f"No app file {os.fspath(script_path)!r} (looked next to the test file and in "
        f"{os.getcwd()}). Fix: pass a path relative to the test file or the directory "
        "pytest runs in, or an absolute path."
    )


def _nested(flat: dict[str, Any]) -> dict[str, Any]:
    """Secrets with dotted keys (``"db.user"``) made into sections, as secrets.toml has them."""
    nested: dict[str, Any] = {}
    for key, value in flat.items():
        *sections, last = str(key).split(".")
        target = nested
        for section in sections:
            target = target.setdefault(section, {})
        target[last] = value
    return nested


def _secrets_file() -> dict[str, Any]:
    """``.streamlit/secrets.toml`` of the working directory, as Streamlit reads it."""
    path = Path.cwd() / ".streamlit" / "secrets.toml"
    if not path.is_file():
        return {}
    for name in ("tomllib", "tomli"):  # tomllib from Python 3.11 on
        try:
            toml = importlib.import_module(name)
        except ImportError:
            continue
        with path.open("rb") as file:
            return dict(toml.load(file))
    raise HarnessError(
        f"Cannot read {path}: this Python has no TOML reader. Fix: pip install tomli, "
        "or set at.secrets in the test."
    )


class AppDriver:
    """Runs one AppTest's app in the shared kernel.

    Attributes
    ----------
    name : str
        The app's name in the kernel.
    clicked : dict
        The widgets whose click or trigger the last run answered, with what each was
        given (True for a button, the text for a chat input...).
    ran : tuple of str
        The scopes the last run or wait ran (``"app"`` or fragment names).
    """

    def __init__(self, script: Script) -> None:
        self.script = script
        self.name = f"apptest-{uuid.uuid4().hex[:12]}"
        self.generation: int | None = None
        self.pending: dict[str, list[Send]] = {}
        self.clicked: dict[str, Any] = {}
        self.ran: tuple[str, ...] = ()
        self.page: str | None = None  # the page file switch_page chose for the next run
        self._runs: dict[str, tuple[str, int]] = {}
        self._sent_secrets: bytes | None = None

    def check_current(self) -> None:
        """Raise if a newer AppTest took the kernel over."""
        if self.generation is not None and self.generation != kernel.generation:
            raise HarnessError(
                "This AppTest's app was stopped: a newer AppTest reset the shared kernel "
                "on its first run. Fix: finish with one AppTest before running the next."
            )

    def changes(
        self, secrets: dict[str, Any], state: KernelDict, params: KernelDict
    ) -> dict[str, Any]:
        """The test's writes since the last run, for the kernel (now counted as sent)."""
        config: dict[str, Any] = {}
        if state.dirty:
            config["state"], config["deleted"] = state.take()
        if params.dirty:
            wanted = dict(params)
            params.take()
            config["query_params"] = wanted
        shown = _nested(secrets) if secrets else _secrets_file()
        sent = pickle.dumps(shown)
        if sent != self._sent_secrets:
            config["secrets"] = shown
            self._sent_secrets = sent
        return config

    def run(
        self, limit: float, secrets: dict[str, Any], state: KernelDict, params: KernelDict
    ) -> dict[str, Any]:
        """The first run, the inputs' rerun or a full rerun; returns the app's snapshot entry.

        Raises
        ------
        HarnessTimeout
            After ``limit`` seconds; the kernel is interrupted.
        """
        session = kernel.session()
        try:
            if self.generation is None:
                script = self.script
                config = {
                    "source": script.source,
                    "filename": script.filename,
                    "folder": script.folder,
                    "call": script.call,
                    "cwd": os.getcwd(),
                    **self.changes(secrets, state, params),
                    **self._take_page(),
                }
                self.generation = kernel.reset()
                self._call(session, "start", config, limit, params)
            else:
                self.check_current()
                changes = self.changes(secrets, state, params)
                page = self._take_page()
                if not self.pending:
                    self._call(session, "rerun", {**changes, **page}, limit, params)
                else:
                    if changes:
                        self._call(session, "update", changes, limit, params)
                    self._send_inputs(session, limit)
                    params.store(None)
                    if page:  # the inputs went to the page shown; then the page switches
                        self._call(session, "rerun", page, limit, params)
        except HarnessTimeout as exc:
            if session.manager is not None:
                session.manager.interrupt_kernel()
            raise HarnessTimeout(
                f"AppTest script run timed out after {limit:g}(s). Fix: pass a larger "
                "timeout to run() (or default_timeout= when creating the AppTest)."
            ) from exc
        return self.refresh(session)

    def _take_page(self) -> dict[str, str]:
        """The page ``switch_page`` chose for the next run, as config (now counted as sent)."""
        page, self.page = self.page, None
        return {} if page is None else {"page": page}

    def _call(
        self,
        session: KernelSession,
        function: str,
        config: dict[str, Any],
        limit: float,
        params: KernelDict,
    ) -> None:
        raw = session.eval(runner_call(function, self.name, payload(config)), timeout=limit)
        params.store(query_dict(raw))
        self.clicked = {}

    def _send_inputs(self, session: KernelSession, limit: float) -> None:
        queued = sorted(self.pending.values(), key=lambda s: any(k in _LAST for k, _, _ in s))
        self.pending = {}
        ids, clicked = [], {}
        for sends in queued:
            for kind, model_id, state in sends:
                if kind == "trigger":
                    clicked[model_id] = state["value"]
                elif kind in _LAST:
                    ids.append(session.send_custom(model_id, {"event": kind}))
                    if kind == "click":
                        clicked[model_id] = True
                else:
                    ids.append(session.send_update(model_id, state))
        failed = [i.error for i in session.wait_idle(ids, timeout=limit) if i.error is not None]
        if failed:
            raise HarnessError(f"The kernel failed to handle an input: {failed[0]}")
        self.clicked = clicked

    def queue(self, model_id: str, sends: list[Send]) -> None:
        """Queue a widget's events for the next run (the latest per widget wins)."""
        self.pending.pop(model_id, None)
        if sends:
            self.pending[model_id] = sends

    def wait(self, seconds: float) -> dict[str, Any]:
        """Let the kernel's timers run for ``seconds``; returns the app's snapshot entry."""
        session = kernel.session()
        self.check_current()
        session.wait(seconds)
        self.clicked = {}
        return self.refresh(session)

    def refresh(self, session: KernelSession) -> dict[str, Any]:
        """The app's snapshot entry now; notes which scopes ran since the last one."""
        apps = [a for a in session.snapshot().get("apps", []) if a.get("name") == self.name]
        if not apps:
            raise HarnessError(
                f"The app of this AppTest is not in the kernel any more ({self.name}). "
                "Fix: do not reset the kernel (app_session, stop_all) while using an AppTest."
            )
        app: dict[str, Any] = apps[-1]
        runs = {
            str(s["id"]): ("app" if s.get("kind") == "app" else str(s.get("name")), int(s["runs"]))
            for s in app.get("scopes", [])
        }
        self.ran = tuple(
            name for sid, (name, count) in runs.items() if count > self._runs.get(sid, ("", 0))[1]
        )
        self._runs = runs
        return app

    def grid_frame(self, model_id: str) -> Any:
        """The DataFrame an ``st.dataframe`` grid holds, read in the kernel."""
        return decode(kernel.session().eval(runner_call("grid_frame", model_id)))

    def fetch_state(self) -> dict[str, Any]:
        """The kernel's ``session_state`` (empty before the first run)."""
        if self.generation is None:
            return {}
        self.check_current()
        return decode_state(kernel.session().eval(runner_call("state")))

    def fetch_query_params(self) -> dict[str, Any]:
        """The app's query parameters as it left them (empty before the first run)."""
        if self.generation is None:
            return {}
        return query_dict(kernel.session().eval(runner_call("query_params", self.name)))
