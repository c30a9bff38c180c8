"""The in-process engine: the stage functions called right here, one after the other.

With `jobs` > 1 and enough documents to pay for it, extraction is spread over that many forked
processes (checker.forkmap); the documents come back in order, so the report is the
one-process report, byte for byte.
"""

from __future__ import annotations

from functools import partial

from checker.compare.findings import Group
from checker.engine.stages import Extraction, Progress, compare_batch, extract_one, join_documents
from checker.forkmap import fork_map, workers_for
from checker.models import Document, Event, Finding
from checker.rules.ruleset import RuleSet

MIN_DOCS_PER_JOB = 100  # below this a process costs more (fork, claims shipped back) than it saves


class LocalEngine:
    """Comparison in one batch of all groups; extraction in this process, or over `jobs` forked
    processes for large runs. A progress report after every document (or slice) and group."""

    name = "local"

    def __init__(self, jobs: int = 1) -> None:
        self.jobs = max(1, jobs)

    def __enter__(self) -> LocalEngine:
        return self

    def __exit__(self, *exc) -> None:
        return None

    def workers_for(self, n_docs: int) -> int:
        return workers_for(self.jobs, n_docs, MIN_DOCS_PER_JOB)

    def extract(self, docs: list[Document], rs: RuleSet, *, progress: Progress | None = None) -> Extraction:
        done = None if progress is None else (lambda n: progress(n, len(docs)))
        return join_documents(fork_map(partial(extract_one, rs=rs), docs, self.workers_for(len(docs)), done))

    def compare(self, groups: list[Group], events: dict[str, Event], docs: dict[str, Document], rs: RuleSet, *,
                progress: Progress | None = None) -> list[list[Finding]]:
        return compare_batch(groups, events, docs, rs, progress)
