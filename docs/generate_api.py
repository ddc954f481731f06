"""Write docs/api.md: the API reference, from the docstrings of every public name.

The public names are ``jupyter_fragments.__all__`` and ``jupyter_fragments.testing.__all__``.
Run ``python docs/generate_api.py`` after changing a docstring or the public API;
``tests/docs/test_api_reference.py`` fails while docs/api.md is out of date.
"""

from __future__ import annotations

import inspect
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FunctionType, ModuleType
from typing import Any

OUTPUT = Path(__file__).resolve().parent / "api.md"

#: Where a name is defined -> the section it is listed in, in this order.
SECTIONS = {
    "jupyter_fragments._runtime.api": "Apps",
    "jupyter_fragments._runtime.app": "Apps",
    "jupyter_fragments._elements.script_apps": "Apps",
    "jupyter_fragments._runtime.fragment": "Execution flow",
    "jupyter_fragments._elements.forms": "Execution flow",
    "jupyter_fragments._state.session_state": "Session state",
    "jupyter_fragments._elements.cache": "Caching",
    "jupyter_fragments._elements.text": "Text",
    "jupyter_fragments._elements.write": "Text",
    "jupyter_fragments._elements.introspect": "Text",
    "jupyter_fragments._elements.decor": "Text",
    "jupyter_fragments._elements.data": "Data",
    "jupyter_fragments._elements.grid": "Data",
    "jupyter_fragments._elements.column_config": "Data",
    "jupyter_fragments._elements.charts": "Charts",
    "jupyter_fragments._elements.maps": "Charts",
    "jupyter_fragments._elements.diagrams": "Charts",
    "jupyter_fragments._elements.plotly_charts": "Charts",
    "jupyter_fragments._elements.buttons": "Buttons",
    "jupyter_fragments._elements.toggles": "Checkboxes and toggles",
    "jupyter_fragments._elements.sliders": "Sliders",
    "jupyter_fragments._elements.text_inputs": "Text and number inputs",
    "jupyter_fragments._elements.selections": "Selections",
    "jupyter_fragments._elements.button_groups": "Selections",
    "jupyter_fragments._elements.dates": "Dates and times",
    "jupyter_fragments._elements.color": "Colors and files",
    "jupyter_fragments._elements.files": "Colors and files",
    "jupyter_fragments._elements.capture": "Colors and files",
    "jupyter_fragments._elements.custom": "Any ipywidget",
    "jupyter_fragments.components": "Custom components",
    "jupyter_fragments._elements.media": "Media",
    "jupyter_fragments._elements.embeds": "Media",
    "jupyter_fragments._elements.layout": "Layout and containers",
    "jupyter_fragments._elements.handles": "Layout and containers",
    "jupyter_fragments._elements.grid_layout": "Layout and containers",
    "jupyter_fragments._elements.chat": "Chat",
    "jupyter_fragments._elements.dialogs": "Dialogs",
    "jupyter_fragments._elements.status": "Status",
    "jupyter_fragments.errors": "Errors",
    "jupyter_fragments._elements.navigation": "Pages and navigation",
    "jupyter_fragments._elements.appinfo": "App information, secrets and connections",
    "jupyter_fragments._elements.secrets": "App information, secrets and connections",
    "jupyter_fragments._elements.visitor": "App information, secrets and connections",
    "jupyter_fragments._elements.connection": "App information, secrets and connections",
    "jupyter_fragments._elements.page": "The extension and the page",
    "jupyter_fragments": "The extension and the page",
    "jupyter_fragments.testing.session": "Kernel sessions",
    "jupyter_fragments.testing.app": "Apps, scopes and widgets",
    "jupyter_fragments.testing.results": "Results and errors",
    "jupyter_fragments.testing.mirror": "The widget mirror",
    "jupyter_fragments.testing.render": "Rendering",
    "jupyter_fragments.testing.apptest": "Streamlit's AppTest",
    "jupyter_fragments.testing.pytest_plugin": "Fixtures",
}
OTHER = "Other"
ITEM_SECTIONS = {"Parameters", "Attributes", "Returns", "Yields", "Raises", "Other Parameters"}
ROLE = re.compile(r":(?:\w+:)+`~?([^`]+)`")
LITERAL = re.compile(r"``(.+?)``")
UNDERLINE = re.compile(r"^-{3,}$")
ITEM = re.compile(r"^(\*{0,2}[\w.]+(?:, \*{0,2}[\w.]+)*)\s*:\s*(.*)$")


