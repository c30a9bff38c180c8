"""Precision and recall of the findings on the benchmark corpus, against the generator's truth.

    python benchmarks/quality.py --docs 5000
    python benchmarks/quality.py --docs 1000 --seed 3 --examples 5    # + false positives to read

The corpus generator (benchmarks/corpus.py) knows which event each article reports and the one
detail a disagreeing article gets wrong. The checker runs in this process on the written files
(checker.pipeline.run, as `checker report` does), then:

- a `conflict` finding is right when at least one of its two articles is a disagreeing one and
  both give an account of its event (as their story, a recall of an earlier event, or a second
  story embedded in the page); a title conflict, when one of them gets a title wrong (titles
  are compared across events); an `internal` or `knowledge` finding, when its article is a
  disagreeing one. A finding between two accounts of another event of a disagreeing page
  counts as right: a lower bound on the errors, not an exact count.
- a disagreeing article is found when a finding names it with the attribute its wrong detail
  is about (a date, a duration...). Some planted details never reach the text (a wrong clock
  time in an article that gives no time), so recall is a lower bound too.

Prints one JSON object: `precision` and `recall` overall, by rule and by kind of planted
detail, the events found and in the corpus, and with --examples, some findings judged wrong.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))

# the attributes a planted wrong detail shows up in
PLANTED_ATTRIBUTES = {
    "date": {"call.date", "talks.date"},
    "weekday": {"call.date", "talks.date"},
    "duration": {"call.duration", "talks.duration"},
    "time": {"call.time"},
    "initiator": {"call.initiator"},
    "title": {"person.title"},
    "wrong_office": {"person.title"},
    "count": {"exchange.prisoners"},
}


def _accounts(report) -> set[str]:
    """The events a generated article gives an account of."""
    return {report.event, *report.recalls, *([report.embedded] if report.embedded else [])}


def _ratio(good: int, total: int) -> float | None:
    return round(good / total, 3) if total else None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="precision and recall of findings against the corpus truth")
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--examples", type=int, default=0, help="findings judged wrong to print")
    args = ap.parse_args(argv)

    from corpus import generate_with_truth

    from checker import pipeline

    files, events, reports = generate_with_truth(args.docs, args.seed)
    truth = {r.name: r for r in reports}
    with tempfile.TemporaryDirectory(prefix="checker-quality-") as tmp:
        for name, text in files:
            (Path(tmp) / name).write_text(text, encoding="utf-8")
        report = pipeline.run([Path(tmp)])

    right, total, wrong_examples = Counter(), Counter(), []
    found: set[str] = set()
    for f in report.findings:
        docs = [truth[d] for d in f.documents if d in truth]
        if f.kind == "conflict" and f.attribute == "person.title":
            ok = any(d.disagreement in ("title", "wrong_office") for d in docs)
        elif f.kind == "conflict":
            ok = len(docs) == 2 and any(d.disagreement and d.event in _accounts(docs[0]) & _accounts(docs[1])
                                        for d in docs)
        else:
            ok = bool(docs) and all(d.disagreement for d in docs)
        total[f.rule] += 1
        right[f.rule] += ok
        if not ok and len(wrong_examples) < args.examples:
            wrong_examples.append({"rule": f.rule, "message": f.message,
                                   "evidence": [f"{e.document}: {e.sentence}" for e in f.evidence]})
        for d in docs:
            if d.disagreement and f.attribute in PLANTED_ATTRIBUTES[d.disagreement]:
                found.add(d.name)

    planted = Counter(r.disagreement for r in reports if r.disagreement)
    caught = Counter(truth[n].disagreement for n in found)
    print(json.dumps({
        "docs": args.docs,
        "seed": args.seed,
        "findings": len(report.findings),
        "precision": _ratio(sum(right.values()), sum(total.values())),
        "precision_by_rule": {rule: {"findings": total[rule], "precision": _ratio(right[rule], total[rule])}
                              for rule in sorted(total, key=lambda r: -total[r])},
        "recall": _ratio(len(found), sum(planted.values())),
        "recall_by_kind": {kind: {"planted": planted[kind], "found": caught[kind],
                                  "recall": _ratio(caught[kind], planted[kind])} for kind in sorted(planted)},
        "events": len(report.events),
        "events_in_corpus": len(events),
        **({"wrong_examples": wrong_examples} if args.examples else {}),
    }, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
