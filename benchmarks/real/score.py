"""How well the checker does on real news pages, against labels written by hand.

    python benchmarks/real/score.py PAGES_DIR [--labels DIR] [--json FILE] [--verbose] [--rules DIR]

PAGES_DIR holds the page texts (`<page-id>.txt`, rebuilt from each page's `query`, see
README.md beside this file); the labels are every `*.yaml` of --labels (default: the `labels/`
folder beside this file). The checker runs in this process (checker.pipeline.run, what
`checker report` runs); a document's id is its file name without the extension, which is the
page id. Then:

- Conflicts. A labelled conflict is *found* when a reported finding has its attribute and
  names a page of its `pages` and a page of its `against`; a label with no `against` (kind
  knowledge or internal) is found by a finding on one of its `pages`, and so is any label by
  a finding on one page alone (an internal or knowledge finding on the page that is wrong).
  Findings are deduplicated by (attribute, set of documents) first; one is a *true positive*
  when it matches some label. A weekday mistake is reported under `<type>.date`, so `.weekday`
  and `.date` of one event type are the same attribute here. Findings that name a page no
  label lists are left out (and counted). Per language group: ar-ar, en-en and ar-en (a label
  counts in a group when pages of those languages can show it; a finding by the languages of
  its documents).
- Claim recall. For each labelled fact of a page: does the checker have a claim on that page
  with that attribute and a matching value (see `fact_matches`).

Prints a plain-text table (and every miss and false alarm with --verbose); --json writes the
same numbers. Output is deterministic. Exits 0 whatever the numbers (2 on bad arguments or a
broken label file).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

import yaml

HERE = Path(__file__).resolve().parent
DEFAULT_LABELS = HERE / "labels"
GROUPS = ("ar-ar", "en-en", "ar-en")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# country ids written differently by labels and by the checker's rules
COUNTRY_ALIASES = {"united_states": "usa", "us": "usa", "america": "usa", "united_kingdom": "uk",
                   "britain": "uk", "saudi": "saudi_arabia", "emirates": "uae",
                   "united_arab_emirates": "uae"}


class LabelError(Exception):
    """A label file that cannot be read: the message names the file and the problem."""


# --------------------------------------------------------------------------- labels


@dataclass
class Page:
    id: str
    event: str
    language: str
    facts: list[dict]


@dataclass
class Conflict:
    event: str
    attribute: str
    kind: str
    pages: list[str]
    against: list[str]
    why: str
    subject: str | None = None


@dataclass
class Labels:
    pages: dict[str, Page] = field(default_factory=dict)
    conflicts: list[Conflict] = field(default_factory=list)
    agreements: int = 0
    events: list[str] = field(default_factory=list)


def load_labels(folder: Path) -> Labels:
    """Every `*.yaml` of `folder`, in file-name order."""
    files = sorted(folder.glob("*.yaml"))
    if not files:
        raise LabelError(f"{folder}: no label files (*.yaml)")
    out = Labels()
    for path in files:
        _load_file(path, out)
    return out


def _load_file(path: Path, out: Labels) -> None:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise LabelError(f"{path}: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("event"), dict):
        raise LabelError(f"{path}: expected a mapping with an 'event' mapping")
    event = str(data["event"].get("id") or "")
    if not event:
        raise LabelError(f"{path}: event.id is missing")
    out.events.append(event)
    for n, p in enumerate(data.get("pages") or []):
        if not isinstance(p, dict) or not p.get("id"):
            raise LabelError(f"{path}: pages[{n}] has no id")
        if p["id"] in out.pages:
            raise LabelError(f"{path}: page {p['id']} is labelled twice")
        facts = p.get("facts") or []
        for k, f in enumerate(facts):
            if not isinstance(f, dict) or "attribute" not in f or "value" not in f:
                raise LabelError(f"{path}: page {p['id']} facts[{k}] needs attribute and value")
        out.pages[p["id"]] = Page(id=p["id"], event=event, language=str(p.get("language") or "ar"), facts=facts)
    for n, c in enumerate(data.get("conflicts") or []):
        if not isinstance(c, dict) or "attribute" not in c or not c.get("pages"):
            raise LabelError(f"{path}: conflicts[{n}] needs attribute and pages")
        out.conflicts.append(Conflict(event=event, attribute=c["attribute"], kind=c.get("kind", "conflict"),
                                      pages=list(c["pages"]), against=list(c.get("against") or []),
                                      why=str(c.get("why", "")), subject=c.get("subject")))
    out.agreements += len(data.get("agreements") or [])


# --------------------------------------------------------------------------- conflicts


# event type -> the first type of its group in the policy's `same_event` (meeting -> talks): the
# checker may call an event talks that a label calls a meeting; the slot is the same. Set by score().
FAMILY: dict[str, str] = {}


def same_attribute(a: str, b: str) -> bool:
    """A weekday mistake is reported under the date attribute of its event type."""
    return _canonical(a) == _canonical(b)


def same_slot(a: str, b: str) -> bool:
    """The same slot of the same kind of event (`meeting.place` is `talks.place`)."""
    return _family(a) == _family(b)


def _family(attribute: str) -> str:
    kind, _, slot = attribute.partition(".")
    return f"{FAMILY.get(kind, kind)}.{slot}" if slot else attribute


def _canonical(attribute: str) -> str:
    kind, _, slot = _family(attribute).partition(".")
    return f"{kind}.date" if slot == "weekday" else f"{kind}.{slot}"


def group_of(languages: set[str]) -> str:
    if languages == {"ar"}:
        return "ar-ar"
    if languages == {"en"}:
        return "en-en"
    return "ar-en"


@dataclass
class Reported:
    """A finding after deduplication by (attribute, set of documents)."""

    attribute: str
    documents: tuple[str, ...]
    finding: dict  # the first such finding, as the JSON report has it


def dedupe(findings: list[dict]) -> list[Reported]:
    seen: dict[tuple, Reported] = {}
    for f in findings:
        key = (f["attribute"], tuple(sorted(set(f["documents"]))))
        seen.setdefault(key, Reported(key[0], key[1], f))
    return sorted(seen.values(), key=lambda r: (r.attribute, r.documents))


def finding_matches(r: Reported, c: Conflict, pages: set[str] | None = None, against: set[str] | None = None) -> bool:
    """Does a (deduplicated) finding show the labelled conflict `c`? `pages`/`against` narrow
    the label to some of its pages (one language group's view of it)."""
    if not same_attribute(r.attribute, c.attribute):
        return False
    if c.subject and r.finding.get("subject") not in (None, "") and r.attribute == "person.title" \
            and not _loose(c.subject, r.finding["subject"]):
        return False
    pages = set(c.pages) if pages is None else pages
    against = set(c.against) if against is None else against
    docs = set(r.documents)
    if len(docs) == 1 or not c.against:
        return bool(docs & pages)
    return any(p != a for p in docs & pages for a in docs & against)


def _group_view(c: Conflict, group: str, lang: dict[str, str]) -> tuple[set[str], set[str]] | None:
    """The label as one language group sees it: the pages and counterparts it can be shown
    with, or None when that group cannot show it."""
    if not c.against:
        want = {"ar-ar": "ar", "en-en": "en"}.get(group)
        pages = {p for p in c.pages if lang.get(p) == want}
        return (pages, set()) if pages else None
    if group in ("ar-ar", "en-en"):
        want = group[:2]
        pages = {p for p in c.pages if lang.get(p) == want}
        against = {a for a in c.against if lang.get(a) == want}
        return (pages, against) if pages and against else None
    pairs = [(p, a) for p in c.pages for a in c.against if {lang.get(p), lang.get(a)} == {"ar", "en"}]
    if not pairs:
        return None
    return {p for p, _ in pairs}, {a for _, a in pairs}


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 3) if b else None


