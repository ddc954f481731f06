"""docs/architecture.md opens with the layer picture, in the order the contracts check."""

from __future__ import annotations

import re
from typing import Any

import pytest
from architecture_support import ROOT

tomllib = pytest.importorskip("tomllib", reason="tomllib is in the standard library from 3.11")


def contract_layers() -> list[list[str]]:
    """The layers contract of pyproject.toml, top to bottom, each as its module names."""
    config: dict[str, Any] = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    [layers] = [
        c["layers"] for c in config["tool"]["importlinter"]["contracts"] if c["type"] == "layers"
    ]
    return [[name.strip() for name in re.split(r"[|:]", layer)] for layer in layers]


def first_picture() -> tuple[str, list[str]]:
    """The first section's heading and the lines of its first code block."""
    text = (ROOT / "docs" / "architecture.md").read_text("utf-8")
    section = text.split("\n## ", 2)[1]
    heading, _, body = section.partition("\n")
    block = re.search(r"^```[^\n]*\n(.*?)^```", body, flags=re.MULTILINE | re.DOTALL)
    assert block is not None, "Fix: open docs/architecture.md with the layer picture."
    return heading, block.group(1).splitlines()


def _line_of(name: str, lines: list[str]) -> int | None:
    token = re.compile(rf"(?<![\w.]){re.escape(name)}(?:\.py|/)?(?![\w])")
    return next((i for i, line in enumerate(lines) if token.search(line)), None)


def test_layers_documented() -> None:
    heading, picture = first_picture()
    assert "layer" in heading.lower(), f"The first section is {heading!r}, not the layers."
    assert picture and "__init__.py" in picture[0], "The picture starts with the door."
    rows = []
    for layer in contract_layers():
        found = [row for row in (_line_of(name, picture) for name in layer) if row is not None]
        assert found, f"The layer {layer} of pyproject.toml is not in the picture."
        rows.append(min(found))
    assert rows == sorted(rows) and len(set(rows)) == len(rows), (
        f"The picture's order (lines {rows}) is not the contract's: {contract_layers()}."
    )
