"""A small report built by hand for the report and suppression tests.

Two Arabic articles about one phone call (they disagree on its length, and the second one
disagrees with itself on the weekday), plus one file that could not be read. Every span is
computed from the text, so it really points at the quoted words.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from checker.models import (
    Claim,
    DateRange,
    DateValue,
    Document,
    DurationValue,
    Event,
    Evidence,
    Finding,
    Published,
    Report,
    Segment,
)
from checker.report.summary import summarize

AGENCY_A_TEXT = """---
source: وكالة الشرق للأنباء
published: 2025-03-18
---
ترامب وبوتين يبحثان وقف الضربات على منشآت الطاقة

واشنطن - أجرى الرئيس الأمريكي دونالد ترامب، اليوم الثلاثاء، اتصالاً هاتفياً مع نظيره الروسي فلاديمير بوتين استمر أكثر من ساعتين، وفق ما أعلن البيت الأبيض.

وقال البيت الأبيض إن الرئيسين اتفقا على تبادل 175 أسيراً من كل جانب.

اقرأ أيضاً:
زيلينسكي يرحب بأي خطوة نحو التهدئة
"""

# No front matter: the evidence about the duration is on line 3.
PAPER_B_TEXT = """الكرملين: بوتين وترامب يتفقان على خطوات أولى
نشر في 19 مارس 2025
موسكو - ذكر الكرملين أن الرئيس الروسي فلاديمير بوتين بحث أمس الثلاثاء مع الرئيس الأمريكي دونالد ترامب، في مكالمة هاتفية استمرت نحو ساعة ونصف، سبل التسوية في أوكرانيا.

وأضاف المتحدث باسم الكرملين أن المكالمة جرت يوم الأربعاء.

كلمات دلالية: بوتين ترامب الكرملين
"""

SCRIPT_PAYLOAD = "<script>window.__pwned=2;alert(1)</script>"
IMG_PAYLOAD = '<img src=x onerror="window.__pwned=1">'
PAYLOAD = SCRIPT_PAYLOAD + IMG_PAYLOAD

HOSTILE_TEXT = f"""عنوان {PAYLOAD}

قالت الوكالة {PAYLOAD} إن المكالمة استمرت ثلاث ساعات كاملة.

