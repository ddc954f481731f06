"""Every notebook in notebooks/ runs top to bottom headless, then does what it says it does.

Each test runs one notebook in the shared, reset kernel as nbclient and Voila would (no
cell ids, so apps go by their ``%%app`` name), interacts with its app like a reader
following the notebook's instructions, and asserts the effect the notebook describes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import nbformat
import pytest

from jupyter_fragments.testing import AppHandle, CellResult, KernelSession

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"
BLACK_CATS = "🐈\u200d⬛ 🐈\u200d⬛"
ORANGE_CATS = "🐈 🐈"


def code_cells(name: str) -> list[str]:
    notebook = nbformat.read(NOTEBOOKS / f"{name}.ipynb", as_version=4)  # type: ignore[no-untyped-call]
    return [str(cell.source) for cell in notebook.cells if cell.cell_type == "code"]


def run(session: KernelSession, name: str) -> list[CellResult]:
    return session.run_notebook(NOTEBOOKS / f"{name}.ipynb", use_cell_ids=False, timeout=60)


def state(session: KernelSession, key: str) -> Any:
    return session.eval(f"__import__('jupyter_fragments').session_state[{key!r}]")


def runs_besides(app: AppHandle, *scopes: str) -> dict[str, int]:
    return {name: n for name, n in app.scope_runs().items() if name not in scopes}


def test_quickstart(app_session: KernelSession) -> None:
    run(app_session, "quickstart")
    app = app_session.app("quickstart")
    assert "Coffee chain dashboard" in app.text and not app.exceptions
    trend, top, log = (app.fragment(n) for n in ("trend", "top_products", "sales_log"))

    app.radio("Measure").select("orders")
    app.slider("Top products").set_value(3)
    assert "y=orders; 90 data points" in trend.text
    assert "3 data points" in top.text
    assert (app.runs, trend.runs, top.runs) == (1, 2, 2)

    # The form holds its changes back until "Add sale", then reruns only its fragment.
    app.selectbox("Product").select("Mocha")
    app.number_input("Quantity").set_value(4)
    assert log.runs == 1
    app.button("Add sale").click()
    assert "Added 4 \u00d7 Mocha" in log.text
    assert (app.runs, log.runs) == (1, 2)
    assert state(app_session, "log") == [{"product": "Mocha", "quantity": 4, "note": ""}]

    live = app.fragment("live_orders")
    assert app.timers == 1
    app_session.wait_until(lambda: live.runs >= 2, timeout=10, what="the live panel to tick")
    assert app.runs == 1

    revenue = app.text.split("Revenue")[1].splitlines()[1]
    app.selectbox("Region").select("North")  # sidebar: the whole app reruns
    assert app.runs == 2
    assert app.text.split("Revenue")[1].splitlines()[1] != revenue


def test_filter_one_chart(app_session: KernelSession) -> None:
    run(app_session, "filter-one-chart")
    app = app_session.app("weather")
    detail = app.fragment("daily_detail")

    app.selectbox("City").select("Cairo")
    app.slider("Month").set_value(7)

    assert "Cairo, month 7" in detail.text and "31 data points" in detail.text
    assert (app.runs, detail.runs) == (1, 3)
    assert state(app_session, "drawn") == {
        "temperature chart": 1,
        "rain chart": 1,
        "daily chart": 3,
    }
    assert "rain chart: drawn 1 time(s)" in app.text


def test_dynamic_form(app_session: KernelSession) -> None:
    run(app_session, "dynamic-form")
    app = app_session.app("team")
    form = app.fragment("new_member")
    add = app.button("Add member")
    assert add.state["disabled"] and "6 members" in app.text

    app.text_input("Name").type("Margaret")
    app.radio("Role").select("Engineer")
    assert "Languages" in [w.label for w in form.widgets]  # the form grew a question
    assert "Still missing: details" in form.text
    app.multiselect("Languages").select(["Python", "Rust"])
    assert not add.state["disabled"]
    assert app.runs == 1 and "loaded 1 time(s)" in app.text  # nothing else reran yet

    add.click()
    assert app.runs == 2
    assert "7 members" in app.text and "loaded 2 time(s)" in app.text
    assert "Margaret | Engineer | Python, Rust | 2024" in app.text.splitlines()  # a new row


def test_start_stop_streaming(app_session: KernelSession) -> None:
    run(app_session, "start-stop-streaming")
    app = app_session.app("feed")
    feed = app.fragment("show_latest_data")
    assert app.timers == 0 and "paused" in feed.text

    app.slider("Check for updates every: (seconds)").set_value(0.5)
    app.button("Start streaming").click()
    assert app.timers == 1 and app.button("Start streaming").state["disabled"]
    app_runs, feed_runs = app.runs, feed.runs
    app_session.wait_until(lambda: feed.runs >= feed_runs + 3, timeout=10, what="3 ticks")
    assert app.runs == app_runs  # ticks rerun only the fragment
    assert "streaming" in feed.text

    app.button("Stop streaming").click()
    assert app.timers == 0
    stopped = feed.runs
    app_session.wait(1.2)
    assert feed.runs == stopped


def test_multiple_containers(app_session: KernelSession) -> None:
    run(app_session, "multiple-containers")
    app = app_session.app("cats")
    assert (app.text.count(BLACK_CATS), app.text.count(ORANGE_CATS)) == (3, 3)

    app.button("Herd the black cats").click()
    app.button("Herd the black cats").click()
    app.button("Herd the orange cats").click()
    # Outside containers accumulate; st.empty() placeholders are replaced.
    assert (app.text.count(BLACK_CATS), app.text.count(ORANGE_CATS)) == (9, 3)
    assert app.scope_runs() == {"app": 1, "herd_black_cats": 3, "herd_orange_cats": 2}

    app.button("Herd all the cats").click()
    assert app.runs == 2
    assert (app.text.count(BLACK_CATS), app.text.count(ORANGE_CATS)) == (3, 3)


def test_fragment_full_rerun(app_session: KernelSession) -> None:
    run(app_session, "fragment-full-rerun")
    app = app_session.app("sales")
    daily = app.fragment("show_daily_sales")
    day = app.widget(kind="date_input")

    day.set_value({"year": 2023, "month": 0, "date": 15})  # same month
    assert "Best sellers, 01/15/23" in daily.text
    assert (app.runs, daily.runs) == (1, 2)
    assert "Total sales for all products, January 2023" in app.text

    day.set_value({"year": 2023, "month": 1, "date": 3})  # a new month: st.rerun()
    assert app.runs == 2
    assert "Total sales for all products, February 2023" in app.text
    assert "Best sellers, 02/03/23" in app.fragment("show_daily_sales").text
    assert not app.exceptions


def test_live_dashboard_from_later_cells(app_session: KernelSession) -> None:
    cells = code_cells("live-dashboard-from-later-cells")
    app_at = next(i for i, code in enumerate(cells) if code.startswith("%%app sensors"))
    app_session.run_cells(cells[: app_at + 1])
    app = app_session.app("sensors")
    later = iter(cells[app_at + 1 :])
    chart = app.fragment("chart")

    def step() -> dict[str, int]:
        app_session.run_cell(next(later))
        return app.scope_runs()

    assert app.scope_runs() == {"app": 1, "threshold_filter": 1, "chart": 1, "alerts": 1}
    assert step() == {"app": 1, "threshold_filter": 1, "chart": 2, "alerts": 2}  # new data
    assert "72 readings" in chart.text
    assert step() == {"app": 1, "threshold_filter": 1, "chart": 2, "alerts": 2}  # same object
    assert step() == {"app": 1, "threshold_filter": 1, "chart": 3, "alerts": 3}  # last day
    assert "24 readings" in chart.text
    assert step() == {"app": 1, "threshold_filter": 1, "chart": 4, "alerts": 3}  # rerun(scope)
    assert "cellar\n30.0 °C" in chart.text
    assert step() == {"app": 1, "threshold_filter": 2, "chart": 4, "alerts": 4}  # threshold
    assert app.slider("Alert above (°C)").value == 26.0
    assert "above 26.0 °C" in app.fragment("alerts").text
    assert "'chart': 4" in app_session.run_cell(next(later)).value_text
    assert next(later, None) is None

    # The filter's own slider reruns the filter and its watcher, not the chart.
    app.slider("Alert above (°C)").set_value(29.5)
    assert runs_besides(app, "threshold_filter", "alerts") == {"app": 1, "chart": 4}
    assert "above 29.5 °C" in app.fragment("alerts").text


def test_porting_from_streamlit(app_session: KernelSession) -> None:
    run(app_session, "porting-from-streamlit")
    app = app_session.app("awesome")
    assert "My Awesome App" in app.text

    app.toggle("Toggle").set_value(True)
    assert app.scope_runs() == {"app": 1, "toggle_and_text": 2, "filter_and_file": 1}
    app.checkbox("Filter").set_value(True)
    assert app.scope_runs() == {"app": 1, "toggle_and_text": 2, "filter_and_file": 2}
    app.button("Update").click()
    assert app.scope_runs() == {"app": 2, "toggle_and_text": 3, "filter_and_file": 3}

    hello = app_session.app("hello")
    hello.button("Wave").click()
    assert "👋" in hello.text and hello.runs == 2


def test_testing_notebooks(app_session: KernelSession) -> None:
    run(app_session, "testing-notebooks")
    app = app_session.app("greeter")
    app.text_input("Your name").type("Grace")
    assert "Hello, Grace!" in app.text


def test_multipage(app_session: KernelSession) -> None:
    run(app_session, "multipage")
    app = app_session.app("plants")
    assert "Shop" in app.text and "0 plant(s) in the basket." in app.text
    assert [w.label for w in app.widgets if w.kind == "navigation"] == ["🪴 Shop", "🧺 Basket"]

    app.button("Add Fern (12 €)").click()
    app.button("Add Orchid (25 €)").click()
    app.widget("🧺 Basket", kind="navigation").click()  # the menu
    assert "Fern, Orchid" in app.text and "Total: 37 €" in app.text
    assert "query params: {}" in app.text

    app.button("Check out").click()  # st.switch_page to a page not in the menu
    assert "Thank you!" in app.text and state(app_session, "basket") == []
    app.widget("🪴 Back to the shop", kind="page_link").click()
    app.widget("🧺 See the basket", kind="page_link").click()  # a link with query params
    assert "The basket is empty." in app.text and "query params: {'from': 'shop'}" in app.text
    assert app.exceptions == []


def _ask(session: KernelSession, app: AppHandle, question: str) -> None:
    """Type ``question`` into the chat box and press Enter, as a browser sends it."""
    box = app.widget(kind="chat_input")
    (text,) = [c for c in box.model.refs("children") if session.mirror[c].kind == "Text"]
    sent = [session.send_custom(text, {"event": "submit"})]
    sent.append(session.send_update(text, {"value": question}))
    session.wait_idle(sent)


def test_chat_app(app_session: KernelSession) -> None:
    run(app_session, "chat-app")
    app = app_session.app("chat")
    assert "Hello! Ask me about fragments" in app.text and not app.exceptions

    _ask(app_session, app, "What does a fragment do?")
    assert "What does a fragment do?\nassistant\n(answer 1) A fragment reruns" in app.text
    app.slider("Tokens per second").set_value(200)  # another rerun: no new message
    _ask(app_session, app, "And a stream?")
    assert "(answer 2) st.write_stream writes each chunk" in app.text
    roles = [m["role"] for m in state(app_session, "messages")]
    assert roles == ["assistant", "user", "assistant", "user", "assistant"]
    # the notebook's last cell reads the conversation from session state
    shown = app_session.run_cell(code_cells("chat-app")[-1]).value_text
    assert "('user', 'What does a fragment do?')" in str(shown)

    app.button("Clear the conversation").click()
    assert state(app_session, "messages") == [] and "(answer" not in app.text


def _grid_in(session: KernelSession, app: AppHandle, kind: str) -> str:
    """The grid model inside the app's ``st.dataframe`` or ``st.data_editor`` element."""
    box = app.widget(kind=kind)
    (grid,) = [c for c in box.model.refs("children") if session.mirror[c].kind.endswith("DataGrid")]
    return grid


