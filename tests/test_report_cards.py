"""Cards: one per mistake. Articles in, the cards and the pairs they group out."""

from __future__ import annotations

import json
from pathlib import Path

from checker import pipeline
from checker.report.cards import group_cards
from checker.report.messages import localize
from checker.report.summary import summarize
from checker.rules.ruleset import load_ruleset
from helpers import REPO

EXAMPLES = REPO / "examples"

ARTICLE = """---
source: {source}
published: 2025-03-18
language: ar
---
اتصال بين ترامب وبوتين

أجرى الرئيس الأمريكي دونالد ترامب، اليوم الثلاثاء، اتصالاً هاتفياً مع نظيره الروسي فلاديمير بوتين استمر {length}، بحسب ما أعلن البيت الأبيض.
"""


def _write(folder: Path, lengths: dict[str, str]) -> list[Path]:
    paths = []
    for n, (name, length) in enumerate(lengths.items()):
        path = folder / f"{name}.txt"
        path.write_text(ARTICLE.format(source=f"صحيفة رقم {n + 1}", length=length), encoding="utf-8")
        paths.append(path)
    return paths


def test_one_wrong_outlet_among_five_is_one_card(tmp_path) -> None:
    paths = _write(tmp_path, {"a": "نحو ساعة ونصف", "b": "نحو ساعة ونصف", "c": "45 دقيقة",
                              "d": "نحو ساعة ونصف", "e": "نحو ساعة ونصف"})
    report = pipeline.run(paths)
    pairs = [f for f in report.findings if f.attribute == "call.duration"]
    assert len(pairs) >= 2  # the outlier is paired with several accounts of the common value
    cards = group_cards(report.findings)
    (card,) = [c for c in cards if c.attribute == "call.duration"]
    assert card.outlier.document == "c"
    assert {e.document for e in card.counterparts} == {f.documents[0] if f.documents[1] == "c" else f.documents[1]
                                                       for f in pairs}
    assert sorted(card.findings) == sorted(f.id for f in pairs)
    assert all(f.card == card.id for f in pairs)


def test_examples_pairs_and_mistakes() -> None:
    report = pipeline.run([EXAMPLES])
    pairs = len(report.findings)
    assert pairs > 9  # several mistakes are seen in more than one pair
    localized = localize(report, "en", load_ruleset())
    assert len(localized.cards) == 9
    assert localized.summary.findings == 9 and localized.summary.pairs == pairs
    # the wrong "former president" in outlet-f: conflicts and the knowledge base, one card
    (trump,) = [c for c in localized.cards if c.subject == "trump"]
    assert trump.outlier.document == "outlet-f" and len(trump.findings) >= 3
    assert [f.kind for f in localized.findings if f.card == trump.id].count("knowledge") == 1
    assert trump.notes and "knowledge base" in trump.notes[0]
    # who called: wire-i says Putin, two others say Trump
    (caller,) = [c for c in localized.cards if c.attribute == "call.initiator"]
    assert caller.outlier.document == "wire-i" and {e.document for e in caller.counterparts} == {"first-call", "wire-h"}
    # an Arabic outlet in an English sentence is named by its document id
    assert caller.message == "wire-i says Putin placed the call, first-call and wire-h Trump."


def test_summary_counts_mistakes_and_json_groups_pairs_under_cards(tmp_path) -> None:
    from checker.report import to_json

    report = localize(pipeline.run([EXAMPLES]), "ar", load_ruleset())
    data = json.loads(to_json(report))
    assert data["schema_version"] == "1.1" and data["ui_lang"] == "ar"
    card_ids = {c["id"] for c in data["cards"]}
    assert {f["card"] for f in data["findings"]} == card_ids
    for c in data["cards"]:
        assert [f["id"] for f in data["findings"] if f["card"] == c["id"]] == c["findings"]
        assert c["fingerprints"] == [f["fingerprint"] for f in data["findings"] if f["card"] == c["id"]]
    assert data["summary"]["findings"] == len(data["cards"]) and data["summary"]["pairs"] == len(data["findings"])
    assert sum(data["summary"]["by_kind"].values()) == len(data["cards"])
    assert summarize(report) == report.summary


def test_cards_are_deterministic_and_follow_suppressions() -> None:
    from checker import suppress

    report = pipeline.run([EXAMPLES])
    first = [c.model_dump() for c in group_cards([f.model_copy() for f in report.findings])]
    again = [c.model_dump() for c in group_cards([f.model_copy() for f in report.findings])]
    assert first == again
    hidden = {report.findings[0].fingerprint}
    kept = suppress.apply_suppressions(report, hidden)
    assert kept.summary.pairs == len(report.findings) - 1 and kept.summary.suppressed == 1
