"""Stages return new data: the documents, claims and rule sets they are given stay as they were."""

from __future__ import annotations

import pytest

from checker.align.events import assign_events, build_events
from checker.engine.stages import extract_all
from checker.ingest import read_inputs
from helpers import REPO, article

EXAMPLES = REPO / "examples"


def test_assigning_events_copies_the_claims(rs):
    docs = sorted(read_inputs([EXAMPLES / "march-call"]), key=lambda d: d.id)
    done = extract_all(docs, rs)
    before = [c.model_dump() for c in done.claims]
    events, mention_event = build_events(done.mentions, {d.id: d for d in docs}, rs)
    placed = assign_events(done.claims, mention_event)
    assert [c.model_dump() for c in done.claims] == before  # as extracted
    assert any(c.event for c in placed) and not any(c.event for c in done.claims)
    assert len(placed) == len(done.claims)


def test_a_failed_extraction_marks_a_copy_not_the_input(rs, monkeypatch):
    import checker.extract.claims as claims_mod

    doc = article("اتصل ترامب ببوتين أمس.")
    monkeypatch.setattr(claims_mod, "extract", lambda d, r: (_ for _ in ()).throw(RuntimeError("boom")))
    done = extract_all([doc], rs)
    assert doc.status == "ok" and doc.error is None
    assert done.documents[0].status == "error" and "RuntimeError: boom" in done.documents[0].error


def test_what_extraction_derives_from_rules_is_kept_apart_from_the_rules(rs):
    extract_all([article("اتصل ترامب ببوتين أمس.")], rs)
    assert set(rs._derived) >= {"mentions.lexicon", "values.grammar"}
    with pytest.raises(AttributeError):
        rs.digest = "other"  # a rule set is never changed once loaded