def inline(text: str) -> str:
    """reST inline markup -> markdown: roles and double backquotes become code."""
    return LITERAL.sub(r"`\1`", ROLE.sub(r"`\1`", text))


def split_sections(doc: str) -> Iterator[tuple[str, list[str]]]:
    """Numpydoc sections of a cleaned docstring: ("", summary lines) first."""
    lines = doc.splitlines()
    title, i = "", 0
    body: list[str] = []
    while i < len(lines):
        if i + 1 < len(lines) and lines[i].strip() and UNDERLINE.match(lines[i + 1].strip()):
            yield title, body
            title, body, i = lines[i].strip(), [], i + 2
            continue
        body.append(lines[i])
        i += 1
    yield title, body


def prose(lines: list[str]) -> list[str]:
    """Free text: paragraphs as they are; reST literal blocks (``::``) as code fences."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.rstrip().endswith("::"):
            out.append(inline(line.rstrip()[:-1].rstrip() + ":" if line.strip() != "::" else ""))
            i += 1
            block: list[str] = []
            while i < len(lines) and (not lines[i].strip() or lines[i].startswith(" ")):
                block.append(lines[i])
                i += 1
            out += ["", "```python", *inspect.cleandoc("\n".join(block)).splitlines(), "```", ""]
            continue
        out.append(inline(line))
        i += 1
    return out


def items(title: str, lines: list[str]) -> list[str]:
    """``name : type`` entries with indented descriptions -> a bullet list."""
    entries: list[tuple[str, list[str]]] = []
    for line in lines:
        if not line.strip():
            continue
        if not line.startswith(" "):
            entries.append((line.strip(), []))
        elif entries:
            entries[-1][1].append(line.strip())
    out = []
    for head, description in entries:
        match = ITEM.match(head)
        if title in ("Returns", "Yields", "Raises") and not match:
            term = f"`{head}`"
        elif match:
            name, kind = match.groups()
            term = f"**{name}**" + (f" ({inline(kind)})" if kind else "")
        else:
            term = f"**{inline(head)}**"
        text = inline(" ".join(description))
        out.append(f"- {term}" + (f": {text}" if text else ""))
    return out


def examples(lines: list[str]) -> list[str]:
    """Doctest examples as a ``pycon`` block, without the doctest directives."""
    code = [
        re.sub(r"\s+# doctest:.*$", "", line)
        for line in inspect.cleandoc("\n".join(lines)).splitlines()
    ]
    return ["```pycon", *code, "```"]


def render_doc(obj: Any) -> list[str]:
    doc = inspect.getdoc(obj)
    if not doc:
        return ["*No docstring.*"]
    out: list[str] = []
    for title, body in split_sections(doc):
        if title:
            out += ["", f"**{title}**", ""]
        if title in ITEM_SECTIONS:
            out += items(title, body)
        elif title == "Examples":
            out += examples(body)
        else:
            out += prose(body)
    return strip_blank_runs(out)


def strip_blank_runs(lines: list[str]) -> list[str]:
    out: list[str] = []
    for line in lines:
        line = line.rstrip()
        if line or (out and out[-1]):
            out.append(line)
    while out and not out[-1]:
        out.pop()
    return out


def annotation(value: Any) -> str:
    if value is inspect.Parameter.empty:
        return ""
    return value if isinstance(value, str) else inspect.formatannotation(value)


def signature(name: str, obj: Callable[..., Any]) -> str | None:
    """``name(params) -> returns`` with annotations as written in the source."""
    try:
        sig = inspect.signature(obj)
    except (TypeError, ValueError):
        return None
    params, previous = [], None
    for param in sig.parameters.values():
        kind = param.kind
        if previous == param.POSITIONAL_ONLY and kind != param.POSITIONAL_ONLY:
            params.append("/")
        if kind == param.KEYWORD_ONLY and previous not in (
            param.KEYWORD_ONLY,
            param.VAR_POSITIONAL,
        ):
            params.append("*")
        stars: dict[inspect._ParameterKind, str] = {
            param.VAR_POSITIONAL: "*",
            param.VAR_KEYWORD: "**",
        }
        text = stars.get(kind, "") + param.name
        if note := annotation(param.annotation):
            text += f": {note}"
        if param.default is not param.empty:
            text += (" = " if note else "=") + default_repr(param.default)
        params.append(text)
        previous = kind
    if previous == inspect.Parameter.POSITIONAL_ONLY:
        params.append("/")
    returns = annotation(sig.return_annotation)
    one_line = f"{name}({', '.join(params)})" + (f" -> {returns}" if returns else "")
    if len(one_line) <= 88:
        return one_line
    body = "".join(f"    {p},\n" for p in params)
    return f"{name}(\n{body})" + (f" -> {returns}" if returns else "")


def default_repr(value: Any) -> str:
    text = repr(value)
    # Objects without a stable repr (sentinels, functions) would change on every run.
    return re.sub(r" at 0x[0-9a-f]+", "", text)


def members(cls: type) -> Iterator[tuple[str, Any]]:
    """Public methods and properties a class defines or inherits from this package.

    A class that lists its user-facing members in ``__api__`` gets only those.
    """
    api = getattr(cls, "__api__", None)
    seen: set[str] = set()
    for klass in cls.__mro__:
        if not klass.__module__.startswith("jupyter_fragments"):
            continue
        for name, value in vars(klass).items():
            if name.startswith("_") or name in seen or (api is not None and name not in api):
                continue
            seen.add(name)
            if isinstance(value, property | classmethod | staticmethod | FunctionType):
                yield name, value


def document(
    module: ModuleType, prefix: str, name: str, obj: Any, ids: dict[str, str] | None = None
) -> list[str]:
    """One public name's entry; ``ids`` gives the heading ids a namespace's index links to."""
    title = f"{prefix}{name}"
    out = [f"### {title}", ""]
    if inspect.isclass(obj):
        if issubclass(obj, BaseException):
            bases = ", ".join(b.__name__ for b in obj.__bases__)
            out += [f"*exception* `{title}({bases})`", ""]
        else:
            sig = (signature(title, obj) or title).removesuffix(" -> None")
            out += ["```python", f"class {sig}", "```", ""]
        out += render_doc(obj)
        for member, value in sorted(members(obj)):
            out += ["", f"#### {title}.{member}", ""]
            if isinstance(value, property):
                out += [f"*property* `{title}.{member}`", ""]
                out += render_doc(value)
                continue
            func = value.__func__ if isinstance(value, classmethod | staticmethod) else value
            method = signature(member, func)
            if method and isinstance(value, classmethod | staticmethod):
                method = f"@{type(value).__name__}\n{method}"
            elif method:
                method = re.sub(r"\(self(, )?", "(", method, count=1)
            out += ["```python", method or member, "```", ""]
            out += render_doc(func)
    elif callable(obj) and not isinstance(obj, type):
        out += ["```python", signature(title, obj) or title, "```", ""]
        out += render_doc(obj)
    elif isinstance(obj, ModuleType):
        out += [f"*namespace* `{title}`", "", *namespace(title, obj, ids or {})]
    elif isinstance(obj, str):
        out += [f"A string{': the version of jupyter-fragments' * (name == '__version__')}."]
    else:
        public = next(k for k in type(obj).__mro__ if not k.__name__.startswith("_"))
        out += [inline(comment) for comment in attribute_comments(module).get(name, [])]
        out += ["", f"An instance of `{public.__name__}`.", ""]
        out += render_doc(type(obj))
    if inspect.isclass(obj) and (methods := container_methods(obj)):
        out += [
            "",
            "**Element methods**",
            "",
            "Every element function below is also a "
            "method that draws into this container: `box.write(...)` is "
            "`with box: st.write(...)`.",
            "",
            ", ".join(f"`{m}`" for m in methods),
        ]
    return strip_blank_runs(out)


def namespace_titles(title: str, module: ModuleType) -> Iterator[str]:
    """The headings :func:`namespace` writes for a module's members, in page order."""
    for name in getattr(module, "__all__", ()):
        yield f"{title}.{name}"
        if isinstance(value := getattr(module, name), ModuleType):
            yield from namespace_titles(f"{title}.{name}", value)