def score_conflicts(labels: Labels, findings: list[dict], present: set[str]) -> dict:
    lang = {p.id: p.language for p in labels.pages.values()}
    # labels of pages we have the text of, narrowed to those pages
    conflicts = []
    for c in labels.conflicts:
        pages = [p for p in c.pages if p in present]
        against = [a for a in c.against if a in present]
        if pages and (against or not c.against):
            conflicts.append(Conflict(c.event, c.attribute, c.kind, pages, against, c.why, c.subject))
    reported = dedupe(findings)
    considered = [r for r in reported if all(d in labels.pages for d in r.documents)]
    ignored = len(reported) - len(considered)
    matched = [[c for c in conflicts if finding_matches(r, c)] for r in considered]
    result: dict = {"ignored_findings": ignored, "groups": {}}
    for group in (*GROUPS, "overall"):
        if group == "overall":
            views = [(c, set(c.pages), set(c.against)) for c in conflicts]
            mine = list(range(len(considered)))
        else:
            views = [(c, *v) for c in conflicts if (v := _group_view(c, group, lang)) is not None]
            mine = [i for i, r in enumerate(considered) if group_of({lang[d] for d in r.documents}) == group]
        found = [any(finding_matches(considered[i], c, p, a) for i in mine) for c, p, a in views]
        tp = sum(1 for i in mine if matched[i])
        result["groups"][group] = {
            "labelled": len(views), "found": sum(found), "recall": _ratio(sum(found), len(views)),
            "reported": len(mine), "true_positives": tp, "precision": _ratio(tp, len(mine)),
        }
    found_all = [any(finding_matches(r, c) for r in considered) for c in conflicts]
    result["missed"] = [_describe_conflict(c) for c, ok in zip(conflicts, found_all) if not ok]
    result["false_alarms"] = [_describe_finding(r) for r, m in zip(considered, matched) if not m]
    return result


