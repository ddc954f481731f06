"""Every parameter of Streamlit 1.67's signatures is accepted by the same name here.

The facts are in ``tests/data/streamlit_1_67_signatures.json`` (names and parameter
names, from ``inspect.signature`` on the streamlit 1.67.0 wheel). A parameter still
missing is listed in ``NOT_YET`` below with who builds it, so this test passes and the
gap stays visible; an entry that is no longer missing fails the test until removed.
"""

from __future__ import annotations

import inspect
import json
from pathlib import Path

import pytest

import jupyter_fragments as st

FACTS = Path(__file__).resolve().parents[1] / "data" / "streamlit_1_67_signatures.json"
SIGNATURES: dict[str, list[str]] = json.loads(FACTS.read_text(encoding="utf-8"))["signatures"]

#: Streamlit's ``st.App`` is its ASGI server app; ours runs a script in a notebook. They
#: share a name only, so their signatures are not compared.
DIFFERENT_THINGS = {"App"}

#: Parameters not accepted yet, by name, with why (each also has its row note in
#: docs/streamlit-compatibility.md). Empty: every parameter of Streamlit 1.67 is accepted.
NOT_YET: dict[str, tuple[str, ...]] = {}


def _accepts(name: str, parameter: str) -> bool:
    """Whether ``st.<name>`` takes ``parameter`` (``*args`` means any positional ones)."""
    ours = inspect.signature(getattr(st, name)).parameters
    kinds = {p.kind for p in ours.values()}
    if parameter.startswith("**"):
        return inspect.Parameter.VAR_KEYWORD in kinds
    if parameter.startswith("*"):
        return inspect.Parameter.VAR_POSITIONAL in kinds
    found = ours.get(parameter)
    if found is not None and found.kind is not inspect.Parameter.POSITIONAL_ONLY:
        return True
    return inspect.Parameter.VAR_KEYWORD in kinds


SHARED = sorted(n for n in SIGNATURES if hasattr(st, n) and n not in DIFFERENT_THINGS)


def test_the_facts_cover_the_names_both_packages_have() -> None:
    assert len(SIGNATURES) > 100
    assert {"button", "pills", "chat_input", "cache_data"} <= set(SIGNATURES)
    assert len(SHARED) > 60


@pytest.mark.parametrize("name", SHARED)
def test_every_streamlit_parameter_is_accepted(name: str) -> None:
    missing = [p for p in SIGNATURES[name] if not _accepts(name, p)]
    allowed = set(NOT_YET.get(name, ()))
    unexpected = [p for p in missing if p not in allowed]
    assert not unexpected, (
        f"st.{name} does not accept Streamlit 1.67's {unexpected}. Fix: accept them "
        "(implemented, or accepted and listed in docs/streamlit-compatibility.md)."
    )
    done = sorted(allowed - set(missing))
    assert not done, f"st.{name} accepts {done} now. Fix: remove them from NOT_YET."


def test_the_allow_list_names_only_real_gaps() -> None:
    for name, parameters in NOT_YET.items():
        assert name in SIGNATURES, name
        assert set(parameters) <= set(SIGNATURES[name]), name