def namespace(title: str, module: ModuleType, ids: dict[str, str], depth: int = 4) -> list[str]:
    """A module given as an attribute (``st.column_config``, ``st.components``): its
    docstring, an index of its members, then each member: functions with their
    docstrings, classes with their summary line, submodules in turn."""
    names = list(getattr(module, "__all__", ()))
    out = render_doc(module)
    if names:
        links = [f"[`{name}`](#{ids[f'{title}.{name}']})" for name in names]
        out += ["", f"**Members**: {', '.join(links)}"]
    for name in names:
        value, full = getattr(module, name), f"{title}.{name}"
        out += ["", f"{'#' * depth} {full}", ""]
        if isinstance(value, ModuleType):
            out += [f"*namespace* `{full}`", "", *namespace(full, value, ids, depth + 1)]
        elif inspect.isclass(value):
            sig = (signature(full, value) or full).removesuffix(" -> None")
            summary = (inspect.getdoc(value) or "").split("\n\n")[0]
            out += ["```python", f"class {sig}", "```", "", inline(" ".join(summary.split()))]
        elif callable(value):
            out += ["```python", signature(full, value) or full, "```", "", *render_doc(value)]
    return out


def attribute_comments(module: ModuleType) -> dict[str, list[str]]:
    """``#:`` comments right above module-level assignments, as Sphinx reads them."""
    found: dict[str, list[str]] = {}
    pending: list[str] = []
    for line in inspect.getsource(module).splitlines():
        if line.startswith("#:"):
            pending.append(line[2:].strip())
        elif pending and (match := re.match(r"^(\w+)\s*(?::[^=]*)?=", line)):
            found[match.group(1)] = pending
            pending = []
        else:
            pending = []
    return found


