"""Handles a test holds: one widget, one app, one rerun scope (app or fragment).

App and scope handles are live views: each read fetches the kernel's snapshot (see
docs/architecture.md, "The snapshot") and the mirror anew, so they stay valid across
reruns. Talking to the kernel is the session's job: handles see it through
:class:`Driver` and :class:`AppDriver`, which ``KernelSession`` satisfies.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Protocol

from .render import display_value, shown_errors
from .results import ErrorInfo, HarnessError, Interaction, list_choices

if TYPE_CHECKING:
    from .mirror import WidgetMirror, WidgetModel

__all__ = ["AppDriver", "AppHandle", "Driver", "ScopeHandle", "Target", "WidgetHandle"]


class Driver(Protocol):
    """What a widget handle asks of the session that drives the kernel."""

    @property
    def mirror(self) -> WidgetMirror: ...

    def model(self, target: Target) -> WidgetModel: ...

    def text_of(self, target: Target) -> str: ...

    def click(self, target: Target) -> Interaction: ...

    def set_value(self, target: Target, value: Any) -> Interaction: ...

    def set_state(self, target: Target, /, **state: Any) -> Interaction: ...

    def type(self, target: Target, text: str) -> Interaction: ...

    def select(self, target: Target, label: str | Sequence[str]) -> Interaction: ...


class AppDriver(Driver, Protocol):
    """What app and scope handles ask of the session: widgets, and the kernel's snapshot."""

    def snapshot(self) -> dict[str, Any]: ...


class WidgetHandle:
    """One widget as a user sees it: its label and value; click it, type, select.

    Attributes
    ----------
    model_id : str
        The widget's model id.
    key : str or None
        The ``key=`` it was created with (app widgets only).

    Examples
    --------
    >>> slider = app.slider("n")  # doctest: +SKIP
    >>> slider.set_value(5)  # doctest: +SKIP
    >>> slider.value  # doctest: +SKIP
    5
    """

    def __init__(self, session: Driver, model_id: str, info: dict[str, Any] | None = None) -> None:
        self.session = session
        self.model_id = model_id
        self._info = info or {}
        self.key: str | None = self._info.get("key")

    def __repr__(self) -> str:
        return f"<WidgetHandle {self.kind} {self.label!r} {self.model_id}>"

    @property
    def model(self) -> WidgetModel:
        """The mirrored model (raises if the kernel closed it)."""
        return self.session.model(self.model_id)

    @property
    def state(self) -> dict[str, Any]:
        """The widget's synced state as the frontend holds it."""
        return self.model.state

    @property
    def kind(self) -> str:
        """The runtime's kind (``"slider"``) for app widgets, else the ipywidgets class."""
        return str(self._info.get("kind") or self.session.mirror[self.model_id].kind)

    @property
    def label(self) -> str:
        """The label a person reads next to the widget (its ``description``)."""
        return str(self._info.get("label") or self.session.mirror[self.model_id].description)

    @property
    def value(self) -> Any:
        """The value as the frontend has it.

        Selection widgets sync only ``index``, so they give the selected label (a
        tuple of labels for multiple selection); others give the synced ``value``.
        """
        state = self.state
        if "_options_labels" in state and "index" in state:
            labels, index = state["_options_labels"], state["index"]
            if isinstance(index, list | tuple):
                return tuple(labels[i] for i in index)
            return None if index is None else labels[index]
        return state.get("value")

    @property
    def display(self) -> str:
        """The value as text, the way the widget shows it (``"3.50"``, ``"blue"``)."""
        return display_value(self.model)

    @property
    def text(self) -> str:
        """The rendered text of the widget (``"label: value"``, or a box's content)."""
        return self.session.text_of(self.model_id)

    def click(self) -> Interaction:
        """Click it (a Button) and wait until the kernel has drawn the result."""
        return self.session.click(self)

    def set_value(self, value: Any) -> Interaction:
        """Set its value as a user would, and wait until drawn."""
        return self.session.set_value(self, value)

    def set_state(self, **state: Any) -> Interaction:
        """Change synced traits as a user would, and wait until drawn."""
        return self.session.set_state(self, **state)

    def type(self, text: str) -> Interaction:
        """Type ``text`` into it, replacing its content, and wait until drawn."""
        return self.session.type(self, text)

    def select(self, label: str | Sequence[str]) -> Interaction:
        """Choose option(s) by label, and wait until drawn."""
        return self.session.select(self, label)


Target = str | WidgetHandle
"""A widget to act on: its model id, or a :class:`WidgetHandle`."""


