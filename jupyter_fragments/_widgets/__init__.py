"""Widgets across reruns: the registry of live widgets and the input kinds, by family."""
