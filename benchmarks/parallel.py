"""Parallel fragments (issue 15): three fragments that each wait 300 ms on I/O.

One dashboard, the same code for both systems: a "reload" button reruns the whole app,
whose three fragments each sleep 300 ms (an I/O wait) and then draw a line. It is timed
with ``parallel=True`` and without, in jupyter-fragments (a kernel, driven through the
Jupyter protocol) and in Streamlit 1.67 (``streamlit run``, driven over its websocket),
from the click to the kernel's idle (Streamlit: ``script_finished``) and to the last line
shown. The four are measured round-robin, the first rotating each round. Writes its
section of ``benchmarks/RESULTS.md``::

    python benchmarks/parallel.py                  # 20 reloads each (about a minute)
    python benchmarks/parallel.py --rounds 5 --no-write
"""

from __future__ import annotations

import argparse
import datetime
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from _kernel import KernelSystem, Sample  # noqa: E402
from _stats import paired_ratio, percentile  # noqa: E402
from _streamlit import StreamlitClient, running  # noqa: E402

RESULTS = HERE / "RESULTS.md"
MARKERS = ("<!-- parallel_bench: start -->", "<!-- parallel_bench: end -->")
WAIT = 0.3  # seconds each fragment waits

DASHBOARD = f"""
import time
key = "reloads " + MODE  # one kernel holds both modes' apps
st.session_state.setdefault(key, 0)
if st.button(f"reload {{MODE}}"):
    st.session_state[key] += 1
n = st.session_state[key]

@st.fragment(parallel=MODE == "parallel")
def panel(name):
    time.sleep({WAIT})  # an I/O wait: a query, a web request
    st.markdown(f"panel {{name}} ready {{n}}")

for name in ("a", "b", "c"):
    panel(name)
st.markdown(f"dashboard {{n}}")
"""

STREAMLIT_SCRIPT = (
    'import streamlit as st\nMODE = st.query_params.get("mode", "sequential")\n' + DASHBOARD
)
MODES = ("parallel", "sequential")


def fragments_cell(mode: str) -> str:
    return f"%%app {mode}\nimport jupyter_fragments as st\nMODE = {mode!r}\n" + DASHBOARD


def expected(n: int) -> list[str]:
    """The lines whose arrival shows reload ``n``."""
    return [*(f"panel {name} ready {n}" for name in "abc"), f"dashboard {n}"]


def measure(rounds: int, warmup: int, workdir: Path) -> dict[str, list[Sample]]:
    """Reload each of the four dashboards ``warmup + rounds`` times, round-robin."""
    script = workdir / "parallel_app.py"
    script.write_text(STREAMLIT_SCRIPT)
    kernel = KernelSystem("fragments", "%load_ext jupyter_fragments\n")
    try:
        with running(script, workdir / "streamlit.log") as server:
            clients: dict[str, StreamlitClient] = {}
            actions: dict[str, Callable[[int], Sample]] = {}
            for mode in MODES:
                kernel.cell(fragments_cell(mode))
                button = kernel.find(f"reload {mode}", ("Button",))
                actions[f"fragments {mode}"] = _kernel_reload(kernel, button)
                client = clients[mode] = server.client()
                client.query_string = f"mode={mode}"
                client.rerun()
                actions[f"streamlit {mode}"] = _streamlit_reload(client, mode)
            samples: dict[str, list[Sample]] = {name: [] for name in actions}
            names = list(actions)
            for i in range(warmup + rounds):
                shift = i % len(names)
                for name in names[shift:] + names[:shift]:
                    sample = actions[name](i + 1)
                    if i >= warmup:
                        samples[name].append(sample)
            for client in clients.values():
                client.close()
            return samples
    finally:
        kernel.shutdown()


def _kernel_reload(kernel: KernelSystem, button: str) -> Callable[[int], Sample]:
    return lambda n: kernel.click(button, expected(n))


def _streamlit_reload(client: StreamlitClient, mode: str) -> Callable[[int], Sample]:
    def reload(n: int) -> Sample:
        button = client.find(f"reload {mode}")
        run = client.rerun(click=button.id, texts=expected(n))
        if run.shown is None:
            raise RuntimeError(f"streamlit {mode}: reload {n} did not show {expected(n)}")
        return Sample(run.seconds, run.messages, run.bytes, shown=run.shown)

    return reload


def _ms(values: list[float]) -> str:
    return f"{statistics.median(values) * 1000:.0f} | {percentile(values, 90) * 1000:.0f}"


def section(samples: dict[str, list[Sample]], took: float) -> str:
    """The RESULTS.md section: the four timings and the ratios."""

    def idle(name: str) -> list[float]:
        return [s.seconds for s in samples[name]]

    def shown(name: str) -> list[float]:
        return [s.shown if s.shown is not None else s.seconds for s in samples[name]]

    rows = [f"| {name} | {_ms(idle(name))} | {_ms(shown(name))} |" for name in samples]
    ours = paired_ratio(shown("fragments parallel"), shown("fragments sequential"))
    theirs = paired_ratio(shown("streamlit parallel"), shown("streamlit sequential"))
    versus = paired_ratio(shown("fragments parallel"), shown("streamlit parallel"))
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    rounds = len(samples["fragments parallel"])
    return "\n".join(
        [
            MARKERS[0],
            "## Parallel fragments: three 300 ms I/O fragments (issue 15)",
            "",
            f"Generated by `python benchmarks/parallel.py` on "
            f"{datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC ({rounds} "
            f"reloads each, round-robin; run took {took:.0f} s; load average {load:.2f}).",
            "",
            "A button reruns the whole app; its three fragments each sleep 300 ms (an I/O "
            "wait) and draw a line. Times run from the click to the kernel's idle "
            "(Streamlit: `script_finished`) and to the moment the last line was shown.",
            "",
            "| system | idle median ms | idle p90 ms | shown median ms | shown p90 ms |",
            "|---|---:|---:|---:|---:|",
            *rows,
            "",
            "| ratio (shown, median of back-to-back pairs) | measured |",
            "|---|---:|",
            f"| jupyter-fragments: parallel=True / sequential (ideal 0.33) | {ours:.2f}x |",
            f"| Streamlit 1.67: parallel=True / sequential | {theirs:.2f}x |",
            f"| parallel=True: jupyter-fragments / Streamlit 1.67 | {versus:.2f}x |",
            "",
            "In jupyter-fragments the page is sent once the fragments are joined (one "
            "flush for the run); Streamlit streams each fragment's delta as it is drawn "
            "and finishes the script run after the join.",
            MARKERS[1],
        ]
    )


def write_section(text: str, path: Path = RESULTS) -> None:
    """Put ``text`` in place of this benchmark's section (or at the end of the file)."""
    current = path.read_text(encoding="utf-8") if path.exists() else ""
    start, end = MARKERS
    if start in current and end in current:
        head, rest = current.split(start, 1)
        current = head + text + rest.split(end, 1)[1]
    else:
        current = current.rstrip("\n") + "\n\n" + text + "\n"
    path.write_text(current, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=20, help="timed reloads each (20)")
    parser.add_argument("--warmup", type=int, default=2, help="untimed reloads first (2)")
    parser.add_argument("--no-write", action="store_true", help="print, leave RESULTS.md")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as workdir:
        samples = measure(args.rounds, args.warmup, Path(workdir))
    text = section(samples, time.perf_counter() - start)
    print(text)
    if not args.no_write:
        write_section(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