class _WidgetFinder:
    """Widget lookup shared by apps and scopes."""

    session: AppDriver

    def _widget_infos(self) -> list[dict[str, Any]]:
        raise NotImplementedError

    def _where(self) -> str:
        raise NotImplementedError

    @property
    def widgets(self) -> list[WidgetHandle]:
        """Every widget the last runs rendered here, in snapshot order."""
        return [WidgetHandle(self.session, str(w["model_id"]), w) for w in self._widget_infos()]

    def widget(
        self, label: str | None = None, *, key: str | None = None, kind: str | None = None
    ) -> WidgetHandle:
        """The one widget with this label, key and/or kind.

        ``kind`` is the runtime's name (``"slider"``, ``"button"``) or the ipywidgets
        class (``"IntSlider"``), case-insensitive.

        Raises
        ------
        HarnessError
            Listing the widgets there are, when none or several match.

        Examples
        --------
        >>> app.widget("n", kind="slider").set_value(3)  # doctest: +SKIP
        """
        found = []
        for handle in self.widgets:
            mirrored = self.session.mirror.get(handle.model_id)
            kinds = {handle.kind.lower(), (mirrored.kind if mirrored else "").lower()}
            if (
                (label is None or handle.label == label)
                and (key is None or handle.key == key)
                and (kind is None or kind.lower() in kinds)
            ):
                found.append(handle)
        if len(found) == 1:
            return found[0]
        asked = {"label": label, "key": key, "kind": kind}
        wanted = ", ".join(f"{k}={v!r}" for k, v in asked.items() if v is not None)
        problem = "No widget" if not found else f"{len(found)} widgets"
        hint = "" if not found else "\nFix: pass key= to tell them apart."
        choices = list_choices((w.kind, w.label, w.key) for w in self.widgets)
        raise HarnessError(
            f"{problem} with {wanted or 'no filter'} in {self._where()}. "
            f"Widgets there:\n{choices}{hint}"
        )

    def button(self, label: str | None = None, *, key: str | None = None) -> WidgetHandle:
        """The ``st.button`` with this label (or key)."""
        return self.widget(label, key=key, kind="button")

    def slider(self, label: str | None = None, *, key: str | None = None) -> WidgetHandle:
        """The ``st.slider`` with this label (or key)."""
        return self.widget(label, key=key, kind="slider")

    def text_input(self, label: str | None = None, *, key: str | None = None) -> WidgetHandle:
        """The ``st.text_input`` with this label (or key)."""
        return self.widget(label, key=key, kind="text_input")

    def text_area(self, label: str | None = None, *, key: str | None = None) -> WidgetHandle:
        """The ``st.text_area`` with this label (or key)."""
        return self.widget(label, key=key, kind="text_area")

    def number_input(self, label: str | None = None, *, key: str | None = None) -> WidgetHandle:
        """The ``st.number_input`` with this label (or key)."""
        return self.widget(label, key=key, kind="number_input")

    def checkbox(self, label: str | None = None, *, key: str | None = None) -> WidgetHandle:
        """The ``st.checkbox`` with this label (or key)."""
        return self.widget(label, key=key, kind="checkbox")

    def toggle(self, label: str | None = None, *, key: str | None = None) -> WidgetHandle:
        """The ``st.toggle`` with this label (or key)."""
        return self.widget(label, key=key, kind="toggle")

    def selectbox(self, label: str | None = None, *, key: str | None = None) -> WidgetHandle:
        """The ``st.selectbox`` with this label (or key)."""
        return self.widget(label, key=key, kind="selectbox")

    def radio(self, label: str | None = None, *, key: str | None = None) -> WidgetHandle:
        """The ``st.radio`` with this label (or key)."""
        return self.widget(label, key=key, kind="radio")

    def multiselect(self, label: str | None = None, *, key: str | None = None) -> WidgetHandle:
        """The ``st.multiselect`` with this label (or key)."""
        return self.widget(label, key=key, kind="multiselect")

    def select_slider(self, label: str | None = None, *, key: str | None = None) -> WidgetHandle:
        """The ``st.select_slider`` with this label (or key)."""
        return self.widget(label, key=key, kind="select_slider")


class ScopeHandle(_WidgetFinder):
    """One rerun scope: the app's main scope or one call site of a fragment.

    Examples
    --------
    >>> panel = app.fragment("panel")  # doctest: +SKIP
    >>> panel.button("refresh").click()  # doctest: +SKIP
    >>> panel.runs, "refreshed" in panel.text  # doctest: +SKIP
    (2, True)
    """

    def __init__(self, app: AppHandle, scope_id: str) -> None:
        self.app = app
        self.session = app.session
        self.scope_id = scope_id

    def __repr__(self) -> str:
        return f"<ScopeHandle {self.scope_id} of {self.app.id}>"

    @property
    def info(self) -> dict[str, Any]:
        """This scope's entry in the snapshot."""
        for scope in self.app.info.get("scopes", []):
            if scope.get("id") == self.scope_id:
                return dict(scope)
        raise HarnessError(f"The scope {self.scope_id!r} is gone: its fragment was not rerun.")

    def _where(self) -> str:
        return f"scope {self.scope_id}"

    def _widget_infos(self) -> list[dict[str, Any]]:
        return [w for w in self.app.info.get("widgets", []) if w.get("scope") == self.scope_id]

    @property
    def name(self) -> str:
        """The fragment's name (the runtime's name for the app's own scope)."""
        return str(self.info.get("name"))

    @property
    def model_id(self) -> str:
        """The model id of the scope's Output widget."""
        return str(self.info["model_id"])

    @property
    def runs(self) -> int:
        """How many times this scope has run."""
        return int(self.info.get("runs", 0))

    @property
    def error(self) -> Any:
        """The runtime's record of the last run's exception (None if it succeeded)."""
        return self.info.get("error")

    @property
    def text(self) -> str:
        """The rendered text of this scope, nested fragments included."""
        return self.session.text_of(self.model_id)

    @property
    def exceptions(self) -> list[ErrorInfo]:
        """Tracebacks shown in place inside this scope."""
        return shown_errors(self.session.mirror, self.model_id)