def test_data_explorer(app_session: KernelSession) -> None:
    run(app_session, "data-explorer")
    app = app_session.app("explorer")
    chart, order = app.fragment("catalogue_chart"), app.fragment("next_order")
    assert "12 of 12 teas match" in app.text and "Select rows in the table" in chart.text

    # Select Assam and Matcha (rows 0 and 5), as the page does on a click and a Ctrl-click.
    catalogue = _grid_in(app_session, app, "dataframe")
    rows = [{"r1": row, "c1": 0, "r2": row, "c2": 3} for row in (0, 5)]
    assert app_session.set_state(catalogue, selections=rows).error is None
    assert "Monthly sales of Assam, Matcha" in chart.text
    assert "<line_chart: x=month, y=units, color=tea; 24 data points>" in chart.text
    assert "Select rows in the table" not in chart.text
    assert app.scope_runs() == {"app": 1, "catalogue_chart": 2, "next_order": 1}
    assert "chart panel: drawn 2 time(s)" in chart.text and "app: drawn 1 time(s)" in app.text

    # Type quantities in the order: 3 packs of Darjeeling (9 €), 2 of Matcha (14 €).
    editor = _grid_in(app_session, app, "data_editor")

    def type_quantity(row: int, packs: int) -> None:
        content = {"event_type": "cell-changed", "region": "body", "row": row,
                   "column_index": 2, "value": packs}  # fmt: skip
        assert app_session.wait_idle(app_session.send_custom(editor, content))[0].error is None

    type_quantity(1, 3)
    type_quantity(5, 2)
    assert "Packs\n5" in order.text and "Order total\n55.00 €" in order.text
    assert "3 \u00d7 Darjeeling" in order.text and "2 \u00d7 Matcha" in order.text
    assert app.scope_runs() == {"app": 1, "catalogue_chart": 2, "next_order": 3}
    assert state(app_session, "order")["edited_rows"] == {1: {"quantity": 3}, 5: {"quantity": 2}}
    type_quantity(1, 80)  # outside 0-50: refused with a message, the totals stay
    assert "above the maximum 50" in order.text and "Order total\n55.00 €" in order.text

    # The notebook's last cell reads both tables' state.
    shown = " ".join(str(app_session.run_cell(code_cells("data-explorer")[-1]).value_text).split())
    assert shown.startswith("([0, 5], {'edited_rows': {1: {'quantity': 3}, 5: {'quantity': 2}}")

    # A sidebar filter reruns everything: the selection keeps its positions, the order resets.
    app.multiselect("Categories").select(["green"])
    assert app.scope_runs() == {"app": 2, "catalogue_chart": 3, "next_order": 4}
    assert "4 of 12 teas match" in app.text and "Monthly sales of Sencha" in chart.text
    assert "Packs\n0" in order.text and not app.exceptions


