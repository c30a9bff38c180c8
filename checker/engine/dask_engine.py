"""The Dask engine: extraction and comparison as maps on a dask.distributed cluster.

The driver (this process) reads the documents, builds the events and writes the report; the
workers run checker.engine.stages: extraction over partitions of the documents, comparison over
batches of claim groups, with only the events a batch names (the documents it quotes are read
from the extraction partitions already on the cluster). Results are put back
together in partition and group-key order, so the report is the in-process one, byte for byte.

Without a scheduler address a LocalCluster is started for the run: worker *processes* (one
thread each, at most four, no more than the machine's cores), because extraction is pure-Python
work that threads sharing one interpreter lock would not speed up, and so that every task goes
through serialisation exactly as it would on a remote cluster.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence

from checker.compare.findings import Group
from checker.engine.stages import (
    Extracted,
    Extraction,
    Progress,
    batch_context,
    batch_groups,
    claims_per_batch,
    compare_batch,
    extract_partition,
    join_extracted,
    partition_documents,
)
from checker.models import Document, Event, Finding
from checker.rules.ruleset import RuleSet

# per worker: partitions and batches each worker gets, so that a slow one does not hold up the run
TASKS_PER_WORKER = 4
MAX_PARTITION = 250  # documents in one extraction task, at most
MAX_LOCAL_WORKERS = 4

# a worker keeps one rule set per digest: its spaCy pipeline and matchers are built once, by the
# first task that needs them, and reused by every later task on that worker
_RESIDENT: dict[str, RuleSet] = {}


def _resident(rs: RuleSet) -> RuleSet:
    return _RESIDENT.setdefault(rs.digest, rs)


def _extract_task(docs: list[Document], rs: RuleSet) -> Extracted:
    return extract_partition(docs, _resident(rs))


def _compare_task(payload: tuple[list[Group], dict[str, Event], list[str], dict[str, Document]],
                  *parts: list[Document], rs: RuleSet) -> list[list[Finding]]:
    """Compare one batch; its documents come from the extraction partitions already on the
    cluster (`parts`: the ones holding them), or, for documents not extracted here, with it."""
    batch, events, wanted, shipped = payload
    want = set(wanted)
    docs = {d.id: d for part in parts for d in part if d.id in want}
    docs.update(shipped)
    return compare_batch(batch, events, docs, _resident(rs))


class DaskEngine:
    """Runs the stages on the cluster at `scheduler` (an address such as tcp://host:8786), or on
    a LocalCluster started on first use and closed with the engine."""

    name = "dask"

    def __init__(self, scheduler: str | None = None, *, n_workers: int | None = None) -> None:
        self.scheduler = scheduler
        self.n_workers = n_workers
        self._client = None
        self._cluster = None
        self._rules: dict[str, object] = {}  # rule-set digest -> its future on the cluster
        # document id -> the future of the extraction partition holding it: comparison reads the
        # documents (evidence is quoted from their text) where they already are
        self._parts: dict[str, object] = {}

    def __enter__(self) -> DaskEngine:
        self.client()
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def client(self):
        """The distributed.Client, connected (or the local cluster started) on first use."""
        if self._client is None:
            from distributed import Client, LocalCluster

            if self.scheduler:
                try:
                    self._client = Client(self.scheduler)
                except (OSError, TimeoutError) as exc:
                    # a configuration problem for the user (exit 2), not a bug in the checker
                    raise ValueError(f"cannot reach the Dask scheduler at {self.scheduler}: {exc}") from exc
            else:
                workers = self.n_workers or max(1, min(os.cpu_count() or 1, MAX_LOCAL_WORKERS))
                # the dashboard on any free port (no clash, no warning) and no log lines on the user's stderr
                self._cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                             dashboard_address=":0", silence_logs=logging.ERROR)
                self._client = Client(self._cluster)
        return self._client

    def close(self) -> None:
        self._rules.clear()
        self._parts.clear()
        if self._client is not None:
            self._client.close()
            self._client = None
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None

    def _workers(self) -> int:
        return max(1, sum(self.client().nthreads().values()))

    def _scattered(self, rs: RuleSet):
        """The rule set, sent once to every worker (not once per task), without what this
        process derived from it (RuleSet.derived: each worker builds its own, once)."""
        if rs.digest not in self._rules:
            self._rules[rs.digest] = self.client().scatter(rs, broadcast=True, hash=False)
        return self._rules[rs.digest]

    def _run(self, fn, payloads: Sequence, weights: Sequence[int], progress: Progress | None,
             inputs: Sequence[Sequence[object]] | None = None, **shared) -> tuple[list, list]:
        """fn over the payloads, on the cluster (each with its `inputs`, futures of data already
        there, as further arguments); the results in payload order, and the payloads' futures.
        `progress` hears (sum of the weights of finished tasks, sum of all weights)."""
        from distributed import as_completed

        client = self.client()
        # the payloads are sent as data, not inside the task graph (which is meant to stay small),
        # and pure=False spares hashing every document for task keys
        data = client.scatter(list(payloads), hash=False)
        inputs = inputs or [()] * len(data)
        futures = [client.submit(fn, d, *more, pure=False, **shared) for d, more in zip(data, inputs)]
        if progress is not None:
            weight = {f.key: w for f, w in zip(futures, weights)}
            total, done = sum(weights), 0
            for f in as_completed(futures):
                done += weight[f.key]
                progress(done, total)
        return client.gather(futures), data

    def extract(self, docs: list[Document], rs: RuleSet, *, progress: Progress | None = None) -> Extraction:
        if not docs:
            return Extraction([], [], [])
        size = min(MAX_PARTITION, -(-len(docs) // (self._workers() * TASKS_PER_WORKER)))
        parts = partition_documents(docs, size)
        results, on_cluster = self._run(_extract_task, parts, [len(p) for p in parts], progress,
                                        rs=self._scattered(rs))
        self._parts = {d.id: future for part, future in zip(parts, on_cluster) for d in part}
        return join_extracted(list(zip(parts, results)))

    def compare(self, groups: list[Group], events: dict[str, Event], docs: dict[str, Document], rs: RuleSet, *,
                progress: Progress | None = None) -> list[list[Finding]]:
        if not groups:
            return []
        batches = batch_groups(groups, claims_per_batch(groups, self._workers() * TASKS_PER_WORKER))
        payloads, inputs = [], []
        for b in batches:
            batch_events, batch_docs = batch_context(b, events, docs)
            shipped = {i: d for i, d in batch_docs.items() if i not in self._parts}
            parts = list({id(f): f for f in (self._parts[i] for i in batch_docs if i in self._parts)}.values())
            payloads.append((b, batch_events, sorted(batch_docs), shipped))
            inputs.append(parts)
        results, _ = self._run(_compare_task, payloads, [len(b) for b in batches], progress, inputs,
                               rs=self._scattered(rs))
        return [found for batch in results for found in batch]
