"""Streamlit 1.67's cache settings in a kernel: max_size, on_release, background refresh,
scope, and their mistakes."""

from __future__ import annotations

import pytest

from jupyter_fragments.testing import KernelSession

JOIN_REFRESHES = """
import threading
for thread in threading.enumerate():
    if thread.name.startswith("jf-cache-refresh"):
        thread.join()
"""


def test_max_size_drops_the_least_recently_used(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app sized
import jupyter_fragments as st
made = st.session_state.setdefault("made", [])

@st.cache_data(max_size="2.5KiB", show_spinner=False)
def blob(name, kib):
    made.append(name)
    return b"x" * (1024 * kib)

st.button("go")
for name in st.session_state.get("ask", []):
    blob(name, 3 if name == "huge" else 1)
st.text(f"made={made}")
"""
    )
    app = app_session.app("sized")

    def ask(*names: str) -> str:
        app_session.run_silent(f"import jupyter_fragments as st; st.session_state.ask = {names!r}")
        app.button("go").click()
        return app.text

    # a, b fit (about 2 KiB pickled); c pushes a out; reading b keeps it in
    assert "made=['a', 'b']" in ask("a", "b", "a", "b")
    assert "made=['a', 'b', 'c']" in ask("c", "b")
    assert "made=['a', 'b', 'c', 'a']" in ask("a", "b")
    # one value over the limit stays alone; the next value replaces it
    assert "made=['a', 'b', 'c', 'a', 'huge', 'a']" in ask("huge", "huge", "a", "a")
    assert app.exceptions == []


def test_on_release_hears_every_way_out(app_session: KernelSession) -> None:
    app_session.run_cell(
        """
import time
import jupyter_fragments as st
released = []

@st.cache_resource(max_entries=2, on_release=released.append, validate=lambda r: r != "bad")
def open_conn(name):
    return name

for name in ("a", "b", "c"):  # c pushes a out
    open_conn(name)
open_conn.clear("b")
open_conn("bad"); open_conn("bad")  # refused on the second call: released, made again
st.cache_resource.clear()
by_cause = list(released)

@st.cache_resource(ttl=0.05, on_release=released.append)
def short():
    return "short-lived"

short(); time.sleep(0.1); short()
"""
    )
    # evicted, cleared by argument, refused by validate, then everything left
    assert app_session.eval("by_cause") == ["a", "b", "bad", "c", "bad"]
    assert app_session.eval("released[-1]") == "short-lived"


def test_background_refresh_returns_the_expired_value_at_once(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app fresh
import time
import jupyter_fragments as st
calls = st.session_state.setdefault("calls", [])

@st.cache_data(ttl=2, refresh_mode="background", show_spinner=False)
def price():
    calls.append(time.monotonic())
    return len(calls)

st.button("go")
if st.session_state.get("wait"):
    # just past the ttl of the value stored last (well within the one more ttl)
    time.sleep(max(0.0, calls[-1] + 2.05 - time.monotonic()))
st.text(f"price={price()} calls={len(calls)}")
"""
    )
    app = app_session.app("fresh")
    assert "price=1 calls=1" in app.text
    app_session.run_silent("import jupyter_fragments as st; st.session_state.wait = True")
    app.button("go").click()
    assert "price=1" in app.text  # the expired value, shown without waiting for the new one
    app_session.run_silent(JOIN_REFRESHES + "st.session_state.wait = False")
    app.button("go").click()
    assert "price=2 calls=2" in app.text
    assert app.exceptions == []


@pytest.mark.parametrize(
    ("call", "said"),
    [
        ("st.cache_data(max_size='lots')", "got max_size='lots'. Fix: pass a positive number"),
        ("st.cache_data(max_size=0)", "got max_size=0. Fix:"),
        ("st.cache_data(scope='user')", "got scope='user'. Fix: pass 'global' or 'session'."),
        ("st.cache_resource(refresh_mode='later')", "Fix: pass 'foreground' or 'background'."),
        ("st.cache_data(refresh_mode='background')", "without a positive ttl"),
        ("st.cache_data(ttl=5, refresh_mode='background', persist='disk')", "Fix: drop persist"),
        ("st.cache_resource(on_release=3)", "got on_release=3. Fix: pass a plain"),
    ],
)
def test_cache_setting_mistakes_are_clear(app_session: KernelSession, call: str, said: str) -> None:
    app_session.run_cell(
        f"import jupyter_fragments as st\ntry:\n    {call}\nexcept st.FragmentsAPIError as exc:\n"
        "    said = str(exc)"
    )
    assert said in app_session.eval("said")


def test_byte_sizes_read_as_streamlit_reads_them() -> None:
    from jupyter_fragments._elements.cache import _byte_size

    assert _byte_size("1.1KB", "c") == 1126
    assert _byte_size("500mb", "c") == 500 * 2**20
    assert _byte_size("1.5 GiB", "c") == 3 * 2**29
    assert _byte_size(123, "c") == 123
    assert _byte_size(None, "c") is None
