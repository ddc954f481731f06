"""The mirror and the text renderer on hand-written messages (no kernel)."""

from __future__ import annotations

from typing import Any

import pytest

from jupyter_fragments.testing import WidgetMirror, render_text
from jupyter_fragments.testing.render import html_to_text, shown_errors


def comm_open(model_id: str, state: dict[str, Any], **data: Any) -> dict[str, Any]:
    content = {"comm_id": model_id, "target_name": "jupyter.widget", "data": {"state": state}}
    content["data"].update(data)
    return {"msg_type": "comm_open", "content": content, "buffers": []}


def comm_msg(model_id: str, method: str, state: dict[str, Any]) -> dict[str, Any]:
    data = {"method": method, "state": state, "buffer_paths": []}
    return {"msg_type": "comm_msg", "content": {"comm_id": model_id, "data": data}}


def stream(text: str) -> dict[str, Any]:
    return {"output_type": "stream", "name": "stdout", "text": text}


def view(model_id: str) -> dict[str, Any]:
    mime = "application/vnd.jupyter.widget-view+json"
    return {"output_type": "display_data", "data": {mime: {"model_id": model_id}}}


def build(**models: dict[str, Any]) -> WidgetMirror:
    mirror = WidgetMirror()
    for model_id, state in models.items():
        mirror.apply(comm_open(model_id, state))
    return mirror


def test_comm_lifecycle_updates_state_and_counters() -> None:
    mirror = build(s={"_model_name": "IntSliderModel", "value": 1, "description": "n"})
    assert mirror.apply(comm_msg("s", "update", {"value": 2}))
    assert mirror.apply(comm_msg("s", "echo_update", {"value": 3}))
    assert mirror.apply({"msg_type": "comm_close", "content": {"comm_id": "s"}})
    assert mirror["s"].state["value"] == 3 and mirror["s"].closed
    assert (mirror.opens, mirror.updates, mirror.echo_updates, mirror.closes) == (1, 1, 1, 1)
    mirror.forget_closed()
    assert "s" not in mirror


def test_other_comm_targets_and_unknown_models_are_ignored() -> None:
    mirror = WidgetMirror()
    other = {"comm_id": "c", "target_name": "jupyter_fragments.control", "data": {}}
    assert not mirror.apply({"msg_type": "comm_open", "content": other})
    assert not mirror.apply(comm_msg("nope", "update", {"value": 1}))
    assert len(mirror) == 0


def test_binary_buffers_land_at_their_paths() -> None:
    mirror = WidgetMirror()
    state = {"_model_name": "ImageModel", "value": None, "extra": {"data": None}}
    msg = comm_open("i", state, buffer_paths=[["value"], ["extra", "data"]])
    msg["buffers"] = [memoryview(b"png"), b"raw"]
    mirror.apply(msg)
    assert mirror["i"].state["value"] == b"png"
    assert mirror["i"].state["extra"]["data"] == b"raw"


def test_output_renders_streams_markdown_plain_and_nested_views() -> None:
    mirror = build(
        out={
            "_model_name": "OutputModel",
            "outputs": [
                stream("a"),
                stream("b\n"),
                {
                    "output_type": "display_data",
                    "data": {"text/markdown": "# T", "text/plain": "x"},
                },
                {"output_type": "execute_result", "data": {"text/plain": "42"}},
                view("box"),
            ],
        },
        box={"_model_name": "VBoxModel", "children": ["IPY_MODEL_cb", "IPY_MODEL_gone"]},
        cb={"_model_name": "CheckboxModel", "value": True, "description": "ok"},
        gone={"_model_name": "LabelModel", "value": "hidden"},
    )
    mirror.apply({"msg_type": "comm_close", "content": {"comm_id": "gone"}})
    assert render_text(mirror, "out") == "ab\n# T\n42\nok: True"


