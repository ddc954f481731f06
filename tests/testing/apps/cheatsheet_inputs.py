"""The input widgets of Streamlit's app testing cheat sheet."""

import datetime

import streamlit as st

OPTIONS = ["Zero", "One", "Two", "Bar", "Foo"]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun"]

clicked = st.button("Click me")
checked = st.checkbox("Check me")
color = st.color_picker("Pick a color", "#FFFFFF")
day = st.date_input("Release date", datetime.date(2019, 7, 6))
chosen = st.multiselect("Things", ["foo", "bar", "baz"], ["foo", "bar"])
number = st.number_input("Number", value=5)
radio = st.radio("Radio", OPTIONS, index=3)
select = st.selectbox("Select", OPTIONS, index=3)
month = st.select_slider("Month", MONTHS, value="Feb")
months = st.select_slider("Months", MONTHS, value=("Jan", "Feb"))
level = st.slider("Level", 0, 10, 2)
span = st.slider("Span", 0, 10, (1, 3))
area = st.text_area("Area", "Hello, world!")
text = st.text_input("Text", "Hello, world!")
alarm = st.time_input("Alarm", datetime.time(8, 45))
debug = st.toggle("Debug mode")

st.write("clicked:", clicked, "checked:", checked, "number:", number)
st.write("chosen:", ", ".join(chosen), "months:", "-".join(months), "span:", str(span))
st.write("day:", day.isoformat(), "alarm:", alarm.isoformat(), "debug:", debug)
