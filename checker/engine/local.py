"""The in-process engine: the stage functions called right here, one after the other."""

from __future__ import annotations

from checker.compare.findings import Group
from checker.engine.stages import Extraction, Progress, compare_batch, extract_all
from checker.models import Document, Event, Finding
from checker.rules.ruleset import RuleSet


class LocalEngine:
    """One partition of all documents and one batch of all groups: nothing to ship, nothing to
    split, and a progress report after every document and every group."""

    name = "local"

    def __enter__(self) -> LocalEngine:
        return self

    def __exit__(self, *exc) -> None:
        return None

    def extract(self, docs: list[Document], rs: RuleSet, *, progress: Progress | None = None) -> Extraction:
        return extract_all(docs, rs, progress)

    def compare(self, groups: list[Group], events: dict[str, Event], docs: dict[str, Document], rs: RuleSet, *,
                progress: Progress | None = None) -> list[list[Finding]]:
        return compare_batch(groups, events, docs, rs, progress)