def container_methods(cls: type) -> list[str]:
    """The element functions a container class offers as methods (none for others)."""
    import jupyter_fragments
    from jupyter_fragments._elements.surface import CONTAINER_METHODS

    if not issubclass(cls, jupyter_fragments.Container):
        return []
    return sorted(CONTAINER_METHODS)


def origin_of(obj: Any, module: ModuleType) -> str:
    """The module that defines ``obj``: a namespace's own name, an instance's class's module."""
    if isinstance(obj, ModuleType):
        return obj.__name__
    origin = getattr(obj, "__module__", None) if inspect.isclass(obj) or callable(obj) else None
    if isinstance(origin, str):
        return origin
    return module.__name__ if isinstance(obj, str) else type(obj).__module__


def section_of(obj: Any, module: ModuleType) -> str:
    return SECTIONS.get(origin_of(obj, module), OTHER)


def unfiled() -> list[str]:
    """Public names whose defining module has no section yet (listed under "Other")."""
    import jupyter_fragments
    import jupyter_fragments.testing

    return [
        f"{module.__name__}.{name} (defined in {origin_of(obj, module)})"
        for module in (jupyter_fragments, jupyter_fragments.testing)
        for name in module.__all__
        if section_of(obj := getattr(module, name), module) == OTHER
    ]


