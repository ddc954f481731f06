"""The element queries ``AppTest`` and each of its blocks answer: ``at.button``, ``at.title``...

One property per Streamlit ``AppTest`` attribute, each a ``get(type)``; where the
answer is read from is the class using it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .apptest_elements import ElementList, WidgetList

if TYPE_CHECKING:
    from .apptest_chat import ChatInput
    from .apptest_dates import DateInput, DateTimeInput, TimeInput
    from .apptest_elements import (
        Alert,
        Code,
        ExceptionElement,
        Heading,
        Json,
        Markdown,
        Metric,
        TableElement,
        Toast,
    )
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
    )

__all__ = ["ElementQueries"]


class ElementQueries:
    """Streamlit's element attributes, each the elements of one type in page order.

    Examples
    --------
    >>> at.button[0].click().run()  # doctest: +SKIP
    >>> at.button(key="submit").label  # doctest: +SKIP
    'Next'
    >>> at.get("markdown") == at.markdown  # doctest: +SKIP
    True
    """

    def get(self, element_type: str) -> ElementList[Any]:
        """The elements of ``element_type`` (Streamlit's name: ``"markdown"``...)."""
        raise NotImplementedError

    @property
    def button(self) -> WidgetList[Button]:
        """``st.button`` and ``st.form_submit_button`` widgets; ``(key)`` picks one by key."""
        return self.get("button")  # type: ignore[return-value]

    @property
    def checkbox(self) -> WidgetList[Checkbox]:
        """``st.checkbox`` widgets in page order; ``(key)`` picks one."""
        return self.get("checkbox")  # type: ignore[return-value]

    @property
    def color_picker(self) -> WidgetList[ColorPicker]:
        """``st.color_picker`` widgets in page order; ``(key)`` picks one."""
        return self.get("color_picker")  # type: ignore[return-value]

    @property
    def date_input(self) -> WidgetList[DateInput]:
        """``st.date_input`` widgets in page order; ``(key)`` picks one."""
        return self.get("date_input")  # type: ignore[return-value]

    @property
    def datetime_input(self) -> WidgetList[DateTimeInput]:
        """``st.datetime_input`` widgets (of type ``"date_time_input"``); ``(key)`` picks one."""
        return self.get("date_time_input")  # type: ignore[return-value]

    @property
    def button_group(self) -> WidgetList[ButtonGroup]:
        """``st.pills`` and ``st.segmented_control`` widgets in page order; ``(key)`` picks one."""
        return self.get("button_group")  # type: ignore[return-value]

    @property
    def pills(self) -> WidgetList[ButtonGroup]:
        """The ``st.pills`` among ``button_group``; ``(key)`` picks one."""
        return WidgetList([w for w in self.button_group if w.style == "pills"])

    @property
    def segmented_control(self) -> WidgetList[ButtonGroup]:
        """The ``st.segmented_control`` among ``button_group``; ``(key)`` picks one."""
        return WidgetList([w for w in self.button_group if w.style == "segmented_control"])

    @property
    def feedback(self) -> WidgetList[Feedback]:
        """``st.feedback`` widgets in page order; ``(key)`` picks one."""
        return self.get("feedback")  # type: ignore[return-value]

    @property
    def menu_button(self) -> WidgetList[MenuButton]:
        """``st.menu_button`` widgets in page order; ``(key)`` picks one."""
        return self.get("menu_button")  # type: ignore[return-value]

    @property
    def pagination(self) -> WidgetList[Pagination]:
        """``st.pagination`` widgets in page order; ``(key)`` picks one."""
        return self.get("pagination")  # type: ignore[return-value]

    @property
    def page_link(self) -> ElementList[PageLink]:
        """``st.page_link`` links, in page order (``value``: the label)."""
        return self.get("page_link")

    @property
    def multiselect(self) -> WidgetList[Multiselect]:
        """``st.multiselect`` widgets in page order; ``(key)`` picks one."""
        return self.get("multiselect")  # type: ignore[return-value]

    @property
    def number_input(self) -> WidgetList[NumberInput]:
        """``st.number_input`` widgets in page order; ``(key)`` picks one."""
        return self.get("number_input")  # type: ignore[return-value]

    @property
    def radio(self) -> WidgetList[Radio]:
        """``st.radio`` widgets in page order; ``(key)`` picks one."""
        return self.get("radio")  # type: ignore[return-value]

    @property
    def select_slider(self) -> WidgetList[SelectSlider]:
        """``st.select_slider`` widgets in page order; ``(key)`` picks one."""
        return self.get("select_slider")  # type: ignore[return-value]

    @property
    def selectbox(self) -> WidgetList[Selectbox]:
        """``st.selectbox`` widgets in page order; ``(key)`` picks one."""
        return self.get("selectbox")  # type: ignore[return-value]

    @property
    def slider(self) -> WidgetList[Slider]:
        """``st.slider`` widgets in page order; ``(key)`` picks one."""
        return self.get("slider")  # type: ignore[return-value]

    @property
    def text_area(self) -> WidgetList[TextArea]:
        """``st.text_area`` widgets in page order; ``(key)`` picks one."""
        return self.get("text_area")  # type: ignore[return-value]

    @property
    def text_input(self) -> WidgetList[TextInput]:
        """``st.text_input`` widgets in page order; ``(key)`` picks one."""
        return self.get("text_input")  # type: ignore[return-value]

    @property
    def time_input(self) -> WidgetList[TimeInput]:
        """``st.time_input`` widgets in page order; ``(key)`` picks one."""
        return self.get("time_input")  # type: ignore[return-value]

    @property
    def toggle(self) -> WidgetList[Toggle]:
        """``st.toggle`` widgets in page order; ``(key)`` picks one."""
        return self.get("toggle")  # type: ignore[return-value]

    @property
    def caption(self) -> ElementList[Markdown]:
        """The ``st.caption`` elements, in page order."""
        return self.get("caption")

    @property
    def code(self) -> ElementList[Code]:
        """The ``st.code`` elements, in page order."""
        return self.get("code")

    @property
    def dataframe(self) -> ElementList[TableElement]:
        """The ``st.dataframe`` elements, in page order."""
        return self.get("dataframe")

    @property
    def divider(self) -> ElementList[Markdown]:
        """The ``st.divider`` elements, in page order."""
        return self.get("divider")

    @property
    def error(self) -> ElementList[Alert]:
        """The ``st.error`` elements, in page order."""
        return self.get("error")

    @property
    def exception(self) -> ElementList[ExceptionElement]:
        """The exceptions shown in place, in page order."""
        return self.get("exception")

    @property
    def header(self) -> ElementList[Heading]:
        """The ``st.header`` elements, in page order."""
        return self.get("header")

    @property
    def info(self) -> ElementList[Alert]:
        """The ``st.info`` elements, in page order."""
        return self.get("info")

    @property
    def json(self) -> ElementList[Json]:
        """The ``st.json`` elements, in page order."""
        return self.get("json")

    @property
    def latex(self) -> ElementList[Markdown]:
        """The ``st.latex`` elements, in page order."""
        return self.get("latex")

    @property
    def markdown(self) -> ElementList[Markdown]:
        """The ``st.markdown`` elements, in page order."""
        return self.get("markdown")

    @property
    def metric(self) -> ElementList[Metric]:
        """The ``st.metric`` elements, in page order."""
        return self.get("metric")

    @property
    def subheader(self) -> ElementList[Heading]:
        """The ``st.subheader`` elements, in page order."""
        return self.get("subheader")

    @property
    def success(self) -> ElementList[Alert]:
        """The ``st.success`` elements, in page order."""
        return self.get("success")

    @property
    def table(self) -> ElementList[TableElement]:
        """The ``st.table`` elements, in page order."""
        return self.get("table")

    @property
    def text(self) -> ElementList[Markdown]:
        """The ``st.text`` elements, in page order."""
        return self.get("text")

    @property
    def title(self) -> ElementList[Heading]:
        """The ``st.title`` elements, in page order."""
        return self.get("title")

    @property
    def toast(self) -> ElementList[Toast]:
        """The ``st.toast`` elements, in page order."""
        return self.get("toast")

    @property
    def warning(self) -> ElementList[Alert]:
        """The ``st.warning`` elements, in page order."""
        return self.get("warning")

    @property
    def columns(self) -> ElementList[Any]:
        """Every column (a ``Column`` block) of every ``st.columns``, in page order."""
        return self.get("column")

    @property
    def tabs(self) -> ElementList[Any]:
        """Every tab (a ``Tab`` block) of every ``st.tabs``, in page order."""
        return self.get("tab")

    @property
    def expander(self) -> ElementList[Any]:
        """Every ``st.expander`` (an ``Expander`` block), in page order."""
        return self.get("expander")

    @property
    def status(self) -> ElementList[Any]:
        """Every ``st.status`` (a ``Status`` block), in page order."""
        return self.get("status")

    @property
    def chat_input(self) -> WidgetList[ChatInput]:
        """``st.chat_input`` widgets; ``set_value(text).run()`` submits the text."""
        return self.get("chat_input")  # type: ignore[return-value]

    @property
    def chat_message(self) -> ElementList[Any]:
        """Every ``st.chat_message`` (a ``ChatMessage`` block), in page order."""
        return self.get("chat_message")