روابط {PAYLOAD}
"""


def span_of(text: str, words: str, after: str = "") -> tuple[int, int]:
    """The span of `words` in `text` (first occurrence after `after`, if given)."""
    origin = text.index(after) if after else 0
    start = text.index(words, origin)
    return start, start + len(words)


def sentence_of(text: str, span: tuple[int, int]) -> tuple[str, int]:
    """The line holding `span`, and where it starts: good enough as a sentence here."""
    start = text.rfind("\n", 0, span[0]) + 1
    end = text.find("\n", span[1])
    return text[start : end if end >= 0 else len(text)], start


def fingerprint(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def evidence(doc: Document, claim: Claim, value: str) -> Evidence:
    sentence, start = sentence_of(doc.text, claim.span)
    return Evidence(
        document=doc.id,
        claim=claim.id,
        value=value,
        text=claim.text,
        span=claim.span,
        sentence=sentence,
        sentence_start=start,
    )


def _segments(text: str, body_from: str, boiler_marker: str, label: str) -> list[Segment]:
    body = text.index(body_from)
    boiler = text.index(boiler_marker)
    segments = []
    if body > 0:
        segments.append(Segment(kind="front_matter", start=0, end=body))
    title_end = text.index("\n", body)
    segments.append(Segment(kind="title", start=body, end=title_end, label="main"))
    segments.append(Segment(kind="article", start=title_end + 1, end=boiler, label="main"))
    segments.append(
        Segment(kind="boilerplate", start=boiler, end=len(text), label=label, marker=boiler_marker)
    )
    return segments


def _claim(
    cid: str,
    doc: Document,
    attribute: str,
    subject: str,
    value,
    words: str,
    rule: str,
    qualifier: str = "exact",
    after: str = "",
) -> Claim:
    span = span_of(doc.text, words, after)
    return Claim(
        id=cid,
        document=doc.id,
        segment=2 if doc.segments and doc.segments[0].kind == "front_matter" else 1,
        attribute=attribute,
        subject=subject,
        value=value,
        qualifier=qualifier,
        span=span,
        text=doc.text[span[0] : span[1]],
        rule=rule,
        event="e1",
    )


def build_report(hostile: bool = False) -> Report:
    """The fixture report; `hostile=True` adds an article full of HTML/script payloads."""
    agency = Document(
        id="agency-a",
        path="examples/agency-a.md",
        source="وكالة الشرق للأنباء",
        url="https://example.org/a/2025/03/18/call",
        published=Published(date_from=dt.date(2025, 3, 18), date_to=dt.date(2025, 3, 18), how="front matter"),
        title="ترامب وبوتين يبحثان وقف الضربات على منشآت الطاقة",
        encoding="utf-8",
        text=AGENCY_A_TEXT,
    )
    agency.segments = _segments(AGENCY_A_TEXT, "ترامب وبوتين", "اقرأ أيضاً", "related.read_also")
    paper = Document(
        id="paper-b",
        path="examples/paper-b.txt",
        source="صحيفة الرافدين",
        published=Published(
            date_from=dt.date(2025, 3, 19), date_to=dt.date(2025, 3, 19), how="'نشر في' line"
        ),
        title="الكرملين: بوتين وترامب يتفقان على خطوات أولى",
        encoding="windows-1256",
        warnings=["decoded as Windows-1256"],
        text=PAPER_B_TEXT,
    )
    paper.segments = _segments(PAPER_B_TEXT, "الكرملين:", "كلمات دلالية", "tags")
    broken = Document(
        id="broken",
        path="examples/broken.txt",
        status="error",
        error="cannot decode: neither UTF-8 nor Windows-1256 (byte 0x81 at offset 12)",
    )

    c1 = _claim(
        "agency-a:c1",
        agency,
        "call.duration",
        "e1",
        DurationValue(minutes=120, min=121, max=None),
        "أكثر من ساعتين",
        "call.duration.more_than",
        qualifier="at_least",
    )
    c2 = _claim(
        "agency-a:c2",
        agency,
        "call.date",
        "e1",
        DateValue(
            date_from=dt.date(2025, 3, 18),
            date_to=dt.date(2025, 3, 18),
            weekday=1,
            how="relative to publication",
        ),
        "اليوم الثلاثاء",
        "call.date.relative",
    )
    c3 = _claim(
        "paper-b:c1",
        paper,
        "call.duration",
        "e1",
        DurationValue(minutes=90, min=76, max=104),
        "نحو ساعة ونصف",
        "call.duration.about",
        qualifier="about",
    )
    c4 = _claim(
        "paper-b:c2",
        paper,
        "call.date",
        "e1",
        DateValue(
            date_from=dt.date(2025, 3, 18),
            date_to=dt.date(2025, 3, 18),
            weekday=1,
            how="relative to publication",
        ),
        "أمس الثلاثاء",
        "call.date.relative",
    )
    c5 = _claim(
        "paper-b:c3",
        paper,
        "call.date",
        "e1",
        DateValue(weekday=2, how="weekday only"),
        "يوم الأربعاء",
        "call.date.weekday",
    )

    event = Event(
        id="e1",
        type="call",
        participants=["putin", "trump"],
        date=DateRange(date_from=dt.date(2025, 3, 18), date_to=dt.date(2025, 3, 18)),
        documents=["agency-a", "paper-b"],
        mentions=["agency-a:m1", "paper-b:m1"],
        claims=[c.id for c in (c1, c2, c3, c4, c5)],
        why="same participants (putin, trump) and the same day, 2025-03-18, in both articles",
    )

    f1 = Finding(
        id="f1",
        kind="conflict",
        attribute="call.duration",
        subject="e1",
        event="e1",
        documents=["agency-a", "paper-b"],
        severity="error",
        message="agency-a says the call lasted more than 2 hours; paper-b says about an hour and a half",
        evidence=[
            evidence(agency, c1, "more than 120 min"),
            evidence(paper, c3, "about 76-104 min"),
        ],
        rule="compare.duration",
        fingerprint=fingerprint("compare.duration", "call.duration", "e1", "agency-a", "paper-b"),
    )
    f2 = Finding(
        id="f2",
        kind="internal",
        attribute="call.date",
        subject="e1",
        event="e1",
        documents=["paper-b"],
        severity="warning",
        message="paper-b dates the call to Tuesday 18 March, then says it took place on a Wednesday",
        evidence=[
            evidence(paper, c4, "Tuesday 2025-03-18"),
            evidence(paper, c5, "a Wednesday"),
        ],
        rule="compare.weekday",
        fingerprint=fingerprint("compare.weekday", "call.date", "e1", "paper-b"),
    )
    documents = [agency, paper, broken]
    claims = [c1, c2, c3, c4, c5]
    findings = [f1, f2]

    if hostile:
        hostile_doc = Document(
            id="hostile",
            path="examples/hostile.txt",
            source=f"منفذ {IMG_PAYLOAD}",
            title=f"عنوان {SCRIPT_PAYLOAD}",
            warnings=[f"odd markup {PAYLOAD}"],
            metadata={"note": PAYLOAD},
            text=HOSTILE_TEXT,
        )
        hostile_doc.segments = _segments(HOSTILE_TEXT, "عنوان", "روابط", f"links {SCRIPT_PAYLOAD}")
        c6 = _claim(
            "hostile:c1",
            hostile_doc,
            "call.duration",
            "e1",
            DurationValue(minutes=180, min=180, max=180),
            "ثلاث ساعات",
            "call.duration.exact",
        )
        claims.append(c6)
        documents.insert(2, hostile_doc)
        findings.append(
            Finding(
                id="f3",
                kind="conflict",
                attribute="call.duration",
                subject="e1",
                event="e1",
                documents=["hostile", "paper-b"],
                severity="info",
                message=f"hostile says three hours {PAYLOAD}",
                evidence=[
                    evidence(hostile_doc, c6, f"180 min {IMG_PAYLOAD}"),
                    evidence(paper, c3, "about 76-104 min"),
                ],
                rule="compare.duration",
                fingerprint=fingerprint("compare.duration", "call.duration", "e1", "hostile", "paper-b"),
            )
        )
        event = event.model_copy(
            update={"documents": ["agency-a", "paper-b", "hostile"], "why": f"{event.why} {PAYLOAD}"}
        )

    report = Report(documents=documents, claims=claims, events=[event], findings=findings)
    report.summary = summarize(report)
    return report
