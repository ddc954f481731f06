"""The app shapes, written once per system as a user of that system would write them.

A: a 200 ms computation outside and a button-counter inside a fragment (click -> redraw).
B: the same click rerunning everything (the 200 ms included).
C: a wide page: 50 sliders and N text rows; moving one slider changes 5 rows.
Burst: a slow app (100 ms a run) whose slider receives a burst of moves.
Timers: ``run_every=0.1`` fragments (and the floor: an asyncio timer assigning an Output).

Kernel systems get cell sources; Streamlit gets one script that picks the shape from the
query string, so one server serves every shape.
"""

from __future__ import annotations

SLOW = 0.2  # seconds of "computation" outside the fragment (A, B)
BURST_RUN = 0.1  # seconds a run of the burst app takes
SLIDERS = 50
MOVED = "s7"  # the slider moved in shape C

# -- plain ipywidgets: the floor ---------------------------------------------------------
FLOOR_SETUP = """\
import time, ipywidgets as w

def md(text):
    return ({"output_type": "display_data", "metadata": {},
             "data": {"text/markdown": text, "text/plain": text}},)
"""

FLOOR_A = """\
slow_out = w.Output(outputs=md("slow part done"))  # computed once, never again
a_n = 0
a_out = w.Output(outputs=md("clicks `0`"))
a_btn = w.Button(description="+1")

def a_click(_):
    global a_n
    a_n += 1
    a_out.outputs = md(f"clicks `{a_n}`")

a_btn.on_click(a_click)
w.VBox([slow_out, w.VBox([a_btn, a_out])])
"""

FLOOR_B = f"""\
b_n = 0
b_slow = w.Output(outputs=md("slow part done"))
b_out = w.Output(outputs=md("clicks `0`"))
b_btn = w.Button(description="+1 (all)")

def b_click(_):
    global b_n
    time.sleep({SLOW})
    b_slow.outputs = md("slow part done")  # unchanged content: ipywidgets sends nothing
    b_n += 1
    b_out.outputs = md(f"clicks `{{b_n}}`")

b_btn.on_click(b_click)
w.VBox([b_slow, b_btn, b_out])
"""


def floor_c(rows: int) -> str:
    """Hand-written: only the rows whose text changed are reassigned."""
    return f"""\
c_sliders = [w.IntSlider(value=0, min=0, max=100, description=f"s{{j}}") for j in range({SLIDERS})]
c_rows = ["sum = `0`"] + [f"row {{i}}: s{{i % {SLIDERS}}} = `0`" for i in range({rows} - 1)]
c_outs = [w.Output(outputs=md(t)) for t in c_rows]

def c_changed(change):
    vals = [s.value for s in c_sliders]
    j = c_sliders.index(change["owner"])
    for i in [0] + [i + 1 for i in range(j, {rows} - 1, {SLIDERS})]:
        text = f"sum = `{{sum(vals)}}`" if i == 0 else f"row {{i - 1}}: s{{j}} = `{{vals[j]}}`"
        if text != c_rows[i]:
            c_rows[i] = text
            c_outs[i].outputs = md(text)

for s in c_sliders:
    s.observe(c_changed, "value")
w.VBox([*c_sliders, *c_outs])
"""


FLOOR_TIMER = """\
import asyncio
t_out = w.Output(outputs=md("tick 0"))
t_times = []

def t_tick():
    t_times.append(time.monotonic())
    t_out.outputs = md(f"tick {len(t_times)}")
    t_handle[0] = asyncio.get_running_loop().call_at(t_due(), t_tick)

def t_due():
    t_state[0] += 0.1
    now = asyncio.get_running_loop().time()
    if t_state[0] <= now:
        t_state[0] = now + 0.1
    return t_state[0]

t_state = [asyncio.get_running_loop().time()]
t_handle = [asyncio.get_running_loop().call_at(t_due(), t_tick)]
t_out
"""

# -- ipywidgets interact -----------------------------------------------------------------
INTERACT_SETUP = """\
import time, ipywidgets as w
from ipywidgets import interact_manual, interactive_output
"""

# A: an interact user computes the slow part once in its own cell and interacts with
# the counter only.
INTERACT_A = """\
time.sleep(0.2); print("slow part done")
ia_n = 0
def counter():
    global ia_n
    ia_n += 1
    print("clicks", ia_n)
interact_manual.options(manual_name="+1")(counter)
"""

INTERACT_B = f"""\
ib_n = 0
def page():
    global ib_n
    time.sleep({SLOW})
    print("slow part done")
    ib_n += 1
    print("clicks", ib_n)
interact_manual.options(manual_name="+1 (all)")(page)
"""


def interact_c(rows: int) -> str:
    return f"""\
ic_sliders = {{f"s{{j}}": w.IntSlider(value=0, min=0, max=100, description=f"s{{j}}")
              for j in range({SLIDERS})}}
def ic_page(**vals):
    v = [vals[f"s{{j}}"] for j in range({SLIDERS})]
    print(f"sum = {{sum(v)}}")
    for i in range({rows} - 1):
        print(f"row {{i}}: s{{i % {SLIDERS}}} = {{v[i % {SLIDERS}]}}")
ic_out = interactive_output(ic_page, ic_sliders)
w.VBox([*ic_sliders.values(), ic_out])
"""


INTERACT_BURST = f"""\
burst_runs = 0
burst_last = None
def burst_page(v):
    global burst_runs, burst_last
    burst_runs += 1
    time.sleep({BURST_RUN})
    burst_last = v
    print("value", v)
burst_slider = w.IntSlider(value=0, min=0, max=10000, description="burst")
burst_out = interactive_output(burst_page, {{"v": burst_slider}})
w.VBox([burst_slider, burst_out])
"""

