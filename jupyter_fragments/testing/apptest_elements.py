"""What ``AppTest`` hands out for the elements of a page: one class per kind, and lists.

The names and attributes are those of ``streamlit.testing.v1.element_tree``: every
element has a ``type`` and a ``value`` (for text, its source), and ``run()`` reruns the
app. Elements are read from the page as it was when the last run ended.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar, overload

if TYPE_CHECKING:
    from .results import ErrorInfo

__all__ = [
    "Alert",
    "Code",
    "Element",
    "ElementList",
    "ExceptionElement",
    "GridTable",
    "Heading",
    "Json",
    "Markdown",
    "Metric",
    "TableElement",
    "Toast",
    "UnknownElement",
    "WidgetList",
]

Output = dict[str, Any]


class Runner(Protocol):
    """The app an element belongs to (an ``AppTest``): what elements need of it."""

    def run(self, *, timeout: float | None = None) -> Any: ...

    def _queue(self, model_id: str, sends: list[tuple[str, str, dict[str, Any]]]) -> None: ...


class Element:
    """One element of the page: ``type``, ``value`` and ``run()``, as in Streamlit.

    Attributes
    ----------
    type : str
        Streamlit's name for it: ``"markdown"``, ``"title"``, ``"button"``...
    key : str or None
        The ``key=`` of a widget; None for other elements.
    output : dict or None
        The notebook output it was read from (static elements).
    """

    type = "unknown"

    def __init__(self, root: Runner, output: Output | None = None) -> None:
        self.root = root
        self.output = output
        self.key: str | None = None

    @property
    def value(self) -> Any:
        """The element's main content (what the ``st`` call was given)."""
        return None

    def run(self, *, timeout: float | None = None) -> Any:
        """Run the app (applying every queued input); returns the ``AppTest``.

        Examples
        --------
        >>> at.button[0].click().run()  # doctest: +SKIP
        """
        return self.root.run(timeout=timeout)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(type={self.type!r}, value={self.value!r})"


class UnknownElement(Element):
    """An element AppTest has no class for (a chart, an image, a print...).

    Its ``type`` says what it is (``"vega_lite_chart"``, ``"image"``, ``"stream"``...);
    its ``value`` is what the kernel tagged it with (``st.progress``: the percent), else
    the output's data (or text, for prints).
    """

    def __init__(self, root: Runner, output: Output, element_type: str, tagged: Any = None) -> None:
        super().__init__(root, output)
        self.type = element_type
        self._tagged = tagged

    @property
    def value(self) -> Any:
        if self._tagged is not None:
            return self._tagged
        output = self.output or {}
        if output.get("output_type") == "stream":
            return str(output.get("text", ""))
        return dict(output.get("data", {}))


class Markdown(Element):
    """``st.markdown`` and its relatives: ``caption``, ``divider``, ``latex``, ``text``."""

    def __init__(self, root: Runner, output: Output, element_type: str, body: str) -> None:
        super().__init__(root, output)
        self.type = element_type
        self.body = body

    @property
    def value(self) -> str:
        return self.body


class Heading(Markdown):
    """``st.title``, ``st.header`` or ``st.subheader``; ``tag`` is ``"h1"``..``"h3"``."""

    @property
    def tag(self) -> str:
        return {"title": "h1", "header": "h2", "subheader": "h3"}.get(self.type, "h1")


class Code(Markdown):
    """``st.code``: ``value`` is the code, ``language`` its language."""

    type = "code"

    def __init__(self, root: Runner, output: Output, body: str, language: str) -> None:
        super().__init__(root, output, "code", body)
        self.language = language


class Alert(Markdown):
    """``st.success``, ``st.info``, ``st.warning`` or ``st.error``: ``value`` and ``icon``."""

    def __init__(self, root: Runner, output: Output, element_type: str, body: str, icon: str):
        super().__init__(root, output, element_type, body)
        self.icon = icon


class Toast(Alert):
    """``st.toast``: ``value`` and ``icon``."""


