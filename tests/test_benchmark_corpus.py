"""The benchmark corpus generator: deterministic, and its truth is sound (two events no reader
could tell apart are never generated)."""

from __future__ import annotations

import sys
from collections import defaultdict

from helpers import REPO

sys.path.insert(0, str(REPO / "benchmarks"))

import corpus  # noqa: E402


def test_same_seed_same_files():
    assert corpus.generate(300, 7) == corpus.generate(300, 7)
    assert corpus.generate(300, 7) != corpus.generate(300, 8)


def test_events_of_one_pair_are_further_apart_than_the_checkers_windows():
    _, events, _ = corpus.generate_with_truth(3000, 0)
    days = defaultdict(list)
    for e in events:
        days[(e.type, frozenset(e.participants))].append(e.day)
    for (etype, _), ds in days.items():
        ds.sort()
        assert all((b - a).days >= corpus.MIN_GAP_DAYS[etype] for a, b in zip(ds, ds[1:]))
