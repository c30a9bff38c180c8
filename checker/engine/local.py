"""The in-process engine: the stage functions called right here, one after the other.

With `jobs` > 1 (and enough documents to pay for it), extraction is spread over that many
forked worker processes, partition by partition; the partitions are put back together in order
(checker.engine.stages.join_extracted), so the report is the one-process report, byte for byte.
Forking shares the loaded rules and the documents with the workers for free; where the platform
cannot fork (Windows, macOS by default), extraction stays in this process.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor

from checker.compare.findings import Group
from checker.engine.stages import (
    Extracted,
    Extraction,
    Progress,
    compare_batch,
    extract_all,
    extract_partition,
    join_extracted,
    partition_documents,
)
from checker.models import Document, Event, Finding
from checker.rules.ruleset import RuleSet

MIN_DOCS_PER_JOB = 100  # below this a worker costs more (fork, shipping claims back) than it saves
PARTITIONS_PER_JOB = 4  # smaller slices even out documents of very different lengths

# what the forked workers read: set just before the pool forks, cleared after
_shared: tuple[list[Document], RuleSet] | None = None


def _extract_slice(bounds: tuple[int, int]) -> Extracted:
    assert _shared is not None, "worker started without the documents"
    docs, rs = _shared
    return extract_partition(docs[bounds[0]:bounds[1]], rs)


def default_jobs() -> int:
    """One job per processor this process may use, at most 8."""
    try:
        n = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        n = os.cpu_count() or 1
    return max(1, min(n, 8))


def _can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods() and os.name == "posix" and os.uname().sysname == "Linux"


class LocalEngine:
    """Comparison in one batch of all groups; extraction in this process, or over `jobs` forked
    processes for large runs. A progress report after every document (or partition) and group."""

    name = "local"

    def __init__(self, jobs: int = 1) -> None:
        self.jobs = max(1, jobs)

    def __enter__(self) -> LocalEngine:
        return self

    def __exit__(self, *exc) -> None:
        return None

    def _workers_for(self, n_docs: int) -> int:
        if self.jobs == 1 or not _can_fork():
            return 1
        return max(1, min(self.jobs, n_docs // MIN_DOCS_PER_JOB))

    def extract(self, docs: list[Document], rs: RuleSet, *, progress: Progress | None = None) -> Extraction:
        workers = self._workers_for(len(docs))
        if workers == 1:
            return extract_all(docs, rs, progress)
        global _shared
        size = -(-len(docs) // (workers * PARTITIONS_PER_JOB))
        parts = partition_documents(docs, size)
        bounds = [(i * size, i * size + len(p)) for i, p in enumerate(parts)]
        _shared = (docs, rs)
        try:
            with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
                found = []
                done = 0
                for part, extracted in zip(parts, pool.map(_extract_slice, bounds)):
                    found.append((part, extracted))
                    done += len(part)
                    if progress is not None:
                        progress(done, len(docs))
        finally:
            _shared = None
        return join_extracted(found)

    def compare(self, groups: list[Group], events: dict[str, Event], docs: dict[str, Document], rs: RuleSet, *,
                progress: Progress | None = None) -> list[list[Finding]]:
        return compare_batch(groups, events, docs, rs, progress)
