"""Script files run as apps or pages: their code, compiled again when the file changed, a
fresh namespace per run, and imports that map module names (``import streamlit as st``) for
the file's code only.

The mapping lives in the ``__builtins__`` the file's code runs with, so functions the file
defines keep it, the modules of the file's folder that it imports get it too, and
``import streamlit`` means what it meant before everywhere else in the kernel. A name is
mapped to a module name (imported as the script's own import would be) or to a module.
"""

from __future__ import annotations

import builtins
import functools
import importlib
import importlib.util
import os
import sys
import types
from collections.abc import Callable, Mapping
from importlib.machinery import PathFinder
from pathlib import Path
from typing import Any

from jupyter_fragments._runtime.api import run_script
from jupyter_fragments._runtime.app import App
from jupyter_fragments._runtime.script import cell_id, compile_script
from jupyter_fragments._runtime.session import get_session
from jupyter_fragments.errors import FragmentsAPIError

#: What a mapped module name stands for: a module name to import, or a module.
ModuleTarget = str | types.ModuleType

_real_import = builtins.__import__


class AliasModule(types.ModuleType):
    """A mapped name with mapped names below it (``streamlit``, ``streamlit.testing``).

    Its attributes are its mapped submodules, then those of the module it stands for.
    """

    def __init__(self, name: str, imports: ScriptImports) -> None:
        super().__init__(name)
        self.__dict__["_jf_imports"] = imports

    def __getattr__(self, attr: str) -> Any:
        if attr.startswith("__"):
            raise AttributeError(attr)
        imports: ScriptImports = self.__dict__["_jf_imports"]
        value = imports.attribute(self.__name__, attr)
        self.__dict__[attr] = value  # later reads skip this method
        return value

    def __dir__(self) -> list[str]:
        imports: ScriptImports = self.__dict__["_jf_imports"]
        return sorted(imports.names_under(self.__name__))


class ScriptImports:
    """The ``__import__`` one script's code gets, and the ``__builtins__`` that carry it."""

    def __init__(self, aliases: Mapping[str, ModuleTarget], folder: Path) -> None:
        self.aliases = dict(aliases)
        self.roots = {name.split(".")[0] for name in aliases}
        self.folder = folder
        self.modules: dict[str, types.ModuleType] = {}  # mapped name -> what it gives
        self.local: dict[str, types.ModuleType] = {}  # modules of the folder, loaded here
        self.not_local: set[str] = set()
        self.builtins: dict[str, Any] = {**vars(builtins), "__import__": self.import_module}

    # ------------------------------------------------------------ mapped names
    def module(self, name: str) -> types.ModuleType:
        """What the script gets for the mapped name ``name`` (made on first use)."""
        found = self.modules.get(name)
        if found is not None:
            return found
        if any(other.startswith(name + ".") for other in self.aliases):
            found = AliasModule(name, self)
        elif name in self.aliases:
            found = self._resolve(name)
        else:
            parent, _, child = name.rpartition(".")
            try:
                value = getattr(self.module(parent), child, None) if parent else None
            except ModuleNotFoundError:
                value = None
            if not isinstance(value, types.ModuleType):
                raise self._missing(name)
            found = value
        self.modules[name] = found
        return found

    def _resolve(self, name: str) -> types.ModuleType:
        target = self.aliases[name]
        if isinstance(target, types.ModuleType):
            return target
        try:
            return importlib.import_module(target)  # the script's own import, renamed
        except ModuleNotFoundError:
            raise self._missing(name) from None

    def _missing(self, name: str) -> ModuleNotFoundError:
        offered = ", ".join(sorted(self.aliases))
        return ModuleNotFoundError(
            f"No module named {name!r} here: a script run in a notebook gets this package "
            f"under the names {offered}. Fix: use what those offer (st.* names), or run "
            "this script with Streamlit itself.",
            name=name,
        )

    def attribute(self, name: str, attr: str) -> Any:
        """``<mapped module name>.attr`` for an `AliasModule`."""
        child = f"{name}.{attr}"
        if child in self.aliases or any(a.startswith(child + ".") for a in self.aliases):
            return self.module(child)
        if name not in self.aliases:
            raise AttributeError(f"module {name!r} has no attribute {attr!r}")
        return getattr(self._resolve(name), attr)

    def names_under(self, name: str) -> set[str]:
        below = {a[len(name) + 1 :].split(".")[0] for a in self.aliases if a.startswith(name + ".")}
        target = self._resolve(name) if name in self.aliases else None
        return below | set(dir(target) if target is not None else ())

    # ------------------------------------------------------------ __import__
    def import_module(
        self,
        name: str,
        globals: Mapping[str, Any] | None = None,
        locals: Mapping[str, Any] | None = None,
        fromlist: Any = (),
        level: int = 0,
    ) -> types.ModuleType:
        """``__import__`` for the script: mapped names, then the folder's modules."""
        if level == 0 and name.split(".")[0] in self.roots:
            leaf = self.module(name)
            return leaf if fromlist else self.module(name.split(".")[0])
        full = name
        if level:
            package = (globals or {}).get("__package__") or ""
            full = importlib.util.resolve_name("." * level + name, package) if package else ""
        local = self._local(full) if full else None
        if local is None:
            return _real_import(name, globals, locals, fromlist, level)
        for item in fromlist or ():
            if item != "*" and not hasattr(local, item) and hasattr(local, "__path__"):
                self._local(f"{full}.{item}")
        if fromlist or level:
            return local
        return self.local[full.split(".")[0]]

    def _local(self, full: str) -> types.ModuleType | None:
        """The module ``full`` of the script's folder, loaded with these imports, if it is one."""
        if full in self.local:
            return self.local[full]
        if full in self.not_local:
            return None
        parent_name, _, last = full.rpartition(".")
        parent = self._local(parent_name) if parent_name else None
        if parent_name and parent is None:
            self.not_local.add(full)
            return None
        where = list(getattr(parent, "__path__", [])) if parent else [str(self.folder)]
        spec = PathFinder.find_spec(last, where)
        if spec is None or spec.loader is None or not str(spec.origin).endswith(".py"):
            self.not_local.add(full)
            return None
        module = importlib.util.module_from_spec(spec)
        module.__dict__["__builtins__"] = self.builtins  # its own imports are mapped too
        self.local[full] = module
        sys.modules[full] = module
        try:
            spec.loader.exec_module(module)
        except BaseException:
            del self.local[full]
            sys.modules.pop(full, None)
            raise
        if parent is not None:
            setattr(parent, last, module)
        return module


