"""Which ``AppTest`` class hands out an input of each of the runtime's kinds, and which
element types are widgets."""

from __future__ import annotations

from .apptest_chat import ChatInput
from .apptest_dates import DateInput, DateTimeInput, TimeInput
from .apptest_groups import ButtonGroup, Feedback, MenuButton, Pagination
from .apptest_widgets import (
    Button,
    Checkbox,
    ColorPicker,
    Multiselect,
    NumberInput,
    PageLink,
    Radio,
    Selectbox,
    SelectSlider,
    Slider,
    TextArea,
    TextInput,
    Toggle,
    Widget,
)

__all__ = ["WIDGET_TYPES", "widget_class"]

_CLASSES: dict[str, type[Widget]] = {
    "button": Button,
    "form_submit_button": Button,
    "download_button": Button,
    "checkbox": Checkbox,
    "toggle": Toggle,
    "color_picker": ColorPicker,
    "text_input": TextInput,
    "text_area": TextArea,
    "number_input": NumberInput,
    "selectbox": Selectbox,
    "radio": Radio,
    "select_slider": SelectSlider,
    "feedback": Feedback,
    "multiselect": Multiselect,
    "slider": Slider,
    "date_input": DateInput,
    "time_input": TimeInput,
    "datetime_input": DateTimeInput,
    "chat_input": ChatInput,
    "pills": ButtonGroup,
    "segmented_control": ButtonGroup,
    "menu_button": MenuButton,
    "pagination": Pagination,
    "page_link": PageLink,
}

#: the element type of the kinds whose Streamlit name is not the function's
_TYPES = {
    "form_submit_button": "button",
    "pills": "button_group",
    "segmented_control": "button_group",
    "datetime_input": "date_time_input",
}

WIDGET_TYPES = frozenset(
    {_TYPES.get(kind, kind) for kind in _CLASSES} | {"file_uploader", "page_link", "widget"}
)
"""Element types that are widgets (``at.<type>`` is a WidgetList, callable with a key)."""


def widget_class(kind: str) -> type[Widget]:
    """The AppTest class for an input of the runtime's ``kind`` (``"slider"``...)."""
    return _CLASSES.get(kind, Widget)
