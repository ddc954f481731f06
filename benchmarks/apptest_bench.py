"""100 AppTest-style tests, run with jupyter-fragments' AppTest and with Streamlit's own.

The same test functions run against both classes (``streamlit.testing.v1.AppTest``,
in process, and ``jupyter_fragments.testing.AppTest``, in a shared kernel), one test
of each back to back, the first of the pair alternating, so the machine's noise falls on
both alike. Writes its section of ``benchmarks/RESULTS.md``::

    python benchmarks/apptest_bench.py            # 100 tests each (about a minute here)
    python benchmarks/apptest_bench.py --tests 20 --no-write
"""

from __future__ import annotations

import argparse
import datetime
import logging
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from _stats import paired_ratio, percentile  # noqa: E402

RESULTS = HERE / "RESULTS.md"
START = "<!-- apptest_bench: start -->"
END = "<!-- apptest_bench: end -->"

COUNTER = """
import streamlit as st
n = st.slider("n", 0, 10, 1)
if "count" not in st.session_state:
    st.session_state.count = 0
if st.button("+1"):
    st.session_state.count += 1
st.markdown(f"n={n} count={st.session_state.count}")
"""

FORM = """
import streamlit as st
with st.form("order"):
    name = st.text_input("Name")
    qty = st.number_input("Quantity", 1, 10, 1)
    sent = st.form_submit_button("Send")
if sent:
    st.success(f"{qty} for {name}")
else:
    st.info("Fill in the form")
"""

LAYOUT = """
import streamlit as st
city = st.sidebar.selectbox("City", ["Paris", "Oslo", "Lima"])
left, right = st.columns(2)
left.metric("Temperature", {"Paris": "18 C", "Oslo": "9 C", "Lima": "22 C"}[city])
right.header(city)
if st.checkbox("Details"):
    st.text(f"{city}: details")
"""

FRAGMENT = """
import streamlit as st
st.title("Clicks")
@st.fragment
def panel():
    if "clicks" not in st.session_state:
        st.session_state.clicks = 0
    if st.button("Click"):
        st.session_state.clicks += 1
    st.markdown(f"clicks: {st.session_state.clicks}")
panel()
"""


def counter_test(cls: Any) -> None:
    at = cls.from_string(COUNTER).run()
    at.slider[0].set_value(5).run()
    at.button[0].click().run()
    assert at.markdown[0].value == "n=5 count=1", at.markdown[0].value


def form_test(cls: Any) -> None:
    at = cls.from_string(FORM).run()
    assert at.info[0].value == "Fill in the form"
    at.text_input[0].input("Ada")
    at.number_input[0].set_value(3)
    at.button[0].click().run()
    assert at.success[0].value == "3 for Ada", at.success


def layout_test(cls: Any) -> None:
    at = cls.from_string(LAYOUT).run()
    at.sidebar.selectbox[0].select("Oslo").run()
    at.checkbox[0].check().run()
    assert at.metric[0].value == "9 C"
    assert at.header[0].value == "Oslo"
    assert at.text[0].value == "Oslo: details"


def fragment_test(cls: Any) -> None:
    at = cls.from_string(FRAGMENT).run()
    at.button[0].click().run()
    at.button[0].click().run()
    assert at.markdown[0].value == "clicks: 2", at.markdown


TESTS: list[Callable[[Any], None]] = [counter_test, form_test, layout_test, fragment_test]


@dataclass
class Timings:
    """Wall-clock seconds per test, and CPU seconds (test process, plus the kernel's)."""

    wall: list[float] = field(default_factory=list)
    cpu: float = 0.0
    kernel_cpu: float = 0.0
    startup: float = 0.0


def _kernel_cpu() -> float:
    """CPU seconds the shared kernel has used so far (0 before it started)."""
    import psutil

    from jupyter_fragments.testing.apptest_session import shared_kernel

    pid = shared_kernel.session().kernel_pid
    if pid is None:
        return 0.0
    times = psutil.Process(pid).cpu_times()
    return float(times.user + times.system)


def _timed(test: Callable[[Any], None], cls: Any, into: Timings, kernel: bool) -> None:
    before_kernel = _kernel_cpu() if kernel else 0.0
    cpu, start = time.process_time(), time.perf_counter()
    test(cls)
    into.wall.append(time.perf_counter() - start)
    into.cpu += time.process_time() - cpu
    if kernel:
        into.kernel_cpu += _kernel_cpu() - before_kernel


