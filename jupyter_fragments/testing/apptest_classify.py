"""Which ``st`` call drew an output, and with what: a static element for ``AppTest``.

An output tagged by the kernel (``metadata["jupyter_fragments"]["element"]``) says its
type; fields next to the tag (``value``, ``icon``, ``label``, ``delta``...) override
what is read from the content. Untagged outputs are recognised by their content.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from typing import Any

from .apptest_elements import (
    Alert,
    Code,
    Element,
    ExceptionElement,
    Heading,
    Json,
    Markdown,
    Metric,
    Output,
    Runner,
    TableElement,
    Toast,
    UnknownElement,
)
from .results import ErrorInfo

__all__ = ["element_of", "element_type"]

TAG = "jupyter_fragments"
_HEADINGS = {1: "title", 2: "header", 3: "subheader"}
_CALLOUT = re.compile(r'class="jf-callout jf-(success|info|warning|error)"')
_CALLOUT_SYMBOLS = {"success": "✅", "info": "\u2139\ufe0f", "warning": "⚠️", "error": "❌"}
_HEADING = re.compile(r"(#{1,3}) ([^\n]*)(?:\n\n---)?")
_FENCE = re.compile(r"(`{3,})([^\n`]*)\n(.*)\n\1", re.S)
_ICON = re.compile(r":material/\w+:|[^\w\s]{1,4}")
_CHART_MIMES = ("application/vnd.vegalite", "application/vnd.vega", "application/vnd.plotly")


def _text(data: dict[str, Any], mime: str) -> str | None:
    value = data.get(mime)
    if value is None:
        return None
    return "".join(value) if isinstance(value, list) else str(value)


def _tag(output: Output) -> dict[str, Any]:
    metadata = output.get("metadata") or {}
    tag = metadata.get(TAG) if isinstance(metadata, dict) else None
    return dict(tag) if isinstance(tag, dict) else {}


def _markdown_type(source: str, plain: str) -> str:
    callout = _CALLOUT.search(source)
    if callout:
        return callout.group(1)
    if 'class="jf-toast"' in source:
        return "toast"
    if source == "---" and plain != source:
        return "divider"
    if source.startswith("<small>") and source.endswith("</small>") and source != plain:
        return "caption"
    heading = _HEADING.fullmatch(source)
    if heading and source != plain and html.unescape(heading.group(2)) == plain:
        return _HEADINGS[len(heading.group(1))]
    fence = _FENCE.fullmatch(source)
    if fence and fence.group(3) == plain:
        return "code"
    if source.startswith("⏳ "):
        return "spinner"
    marks = set(source.split())
    if marks == {"🎈"}:
        return "balloons"
    if marks == {"❄️"}:
        return "snow"
    return "markdown"


def element_type(output: Output) -> str:
    """Streamlit's name for what drew ``output``: ``"title"``, ``"metric"``, ``"exception"``...

    Examples
    --------
    >>> element_type({"output_type": "display_data", "metadata": {},
    ...     "data": {"text/markdown": "# Hi", "text/plain": "Hi"}})
    'title'
    >>> element_type({"output_type": "display_data", "metadata": {},
    ...     "data": {"text/markdown": "# Hi", "text/plain": "# Hi"}})
    'markdown'
    """
    kind = output.get("output_type")
    if kind == "error":
        return "exception"
    if kind == "stream":
        return "stream"
    tagged = _tag(output).get("element")
    if isinstance(tagged, str):
        return tagged
    data = output.get("data") or {}
    source, plain = _text(data, "text/markdown"), _text(data, "text/plain") or ""
    if source is not None:
        return _markdown_type(source, plain)
    if "text/latex" in data:
        return "latex"
    if "application/json" in data:
        return "json"
    markup = _text(data, "text/html") or ""
    if 'class="jf-metric"' in markup:
        return "metric"
    if 'class="jf-progress"' in markup:
        return "progress"
    if '<a class="jf-page-link"' in markup:
        return "page_link"
    if "<table" in markup:
        return "dataframe"
    if any(mime.startswith(_CHART_MIMES) for mime in data):
        return "vega_lite_chart" if any("vega" in m for m in data) else "plotly_chart"
    if any(mime.startswith("image/") for mime in data):
        return "image"
    if set(data) == {"text/plain"}:
        return "text"
    return "unknown"


def _split_icon(plain: str, default: str | None) -> tuple[str, str]:
    """(icon, body) from a callout's plain text, ``"icon body"`` (``default``: no icon).

    A toast has no default icon: its text starts with an icon only if the first word
    looks like one (an emoji or ``:material/name:``).
    """
    icon, _, body = plain.partition(" ")
    if default is None and not _ICON.fullmatch(icon):
        return "", plain
    return ("" if icon == default else icon), body


def _metric(plain: str) -> tuple[str, str, str]:
    """(label, value, delta) from a metric's plain text: label, value, then ``▲ delta``."""
    lines = plain.split("\n")
    delta = ""
    if len(lines) > 1 and lines[-1][:2] in ("▲ ", "▼ "):
        last = lines.pop()
        delta = ("-" if last[0] == "▼" else "") + last[2:]
    label = lines[0] if len(lines) > 1 else ""
    return label, lines[-1], delta


