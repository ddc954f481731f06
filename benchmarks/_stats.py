"""Summaries of samples: medians, p90, and ratios taken pair by pair."""

from __future__ import annotations

import itertools
import statistics
from collections.abc import Sequence
from typing import Any


def percentile(values: Sequence[float], q: float) -> float:
    """The ``q``-th percentile (0-100), linear between closest ranks."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    pos = (len(ordered) - 1) * q / 100
    low = int(pos)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (pos - low)


def summary_ms(seconds: Sequence[float]) -> dict[str, float]:
    ms = [s * 1000 for s in seconds]
    return {
        "n": len(ms),
        "median_ms": statistics.median(ms),
        "p90_ms": percentile(ms, 90),
        "mean_ms": statistics.fmean(ms),
        "min_ms": min(ms),
    }


def paired_ratio(these: Sequence[float], those: Sequence[float]) -> float:
    """Median over interactions of this/that, each pair measured back to back."""
    return statistics.median(a / b for a, b in zip(these, those, strict=True))


def paired_shown(these: Sequence[Any], those: Sequence[Any]) -> float | None:
    """`paired_ratio` of the "text shown" times, over the rounds where both were seen."""
    pairs = [
        (a.shown, b.shown)
        for a, b in zip(these, those, strict=True)
        if a.shown is not None and b.shown is not None
    ]
    return statistics.median(a / b for a, b in pairs) if pairs else None


def describe(samples: Sequence[Any]) -> dict[str, Any]:
    """Timing and message summary of a list of `Sample`s: times to the kernel's idle
    (``median_ms``...) and to the text shown (``shown_median_ms``...)."""
    out: dict[str, Any] = summary_ms([s.seconds for s in samples])
    shown = [s.shown for s in samples if getattr(s, "shown", None) is not None]
    out["shown_missing"] = len(samples) - len(shown)
    if shown:
        out.update({f"shown_{k}": v for k, v in summary_ms(shown).items() if k != "n"})
    out["messages"] = statistics.median(s.messages for s in samples)
    out["bytes"] = statistics.median(s.bytes for s in samples)
    out["comm_opens"] = max(s.comm_opens for s in samples)
    out["comm_closes"] = max(s.comm_closes for s in samples)
    return out


def intervals(times: Sequence[float]) -> dict[str, float]:
    """Accuracy and jitter of a periodic timer from its tick times (seconds)."""
    if len(times) < 3:
        return {"ticks": len(times)}
    gaps = [(b - a) * 1000 for a, b in itertools.pairwise(times)]
    span = times[-1] - times[0]
    return {
        "ticks": len(times),
        "ticks_per_s": (len(times) - 1) / span if span else float("nan"),
        "interval_median_ms": statistics.median(gaps),
        "interval_p90_ms": percentile(gaps, 90),
        "interval_p99_ms": percentile(gaps, 99),
        "interval_max_ms": max(gaps),
        "jitter_stdev_ms": statistics.pstdev(gaps),
    }
