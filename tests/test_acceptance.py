"""The acceptance bar: ../shared/tools/score_cases.py meets every expectation of every case and seed."""

from __future__ import annotations

import shlex
import subprocess
import sys

import pytest

from helpers import REPO, shared


@pytest.mark.slow
def test_score_cases_meets_every_expectation():
    scorer = shared("tools", "score_cases.py")
    checker = f"{shlex.quote(sys.executable)} -m checker.cli"
    done = subprocess.run([sys.executable, str(scorer), "--checker", checker], capture_output=True, text=True,
                          cwd=REPO, timeout=300)
    assert "ERROR" not in done.stdout, done.stdout + done.stderr
    assert done.returncode == 0, done.stdout
