"""Fuzzing ingest and the whole pipeline with generated article folders.

Each example is a folder of .txt / .md / .html / .jsonl files whose text mixes random Unicode,
Arabic fragments the rules care about (names, call words, durations, dates, boilerplate
markers), Western and Eastern digits, optional front matter (sometimes broken) and HTML
snippets (sometimes broken). Whatever the folder holds:

- `checker.pipeline.run` returns a report (no exception);
- every file, and every non-blank JSONL line, appears in `documents` (ok or error, with a reason);
- every claim's span slices its document's decoded text to exactly the claim's text;
- every finding's documents and evidence point at documents and claims of the report.

File names are drawn too (Arabic, control characters, newlines, bytes that are not UTF-8), JSONL
metadata holds hostile values (lone surrogates, path-like languages, dates at the ends of the
calendar, bidi and escape characters), and a third test sends the reports to drawn output paths
(an input, the same file twice, stdout twice, symlinks, a folder, a path under a file,
/dev/null): whatever they are, `checker report` exits 0-3, never 4, and no input changes.

Profiles: "ci" (the default, about 60 examples, seconds) and "long" (20,000 examples; 2,000 for
the output-path test, which runs the whole command), chosen with HYPOTHESIS_PROFILE=long. The
profile applies to the tests of this file only.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import stat
import tempfile
from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker import pipeline
from checker.ingest import read_inputs
from checker.cli import main
from checker.ingest.decode import decode
from checker.ingest.names import printable

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
HOSTILE_VALUES = ["9999-12-31", "0001-01-01", "9999-12-31T23:59:59+14:00", "../../../etc", "/etc/passwd", "ar/../en",
                  "AR", "ar-EG", "xx", "\u202e571\u202c", "evil\x1b[31m", "\\ud800", '"\\ud800"', "a\u2066b"]
values = st.one_of(
    st.sampled_from(["2025-05-19", "2025-03-18", "2025-03-19", "2025-05-20", "2025-02-30", "19 مايو 2025", "yesterday", "[a, b]", "{a: 1}", "ar", "en", "'", ": :",
                     "&a [*a]", "!!python/object/apply:os.system ['true']", "2025-05-19T10:00:00+03:00", ""]),
    st.sampled_from(HOSTILE_VALUES),
    random_text.map(lambda s: s.replace("\n", " ")),
)
# only JSON can carry a lone surrogate (as an escape); a UTF-8 file cannot
json_values = st.one_of(values, st.sampled_from(["\ud800", "a\udc80b", "\udfff"]))
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
            record = {"text": draw(st.one_of(body, body, st.builds("{}\ud800{}".format, body, body)))}
            for key in draw(st.lists(st.sampled_from(KEYS + ["\udc80key"]), max_size=3, unique=True)):
                record[key] = draw(st.one_of(json_values, numbers.map(int), st.none(), st.just([1, 2])))
            surrogates = not printable(json.dumps(record, ensure_ascii=False)) == json.dumps(record, ensure_ascii=False)
            lines.append(json.dumps(record, ensure_ascii=draw(st.booleans()) or surrogates))
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


# file names: plain, any text (no "/", no NUL, not hidden), or bytes that are not UTF-8
_name_text = st.text(alphabet=st.characters(blacklist_characters="/\x00", blacklist_categories=("Cs",)),
                     min_size=1, max_size=10).filter(lambda n: not n.startswith("."))
_name_bytes = st.binary(min_size=1, max_size=10).filter(
    lambda b: b"/" not in b and b"\x00" not in b and not b.startswith(b".")).map(os.fsdecode)
names = st.one_of(st.just("article"), st.just("article"), _name_text, _name_bytes, st.sampled_from(
    ["خبر", "x\n::error::forged", "\u202etxt.exe", "a b", "-", "--json", "\x1b[31m"]))
article = st.tuples(names, article_file())
folders = st.lists(article, min_size=1, max_size=4)

# --------------------------------------------------------------------------- the properties


def write_folder(root: Path, files: list) -> dict[Path, tuple[bytes, list[str] | None]]:  # type: ignore[type-arg]
    written = {}
    for n, (name, (suffix, data, lines)) in enumerate(files):
        path = root / f"{name}-{n}{suffix}"
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
    shown = {printable(str(p)): p for p in written}  # a name that is not UTF-8 is shown escaped
    for path, (data, lines) in written.items():
        readable_name = printable(str(path)) == str(path)
        assert per_path[printable(str(path))] == (expected_documents(data, lines) if readable_name else 1), path
    assert set(per_path) == set(shown)
    for d in docs:
        assert d.status in ("ok", "error", "unsupported_language")
        assert printable(d.path) == d.path and printable(d.id) == d.id  # every name can be written as UTF-8
        if d.status == "error":
            assert d.error, d
        elif not d.path.endswith(".jsonl"):
            # offsets are into the file's decoded text: what decode() gives for the bytes
            assert d.text == decode(written[shown[d.path]][0])[0]
        assert re.fullmatch(r"[a-z]{2,3}", d.language), d.language  # a plain code, never a path


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


# --------------------------------------------------------------------------- output paths

OUTPUT_KINDS = ["new", "new", "input", "same-as-last", "stdout", "link-to-input", "link-to-new", "under-a-file",
                "folder", "new-folder", "report-in-input-folder", "dev-null"]
FORMATS = ["json", "html", "markdown", "sarif", "junit"]
OUTPUT_EXAMPLES = 2_000 if PROFILE.max_examples > 1_000 else 20
outputs = st.lists(st.tuples(st.sampled_from(FORMATS), st.sampled_from(OUTPUT_KINDS)), min_size=1, max_size=3,
                   unique_by=lambda o: o[0])


def _output_path(kind: str, root: Path, inputs: list[Path], previous: list[str]) -> str:
    if kind == "input":
        return str(inputs[0])
    if kind == "same-as-last":
        return previous[-1] if previous else str(root / "out" / "r")
    if kind == "stdout":
        return "-"
    if kind == "link-to-input":
        link = root / "out" / f"link{len(previous)}"
        link.parent.mkdir(exist_ok=True)
        link.symlink_to(inputs[0])
        return str(link)
    if kind == "link-to-new":
        link = root / "out" / f"newlink{len(previous)}"
        link.parent.mkdir(exist_ok=True)
        link.symlink_to(root / "out" / f"target{len(previous)}")
        return str(link)
    if kind == "under-a-file":
        return str(inputs[0] / "r.json")
    if kind == "folder":
        return str(inputs[0].parent)
    if kind == "new-folder":
        return str(root / "out" / "a" / "b" / f"r{len(previous)}")
    if kind == "report-in-input-folder":
        return str(inputs[0].parent / f"report{len(previous)}.html")
    if kind == "dev-null":
        return os.devnull
    return str(root / "out" / f"r{len(previous)}")


@given(folders, outputs)
@settings(PROFILE, max_examples=min(PROFILE.max_examples, OUTPUT_EXAMPLES))
def test_outputs_never_destroy_an_input(files, wanted) -> None:  # type: ignore[no-untyped-def]
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "in").mkdir()
        written = write_folder(root / "in", files)
        inputs = sorted(written, key=str)
        args = ["report", str(root / "in"), "--fail-on", "never", "-q"]
        paths: list[str] = []
        for fmt, kind in wanted:
            paths.append(_output_path(kind, root, inputs, paths))
            args += [f"--{fmt}", paths[-1]]
        err, out = io.StringIO(), io.StringIO()
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
            code = main(args)
        assert code in (0, 1, 2, 3), err.getvalue()
        assert "Traceback" not in err.getvalue()
        for path, (data, _) in written.items():
            assert path.read_bytes() == data, path  # no input replaced
        assert stat.S_ISCHR(os.stat(os.devnull).st_mode)
        for p in paths:
            if p not in ("-", os.devnull) and Path(p).is_symlink():
                assert os.path.lexists(p)  # written through, the link kept
