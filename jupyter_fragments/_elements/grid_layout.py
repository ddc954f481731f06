"""``st.grid`` (Streamlit 1.67): a responsive grid whose direct children are its cells.

The grid is a CSS grid box: every element drawn into it is one cell and reflows with the
width of the cell output; ``grid.cell()`` groups several elements into one cell and may
span columns or rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import ipywidgets as widgets

from jupyter_fragments._elements._core import add_layout, require_context
from jupyter_fragments._elements.layout import Container
from jupyter_fragments._page.blocks import Block
from jupyter_fragments.errors import FragmentsAPIError

_GAP_SIZES = {
    "xxsmall": "0.25rem",
    "xsmall": "0.5rem",
    "small": "1rem",
    "medium": "2rem",
    "large": "4rem",
    "xlarge": "6rem",
    "xxlarge": "8rem",
    None: "0",
}
_ALIGN = {"top": "flex-start", "center": "center", "bottom": "flex-end"}
_AUTO_MIN_WIDTH = 200  # pixels: Streamlit's theme-based "auto"
_BORDER = {"border": "1px solid #d0d0d7", "padding": "0.5em"}


def _gap(value: Any) -> str:
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return f"{value}px"
    if value in _GAP_SIZES:
        return _GAP_SIZES[value]
    raise FragmentsAPIError(
        f"st.grid(gap={value!r}) is not a gap. Fix: use one of "
        f"{', '.join(repr(k) for k in _GAP_SIZES if k)}, None, or a number of pixels."
    )


def _gaps(gap: Any) -> tuple[str, str]:
    if isinstance(gap, (tuple, list)):
        if len(gap) != 2:
            raise FragmentsAPIError(
                f"st.grid(gap={gap!r}) needs one gap or two (row_gap, column_gap). "
                "Fix: e.g. gap=('small', 'large')."
            )
        return _gap(gap[0]), _gap(gap[1])
    return _gap(gap), _gap(gap)


def _template(columns: Any, min_width: Any, wrap: bool) -> str:
    if columns == "auto":
        if not wrap:
            raise FragmentsAPIError(
                "st.grid(columns='auto', wrap=False) has no column count to keep. "
                "Fix: pass a number of columns, e.g. st.grid(3, wrap=False)."
            )
        minimum = _AUTO_MIN_WIDTH if min_width == "auto" else min_width
        return f"repeat(auto-fill, minmax(min({minimum}px, 100%), 1fr))"
    if not isinstance(columns, int) or isinstance(columns, bool) or not 1 <= columns <= 24:
        raise FragmentsAPIError(
            f"st.grid(columns={columns!r}) is not a column count. "
            "Fix: pass 'auto' or an integer from 1 to 24."
        )
    if min_width == "auto" and wrap:
        min_width = _AUTO_MIN_WIDTH
    if not wrap:
        return f"repeat({columns}, minmax({min_width if min_width != 'auto' else 0}px, 1fr))"
    return f"repeat(auto-fill, minmax(max({min_width}px, calc(100% / {columns})), 1fr))"


class GridContainer(Container):
    """What ``st.grid`` returns: use ``with`` or methods; ``cell()`` groups elements."""

    def __init__(self, block: Block, columns: Any, border: bool) -> None:
        super().__init__(block)
        self._columns = columns
        self._border = border
        self._cells = 0

    def cell(self, *, column_span: int | str = 1, row_span: int = 1) -> Container:
        """The next cell of the grid, grouping what is drawn into it; it may span tracks.

        Examples
        --------
        >>> grid = st.grid(3)
        >>> with grid.cell(column_span=2):
        ...     st.metric("Revenue", "$1.2M")
        ...     st.caption("this quarter")
        """
        if column_span == "all":
            column = "1 / -1"
        elif isinstance(column_span, int) and not isinstance(column_span, bool) and column_span > 0:
            if isinstance(self._columns, int) and column_span > self._columns:
                raise FragmentsAPIError(
                    f"grid.cell(column_span={column_span}) is wider than the grid's "
                    f"{self._columns} columns. Fix: span at most {self._columns}, or 'all'."
                )
            column = f"span {column_span}"
        else:
            raise FragmentsAPIError(
                f"grid.cell(column_span={column_span!r}) is not a span. "
                "Fix: pass a positive int or 'all'."
            )
        if not isinstance(row_span, int) or isinstance(row_span, bool) or row_span < 1:
            raise FragmentsAPIError(
                f"grid.cell(row_span={row_span!r}) is not a span. Fix: pass a positive int."
            )
        attrs: dict[str, Any] = {"grid_column": column, "grid_row": f"span {row_span}"}
        if self._border:
            attrs.update(_BORDER)

        def make() -> tuple[widgets.Widget, list[Block]]:
            ctx = require_context("grid.cell()")
            box = widgets.VBox(layout=widgets.Layout(**attrs), _dom_classes=("jf-grid-cell",))
            return box, [Block(ctx.app.page, box, ctx.scope)]

        with self:
            element = add_layout("grid-cell", (column, row_span, self._border), make, "cell()")
        return Container(element.blocks[0])


def grid(
    columns: int | str = "auto",
    *,
    min_column_width: int | str = "auto",
    wrap: bool = True,
    gap: str | int | Sequence[Any] | None = "small",
    vertical_alignment: str = "top",
    border: bool = False,
    row_height: int | str = "content",
    width: int | str = "stretch",
    height: int | str = "content",
    key: Any = None,
    dense: bool = False,
) -> GridContainer:
    """Insert a responsive grid: every element drawn into it is one cell.

    Direct children become cells and reflow with the available width (about 200 px per
    column unless ``min_column_width`` says otherwise); ``grid.cell()`` groups several
    elements into one cell and can span columns or rows. ``border`` draws a border
    around the cells made with ``cell()``.

    Examples
    --------
    >>> grid = st.grid(3)
    >>> for name, value in [("Users", 120), ("Sales", 42), ("Errors", 0)]:
    ...     grid.metric(name, value)
    """
    template = _template(columns, min_column_width, wrap)
    row_gap, column_gap = _gaps(gap)
    align = _ALIGN.get(vertical_alignment)
    if align is None:
        raise FragmentsAPIError(
            f"st.grid(vertical_alignment={vertical_alignment!r}) is not supported. "
            "Fix: use 'top', 'center' or 'bottom'."
        )
    if row_height == "content":
        rows = "auto"
    elif isinstance(row_height, int) and not isinstance(row_height, bool) and row_height > 0:
        rows = f"{row_height}px"
    else:
        raise FragmentsAPIError(
            f"st.grid(row_height={row_height!r}) is not a height. "
            "Fix: pass 'content' or a positive number of pixels."
        )
    attrs: dict[str, Any] = {
        "grid_template_columns": template,
        "grid_auto_rows": rows,
        "grid_gap": f"{row_gap} {column_gap}",
        "align_items": align,
        "width": f"{width}px" if isinstance(width, int) and not isinstance(width, bool) else "100%",
    }
    if not wrap:
        attrs["overflow"] = "auto"
    if isinstance(height, int) and not isinstance(height, bool):
        attrs.update(height=f"{height}px", overflow="auto")
    if dense:
        attrs["grid_auto_flow"] = "row dense"
    signature = (*sorted((k, str(v)) for k, v in attrs.items()), border)

    def make() -> tuple[widgets.Widget, list[Block]]:
        ctx = require_context("st.grid()")
        box = widgets.GridBox(layout=widgets.Layout(**attrs), _dom_classes=("jf-grid",))
        return box, [Block(ctx.app.page, box, ctx.scope)]

    element = add_layout("grid", signature, make, "st.grid()")
    return GridContainer(element.blocks[0], columns, border)
