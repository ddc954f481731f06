"""Capture of print/display/tracebacks during runs, and the output dicts elements show."""