def _tests_defined_in(name: str) -> dict[str, Any]:
    namespace: dict[str, Any] = {}
    for code in code_cells(name):
        if not code.lstrip().startswith("%"):
            exec(compile(code, f"<{name}>", "exec"), namespace)
    namespace["NOTEBOOK"] = NOTEBOOKS / f"{name}.ipynb"  # wherever pytest runs from
    return {key: value for key, value in namespace.items() if key.startswith("test_")}


TESTING_NOTEBOOK_TESTS = _tests_defined_in("testing-notebooks")


@pytest.mark.parametrize("test_name", sorted(TESTING_NOTEBOOK_TESTS))
def test_the_testing_notebooks_tests_pass(test_name: str, app_session: KernelSession) -> None:
    test = TESTING_NOTEBOOK_TESTS[test_name]
    if test.__code__.co_argcount:
        test(app_session)
    else:
        test()


def test_every_notebook_is_tested_and_ready_to_commit() -> None:
    tested = {
        name.removeprefix("test_").replace("_", "-")
        for name in globals()
        if name.startswith("test_") and not name.startswith("test_every")
    }
    notebooks = {path.stem for path in NOTEBOOKS.glob("*.ipynb")}
    assert notebooks <= tested, f"notebooks without a test: {sorted(notebooks - tested)}"
    for path in NOTEBOOKS.glob("*.ipynb"):
        notebook = nbformat.read(path, as_version=4)  # type: ignore[no-untyped-call]
        assert notebook.metadata["kernelspec"]["name"] == "python3", path.name
        assert "widgets" not in notebook.metadata, f"{path.name}: saved widget state"
        for cell in notebook.cells:
            if cell.cell_type != "code":
                continue
            assert not cell.outputs and cell.execution_count is None, f"{path.name}: outputs"
            first = str(cell.source).split("\n", 1)[0]
            if first.startswith("%%app"):
                assert len(first.split()) >= 2, f"{path.name}: unnamed %%app cell"
