"""More input kinds: choices (radio, multiselect, select_slider), pickers and any ipywidget.

Each kind maps one ``st`` input to an ipywidget and back, as `kinds.InputKind` says.
Selection widgets sync only indices; the options themselves stay in the kernel.
"""

from __future__ import annotations

import datetime
import io
import re
from collections.abc import Sequence
from typing import Any

import ipywidgets as widgets
import traitlets

from jupyter_fragments._page.pool import ModelPool
from jupyter_fragments._widgets.kinds import ButtonKind, InputKind, Params, SelectboxKind, _index_of


class ChoiceKind(SelectboxKind):
    """One option out of many, drawn by ``widget_cls`` (radio buttons, a selection slider)."""

    widget_cls: type = widgets.RadioButtons
    style_cls: type | None = None
    is_slider = False

    def initial_index(self, params: Params, value: Any) -> Any:
        return _index_of(params["options"], value)

    def create(self, label: str, params: Params, value: Any, pool: ModelPool) -> widgets.DOMWidget:
        traits = self.traits(label, params)
        options = traits.pop("options")
        extra = {"continuous_update": False} if self.is_slider else {}
        return self.widget_cls(
            options=options,
            index=self.initial_index(params, value),
            layout=pool.layout(),
            style=self.style(pool, self.style_cls),
            **extra,
            **traits,
        )


class RadioKind(ChoiceKind):
    name = "radio"

    def traits(self, label: str, params: Params) -> dict[str, Any]:
        traits = super().traits(label, params)
        if params.get("horizontal"):
            traits["_dom_classes"] = (*traits["_dom_classes"], "jf-horizontal")
        return traits


class FeedbackKind(ChoiceKind):
    """``st.feedback``: a row of toggle buttons; the value is the selected index."""

    name = "feedback"
    widget_cls = widgets.ToggleButtons
    style_cls = widgets.ToggleButtonsStyle


class SelectSliderKind(ChoiceKind):
    """``st.select_slider`` with one value: a SelectionSlider (always has a selection)."""

    name = "select_slider"
    widget_cls = widgets.SelectionSlider
    style_cls = widgets.SliderStyle
    is_slider = True

    def coerce(self, params: Params, value: Any) -> Any:
        if _index_of(params["options"], value) is not None:
            return value
        return self.default(params)

    def initial_index(self, params: Params, value: Any) -> Any:
        return _index_of(params["options"], value) or 0


class DateSliderKind(SelectSliderKind):
    """``st.slider`` over dates, times or datetimes: a selection slider of every step."""

    name = "slider"

    def identity(self, params: Params) -> tuple[Any, ...]:
        return ("date", bool(params.get("range")), tuple(params["labels"]))


class SelectRangeKind(SelectSliderKind):
    """``st.select_slider`` with a (low, high) value: a SelectionRangeSlider."""

    widget_cls = widgets.SelectionRangeSlider

    def default(self, params: Params) -> Any:
        return tuple(params["value"])

    def coerce(self, params: Params, value: Any) -> Any:
        options = params["options"]
        if isinstance(value, (tuple, list)) and len(value) == 2:
            found = [_index_of(options, v) for v in value]
            if None not in found:
                low, high = sorted(i for i in found if i is not None)
                return (options[low], options[high])
        return self.default(params)

    def initial_index(self, params: Params, value: Any) -> Any:
        return self._indices(params, value)

    def _indices(self, params: Params, value: Any) -> tuple[int, int]:
        low, high = (_index_of(params["options"], v) or 0 for v in value)
        return (low, high)

    def update(self, widget: widgets.DOMWidget, label: str, params: Params) -> None:
        InputKind.update(self, widget, label, params)

    def read(self, widget: widgets.DOMWidget, params: Params) -> Any:
        options = params["options"]
        low, high = widget.index
        return (options[low], options[high])

    def write(self, widget: widgets.DOMWidget, params: Params, value: Any) -> None:
        wanted = self._indices(params, value)
        if tuple(widget.index) != wanted:
            widget.index = wanted


class DateRangeSliderKind(SelectRangeKind):
    name = "slider"

    def identity(self, params: Params) -> tuple[Any, ...]:
        return ("date", True, tuple(params["labels"]))


