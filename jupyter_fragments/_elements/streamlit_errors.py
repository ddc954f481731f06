"""Streamlit's exception names, for scripts that catch them (``streamlit.errors`` in a file
run with `run_file`): the few errors Streamlit has that this package had no class for, and
every other Streamlit exception name bound to the class of ours that is raised instead.
"""

from __future__ import annotations

from jupyter_fragments.errors import (
    DuplicateWidgetError,
    FragmentsAPIError,
    FragmentWidgetError,
    NoAppError,
    StreamlitAPIException,
    StrictAppError,
)

__all__ = [
    "DuplicateWidgetError",
    "DuplicateWidgetID",
    "Error",
    "FragmentWidgetError",
    "FragmentsAPIError",
    "LocalizableStreamlitException",
    "MarkdownFormattedException",
    "NoAppError",
    "NoSessionContext",
    "StreamlitAPIException",
    "StreamlitAPIWarning",
    "StreamlitAuthError",
    "StreamlitBadTimeStringError",
    "StreamlitDataframeConversionError",
    "StreamlitDefaultNotInOptionsError",
    "StreamlitDuplicateElementId",
    "StreamlitDuplicateElementKey",
    "StreamlitIncompatibleParametersError",
    "StreamlitInvalidColorError",
    "StreamlitInvalidColumnSpecError",
    "StreamlitInvalidFormCallbackError",
    "StreamlitInvalidHeightError",
    "StreamlitInvalidLayoutContextError",
    "StreamlitInvalidMinMaxError",
    "StreamlitInvalidNumberFormatError",
    "StreamlitInvalidParameterTypeError",
    "StreamlitInvalidURLError",
    "StreamlitInvalidWidthError",
    "StreamlitJSNumberBoundsError",
    "StreamlitMissingAuthlibError",
    "StreamlitMissingRequiredParameterError",
    "StreamlitMixedNumericTypesError",
    "StreamlitPageNotFoundError",
    "StreamlitQueryParamDictValueError",
    "StreamlitSecretNotFoundError",
    "StreamlitSelectionCountExceedsMaxError",
    "StreamlitValueAboveMaxError",
    "StreamlitValueAssignmentNotAllowedError",
    "StreamlitValueBelowMinError",
    "StreamlitValueError",
    "StreamlitValueOutOfRangeError",
    "StreamlitWidgetAlreadyInstantiatedError",
    "StrictAppError",
]


class StreamlitSecretNotFoundError(FragmentsAPIError, FileNotFoundError):
    """``st.secrets`` found no secrets file, or could not parse one."""


class StreamlitPageNotFoundError(FragmentsAPIError):
    """A page given to ``st.Page``, ``st.page_link`` or ``st.switch_page`` does not exist."""


class StreamlitAuthError(FragmentsAPIError):
    """``st.login`` / ``st.logout``: a notebook kernel has no login of its own."""


# Streamlit's other names: the class of ours raised where Streamlit raises them.
Error = FragmentsAPIError
MarkdownFormattedException = FragmentsAPIError
LocalizableStreamlitException = FragmentsAPIError
StreamlitAPIWarning = FragmentsAPIError
NoSessionContext = NoAppError
DuplicateWidgetID = DuplicateWidgetError
StreamlitDuplicateElementId = DuplicateWidgetError
StreamlitDuplicateElementKey = DuplicateWidgetError
StreamlitMissingAuthlibError = StreamlitAuthError
StreamlitDataframeConversionError = FragmentsAPIError
StreamlitInvalidURLError = FragmentsAPIError
StreamlitInvalidColumnSpecError = FragmentsAPIError
StreamlitSelectionCountExceedsMaxError = FragmentsAPIError
StreamlitMixedNumericTypesError = FragmentsAPIError
StreamlitValueBelowMinError = FragmentsAPIError
StreamlitValueAboveMaxError = FragmentsAPIError
StreamlitInvalidMinMaxError = FragmentsAPIError
StreamlitValueOutOfRangeError = FragmentsAPIError
StreamlitJSNumberBoundsError = FragmentsAPIError
StreamlitInvalidNumberFormatError = FragmentsAPIError
StreamlitMissingRequiredParameterError = FragmentsAPIError
StreamlitIncompatibleParametersError = FragmentsAPIError
StreamlitQueryParamDictValueError = FragmentsAPIError
StreamlitInvalidFormCallbackError = FragmentsAPIError
StreamlitInvalidLayoutContextError = FragmentsAPIError
StreamlitValueAssignmentNotAllowedError = FragmentsAPIError
StreamlitWidgetAlreadyInstantiatedError = FragmentsAPIError
StreamlitInvalidColorError = FragmentsAPIError
StreamlitBadTimeStringError = FragmentsAPIError
StreamlitInvalidWidthError = FragmentsAPIError
StreamlitInvalidHeightError = FragmentsAPIError
StreamlitValueError = FragmentsAPIError
StreamlitInvalidParameterTypeError = FragmentsAPIError
StreamlitDefaultNotInOptionsError = FragmentsAPIError
