"""Where captured ``print``/``display()`` output goes: the running scope's current block.

Prints between two ``st`` calls collect in one capture element; outside runs they go to
the kernel's real streams.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

from jupyter_fragments._output.bundles import stream_output
from jupyter_fragments._page.blocks import StaticElement
from jupyter_fragments._runtime.context import RunContext


class CaptureSink:
    """Receives what `Capture` intercepts and adds it to the run in progress."""

    def __init__(self, current: Callable[[], RunContext | None]) -> None:
        self.current = current

    @staticmethod
    def _element(ctx: RunContext) -> StaticElement:
        block = ctx.block
        element = block.last_capture(ctx.serial)
        if element is None:
            element = StaticElement([], capture=True, serial=ctx.serial)
            block.add(element)
        return element

    def stream(self, name: str, text: str) -> None:
        ctx = self.current()
        if ctx is None:
            stream = sys.__stdout__ if name == "stdout" else sys.__stderr__
            if stream is not None:
                stream.write(text)
            return
        element = self._element(ctx)
        outputs = element.outputs
        if outputs and outputs[-1].get("output_type") == "stream" and outputs[-1]["name"] == name:
            outputs[-1] = stream_output(name, outputs[-1]["text"] + text)
        else:
            outputs.append(stream_output(name, text))
        ctx.app.page.mark(element)
        ctx.app.after_element(ctx)

    def display(self, output: dict[str, Any], update: bool, display_id: str | None) -> None:
        ctx = self.current()
        if ctx is None:
            return
        element = self._element(ctx)
        if update and display_id is not None:
            for i, existing in enumerate(element.outputs):
                if existing.get("transient", {}).get("display_id") == display_id:
                    element.outputs[i] = output
                    break
        else:
            element.outputs.append(output)
        ctx.app.page.mark(element)
        ctx.app.after_element(ctx)

    def clear(self, wait: bool) -> None:
        ctx = self.current()
        if ctx is None:
            return
        element = ctx.block.last_capture(ctx.serial)
        if element is not None:
            element.outputs.clear()
            ctx.app.page.mark(element)
