"""Finding widgets in the mirror and acting on them as a person would: click, type, select.

Part of ``KernelSession`` (see ``session.py``): each gesture sends the ``comm_msg`` a
browser would send and waits until the kernel has drawn the result.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import partial
from typing import Any

from ._grid_fetch import stale_grids
from ._wire import Wire
from .app import Target, WidgetHandle
from .mirror import WidgetModel
from .render import render_text
from .results import HarnessError, Interaction, list_choices

__all__ = ["Gestures"]


class Gestures(Wire):
    """Widget lookup and user gestures (base of ``KernelSession``)."""

    def model(self, target: Target) -> WidgetModel:
        """The mirrored model of ``target``; an error if it is unknown or closed."""
        model_id = target if isinstance(target, str) else target.model_id
        model = self.mirror.get(model_id)
        if model is None:
            raise HarnessError(f"No widget model {model_id!r} in the mirror.")
        if model.closed:
            raise HarnessError(
                f"The {model.kind} {model.description or model_id!r} was closed by the kernel."
            )
        return model

    def widget(self, target: Target) -> WidgetHandle:
        """A :class:`WidgetHandle` for a model id."""
        return WidgetHandle(self, self.model(target).model_id)

    def find_widget(self, label: str | None = None, *, kind: str | None = None) -> WidgetHandle:
        """The one live widget with this label (``description``) and/or kind.

        ``kind`` is the ipywidgets class name (``"IntSlider"``, ``"Button"``).

        Examples
        --------
        >>> session.find_widget("n", kind="IntSlider").set_value(5)  # doctest: +SKIP
        """
        found = self.mirror.find(label=label, kind=kind)
        if len(found) == 1:
            return WidgetHandle(self, found[0].model_id)
        wanted = ", ".join(
            f"{name}={value!r}" for name, value in (("label", label), ("kind", kind)) if value
        )
        shown = [
            m for m in self.mirror.live() if m.kind != "Layout" and not m.kind.endswith("Style")
        ]
        choices = list_choices((m.kind, m.description, None) for m in shown)
        problem = "No widget" if not found else f"{len(found)} widgets"
        raise HarnessError(f"{problem} with {wanted or 'no filter'}. Live widgets:\n{choices}")

    def _look(self, model_id: str) -> None:
        """Get what a browser showing ``model_id`` would fetch: the rows of streamed grids.

        A streamed grid (``st.dataframe``) sends no rows until its page asks for them. For
        each one inside it that opened, or whose row count, sorts or data changed
        since, this asks for its first rows as a browser's viewport does and keeps them on
        the grid's model (``model.grid``). The requests and replies are the harness's own:
        no :class:`Interaction` counts them. Reading text calls this first, so that an
        interaction's counts and timing never include it. While a request sent without
        waiting is still running (``send_cell``), nothing is asked: the kernel may be busy.
        """
        if self._closed:
            return
        while self._pump_one(0):  # what already arrived: an idle may be waiting unread
            pass
        if any(not tally.idle for tally in self._tallies.values()):
            return
        for grid in stale_grids(self.mirror, model_id):
            msg_id = self._grids.ask(grid)
            if msg_id is not None:
                what = "a grid's rows (asked for as a browser showing the grid asks)"
                answered = partial(self._grids.answered, msg_id)
                self._pump_until(answered, self.timeout, what)

    def text_of(self, target: Target) -> str:
        """The plain text a person reads in ``target`` and everything inside it.

        Streamed grids inside it get their first rows first, asked for as a browser
        showing them asks: the harness's own messages, which no :class:`Interaction`
        counts. See :func:`~jupyter_fragments.testing.render.render_text`.
        """
        model_id = self.model(target).model_id
        self._look(model_id)
        return render_text(self.mirror, model_id)

    def _usable(self, target: Target) -> WidgetModel:
        model = self.model(target)
        if model.state.get("disabled"):
            raise HarnessError(
                f"The {model.kind} {model.description!r} is disabled; a user cannot change it."
            )
        return model

    def send_update(self, target: Target, state: Mapping[str, Any]) -> str:
        """Send a user's state change without waiting; return the ``comm_msg`` id.

        Sends ``{"method": "update", "state": state, "buffer_paths": []}`` as the
        JupyterLab widget manager does, after updating the mirror as the frontend
        does. Wait for it with :meth:`wait_idle`.
        """
        model = self._usable(target)
        self.mirror.set_local(model.model_id, state)
        data = {"method": "update", "state": dict(state), "buffer_paths": []}
        return self._send("comm_msg", {"comm_id": model.model_id, "data": data}, {})

    def send_custom(self, target: Target, content: Mapping[str, Any]) -> str:
        """Send a custom widget message (``{"method": "custom", ...}``) without waiting.

        A grid's ``cell-changed`` (an edit typed in the page) also sets the cell in the
        mirror, as the page shows the value before the kernel hears of it.
        """
        model = self._usable(target)
        if content.get("event_type") == "cell-changed":
            model.edit_cell(content)
        data = {"method": "custom", "content": dict(content)}
        return self._send("comm_msg", {"comm_id": model.model_id, "data": data}, {})

    def _finish(self, msg_id: str) -> Interaction:
        return self.wait_idle(msg_id)[0]

    def set_state(self, target: Target, /, **state: Any) -> Interaction:
        """Change synced traits of a widget as a user would, and wait until drawn.

        Examples
        --------
        >>> session.set_state(slider, value=3)  # doctest: +SKIP
        """
        return self._finish(self.send_update(target, state))

    def set_value(self, target: Target, value: Any) -> Interaction:
        """Set a widget's ``value`` as a user would, and wait until the kernel is idle.

        Examples
        --------
        >>> session.set_value(slider, 7).outputs_updates  # doctest: +SKIP
        1
        """
        return self.set_state(target, value=value)

    def click(self, target: Target) -> Interaction:
        """Click a ``Button`` (or toggle a ``ToggleButton``) and wait until drawn.

        Examples
        --------
        >>> session.click(button).error is None  # doctest: +SKIP
        True
        """
        model = self._usable(target)
        if model.kind == "ToggleButton":
            return self.set_value(target, not model.state.get("value"))
        if model.kind != "Button":
            raise HarnessError(f"{model.description!r} is a {model.kind}, not a Button.")
        return self._finish(self.send_custom(target, {"event": "click"}))

    def type(self, target: Target, text: str) -> Interaction:
        """Type ``text`` into a text or number box, replacing what it held.

        With ``continuous_update`` off (the widget syncs on Enter or blur) the whole
        value is sent at once; with it on, one update per keystroke, and the
        result is the last keystroke's interaction. Number boxes get the parsed number.

        Examples
        --------
        >>> session.type(name_box, "Ada")  # doctest: +SKIP
        """
        model = self._usable(target)
        current = model.state.get("value")
        if isinstance(current, int | float) and not isinstance(current, bool):
            number = float(text)
            return self.set_value(target, int(number) if isinstance(current, int) else number)
        if not model.state.get("continuous_update", False) or len(text) <= 1:
            return self.set_value(target, text)
        ids = [self.send_update(target, {"value": text[:n]}) for n in range(1, len(text) + 1)]
        return self.wait_idle(ids)[-1]

    def select(self, target: Target, label: str | Sequence[str]) -> Interaction:
        """Choose option(s) by label in a selection widget; syncs ``index`` as browsers do.

        Single selection (Dropdown, RadioButtons, Select, SelectionSlider,
        ToggleButtons) takes one label; multiple selection (SelectMultiple) a list.

        Examples
        --------
        >>> session.select(dropdown, "blue")  # doctest: +SKIP
        """
        model = self._usable(target)
        labels = list(model.state.get("_options_labels", []))
        if "_options_labels" not in model.state:
            raise HarnessError(f"{model.description!r} is a {model.kind}, not a selection.")
        wanted = [label] if isinstance(label, str) else list(label)
        missing = [w for w in wanted if w not in labels]
        if missing:
            raise HarnessError(f"No option {missing[0]!r} in {model.description!r}: {labels}.")
        indices = [labels.index(w) for w in wanted]
        multiple = isinstance(model.state.get("index"), list | tuple)
        if not multiple and len(indices) != 1:
            raise HarnessError(f"{model.description!r} takes one label, got {wanted}.")
        return self.set_state(target, index=indices if multiple else indices[0])
