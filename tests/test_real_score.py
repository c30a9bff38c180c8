"""The real-pages scorer (benchmarks/real/score.py): its arithmetic on three pages written here.

Two pages give the call's duration in ways that cannot both hold (a labelled conflict the
checker finds), a third has the other side calling (a disagreement left unlabelled on purpose:
the checker's findings about it are false alarms to the scorer), and one fact is labelled on a
page that never states it (a fact the checker cannot find).
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _load_scorer():
    spec = importlib.util.spec_from_file_location("real_score", ROOT / "benchmarks" / "real" / "score.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


score_mod = _load_scorer()

PAGES = {
    "call-x--north": "تلقى الرئيس الروسي فلاديمير بوتين، اليوم الأربعاء، اتصالاً هاتفياً من الرئيس الأمريكي "
                     "دونالد ترامب، استمر نحو ساعة ونصف، وبحثا خلاله الأزمة الأوكرانية.",
    "call-x--south": "أجرى الرئيس الأمريكي دونالد ترامب اليوم الأربعاء اتصالاً هاتفياً بنظيره الروسي فلاديمير "
                     "بوتين استمر أكثر من ساعتين، تناول الأزمة الأوكرانية.",
    "call-x--east": "اتصل الرئيس الروسي فلاديمير بوتين اليوم الأربعاء بنظيره الأمريكي دونالد ترامب، وتناول "
                    "الاتصال الأزمة الأوكرانية.",
}

LABELS = """\
event: {id: call-x, type: call, date: 2025-02-12, parties: [trump, putin]}
pages:
  - id: call-x--north
    language: ar
    facts:
      - {attribute: call.duration, value: {min: 80, max: 100, words: "about an hour and a half"}}
      - {attribute: call.weekday, value: wednesday}
      - {attribute: call.initiator, value: {caller: trump}}
  - id: call-x--south
    language: ar
    facts:
      - {attribute: call.duration, value: {min: 120, max: null, words: "more than two hours"}}
      - {attribute: person.title, subject: trump, value: {role: president, country: usa, status: current}}
  - id: call-x--east
    language: ar
    facts:
      - {attribute: call.duration, value: {min: 60, max: 60, words: "an hour (not on the page)"}}
conflicts:
  - attribute: call.duration
    pages: [call-x--north]
    against: [call-x--south]
    why: about an hour and a half against more than two hours
