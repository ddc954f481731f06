"""Side-by-side benchmarks: ipywidgets (the floor), interact, Solara, Streamlit, jupyter-fragments.

One command runs everything and writes ``benchmarks/RESULTS.md`` and ``results.json``::

    python benchmarks/run.py            # the full run (about 10 minutes on 2 cores)
    python benchmarks/run.py --quick    # a smoke test (about 2 minutes)

Every system is driven through the same kind of client: the kernel systems through the
Jupyter protocol as a frontend (comm messages), Streamlit through its websocket as a
browser tab (``BackMsg`` rerun requests). Each interaction is timed twice: to the
moment the page shows the new text (the harness's mirror has applied the message that
carries it; for Streamlit, the delta that carries it arrived), where a person would
stop the clock, and to the kernel's idle (Streamlit: ``script_finished``).
Interactions are interleaved system by system, so that the machine's noise falls on
all of them alike.

``--fragments-from PATH`` adds a second jupyter-fragments kernel importing the package
from the checkout at PATH (``PYTHONPATH``), interleaved with the others: a before/after
of a change in one run.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import os
import signal
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import _grid  # noqa: E402
import apps  # noqa: E402
from _kernel import KernelSystem, Sample  # noqa: E402
from _report import write_report  # noqa: E402
from _stats import describe, intervals, paired_ratio, paired_shown  # noqa: E402
from _streamlit import RunResult, StreamlitClient, StreamlitServer  # noqa: E402

KERNEL_SYSTEMS = {
    "floor": apps.FLOOR_SETUP,
    "interact": apps.INTERACT_SETUP,
    "solara": apps.SOLARA_SETUP,
    "fragments": apps.FRAGMENTS_SETUP,
    "alt": apps.FRAGMENTS_SETUP,  # jupyter-fragments from another checkout (--fragments-from)
}

WIDE_PAGES = {
    "floor": apps.floor_c,
    "interact": apps.interact_c,
    "solara": apps.solara_c,
    "fragments": apps.fragments_c,
    "alt": apps.fragments_c,
}
#: Systems whose text carries no markdown backticks (``print`` / ``solara.Text``)
PLAIN_TEXT = ("interact", "solara")


def shown_text(system: str, text: str) -> str:
    """``text`` as ``system`` shows it: "clicks `3`" is "clicks 3" in a print."""
    return text.replace("`", "") if system in PLAIN_TEXT else text


def wide_texts(system: str, rows: int, value: int) -> list[str]:
    """What C shows once ``value`` is drawn: the sum and the last row of the moved slider."""
    moved = int(apps.MOVED[1:])
    last = max(i for i in range(rows - 1) if i % apps.SLIDERS == moved)
    texts = [f"sum = `{value}`", f"row {last}: s{moved} = `{value}`"]
    return [shown_text(system, t) for t in texts]


def first_texts(system: str, rows: int) -> list[str]:
    """What the first render of C shows last: its last row."""
    last = rows - 2
    return [shown_text(system, f"row {last}: s{last % apps.SLIDERS} = `0`")]


@dataclass(frozen=True)
class Plan:
    """How much of everything to do."""

    interactions: int
    warmup: int
    endurance: int
    timer_seconds: float
    bursts: int
    first_renders: int
    wide_rows: int = 2000
    grid_renders: int = 20

    @classmethod
    def full(cls) -> Plan:
        return cls(interactions=200, warmup=20, endurance=10_000, timer_seconds=30.0,
                   bursts=10, first_renders=5)  # fmt: skip

    @classmethod
    def quick(cls) -> Plan:
        return cls(interactions=20, warmup=3, endurance=500, timer_seconds=5.0,
                   bursts=3, first_renders=2, grid_renders=5)  # fmt: skip


def log(text: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {text}", flush=True)


def st_sample(run: RunResult) -> Sample:
    return Sample(run.seconds, run.messages, run.bytes, shown=run.shown)


class Bench:
    """The systems, alive for the whole run, and one method per shape."""

    def __init__(self, plan: Plan, workdir: Path, alt: str | None = None) -> None:
        self.plan = plan
        self.workdir = workdir
        self.alt = alt  # the checkout the "alt" kernel imports jupyter-fragments from
        self.k: dict[str, KernelSystem] = {}
        self.server: StreamlitServer | None = None
        self.checks: list[str] = []

    @contextlib.contextmanager
    def systems(
        self, kernels: tuple[str, ...] = tuple(KERNEL_SYSTEMS), streamlit: bool = True
    ) -> Iterator[Bench]:
        script = self.workdir / "streamlit_app.py"
        script.write_text(apps.STREAMLIT_SCRIPT)
        try:
            for name in kernels:
                log(f"starting the {name} kernel")
                path = self.alt if name == "alt" else None
                self.k[name] = KernelSystem(name, KERNEL_SYSTEMS[name], path)
            if streamlit:
                log("starting streamlit")
                self.server = StreamlitServer(script, self.workdir / "streamlit.log").start()
            yield self
        finally:
            if self.server is not None:
                self.server.stop()
            for system in self.k.values():
                with contextlib.suppress(Exception):
                    system.shutdown()

    def st_client(self, shape: str) -> StreamlitClient:
        assert self.server is not None
        client = self.server.client()
        client.query_string = f"shape={shape}"
        return client

    def check(self, ok: bool, what: str) -> None:
        self.checks.append(("ok   " if ok else "FAIL ") + what)
        if not ok:
            log(f"CHECK FAILED: {what}")

    def cleanup(self) -> None:
        for system in self.k.values():
            system.cleanup()

    def interleave(self, actions: dict[str, Callable[[int], Sample]]) -> dict[str, list[Sample]]:
        """Every system once per round, the starting system rotating each round."""
        names = list(actions)
        out: dict[str, list[Sample]] = {name: [] for name in names}
        warmup = self.plan.warmup
        for i in range(warmup + self.plan.interactions):
            shift = i % len(names)
            for name in names[shift:] + names[:shift]:
                sample = actions[name](i)
                if i >= warmup:
                    out[name].append(sample)
        return out

    # -- shapes ---------------------------------------------------------------------
    def shape_click(self, shape: str) -> dict[str, Any]:
        """A (fragment rerun) or B (full rerun): click the counter button."""
        k = self.k
        label = "+1" if shape == "A" else "+1 (all)"
        cells = {
            "floor": apps.FLOOR_A if shape == "A" else apps.FLOOR_B,
            "interact": apps.INTERACT_A if shape == "A" else apps.INTERACT_B,
            "solara": apps.SOLARA_A if shape == "A" else apps.SOLARA_B,
            "fragments": apps.FRAGMENTS_A if shape == "A" else apps.FRAGMENTS_B,
        }
        if "alt" in k:
            cells["alt"] = cells["fragments"]
        ids = {}
        for name, code in cells.items():
            k[name].cell(code)
            kinds = ("Btn",) if name == "solara" else ("Button",)
            ids[name] = k[name].find(label, kinds)
        client = self.st_client(shape)
        client.rerun()
        button = client.find(label)
        frag = button.fragment_id if shape == "A" else ""
        last: list[RunResult] = []

        def streamlit(i: int) -> Sample:
            texts = [f"clicks `{i + 1}`"]
            last[:] = [client.rerun(click=button.id, fragment_id=frag, texts=texts)]
            return st_sample(last[0])

        def clicker(name: str) -> Callable[[int], Sample]:
            return lambda i: k[name].click(ids[name], [shown_text(name, f"clicks `{i + 1}`")])

        actions = {name: clicker(name) for name in cells}
        actions["streamlit"] = streamlit
        samples = self.interleave(actions)
        total = self.plan.warmup + self.plan.interactions
        key = "n" if shape == "A" else "nb"
        state = k["fragments"].eval(f"__import__('jupyter_fragments').session_state[{key!r}]")
        self.check(state == total, f"{shape}: fragments counted {state} of {total} clicks")
        if "alt" in k:
            state = k["alt"].eval(f"__import__('jupyter_fragments').session_state[{key!r}]")
            self.check(state == total, f"{shape}: alt counted {state} of {total} clicks")
        shown = f"clicks `{total}`" in last[0].texts
        self.check(shown, f"{shape}: streamlit shows clicks `{total}`")
        if shape == "A":
            runs = k["fragments"].session.app("A").runs
            self.check(runs == 1, f"A: the fragments app ran once in full ({runs})")
        client.close()
        return {"samples": samples}

    def shape_wide(self, rows: int, systems: tuple[str, ...]) -> dict[str, Any]:
        """C: one of 50 sliders moved, the whole page (``rows`` text rows) reruns."""
        k = self.k
        ids = {}
        for name in systems:
            if name == "streamlit":
                continue
            k[name].cell(WIDE_PAGES[name](rows))
            kinds = ("Slider",) if name == "solara" else ("IntSlider",)
            ids[name] = k[name].find(apps.MOVED, kinds)
        actions: dict[str, Callable[[int], Sample]] = {}
        last: list[RunResult] = []
        if "streamlit" in systems:
            client = self.st_client(f"C{rows}")
            client.rerun()
            slider = client.find(apps.MOVED)

            def streamlit(i: int) -> Sample:
                slider.value = 1 + i % 100
                last[:] = [client.rerun(texts=wide_texts("streamlit", rows, 1 + i % 100))]
                return st_sample(last[0])

            actions["streamlit"] = streamlit

        def mover(name: str) -> Callable[[int], Sample]:
            trait = "v_model" if name == "solara" else "value"
            return lambda i: k[name].update(
                ids[name], {trait: 1 + i % 100}, wide_texts(name, rows, 1 + i % 100)
            )

        for name in systems:
            if name != "streamlit":
                actions[name] = mover(name)
        samples = self.interleave(actions)
        final = 1 + (self.plan.warmup + self.plan.interactions - 1) % 100
        text = k["fragments"].session.text_of(k["fragments"].session.app(None).model_id)
        self.check(f"sum = `{final}`" in text, f"C{rows}: fragments shows sum = `{final}`")
        if last:
            shown = f"sum = `{final}`" in last[0].texts
            self.check(shown, f"C{rows}: streamlit shows sum = `{final}`")
        return {"samples": samples}

    def first_render(self) -> dict[str, Any]:
        """The first draw of the 250-element page (50 sliders, 200 rows), interleaved."""
        k = self.k
        names = [name for name in WIDE_PAGES if name in k]
        out: dict[str, list[Sample]] = {name: [] for name in [*names, "streamlit"]}

        def kernel(name: str) -> Callable[[], Sample]:
            def draw() -> Sample:
                k[name].cleanup()
                return k[name].cell(WIDE_PAGES[name](200), texts=first_texts(name, 200))

            return draw

        def streamlit() -> Sample:
            client = self.st_client("C200")
            sample = st_sample(client.rerun(texts=first_texts("streamlit", 200)))
            client.close()
            return sample

        actions = {name: kernel(name) for name in names}
        actions["streamlit"] = streamlit
        order = list(actions)
        for i in range(self.plan.first_renders):
            shift = i % len(order)
            for name in order[shift:] + order[:shift]:
                out[name].append(actions[name]())
        self.cleanup()
        return {
            "seconds": {name: [s.seconds for s in samples] for name, samples in out.items()},
            "shown": {name: [s.shown for s in samples] for name, samples in out.items()},
            "samples": out,
        }

    def endurance(self) -> dict[str, Any]:
        """D: many fragment reruns (and as many floor clicks): memory and live widgets."""
        k = self.k
        ids = {name: k[name].find("+1", ("Button",)) for name in ("floor", "fragments")}
        out: dict[str, Any] = {}
        for name in ids:
            k[name].eval("__import__('gc').collect()")
            out[name] = {"rss_before": k[name].rss(), "widgets_before": k[name].live_widgets(),
                         "mirror_live_before": len(k[name].session.mirror.live()),
                         "curve": []}  # fmt: skip
        runs_before = k["fragments"].session.app("A").fragment("counter").runs
        start = time.perf_counter()
        step = max(self.plan.endurance // 10, 1)
        for i in range(self.plan.endurance):
            for name, model_id in ids.items():
                k[name].click(model_id)
            if (i + 1) % step == 0:
                for name in ids:
                    out[name]["curve"].append((i + 1, k[name].rss(), k[name].live_widgets()))
        out["seconds"] = time.perf_counter() - start
        for name in ids:
            k[name].eval("__import__('gc').collect()")
            out[name].update(rss_after=k[name].rss(), widgets_after=k[name].live_widgets(),
                             mirror_live_after=len(k[name].session.mirror.live()))  # fmt: skip
        runs = k["fragments"].session.app("A").fragment("counter").runs - runs_before
        out["fragment_reruns"] = runs
        self.check(runs == self.plan.endurance, f"D: {runs} fragment reruns")
        return out

    def timers(self) -> dict[str, Any]:
        """F: ``run_every=0.1`` accuracy and jitter; then 20 timers at once."""
        k = self.k
        seconds = self.plan.timer_seconds
        k["floor"].cell(apps.FLOOR_TIMER)
        k["fragments"].cell(apps.fragments_timers(1, "T1"))
        self._pump(("floor", "fragments"), seconds)
        floor_times = k["floor"].eval("t_times")
        k["floor"].session.run_silent("t_handle[0].cancel()")
        one = k["fragments"].eval("__import__('jupyter_fragments').session_state['T1_ticks']")
        k["fragments"].cleanup()
        k["fragments"].cell(apps.fragments_timers(20, "T20"))
        self._pump(("fragments",), seconds)
        many = k["fragments"].eval("__import__('jupyter_fragments').session_state['T20_ticks']")
        self.cleanup()
        every = [intervals(t) for t in many.values()]
        pooled = [t for ts in many.values() for t in ts]
        return {
            "seconds": seconds,
            "floor_asyncio": intervals(floor_times),
            "fragments_1": intervals(one[0]),
            "fragments_20": {
                "timers": len(many),
                "ticks_per_s_min": min(e["ticks_per_s"] for e in every),
                "ticks_per_s_median": _median([e["ticks_per_s"] for e in every]),
                "interval_median_ms": _median([e["interval_median_ms"] for e in every]),
                "interval_p90_ms_worst": max(e["interval_p90_ms"] for e in every),
                "jitter_stdev_ms_median": _median([e["jitter_stdev_ms"] for e in every]),
                "jitter_stdev_ms_worst": max(e["jitter_stdev_ms"] for e in every),
                "total_ticks": len(pooled),
            },
        }

    def watch(self) -> dict[str, Any]:
        """Issue 9: a plain cell assigns a watched key; time to the watcher's redraw."""
        k = self.k
        k["floor"].cell(apps.FLOOR_WATCH)
        k["fragments"].cell(apps.FRAGMENTS_WATCH)
        k["fragments"].cell("import jupyter_fragments as st")

        def runner(name: str, make: Callable[[int], str]) -> Callable[[int], Sample]:
            return lambda i: k[name].cell(make(i + 1), texts=[f"rows `{i + 1}`"])

        samples = self.interleave(
            {
                "floor": runner("floor", apps.floor_watch_cell),
                "fragments": runner("fragments", apps.fragments_watch_cell),
            }
        )
        total = self.plan.warmup + self.plan.interactions
        app = k["fragments"].session.app("watch")
        self.check(f"rows `{total}`" in app.text, "W: the watcher shows the last data")
        self.check(app.runs == 1, f"W: the app body ran once ({app.runs})")
        return {"samples": samples}

    def _pump(self, names: tuple[str, ...], seconds: float) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            for name in names:
                self.k[name].pump(0.02)

    def burst(self) -> dict[str, Any]:
        """Issue 3: 20 slider moves 10 ms apart on a slow app (100 ms a run)."""
        k = self.k
        k["fragments"].cell(apps.FRAGMENTS_BURST)
        k["interact"].cell(apps.INTERACT_BURST)
        ids = {name: k[name].find("burst", ("IntSlider",)) for name in ("fragments", "interact")}
        client = self.st_client("burst")
        client.rerun()
        slider = client.find("burst")
        runs_expr = {
            "fragments": "__import__('jupyter_fragments').session_state['burst_runs']",
            "interact": "burst_runs",
        }
        out: dict[str, dict[str, list[float]]] = {
            name: {"seconds": [], "runs": []} for name in ("fragments", "interact", "streamlit")
        }
        for rep in range(self.plan.bursts):
            values = [rep * 100 + 100 + j for j in range(1, 21)]
            for name in ("fragments", "interact"):
                session = k[name].session
                before = k[name].eval(runs_expr[name])
                msg_ids = []
                for j, value in enumerate(values):
                    if j:
                        session.wait(0.01)
                    msg_ids.append(session.send_update(ids[name], {"value": value}))
                last = time.perf_counter()
                session.wait_idle(msg_ids)
                out[name]["seconds"].append(time.perf_counter() - last)
                out[name]["runs"].append(k[name].eval(runs_expr[name]) - before)
            text = k["fragments"].session.text_of(k["fragments"].session.app("burst").model_id)
            self.check(f"value `{values[-1]}`" in text, f"burst {rep}: fragments shows the last")
            self.check(k["interact"].eval("burst_last") == values[-1], f"burst {rep}: interact")
            for j, value in enumerate(values):
                if j:
                    time.sleep(0.01)
                slider.value = value
                client.send_only()
            last = time.perf_counter()
            runs = 0
            while time.perf_counter() - last < 60:
                run = client.read_until_finished(last, statuses=(0, 1, 2, 3))
                runs += 1
                if run.status == 0 and f"value `{values[-1]}`" in run.texts:
                    break
            out["streamlit"]["seconds"].append(time.perf_counter() - last)
            out["streamlit"]["runs"].append(runs)
        client.close()
        self.cleanup()
        return out


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    mid = len(ordered) // 2
    return ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2


