"""App and fragment runs: the run context, the scheduler, timers and control flow."""
