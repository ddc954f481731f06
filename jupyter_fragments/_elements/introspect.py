"""Code about code: ``st.echo`` (the source of a block, then its output) and ``st.help``.

``st.echo`` reads the app's own source through `linecache`: an ``%%app`` cell and a
notebook cell defining a function for ``st.app`` are both compiled under a file name
whose lines IPython keeps there.
"""

from __future__ import annotations

import ast
import contextlib
import inspect
import linecache
import re
import sys
import textwrap
import types
from collections.abc import Iterator
from typing import Any

from jupyter_fragments._elements._core import add_static, context
from jupyter_fragments._elements.handles import ElementHandle
from jupyter_fragments._elements.layout import empty
from jupyter_fragments._elements.status import warning
from jupyter_fragments._elements.text import code
from jupyter_fragments._output.bundles import display_output, escape_html
from jupyter_fragments.errors import FragmentsAPIError

_HELP_CALL = re.compile(r"\bhelp\(\s*([A-Za-z_][\w.]*)\s*[,)]")
_MAX_MEMBERS = 200


def _caller() -> types.FrameType | None:
    """The first frame outside this module and contextlib: the user's code."""
    frame = inspect.currentframe()
    skip = {__file__, contextlib.__file__}
    while frame is not None and frame.f_code.co_filename in skip:
        frame = frame.f_back
    return frame


def _block_source(filename: str, line: int, module_globals: dict[str, Any]) -> str:
    """The dedented body of the ``with`` statement on ``line`` of ``filename``."""
    lines = linecache.getlines(filename, module_globals)
    if not lines:
        raise OSError(f"the source of {filename!r} is not available")
    withs = [
        node
        for node in ast.walk(ast.parse("".join(lines)))
        if isinstance(node, (ast.With, ast.AsyncWith))
        and node.lineno <= line < max(node.body[0].lineno, node.lineno + 1)
    ]
    if not withs:
        raise OSError(f"no with statement on line {line} of {filename!r}")
    node = max(withs, key=lambda n: n.lineno)
    first = node.body[0]
    header = max(
        getattr(part, "end_lineno", None) or node.lineno
        for item in node.items
        for part in (item.context_expr, item.optional_vars)
        if part is not None
    )
    # from the line after ``with ...:`` (comments above the first statement included)
    start = min(
        [first.lineno, header + 1, *(d.lineno for d in getattr(first, "decorator_list", []))]
    )
    end = node.end_lineno or first.lineno
    return textwrap.dedent("".join(lines[start - 1 : end])).rstrip("\n")


@contextlib.contextmanager
def echo(code_location: str = "above") -> Iterator[None]:
    """Show the code of a ``with`` block, then run it (its output below or above the code).

    Examples
    --------
    >>> with st.echo():
    ...     st.write("This code will be printed")
    """
    if code_location not in ("above", "below"):
        raise FragmentsAPIError(
            f"st.echo got code_location={code_location!r}. Fix: use 'above' or 'below'."
        )
    frame = _caller()
    source: str | None = None
    problem = ""
    try:
        if frame is None:
            raise OSError("the calling code was not found")
        source = _block_source(frame.f_code.co_filename, frame.f_lineno, frame.f_globals)
    except (OSError, SyntaxError) as exc:
        problem = f"Unable to display code. {exc}"
    finally:
        del frame
    place = empty() if code_location == "above" and context() is not None else None
    yield
    with place if place is not None else contextlib.nullcontext():
        if source is not None:
            code(source, "python")
        else:
            warning(problem)


# ------------------------------------------------------------------ help
class _Package:
    """``st.help()``'s default: this package, looked up when called (it is not imported
    here: the element layer never imports the package's door)."""

    def __repr__(self) -> str:
        return "jupyter_fragments"


_PACKAGE = _Package()


def _signature(obj: Any) -> str | None:
    if not callable(obj):
        return None
    try:
        return str(inspect.signature(obj))
    except (TypeError, ValueError):
        return "(...)"


def _short(value: Any, limit: int = 80) -> str:
    try:
        text = repr(value)
    except Exception as exc:  # noqa: BLE001 - a repr that fails is shown as the failure
        text = f"<repr failed: {type(exc).__name__}>"
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _members(obj: Any) -> list[tuple[str, str, str]]:
    """(name, type, what) for the public members of ``obj``."""
    found = []
    for name in dir(obj)[: _MAX_MEMBERS * 4]:
        if name.startswith("_"):
            continue
        try:
            value = inspect.getattr_static(obj, name)
            value = getattr(obj, name) if not isinstance(value, property) else value
        except Exception:  # noqa: BLE001 - attributes that raise when read are left out
            continue
        if isinstance(value, property) or callable(value):
            doc = (inspect.getdoc(value) or "").strip().splitlines()
            sign = _signature(value) if not isinstance(value, property) else None
            found.append(
                (name, type(value).__name__, (sign or "") + (f"  {doc[0]}" if doc else ""))
            )
        else:
            found.append((name, type(value).__name__, _short(value)))
        if len(found) >= _MAX_MEMBERS:
            break
    return found


def _call_text(frame: types.FrameType | None) -> str | None:
    """The name the user passed to ``help(...)`` on the calling line, if a plain name."""
    if frame is None:
        return None
    line = linecache.getline(frame.f_code.co_filename, frame.f_lineno, frame.f_globals)
    match = _HELP_CALL.search(line)
    return match.group(1) if match else None


def help(  # noqa: A001 - Streamlit's name
    obj: Any = _PACKAGE, *, width: Any = "stretch"
) -> ElementHandle:
    """Show an object's name, type, signature, docstring and members.

    Examples
    --------
    >>> st.help(pandas.DataFrame)
    >>> st.help(my_object)
    """
    if obj is _PACKAGE:
        obj = sys.modules[__name__.split(".")[0]]
    name = getattr(obj, "__qualname__", None) or getattr(obj, "__name__", None)
    name = name if isinstance(name, str) else (_call_text(_caller()) or "")
    kind = type(obj).__name__
    sign = _signature(obj)
    doc = inspect.getdoc(obj) or ""
    parts = [
        '<div class="jf-help" style="border:1px solid rgba(128,128,128,0.35);'
        'border-radius:0.5rem;padding:0.5em 1em">',
        f"<div><code><b>{escape_html(name)}</b></code> "
        f'<span style="opacity:0.7">{escape_html(kind)}</span></div>',
    ]
    if sign is not None:
        parts.append(f'<pre style="white-space:pre-wrap">{escape_html(name + sign)}</pre>')
    elif not isinstance(obj, (type, types.ModuleType)):
        parts.append(f"<div>value: <code>{escape_html(_short(obj, 300))}</code></div>")
    if doc:
        parts.append(f'<pre style="white-space:pre-wrap;opacity:0.85">{escape_html(doc)}</pre>')
    members = _members(obj) if not isinstance(obj, (str, bytes, int, float, bool)) else []
    if members:
        rows = "".join(
            f"<tr><td><code>{escape_html(n)}</code></td><td>{escape_html(t)}</td>"
            f"<td>{escape_html(w)}</td></tr>"
            for n, t, w in members
        )
        parts.append(f'<table class="jf-help-members">{rows}</table>')
    parts.append("</div>")
    plain = "\n".join(p for p in (f"{name} ({kind})", name + sign if sign else "", doc) if p)
    bundle = {"text/html": "".join(parts), "text/plain": plain}
    return add_static([display_output(bundle, element="help")])
