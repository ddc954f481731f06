"""The page of an app as ``AppTest`` shows it: blocks (main, sidebar, columns, tabs...)
holding elements, read from the mirrored widget models when a run ends.

`TreeBuilder` walks the models from the app's root ``Output``; the snapshot tells which
models are inputs (with their kind, label and key) and which ``Output`` is a fragment.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from .apptest_classify import element_of
from .apptest_elements import Element, ElementList, GridTable, Runner, WidgetList
from .apptest_kinds import WIDGET_TYPES, widget_class
from .apptest_queries import ElementQueries
from .apptest_widgets import Button, Trigger, Widget
from .mirror import WidgetModel, model_ref
from .render import WIDGET_VIEW_MIME, iter_outputs

__all__ = [
    "Block",
    "ChatMessage",
    "Column",
    "Expander",
    "Fragment",
    "Status",
    "Tab",
    "TreeBuilder",
]

_ALIASES = {
    "arrow_data_frame": "dataframe",
    "arrow_table": "table",
    "expandable": "expander",
    "datetime_input": "date_time_input",
}
_STATES = {"⏳": "running", "✅": "complete", "❌": "error"}
_CONTAINERS = {"jf-form": "form", "jf-container": "container", "jf-dialog": "dialog"}


class Block(ElementQueries):
    """A container of the page: ``at.main``, ``at.sidebar``, a column, a tab...

    It has every element query ``AppTest`` has (``block.button``, ``block.markdown``),
    limited to what is inside it.

    Examples
    --------
    >>> at.sidebar.text_input[0].input("Jane").run()  # doctest: +SKIP
    >>> at.columns[1].markdown[0].value  # doctest: +SKIP
    'Hello, world!'
    """

    def __init__(self, root: Runner, block_type: str, model_id: str | None = None) -> None:
        self.root = root
        self.type = block_type
        self.model_id = model_id
        self.children: list[Element | Block] = []

    def walk(self) -> Iterator[Element | Block]:
        """Every element and block inside, in page order (depth first)."""
        for child in self.children:
            yield child
            if isinstance(child, Block):
                yield from child.walk()

    def get(self, element_type: str) -> ElementList[Any]:
        """The elements (or blocks) of ``element_type`` inside, in page order."""
        wanted = _ALIASES.get(element_type, element_type)
        found = [node for node in self.walk() if node.type == wanted]
        widgets = bool(found) and all(isinstance(node, Widget) for node in found)
        if widgets or wanted in WIDGET_TYPES:
            return WidgetList(found)
        return ElementList(found)

    @property
    def value(self) -> None:
        return None

    def run(self, *, timeout: float | None = None) -> Any:
        """Run the app (see ``AppTest.run``); returns the ``AppTest``."""
        return self.root.run(timeout=timeout)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(type={self.type!r}, children={len(self.children)})"


class Column(Block):
    """One of ``st.columns``; ``weight`` is its share of the row's width (they sum to 1)."""

    def __init__(self, root: Runner, model_id: str, weight: float) -> None:
        super().__init__(root, "column", model_id)
        self.weight = weight


class Tab(Block):
    """One tab of ``st.tabs``; ``label`` is its title."""

    def __init__(self, root: Runner, model_id: str, label: str) -> None:
        super().__init__(root, "tab", model_id)
        self.label = label


class Expander(Block):
    """``st.expander`` (and ``st.popover``): ``label`` and whether it is ``expanded``."""

    def __init__(
        self, root: Runner, block_type: str, model_id: str, label: str, expanded: bool
    ) -> None:
        super().__init__(root, block_type, model_id)
        self.label = label
        self.expanded = expanded


class Status(Expander):
    """``st.status``: ``label``, ``state`` (``running``, ``complete``, ``error``), ``expanded``."""

    def __init__(self, root: Runner, model_id: str, title: str, expanded: bool) -> None:
        icon, _, label = title.partition(" ")
        known = icon in _STATES
        super().__init__(root, "status", model_id, label if known else title, expanded)
        self.state = _STATES.get(icon, "running")


_AVATAR_NAME = re.compile(r'class="jf-chat-avatar"[^>]*\btitle="([^"]*)"')
_AVATAR_ICON = re.compile(r"<svg[^>]*><title>(user|assistant)</title>")
_AVATAR_EMOJI = re.compile(r'<span style="font-size:1\.4rem">([^<]*)</span>')
_AVATAR_IMAGE = re.compile(r'<img src="([^"]*)"')