class MultiselectKind(InputKind):
    """``st.multiselect``: a list of options, chosen in a SelectMultiple."""

    name = "multiselect"
    value_traits = ("index",)

    def identity(self, params: Params) -> tuple[Any, ...]:
        return (tuple(params["labels"]),)

    def default(self, params: Params) -> Any:
        return list(params["default"])

    def coerce(self, params: Params, value: Any) -> Any:
        options = params["options"]
        chosen = [v for v in (value or []) if _index_of(options, v) is not None]
        limit = params.get("max_selections")
        return chosen[:limit] if limit else chosen

    def traits(self, label: str, params: Params) -> dict[str, Any]:
        traits = super().traits(label, params)
        traits["options"] = tuple((text, i) for i, text in enumerate(params["labels"]))
        return traits

    def create(self, label: str, params: Params, value: Any, pool: ModelPool) -> widgets.DOMWidget:
        traits = self.traits(label, params)
        options = traits.pop("options")
        return widgets.SelectMultiple(
            options=options,
            index=self._indices(params, value),
            rows=min(max(len(options), 2), 8),
            layout=pool.layout(),
            style=self.style(pool),
            **traits,
        )

    def _indices(self, params: Params, value: Any) -> tuple[int, ...]:
        found = (_index_of(params["options"], v) for v in value)
        return tuple(i for i in found if i is not None)

    def read(self, widget: widgets.DOMWidget, params: Params) -> Any:
        options = params["options"]
        return [options[i] for i in widget.index if i < len(options)]

    def write(self, widget: widgets.DOMWidget, params: Params, value: Any) -> None:
        wanted = self._indices(params, value)
        if tuple(widget.index) != wanted:
            widget.index = wanted


def to_date(value: Any) -> datetime.date | None:
    """A date from a date, a datetime or an ISO string (None stays None)."""
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str):
        return datetime.date.fromisoformat(value.strip()[:10])
    raise TypeError(f"{value!r} is not a date")


class DateKind(InputKind):
    """``st.date_input`` with one date: a DatePicker bounded by min and max."""

    name = "date_input"

    def default(self, params: Params) -> Any:
        return params["value"]

    def coerce(self, params: Params, value: Any) -> Any:
        try:
            day = to_date(value)
        except (TypeError, ValueError):
            return params["value"]
        if day is None:
            return None
        return min(max(day, params["min_value"]), params["max_value"])

    def traits(self, label: str, params: Params) -> dict[str, Any]:
        traits = super().traits(label, params)
        traits.update(min=params["min_value"], max=params["max_value"])
        return traits

    def create(self, label: str, params: Params, value: Any, pool: ModelPool) -> widgets.DOMWidget:
        return widgets.DatePicker(
            value=value, layout=pool.layout(), style=self.style(pool), **self.traits(label, params)
        )


class DateRange(widgets.HBox):  # type: ignore[misc]
    """Two DatePickers whose ``value`` (kernel-side only) is the chosen (start, end)."""

    value = traitlets.Tuple()

    def __init__(self, start: widgets.DatePicker, end: widgets.DatePicker, **kwargs: Any) -> None:
        super().__init__(children=(start, end), **kwargs)
        self.start, self.end = start, end
        self.value = self._read()
        start.observe(self._changed, names="value")
        end.observe(self._changed, names="value")

    def _read(self) -> tuple[Any, ...]:
        return tuple(d for d in (self.start.value, self.end.value) if d is not None)

    def _changed(self, change: Any) -> None:
        self.value = self._read()

    def close(self) -> None:
        for picker in (self.start, self.end):
            picker.close()
        super().close()


