"""The package version, read by the build and by ``jupyter_fragments.__version__``."""

__version__ = "0.1.0"