class ChatMessage(Block):
    """``st.chat_message``: ``name`` of its author and ``avatar``, as in Streamlit.

    ``avatar`` is ``"user"`` or ``"assistant"`` for those icons, the emoji, the image's
    URL (a ``data:`` URL for an image given as data), or ``""`` for a letter.

    Examples
    --------
    >>> at.chat_message[0].name, at.chat_message[0].markdown[0].value  # doctest: +SKIP
    ('user', 'hi')
    """

    def __init__(self, root: Runner, model_id: str, avatar_html: str) -> None:
        super().__init__(root, "chat_message", model_id)
        found = _AVATAR_NAME.search(avatar_html)
        self.name = html.unescape(found.group(1)) if found else ""
        self.avatar = ""
        for pattern in (_AVATAR_ICON, _AVATAR_EMOJI, _AVATAR_IMAGE):
            match = pattern.search(avatar_html)
            if match is not None:
                self.avatar = html.unescape(match.group(1))
                break


class Fragment(Block):
    """One call site of an ``@st.fragment``: what it shows, and how often it ran.

    Not a Streamlit element: ``AppTest.fragment(name)`` gives it, so a test can see
    that an input inside a fragment reran only the fragment.

    Attributes
    ----------
    name : str
        The fragment function's name.
    runs : int
        How many times it ran (full runs of the app included).
    run_every : float or None
        Its timer's interval in seconds, if it has one.
    last_error : str or None
        The runtime's record of its last run's exception.
    """

    def __init__(self, root: Runner, scope: Mapping[str, Any]) -> None:
        super().__init__(root, "fragment", str(scope["model_id"]))
        self.scope_id = str(scope["id"])
        self.name = str(scope.get("name"))
        self.runs = int(scope.get("runs", 0))
        self.run_every = scope.get("run_every")
        self.last_error = scope.get("error")

    def __repr__(self) -> str:
        return f"Fragment(name={self.name!r}, runs={self.runs}, children={len(self.children)})"


def _views(model: WidgetModel) -> list[str]:
    """Models shown inside ``model``: an Output's widget views, a box's children."""
    if model.kind == "Output":
        found = []
        for out in model.state.get("outputs", []):
            view = (out.get("data") or {}).get(WIDGET_VIEW_MIME)
            if isinstance(view, dict) and "model_id" in view:
                found.append(str(view["model_id"]))
        return found
    return model.refs("children")


