"""What the input elements share: the common parameters, option lists and their labels."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, Literal

from jupyter_fragments.errors import FragmentsAPIError

#: An ``on_change``/``on_click`` argument: a function, None, or (Streamlit 1.67's
#: ``on_change``) ``"rerun"`` / ``"ignore"``.
Callback = Callable[..., Any] | Literal["rerun", "ignore"] | None


def common_params(help: str | None, disabled: bool, label_visibility: str) -> dict[str, Any]:
    """The parameters every input takes: ``help``, ``disabled``, ``label_visibility``."""
    return {"help": help, "disabled": disabled, "label_visibility": label_visibility}


def option_list(options: Any, call: str) -> list[Any]:
    """The options as a list (a DataFrame's first column for a frame)."""
    if options is None:
        return []
    if hasattr(options, "columns") and hasattr(options, "iloc"):  # a DataFrame: first column
        return list(options.iloc[:, 0])
    if isinstance(options, (str, bytes)) or not isinstance(options, Iterable):
        raise FragmentsAPIError(
            f"{call} got options={options!r}. Fix: pass a list (or another iterable) of options."
        )
    return list(options)


def option_labels(options: list[Any], format_func: Any, call: str) -> list[str]:
    """The label shown for each option (``format_func`` must be callable)."""
    if not callable(format_func):
        raise FragmentsAPIError(
            f"{call} got a format_func that is not callable. Fix: pass a function, e.g. "
            "format_func=str."
        )
    return [str(format_func(option)) for option in options]


def check_index(index: Any, count: int, call: str, *, allow_none: bool = True) -> None:
    """Raise when ``index`` cannot select one of ``count`` options."""
    if index is None and allow_none:
        return
    if not isinstance(index, int) or isinstance(index, bool) or not 0 <= index < max(count, 1):
        raise FragmentsAPIError(
            f"{call} got index={index!r} for {count} options. Fix: pass an index between 0 "
            f"and {max(count - 1, 0)}" + (", or None for no selection." if allow_none else ".")
        )