class Json(Element):
    """``st.json``: ``value`` is the JSON text, as Streamlit gives it."""

    type = "json"

    def __init__(self, root: Runner, output: Output, payload: Any, expanded: bool) -> None:
        super().__init__(root, output)
        self.payload = payload
        self.expanded = expanded

    @property
    def value(self) -> str:
        return self.payload if isinstance(self.payload, str) else json.dumps(self.payload)


class Metric(Element):
    """``st.metric``: ``label``, ``value`` and ``delta`` as strings (``""`` when none)."""

    type = "metric"

    def __init__(self, root: Runner, output: Output, label: str, value: str, delta: str) -> None:
        super().__init__(root, output)
        self.label = label
        self._value = value
        self.delta = delta

    @property
    def value(self) -> str:
        return self._value


class TableElement(Element):
    """``st.dataframe`` or ``st.table``: ``value`` is a pandas DataFrame of what is shown."""

    def __init__(self, root: Runner, output: Output | None, element_type: str, table: Any) -> None:
        super().__init__(root, output)
        self.type = element_type
        self._table = table

    @property
    def value(self) -> Any:
        return self._table


class GridTable(TableElement):
    """``st.dataframe`` drawn as a grid: ``value`` is its DataFrame, read from the kernel
    when first asked for (a grid sends its rows only as they are shown)."""

    def __init__(self, root: Runner, model_id: str, fetch: Callable[[str], Any]) -> None:
        super().__init__(root, None, "dataframe", None)
        self.id = model_id
        self._fetch = fetch
        self._read = False

    @property
    def value(self) -> Any:
        if not self._read:
            self._table, self._read = self._fetch(self.id), True
        return self._table


class ExceptionElement(Element):
    """A traceback shown in place (``st.exception`` or an exception the app raised).

    Attributes
    ----------
    message : str
        The exception's message; also its ``value``, as in Streamlit.
    ename : str
        The exception's class name (``"ZeroDivisionError"``).
    stack_trace : list of str
        The traceback lines, without colours.
    """

    type = "exception"
    is_warning = False
    is_markdown = False

    def __init__(self, root: Runner, output: Output, error: ErrorInfo) -> None:
        super().__init__(root, output)
        self.ename = error.ename
        self.message = error.evalue
        self.stack_trace = list(error.traceback)

    @property
    def value(self) -> str:
        return self.message


T = TypeVar("T")


class ElementList(Sequence[T], Generic[T]):
    """The elements of one type, in page order (``at.markdown``, ``at.button``...).

    Examples
    --------
    >>> at.markdown[0].value  # doctest: +SKIP
    'Beans counted: 1'
    >>> at.markdown.values  # doctest: +SKIP
    ['Beans counted: 1']
    """

    def __init__(self, items: Sequence[T]) -> None:
        self._items = list(items)

    @overload
    def __getitem__(self, index: int) -> T: ...

    @overload
    def __getitem__(self, index: slice) -> ElementList[T]: ...

    def __getitem__(self, index: int | slice) -> T | ElementList[T]:
        if isinstance(index, slice):
            return type(self)(self._items[index])
        try:
            return self._items[index]
        except IndexError:
            raise IndexError(
                f"Element index {index} is out of range: there are {len(self._items)}. "
                "Fix: check the app ran (at.run()) and shows what the test expects."
            ) from None

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[T]:
        return iter(self._items)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, ElementList):
            return self._items == other._items
        if isinstance(other, list):
            return self._items == other
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    @property
    def values(self) -> list[Any]:
        """Each element's ``value``."""
        return [getattr(item, "value", None) for item in self._items]

    def __repr__(self) -> str:
        return f"ElementList({self._items!r})"


class WidgetList(ElementList[T]):
    """Widgets of one type; call it with a key to get one: ``at.button(key="go")``."""

    def __call__(self, key: str) -> T:
        """The widget with this ``key=``.

        Raises
        ------
        KeyError
            When none has it (the message lists the keys there are).
        """
        for item in self:
            if getattr(item, "key", None) == key:
                return item
        keys = [k for k in (getattr(item, "key", None) for item in self) if k is not None]
        raise KeyError(
            f"No widget with key {key!r} here; keys: {keys or 'none'}. "
            "Fix: pass the key= the app gives the widget."
        )

    def __repr__(self) -> str:
        return f"WidgetList({list(self)!r})"
