"""What Streamlit's AppTest cannot test: fragment reruns and run_every timers.

Here an input inside a fragment reruns only that fragment, as in a notebook, and
``at.wait`` lets the kernel's timers tick.
"""

from __future__ import annotations

from jupyter_fragments.testing import AppTest


def test_an_input_inside_a_fragment_reruns_only_the_fragment():
    at = AppTest.from_file("apps/fragments.py").run()
    assert at.fragment("counter").runs == 1

    at.fragment("counter").button[0].click().run()

    assert at.ran == ("counter",)
    assert at.fragment("counter").runs == 2
    assert at.fragment("counter").markdown[0].value == "count: 1"
    assert at.button[0].value is True
    # the rest of the page was not rerun
    assert at.markdown[0].value == "full runs: 1"
    assert at.session_state.full_runs == 1


def test_an_input_outside_the_fragment_reruns_everything():
    at = AppTest.from_file("apps/fragments.py").run()
    at.button[0].click().run()

    at.selectbox[0].select("busy").run()

    assert at.ran == ("app", "counter")
    assert at.markdown.values == ["full runs: 2", "count: 1", "mood: busy"]
    assert at.fragment("counter").runs == 3


def test_run_every_fragment_ticks_while_waiting():
    at = AppTest.from_file("apps/clock.py").run()
    assert at.fragment("clock").run_every == 0.2
    first = int(at.metric[0].value)

    at.wait(1.0)

    assert at.ran == ("clock",)
    assert at.fragment("clock").runs > 1
    assert int(at.metric[0].value) > first
    assert at.session_state.ticks == int(at.metric[0].value)