class DateRangeKind(DateKind):
    """``st.date_input`` with a tuple value: a start and an end picker."""

    def identity(self, params: Params) -> tuple[Any, ...]:
        return ("range",)

    def coerce(self, params: Params, value: Any) -> Any:
        if not isinstance(value, (tuple, list)) or len(value) > 2:
            return params["value"]
        days = [DateKind.coerce(self, params, v) for v in value]
        days = sorted(d for d in days if d is not None)
        return tuple(days)

    def create(self, label: str, params: Params, value: Any, pool: ModelPool) -> widgets.DOMWidget:
        traits = self.traits(label, params)
        shared = {"style": self.style(pool), "layout": pool.layout()}
        start = widgets.DatePicker(value=value[0] if value else None, **shared, **traits)
        traits["description"] = "to"
        end = widgets.DatePicker(value=value[1] if len(value) > 1 else None, **shared, **traits)
        return DateRange(start, end, layout=pool.layout(), _dom_classes=("jf-date-range",))

    def update(self, widget: widgets.DOMWidget, label: str, params: Params) -> None:
        traits = self.traits(label, params)
        InputKind.update(self, widget.start, label, params)
        traits["description"] = "to"
        for name, wanted in traits.items():
            if getattr(widget.end, name) != wanted:
                setattr(widget.end, name, wanted)

    def read(self, widget: widgets.DOMWidget, params: Params) -> Any:
        return tuple(widget.value)

    def write(self, widget: widgets.DOMWidget, params: Params, value: Any) -> None:
        start, end = (*value, None, None)[:2]
        with widget.hold_trait_notifications():
            if widget.start.value != start:
                widget.start.value = start
            if widget.end.value != end:
                widget.end.value = end


class TimeKind(InputKind):
    """``st.time_input``: a TimePicker stepping by ``step`` seconds."""

    name = "time_input"

    def coerce(self, params: Params, value: Any) -> Any:
        if value is None or isinstance(value, datetime.time):
            return value
        if isinstance(value, datetime.datetime):
            return value.time()
        if isinstance(value, str):
            return datetime.time.fromisoformat(value.strip())
        return params["value"]

    def traits(self, label: str, params: Params) -> dict[str, Any]:
        traits = super().traits(label, params)
        traits["step"] = float(params["step"])
        return traits

    def create(self, label: str, params: Params, value: Any, pool: ModelPool) -> widgets.DOMWidget:
        return widgets.TimePicker(
            value=value, layout=pool.layout(), style=self.style(pool), **self.traits(label, params)
        )


HEX_COLOR = re.compile(r"^#(?:[0-9a-fA-F]{3}){1,2}$")


class ColorKind(InputKind):
    """``st.color_picker``: a hex color string."""

    name = "color_picker"

    def coerce(self, params: Params, value: Any) -> Any:
        if isinstance(value, str) and HEX_COLOR.match(value):
            return value.lower()
        return params["value"]

    def create(self, label: str, params: Params, value: Any, pool: ModelPool) -> widgets.DOMWidget:
        return widgets.ColorPicker(
            value=value,
            concise=False,
            layout=pool.layout(),
            style=self.style(pool),
            **self.traits(label, params),
        )


class UploadedFile(io.BytesIO):
    """A file a user uploaded: a BytesIO with ``name``, ``type``, ``size`` and ``file_id``."""

    def __init__(self, name: str, type: str, data: bytes, file_id: str = "") -> None:
        super().__init__(data)
        self.name = name
        self.type = type
        self.size = len(data)
        self.file_id = file_id or f"{name}:{len(data)}"

    def fresh(self) -> UploadedFile:
        """A new object over the same bytes, positioned at the start (one per run)."""
        return UploadedFile(self.name, self.type, self.getvalue(), self.file_id)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, UploadedFile) and (self.file_id, self.getvalue()) == (
            other.file_id,
            other.getvalue(),
        )

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"UploadedFile(name={self.name!r}, type={self.type!r}, size={self.size})"


def _content_bytes(content: Any) -> bytes:
    if isinstance(content, str):
        return content.encode()
    if isinstance(content, (list, tuple)):
        return bytes(content)
    return bytes(content)


def _matches(name: str, accept: Sequence[str]) -> bool:
    return not accept or any(name.lower().endswith(ext) for ext in accept)


