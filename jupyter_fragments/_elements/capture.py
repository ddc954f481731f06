"""Capture inputs: ``st.camera_input`` and ``st.audio_input``, which a notebook cannot offer.

They take Streamlit's signatures and raise a clear error pointing to
``st.file_uploader``: no maintained ipywidgets capture widget ships a prebuilt frontend
for JupyterLab 4, Notebook 7 and Voila (ipywebrtc's last release, 0.6.0 of 2021, is
built for ipywidgets 7).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, NoReturn

from jupyter_fragments._elements.params import Callback
from jupyter_fragments.errors import FragmentsAPIError

_WHY = (
    "a notebook has no maintained capture widget: no ipywidgets package that records "
    "from the browser ships a frontend for JupyterLab 4, Notebook 7 and Voila "
    "(ipywebrtc's last release, 0.6.0 of 2021, is built for ipywidgets 7)"
)


def camera_input(
    label: str,
    key: Any = None,
    help: str | None = None,
    on_change: Callback = None,
    args: Iterable[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    *,
    disabled: bool = False,
    label_visibility: str = "visible",
    resolution: Any = None,
    width: str | int = "stretch",
) -> NoReturn:
    """Not available in a notebook: raises an error that points to ``st.file_uploader``.

    Examples
    --------
    >>> picture = st.file_uploader("Take or choose a picture", type=["png", "jpg"])
    """
    raise FragmentsAPIError(
        f"st.camera_input({label!r}) cannot take pictures here: {_WHY}. Fix: let the user "
        f'upload a picture with st.file_uploader({label!r}, type=["png", "jpg", "jpeg"]); '
        "it returns an uploaded file as st.camera_input would."
    )


def audio_input(
    label: str,
    *,
    sample_rate: int | None = 16000,
    key: Any = None,
    help: str | None = None,
    on_change: Callback = None,
    args: Iterable[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    disabled: bool = False,
    label_visibility: str = "visible",
    width: str | int = "stretch",
) -> NoReturn:
    """Not available in a notebook: raises an error that points to ``st.file_uploader``.

    Examples
    --------
    >>> recording = st.file_uploader("Upload a recording", type=["wav", "mp3"])
    """
    raise FragmentsAPIError(
        f"st.audio_input({label!r}) cannot record here: {_WHY}. Fix: let the user upload "
        f'a recording with st.file_uploader({label!r}, type=["wav", "mp3", "ogg"]); it '
        "returns an uploaded file as st.audio_input would."
    )
