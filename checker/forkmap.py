"""`fork_map`: a function over a list in forked worker processes, results in input order.

Forking hands the workers the function and the list (loaded rules, document texts) without
pickling them; only each slice's results travel back. Where the platform cannot fork (Windows,
macOS by default) or one job is asked for, the map runs right here. Results come back in input
order whatever order the slices finish in, so callers get what the plain map would give.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

SLICES_PER_JOB = 4  # smaller slices even out items of very different sizes

# what the forked workers read: set just before the pool forks, cleared after
_task: tuple[Callable, Sequence] | None = None


def default_jobs() -> int:
    """One job per processor this process may use, at most 8."""
    try:
        n = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        n = os.cpu_count() or 1
    return max(1, min(n, 8))


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods() and hasattr(os, "uname") and os.uname().sysname == "Linux"


def workers_for(jobs: int, n_items: int, min_per_job: int) -> int:
    """How many processes `jobs` allows for `n_items`, each worth at least `min_per_job` items."""
    if jobs <= 1 or not can_fork():
        return 1
    return max(1, min(jobs, n_items // max(1, min_per_job)))


def _run_slice(bounds: tuple[int, int]) -> list:
    assert _task is not None, "worker started without its task"
    fn, items = _task
    return [fn(x) for x in items[bounds[0]:bounds[1]]]


def slices(n_items: int, workers: int) -> list[tuple[int, int]]:
    size = max(1, -(-n_items // (workers * SLICES_PER_JOB)))
    return [(i, min(i + size, n_items)) for i in range(0, n_items, size)]


def fork_map(fn: Callable[[T], R], items: Sequence[T], workers: int,
             done: Callable[[int], None] | None = None) -> list[R]:
    """[fn(x) for x in items], over `workers` forked processes; `done(n)` after each slice with
    the items finished so far. `fn` must not raise (catch inside it)."""
    if workers <= 1:
        out = []
        for n, x in enumerate(items, start=1):
            out.append(fn(x))
            if done is not None:
                done(n)
        return out
    global _task
    _task = (fn, items)
    try:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            out = []
            for part in pool.map(_run_slice, slices(len(items), workers)):
                out.extend(part)
                if done is not None:
                    done(len(out))
            return out
    finally:
        _task = None


__all__ = ["can_fork", "default_jobs", "fork_map", "slices", "workers_for"]