@pytest.mark.parametrize(
    ("state", "text"),
    [
        ({"_model_name": "DropdownModel", "_options_labels": ["a", "b"], "index": 1}, "c: b"),
        (
            {"_model_name": "SelectMultipleModel", "_options_labels": ["a", "b"], "index": [0, 1]},
            "c: a, b",
        ),
        ({"_model_name": "FloatSliderModel", "value": 0.5, "readout_format": ".2f"}, "c: 0.50"),
        (
            {"_model_name": "IntRangeSliderModel", "value": [1, 4], "readout_format": "d"},
            "c: 1 \u2013 4",
        ),
        ({"_model_name": "PasswordModel", "value": "abc"}, "c: \u2022\u2022\u2022"),
        (
            {"_model_name": "DatePickerModel", "value": {"year": 2024, "month": 0, "date": 31}},
            "c: 2024-01-31",
        ),
        ({"_model_name": "ButtonModel"}, "c"),
        ({"_model_name": "HTMLModel", "value": "<b>bold</b> &amp; <i>it</i>"}, "c: bold & it"),
    ],
)
def test_input_widgets_render_label_and_shown_value(state: dict[str, Any], text: str) -> None:
    mirror = build(w={**state, "description": "c"})
    assert render_text(mirror, "w") == text


def test_tabs_render_each_title_then_child() -> None:
    mirror = build(
        tab={
            "_model_name": "TabModel",
            "titles": ["One", "Two"],
            "children": ["IPY_MODEL_l1", "IPY_MODEL_l2"],
        },
        l1={"_model_name": "LabelModel", "value": "first"},
        l2={"_model_name": "HTMLModel", "value": "<p>second</p>"},
    )
    assert render_text(mirror, "tab") == "One\nfirst\nTwo\nsecond"


def test_errors_render_as_ename_evalue_and_are_collected() -> None:
    error = {
        "output_type": "error",
        "ename": "ValueError",
        "evalue": "bad",
        "traceback": ["\x1b[31mValueError\x1b[0m: bad"],
    }
    mirror = build(
        root={"_model_name": "OutputModel", "outputs": [view("inner")]},
        inner={"_model_name": "OutputModel", "outputs": [stream("before\n"), error]},
    )
    assert render_text(mirror, "root") == "before\nValueError: bad"
    [shown] = shown_errors(mirror, "root")
    assert shown.traceback == ["ValueError: bad"]


def test_seed_from_nbclient_widget_state() -> None:
    mirror = WidgetMirror()
    mirror.seed(
        {"o": {"_model_name": "OutputModel", "outputs": [stream("hi\n")]}},
        {"o": {("x",): {"path": ["x"], "data": "cG5n", "encoding": "base64"}}},
    )
    assert render_text(mirror, "o") == "hi"
    assert mirror["o"].state["x"] == b"png"


def test_html_to_text_keeps_block_breaks() -> None:
    assert html_to_text("<div>a</div><div>b<br>c</div>") == "a\nb\nc"


def test_html_to_text_leaves_out_style_sheets_and_scripts() -> None:
    markup = (
        '<STYLE type="text/css">.jf-x { color: red }</STYLE><p>Shown</p>'
        "<script>document.title = 'x'</script><div>too</div><Script src=a.js></sCRIPT>"
    )
    assert html_to_text(markup) == "Shown\ntoo"
    assert html_to_text("<p>kept</p><script>never closed <p>hidden</p>") == "kept"
    # only whole tags named style or script: a <styles> tag is text's container
    assert html_to_text("<styles>x</styles><scripts>y</scripts>") == "xy"


def test_a_markdown_output_with_a_style_sheet_reads_as_its_text() -> None:
    html_out = {
        "output_type": "display_data",
        "data": {"text/markdown": "<style>.a{b:c}</style>\n\n**Hi**", "text/plain": "Hi"},
    }
    mirror = WidgetMirror()
    mirror.seed({"o": {"_model_name": "OutputModel", "outputs": [html_out]}})
    assert render_text(mirror, "o") == "**Hi**"