def _describe_conflict(c: Conflict) -> dict:
    return {"event": c.event, "attribute": c.attribute, "kind": c.kind, "pages": c.pages,
            "against": c.against, "why": c.why}


def _describe_finding(r: Reported) -> dict:
    f = r.finding
    return {"attribute": r.attribute, "documents": list(r.documents), "kind": f["kind"], "rule": f["rule"],
            "subject": f["subject"], "message": f["message"],
            "evidence": [{"document": e["document"], "value": e["value"], "text": e["text"],
                          "sentence": e.get("sentence")} for e in f["evidence"]]}


# --------------------------------------------------------------------------- claims


def _loose(label: str, checker_id: str) -> bool:
    """One id's words are all in the other's: king_salman ~ salman, trump ~ donald_trump, but
    not bin_salman ~ king_salman, nor us ~ russia."""
    a, b = set(_norm_id(label).split("_")) - {""}, set(_norm_id(checker_id).split("_")) - {""}
    return bool(a) and bool(b) and (a <= b or b <= a)


def _norm_id(x) -> str:
    s = str(x or "").strip().lower().replace("-", "_").replace(" ", "_")
    return COUNTRY_ALIASES.get(s, s)


def _date(x) -> dt.date | None:
    if isinstance(x, dt.date):
        return x
    try:
        return dt.date.fromisoformat(str(x)[:10]) if x else None
    except ValueError:
        return None


def _claim_day(v: dict) -> dt.date | None:
    lo, hi = _date(v.get("from")), _date(v.get("to"))
    return lo if lo is not None and lo == hi else None


def _duration_matches(want: dict, v: dict) -> bool:
    lmin = want.get("min") or 0
    lmax = want.get("max")
    cmin = v.get("min") or 0
    cmax = v.get("max")
    if (lmax is None) != (cmax is None) or (lmin == 0) != (cmin == 0):
        return False
    hi = min(x for x in (lmax, cmax, float("inf")) if x is not None)
    return max(lmin, cmin) <= hi


def _instant(day: dt.date, hour: int, minute: int, zone: str) -> dt.datetime | None:
    try:
        return dt.datetime(day.year, day.month, day.day, hour % 24, minute, tzinfo=ZoneInfo(zone))
    except (ValueError, KeyError, OSError):
        return None


def _time_matches(want: dict, v: dict, day: dt.date | None) -> bool:
    hours = {v["hour"]} | ({(v["hour"] + 12) % 24} if v.get("clock12") else set())
    minute = v.get("minute", 0)
    lzone = want.get("zone")
    if want.get("hour") in hours and want.get("minute", 0) == minute:
        czones = [v["zone"]] if v.get("zone") else list(v.get("candidates") or [])
        if lzone is None or not czones or lzone in czones:
            return True
    if day is None or lzone is None or not v.get("zone"):
        return False
    a = _instant(day, want["hour"], want.get("minute", 0), lzone)
    return a is not None and any(a == _instant(day, h, minute, v["zone"]) for h in hours)


def _title_matches(want: dict, subject: str | None, claim: dict, known_people: set[str]) -> bool:
    v = claim["value"]
    if v.get("role") != want.get("role") or v.get("status", "current") != want.get("status", "current"):
        return False
    if subject and _loose(subject, claim["subject"]):
        return True
    if subject and _norm_id(subject) in known_people:
        return False  # a person the checker knows must be named by their id
    if _norm_id(claim["subject"]) in known_people:
        return False  # the title of someone else the checker knows
    lc, cc = want.get("country"), v.get("country")
    return not (lc and cc) or _loose(lc, cc)


