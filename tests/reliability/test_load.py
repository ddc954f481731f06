"""Load held, nothing lost: bursts of updates and clicks, and many live timers at once.

Sizes are those of the reliability report under ``--soak``; the default run is shorter.
Timing assertions are loose on purpose: the machine is small and shared.
"""

from __future__ import annotations

import time
from pathlib import Path

from reliability_support import state

from jupyter_fragments.testing import KernelSession


def test_a_thousand_slider_updates_end_on_the_last_value(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app burst
import jupyter_fragments as st
v = st.slider("v", 0, 5000, 0)
st.write("value", v)
"""
    )
    app = app_session.app("burst")
    slider = app.slider("v")
    started = time.monotonic()
    ids = [app_session.send_update(slider, {"value": v}) for v in range(1, 1001)]
    results = app_session.wait_idle(ids, timeout=120)
    elapsed = time.monotonic() - started
    assert all(r.error is None for r in results)
    assert "value `1000`" in app.text
    assert slider.value == 1000
    assert app.exceptions == []
    print(f"\nFIGURE 1000 slider updates: {elapsed:.2f} s, {app.runs - 1} reruns")


def test_interleaved_updates_across_five_widgets(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app five
import jupyter_fragments as st
a = st.slider("a", 0, 100, 0)
b = st.number_input("b", 0, 1000, 0)
c = st.text_input("c", "")
d = st.checkbox("d")

@st.fragment
def inner():
    e = st.slider("e", 0, 100, 0)
    st.write("e is", e)

inner()
st.write("a b c d", a, b, c or "-", d)
"""
    )
    app = app_session.app("five")
    handles = [app.slider("a"), app.number_input("b"), app.text_input("c"), app.checkbox("d")]
    handles.append(app.slider("e"))
    values = [
        lambda i: i % 101,
        lambda i: i * 3,
        lambda i: f"t{i}",
        lambda i: i % 2 == 0,
        lambda i: (i * 7) % 101,
    ]
    last: dict[int, object] = {}
    ids = []
    started = time.monotonic()
    for i in range(200):
        w = i % 5
        last[w] = values[w](i)
        ids.append(app_session.send_update(handles[w], {"value": last[w]}))
    results = app_session.wait_idle(ids, timeout=120)
    elapsed = time.monotonic() - started
    assert all(r.error is None for r in results)
    for w, handle in enumerate(handles):
        assert handle.value == last[w]
    assert f"a b c d `{last[0]}` `{last[1]}` {last[2]} `{last[3]}`" in app.text, app.text
    assert f"e is `{last[4]}`" in app.text
    assert app.exceptions == []
    runs = app.runs - 1
    print(f"\nFIGURE 200 interleaved updates, 5 widgets: {elapsed:.2f} s, {runs} full reruns")


def test_every_click_of_a_burst_is_counted(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app clicks
import jupyter_fragments as st
st.session_state.setdefault("callback", 0)
st.session_state.setdefault("returned", 0)
st.session_state.setdefault("inner", 0)

def bump():
    st.session_state.callback += 1

st.button("callback", on_click=bump)
if st.button("returned"):
    st.session_state.returned += 1

@st.fragment
def panel():
    if st.button("inner"):
        st.session_state.inner += 1

panel()
st.write("counts", st.session_state.callback, st.session_state.returned)
"""
    )
    app = app_session.app("clicks")
    buttons = [app.button("callback"), app.button("returned"), app.button("inner")]
    ids = []
    for i in range(150):
        ids.append(app_session.send_custom(buttons[i % 3], {"event": "click"}))
    app_session.wait_idle(ids, timeout=120)
    counts = {name: state(app_session, name) for name in ("callback", "returned", "inner")}
    print(f"\nFIGURE 150 clicks in a burst (50 per button): counted {counts}")
    assert counts == {"callback": 50, "returned": 50, "inner": 50}
    assert "counts `50` `50`" in app.text


TIMERS_APP = """%%app timers
import jupyter_fragments as st, time
S = st.session_state
S.setdefault("ticks", [0] * 20)
S.setdefault("busy", False)
S.setdefault("overlaps", 0)
S.setdefault("clicks", 0)

def guarded(i):
    if S.busy:
        S.overlaps += 1
    S.busy = True
    try:
        S.ticks[i] += 1
        st.write("panel", i, "tick", S.ticks[i])
    finally:
        S.busy = False

def make(i):
    @st.fragment(run_every=0.1)
    def panel():
        guarded(i)
    panel.__qualname__ = f"panel{i}"
    return panel

for i in range(20):
    make(i)()

def click():
    if S.busy:
        S.overlaps += 1
    S.clicks += 1

st.button("user", on_click=click)
st.write("clicks", S.clicks)
"""


def _ticks(session: KernelSession) -> list[int]:
    return list(state(session, "ticks"))


def test_twenty_live_fragments_while_a_user_clicks(app_session: KernelSession, soak: bool) -> None:
    seconds = 30.0 if soak else 5.0
    app_session.run_cell(TIMERS_APP)
    app = app_session.app("timers")
    assert app.timers == 20
    # idle: how close to the ideal rhythm do 20 timers at 0.1 s keep?
    app_session.wait(0.5)
    before = _ticks(app_session)
    t0 = time.monotonic()
    app_session.wait(seconds / 2)  # a measurement window
    after = _ticks(app_session)
    window = time.monotonic() - t0
    rates = [(a - b) / (window / 0.1) for a, b in zip(after, before, strict=True)]
    print(
        f"\nFIGURE 20 timers at 0.1 s, idle {window:.1f} s: ticks/ideal "
        f"min {min(rates):.2f} mean {sum(rates) / len(rates):.2f} max {max(rates):.2f}"
    )
    assert all(0.85 <= r <= 1.15 for r in rates), rates

    # busy: a user clicks as fast as the kernel answers
    clicks = 0
    end = time.monotonic() + seconds / 2
    while time.monotonic() < end:
        hit = app.button("user").click()
        assert hit.error is None
        clicks += 1
    assert state(app_session, "clicks") == clicks
    assert state(app_session, "overlaps") == 0
    assert app.exceptions == []
    assert app.timers == 20
    busy = _ticks(app_session)
    # each click's full rerun draws every panel too: count only what the timers added
    rates = [(b - a - clicks) / (seconds / 2 / 0.1) for a, b in zip(after, busy, strict=True)]
    print(
        f"FIGURE 20 timers while clicking ({clicks} clicks in {seconds / 2:.1f} s): "
        f"ticks/ideal min {min(rates):.2f} mean {sum(rates) / len(rates):.2f}"
    )
    assert min(rates) > 0.3, rates  # timers keep running under load


def test_a_click_seen_by_a_superseded_run_is_not_counted_again(
    app_session: KernelSession, tmp_path: Path
) -> None:
    marker = tmp_path / "in-run"
    app_session.run_cell(
        f"""%%app supersede
import jupyter_fragments as st, time
st.session_state.setdefault("count", 0)
if st.button("add"):
    st.session_state.count += 1
    open({str(marker)!r}, "w").close()
    time.sleep(0.5)
v = st.slider("v", 0, 10, 0)
st.write("count", st.session_state.count, "v", v)
"""
    )
    app = app_session.app("supersede")
    click = app_session.send_custom(app.button("add"), {"event": "click"})
    app_session.wait_until(marker.exists, timeout=10)  # the click's run is inside the `if`
    update = app_session.send_update(app.slider("v"), {"value": 4})
    app_session.wait_idle([click, update])
    assert "count `1` v `4`" in app.text
    assert state(app_session, "count") == 1
