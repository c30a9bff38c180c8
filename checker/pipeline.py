"""The whole run: read -> extract -> events -> compare -> report. Each stage is a plain function
that returns new data and leaves its inputs as they were.

Extraction is a map over documents and comparison a group-by on event keys; an engine
(checker.engine) decides where those run -- in this process by default, or on a Dask cluster --
while event building stays here: it is one graph over all mentions, and cheap. `checker check`
runs the same `analyse_extracted` on new and stored articles together.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path

from checker.align.events import assign_events, build_events
from checker.resolve.dates import anchor_yearless
from checker.compare.findings import group_claims, merge_findings
from checker.engine import Engine, LocalEngine
from checker.engine.stages import Progress
from checker.ingest import read_inputs
from checker.models import Claim, Document, EventMention, Report
from checker.report.summary import with_summary
from checker.resolve.people import unify_open_people
from checker.resolve.publication import estimate_publication
from checker.rules.ruleset import RuleSet, load_ruleset

StageProgress = Callable[[str, int, int], None]  # (stage, done, total)


def _stage(progress: StageProgress | None, name: str) -> Progress | None:
    if progress is None:
        return None
    return lambda done, total: progress(name, done, total)


def analyse(docs: list[Document], rs: RuleSet, *, engine: Engine | None = None,
            progress: StageProgress | None = None) -> Report:
    """Claims, events and findings for documents already read. Without `engine`, everything
    runs in this process; any engine gives the same report, byte for byte."""
    engine = engine or LocalEngine()
    # the documented order: by id, whatever order the inputs came in
    docs = sorted(docs, key=lambda d: (d.id, d.path))
    docs = [estimate_publication(d, rs) for d in docs]  # pages that state no date
    done = engine.extract(docs, rs, progress=_stage(progress, "extract"))
    return analyse_extracted(done.documents, done.mentions, done.claims, rs, engine=engine, progress=progress)


def analyse_extracted(docs: list[Document], mentions: list[EventMention], claims: list[Claim], rs: RuleSet, *,
                      engine: Engine | None = None, progress: StageProgress | None = None) -> Report:
    """Events and findings for documents whose mentions and claims are already extracted (all
    in document order, as extraction lists them); the report of them all."""
    engine = engine or LocalEngine()
    mentions, claims = unify_open_people(mentions, claims, rs)  # one id per person across articles
    by_id = {d.id: d for d in docs}
    if progress is not None:  # one step, but long on a large feed: the bar shows it is running
        progress("align", 0, len(mentions))
    events, mention_event = build_events(mentions, by_id, rs, claims)
    if progress is not None:
        progress("align", len(mentions), len(mentions))
    claims = assign_events(claims, mention_event, events, rs.policy.coreference.same_event)
    claims = anchor_yearless(claims, events, rs.policy.coreference.max_gap_days)  # a day and month with no year: the event's year
    per_group = engine.compare(group_claims(claims), {e.id: e for e in events}, by_id, rs,
                               progress=_stage(progress, "compare"))
    findings = merge_findings(per_group)
    return with_summary(Report(documents=docs, claims=claims, mentions=mentions, events=events, findings=findings))


def run(paths: Sequence[str | Path], *, rules_dir: Path | None = None, now: dt.date | None = None,
        max_bytes: int | None = None, lang: str = "ar", engine: Engine | None = None,
        progress: StageProgress | None = None) -> Report:
    rs = load_ruleset(rules_dir, lang)
    # the local engine's processes read a large folder too (a Dask cluster extracts only)
    kwargs = {"now": now, "rules": rs, "jobs": getattr(engine, "jobs", 1)}
    if max_bytes is not None:
        kwargs["max_bytes"] = max_bytes
    if progress is not None:
        progress("read", 0, 0)  # the count of files is not known before the walk
    docs = read_inputs(paths, **kwargs)
    return analyse(docs, rs, engine=engine, progress=progress)