def fact_matches(fact: dict, claim: dict, known_people: set[str], day: dt.date | None) -> bool:
    """Does `claim` (as the JSON report has it) state the labelled `fact`?

    date: the same day; weekday: the weekday stated with the date, or the date's weekday;
    duration: the intervals overlap and their open ends agree; time: the same clock time and
    zone, or the same instant on the event's day `day`; title: same role and status, and the
    person (loosely: one id's words inside the other's; for a person the checker does not know, anyone
    else it does not know either with that role, and country if both give one); count: the same per_side or total;
    initiator and place: the ids match loosely; any other value: field by field (`_fields_match`).
    """
    attr, want = fact["attribute"], fact["value"]
    kind, _, slot = attr.partition(".")
    v = claim["value"]
    if slot == "weekday":
        if not (same_slot(claim["attribute"], attr) or same_slot(claim["attribute"], f"{kind}.date")) \
                or v.get("type") != "date":
            return False
        target = WEEKDAYS.index(str(want).lower()) if str(want).lower() in WEEKDAYS else None
        day_of = _claim_day(v)
        return target is not None and (v.get("weekday") == target or (day_of is not None and day_of.weekday() == target))
    if not same_slot(claim["attribute"], attr):
        return False
    t = v.get("type")
    if t == "date":
        return _claim_day(v) == _date(want)
    if t == "duration":
        return isinstance(want, dict) and _duration_matches(want, v)
    if t == "time":
        return isinstance(want, dict) and _time_matches(want, v, day)
    if t == "title":
        return isinstance(want, dict) and _title_matches(want, fact.get("subject"), claim, known_people)
    if t == "count":
        return isinstance(want, dict) and any(want.get(k) is not None and want.get(k) == v.get(k)
                                              for k in ("per_side", "total"))
    if t == "initiator":
        return isinstance(want, dict) and _loose(want.get("caller"), v.get("caller"))
    if t == "place":
        want_place = want.get("place") if isinstance(want, dict) else want
        return _loose(want_place, v.get("place"))
    return _fields_match(want, v)


def _fields_match(want, v: dict) -> bool:
    """Any other kind of value (a mediator, a round, participants, a label): every field the
    label gives (its `words` aside) matches the claim's field of that name, or the claim's
    `label` when it has no such field. Strings loosely, lists as sets of loose ids, the rest equal."""
    items = want.items() if isinstance(want, dict) else [("label", want)]
    fields = [(k, x) for k, x in items if k != "words"]
    if not fields:
        return False
    for key, x in fields:
        if x is None:  # an open bound ("more than 31": max null): the claim's must be open too
            if key in v and v[key] is None:
                continue
            return False
        got = v.get(key, v.get("label"))
        if got is None:
            return False
        if isinstance(x, list):
            have = got if isinstance(got, list) else [got]
            if not all(any(_loose(a, b) for b in have) for a in x):
                return False
        elif isinstance(x, str):
            if not _loose(x, got):
                return False
        elif x != got:
            return False
    return True


def score_claims(labels: Labels, claims: list[dict], present: set[str], known_people: set[str],
                 event_days: dict[str, dt.date | None]) -> dict:
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for c in claims:
        by_doc[c["document"]].append(c)
    table: dict[str, dict[str, int]] = {}
    missed = []
    for pid in sorted(labels.pages):
        page = labels.pages[pid]
        if pid not in present:
            continue
        for fact in page.facts:
            key = fact["attribute"]
            row = table.setdefault(key, {"facts": 0, "found": 0, "facts_ar": 0, "found_ar": 0,
                                         "facts_en": 0, "found_en": 0})
            ok = any(fact_matches(fact, c, known_people, event_days.get(page.event)) for c in by_doc[pid])
            lang = "en" if page.language == "en" else "ar"
            row["facts"] += 1
            row[f"facts_{lang}"] += 1
            if ok:
                row["found"] += 1
                row[f"found_{lang}"] += 1
            else:
                kind = fact["attribute"].partition(".")[0]
                near = [f"{c['attribute']} {c['subject']} {_show_value(c['value'])}" for c in by_doc[pid]
                        if same_slot(c["attribute"], fact["attribute"])
                        or (fact["attribute"].endswith(".weekday") and same_slot(c["attribute"], f"{kind}.date"))]
                missed.append({"page": pid, "attribute": fact["attribute"], "subject": fact.get("subject"),
                               "value": _plain(fact["value"]), "checker_has": near})
    for row in table.values():
        row["recall"] = _ratio(row["found"], row["facts"])
    total_f = sum(r["facts"] for r in table.values())
    total_ok = sum(r["found"] for r in table.values())
    return {"attributes": dict(sorted(table.items())),
            "overall": {"facts": total_f, "found": total_ok, "recall": _ratio(total_ok, total_f)},
            "missed": missed}