class _TableReader(HTMLParser):
    """Header, index and cells of the first ``<table>`` in some HTML."""

    def __init__(self) -> None:
        super().__init__()
        self.header: list[str] = []
        self.rows: list[list[str]] = []
        self.index: list[str] = []
        self._cell: list[str] | None = None
        self._row: list[str] | None = None
        self._in_head = False
        self._row_has_index = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "thead":
            self._in_head = True
        elif tag == "tr":
            self._row, self._row_has_index = [], False
        elif tag in ("th", "td"):
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "thead":
            self._in_head = False
        elif tag in ("th", "td") and self._cell is not None and self._row is not None:
            text = "".join(self._cell).strip()
            if self._in_head:
                self.header.append(text)
            elif tag == "th" and not self._row:
                self.index.append(text)
                self._row_has_index = True
            else:
                self._row.append(text)
            self._cell = None
        elif tag == "tr" and self._row is not None and not self._in_head:
            self.rows.append(self._row)
            self._row = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def _typed(cells: list[str]) -> list[Any]:
    """The cells of one column as ints, else floats, else strings (empty cells None)."""
    for cast in (int, float):
        try:
            return [None if c == "" else cast(c) for c in cells]
        except ValueError:
            continue
    return [None if c == "" else c for c in cells]


def _frame(table: dict[str, Any]) -> Any:
    """A pandas DataFrame (pandas is optional: else the same as a dict of columns)."""
    columns, rows, index = table["columns"], table["data"], table.get("index")
    try:
        import pandas as pd
    except ImportError:  # pragma: no cover - pandas ships with the test extra
        return {c: [row[i] for row in rows] for i, c in enumerate(columns)}
    return pd.DataFrame(rows, columns=columns, index=index or None)


def read_table(markup: str) -> dict[str, Any]:
    """``{"columns", "index", "data"}`` of the first HTML table, cells typed per column."""
    reader = _TableReader()
    reader.feed(markup)
    has_index = len(reader.index) == len(reader.rows) and bool(reader.rows)
    header = reader.header[1:] if has_index and len(reader.header) > 1 else reader.header
    width = max((len(r) for r in reader.rows), default=len(header))
    columns_cells = [[row[i] if i < len(row) else "" for row in reader.rows] for i in range(width)]
    columns = [_typed(col) for col in columns_cells]
    labels = [int(h) if h.isdigit() else h for h in header[:width]]
    return {
        "columns": labels,
        "index": _typed(reader.index) if has_index else None,
        "data": [list(row) for row in zip(*columns, strict=False)] if columns else [],
    }


def _static(root: Runner, output: Output, kind: str, tag: dict[str, Any]) -> Element:
    data = output.get("data") or {}
    plain = _text(data, "text/plain") or ""
    source = _text(data, "text/markdown") or ""
    value = tag.get("value")
    if kind in _HEADINGS.values():
        return Heading(root, output, kind, str(value if value is not None else plain))
    if kind == "code":
        fence = _FENCE.fullmatch(source)
        language = str(tag.get("language", fence.group(2) if fence else ""))
        return Code(root, output, str(value if value is not None else plain), language)
    if kind in _CALLOUT_SYMBOLS or kind == "toast":
        icon, body = _split_icon(plain, _CALLOUT_SYMBOLS.get(kind))
        cls = Toast if kind == "toast" else Alert
        icon = str(tag.get("icon", icon))
        return cls(root, output, kind, str(value if value is not None else body), icon)
    if kind == "json":
        payload = data.get("application/json", plain)
        expanded = (output.get("metadata") or {}).get("application/json", {}).get("expanded")
        return Json(root, output, value if value is not None else payload, expanded is not False)
    if kind == "metric":
        label, shown, delta = _metric(plain)
        return Metric(
            root,
            output,
            str(tag.get("label", label)),
            str(value if value is not None else shown),
            str(tag.get("delta", delta)),
        )
    if kind in ("dataframe", "table"):
        table = value if isinstance(value, dict) else read_table(_text(data, "text/html") or "")
        return TableElement(root, output, kind, _frame(table))
    if kind == "divider":
        return Markdown(root, output, kind, str(value if value is not None else "---"))
    if kind == "page_link":  # a link to a URL (links to pages are buttons)
        return UnknownElement(root, output, kind, str(value if value is not None else plain))
    if kind in ("markdown", "caption", "latex", "text"):
        return Markdown(root, output, kind, str(value if value is not None else plain))
    return UnknownElement(root, output, kind, value)


def element_of(root: Runner, output: Output) -> Element:
    """The element for one output of an element's ``Output`` widget.

    Examples
    --------
    >>> element_of(at, {"output_type": "error", "ename": "ValueError",  # doctest: +SKIP
    ...     "evalue": "bad", "traceback": []}).value
    'bad'
    """
    kind = element_type(output)
    if kind == "exception":
        return ExceptionElement(root, output, ErrorInfo.from_content(output))
    if kind == "stream":
        return UnknownElement(root, output, "stream")
    return _static(root, output, kind, _tag(output))