# -- Solara in the kernel ----------------------------------------------------------------
SOLARA_SETUP = """\
import time, solara

@solara.component
def Ready():  # the first render makes the theme models every later page shares
    solara.Text("ready")
Ready()
"""

SOLARA_A = f"""\
@solara.component
def CounterA():
    n, set_n = solara.use_state(0)
    solara.Button("+1", on_click=lambda: set_n(n + 1))
    solara.Text(f"clicks {{n}}")

@solara.component
def PageA():
    time.sleep({SLOW})
    solara.Text("slow part done")
    CounterA()  # its own state: a click re-renders only this component
PageA()
"""

SOLARA_B = f"""\
@solara.component
def PageB():
    n, set_n = solara.use_state(0)
    time.sleep({SLOW})
    solara.Text("slow part done")
    solara.Button("+1 (all)", on_click=lambda: set_n(n + 1))
    solara.Text(f"clicks {{n}}")
PageB()
"""


def solara_c(rows: int) -> str:
    return f"""\
sc_values = [solara.reactive(0) for _ in range({SLIDERS})]

@solara.component
def PageC():
    for j in range({SLIDERS}):
        solara.SliderInt(f"s{{j}}", value=sc_values[j], min=0, max=100)
    v = [r.value for r in sc_values]
    solara.Text(f"sum = {{sum(v)}}")
    for i in range({rows} - 1):
        solara.Text(f"row {{i}}: s{{i % {SLIDERS}}} = {{v[i % {SLIDERS}]}}")
PageC()
"""


# -- jupyter-fragments and Streamlit: the same script, only the import differs ------------
# -- issue 9: a watched key set from a plain cell ------------------------------------------
FLOOR_WATCH = """\
w_data = []
w_out = w.Output(outputs=md("rows `0`"))
w_out
"""


def floor_watch_cell(n: int) -> str:
    """The floor: a plain cell sets the data and redraws the one Output by hand."""
    return f"w_data = list(range({n}))\nw_out.outputs = md(f'rows `{{len(w_data)}}`')"


FRAGMENTS_SETUP = "%load_ext jupyter_fragments\n"

SCRIPT_A = f"""\
time.sleep({SLOW})
st.write("slow part done")

@st.fragment
def counter():
    st.session_state.setdefault("n", 0)
    if st.button("+1"):
        st.session_state.n += 1
    st.write("clicks", st.session_state.n)

counter()
"""

SCRIPT_B = f"""\
time.sleep({SLOW})
st.write("slow part done")
st.session_state.setdefault("nb", 0)
if st.button("+1 (all)"):
    st.session_state.nb += 1
st.write("clicks", st.session_state.nb)
"""

SCRIPT_C = f"""\
vals = [st.slider(f"s{{j}}", 0, 100, 0) for j in range({SLIDERS})]
st.markdown(f"sum = `{{sum(vals)}}`")
for i in range(rows - 1):
    st.markdown(f"row {{i}}: s{{i % {SLIDERS}}} = `{{vals[i % {SLIDERS}]}}`")
"""

SCRIPT_BURST = f"""\
v = st.slider("burst", 0, 10000, 0)
st.session_state.burst_runs = st.session_state.get("burst_runs", 0) + 1
time.sleep({BURST_RUN})
st.write("value", v)
"""


def fragments_app(name: str, body: str, prelude: str = "") -> str:
    """An ``%%app`` cell running ``body`` with ``st`` being jupyter-fragments."""
    return f"%%app {name}\nimport time\nimport jupyter_fragments as st\n{prelude}{body}"


FRAGMENTS_A = fragments_app("A", SCRIPT_A)
FRAGMENTS_B = fragments_app("B", SCRIPT_B)
FRAGMENTS_BURST = fragments_app("burst", SCRIPT_BURST)
FRAGMENTS_WATCH = fragments_app(
    "watch",
    """\
st.session_state.setdefault("data", [])
st.write("a dashboard that stays as it is")

@st.fragment(watch=["data"])
def rows():
    st.write("rows", len(st.session_state.data))

rows()
""",
)


def fragments_watch_cell(n: int) -> str:
    """A plain cell assigns the watched key: the watching fragment redraws itself."""
    return f"st.session_state.data = list(range({n}))"


def fragments_c(rows: int, name: str = "C") -> str:
    return fragments_app(name, SCRIPT_C, f"rows = {rows}\n")


def fragments_timers(count: int, name: str) -> str:
    return f"""\
%%app {name}
import time
import jupyter_fragments as st
st.session_state.setdefault("{name}_ticks", {{}})

def make(k):
    @st.fragment(run_every=0.1)
    def tick():
        st.session_state["{name}_ticks"].setdefault(k, []).append(time.monotonic())
        st.write("tick", len(st.session_state["{name}_ticks"][k]))
    return tick

for k in range({count}):
    make(k)()
"""


# -- Streamlit: one script, the shape from the query string ------------------------------
def _branch(test: str, body: str) -> str:
    return f"{test}:\n" + "".join(f"    {line}\n" if line else "\n" for line in body.splitlines())


STREAMLIT_SCRIPT = (
    "import time\nimport streamlit as st\n\n"
    'shape = st.query_params.get("shape", "A")\n'
    'rows = int(shape[1:] or 200) if shape.startswith("C") else 0\n'
    + _branch('if shape == "A"', SCRIPT_A)
    + _branch('elif shape == "B"', SCRIPT_B)
    + _branch('elif shape.startswith("C")', SCRIPT_C)
    + _branch('elif shape == "burst"', SCRIPT_BURST)
)
