"""Profile jupyter-fragments' hot path inside the kernel: fragment clicks and wide reruns.

    python benchmarks/profile_hot_path.py [--moves 200] [--fragments-from PATH] [--out DIR]

Starts one kernel, builds shape A (a fragment click) and shape C at 200 and 2,000 rows,
and profiles the kernel's main thread while a client drives it: pyinstrument for the
call tree, cProfile for the functions that cost the most. Writes ``benchmarks/profile/``.
"""

from __future__ import annotations

import argparse
import functools
import sys
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import apps  # noqa: E402
from _kernel import KernelSystem  # noqa: E402

# pyinstrument and cProfile both hook the interpreter's profiler: one pass each.
START_TREE = """\
from pyinstrument import Profiler
_pi = Profiler(interval=0.0005, async_mode="disabled")
_pi.start()
"""
STOP_TREE = """\
_pi.stop()
_report = _pi.output_text(unicode=False, color=False, show_all=False)
"""
START_FUNCS = """\
import cProfile, pstats, io
_cp = cProfile.Profile()
_cp.enable()
"""
STOP_FUNCS = """\
_cp.disable()
_buf = io.StringIO()
_ps = pstats.Stats(_cp, stream=_buf)
_ps.sort_stats("tottime").print_stats(25)
_ps.sort_stats("cumulative").print_stats(r"jupyter_fragments", 30)
_report = _buf.getvalue()
"""
RERUN_TIME = """\
import time as _time
try:
    from jupyter_fragments._runtime.runs import JobRunner as _Runner
    _name = "run"
except ImportError:  # a checkout from before the runtime's layers (App._run)
    from jupyter_fragments._runtime.app import App as _Runner
    _name = "_run"
_durations = []
_orig_run = getattr(_Runner, _name)
def _timed_run(self, job):
    _s = _time.perf_counter()
    try:
        return _orig_run(self, job)
    finally:
        _durations.append(_time.perf_counter() - _s)
setattr(_Runner, _name, _timed_run)
"""


def _move(k: KernelSystem, slider: str, i: int) -> object:
    return k.update(slider, {"value": 1 + i % 100})


def profile(
    k: KernelSystem, name: str, act: Callable[[int], object], moves: int, out: Path
) -> None:
    parts = []
    for start, stop in ((START_TREE, STOP_TREE), (START_FUNCS, STOP_FUNCS)):
        k.session.run_silent(start)
        began = time.perf_counter()
        for i in range(moves):
            act(i)
        wall = time.perf_counter() - began
        k.session.run_silent(stop)
        parts.append(f"{moves} interactions, client wall {wall:.3f} s\n{k.eval('_report')}")
    (out / f"{name}.txt").write_text("\n\n".join(parts))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--moves", type=int, default=200)
    parser.add_argument("--fragments-from", metavar="PATH", help="profile another checkout")
    parser.add_argument("--out", type=Path, default=HERE / "profile")
    args = parser.parse_args()
    out = args.out
    out.mkdir(exist_ok=True)
    k = KernelSystem("fragments", apps.FRAGMENTS_SETUP, args.fragments_from)
    try:
        k.session.run_silent(RERUN_TIME)
        k.cell(apps.FRAGMENTS_A.replace(f"time.sleep({apps.SLOW})", "pass"))
        button = k.find("+1", ("Button",))
        for _ in range(20):
            k.click(button)
        profile(k, "A_fragment_click", lambda _: k.click(button), args.moves, out)
        k.cleanup()
        lines = []
        for rows in (200, 2000):
            k.cell(apps.fragments_c(rows))
            slider = k.find(apps.MOVED, ("IntSlider",))
            for i in range(20):
                k.update(slider, {"value": 1 + i % 100})
            k.session.run_silent("_durations.clear()")
            move = functools.partial(_move, k, slider)
            profile(k, f"C{rows}_slider", move, args.moves, out)
            k.session.run_silent("_durations.clear()")
            for i in range(args.moves):
                k.update(slider, {"value": 1 + i % 100})
            med = k.eval("sorted(_durations)[len(_durations) // 2] * 1000")
            lines.append(f"C{rows}: in-kernel run median {med:.2f} ms (no profiler)")
            k.cleanup()
        (out / "rerun_times.txt").write_text("\n".join(lines) + "\n")
        print("\n".join(lines))
    finally:
        k.shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
