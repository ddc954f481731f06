"""App, scope and widget handles over a page built by hand in the documented shape.

The kernel gets a stand-in ``jupyter_fragments._snapshot`` describing plain ipywidgets
laid out as docs/architecture.md says the runtime lays out an app, so these tests
pin the harness's side of the snapshot contract on their own kernel.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from jupyter_fragments.testing import HarnessError, KernelSession

FAKE_APP = """\
import json, sys, types
import ipywidgets as w

VIEW = "application/vnd.jupyter.widget-view+json"

def holding(widget):
    out = w.Output(_dom_classes=("jf-scope",))
    out.outputs = ({"output_type": "display_data", "metadata": {},
                    "data": {VIEW: {"version_major": 2, "version_minor": 0,
                                    "model_id": widget.model_id}, "text/plain": ""}},)
    return out

def element(**output):
    out = w.Output(_dom_classes=("jf-element",))
    out.outputs = (output,)
    return out

runs = {"s1": 1, "s2": 1}
title = element(output_type="display_data", metadata={},
                data={"text/markdown": "# Counter", "text/plain": "<Markdown>"})
n = w.IntSlider(description="n")
first = w.Checkbox(description="dup")
second = w.Checkbox(description="dup", value=True)
refresh = w.Button(description="refresh")
fail = w.Button(description="fail")
status = element(output_type="stream", name="stdout", text="refreshed 1\\n")

def rerun_panel(_):
    runs["s2"] += 1
    status.outputs = ({"output_type": "stream", "name": "stdout",
                       "text": f"refreshed {runs['s2']}\\n"},)

def fail_panel(_):
    runs["s2"] += 1
    status.outputs = ({"output_type": "error", "ename": "RuntimeError", "evalue": "down",
                       "traceback": ["\\x1b[31mRuntimeError\\x1b[0m: down"]},)

refresh.on_click(rerun_panel)
fail.on_click(fail_panel)
panel = holding(w.VBox([refresh, fail, status]))
main = w.VBox([title, n, first, second, panel])
root = holding(w.GridBox([w.VBox(), main]))

def widget(model, kind, label, scope, key=None):
    return {"model_id": model.model_id, "kind": kind, "label": label, "key": key, "scope": scope}

def scope(id, kind, name, out, parent):
    return {"id": id, "kind": kind, "name": name, "model_id": out.model_id,
            "body_model_id": None, "parent": parent, "runs": runs[id],
            "run_every": None, "error": None}

def snapshot_json():
    return json.dumps({"timers": 0, "apps": [{
        "id": "app-1", "name": "demo", "model_id": root.model_id, "timers": 0,
        "strict": False,
        "scopes": [scope("s1", "app", "app", root, None),
                   scope("s2", "fragment", "panel", panel, "s1")],
        "widgets": [widget(n, "slider", "n", "s1"),
                    widget(first, "checkbox", "dup", "s1", key="a"),
                    widget(second, "checkbox", "dup", "s1", key="b"),
                    widget(refresh, "button", "refresh", "s2"),
                    widget(fail, "button", "fail", "s2")]}]})

fake = types.ModuleType("jupyter_fragments._snapshot")
fake.snapshot_json = snapshot_json
sys.modules[fake.__name__] = fake
"""


@pytest.fixture(scope="module")
def session() -> Iterator[KernelSession]:
    with KernelSession.start() as session:
        session.run_cell("import sys\nsys.modules['jupyter_fragments._snapshot'] = None")
        with pytest.raises(HarnessError, match="Fix: install jupyter-fragments"):
            session.snapshot()
        session.run_cell(FAKE_APP)
        yield session


def test_app_text_is_what_a_person_reads(session: KernelSession) -> None:
    app = session.app()
    assert app.name == "demo" and session.app("demo").id == app.id
    assert app.text == "# Counter\nn: 0\ndup: False\ndup: True\nrefresh\nfail\nrefreshed 1"


def test_widgets_by_label_key_and_kind(session: KernelSession) -> None:
    app = session.app()
    slider = app.slider("n")
    assert (slider.label, slider.kind, slider.value) == ("n", "slider", 0)
    assert app.widget("n", kind="IntSlider").model_id == slider.model_id
    assert app.checkbox("dup", key="b").value is True

    slider.set_value(4)

    assert "n: 4" in app.text
    with pytest.raises(
        HarnessError, match=r"(?s)2 widgets with label='dup'.*key='a'.*Fix: pass key="
    ):
        app.widget("dup")
    with pytest.raises(HarnessError, match=r"(?s)No widget with label='m'.*slider 'n'"):
        app.slider("m")


def test_fragment_scope_text_runs_and_exceptions(session: KernelSession) -> None:
    app = session.app()
    panel = app.fragment("panel")
    before = panel.runs

    hit = panel.button("refresh").click()

    assert hit.outputs_updates == 1 and panel.runs == before + 1
    assert panel.text == f"refresh\nfail\nrefreshed {before + 1}"
    assert app.scope_runs() == {"app": 1, "panel": before + 1} and app.runs == 1
    assert app.exceptions == [] and panel.error is None
    with pytest.raises(HarnessError, match="No widget"):
        panel.button("n")

    panel.button("fail").click()

    [shown] = app.exceptions
    assert str(shown) == "RuntimeError: down" and shown.traceback == ["RuntimeError: down"]
    assert panel.exceptions == [shown] and "RuntimeError: down" in app.text


def test_unknown_app_and_fragment_are_explained(session: KernelSession) -> None:
    with pytest.raises(HarnessError, match="'demo'"):
        session.app("other")
    with pytest.raises(HarnessError, match=r"No fragment 'clock'.*\['panel'\]"):
        session.app().fragment("clock")
