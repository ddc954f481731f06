"""App, scope and widget handles over a page built by hand in the documented shape.

The kernel gets a stand-in control comm target (``jupyter_fragments.control``) whose
status describes plain ipywidgets laid out as docs/architecture.md says the runtime
lays out an app, so these tests pin the harness's side of the control protocol and
the snapshot on their own kernel, without the package's runtime.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from jupyter_fragments.testing import HarnessError, KernelSession

FAKE_APP = """\
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

def snapshot():
    return {"timers": 0, "apps": [{
        "id": "app-1", "name": "demo", "model_id": root.model_id, "timers": 0,
        "strict": False,
        "scopes": [scope("s1", "app", "app", root, None),
                   scope("s2", "fragment", "panel", panel, "s1")],
        "widgets": [widget(n, "slider", "n", "s1"),
                    widget(first, "checkbox", "dup", "s1", key="a"),
                    widget(second, "checkbox", "dup", "s1", key="b"),
                    widget(refresh, "button", "refresh", "s2"),
                    widget(fail, "button", "fail", "s2")]}]}

control = {"comms": [], "asked": 0}

def control_open(comm, _msg):
    control["comms"].append(comm)
    def answer(msg):
        if msg["content"]["data"].get("action") == "status":
            control["asked"] += 1
            comm.send({"action": "status", **snapshot()})
    comm.on_msg(answer)

def push():  # as the runtime does when apps or timers change
    for comm in control["comms"]:
        comm.send({"action": "status", **snapshot()})

def drop_control():  # as `%unload_ext` does
    for comm in control["comms"]:
        comm.close()
    control["comms"].clear()

get_ipython().kernel.comm_manager.register_target("jupyter_fragments.control", control_open)
"""


@pytest.fixture(scope="module")
def session() -> Iterator[KernelSession]:
    with KernelSession.start() as session:
        # A kernel without the control target (no `%load_ext`) cannot describe apps.
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


def test_one_status_request_per_read_on_one_comm(session: KernelSession) -> None:
    session.snapshot()
    asked = session.eval("control['asked']")

    for _ in range(3):
        assert session.snapshot()["apps"][0]["name"] == "demo"

    assert session.eval("control['asked']") == asked + 3
    assert session.eval("len(control['comms'])") == 1


def test_status_pushes_are_not_counted_as_the_requests_messages(session: KernelSession) -> None:
    session.snapshot()
    plain = session.run_cell("None")
    pushed = session.run_cell("push()")
    assert (pushed.messages, pushed.outputs) == (plain.messages, plain.outputs)


def test_a_comm_the_kernel_closed_is_opened_again(session: KernelSession) -> None:
    session.snapshot()

    session.run_cell("drop_control()")

    assert session.app().name == "demo"
    assert session.eval("len(control['comms'])") == 1


def test_a_restarted_kernel_is_asked_on_a_new_comm() -> None:
    with KernelSession.start() as session:
        session.run_cell(FAKE_APP)
        assert session.app().name == "demo"
        assert session.manager is not None

        session.manager.restart_kernel(now=True)
        session.client.wait_for_ready(timeout=60)
        with pytest.raises(HarnessError, match="Fix: install jupyter-fragments"):
            session.snapshot()
        session.run_cell(FAKE_APP)

        assert session.app().name == "demo"
        assert session.eval("len(control['comms'])") == 1
