"""``components.v1``: HTML and web pages in frames; ``declare_component`` raises.

``html`` shows HTML (scripts included) in a sandboxed frame, ``iframe`` a web page.
Streamlit's custom components need its frontend: in a notebook, a Jupyter widget
(anywidget) shown with ``st.widget`` takes their place.
"""

from __future__ import annotations

from jupyter_fragments._elements.embeds import components_html as html
from jupyter_fragments._elements.embeds import components_iframe as iframe
from jupyter_fragments._elements.embeds import declare_component

__all__ = ["declare_component", "html", "iframe"]