def _show_value(v: dict) -> str:
    return json.dumps({k: x for k, x in v.items() if k != "type"}, ensure_ascii=False, sort_keys=True)


def _plain(x):
    """Label values as JSON can write them (YAML gives dates)."""
    if isinstance(x, dict):
        return {str(k): _plain(v) for k, v in x.items()}
    if isinstance(x, list):
        return [_plain(v) for v in x]
    if isinstance(x, dt.date):
        return x.isoformat()
    return x


# --------------------------------------------------------------------------- running


def run_checker(pages_dir: Path, rules_dir: Path | None) -> dict:
    """The report of the pages folder as `checker report --json` writes it."""
    from checker import pipeline

    return pipeline.run([pages_dir], rules_dir=rules_dir).model_dump(mode="json", by_alias=True)


def known_people(rules_dir: Path | None) -> set[str]:
    from checker.rules.ruleset import load_ruleset

    rs = load_ruleset(rules_dir, "ar")
    return {e.id for e in rs.entities.entities if e.type == "person"}


def event_families(rules_dir: Path | None) -> dict[str, str]:
    """Event type -> the head of its `same_event` group in the policy (types of one event)."""
    from checker.rules.ruleset import load_ruleset

    groups = load_ruleset(rules_dir, "ar").policy.coreference.same_event
    return {t: group[0] for group in groups for t in group}


