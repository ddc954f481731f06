"""The element functions a container offers as methods: ``col.button(...)``, ``box.write(...)``.

This module sits on top of every element family and hands the table to `Container`
(which lives below them). Elements that are not drawn into a place on the page
(``st.toast``, ``st.balloons``, ``st.spinner``, ``st.dialog``, the sidebar, ...) are not
offered, as in Streamlit.
"""

from __future__ import annotations

from collections.abc import Callable
from types import MappingProxyType
from typing import Any

from jupyter_fragments._elements import (
    button_groups,
    buttons,
    capture,
    charts,
    chat,
    color,
    custom,
    data,
    dates,
    decor,
    diagrams,
    embeds,
    files,
    forms,
    grid,
    grid_layout,
    handles,
    introspect,
    layout,
    maps,
    media,
    navigation,
    selections,
    sliders,
    status,
    text,
    text_inputs,
    toggles,
    write,
)

_OFFERED: tuple[Callable[..., Any], ...] = (
    # text
    text.markdown,
    text.title,
    text.header,
    text.subheader,
    text.caption,
    text.text,
    text.code,
    text.divider,
    text.json,
    text.exception,
    text.latex,
    embeds.html,
    decor.badge,
    decor.space,
    decor.skeleton,
    introspect.help,
    write.write,
    write.write_stream,
    # data, charts, media
    grid.dataframe,
    grid.data_editor,
    data.table,
    data.metric,
    charts.line_chart,
    charts.area_chart,
    charts.bar_chart,
    charts.scatter_chart,
    charts.altair_chart,
    charts.vega_lite_chart,
    charts.plotly_chart,
    charts.pyplot,
    media.image,
    media.audio,
    media.video,
    embeds.pdf,
    embeds.iframe,
    maps.map,
    maps.pydeck_chart,
    diagrams.graphviz_chart,
    diagrams.mermaid_chart,
    diagrams.echarts_chart,
    # inputs
    buttons.button,
    buttons.form_submit_button,
    buttons.download_button,
    buttons.link_button,
    navigation.page_link,
    buttons.menu_button,
    toggles.checkbox,
    toggles.toggle,
    sliders.slider,
    sliders.select_slider,
    text_inputs.text_input,
    text_inputs.text_area,
    text_inputs.number_input,
    selections.selectbox,
    selections.radio,
    selections.multiselect,
    selections.feedback,
    button_groups.pills,
    button_groups.segmented_control,
    button_groups.pagination,
    dates.date_input,
    dates.time_input,
    dates.datetime_input,
    color.color_picker,
    files.file_uploader,
    capture.camera_input,
    capture.audio_input,
    custom.widget,
    chat.chat_input,
    # layout and status
    chat.chat_message,
    layout.container,
    layout.columns,
    layout.tabs,
    layout.expander,
    layout.popover,
    forms.form,
    layout.empty,
    grid_layout.grid,
    status.info,
    status.success,
    status.warning,
    status.error,
    status.progress,
    status.status,
)

#: Element name -> function, for every element a container offers as a method.
CONTAINER_METHODS: MappingProxyType[str, Callable[..., Any]] = MappingProxyType(
    {func.__name__: func for func in _OFFERED}
)

layout.offer_methods(CONTAINER_METHODS)
handles.offer_methods(CONTAINER_METHODS)  # an element's handle replaces it in place
