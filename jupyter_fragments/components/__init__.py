"""``st.components``: Streamlit's components modules, as ``st.components.v1``.

Call ``st.components.v1.html(...)``, or import the module as Streamlit apps do:
``import jupyter_fragments.components.v1 as components``.
"""

from __future__ import annotations

from jupyter_fragments.components import v1

__all__ = ["v1"]