def run(count: int) -> dict[str, Timings]:
    """Warm both up (each test once, timed as warm-up), then ``count`` tests each, paired."""
    from streamlit.testing.v1 import AppTest as StreamlitAppTest

    from jupyter_fragments.testing import AppTest as FragmentsAppTest

    systems = {"fragments": FragmentsAppTest, "streamlit": StreamlitAppTest}
    results = {name: Timings() for name in systems}
    for name, cls in systems.items():
        start = time.perf_counter()
        for test in TESTS:
            test(cls)  # imports, the kernel's start: once per test session in real suites
        results[name].startup = time.perf_counter() - start
    order = list(systems)
    for index in range(count):
        test = TESTS[index % len(TESTS)]
        for name in order if index % 2 == 0 else order[::-1]:
            _timed(test, systems[name], results[name], kernel=name == "fragments")
    return results


def _row(name: str, t: Timings) -> str:
    wall = sum(t.wall)
    return (
        f"| {name} | {len(t.wall)} | {wall:.2f} | {statistics.median(t.wall) * 1000:.1f} | "
        f"{percentile(t.wall, 90) * 1000:.1f} | {t.cpu:.2f} | {t.kernel_cpu:.2f} | "
        f"{t.startup:.2f} |"
    )


def section(results: dict[str, Timings], took: float) -> str:
    """The RESULTS.md section: figures, the ratio, and how they were taken."""
    ours, theirs = results["fragments"], results["streamlit"]
    ratio_total = sum(ours.wall) / sum(theirs.wall)
    ratio_pairs = paired_ratio(ours.wall, theirs.wall)
    ratio_cpu = (ours.cpu + ours.kernel_cpu) / theirs.cpu
    met = "yes" if ratio_total <= 0.5 else "no"
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    versions = _versions()
    return "\n".join(
        [
            START,
            "## AppTest: 100 tests, jupyter-fragments' AppTest against Streamlit's",
            "",
            f"Generated by `python benchmarks/apptest_bench.py` on "
            f"{datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC "
            f"(run took {took:.0f} s; load average {load:.2f} at the end; {versions}).",
            "",
            "The same test functions (a counter with session state, a form, a sidebar and "
            "columns, a fragment's button clicked twice; each runs the app and 2 or 3 "
            "reruns, then asserts what is shown) run with `streamlit.testing.v1.AppTest` "
            "(in process) and `jupyter_fragments.testing.AppTest` (one shared kernel, reset "
            "per test), one of each back to back, the first alternating. The warm-up runs "
            "each test once before timing (imports; the kernel's start), as the first tests "
            "of a real suite would pay it.",
            "",
            "| AppTest | tests | total s | median ms | p90 ms | CPU s (test process) "
            "| CPU s (kernel) | warm-up s |",
            "|---|---:|---:|---:|---:|---:|---:|---:|",
            _row("jupyter-fragments", ours),
            _row("Streamlit 1.67", theirs),
            "",
            "| target | measured | met |",
            "|---|---|---|",
            f"| at most half of Streamlit's time (total, warm-up excluded) | "
            f"{ratio_total:.3f}x | {met} |",
            f"| median of per-test ratios | {ratio_pairs:.3f}x | - |",
            f"| with the warm-up (4 more tests: imports, the kernel's start) | "
            f"{(sum(ours.wall) + ours.startup) / (sum(theirs.wall) + theirs.startup):.3f}x | - |",
            f"| CPU, test process plus kernel, against Streamlit's process | {ratio_cpu:.3f}x "
            "| - |",
            "",
            "Wall time is what a test suite waits. jupyter-fragments' AppTest splits its work "
            "between the test process and the kernel, which run in parallel on this 2-core "
            "machine; the CPU row adds both, so it is the fair figure for a busy CI machine.",
            END,
        ]
    )


def _versions() -> str:
    from importlib.metadata import version

    names = ("jupyter-fragments", "streamlit", "ipykernel", "jupyter_client")
    return ", ".join(f"{n} {version(n)}" for n in names) + f", Python {platform.python_version()}"


def write_section(text: str, path: Path = RESULTS) -> None:
    """Replace this benchmark's section of RESULTS.md (or add it at the end)."""
    current = path.read_text(encoding="utf-8") if path.exists() else ""
    if START in current and END in current:
        before, rest = current.split(START, 1)
        after = rest.split(END, 1)[1]
        updated = before + text + after
    else:
        updated = current.rstrip("\n") + "\n\n" + text + "\n"
    path.write_text(updated, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tests", type=int, default=100, help="tests per AppTest (100)")
    parser.add_argument("--no-write", action="store_true", help="print, leave RESULTS.md")
    args = parser.parse_args(argv)
    import streamlit.logger

    # "missing ScriptRunContext" warnings of Streamlit's AppTest say nothing about speed
    streamlit.logger.set_log_level(logging.ERROR)
    start = time.perf_counter()
    results = run(args.tests)
    text = section(results, time.perf_counter() - start)
    print(text)
    if not args.no_write:
        write_section(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