class FileUploadKind(InputKind):
    """``st.file_uploader``: an ipywidgets FileUpload; the value is UploadedFile(s)."""

    name = "file_uploader"

    def identity(self, params: Params) -> tuple[Any, ...]:
        return (bool(params["multiple"]), tuple(params["accept"]))

    def default(self, params: Params) -> Any:
        return [] if params["multiple"] else None

    def coerce(self, params: Params, value: Any) -> Any:
        files = value if isinstance(value, list) else [] if value is None else [value]
        files = [f.fresh() for f in files if isinstance(f, UploadedFile)]
        if params["multiple"]:
            return files
        return files[-1] if files else None

    def traits(self, label: str, params: Params) -> dict[str, Any]:
        traits = super().traits(label, params)
        traits["accept"] = ",".join(params["accept"])
        traits["multiple"] = bool(params["multiple"])
        return traits

    def create(self, label: str, params: Params, value: Any, pool: ModelPool) -> widgets.DOMWidget:
        return widgets.FileUpload(
            layout=pool.layout(),
            style=pool.style(widgets.ButtonStyle),
            **self.traits(label, params),
        )

    def read(self, widget: widgets.DOMWidget, params: Params) -> Any:
        files = [
            UploadedFile(
                str(item["name"]), str(item.get("type") or ""), _content_bytes(item["content"])
            )
            for item in widget.value
            if _matches(str(item["name"]), params["accept"])
        ]
        return self.coerce(params, files)

    def write(self, widget: widgets.DOMWidget, params: Params, value: Any) -> None:
        return None  # the files come from the browser; the kernel cannot set them


class DownloadButtonKind(ButtonKind):
    name = "download_button"


class AnyWidgetKind(InputKind):
    """``st.widget``: a given ipywidget, kept by identity; its synced traits rerun the app.

    The instance is passed in ``params["widget"]``; the value is the instance itself.
    Subclasses made by `any_widget_kind` set ``value_traits`` per widget class.
    """

    name = "widget"

    def identity(self, params: Params) -> tuple[Any, ...]:
        cls = type(params["widget"])
        return (f"{cls.__module__}.{cls.__qualname__}",)

    def default(self, params: Params) -> Any:
        return params["widget"]

    def create(self, label: str, params: Params, value: Any, pool: ModelPool) -> widgets.DOMWidget:
        return params["widget"]

    def update(self, widget: widgets.DOMWidget, label: str, params: Params) -> None:
        return None  # the user owns the widget's traits

    def coerce(self, params: Params, value: Any) -> Any:
        return value

    def read(self, widget: widgets.DOMWidget, params: Params) -> Any:
        return widget

    def write(self, widget: widgets.DOMWidget, params: Params, value: Any) -> None:
        return None


_IGNORED_TRAITS = {
    "layout",
    "style",
    "description",
    "description_allow_html",
    "tooltip",
    "disabled",
    "tabbable",
    "_dom_classes",
    "_view_count",
    "keys",
    "children",
    "comm",
    "log",
}


def observed_traits(widget: widgets.Widget) -> tuple[str, ...]:
    """The synced traits a frontend changes: ``value`` (or ``index``), else all user traits."""
    names = [
        name
        for name in widget.trait_names(sync=True)
        if not name.startswith("_") and name not in _IGNORED_TRAITS
    ]
    for preferred in ("value", "index"):
        if preferred in names:
            return (preferred,)
    return tuple(sorted(names))


def any_widget_kind(widget: widgets.Widget) -> AnyWidgetKind:
    """The kind for ``widget``: an `AnyWidgetKind` observing the traits a user changes."""
    traits = observed_traits(widget)
    cls = type(f"AnyWidgetKind[{','.join(traits)}]", (AnyWidgetKind,), {"value_traits": traits})
    kind: AnyWidgetKind = cls()
    return kind


RADIO = RadioKind()
FEEDBACK = FeedbackKind()
SELECT_SLIDER = SelectSliderKind()
SELECT_RANGE = SelectRangeKind()
DATE_SLIDER = DateSliderKind()
DATE_RANGE_SLIDER = DateRangeSliderKind()
MULTISELECT = MultiselectKind()
DATE_INPUT = DateKind()
DATE_RANGE = DateRangeKind()
TIME_INPUT = TimeKind()
COLOR_PICKER = ColorKind()
FILE_UPLOADER = FileUploadKind()
DOWNLOAD_BUTTON = DownloadButtonKind()
