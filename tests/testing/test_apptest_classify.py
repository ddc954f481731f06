"""How AppTest tells elements apart in what the kernel sends (no kernel needed).

An output the kernel tagged (``metadata["jupyter_fragments"]["element"]``) is taken at
its word, with the tag's fields; an untagged one is recognised by its content.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest

from jupyter_fragments._output.bundles import display_output, markdown_output, text_output
from jupyter_fragments.testing.apptest_classify import element_of, element_type, read_table


class _Root:
    def run(self, *, timeout: float | None = None) -> Any:
        raise AssertionError("not run in these tests")

    def _queue(self, model_id: str, sends: list[Any]) -> None:
        raise AssertionError("nothing queued in these tests")


def _md(source: str, plain: str | None = None) -> dict[str, Any]:
    return markdown_output(source, plain)


@pytest.mark.parametrize(
    ("output", "expected"),
    [
        (_md("# My app", "My app"), "title"),
        (_md("## New topic\n\n---", "New topic"), "header"),
        (_md("### Sub", "Sub"), "subheader"),
        (_md("# Not a title"), "markdown"),
        (_md("a &amp; b"), "markdown"),
        (_md("---", "―" * 20), "divider"),
        (_md("---"), "markdown"),
        (_md("<small>A cool diagram</small>", "A cool diagram"), "caption"),
        (_md("```python\nx = 1\n```", "x = 1"), "code"),
        (_md("```\nx = 1\n```"), "markdown"),
        (
            _md(
                '<div class="jf-callout jf-warning" style="">\n\nTry again.\n\n</div>',
                "⚠️ Try again.",
            ),
            "warning",
        ),
        (text_output("Hello again"), "text"),
        (display_output({"text/latex": "$$\nx\n$$", "text/plain": "x"}), "latex"),
        (display_output({"application/json": [1], "text/plain": "[1]"}), "json"),
        (display_output({"text/html": '<div class="jf-metric">', "text/plain": "a\n1"}), "metric"),
        (display_output({"text/html": "<table></table>", "text/plain": ""}), "dataframe"),
        ({"output_type": "stream", "name": "stdout", "text": "hi\n"}, "stream"),
        ({"output_type": "error", "ename": "E", "evalue": "v", "traceback": []}, "exception"),
    ],
)
def test_untagged_outputs_are_recognised_by_their_content(output, expected):
    assert element_type(output) == expected


@pytest.mark.parametrize(
    "element",
    ["title", "header", "markdown", "caption", "code", "text", "table", "dataframe", "toast"],
)
def test_a_tag_names_the_element(element):
    output = markdown_output("# looks like a title", "looks like a title", element=element)
    assert element_type(output) == element
    assert output["metadata"] == {"jupyter_fragments": {"element": element}}


def test_tag_fields_give_what_the_content_cannot():
    root = _Root()
    tagged = markdown_output(
        '<div class="jf-toast">\n\n🎉 party\n\n</div>',
        "🎉 party",
        element="toast",
        fields={"icon": "", "value": "🎉 party"},
    )
    toast = element_of(root, tagged)
    assert (toast.type, toast.value, toast.icon) == ("toast", "🎉 party", "")
    metric = element_of(
        root,
        display_output(
            {"text/html": "", "text/plain": "7"},
            element="metric",
            fields={"label": "Hidden label", "delta": "+2"},
        ),
    )
    assert (metric.label, metric.value, metric.delta) == ("Hidden label", "7", "+2")


def test_a_tagged_table_carries_its_cells():
    value = {"columns": ["a"], "index": [0, 1], "data": [[0.123456789], [2.0]]}
    output = display_output(
        {"text/html": "<table></table>", "text/plain": ""},
        element="table",
        fields={"value": value},
    )
    table = element_of(_Root(), output)
    assert table.type == "table"
    assert table.value.equals(pd.DataFrame({"a": [0.123456789, 2.0]}))


def test_html_tables_are_read_back_with_typed_columns():
    markup = (
        '<table class="dataframe jf-table"><thead><tr><th></th><th>name</th><th>0</th>'
        "</tr></thead><tbody><tr><th>0</th><td>a &amp; b</td><td>1.5</td></tr>"
        "<tr><th>1</th><td>c</td><td></td></tr></tbody></table>"
    )
    assert read_table(markup) == {
        "columns": ["name", 0],
        "index": [0, 1],
        "data": [["a & b", 1.5], ["c", None]],
    }


def test_exceptions_give_their_message_as_value():
    error = element_of(
        _Root(),
        {
            "output_type": "error",
            "ename": "KeyError",
            "evalue": "'x'",
            "traceback": ["\x1b[31mKeyError\x1b[0m"],
        },
    )
    assert (error.type, error.value, error.ename, error.stack_trace) == (
        "exception",
        "'x'",
        "KeyError",
        ["KeyError"],
    )
