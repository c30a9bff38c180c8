"""The whole run: read -> extract -> events -> compare -> report. Each stage is a plain function."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from checker.models import Claim, Document, EventMention, Report


def extract_all(docs: list[Document], rs) -> tuple[list[EventMention], list[Claim]]:
    """Extraction is a map over documents: each one is read on its own."""
    from checker.extract.claims import extract

    mentions: list[EventMention] = []
    claims: list[Claim] = []
    for doc in docs:
        if doc.status != "ok":
            continue
        try:
            m, c = extract(doc, rs)
        except Exception as exc:  # one document's failure must not lose the others
            doc.status, doc.error = "error", f"extraction failed: {type(exc).__name__}: {exc}"
            continue
        mentions.extend(m)
        claims.extend(c)
    return mentions, claims


def analyse(docs: list[Document], rs) -> Report:
    """Claims, events and findings for documents already read."""
    from checker.align.events import assign_events, build_events
    from checker.compare.findings import compare
    from checker.report.summary import summarize

    # the documented order: by id, whatever order the inputs came in
    docs = sorted(docs, key=lambda d: (d.id, d.path))
    mentions, claims = extract_all(docs, rs)
    by_id = {d.id: d for d in docs}
    events, mention_event = build_events(mentions, by_id, rs)
    assign_events(claims, mention_event)
    findings = compare(claims, events, by_id, rs)
    report = Report(documents=docs, claims=claims, mentions=mentions, events=events, findings=findings)
    report.summary = summarize(report)
    return report


def run(paths: Sequence[str | Path], *, rules_dir: Path | None = None, now: dt.date | None = None,
        max_bytes: int | None = None, lang: str = "ar") -> Report:
    from checker.ingest import read_inputs
    from checker.rules.ruleset import load_ruleset

    rs = load_ruleset(rules_dir, lang)
    kwargs = {"now": now, "rules_dir": rules_dir}
    if max_bytes is not None:
        kwargs["max_bytes"] = max_bytes
    docs = read_inputs(paths, **kwargs)
    return analyse(docs, rs)
