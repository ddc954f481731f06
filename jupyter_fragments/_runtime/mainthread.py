"""The kernel's main thread and event loop: every run of user code happens there, except
the parallel fragments of a full run, which run on `FragmentThread`s while it waits."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable


class MainThread:
    """Remembers the kernel's main loop and hops work onto it from other threads."""

    def __init__(self) -> None:
        self.loop: asyncio.AbstractEventLoop | None = None
        self.remember()

    def remember(self) -> None:
        """Note the kernel's main event loop (called on the main thread)."""
        if threading.current_thread() is not threading.main_thread():
            return
        try:
            self.loop = asyncio.get_running_loop()
        except RuntimeError:
            self.loop = asyncio.get_event_loop_policy().get_event_loop()

    def defer(self, callback: Callable[[], None]) -> bool:
        """Off the main thread, schedule ``callback`` on the main loop and return True.

        Frontends may send comm messages to a kernel subshell (JupyterLab 4.6 can), whose
        handlers run in another thread; apps only ever run on the main thread.
        """
        if threading.current_thread() is threading.main_thread() or self.loop is None:
            return False
        self.loop.call_soon_threadsafe(callback)
        return True

    @staticmethod
    def is_current() -> bool:
        return threading.current_thread() is threading.main_thread()

    @staticmethod
    def runs_user_code() -> bool:
        """Whether this thread may run user code: the main thread, or a parallel fragment's."""
        thread = threading.current_thread()
        return thread is threading.main_thread() or isinstance(thread, FragmentThread)


class FragmentThread(threading.Thread):
    """The thread of one parallel fragment (``@st.fragment(parallel=True)``) of a full run."""
