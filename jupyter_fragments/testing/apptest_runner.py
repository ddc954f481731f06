"""The kernel side of ``AppTest``: runs a test's script as an app, with its own ``st``.

This module is imported inside the kernel (the test process only sends it calls, through
silent ``execute_request`` expressions). It uses the public ``jupyter_fragments`` API
alone. Each script runs in a fresh namespace per run, as ``streamlit run`` does, where
``import streamlit`` (and ``import jupyter_fragments``) give a module that adds the
test's ``secrets`` and ``query_params`` to ``jupyter_fragments``.
"""

from __future__ import annotations

import ast
import base64
import builtins
import linecache
import os
import pickle
import sys
import types
from collections.abc import Callable, Iterator, Mapping, MutableMapping
from typing import Any

import jupyter_fragments

__all__ = [
    "KeysAsAttributes",
    "QueryParams",
    "Secrets",
    "StreamlitModule",
    "rerun",
    "start",
    "state",
    "update",
]

_MAPPED = ("streamlit", "jupyter_fragments")
_WRITE = "__apptest_write__"


def decode(payload: str) -> Any:
    """A value sent by the test process (base64 of a pickle)."""
    return pickle.loads(base64.b64decode(payload))  # the test process sent it


def encode(value: Any) -> str:
    """A value for the test process, as the base64 of a pickle."""
    return base64.b64encode(pickle.dumps(value)).decode("ascii")


class KeysAsAttributes:
    """Keys read as attributes too (``st.secrets.db``), as Streamlit's dicts allow."""

    def __getattr__(self, key: str) -> Any:
        if key.startswith("_"):
            raise AttributeError(key)
        try:
            return self[key]  # type: ignore[index]
        except KeyError as exc:
            raise AttributeError(exc.args[0]) from None


class Secrets(KeysAsAttributes, Mapping[str, Any]):
    """``st.secrets`` under AppTest: what the test put in ``at.secrets``.

    Keys and attributes both work, and sections are Secrets again (``st.secrets.db.user``).
    """

    def __init__(self, values: Mapping[str, Any]) -> None:
        self._values = dict(values)

    def __getitem__(self, key: str) -> Any:
        try:
            value = self._values[key]
        except KeyError:
            raise KeyError(
                f"st.secrets has no key {key!r}. Fix: set at.secrets[{key!r}] = ... in the "
                "test before at.run(), or add it to .streamlit/secrets.toml."
            ) from None
        return Secrets(value) if isinstance(value, Mapping) else value

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def to_dict(self) -> dict[str, Any]:
        """The secrets as a plain dict."""
        return dict(self._values)


