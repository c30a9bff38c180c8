"""The same inputs give the same JSON, byte for byte, whatever the hash seed and the input order.

tests/test_cli.py already checks two runs (seed 1 sorted, seed 2 reversed); this is the full
matrix of PYTHONHASHSEED 0 / 1 / 123 against three orders of the inputs, over examples/ plus the
same articles as HTML and JSONL (so every reader takes part).
"""

from __future__ import annotations

import html
import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import REPO

SEEDS = ("0", "1", "123")


def mixed_inputs(tmp_path: Path) -> list[str]:
    """examples/*.txt, plus two of them as an HTML page and a JSONL feed."""
    files = sorted(str(p) for p in (REPO / "examples").rglob("*.txt"))
    march = REPO / "examples" / "march-call"
    body = (march / "paper-b.txt").read_text(encoding="utf-8").split("---\n", 2)[-1]
    page = tmp_path / "paper-b-page.html"
    paragraphs = "".join(f"<p>{html.escape(line)}</p>" for line in body.splitlines() if line.strip())
    page.write_text(f"<html lang='ar'><head><meta property='article:published_time' content='2025-03-18'></head>"
                    f"<body><script>var x = 1;</script>{paragraphs}</body></html>", encoding="utf-8")
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(json.dumps({"text": (march / name).read_text(encoding="utf-8").split("---\n", 2)[-1],
                                          "published": "2025-03-18", "source": name}, ensure_ascii=False)
                              for name in ("agency-a.txt", "paper-b.txt")) + "\n", encoding="utf-8")
    return files + [str(page), str(feed)]


@pytest.mark.slow
def test_json_is_identical_across_hash_seeds_and_input_orders(tmp_path) -> None:
    inputs = mixed_inputs(tmp_path)
    shuffled = list(inputs)
    random.Random(7).shuffle(shuffled)
    orders = {"sorted": sorted(inputs), "reversed": sorted(inputs, reverse=True), "shuffled": shuffled}
    runs = {}
    for seed in SEEDS:
        for name, order in orders.items():
            runs[(seed, name)] = subprocess.Popen(
                [sys.executable, "-m", "checker.cli", "report", *order, "--json", "-", "--fail-on", "never", "-q"],
                stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=REPO,
                env={**os.environ, "PYTHONHASHSEED": seed})
    outputs = {}
    for key, proc in runs.items():
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, (key, err.decode("utf-8", "replace"))
        outputs[key] = out
    first = outputs[(SEEDS[0], "sorted")]
    report = json.loads(first)
    assert len(report["documents"]) == len(inputs) + 1  # the JSONL file holds two articles
    assert all(d["status"] == "ok" for d in report["documents"])
    assert {c["document"] for c in report["claims"]} >= {"paper-b-page", "feed#1", "feed#2"}
    assert report["claims"] and report["findings"]
    different = [key for key, out in outputs.items() if out != first]
    assert not different, f"output differs from seed {SEEDS[0]} sorted for: {different}"
