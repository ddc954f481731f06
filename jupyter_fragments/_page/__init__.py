"""The widget tree of an app: blocks of elements, reused across reruns, updated in place."""
