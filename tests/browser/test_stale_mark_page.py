"""The stale mark in a real page: a fragment stuck in one blocking call shows it is rerunning.

A person clicks a button whose fragment then sleeps 2 s in one call, with no ``st.*``
call inside. Within ``stale_delay`` + 300 ms of the click that fragment, and only it,
has the ``jf-running`` class and fades; the mark stays while the call runs and goes when
the rerun lands. Checked in JupyterLab, Notebook 7 and Voila. A recorder in the page
notes, at each DOM mutation, when the click went out and when the class came and went.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from conftest import LabServer, NotebookPage, console_errors, write_notebook
from test_app_page import LOAD
from test_other_frontends import NOTEBOOK7_OWN_ERRORS, require

from jupyter_fragments._runtime.config import Fragments

pytestmark = pytest.mark.browser

STALE_DELAY_MS = float(Fragments.stale_delay.default_value) * 1000
MARK_SLACK_MS = 300  # the bound: marked within stale_delay + 300 ms
BLOCKING_MS = 2000  # how long the fragment's one call blocks

BLOCKING_APP = """%%app
import time
import jupyter_fragments as st

st.write("app text")

@st.fragment
def slow():
    if st.button("block"):
        time.sleep(2.0)
        st.write("slow done")
    st.write("slow part")

@st.fragment
def sibling():
    st.write("sibling part")

slow()
sibling()
"""

# Finds the two fragments and the app by their text, then records, at every mutation
# of the page, whether each carries `jf-running` (times from performance.now()).
RECORDER = """
() => {
  const frags = Array.from(document.querySelectorAll('.jf-fragment'));
  const slow = frags.find(el => el.querySelector('button') &&
                                el.innerText.includes('slow part'));
  const sibling = frags.find(el => el.innerText.includes('sibling part'));
  const app = document.querySelector('.jf-app');
  if (!slow || !sibling || !app) { return false; }
  const rec = { clickAt: null, markedAt: null, unmarkedAt: null, doneAt: null, others: [] };
  window.__jfStale = rec;
  slow.querySelector('button').addEventListener('click', () => {
    rec.clickAt = performance.now();
  }, { capture: true });
  const look = () => {
    const now = performance.now();
    const marked = slow.classList.contains('jf-running');
    if (marked && rec.markedAt === null) { rec.markedAt = now; }
    if (!marked && rec.markedAt !== null && rec.unmarkedAt === null) { rec.unmarkedAt = now; }
    if (rec.doneAt === null && slow.innerText.includes('slow done')) { rec.doneAt = now; }
    for (const el of [sibling, app]) {
      if (el.classList.contains('jf-running')) { rec.others.push(el.className); }
    }
  };
  new MutationObserver(look).observe(document.body, {
    subtree: true, childList: true, characterData: true,
    attributes: true, attributeFilter: ['class']
  });
  window.__jfSlow = slow;
  return true;
}
"""

FADED = """
() => Array.from(window.__jfSlow.children)
  .some(c => +getComputedStyle(c).opacity < 0.6)
"""


def check_blocking_rerun_is_marked(page: Any) -> None:
    """Click the blocking fragment's button and check the mark's timeline."""
    page.wait_for_function(RECORDER)
    page.locator(".jf-fragment button", has_text="block").click()
    page.wait_for_function("() => window.__jfStale.markedAt !== null", timeout=10_000)
    # The extension's CSS fades the stale content while the call still runs.
    page.wait_for_function(FADED, timeout=BLOCKING_MS)
    page.wait_for_function(
        "() => window.__jfStale.unmarkedAt !== null && window.__jfStale.doneAt !== null",
        timeout=30_000,
    )
    rec = page.evaluate("() => window.__jfStale")
    assert rec["clickAt"] is not None
    marked_after = rec["markedAt"] - rec["clickAt"]
    assert marked_after <= STALE_DELAY_MS + MARK_SLACK_MS, rec
    # The mark stays for the whole call: it can go only once the call has returned.
    assert rec["unmarkedAt"] - rec["clickAt"] >= BLOCKING_MS, rec
    assert rec["others"] == [], "the sibling fragment or the app was marked"
    assert page.locator(".jf-running").count() == 0
    assert "slow done" in page.locator(".jf-app").first.inner_text()


def test_blocking_rerun_is_marked_in_jupyterlab(
    open_notebook: Callable[..., NotebookPage],
) -> None:
    nb = open_notebook([LOAD, BLOCKING_APP])
    nb.run_all()
    check_blocking_rerun_is_marked(nb.page)
    nb.wait_idle()
    assert nb.console_errors() == []


def test_blocking_rerun_is_marked_in_notebook_7(
    open_notebook: Callable[..., NotebookPage],
) -> None:
    require("notebook", "notebook")
    nb = open_notebook([LOAD, BLOCKING_APP], frontend="notebook")
    nb.run_all()
    check_blocking_rerun_is_marked(nb.page)
    nb.wait_idle()
    assert nb.console_errors(ignore=NOTEBOOK7_OWN_ERRORS) == []


def test_blocking_rerun_is_marked_in_voila(page: Any, lab_server: LabServer) -> None:
    require("voila", "voila")
    write_notebook(lab_server.root / "voila_stale.ipynb", [LOAD, BLOCKING_APP])
    page.goto(f"{lab_server.url}/voila/render/voila_stale.ipynb?token={lab_server.token}")
    page.locator(".jf-app").wait_for(state="visible", timeout=60_000)
    check_blocking_rerun_is_marked(page)
    errors = console_errors(page)
    assert errors == [], "\n".join(errors)
