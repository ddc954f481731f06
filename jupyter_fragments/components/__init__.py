"""``st.components``: Streamlit's components modules, as ``st.components.v1``.

Use ``st.components.v1.html(...)`` or ``import jupyter_fragments.components.v1 as
components``, as with ``streamlit.components.v1``.
"""

from __future__ import annotations

from jupyter_fragments.components import v1

__all__ = ["v1"]