class TreeBuilder:
    """Builds the main and sidebar blocks of one app from the mirror and its snapshot entry."""

    def __init__(
        self,
        root: Runner,
        mirror: Mapping[str, WidgetModel],
        app: Mapping[str, Any],
        clicked: Mapping[str, Any],
        frames: Callable[[str], Any] | None = None,
    ) -> None:
        self.root = root
        self.frames = frames
        self.mirror = mirror
        self.app = app
        self.clicked = clicked
        self.inputs = {str(w["model_id"]): w for w in app.get("widgets", [])}
        self.scopes = {str(s["model_id"]): s for s in app.get("scopes", [])}
        self.main = Block(root, "main")
        self.sidebar = Block(root, "sidebar")
        self.fragments: list[Fragment] = []
        self._seen: set[str] = set()

    def build(self) -> TreeBuilder:
        """Walk the app's page; fills ``main``, ``sidebar`` and ``fragments``."""
        self._walk(str(self.app["model_id"]), self.main)
        return self

    def _live(self, model_id: str) -> WidgetModel | None:
        model = self.mirror.get(model_id)
        if model is None or model.closed or model_id in self._seen:
            return None
        self._seen.add(model_id)
        return model

    def _walk(self, model_id: str, into: Block) -> None:
        model = self._live(model_id)
        if model is None:
            return
        info = self.inputs.get(model_id)
        if self.frames is not None and "jf-grid" in (model.state.get("_dom_classes") or ()):
            if info is None or info.get("kind") == "dataframe":  # a data editor is an input
                into.children.append(GridTable(self.root, model_id, self.frames))
                return
        if info is not None:
            into.children.append(self._widget(info, model))
            return
        scope = self.scopes.get(model_id)
        if scope is not None and scope.get("kind") == "fragment":
            fragment = Fragment(self.root, scope)
            into.children.append(fragment)
            self.fragments.append(fragment)
            into = fragment
        if model.kind == "Output" and scope is None:
            self._outputs(model, into)
            return
        if "children" not in model.state and model.kind != "Output":
            info = {"model_id": model_id, "kind": model.kind.lower(), "label": model.description}
            into.children.append(Widget(self.root, info, dict(model.state)))
            return
        self._box(model, into)

    def _outputs(self, model: WidgetModel, into: Block) -> None:
        for out in iter_outputs(list(model.state.get("outputs", []))):
            view = (out.get("data") or {}).get(WIDGET_VIEW_MIME)
            if isinstance(view, dict) and "model_id" in view:
                self._walk(str(view["model_id"]), into)
            else:
                into.children.append(element_of(self.root, out))

    def _box(self, model: WidgetModel, into: Block) -> None:
        classes = set(model.state.get("_dom_classes") or ())
        if "jf-sidebar" in classes:
            into = self.sidebar
        elif "jf-columns" in classes:
            into = self._add(into, Block(self.root, "horizontal", model.model_id))
            children = _views(model)
            weights = self._weights(model)[: len(children)]
            weights += [1.0] * (len(children) - len(weights))
            total = sum(weights) or 1.0
            for child, weight in zip(children, weights, strict=True):
                column = Column(self.root, child, weight / total)
                self._fill(child, self._add(into, column))
            return
        elif model.kind == "Tab":
            titles = list(model.state.get("titles") or [])
            into = self._add(into, Block(self.root, "tab_container", model.model_id))
            for i, child in enumerate(_views(model)):
                label = str(titles[i]) if i < len(titles) else ""
                self._fill(child, self._add(into, Tab(self.root, child, label)))
            return
        elif model.kind == "Accordion":
            into = self._add(into, self._accordion(model, classes))
        elif "jf-chat-message" in classes:
            return self._chat_message(model, into)
        else:
            kind = next((_CONTAINERS[c] for c in classes if c in _CONTAINERS), None)
            if kind is not None:
                into = self._add(into, Block(self.root, kind, model.model_id))
        for child in _views(model):
            self._walk(child, into)

    def _chat_message(self, model: WidgetModel, into: Block) -> None:
        """A message: its avatar says who speaks; its body holds the elements."""
        parts = model.refs("children")
        picture = self.mirror.get(parts[0]) if parts else None
        avatar = str(picture.state.get("value") or "") if picture is not None else ""
        message = self._add(into, ChatMessage(self.root, model.model_id, avatar))
        for body in parts[1:]:
            self._fill(body, message)

    def _fill(self, model_id: str, block: Block) -> None:
        """Walk the children of a pane (a column or tab box) into ``block``."""
        model = self._live(model_id)
        for child in _views(model) if model is not None else []:
            self._walk(child, block)

    @staticmethod
    def _add(into: Block, block: Block) -> Block:
        into.children.append(block)
        return block

    def _accordion(self, model: WidgetModel, classes: set[str]) -> Block:
        titles = list(model.state.get("titles") or [""])
        title = str(titles[0]) if titles else ""
        expanded = model.state.get("selected_index") == 0
        if "jf-status" in classes:
            return Status(self.root, model.model_id, title, expanded)
        kind = "popover" if "jf-popover" in classes else "expander"
        return Expander(self.root, kind, model.model_id, title, expanded)

    def _weights(self, model: WidgetModel) -> list[float]:
        layout = self.mirror.get(model_ref(model.state.get("layout")) or "")
        spec = str((layout.state if layout is not None else {}).get("grid_template_columns") or "")
        weights = []
        for part in spec.split():
            try:
                weights.append(float(part.removesuffix("fr")))
            except ValueError:
                weights.append(1.0)
        return weights

    def _widget(self, info: Mapping[str, Any], model: WidgetModel) -> Widget:
        cls = widget_class(str(info.get("kind")))
        parts = []
        if "children" in model.state:
            for child in model.refs("children"):
                part = self.mirror.get(child)
                if part is not None:
                    parts.append((child, dict(part.state)))
        if issubclass(cls, Button):
            clicked = model.model_id in self.clicked
            return cls(self.root, dict(info), dict(model.state), parts, clicked=clicked)
        if issubclass(cls, Trigger):
            sent = self.clicked.get(model.model_id)
            return cls(self.root, dict(info), dict(model.state), parts, sent=sent)
        return cls(self.root, dict(info), dict(model.state), parts)