class Anchors:
    """GitHub's heading ids: the slug, then ``-1``, ``-2``... for repeated slugs."""

    def __init__(self) -> None:
        self.seen: dict[str, int] = {}

    def __call__(self, title: str) -> str:
        slug = re.sub(r"[^\w\- ]", "", title.lower()).replace(" ", "-")
        count = self.seen.get(slug, 0)
        self.seen[slug] = count + 1
        return slug if count == 0 else f"{slug}-{count}"


def module_reference(
    anchor: Anchors, module: ModuleType, prefix: str, heading: str, intro: str
) -> list[str]:
    """One module's part of the page; ``anchor`` numbers the headings in page order."""
    grouped: dict[str, list[tuple[str, Any]]] = {}
    for name in module.__all__:
        obj = getattr(module, name)
        grouped.setdefault(section_of(obj, module), []).append((name, obj))
    order = [s for s in dict.fromkeys([*SECTIONS.values(), OTHER]) if s in grouped]
    out = [f"## {heading}", "", intro, ""]
    anchor(heading)
    links_of: dict[str, list[str]] = {}
    ids: dict[str, str] = {}
    for section in order:
        anchor(f"{heading}: {section}")
        for name, obj in grouped[section]:
            links_of.setdefault(section, []).append(f"[`{name}`](#{anchor(prefix + name)})")
            for member, _ in sorted(members(obj)) if inspect.isclass(obj) else ():
                anchor(f"{prefix}{name}.{member}")
            if isinstance(obj, ModuleType):
                ids.update((t, anchor(t)) for t in namespace_titles(prefix + name, obj))
    for section in order:
        out.append(f"- **{section}**: {', '.join(links_of[section])}")
    for section in order:
        out += ["", f"## {heading}: {section}"]
        for name, obj in grouped[section]:
            out += ["", *document(module, prefix, name, obj, ids)]
    return out


def generate() -> str:
    """The text of docs/api.md for the package as it is imported now."""
    import jupyter_fragments
    import jupyter_fragments.testing
    from jupyter_fragments.testing import pytest_plugin

    anchor = Anchors()
    anchor("API reference")
    lines = [
        "# API reference",
        "",
        "<!-- Generated by docs/generate_api.py from the docstrings; do not edit by hand. -->",
        "",
        "Every public name of `jupyter_fragments` (`import jupyter_fragments as st`) and of "
        "`jupyter_fragments.testing`, with its signature and docstring. Regenerate with "
        "`python docs/generate_api.py`; the test suite fails while this page is out of date. "
        "How each name compares with Streamlit's: [the compatibility table]"
        "(streamlit-compatibility.md).",
        "",
        *module_reference(
            anchor,
            jupyter_fragments,
            "st.",
            "jupyter_fragments",
            "`import jupyter_fragments as st`: the element API under Streamlit's names, "
            "apps and fragments, and the IPython extension.",
        ),
        "",
        *module_reference(
            anchor,
            jupyter_fragments.testing,
            "",
            "jupyter_fragments.testing",
            inline((jupyter_fragments.testing.__doc__ or "").strip().split("\n\n")[0]),
        ),
        "",
        *module_reference(
            anchor,
            pytest_plugin,
            "",
            "pytest fixtures",
            "Registered by the package's `pytest11` entry point "
            "(`jupyter_fragments.testing.pytest_plugin`); ask for them by name in a test.",
        ),
    ]
    return "\n".join(strip_blank_runs(lines)) + "\n"


def main(argv: list[str]) -> int:
    text = generate()
    if "--check" in argv:
        if OUTPUT.read_text(encoding="utf-8") != text:
            print(f"{OUTPUT} is out of date: run python docs/generate_api.py", file=sys.stderr)
            return 1
        return 0
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUTPUT}")
    for name in unfiled():
        print(
            f"{name} is listed under {OTHER!r}. "
            "Fix: add its module to SECTIONS in docs/generate_api.py.",
            file=sys.stderr,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