class ScriptFile:
    """A script file: its code (compiled again when the file changed) and how to run it."""

    def __init__(self, path: str | os.PathLike[str], imports: ScriptImports) -> None:
        self.path = Path(path).resolve()
        self.imports = imports
        self._stamp: tuple[int, int] | None = None
        self._code: Any = None

    def code(self) -> Any:
        """The compiled script, read and compiled again when the file changed on disk."""
        try:
            stat = self.path.stat()
            stamp = (stat.st_mtime_ns, stat.st_size)
            if stamp != self._stamp or self._code is None:
                source = self.path.read_text(encoding="utf-8")
                self._code = compile_script(get_session().shell, source, filename=str(self.path))
                self._stamp = stamp
        except (FileNotFoundError, IsADirectoryError):
            raise FragmentsAPIError(
                f"The script file {str(self.path)!r} could not be found. Fix: check the path "
                f"(relative paths start at the working directory, {os.getcwd()!r})."
            ) from None
        return self._code

    def namespace(self) -> dict[str, Any]:
        """A fresh namespace for one run, as ``streamlit run`` gives each run."""
        return {
            "__name__": "__main__",
            "__file__": str(self.path),
            "__builtins__": self.imports.builtins,
        }

    def run(self) -> None:
        """Run the script once, in a fresh namespace."""
        exec(self.code(), self.namespace())


def script_file(path: str | os.PathLike[str], aliases: Mapping[str, ModuleTarget]) -> ScriptFile:
    """The script at ``path``, whose imports map ``aliases`` and load its folder's modules."""
    resolved = Path(path).resolve()
    return ScriptFile(resolved, ScriptImports(aliases, resolved.parent))


def run_file_app(
    path: str | os.PathLike[str],
    aliases: Mapping[str, ModuleTarget],
    *,
    name: str | None = None,
    strict: bool | None = None,
    run: Callable[[ScriptFile], Any] | None = None,
) -> App:
    """Run the script at ``path`` as an app: rerun on every interaction, read again when the
    file changed. The app is the cell's (or the name's): running the cell again replaces it.

    ``run`` replaces a run of the script (a frame that runs it as one of its pages, say).
    """
    script = script_file(path, aliases)
    script.code()  # a missing file or a syntax error fails the cell, before any app exists
    folder = str(script.path.parent)
    if folder not in sys.path:
        sys.path.insert(0, folder)  # as `streamlit run`: the script's folder is importable
    shell = get_session().shell
    key = cell_id(shell) or name or f"file:{script.path}"
    body = script.run if run is None else functools.partial(run, script)
    return run_script(body, key=key, name=name or script.path.name, strict=strict)