def summarize(raw: dict[str, Any]) -> dict[str, Any]:
    """Samples -> medians, p90s, paired ratios to the floor, to Streamlit and to fragments."""
    shapes: dict[str, Any] = {}
    for shape in ("A", "B", "C", "C2000", "W", "first"):
        if shape not in raw:
            continue
        samples: dict[str, list[Sample]] = raw[shape]["samples"]
        table: dict[str, Any] = {}
        for name, items in samples.items():
            row = describe(items)
            secs = [s.seconds for s in items]
            for peer in ("floor", "streamlit", "fragments", "alt"):
                if peer in samples and peer != name:
                    other = [s.seconds for s in samples[peer]]
                    row[f"x_{peer}_idle"] = paired_ratio(secs, other)
                    row[f"x_{peer}"] = paired_shown(items, samples[peer])
            if "floor" in samples and name != "floor":
                gaps = [a.shown - b.shown for a, b in zip(items, samples["floor"], strict=True)
                        if a.shown is not None and b.shown is not None]  # fmt: skip
                row["minus_floor_ms"] = statistics.median(gaps) * 1000 if gaps else None
            if "floor" in samples and name != "floor":
                floor_bytes = describe(samples["floor"])["bytes"]
                row["bytes_x_floor"] = row["bytes"] / floor_bytes if floor_bytes else None
            table[name] = row
        shapes[shape] = table
    return shapes