class QueryParams(KeysAsAttributes, MutableMapping[str, str]):
    """``st.query_params`` under AppTest: a key gives its last value, as in Streamlit."""

    def __init__(self, values: Mapping[str, Any] | None = None) -> None:
        self._values: dict[str, list[str]] = {}
        for key, value in (values or {}).items():
            self[key] = value

    def __getitem__(self, key: str) -> str:
        values = self._values.get(key)
        if not values:
            raise KeyError(
                f"st.query_params has no key {key!r}. Fix: set at.query_params[{key!r}] in "
                "the test before at.run()."
            )
        return values[-1]

    def __setitem__(self, key: str, value: Any) -> None:
        many = isinstance(value, list | tuple)
        self._values[str(key)] = [str(v) for v in value] if many else [str(value)]

    def __delitem__(self, key: str) -> None:
        del self._values[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def get_all(self, key: str) -> list[str]:
        """Every value of ``key`` (``?a=1&a=2`` gives ``["1", "2"]``)."""
        return list(self._values.get(key, []))

    def to_dict(self) -> dict[str, str]:
        """Each key with its last value."""
        return {key: values[-1] for key, values in self._values.items() if values}

    def from_dict(self, params: Mapping[str, Any]) -> None:
        """Replace every parameter."""
        self._values.clear()
        self.update(params)

    def raw(self) -> dict[str, list[str]]:
        """Each key with all its values (what goes back to the test)."""
        return {key: list(values) for key, values in self._values.items()}


class StreamlitModule(types.ModuleType):
    """What ``import streamlit`` gives an AppTest script: jupyter_fragments, plus secrets."""

    def __init__(self, secrets: Secrets, query_params: QueryParams) -> None:
        super().__init__("streamlit", jupyter_fragments.__doc__)
        self.secrets = secrets
        self.query_params = query_params

    def __getattr__(self, name: str) -> Any:
        return getattr(jupyter_fragments, name)

    def __dir__(self) -> list[str]:
        return sorted({*jupyter_fragments.__all__, "secrets", "query_params"})


def _importer(module: StreamlitModule) -> Callable[..., Any]:
    real_import = builtins.__import__

    def importer(name: str, globals: Any = None, locals: Any = None, *args: Any) -> Any:
        fromlist, level = (*args, (), 0)[:2]
        if level == 0 and name in _MAPPED:
            return module
        if level == 0 and name.startswith("streamlit."):
            raise ModuleNotFoundError(
                f"AppTest runs `import streamlit` as jupyter_fragments, which has no "
                f"{name!r}. Fix: use what jupyter_fragments offers under that name, or "
                "test this app with Streamlit's own AppTest.",
                name=name,
            )
        return real_import(name, globals, locals, fromlist, level)

    return importer


class _Magic(ast.NodeTransformer):
    """Streamlit's "magic": an expression statement on its own is written with ``st.write``.

    Calls, awaits, yields, ``...`` and docstrings are left alone; a tuple writes each
    item. Function, ``with``, loop, ``if`` and ``try`` bodies are transformed too.
    """

    def body(self, block: list[ast.stmt], *, docstring: bool) -> list[ast.stmt]:
        kept = []
        for position, statement in enumerate(block):
            statement = self.visit(statement)
            value = statement.value if isinstance(statement, ast.Expr) else None
            constant = value.value if isinstance(value, ast.Constant) else None
            skipped = (ast.Call, ast.Await, ast.Yield, ast.YieldFrom)
            if (
                value is not None
                and not isinstance(value, skipped)
                and constant is not Ellipsis
                and not (docstring and position == 0 and isinstance(constant, str))
            ):
                items = value.elts if isinstance(value, ast.Tuple) else [value]
                write = ast.parse(f"{_WRITE}()", mode="eval").body
                assert isinstance(write, ast.Call)
                write.args = list(items)
                statement = ast.copy_location(ast.Expr(write), statement)
            kept.append(statement)
        return kept

    def generic_visit(self, node: ast.AST) -> ast.AST:
        function = isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        for field in ("body", "orelse", "finalbody", "handlers"):
            block = getattr(node, field, None)
            if not isinstance(block, list):
                continue
            if block and isinstance(block[0], ast.stmt):
                setattr(node, field, self.body(block, docstring=function and field == "body"))
            else:
                for handler in block:
                    self.visit(handler)
        return node

    def visit_ClassDef(self, node: ast.ClassDef) -> ast.ClassDef:
        return node  # a class body is not a script


def _write(*values: Any) -> None:
    shown = [v for v in values if v is not None]
    if shown:
        jupyter_fragments.write(*shown)


def compile_script(source: str, filename: str) -> types.CodeType:
    """Compile an app script with Streamlit's magic; tracebacks show its lines."""
    lines = source.splitlines(keepends=True)
    linecache.cache[filename] = (len(source), None, lines, filename)
    tree = ast.parse(source, filename)
    tree.body = _Magic().body(tree.body, docstring=True)
    return compile(ast.fix_missing_locations(tree), filename, "exec")


def _calls_navigation(source: str) -> bool:
    """Whether a script calls ``st.navigation`` (its pages are then the menu's)."""
    calls = (node.func for node in ast.walk(ast.parse(source)) if isinstance(node, ast.Call))
    return any(getattr(f, "attr", getattr(f, "id", None)) == "navigation" for f in calls)


def _switch(page: str) -> bool:
    """Open the file page ``page`` of this run's ``st.navigation`` (a rerun: it raises).

    False when the app has no such page yet (``st.navigation`` has not run).
    """
    try:
        jupyter_fragments.switch_page(page)
    except jupyter_fragments.StreamlitAPIException as exc:
        if type(exc).__name__ != "StreamlitPageNotFoundError":
            raise
        return False
    return True  # pragma: no cover - switch_page reruns


class ScriptApp:
    """One AppTest's app: its compiled script, its ``st`` module and the live `App`.

    ``page`` is the page file ``AppTest.switch_page`` chose for the next run; without
    ``st.navigation``, ``shown`` is the page file that runs instead of the script.
    """

    def __init__(self, config: dict[str, Any]) -> None:
        self.filename = str(config["filename"])
        self.code = compile_script(str(config["source"]), self.filename)
        self.navigates = _calls_navigation(str(config["source"]))
        self.call = config.get("call")
        self.module = StreamlitModule(Secrets({}), QueryParams())
        self.builtins = {**vars(builtins), "__import__": _importer(self.module)}
        self.app: Any = None
        self.page: str | None = None
        self.shown: tuple[types.CodeType, str] | None = None
        self.configure(config)

    def configure(self, config: dict[str, Any]) -> None:
        """Take the test's secrets, query parameters and session-state writes."""
        if "secrets" in config:
            self.module.secrets = Secrets(config["secrets"])
        if "query_params" in config:
            self.module.query_params.from_dict(config["query_params"])
        for key, value in config.get("state", {}).items():
            jupyter_fragments.session_state[key] = value
        for key in config.get("deleted", ()):
            if key in jupyter_fragments.session_state:
                del jupyter_fragments.session_state[key]
        if "page" in config:
            self.page = str(config["page"])

    def _open(self, page: str) -> bool:
        """Show ``page`` from this run on; False when st.navigation must run first."""
        if self.navigates:
            return _switch(page)
        if page == self.filename:
            self.shown = None
        else:
            with open(page, encoding="utf-8") as file:
                self.shown = (compile_script(file.read(), page), page)
        return True

    def script(self) -> None:
        """One run: the script in a fresh namespace, as each run of ``streamlit run``."""
        page, self.page = self.page, None
        later = page is not None and not self._open(page)
        code, filename = self.shown or (self.code, self.filename)
        namespace: dict[str, Any] = {
            "__name__": "__main__",
            "__file__": filename,
            "__builtins__": self.builtins,
            _WRITE: _write,
        }
        exec(code, namespace)
        if self.call is not None and self.shown is None:
            name, args, kwargs = self.call
            namespace[name](*args, **kwargs)
        if later and page is not None:  # the first run told which pages there are
            jupyter_fragments.switch_page(page)


_apps: dict[str, ScriptApp] = {}  # the kernel's AppTest apps by name (one kernel, one dict)


def start(name: str, payload: str) -> dict[str, list[str]]:
    """Create the app ``name`` from the test's script and run it once.

    Returns the query parameters after the run.
    """
    config = decode(payload)
    for stale in [key for key, item in _apps.items() if item.app is None or item.app.closed]:
        del _apps[stale]
    cwd, folder = config.get("cwd"), config.get("folder")
    if cwd and os.getcwd() != cwd:
        os.chdir(cwd)  # relative paths in the app mean what they mean to the test
    if folder and folder not in sys.path:
        sys.path.insert(0, folder)  # as `streamlit run`: modules next to the app import
    runner = ScriptApp(config)
    _apps[name] = runner
    runner.app = jupyter_fragments.app(name=name, strict=False)(runner.script)
    return runner.module.query_params.raw()


def _runner(name: str) -> ScriptApp:
    runner = _apps.get(name)
    if runner is None or runner.app is None or runner.app.closed:
        raise LookupError(
            f"The AppTest app {name!r} is not running any more (the kernel was reset by a "
            "newer AppTest). Fix: create a new AppTest and run it."
        )
    return runner


def update(name: str, payload: str) -> dict[str, list[str]]:
    """Apply the test's writes (state, secrets, query parameters) without a run."""
    runner = _runner(name)
    runner.configure(decode(payload))
    return runner.module.query_params.raw()


def rerun(name: str, payload: str) -> dict[str, list[str]]:
    """Apply the test's writes, then rerun the whole app (``at.run()`` with no input)."""
    runner = _runner(name)
    runner.configure(decode(payload))
    runner.app.rerun()
    return runner.module.query_params.raw()


def query_params(name: str) -> dict[str, list[str]]:
    """The app's query parameters as the app left them."""
    return _runner(name).module.query_params.raw()


def grid_frame(model_id: str) -> str:
    """The data an ``st.dataframe`` grid shows (its whole frame, as given), for the test.

    The grid's rows travel to a browser on demand, so the test asks the kernel instead.
    """
    from ipywidgets import widget_serialization

    box = widget_serialization["from_json"](f"IPY_MODEL_{model_id}", None)
    view = getattr(box, "view", None)  # the grid element keeps its view beside its models
    frame = getattr(view, "frame", None)
    if frame is None:
        raise LookupError(f"The widget {model_id!r} is no st.dataframe grid (or is closed).")
    return encode(frame)


def state() -> str:
    """``session_state`` for the test: each value pickled (if it can be) and its repr."""
    values: dict[str, tuple[bytes | None, str]] = {}
    for key in list(jupyter_fragments.session_state.keys()):
        value = jupyter_fragments.session_state[key]
        try:
            data: bytes | None = pickle.dumps(value)
        except Exception:  # noqa: BLE001 - widgets, generators, locks...: only their repr
            data = None
        values[str(key)] = (data, repr(value))
    return encode(values)
