"""Progress on stderr: bars only on a terminal and without --quiet; the stages report counts
through a callback and never touch the terminal themselves."""

from __future__ import annotations

import argparse
import io
import re
import subprocess
import sys

import pytest

from checker import pipeline
from checker.cli import ProgressBars, main, progress_bars
from helpers import REPO

EXAMPLES = REPO / "examples"


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_no_progress_when_stderr_is_not_a_terminal(tmp_path, capsys):
    assert main(["report", str(EXAMPLES), "--json", str(tmp_path / "r.json"), "--ui-lang", "en"]) == 1
    captured = capsys.readouterr()
    assert captured.err == ""  # exactly as before: nothing at all on stderr
    assert re.match(r"checker: \d+ mistakes \(\d+ pairs of accounts\) in "
                    + f"{len(list(EXAMPLES.rglob('*.txt')))} documents from", captured.out), captured.out


@pytest.mark.slow
def test_no_progress_in_a_pipe_from_a_real_process(tmp_path):
    done = subprocess.run([sys.executable, "-m", "checker.cli", "report", str(EXAMPLES), "--json",
                           str(tmp_path / "r.json")], capture_output=True, text=True, cwd=REPO)
    assert done.returncode == 1 and done.stderr == ""


def test_bars_only_on_a_terminal_and_never_with_quiet():
    args = argparse.Namespace(quiet=False)
    assert isinstance(progress_bars(args, FakeTerminal()), ProgressBars)
    assert progress_bars(args, io.StringIO()) is None
    assert progress_bars(argparse.Namespace(quiet=True), FakeTerminal()) is None


def test_stages_report_increasing_counts_to_the_callback():
    calls: list[tuple[str, int, int]] = []
    pipeline.run([EXAMPLES], progress=lambda stage, done, total: calls.append((stage, done, total)))
    stages = [s for s, _, _ in calls]
    order = ["read", "extract", "align", "compare"]
    assert stages == sorted(stages, key=order.index) and set(stages) == set(order)  # the stages in order
    for stage in ("extract", "compare"):
        mine = [(d, t) for s, d, t in calls if s == stage]
        done = [d for d, _ in mine]
        assert done == sorted(done) and done[0] >= 1 and len(set(t for _, t in mine)) == 1
        assert done[-1] == mine[-1][1]  # ends at the total
    n = len(list(EXAMPLES.rglob("*.txt")))
    assert [d for s, d, _ in calls if s == "extract"] == list(range(1, n + 1))  # one call per document


def test_bars_draw_each_stage_on_the_terminal(monkeypatch):
    monkeypatch.setattr(ProgressBars, "DELAY", 0)
    monkeypatch.setattr(ProgressBars, "INTERVAL", 0)
    term = FakeTerminal()
    bars = ProgressBars(term)
    pipeline.run([EXAMPLES], progress=bars)
    bars.close()
    out = term.getvalue()
    n = len(list(EXAMPLES.rglob("*.txt")))
    assert "extract" in out and "compare" in out and f"{n}/{n}" in out and "align" in out


def test_a_silent_stage_still_shows_its_bar(monkeypatch):
    """Alignment reports once at its start and once at its end: the timer draws its bar between."""
    import threading

    monkeypatch.setattr(ProgressBars, "DELAY", 0.05)
    term = FakeTerminal()
    bars = ProgressBars(term)
    drawn = threading.Event()
    original = bars._draw
    monkeypatch.setattr(bars, "_draw", lambda bar: (original(bar), drawn.set()))
    bars("align", 0, 100)
    assert drawn.wait(5)
    bars.close()
    assert "align" in term.getvalue()


def test_quiet_report_prints_nothing(tmp_path, capsys):
    assert main(["report", str(EXAMPLES), "--json", str(tmp_path / "r.json"), "-q"]) == 1
    assert capsys.readouterr() == ("", "")
