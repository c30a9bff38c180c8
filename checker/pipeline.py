"""The whole run: read -> extract -> events -> compare -> report. Each stage is a plain function.

Extraction is a map over documents and comparison a group-by on event keys; an engine
(checker.engine) decides where those run -- in this process by default, or on a Dask cluster --
while event building stays here: it is one graph over all mentions, and cheap.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from checker.models import Claim, Document, EventMention, Report

if TYPE_CHECKING:
    from checker.engine import Engine

# progress callbacks: the stages only report counts; the CLI decides whether and how to show them
Progress = Callable[[int, int], None]  # (done, total)
StageProgress = Callable[[str, int, int], None]  # (stage, done, total)


def extract_all(docs: list[Document], rs, progress: Progress | None = None) -> tuple[list[EventMention], list[Claim]]:
    """Extraction is a map over documents: each one is read on its own. `progress`, if given,
    is called with (documents done, documents in all) after each document."""
    from checker.extract.claims import extract

    mentions: list[EventMention] = []
    claims: list[Claim] = []
    total = len(docs)
    for n, doc in enumerate(docs, start=1):
        if doc.status == "ok":
            try:
                m, c = extract(doc, rs)
            except Exception as exc:  # one document's failure must not lose the others
                doc.status, doc.error = "error", f"extraction failed: {type(exc).__name__}: {exc}"
            else:
                mentions.extend(m)
                claims.extend(c)
        if progress is not None:
            progress(n, total)
    return mentions, claims


def _stage(progress: StageProgress | None, name: str) -> Progress | None:
    if progress is None:
        return None
    return lambda done, total: progress(name, done, total)


def analyse(docs: list[Document], rs, *, engine: Engine | None = None,
            progress: StageProgress | None = None) -> Report:
    """Claims, events and findings for documents already read. Without `engine`, everything
    runs in this process; any engine gives the same report, byte for byte."""
    from checker.align.events import assign_events, build_events
    from checker.compare.findings import group_claims, merge_findings
    from checker.engine import LocalEngine
    from checker.report.summary import summarize
    from checker.resolve.people import unify_open_people
    from checker.resolve.publication import estimate_publication

    engine = engine or LocalEngine()
    # the documented order: by id, whatever order the inputs came in
    docs = sorted(docs, key=lambda d: (d.id, d.path))
    docs = [estimate_publication(d, rs) for d in docs]  # pages that state no date
    mentions, claims = engine.extract(docs, rs, progress=_stage(progress, "extract"))
    mentions, claims = unify_open_people(mentions, claims, rs)  # one id per person across articles
    by_id = {d.id: d for d in docs}
    events, mention_event = build_events(mentions, by_id, rs, claims)
    assign_events(claims, mention_event)
    per_group = engine.compare(group_claims(claims), {e.id: e for e in events}, by_id, rs,
                               progress=_stage(progress, "compare"))
    findings = merge_findings(per_group)
    report = Report(documents=docs, claims=claims, mentions=mentions, events=events, findings=findings)
    report.summary = summarize(report)
    return report


def run(paths: Sequence[str | Path], *, rules_dir: Path | None = None, now: dt.date | None = None,
        max_bytes: int | None = None, lang: str = "ar", engine: Engine | None = None,
        progress: StageProgress | None = None) -> Report:
    from checker.ingest import read_inputs
    from checker.rules.ruleset import load_ruleset

    rs = load_ruleset(rules_dir, lang)
    kwargs = {"now": now, "rules_dir": rules_dir}
    if max_bytes is not None:
        kwargs["max_bytes"] = max_bytes
    docs = read_inputs(paths, **kwargs)
    return analyse(docs, rs, engine=engine, progress=progress)
