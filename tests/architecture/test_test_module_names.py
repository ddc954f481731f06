"""Test modules have unique basenames: pytest (rootdir import mode, no packages) refuses
two ``test_x.py`` in one session, which would stop CI at collection."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]


def test_test_module_basenames_are_unique() -> None:
    seen: dict[str, list[str]] = defaultdict(list)
    for path in TESTS.rglob("test_*.py"):
        seen[path.name].append(str(path.relative_to(TESTS)))
    clashes = {name: paths for name, paths in seen.items() if len(paths) > 1}
    assert not clashes, (
        f"test modules share a name: {clashes}. Fix: rename one (e.g. the browser test "
        "to test_<topic>_page.py)."
    )