"""


@pytest.fixture(scope="module")
def result(tmp_path_factory):
    root = tmp_path_factory.mktemp("real")
    pages, labels = root / "pages", root / "labels"
    pages.mkdir()
    labels.mkdir()
    for pid, body in PAGES.items():
        (pages / f"{pid}.txt").write_text(
            f"---\nsource: {pid.split('--')[1]}\nlanguage: ar\npublished: 2025-02-12\n---\n{body}\n", encoding="utf-8")
    (labels / "call-x.yaml").write_text(LABELS, encoding="utf-8")
    return score_mod.score(pages, labels)


def test_found_conflict_and_false_alarms(result):
    g = result["conflicts"]["groups"]["ar-ar"]
    assert (g["labelled"], g["found"], g["recall"]) == (1, 1, 1.0)
    # the unlabelled initiator disagreement: at least one finding, none of them a true positive
    assert g["true_positives"] == 1 and g["reported"] >= 2
    assert g["precision"] == round(1 / g["reported"], 3)
    alarms = result["conflicts"]["false_alarms"]
    assert len(alarms) == g["reported"] - 1
    assert {a["attribute"] for a in alarms} == {"call.initiator"}
    assert all("call-x--east" in a["documents"] and len(a["evidence"]) == 2 for a in alarms)
    assert result["conflicts"]["groups"]["overall"] == g
    assert result["conflicts"]["groups"]["en-en"]["labelled"] == 0


def test_alignment_counts_the_checker_events_holding_a_labelled_events_accounts(result, tmp_path, monkeypatch):
    assert result["alignment"] == {"labelled_events": 1, "checker_events": 1, "per_event": {"call-x": 1}}
    # a page that dates the same call a week off is an event of its own: the call is split in two
    pages, labels = tmp_path / "pages", tmp_path / "labels"
    pages.mkdir()
    labels.mkdir()
    for pid, body in PAGES.items():
        day = "2025-02-19" if pid.endswith("east") else "2025-02-12"
        (pages / f"{pid}.txt").write_text(
            f"---\nsource: {pid.split('--')[1]}\nlanguage: ar\npublished: {day}\n---\n{body}\n", encoding="utf-8")
    (labels / "call-x.yaml").write_text(LABELS, encoding="utf-8")
    assert score_mod.score(pages, labels)["alignment"]["per_event"] == {"call-x": 1}  # a week off: another call
    monkeypatch.setattr(score_mod, "ALIGN_DAYS", 7)  # counted as this call's: its accounts are split
    assert score_mod.score(pages, labels)["alignment"]["per_event"] == {"call-x": 2}


def test_claim_recall_counts_a_missed_fact(result):
    rows = result["claims"]["attributes"]
    assert (rows["call.duration"]["facts"], rows["call.duration"]["found"]) == (3, 2)
    assert rows["call.weekday"]["found"] == 1 and rows["call.initiator"]["found"] == 1
    assert rows["person.title"]["found"] == 1
    missed = result["claims"]["missed"]
    assert [(m["page"], m["attribute"]) for m in missed] == [("call-x--east", "call.duration")]
    assert result["claims"]["overall"] == {"facts": 6, "found": 5, "recall": round(5 / 6, 3)}


def test_unlabelled_pages_are_left_out(tmp_path, result):
    # the same run, scored with labels that do not list the third page: its findings are ignored
    labels = tmp_path / "labels"
    labels.mkdir()
    text = LABELS.split("  - id: call-x--east")[0] + LABELS.split('"an hour (not on the page)"}}\n')[1]
    (labels / "call-x.yaml").write_text(text, encoding="utf-8")
    report = {"findings": [{"attribute": "call.initiator", "documents": ["call-x--east", "call-x--north"],
                            "kind": "conflict", "rule": "r", "subject": "e1", "message": "", "evidence": []}]}
    out = score_mod.score_conflicts(score_mod.load_labels(labels), report["findings"],
                                    {"call-x--north", "call-x--south", "call-x--east"})
    assert out["ignored_findings"] == 1 and out["groups"]["overall"]["reported"] == 0
    assert out["groups"]["overall"]["recall"] == 0.0


def test_weekday_mistakes_count_under_the_date_and_groups_by_language(tmp_path):
    labels = tmp_path / "labels"
    labels.mkdir()
    (labels / "e.yaml").write_text(
        "event: {id: e}\npages:\n  - {id: a, language: ar}\n  - {id: b, language: en}\n  - {id: c, language: ar}\n"
        "conflicts:\n  - {attribute: call.weekday, kind: internal, pages: [a], against: []}\n"
        "  - {attribute: call.duration, pages: [b], against: [a, c]}\n", encoding="utf-8")
    lab = score_mod.load_labels(labels)
    findings = [
        {"attribute": "call.date", "documents": ["a"], "kind": "internal", "rule": "internal.weekday",
         "subject": "e1", "message": "", "evidence": []},
        {"attribute": "call.duration", "documents": ["a", "b"], "kind": "conflict", "rule": "conflict.duration",
         "subject": "e1", "message": "", "evidence": []},
        {"attribute": "call.duration", "documents": ["a", "b"], "kind": "conflict", "rule": "conflict.duration",
         "subject": "e2", "message": "", "evidence": []},  # the same pages again: counted once
    ]
    out = score_mod.score_conflicts(lab, findings, {"a", "b", "c"})["groups"]
    assert (out["ar-ar"]["labelled"], out["ar-ar"]["found"], out["ar-ar"]["reported"]) == (1, 1, 1)
    assert (out["ar-en"]["labelled"], out["ar-en"]["found"], out["ar-en"]["precision"]) == (1, 1, 1.0)
    assert out["overall"]["reported"] == 2 and out["overall"]["precision"] == 1.0
    assert json.dumps(out, sort_keys=True) == json.dumps(
        score_mod.score_conflicts(lab, list(reversed(findings)), {"a", "b", "c"})["groups"], sort_keys=True)


def test_other_values_match_field_by_field():
    fact = {"attribute": "exchange.mediator", "value": {"mediator": "qatar"}}
    claim = {"attribute": "exchange.mediator", "subject": "e1", "value": {"type": "label", "label": "qatar"}}
    assert score_mod.fact_matches(fact, claim, set(), None)
    claim["value"]["label"] = "egypt"
    assert not score_mod.fact_matches(fact, claim, set(), None)
    rounds = {"attribute": "talks.round", "value": {"round": 2}}
    assert score_mod.fact_matches(rounds, {"attribute": "talks.round", "subject": "e1", "value": {"type": "x", "round": 2}}, set(), None)


def test_ids_match_by_their_words():
    assert score_mod._loose("king_salman", "salman") and score_mod._loose("trump", "donald_trump")
    assert not score_mod._loose("bin_salman", "king_salman") and not score_mod._loose("us", "russia")


def test_a_meeting_labelled_fact_is_met_by_the_talks_slot_of_the_same_event(monkeypatch):
    # the policy groups talks and meetings (one event, reported as either)
    monkeypatch.setattr(score_mod, "FAMILY", score_mod.event_families(None))
    fact = {"attribute": "meeting.duration", "value": {"min": 180, "max": 180}}
    claim = {"attribute": "talks.duration", "subject": "e1",
             "value": {"type": "duration", "minutes": 180, "min": 162, "max": 198}}
    assert score_mod.fact_matches(fact, claim, set(), None)
    assert not score_mod.fact_matches(fact, {**claim, "attribute": "call.duration"}, set(), None)
    assert score_mod.same_attribute("meeting.weekday", "talks.date")
