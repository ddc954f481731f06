"""Caching: copies vs shared objects, reruns keep the cache, ttl, clear, cache + fragment."""

from __future__ import annotations

from jupyter_fragments.testing import KernelSession

CACHE_APP = """%%app cache
import jupyter_fragments as st
import pandas as pd

calls = st.session_state.setdefault("calls", {"data": 0, "resource": 0, "frame": 0})

@st.cache_data
def load(n):
    calls["data"] += 1
    return {"rows": list(range(n))}

@st.cache_resource
def connection():
    calls["resource"] += 1
    return {"open": True}

@st.cache_data(max_entries=2, show_spinner=False)
def total(frame, _unhashed=None):
    calls["frame"] += 1
    return float(frame["a"].sum())

if st.button("clear load"):
    load.clear()
if st.button("clear all data"):
    st.cache_data.clear()
if st.button("clear resources"):
    st.cache_resource.clear()
n = st.slider("n", 1, 5, 3)
first, second = load(n), load(n)
first["rows"].append("mutated")
st.text(f"copies differ: {first != second} {second['rows']}")
st.text(f"shared: {connection() is connection()}")
frame = pd.DataFrame({"a": [1, 2, n]})
total(frame, _unhashed=object()); total(frame.copy(), _unhashed=object())
st.text(f"calls: {calls}")
"""


def test_cache_survives_reruns_and_clears(app_session: KernelSession) -> None:
    app_session.run_cell(CACHE_APP)
    app = app_session.app("cache")
    assert "copies differ: True [0, 1, 2]" in app.text
    assert "shared: True" in app.text
    assert "calls: {'data': 1, 'resource': 1, 'frame': 1}" in app.text

    app.slider("n").set_value(3)  # same arguments: every function body is skipped
    app.slider("n").set_value(4)  # a new argument for load and a new frame for total
    assert "calls: {'data': 2, 'resource': 1, 'frame': 2}" in app.text
    app.slider("n").set_value(3)  # still cached (max_entries=2 keeps both frames)
    assert "calls: {'data': 2, 'resource': 1, 'frame': 2}" in app.text

    app.button("clear load").click()
    assert "calls: {'data': 3, 'resource': 1, 'frame': 2}" in app.text
    app.button("clear all data").click()
    assert "calls: {'data': 4, 'resource': 1, 'frame': 3}" in app.text
    app.button("clear resources").click()
    assert "calls: {'data': 4, 'resource': 2, 'frame': 3}" in app.text
    assert app.exceptions == []

    # the kernel's session clear hook (the control comm's clear_cache) clears cache_data
    app_session.run_silent(
        "from jupyter_fragments._runtime.session import get_session; get_session().clear_caches()"
    )
    app.button("clear resources").click()  # any rerun with the same n
    assert "calls: {'data': 5, 'resource': 3, 'frame': 4}" in app.text


def test_ttl_and_max_entries(app_session: KernelSession) -> None:
    app_session.run_cell(
        """
import time
import jupyter_fragments as st
log = []

@st.cache_data(ttl="200ms", max_entries=1)
def square(x):
    log.append(x)
    return x * x

square(2); square(2); square(3); square(2)
after_eviction = list(log)
time.sleep(0.3)
square(2)
"""
    )
    assert app_session.eval("after_eviction") == [2, 3, 2]
    assert app_session.eval("log") == [2, 3, 2, 2]


def test_arguments_hash_by_content() -> None:
    import numpy as np
    import pandas as pd

    from jupyter_fragments._elements.cache import arguments_key

    def key(*args: object) -> str:
        return arguments_key(None, args, {}, {})

    assert key(np.arange(3)) == key(np.arange(3)) != key(np.arange(4))
    frame = pd.DataFrame({"a": [1, 2]})
    assert key(frame) == key(frame.copy()) != key(frame.assign(a=[1, 3]))
    assert key({"x": [1, {2}]}) == key({"x": [1, {2}]})
    import threading

    assert key(threading.Lock()) != key(threading.Lock())  # unpicklable: repr, never raises
    custom = arguments_key(None, (object(),), {}, {object: lambda _: "same"})
    assert custom == arguments_key(None, (object(),), {}, {"builtins.object": lambda _: "same"})


def test_unpicklable_data_and_cache_on_fragment_are_clear_errors(
    app_session: KernelSession,
) -> None:
    app_session.run_cell(
        """%%app errors
import threading
import jupyter_fragments as st

@st.cache_data
def lock():
    return threading.Lock()

try:
    lock()
except st.FragmentsAPIError as exc:
    st.text(f"unpicklable: {exc}")

def body():
    pass

for make in (lambda: st.fragment(st.cache_data(body)), lambda: st.cache_data(st.fragment(body)),
             lambda: st.cache_resource(st.dialog("d")(body))):
    try:
        make()
    except st.FragmentsAPIError as exc:
        st.text(f"both: {exc}")
"""
    )
    text = app_session.app("errors").text
    assert "unpicklable: lock returned a lock" in text
    assert "Fix: return picklable data, or use st.cache_resource" in text
    assert text.count("is both cached and a fragment, which is not supported. Fix:") == 3


def test_shows_a_spinner_only_while_computing(app_session: KernelSession) -> None:
    app_session.run_cell(
        """%%app spin
import jupyter_fragments as st

@st.cache_data(show_spinner="Crunching...")
def slow():
    return 42

st.text(f"answer {slow()}")
"""
    )
    text = app_session.app("spin").text
    assert "answer 42" in text and "Crunching" not in text
