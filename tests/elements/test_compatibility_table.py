"""docs/streamlit-compatibility.md cannot drift from ``jupyter_fragments.__all__``."""

from __future__ import annotations

import re
from pathlib import Path

import jupyter_fragments as st

DOC = Path(__file__).resolve().parents[2] / "docs" / "streamlit-compatibility.md"
ROW = re.compile(r"^\|\s*`st\.([A-Za-z_][A-Za-z0-9_]*)`\s*\|\s*([a-z ]+?)\s*\|(.*)\|\s*$")
AVAILABLE = {"supported", "partly", "extra"}
STATUSES = AVAILABLE | {"not supported"}


def _rows() -> dict[str, tuple[str, str]]:
    rows: dict[str, tuple[str, str]] = {}
    for line in DOC.read_text(encoding="utf-8").splitlines():
        match = ROW.match(line)
        if match is None:
            continue
        name, status, notes = match.group(1), match.group(2).strip(), match.group(3).strip()
        assert name not in rows, f"st.{name} has two rows in {DOC.name}"
        assert status in STATUSES, f"st.{name}: unknown status {status!r}"
        rows[name] = (status, notes)
    return rows


def test_every_public_name_has_a_row_that_says_it_exists() -> None:
    rows = _rows()
    missing = sorted(set(st.__all__) - set(rows))
    assert not missing, f"add rows to {DOC.name} for: {missing}"
    wrong = sorted(n for n in st.__all__ if rows[n][0] not in AVAILABLE)
    assert not wrong, f"these are in __all__ but marked 'not supported': {wrong}"


def test_rows_claiming_support_name_real_functions() -> None:
    for name, (status, _) in _rows().items():
        if status in AVAILABLE:
            assert name in st.__all__ and hasattr(st, name), f"st.{name} is marked {status}"
        else:
            assert not hasattr(st, name), f"st.{name} exists: mark it supported or partly"


def test_differences_and_gaps_are_explained() -> None:
    rows = _rows()
    for name, (status, notes) in rows.items():
        if status != "supported":
            assert len(notes) > 10, f"st.{name} ({status}) needs a note saying why"
    assert len(rows) > 100


STREAMLIT_NAMES = Path(__file__).resolve().parents[1] / "data" / "streamlit_1_67_names.txt"


def _streamlit_names() -> list[str]:
    lines = STREAMLIT_NAMES.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def test_every_streamlit_1_67_name_has_a_row() -> None:
    """A name Streamlit has cannot be forgotten: built, partly built or explained."""
    rows = _rows()
    missing = [name for name in _streamlit_names() if name not in rows]
    assert not missing, f"add rows to {DOC.name} for Streamlit 1.67's: {missing}"