class AppHandle(_WidgetFinder):
    """One live app in the kernel: read its page, find its widgets, count its reruns.

    Examples
    --------
    >>> app = session.app()  # doctest: +SKIP
    >>> app.button("+1").click()  # doctest: +SKIP
    >>> app.text.splitlines()[0], app.runs  # doctest: +SKIP
    ('count: 1', 2)
    """

    def __init__(self, session: AppDriver, app_id: str) -> None:
        self.session = session
        self.id = app_id

    def __repr__(self) -> str:
        return f"<AppHandle {self.id}>"

    @property
    def info(self) -> dict[str, Any]:
        """This app's entry in a fresh snapshot."""
        for app in self.session.snapshot().get("apps", []):
            if app.get("id") == self.id:
                return dict(app)
        raise HarnessError(
            f"The app {self.id!r} is gone: its cell was re-executed or the apps were stopped. "
            "Fix: get a new handle with session.app()."
        )

    def _where(self) -> str:
        return f"app {self.id}"

    def _widget_infos(self) -> list[dict[str, Any]]:
        return list(self.info.get("widgets", []))

    @property
    def name(self) -> str | None:
        """The app's name: its cell id or ``%%app`` name."""
        name = self.info.get("name")
        return None if name is None else str(name)

    @property
    def model_id(self) -> str:
        """The model id of the app's root Output."""
        return str(self.info["model_id"])

    @property
    def text(self) -> str:
        """Everything the app shows, as plain text (a grid's first rows included)."""
        return self.session.text_of(self.model_id)

    @property
    def timers(self) -> int:
        """How many ``run_every`` timers the app has running."""
        return int(self.info.get("timers", 0))

    @property
    def scopes(self) -> list[ScopeHandle]:
        """The app's scope followed by its fragments' scopes, in snapshot order."""
        return [ScopeHandle(self, str(s["id"])) for s in self.info.get("scopes", [])]

    def fragment(self, name: str, *, index: int | None = None) -> ScopeHandle:
        """The scope of fragment ``name`` (``index`` picks one of several call sites).

        Examples
        --------
        >>> app.fragment("clock").runs  # doctest: +SKIP
        4
        """
        scopes = [s for s in self.info.get("scopes", []) if s.get("kind") == "fragment"]
        found = [s for s in scopes if s.get("name") == name]
        if index is not None and 0 <= index < len(found):
            return ScopeHandle(self, str(found[index]["id"]))
        if len(found) == 1 and index is None:
            return ScopeHandle(self, str(found[0]["id"]))
        names = sorted({str(s.get("name")) for s in scopes}) or ["none"]
        if len(found) > 1:
            raise HarnessError(
                f"The fragment {name!r} has {len(found)} call sites. Fix: pass index=0..."
            )
        raise HarnessError(f"No fragment {name!r} in app {self.id}; fragments: {names}.")

    @property
    def runs(self) -> int:
        """How many times the app's own scope has run (full runs)."""
        for scope in self.info.get("scopes", []):
            if scope.get("kind") == "app":
                return int(scope.get("runs", 0))
        return 0

    def scope_runs(self) -> dict[str, int]:
        """Runs per scope: ``{"app": 3, "clock": 7}``.

        The app's own scope is ``"app"``; fragments go by name, and a fragment called
        from several places gets ``name#2``, ``name#3``... for the later call sites.
        """
        runs: dict[str, int] = {}
        for scope in self.info.get("scopes", []):
            base = "app" if scope.get("kind") == "app" else str(scope.get("name"))
            name, n = base, 2
            while name in runs:
                name, n = f"{base}#{n}", n + 1
            runs[name] = int(scope.get("runs", 0))
        return runs

    @property
    def exceptions(self) -> list[ErrorInfo]:
        """Every traceback shown in place anywhere in the app, in page order."""
        return shown_errors(self.session.mirror, self.model_id)
