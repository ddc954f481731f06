"""Rows of option buttons as ``AppTest`` hands them out: ``st.pills`` and
``st.segmented_control`` (Streamlit's ``ButtonGroup``), ``st.feedback``,
``st.menu_button`` and ``st.pagination``.

One option of a pills or segmented control is a ToggleButtons model that syncs its
index; several are a row of ToggleButton models, one per option, each pressed or not.
"""

from __future__ import annotations

import re
from typing import Any

from .apptest_widgets import UNSET, Send, Trigger, Widget, _Choice

__all__ = ["ButtonGroup", "Feedback", "MenuButton", "Pagination"]


class ButtonGroup(_Choice):
    """``st.pills`` and ``st.segmented_control``: ``type`` is ``"button_group"`` and
    ``style`` says which (``"pills"`` or ``"segmented_control"``).

    ``value`` is the option chosen (or None) with one option, the list chosen with
    several (``selection_mode="multi"``). ``set_value`` takes the same; ``select`` and
    ``unselect`` add or remove one option, as in Streamlit.

    Examples
    --------
    >>> at.pills[0].select("b").run()  # doctest: +SKIP
    >>> at.segmented_control(key="mode").value  # doctest: +SKIP
    'Fast'
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.style = self.kind
        self.type = "button_group"

    @property
    def is_multi(self) -> bool:
        """Whether several options may be chosen (``selection_mode="multi"``)."""
        return "jf-toggle-row" in (self.state.get("_dom_classes") or ())

    @property
    def _buttons(self) -> list[tuple[str, dict[str, Any]]]:
        """(model id, state) of each option's ToggleButton (several options only)."""
        return [part for part in self.parts if "ToggleButton" in part[1].get("_model_name", "")]

    @property
    def options(self) -> list[str]:
        """The option labels, as shown."""
        if self.is_multi:
            return [str(state.get("description", "")) for _, state in self._buttons]
        return super().options

    @property
    def indices(self) -> list[int]:
        """The positions of the options chosen (counting what is queued)."""
        if self._pending is not UNSET:
            chosen = self._pending if self.is_multi else [self._pending]
            return [self.position(v) for v in chosen if v is not None]
        if self.is_multi:
            return [i for i, (_, state) in enumerate(self._buttons) if state.get("value")]
        return [] if self.index is None else [int(self.index)]

    def read(self) -> Any:
        if self.kernel_value is not UNSET:
            return self.kernel_value
        labels = [self.options[i] for i in self.indices]
        return labels if self.is_multi else (labels[0] if labels else None)

    def sends(self, value: Any) -> list[Send]:
        if not self.is_multi:
            return super().sends(value)
        chosen = {self.position(v) for v in ([] if value is None else value)}
        # a person presses only the buttons that change
        return [
            ("update", model_id, {"value": i in chosen})
            for i, (model_id, state) in enumerate(self._buttons)
            if bool(state.get("value")) != (i in chosen)
        ]

    def select(self, option: Any) -> ButtonGroup:
        """Choose ``option`` (with one option it replaces the choice)."""
        if not self.is_multi:
            return self.set_value(option)
        current = list(self.value or [])
        if self.position(option) in self.indices:
            return self
        return self.set_value([*current, option])

    def unselect(self, option: Any) -> ButtonGroup:
        """Leave ``option`` out (with one option: choose nothing if it was chosen)."""
        gone = self.position(option)
        if not self.is_multi:
            return self.set_value(None) if self.indices == [gone] else self
        kept = [v for v in (self.value or []) if self.position(v) != gone]
        return self.set_value(kept)


#: the ratings of st.feedback's buttons, left to right (thumbs: 👍 is 1, 👎 is 0)
_THUMBS = ["👍", "👎"]


class Feedback(_Choice):
    """``st.feedback``: ``value`` is the rating (0 the lowest; thumbs: 1 up, 0 down).

    Examples
    --------
    >>> at.feedback[0].set_value(1).run()  # thumbs up  # doctest: +SKIP
    """

    def _ratings(self) -> list[int]:
        count = len(self.options)
        return [1, 0] if self.options == _THUMBS else list(range(count))

    def read(self) -> int | None:
        if isinstance(self.kernel_value, int) or self.kernel_value is None:
            return self.kernel_value
        index = self.index
        return None if index is None else self._ratings()[int(index)]

    def sends(self, value: Any) -> list[Send]:
        ratings = self._ratings()
        if value is not None and (isinstance(value, bool) or value not in ratings):
            raise ValueError(
                f"{value!r} is not a rating of this st.feedback; ratings: {sorted(ratings)}. "
                "Fix: pass one of them (thumbs: 1 up, 0 down), or None."
            )
        index = None if value is None else ratings.index(value)
        return [("update", self.id, {"index": index})]


class MenuButton(Trigger, _Choice):
    """``st.menu_button``: ``value`` is the option the last run got, else None.

    ``click(option)`` (or ``set_value``) and ``click_index(i)`` choose an action for the
    next run; ``options`` are their labels.

    Examples
    --------
    >>> at.menu_button[0].click("Export").run()  # doctest: +SKIP
    """

    def read(self) -> Any:
        return self.sent

    def sends(self, value: Any) -> list[Send]:
        if value is None:
            return []
        return [*super().sends(value), self.trigger(value)]

    def click(self, option: Any) -> MenuButton:
        return self.set_value(option)

    def click_index(self, index: int) -> MenuButton:
        return self.set_value(self.options[index])


_PAGE_OF = re.compile(r"(\d+) / (\d+)")


class Pagination(Widget):
    """``st.pagination``: ``value`` is the page (from 1), ``num_pages`` how many there are.

    ``set_value(page)`` and ``select(page)`` click that page's button, which must be
    among the buttons shown (``max_visible_pages`` leaves some out), or one page before
    or after the current one (the arrows).

    Examples
    --------
    >>> at.pagination(key="results").select(2).run()  # doctest: +SKIP
    """

    @property
    def labels(self) -> list[str]:
        """The buttons shown: the previous arrow, the pages (an ellipsis for those left
        out), the next arrow."""
        return [str(o) for o in self.state.get("_options_labels", [])]

    @property
    def num_pages(self) -> int:
        labels = self.labels
        counted = _PAGE_OF.fullmatch(labels[1]) if len(labels) > 1 else None
        if counted is not None:
            return int(counted.group(2))
        return max((int(t) for t in labels if t.isdigit()), default=1)

    def read(self) -> int:
        if isinstance(self.kernel_value, int):
            return self.kernel_value
        index, labels = self.state.get("index"), self.labels
        shown = labels[index] if isinstance(index, int) and 0 < index < len(labels) else "1"
        counted = _PAGE_OF.fullmatch(shown)
        return int(counted.group(1) if counted else shown) if shown[:1].isdigit() else 1

    def sends(self, value: Any) -> list[Send]:
        pages = self.num_pages
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= pages:
            raise ValueError(
                f"Cannot set st.pagination to {value!r}. Fix: pass an int from 1 to {pages}."
            )
        labels, current = self.labels, self.read()
        if str(value) in labels[1:-1]:
            index = labels.index(str(value))
        elif value in (current - 1, current + 1):
            index = 0 if value < current else len(labels) - 1
        elif value == current:
            return []
        else:
            raise ValueError(
                f"Page {value} has no button among those shown ({' '.join(labels)}): a "
                "person gets there in several clicks. Fix: select a page shown, run(), and "
                "go on from there (or pass max_visible_pages=None in the app)."
            )
        return [("update", self.id, {"index": index})]

    def select(self, page: int) -> Pagination:
        return self.set_value(page)
