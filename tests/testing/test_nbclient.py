"""Attaching the harness to a kernel that nbclient started and ran a notebook in."""

from __future__ import annotations

import nbformat
from nbclient import NotebookClient

from jupyter_fragments.testing import KernelSession

CELLS = [
    "import ipywidgets as w\nout = w.Output()\ngo = w.Button(description='Go')",
    "go.on_click(lambda _: setattr(out, 'outputs', "
    "({'output_type': 'stream', 'name': 'stdout', 'text': 'clicked'},)))",
    "w.VBox([go, out])",
]


def test_click_through_a_notebook_clients_kernel() -> None:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(source) for source in CELLS]
    client = NotebookClient(nb, kernel_name="python3", timeout=60)
    with client.setup_kernel():
        for index, cell in enumerate(nb.cells):
            client.execute_cell(cell, index)
        with KernelSession.from_notebook_client(client) as session:
            # The mirror starts from nbclient's widget state, as a saved notebook would.
            button = session.find_widget("Go")
            box = session.find_widget(kind="VBox")
            assert session.text_of(box) == "Go"

            hit = button.click()

            assert (hit.outputs_updates, hit.comm_opens, hit.error) == (1, 0, None)
            assert session.text_of(box) == "Go\nclicked"
        # Detached again, nbclient goes on with the kernel the click changed.
        nb.cells.append(nbformat.v4.new_code_cell("print(out.outputs[0]['text'])"))
        client.execute_cell(nb.cells[-1], len(nb.cells) - 1)
        assert nb.cells[-1].outputs[0]["text"] == "clicked\n"
