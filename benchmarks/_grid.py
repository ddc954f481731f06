"""Shape G (issue 13): the first render of ``st.dataframe`` at 100 and at 100,000 rows.

The grid sends the page its schema and row count; rows come when the page asks for
them (as it scrolls), so the first render should not grow with the frame. Measured in
the jupyter-fragments kernel, as a frontend sees it: from sending the ``%%app`` cell
to the kernel's idle (the app drawn), with the bytes the kernel sent. The frames are
made beforehand (making data is the user's cost, not the grid's).
"""

from __future__ import annotations

import time
from typing import Any

from _kernel import KernelSystem

SIZES = (100, 100_000)
SETUP = """\
import numpy as np
import pandas as pd

def _grid_frame(n):
    rng = np.random.default_rng(0)
    return pd.DataFrame({
        "i": np.arange(n),
        "x": rng.random(n),
        "s": [f"row {k}" for k in range(n)],
        "b": np.arange(n) % 2 == 0,
        "t": pd.date_range("2024-01-01", periods=n, freq="min"),
        "c": pd.Categorical(np.array(["a", "b", "c"])[np.arange(n) % 3]),
    })

grid_frames = {n: _grid_frame(n) for n in (100, 100_000)}
"""


def app(rows: int) -> str:
    return f"%%app grid\nimport jupyter_fragments as st\nst.dataframe(grid_frames[{rows}])\n"


def _grid_id(system: KernelSystem) -> str:
    found = [m for m in system.session.mirror.live() if m.kind == "StreamingDataGrid"]
    if len(found) != 1:
        raise LookupError(f"{len(found)} grids on the page")
    return found[0].model_id


def grid_first_render(system: KernelSystem, repeats: int) -> dict[str, Any]:
    """First renders at each size (interleaved), then a scroll and a sort of the big one."""
    session = system.session
    session.run_cell(SETUP, timeout=300)
    start = time.perf_counter()
    session.run_cell(app(100))  # the kernel's first grid imports ipydatagrid (and bqplot)
    first_import = time.perf_counter() - start
    samples: dict[int, list[dict[str, float]]] = {n: [] for n in SIZES}
    for i in range(repeats):
        for rows in SIZES if i % 2 == 0 else SIZES[::-1]:
            system.cleanup()
            start = time.perf_counter()
            result = session.run_cell(app(rows))
            seconds = time.perf_counter() - start
            if result.error is not None:
                raise RuntimeError(f"the grid app raised {result.error}")
            samples[rows].append(
                {"seconds": seconds, "bytes": result.bytes, "messages": result.messages}
            )
    system.cleanup()
    session.run_cell(app(100_000))
    grid = _grid_id(system)
    actions: dict[str, list[dict[str, float]]] = {"scroll": [], "sort": []}
    for i in range(repeats):
        request = {"type": "data-request", "r1": 50_000 + i, "r2": 50_049 + i, "c1": 0, "c2": 5}
        start = time.perf_counter()
        hit = session.wait_idle(session.send_custom(grid, request))[0]
        actions["scroll"].append({"seconds": time.perf_counter() - start, "bytes": hit.bytes})
        sort = [{"type": "sort", "column": "x", "desc": bool(i % 2)}]
        start = time.perf_counter()
        hit = session.wait_idle(session.send_update(grid, {"_transforms": sort}))[0]
        actions["sort"].append({"seconds": time.perf_counter() - start, "bytes": hit.bytes})
    system.cleanup()
    return {"first_import_seconds": first_import, "renders": samples, **actions}


def summary(raw: dict[str, Any]) -> dict[str, Any]:
    """Medians per size and action, and the ratio the issue sets (100,000 / 100 rows)."""

    def median(values: list[float]) -> float:
        ordered = sorted(values)
        return ordered[len(ordered) // 2]

    renders = {int(k): v for k, v in raw["renders"].items()}
    table = {
        rows: {
            "median_ms": median([s["seconds"] for s in runs]) * 1000,
            "bytes": median([s["bytes"] for s in runs]),
            "messages": median([s["messages"] for s in runs]),
        }
        for rows, runs in renders.items()
    }
    small, big = table[SIZES[0]], table[SIZES[1]]
    actions = {
        name: {
            "median_ms": median([s["seconds"] for s in raw[name]]) * 1000,
            "bytes": median([s["bytes"] for s in raw[name]]),
        }
        for name in ("scroll", "sort")
    }
    return {
        "first_import_ms": raw["first_import_seconds"] * 1000,
        "renders": table,
        "ratio": big["median_ms"] / small["median_ms"],
        "bytes_ratio": big["bytes"] / small["bytes"],
        "actions": actions,
        "repeats": len(renders[SIZES[0]]),
    }


def report(grid: dict[str, Any]) -> list[str]:
    """The RESULTS.md section for shape G."""
    renders = {int(k): v for k, v in grid["renders"].items()}
    load = grid.get("loadavg") or [0.0, 0.0]
    lines = [
        f"Run {grid.get('date', '')} by `python benchmarks/run.py --shapes grid` (load "
        f"average {load[0]:.1f} at the start, {load[1]:.1f} at the end).",
        "",
        f"Median of {grid['repeats']} first renders per size, interleaved; a 6-column frame "
        "(int, float, str, bool, datetime, category). The kernel's first grid (which imports "
        f"ipydatagrid and bqplot) took {grid['first_import_ms']:.0f} ms and is not counted.",
        "",
        "| rows | median ms | bytes | messages |",
        "|---:|---:|---:|---:|",
    ]
    for rows, row in renders.items():
        lines.append(
            f"| {rows:,} | {row['median_ms']:.1f} | {row['bytes']:,.0f} | {row['messages']:.0f} |"
        )
    scroll, sort = grid["actions"]["scroll"], grid["actions"]["sort"]
    lines += [
        "",
        f"100,000 rows / 100 rows: **{grid['ratio']:.2f}x** the time (target: within 2x), "
        f"{grid['bytes_ratio']:.2f}x the bytes.",
        f"On the 100,000-row grid: 50 rows asked for by a scroll, {scroll['median_ms']:.1f} ms "
        f"and {scroll['bytes']:,.0f} bytes; a sort by a float column (in the kernel), "
        f"{sort['median_ms']:.1f} ms.",
    ]
    return lines