def machine() -> dict[str, Any]:
    import platform

    import psutil

    model = ""
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    versions = {}
    for pkg in ("jupyter-fragments", "ipykernel", "ipywidgets", "jupyter_client", "streamlit",
                "solara", "reacton", "tornado", "pyzmq"):  # fmt: skip
        with contextlib.suppress(Exception):
            from importlib.metadata import version

            versions[pkg] = version(pkg)
    return {
        "cpu": model,
        "cores": os.cpu_count(),
        "memory_gb": round(psutil.virtual_memory().total / 2**30, 1),
        "os": platform.platform(),
        "python": platform.python_version(),
        "versions": versions,
        "loadavg_start": os.getloadavg(),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--quick", action="store_true", help="a short smoke run (~2 min)")
    parser.add_argument("--out", type=Path, default=HERE, help="where to write the results")
    parser.add_argument("--shapes", default="A,D,B,C,C2000,W,first,F,burst,grid",
                        help="comma-separated subset of A,D,B,C,C2000,W,first,F,burst,grid "
                             "(grid alone: only the jupyter-fragments kernel, and its results "
                             "are merged into the existing results.json)")  # fmt: skip
    parser.add_argument(
        "--report-only", action="store_true", help="rewrite RESULTS.md from results.json"
    )
    parser.add_argument(
        "--fragments-from",
        metavar="PATH",
        type=Path,
        help="add a second jupyter-fragments kernel importing the package from "
        "the checkout at PATH (PYTHONPATH), interleaved with the others",
    )
    parser.add_argument(
        "--label",
        default=None,
        help="what to call that checkout in the report (default: its commit)",
    )
    args = parser.parse_args(argv)
    if args.report_only:
        write_report(json.loads((args.out / "results.json").read_text()), args.out / "RESULTS.md")
        return 0
    # a terminated run still stops its kernels and server (the finally blocks run)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    plan = Plan.quick() if args.quick else Plan.full()
    wanted = set(args.shapes.split(","))
    started = time.time()
    meta: dict[str, Any] = {"date": time.strftime("%Y-%m-%d %H:%M %Z"), "plan": plan.__dict__,
            "command": " ".join(["python", "benchmarks/run.py", *(argv or sys.argv[1:])]),
            "machine": machine()}  # fmt: skip
    raw: dict[str, Any] = {}
    alt = str(args.fragments_from.resolve()) if args.fragments_from else None
    if alt is not None:
        meta["alt"] = {"path": alt, "label": args.label or _commit_of(alt)}
        meta["head"] = _commit_of(str(HERE.parent))
    more = ("alt",) if alt else ()
    every = ("floor", "interact", "solara", "fragments", *more, "streamlit")
    only_grid = wanted == {"grid"}
    with tempfile.TemporaryDirectory(prefix="jf-bench-") as tmp:
        bench = Bench(plan, Path(tmp), alt)
        systems = ("floor", "interact", "solara", "fragments", *more)
        kernels = ("fragments",) if only_grid else systems
        with bench.systems(kernels, streamlit=not only_grid):
            gc.collect()
            if "A" in wanted or "D" in wanted:
                log("shape A: a click inside a fragment")
                raw["A"] = bench.shape_click("A")
                if "D" in wanted:
                    log(f"shape D: {plan.endurance} fragment reruns")
                    raw["D"] = bench.endurance()
                bench.cleanup()
            if "B" in wanted:
                log("shape B: a click rerunning everything")
                raw["B"] = bench.shape_click("B")
                bench.cleanup()
            if "C" in wanted:
                log("shape C: one of 50 sliders moved on a 250-element page")
                raw["C"] = bench.shape_wide(200, every)
                bench.cleanup()
            if "C2000" in wanted:
                log(f"shape C at {plan.wide_rows} rows: floor and fragments")
                wide = ("floor", "fragments", *more, "streamlit")
                raw["C2000"] = bench.shape_wide(plan.wide_rows, wide)
                bench.cleanup()
            if "W" in wanted:
                log("shape W: a watched key set from a plain cell")
                raw["W"] = bench.watch()
                bench.cleanup()
            if "first" in wanted:
                log("first render of the 250-element page")
                raw["first"] = bench.first_render()
            if "F" in wanted:
                log(f"shape F: timers for {plan.timer_seconds:g} s, twice")
                raw["F"] = bench.timers()
            if "burst" in wanted:
                log("burst: 20 slider moves on a slow app")
                raw["burst"] = bench.burst()
            if "grid" in wanted:
                log("shape G: st.dataframe's first render, 100 vs 100,000 rows")
                raw["grid"] = _grid.grid_first_render(bench.k["fragments"], plan.grid_renders)
    meta["seconds"] = round(time.time() - started, 1)
    meta["machine"]["loadavg_end"] = os.getloadavg()
    results: dict[str, Any] = {"meta": meta, "checks": bench.checks, "shapes": summarize(raw)}
    for key in ("D", "F", "first", "burst"):
        if key in raw:
            results[key] = {k: v for k, v in raw[key].items() if k != "samples"}
    results["wide_overhead"] = _wide_overhead(results["shapes"], plan)
    if "grid" in raw:
        results["grid"] = {**_grid.summary(raw["grid"]), "date": meta["date"],
                           "loadavg": [meta["machine"]["loadavg_start"][0],
                                       meta["machine"]["loadavg_end"][0]]}  # fmt: skip
    existing = args.out / "results.json"
    if only_grid and existing.exists():  # a grid-only run keeps the other shapes' figures
        results = {**json.loads(existing.read_text()), "grid": results["grid"]}
    (args.out / "results.json").write_text(json.dumps(results, indent=1, default=str) + "\n")
    write_report(results, args.out / "RESULTS.md")
    log(f"done in {meta['seconds']} s: {args.out / 'RESULTS.md'}")
    return 0 if all(c.startswith("ok") for c in bench.checks) else 1


def _commit_of(path: str) -> str:
    """The short commit of the checkout at ``path`` (``-dirty`` with uncommitted changes)."""
    import subprocess

    def git(*args: str) -> str:
        done = subprocess.run(["git", "-C", path, *args], capture_output=True, text=True)
        return done.stdout.strip()

    commit = git("rev-parse", "--short", "HEAD") or Path(path).name
    return commit + ("-dirty" if git("status", "--porcelain", "--untracked-files=no") else "")


def _wide_overhead(shapes: dict[str, Any], plan: Plan) -> dict[str, Any] | None:
    """Framework cost per unchanged element, from C (200 rows) and C at 2,000 rows.

    Per system: the growth of its "text shown" median per added row, less the floor's
    growth (``overhead_us_per_row``), and the median paired difference with the floor at
    2,000 rows spread over the page's elements (``minus_floor_us_per_element``).
    """
    if "C" not in shapes or "C2000" not in shapes:
        return None
    small, big = shapes["C"], shapes["C2000"]
    extra = plan.wide_rows - 200
    elements = plan.wide_rows + apps.SLIDERS

    def growth(name: str, key: str = "shown_median_ms") -> float:
        return float(big[name][key] - small[name][key]) / extra * 1000

    out: dict[str, Any] = {"floor_us_per_row": growth("floor")}
    for name in ("fragments", "alt"):
        if name in big and name in small:
            out[name] = {
                "us_per_row": growth(name),
                "overhead_us_per_row": growth(name) - growth("floor"),
                "overhead_us_per_row_idle": growth(name, "median_ms")
                - growth("floor", "median_ms"),
                "minus_floor_us_per_element": big[name]["minus_floor_ms"] / elements * 1000,
            }
    if "fragments" in out:  # the figures earlier reports had
        out["fragments_us_per_row"] = out["fragments"]["us_per_row"]
        out["overhead_us_per_row"] = out["fragments"]["overhead_us_per_row"]
    return out


if __name__ == "__main__":
    raise SystemExit(main())