def event_days(labels_dir: Path) -> dict[str, dt.date | None]:
    days = {}
    for path in sorted(labels_dir.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        days[str(data["event"]["id"])] = _date(data["event"].get("date"))
    return days


ALIGN_DAYS = 3  # a checker event this close to a labelled event's day (or undated) may hold its accounts


def score_alignment(labels: Labels, labels_dir: Path, report: dict, present: set[str]) -> dict:
    """How many checker events hold the accounts each labelled event's pages report: of its
    type family, dated within ALIGN_DAYS of it or undated, with a reported (not recalled or
    planned) account from one of its pages. One per labelled event is an event kept in one
    piece; more is an event its accounts split."""
    kinds = {}
    for path in sorted(labels_dir.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        kinds[str(data["event"]["id"])] = (str(data["event"]["type"]), _date(data["event"].get("date")))
    reported = {m["id"] for m in report.get("mentions", []) if m.get("relation", "reported") == "reported"}
    pages_of: dict[str, set[str]] = defaultdict(set)
    for pid, page in labels.pages.items():
        if pid in present:
            pages_of[page.event].add(pid)
    per_event = {}
    for eid, pages in sorted(pages_of.items()):
        etype, day = kinds.get(eid, (None, None))
        held = 0
        for e in report["events"]:
            if FAMILY.get(e["type"], e["type"]) != FAMILY.get(etype, etype):
                continue
            start = _date(e["date"].get("from"))
            if start is not None and day is not None and abs((start - day).days) > ALIGN_DAYS:
                continue
            mentions = [m for m in e["mentions"] if m in reported]
            if any(m.rsplit(":", 1)[0] in pages for m in mentions):
                held += 1
        per_event[eid] = held
    return {"labelled_events": len(per_event), "checker_events": sum(per_event.values()), "per_event": per_event}


def score(pages_dir: Path, labels_dir: Path, rules_dir: Path | None = None) -> dict:
    labels = load_labels(labels_dir)
    report = run_checker(pages_dir, rules_dir)
    FAMILY.clear()
    FAMILY.update(event_families(rules_dir))
    docs = {d["id"]: d for d in report["documents"]}
    present = {d for d, doc in docs.items() if doc.get("status") == "ok"}
    listed = set(labels.pages)
    langs = defaultdict(int)
    for pid in listed & present:
        langs[labels.pages[pid].language] += 1
    return {
        "pages": {"labelled": len(listed), "read": len(listed & present), "by_language": dict(sorted(langs.items())),
                  "missing": sorted(listed - present), "unlabelled": sorted(set(docs) - listed)},
        "events": len(labels.events),
        "labelled_conflicts": len(labels.conflicts),
        "labelled_agreements": labels.agreements,
        "conflicts": score_conflicts(labels, report["findings"], present),
        "claims": score_claims(labels, report["claims"], present, known_people(rules_dir), event_days(labels_dir)),
        "alignment": score_alignment(labels, labels_dir, report, present),
    }


def _fmt(x: float | None) -> str:
    return "  -  " if x is None else f"{x:.3f}"


_CONFLICT_ROW = "  {:<12} {:>8} {:>6}  {}   {:>8} {:>6}  {}"
_CLAIM_ROW = "  {:<28} {:>5} {:>6}  {}    {:>4}/{:<4}         {:>4}/{:<4}"


def render(result: dict, verbose: bool) -> str:
    p = result["pages"]
    by_lang = ", ".join(f"{k} {v}" for k, v in p["by_language"].items())
    lines = [f"events: {result['events']}  pages labelled: {p['labelled']}  read: {p['read']} ({by_lang})"
             f"  labelled conflicts: {result['labelled_conflicts']}  agreements: {result['labelled_agreements']}"]
    if p["missing"]:
        lines.append(f"pages labelled but not read (rebuild them, README.md): {' '.join(p['missing'])}")
    c = result["conflicts"]
    lines += ["", "conflicts      labelled  found  recall   reported  true+  precision"]
    lines += [_CONFLICT_ROW.format(g, r["labelled"], r["found"], _fmt(r["recall"]), r["reported"],
                                   r["true_positives"], _fmt(r["precision"])) for g, r in c["groups"].items()]
    lines.append(f"  findings naming unlabelled pages, left out: {c['ignored_findings']}")
    al = result["alignment"]
    lines.append(f"  alignment: the accounts of {al['labelled_events']} labelled events are held by "
                 f"{al['checker_events']} checker events (one each: none split)")
    cl = result["claims"]
    lines += ["", "claim recall                   facts  found  recall    ar (found/facts)  en (found/facts)"]
    lines += [_CLAIM_ROW.format(a, r["facts"], r["found"], _fmt(r["recall"]), r["found_ar"], r["facts_ar"],
                                r["found_en"], r["facts_en"]) for a, r in cl["attributes"].items()]
    o = cl["overall"]
    lines.append(f"  {'all':<28} {o['facts']:>5} {o['found']:>6}  {_fmt(o['recall'])}")
    if verbose:
        lines += ["", f"missed conflicts ({len(c['missed'])}):"]
        for m in c["missed"]:
            lines.append(f"  [{m['attribute']}] {' '.join(m['pages'])} vs {' '.join(m['against']) or '(facts)'}: {m['why']}")
        lines += ["", f"false alarms ({len(c['false_alarms'])}):"]
        for f in c["false_alarms"]:
            lines.append(f"  [{f['attribute']}] {f['kind']} {f['rule']} {' + '.join(f['documents'])}: {f['message']}")
            for e in f["evidence"]:
                lines.append(f"      {e['document']}: {e['value']} | {e['text']!r} in {e['sentence']!r}")
        lines += ["", f"missed facts ({len(cl['missed'])}):"]
        for m in cl["missed"]:
            subj = f" {m['subject']}" if m["subject"] else ""
            has = "; ".join(m["checker_has"]) or "no claim of that attribute"
            lines.append(f"  {m['page']}: {m['attribute']}{subj} = {json.dumps(m['value'], ensure_ascii=False, sort_keys=True)}"
                         f"  -- checker has: {has}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("pages", type=Path, help="folder of page texts (<page-id>.txt)")
    ap.add_argument("--labels", type=Path, default=DEFAULT_LABELS, help="folder of label files (*.yaml)")
    ap.add_argument("--json", type=Path, help="also write the numbers as JSON to this file")
    ap.add_argument("--verbose", action="store_true", help="list every missed conflict, false alarm and missed fact")
    ap.add_argument("--rules", type=Path, help="rules folder (default: the checker's)")
    args = ap.parse_args(argv)
    if not args.pages.is_dir():
        print(f"score.py: {args.pages}: not a folder", file=sys.stderr)
        return 2
    try:
        result = score(args.pages, args.labels, args.rules)
    except LabelError as exc:
        print(f"score.py: {exc}", file=sys.stderr)
        return 2
    sys.stdout.write(render(result, args.verbose))
    if args.json:
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
