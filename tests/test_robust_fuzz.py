"""Fuzzing ingest and the whole pipeline with generated article folders.

Each example is a folder of .txt / .md / .html / .jsonl files whose text mixes random Unicode,
Arabic fragments the rules care about (names, call words, durations, dates, boilerplate
markers), Western and Eastern digits, optional front matter (sometimes broken) and HTML
snippets (sometimes broken). Whatever the folder holds:

- `checker.pipeline.run` returns a report (no exception);
- every file, and every non-blank JSONL line, appears in `documents` (ok or error, with a reason);
- every claim's span slices its document's decoded text to exactly the claim's text;
- every finding's documents and evidence point at documents and claims of the report.

Profiles: "ci" (the default, about 60 examples, seconds) and "long" (20,000 examples), chosen
with HYPOTHESIS_PROFILE=long. The profile applies to the tests of this file only.
"""

from __future__ import annotations

import codecs
import json
import os
import tempfile
from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker import pipeline
from checker.ingest import read_inputs
from checker.ingest.decode import decode

settings.register_profile(
    "ci", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
settings.register_profile(
    "long", max_examples=20_000, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
PROFILE = settings.get_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

# --------------------------------------------------------------------------- what articles are made of

ARABIC = [
    "ترامب", "بوتين", "زيلينسكي", "وبوتين", "لترامب", "الرئيس الأمريكي السابق", "الرئيس الروسي فلاديمير بوتين",
    "نظيره الأوكراني", "اتصال هاتفي", "اتصالاً هاتفياً", "مكالمة", "أجرى", "استمرت", "استمر", "نحو ساعة ونصف",
    "أكثر من ساعتين", "ساعتين", "نحو", "اليوم الأربعاء", "اليوم", "أمس", "أول أمس", "غداً", "19 مايو 2025",
    "١٩ مايو ٢٠٢٥", "12 فبراير", "ألف أسير من كل جانب", "175 أسيراً من كل جانب", "تبادل", "الكرملين", "البيت الأبيض",
    "بتوقيت موسكو", "الساعة العاشرة صباحاً", "قال", "وفقاً لـ", "هاتفیة", "تلقّى", "من", "في", "مع", "،", ".", ":", "«", "»",
]
BOILERPLATE = ["اقرأ أيضاً", "اقرأ أيضاً:", "كلمات دلالية", "كلمات دلالية:", "أخر الأخبار", "آخر الأخبار", "منذ 9 شهر", "تاريخ النشر:"]
HTML_BITS = [
    "<p>", "</p>", "<div>", "</div>", "<br>", "<h1>", "</h1>", "<li>", "<script>var a = '<p>بوتين</p>';</script>",
    "<style>p{}</style>", "<!-- تعليق -->", "<!--", "-->", "<iframe>ترامب</iframe>", "&amp;", "&nbsp;", "&#1576;", "&#x628;",
    "&#99999999999;", "<", ">", "&", "</", "<a href='x", "<title>عنوان</title>", "<meta property='article:published_time' content='2025-05-19'>",
    "<![x>", "<?xml?>", "<svg><text>x</text></svg>",
]
EASTERN = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")

numbers = st.integers(min_value=0, max_value=100_000).map(str)
digits = st.one_of(numbers, numbers.map(lambda s: s.translate(EASTERN)))
random_text = st.text(max_size=12)  # any Unicode code point, surrogates excluded

# Whole claim sentences, so that claims, events and findings happen (fragments alone rarely do).
PEOPLE = ["الرئيس الأمريكي دونالد ترامب", "ترامب", "ترمب", "الرئيس الأمريكي السابق دونالد ترامب", "الرئيس الروسي فلاديمير بوتين",
          "بوتين", "الرئيس الأوكراني فولوديمير زيلينسكي", "زيلنسكي"]
DURATIONS = ["نحو ساعة ونصف", "أكثر من ساعتين", "ساعتين", "90 دقيقة", "ساعة", "٤٥ دقيقة", "أقل من ساعة", "قرابة ثلاث ساعات"]
WHEN = ["اليوم الأربعاء", "أمس", "يوم 19 مايو 2025", "الثلاثاء الماضي", "في 18 مارس 2025", ""]
call_sentence = st.builds(
    "{} {} اتصالاً هاتفياً مع {} {}، استمر {}.".format,
    st.sampled_from(["أجرى", "تلقى", "وأجرى"]), st.sampled_from(PEOPLE), st.sampled_from(PEOPLE),
    st.sampled_from(WHEN), st.sampled_from(DURATIONS),
)
exchange_sentence = st.builds(
    "واتفق الطرفان على تبادل {} أسير من كل جانب {}.".format, st.one_of(digits, st.sampled_from(["ألف", "ألفين", "175"])),
    st.sampled_from(WHEN),
)
piece = st.one_of(
    st.sampled_from(ARABIC), st.sampled_from(ARABIC), st.sampled_from(ARABIC), call_sentence, exchange_sentence,
    st.sampled_from(BOILERPLATE), digits, random_text, st.sampled_from([" ", "\n", "\n\n", "\t", "\r\n"]),
)
body = st.lists(piece, max_size=40).map(" ".join)
html_body = st.lists(st.one_of(piece, st.sampled_from(HTML_BITS), st.sampled_from(HTML_BITS)), max_size=50).map("".join)

KEYS = ["id", "source", "url", "published", "language", "title", "author", "tags"]
values = st.one_of(
    st.sampled_from(["2025-05-19", "2025-03-18", "2025-03-19", "2025-05-20", "2025-02-30", "19 مايو 2025", "yesterday", "[a, b]", "{a: 1}", "ar", "en", "'", ": :",
                     "&a [*a]", "!!python/object/apply:os.system ['true']", "2025-05-19T10:00:00+03:00", ""]),
    random_text.map(lambda s: s.replace("\n", " ")),
)
front_line = st.tuples(st.sampled_from(KEYS), values).map(lambda kv: f"{kv[0]}: {kv[1]}")
front_matter = st.one_of(
    st.just(""),
    st.lists(front_line, max_size=5).map(lambda lines: "---\n" + "".join(line + "\n" for line in lines) + "---\n"),
    st.sampled_from(["---\n- a list\n---\n", "---\nnever closed\n", "---\n---\n", "---\n: [\n---\n"]),
)


@st.composite
def jsonl_lines(draw: st.DrawFn) -> list[str]:
    lines = []
    for _ in range(draw(st.integers(min_value=0, max_value=4))):
        kind = draw(st.sampled_from(["record", "record", "broken", "not-object", "blank"]))
        if kind == "record":
            record = {"text": draw(body)}
            for key in draw(st.lists(st.sampled_from(KEYS), max_size=3, unique=True)):
                record[key] = draw(st.one_of(values, numbers.map(int), st.none(), st.just([1, 2])))
            lines.append(json.dumps(record, ensure_ascii=draw(st.booleans())))
        elif kind == "broken":
            lines.append('{"text": "' + draw(body).replace("\n", " ").replace("\r", " "))
        elif kind == "not-object":
            lines.append(draw(st.sampled_from(["[1, 2]", "42", '"text"', "null"])))
        else:
            lines.append(draw(st.sampled_from(["", "   "])))
    return lines


@st.composite
def article_file(draw: st.DrawFn) -> tuple[str, bytes, list[str] | None]:
    """(suffix, file bytes, the JSONL lines written or None)."""
    suffix = draw(st.sampled_from([".txt", ".md", ".html", ".jsonl"]))
    lines = None
    if suffix == ".jsonl":
        lines = draw(jsonl_lines())
        text = "\n".join(lines)
    elif suffix == ".html":
        text = draw(html_body)
    else:
        text = draw(front_matter) + draw(body)
    encoding = draw(st.sampled_from(["utf-8", "utf-8", "utf-8-sig", "utf-16", "cp1256"]))
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:  # cp1256 cannot hold every character
        data = text.encode("utf-8")
    return suffix, data, lines


folders = st.lists(article_file(), min_size=1, max_size=4)

# --------------------------------------------------------------------------- the properties


def write_folder(root: Path, files: list[tuple[str, bytes, list[str] | None]]) -> dict[Path, tuple[bytes, list[str] | None]]:
    written = {}
    for n, (suffix, data, lines) in enumerate(files):
        path = root / f"article-{n}{suffix}"
        path.write_bytes(data)
        written[path] = (data, lines)
    return written


def expected_documents(data: bytes, lines: list[str] | None) -> int:
    """How many documents a file must give: one, or one per non-blank JSONL line."""
    if lines is None:
        return 1
    try:
        text, _ = decode(data)
    except Exception:
        return 1  # an undecodable file is one error document
    return max(1, sum(1 for line in text.split("\n") if line.strip()))


def check_documents(docs, written) -> None:  # type: ignore[no-untyped-def]
    per_path = Counter(d.path for d in docs)
    for path, (data, lines) in written.items():
        assert per_path[str(path)] == expected_documents(data, lines), path
    assert set(per_path) == {str(p) for p in written}
    for d in docs:
        assert d.status in ("ok", "error", "unsupported_language")
        if d.status == "error":
            assert d.error, d
        elif not d.path.endswith(".jsonl"):
            # offsets are into the file's decoded text: what decode() gives for the bytes
            assert d.text == decode(written[Path(d.path)][0])[0]


@given(folders)
@settings(PROFILE)
def test_ingest_never_loses_an_input(files) -> None:  # type: ignore[no-untyped-def]
    with tempfile.TemporaryDirectory() as tmp:
        written = write_folder(Path(tmp), files)
        docs = read_inputs([tmp])
        check_documents(docs, written)
        for d in docs:
            for seg in d.segments:
                assert 0 <= seg.start <= seg.end <= len(d.text), (d.path, seg)


@given(folders)
@settings(PROFILE)
def test_pipeline_on_any_folder(files) -> None:  # type: ignore[no-untyped-def]
    with tempfile.TemporaryDirectory() as tmp:
        written = write_folder(Path(tmp), files)
        report = pipeline.run([tmp])
        check_documents(report.documents, written)

        texts: dict[str, list[str]] = {}
        for d in report.documents:
            texts.setdefault(d.id, []).append(d.text)
        claim_ids = {c.id for c in report.claims}
        for c in report.claims:
            start, end = c.span
            assert any(text[start:end] == c.text for text in texts[c.document]), c
        for f in report.findings:
            assert set(f.documents) <= set(texts), f
            for ev in f.evidence:
                assert ev.document in texts, f
                assert ev.claim is None or ev.claim in claim_ids, f
                if ev.span is not None:
                    assert any(text[ev.span[0]:ev.span[1]] == ev.text for text in texts[ev.document]), f
        for e in report.events:
            assert set(e.documents) <= set(texts) and set(e.claims) <= claim_ids, e
