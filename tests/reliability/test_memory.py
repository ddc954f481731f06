"""Many reruns leak nothing: widget and comm counts stay flat, heap and RSS growth reported.

``--soak`` runs 10,000 fragment reruns and 1,000 full reruns; the default run a tenth.
"""

from __future__ import annotations

import time

from jupyter_fragments.testing import KernelSession

MEASURE = """
def _jf_measure():
    import comm, gc, os, sys, tracemalloc
    import ipywidgets.widgets.widget as w
    gc.collect()
    pages = int(open("/proc/self/statm").read().split()[1])
    return {
        "widgets": len(w._instances),
        "comms": len(comm.get_comm_manager().comms),
        "rss": pages * os.sysconf("SC_PAGE_SIZE"),
        "heap": tracemalloc.get_traced_memory()[0] if tracemalloc.is_tracing() else 0,
        "objects": len(gc.get_objects()),
    }
"""

APP = """%%app memory
import jupyter_fragments as st
n = st.slider("n", 0, 100000, 0)
st.title("Memory")
for i in range(5):
    st.write("row", i, "of", n)
with st.expander("more"):
    st.text_input("note")

@st.fragment
def panel():
    st.session_state.setdefault("clicks", 0)
    if st.button("tick"):
        st.session_state.clicks += 1
    st.checkbox("flag")
    print("clicks so far", st.session_state.clicks)
    st.write("panel", st.session_state.clicks)

panel()
"""


def _fragment_reruns(session: KernelSession, count: int, batch: int = 200) -> None:
    button = session.app("memory").button("tick")
    for start in range(0, count, batch):
        size = min(batch, count - start)
        ids = [session.send_custom(button, {"event": "click"}) for _ in range(size)]
        results = session.wait_idle(ids, timeout=300)
        assert all(r.error is None for r in results)
        session.mirror.forget_closed()


def _full_reruns(session: KernelSession, count: int, first: int) -> None:
    slider = session.app("memory").slider("n")
    for value in range(first, first + count):
        assert session.set_value(slider, value).error is None


def test_reruns_leak_nothing(fresh_kernel: KernelSession, soak: bool) -> None:
    session = fresh_kernel
    fragment_runs, full_runs = (10_000, 1_000) if soak else (1_000, 100)
    session.run_cell("%load_ext jupyter_fragments")
    session.run_cell(MEASURE)
    session.run_cell(APP)
    _fragment_reruns(session, 100)  # warm up: caches, interned strings, first-use imports
    _full_reruns(session, 20, 1)
    session.run_cell("import tracemalloc; tracemalloc.start()")
    base = session.eval("_jf_measure()")

    started = time.monotonic()
    _fragment_reruns(session, fragment_runs)
    frag_seconds = time.monotonic() - started
    mid = session.eval("_jf_measure()")
    started = time.monotonic()
    _full_reruns(session, full_runs, 100)
    full_seconds = time.monotonic() - started
    end = session.eval("_jf_measure()")
    session.run_cell("tracemalloc.stop()")

    app = session.app("memory")
    assert app.fragment("panel").runs >= fragment_runs
    assert app.runs >= full_runs
    assert session.eval("__import__('jupyter_fragments').session_state.clicks") == (
        fragment_runs + 100
    )
    assert app.exceptions == []
    mb = 1024 * 1024
    print(
        f"\nFIGURE {fragment_runs} fragment reruns in {frag_seconds:.1f} s, "
        f"{full_runs} full reruns in {full_seconds:.1f} s; widgets {base['widgets']} -> "
        f"{mid['widgets']} -> {end['widgets']}, comms {base['comms']} -> {mid['comms']} -> "
        f"{end['comms']}, heap +{(end['heap'] - base['heap']) / mb:.2f} MB, RSS "
        f"+{(end['rss'] - base['rss']) / mb:.1f} MB, gc objects "
        f"{base['objects']} -> {end['objects']}"
    )
    assert mid["widgets"] == base["widgets"] == end["widgets"]
    assert mid["comms"] == base["comms"] == end["comms"]
    assert end["heap"] - base["heap"] < 10 * mb
    assert end["objects"] - base["objects"] < 5_000

    session.run_cell("%unload_ext jupyter_fragments")
    after = session.eval("_jf_measure()")
    print(f"FIGURE after %unload_ext: {after['widgets']} widgets, {after['comms']} comms")
    assert after["widgets"] == 0 and after["comms"] == 0
    session.run_cell("%load_ext jupyter_fragments")
    assert session.snapshot() == {"apps": [], "timers": 0}
    assert not [m for m in session.mirror.live() if m.kind == "Output"]
