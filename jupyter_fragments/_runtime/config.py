"""User settings, configurable like every Jupyter component (profile config, ``%config``)."""

from __future__ import annotations

from traitlets import Bool, Enum, Float, Int
from traitlets.config import Configurable


class Fragments(Configurable):
    """Settings of jupyter-fragments.

    Set them in an IPython profile (``c.Fragments.strict = True``) or in a notebook
    with ``%config Fragments.strict = True``.
    """

    strict = Bool(
        False,
        help="Make a %%app cell fail when its app raises (for notebook test suites). "
        "The traceback is still shown inside the app.",
    ).tag(config=True)

    stale_delay = Float(
        0.3,
        help="Seconds a scope may rerun before it is marked stale (the 'jf-running' CSS "
        "class: faded, with a spinner), whatever its code is doing. A run that ends "
        "sooner sends no message for it.",
    ).tag(config=True)

    flush_interval = Float(
        0.1,
        help="While a run lasts longer than this many seconds, what it has drawn so far "
        "is sent to the page at this interval (so placeholders can animate).",
    ).tag(config=True)

    min_run_every = Float(
        0.05,
        help="Smallest run_every interval accepted, in seconds.",
    ).tag(config=True)

    max_consecutive_reruns = Int(
        1000,
        help="How many times in a row st.rerun() may restart a scope before the loop "
        "is reported as an error.",
    ).tag(config=True)

    parallel_cancel_wait = Float(
        2.0,
        help="When a full run ends early (an interrupt, st.rerun() or a newer event in "
        "the app's own code), how many seconds it waits for its parallel fragments to "
        "reach their next st.* call (which ends them) or to finish. Those still busy are "
        "left behind: their thread runs on until its code returns, and its st.* calls and "
        "prints end it without drawing anything.",
    ).tag(config=True)

    outside_writes = Enum(
        ["accumulate", "redraw"],
        default_value="accumulate",
        help="What a fragment's writes into a container made outside it do on the "
        "fragment's reruns. 'accumulate' (Streamlit 1.33-1.37, the default): they are "
        "added after the earlier ones until the next full run, and a widget there is an "
        "error. 'redraw' (Streamlit 1.59+): each rerun redraws them in place, and widgets "
        "there are allowed and rerun the fragment.",
    ).tag(config=True)
