"""RESULTS.md from the summarized results: tables, targets met or not, machine and commands.

The measured part is generated; the analysis (profiling, why a target is missed) lives
in ``NOTES.md`` next to it and is appended verbatim, so a rerun never loses it.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from _grid import report as grid_report

SYSTEMS = ("floor", "fragments", "alt", "interact", "solara", "streamlit")
TITLES = {
    "floor": "plain ipywidgets (floor)",
    "fragments": "jupyter-fragments",
    "alt": "jupyter-fragments (other checkout)",
    "interact": "ipywidgets interact",
    "solara": "Solara (kernel)",
    "streamlit": "Streamlit (server)",
}
SHAPES = {
    "A": "A: click inside a fragment (200 ms computation outside it)",
    "B": "B: the same click rerunning everything (200 ms included)",
    "C": "C: one of 50 sliders moved, 200 text rows, whole page reruns",
    "C2000": "C at 2,000 text rows",
    "W": "W: a plain cell sets a watched session-state key; the watching fragment redraws "
    "(issue 9; the floor's cell redraws its Output by hand)",
}


def _f(value: Any, digits: int = 2) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return str(value)


def _shape_table(table: dict[str, Any]) -> list[str]:
    lines = [
        "| system | shown median ms | shown p90 ms | x floor | x Streamlit | x fragments "
        "| idle median ms | x floor (idle) | msgs | bytes | x floor bytes | comm open/close |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name in SYSTEMS:
        row = table.get(name)
        if row is None:
            continue
        missing = row.get("shown_missing", 0)
        note = f" ({missing} not seen)" if missing else ""
        lines.append(
            f"| {TITLES[name]} | {_f(row.get('shown_median_ms'))}{note} "
            f"| {_f(row.get('shown_p90_ms'))} "
            f"| {_f(row.get('x_floor', 1.0 if name == 'floor' else None))} "
            f"| {_f(row.get('x_streamlit'), 3)} | {_f(row.get('x_fragments'))} "
            f"| {_f(row['median_ms'])} "
            f"| {_f(row.get('x_floor_idle', 1.0 if name == 'floor' else None))} "
            f"| {_f(row['messages'], 0)} "
            f"| {_f(row['bytes'], 0)} | {_f(row.get('bytes_x_floor'))} "
            f"| {row['comm_opens']}/{row['comm_closes']} |"
        )
    return lines


def _versus(results: dict[str, Any]) -> list[str]:
    """The two checkouts of jupyter-fragments side by side, shape by shape."""
    alt = results["meta"]["alt"]
    head = results["meta"].get("head", "HEAD")
    lines = [
        f"`{alt['label']}` is the checkout at `{alt['path']}`; `{head}` is this one. Both "
        "kernels ran interleaved in the same rounds as the other systems. Ratios are "
        "medians of per-round ratios (text shown).",
        "",
        f"| shape | {alt['label']} shown ms | {head} shown ms | {head} / {alt['label']} "
        f"| {alt['label']} x floor | {head} x floor | {alt['label']} idle ms | {head} idle ms "
        "| msgs (bytes) before -> after |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for shape, table in results["shapes"].items():
        a, f = table.get("alt"), table.get("fragments")
        if a is None or f is None:
            continue
        lines.append(
            f"| {shape} | {_f(a.get('shown_median_ms'))} | {_f(f.get('shown_median_ms'))} "
            f"| {_f(f.get('x_alt'), 3)} | {_f(a.get('x_floor'), 3)} | {_f(f.get('x_floor'), 3)} "
            f"| {_f(a['median_ms'])} | {_f(f['median_ms'])} "
            f"| {_f(a['messages'], 0)} ({_f(a['bytes'], 0)}) -> "
            f"{_f(f['messages'], 0)} ({_f(f['bytes'], 0)}) |"
        )
    wide = results.get("wide_overhead") or {}
    if "alt" in wide and "fragments" in wide:
        lines += [
            "",
            "Framework time per unchanged element (growth per added row from 200 to 2,000 "
            f"rows beyond the floor's): {alt['label']} "
            f"{wide['alt']['overhead_us_per_row']:.2f} us, {head} "
            f"{wide['fragments']['overhead_us_per_row']:.2f} us.",
        ]
    return lines


def _targets(results: dict[str, Any]) -> list[str]:
    shapes = results["shapes"]
    out = ["| target | measured | met |", "|---|---|---|"]

    def row(name: str, measured: str, ok: bool | None) -> None:
        out.append(f"| {name} | {measured} | {'yes' if ok else 'no' if ok is not None else '-'} |")

    def ratio(x: float | None, limit: float, what: str) -> None:
        row(what, "-" if x is None else f"{x:.3f}x", None if x is None else x <= limit)

    a = shapes.get("A", {}).get("fragments")
    if a:
        ratio(a.get("x_floor"), 1.05, "A: text shown within 1.05x of the floor (paired median)")
    c = shapes.get("C", {}).get("fragments")
    if c:
        ratio(c.get("x_floor"), 1.15, "C: text shown within 1.15x of the floor (paired median)")
        row("C: bytes at the floor", f"{c['bytes_x_floor']:.2f}x", c["bytes_x_floor"] <= 1.0)
    c2 = shapes.get("C2000", {}).get("fragments")
    if c2:
        x = c2.get("x_floor")
        row("C at 2,000 rows: text shown, x floor (no target of its own)",
            "-" if x is None else f"{x:.3f}x", None)  # fmt: skip
        row("C at 2,000 rows: bytes at the floor", f"{c2['bytes_x_floor']:.2f}x",
            c2["bytes_x_floor"] <= 1.0)  # fmt: skip
    wide = results.get("wide_overhead")
    if wide and "overhead_us_per_row" in wide:
        per = wide["overhead_us_per_row"]
        row("C at 2,000 rows: overhead < 5 us per unchanged element", f"{per:.2f} us", per < 5)
    first = shapes.get("first", {}).get("fragments")
    if first:
        ratio(first.get("x_streamlit"), 1.0, "first render: no slower than Streamlit's first run")
    d = results.get("D", {}).get("fragments")
    if d:
        growth = (d["rss_after"] - d["rss_before"]) / 2**20
        flat = d["widgets_after"] == d["widgets_before"]
        row("D: RSS growth < 5 MB", f"{growth:.2f} MB", growth < 5)
        row("D: flat live-widget count", f"{d['widgets_before']} -> {d['widgets_after']}", flat)
    grid = results.get("grid")
    if grid:
        ratio = grid["ratio"]
        row("G: 100,000-row grid's first render within 2x of 100 rows", f"{ratio:.2f}x", ratio <= 2)
    if a:
        clean = a["comm_opens"] == 0 and a["comm_closes"] == 0
        opened = f"{a['comm_opens']}/{a['comm_closes']}"
        row("E: fragment rerun opens/closes no comm", opened, clean)
    return out


def _first(first: dict[str, Any]) -> list[str]:
    lines = ["| system | text shown, all runs ms | idle, all runs ms |", "|---|---|---|"]
    for name in SYSTEMS:
        runs = first["seconds"].get(name)
        if runs:
            idle = ", ".join(f"{r * 1000:.0f}" for r in runs)
            shown = ", ".join("-" if r is None else f"{r * 1000:.0f}"
                              for r in first.get("shown", {}).get(name, []))  # fmt: skip
            lines.append(f"| {TITLES[name]} | {shown} | {idle} |")
    return lines


def _endurance(d: dict[str, Any]) -> list[str]:
    lines = [
        f"{d['fragment_reruns']} fragment reruns (and as many floor clicks), {d['seconds']:.0f} s.",
        "",
        "| system | RSS before MB | RSS after MB | growth MB | live widgets before -> after "
        "| client-side live models |",
        "|---|---:|---:|---:|---|---|",
    ]
    for name in ("floor", "fragments"):
        s = d[name]
        mb = 2**20
        lines.append(
            f"| {TITLES[name]} | {s['rss_before'] / mb:.1f} | {s['rss_after'] / mb:.1f} "
            f"| {(s['rss_after'] - s['rss_before']) / mb:.2f} "
            f"| {s['widgets_before']} -> {s['widgets_after']} "
            f"| {s['mirror_live_before']} -> {s['mirror_live_after']} |"
        )
    curve = ", ".join(f"{n}: {rss / 2**20:.1f}" for n, rss, _ in d["fragments"]["curve"])
    lines += ["", f"jupyter-fragments RSS (MB) along the run: {curve}."]
    return lines


def _timers(f: dict[str, Any]) -> list[str]:
    lines = [
        f"Each over {f['seconds']:g} s, kernel idle otherwise; tick times taken in the kernel.",
        "",
        "| timer | ticks/s | interval median ms | p90 ms | p99 ms | max ms | jitter (stdev) ms |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for key, title in (("floor_asyncio", "floor: asyncio call_at, assigns an Output"),
                       ("fragments_1", "jupyter-fragments, 1 fragment run_every=0.1")):  # fmt: skip
        s = f[key]
        lines.append(
            f"| {title} | {s['ticks_per_s']:.2f} | {s['interval_median_ms']:.1f} "
            f"| {s['interval_p90_ms']:.1f} | {s['interval_p99_ms']:.1f} "
            f"| {s['interval_max_ms']:.1f} | {s['jitter_stdev_ms']:.2f} |"
        )
    m = f["fragments_20"]
    lines += [
        "",
        f"20 fragments with run_every=0.1 at once: {m['total_ticks']} ticks; per timer "
        f"{m['ticks_per_s_median']:.2f} ticks/s median (lowest {m['ticks_per_s_min']:.2f}), "
        f"interval median {m['interval_median_ms']:.1f} ms, worst p90 "
        f"{m['interval_p90_ms_worst']:.1f} ms, jitter stdev {m['jitter_stdev_ms_median']:.2f} ms "
        f"median (worst {m['jitter_stdev_ms_worst']:.2f} ms).",
    ]
    return lines


def _burst(b: dict[str, Any]) -> list[str]:
    lines = [
        "20 slider moves 10 ms apart on an app whose run takes 100 ms; time from the last "
        "move sent to the final value drawn (kernel idle for the last event; Streamlit's "
        "`script_finished` of the run showing the last value). Runs: runs that got past "
        "the slider (kernel systems, counted in the kernel); for Streamlit, runs that "
        "finished (interrupted runs send no `script_finished`).",
        "",
        "| system | median ms | max ms | runs per burst (median) |",
        "|---|---:|---:|---:|",
    ]
    for name in ("fragments", "interact", "streamlit"):
        s = b[name]
        secs = sorted(s["seconds"])
        runs = sorted(s["runs"])
        lines.append(
            f"| {TITLES[name]} | {secs[len(secs) // 2] * 1000:.0f} | {secs[-1] * 1000:.0f} "
            f"| {runs[len(runs) // 2]} |"
        )
    return lines


def write_report(results: dict[str, Any], path: Path) -> None:
    meta = results["meta"]
    if "alt" in meta:
        TITLES["alt"] = f"jupyter-fragments @ {meta['alt']['label']}"
        TITLES["fragments"] = f"jupyter-fragments @ {meta.get('head', 'HEAD')}"
    m = meta["machine"]
    versions = ", ".join(f"{k} {v}" for k, v in m["versions"].items())
    load = f"{m['loadavg_start'][0]:.2f} at the start, {m['loadavg_end'][0]:.2f} at the end"
    lines = [
        "# Benchmarks: jupyter-fragments side by side",
        "",
        "Generated by `benchmarks/run.py`; the analysis after the tables is `NOTES.md`.",
        "",
        f"- Date: {meta['date']}; run took {meta['seconds']:.0f} s.",
        f"- Command: `{meta['command']}` (the full run: `python benchmarks/run.py`; "
        "a smoke run: `python benchmarks/run.py --quick`).",
        f"- Machine: {m['cpu']}, {m['cores']} cores, {m['memory_gb']} GB, {m['os']}, "
        f"Python {m['python']}.",
        f"- Load average (1 min): {load}. The machine is shared and small, so absolute "
        "numbers are noisy; ratios are taken pair by pair (each round runs every system "
        "once, back to back, the starting system rotating) and are the numbers to read.",
        f"- Versions: {versions}.",
        f"- Plan: {meta['plan']['interactions']} measured interactions per system and shape "
        f"after {meta['plan']['warmup']} warm-up rounds.",
        "",
        "Times are client-observed, from sending the event, and taken twice: **text shown** "
        "stops the clock where a person would, when the page shows the new text (the "
        "harness's mirror of the page has applied the message carrying the last expected "
        "text: for C the sum and the last row of the moved slider; for Streamlit, the "
        "delta carrying it arrived); **idle** at the kernel's idle for the event (which "
        "comes after the redraw) or Streamlit's `script_finished`. Ratios (x floor, x "
        "Streamlit) are medians of per-round ratios of the text-shown times; the idle "
        "ratio is beside them. Messages and bytes are what the server sent for the "
        "interaction (kernel: iopub messages other than status, JSON content size; "
        "Streamlit: websocket frames).",
        "",
        "## Targets",
        "",
        *_targets(results),
        "",
    ]
    for shape, title in SHAPES.items():
        if shape in results["shapes"]:
            lines += [f"## {title}", "", *_shape_table(results["shapes"][shape]), ""]
    wide = results.get("wide_overhead")
    if wide:
        lines += [
            "Growth from 200 to 2,000 rows, per added row: jupyter-fragments "
            f"{wide['fragments_us_per_row']:.2f} us, floor {wide['floor_us_per_row']:.2f} us; "
            f"framework overhead {wide['overhead_us_per_row']:.2f} us per unchanged element.",
            "",
        ]
    if "first" in results:
        lines += ["## First render of the 250-element page (50 sliders, 200 rows)", ""]
        if "first" in results["shapes"]:
            lines += [*_shape_table(results["shapes"]["first"]), ""]
        lines += [*_first(results["first"]), ""]
    if "alt" in results["meta"]:
        lines += ["## Two checkouts of jupyter-fragments side by side", "",
                  *_versus(results), ""]  # fmt: skip
    if "D" in results:
        lines += ["## D: endurance", "", *_endurance(results["D"]), ""]
    if "F" in results:
        lines += ["## F: timers (run_every=0.1)", "", *_timers(results["F"]), ""]
    if "burst" in results:
        lines += ["## Slider burst on a slow app (issue 3)", "", *_burst(results["burst"]), ""]
    if "grid" in results:
        title = "## G: st.dataframe's first render, 100 vs 100,000 rows (issue 13)"
        lines += [title, "", *grid_report(results["grid"]), ""]
    lines += ["## Sanity checks", "", *[f"- {c}" for c in results["checks"]], ""]
    notes = path.parent / "NOTES.md"
    if notes.exists():
        lines += [notes.read_text()]
    kept = _kept_sections(path)
    path.write_text("\n".join(lines).rstrip() + "\n" + ("\n" + kept if kept else ""))


_SECTION = re.compile(r"<!-- (\w+): start -->.*?<!-- \1: end -->\n?", re.S)


def _kept_sections(path: Path) -> str:
    """The sections other benchmark scripts own (``<!-- name: start/end -->``), kept as they are."""
    if not path.exists():
        return ""
    return "\n".join(m.group(0).rstrip("\n") + "\n" for m in _SECTION.finditer(path.read_text()))
