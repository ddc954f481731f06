"""AppTest under pytest: it shares the fixtures' kernel, and starts the spec asked for."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from jupyter_fragments.testing import AppTest

MARK_TEST = """
from jupyter_fragments.testing import AppTest

APP = "import os\\nimport streamlit as st\\nst.text(os.environ.get('JF_KERNEL_MARK', '-'))"


def test_mark():
    assert AppTest.from_string(APP).run().text[0].value == "marked"
"""

PID_APP = "import os\nimport streamlit as st\nst.text(str(os.getpid()))"


def test_apptest_runs_in_the_app_session_kernel(app_session):
    at = AppTest.from_string(PID_APP).run()
    assert at.text[0].value == str(app_session.eval("__import__('os').getpid()"))


def test_apptest_starts_the_kernel_spec_given_on_the_command_line(tmp_path: Path):
    spec = tmp_path / "share" / "jupyter" / "kernels" / "marked"
    spec.mkdir(parents=True)
    argv = [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"]
    kernel = {"argv": argv, "display_name": "marked", "language": "python"}
    kernel["env"] = {"JF_KERNEL_MARK": "marked"}
    (spec / "kernel.json").write_text(json.dumps(kernel), encoding="utf-8")
    (tmp_path / "test_mark.py").write_text(MARK_TEST, encoding="utf-8")
    env = {**os.environ, "JUPYTER_PATH": str(tmp_path / "share" / "jupyter")}
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--fragments-kernel",
         "marked", str(tmp_path / "test_mark.py")],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
