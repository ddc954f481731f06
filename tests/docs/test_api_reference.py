"""docs/api.md is generated from the docstrings and must match them: it cannot drift."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType

import jupyter_fragments
import jupyter_fragments.testing

DOCS = Path(__file__).resolve().parents[2] / "docs"


def load_generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("generate_api", DOCS / "generate_api.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_api_md_is_up_to_date() -> None:
    expected = load_generator().generate()
    actual = (DOCS / "api.md").read_text(encoding="utf-8")
    assert actual == expected, (
        "docs/api.md is out of date with the docstrings or the public API. "
        "Fix: run `python docs/generate_api.py` and commit docs/api.md."
    )


def test_every_public_name_has_an_entry_and_the_links_resolve() -> None:
    text = (DOCS / "api.md").read_text(encoding="utf-8")
    headings = set(re.findall(r"^#{2,4} (.+)$", text, flags=re.MULTILINE))
    for name in jupyter_fragments.__all__:
        assert f"st.{name}" in headings, name
    for name in jupyter_fragments.testing.__all__:
        assert name in headings, name
    anchors = load_generator().Anchors()
    ids = {anchors(title) for title in re.findall(r"^#+ (.+)$", text, flags=re.MULTILINE)}
    links = re.findall(r"\]\(#([^)]+)\)", text)
    assert links and not [link for link in links if link not in ids]
