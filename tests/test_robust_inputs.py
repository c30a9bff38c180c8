"""Bad inputs through the real command line: a clear error, nothing lost, nothing run.

Each test gives `checker report` one bad input next to a good article (a copy of
examples/march-call/agency-a.txt) and checks what the user sees: the exit code, the bad
input's entry in the JSON report's `documents` (status and error or warning), the line on
stderr, and that the good article was still checked (its claims are in the report).
docs/bad-inputs.md tabulates the same cases.
"""

from __future__ import annotations

import codecs
import json
import os
import shutil
import time
from pathlib import Path

import pytest

from checker.cli import main
from helpers import REPO

GOOD_SOURCE = REPO / "examples" / "march-call" / "agency-a.txt"
ARTICLE_BODY = GOOD_SOURCE.read_text(encoding="utf-8").split("---\n", 2)[2]  # without its front matter
# dated, so that several copies of it are one dated call (undated ones trip a bug outside ingest: see the last test)
CALL = "أجرى الرئيس الأمريكي دونالد ترامب يوم 18 مارس 2025 اتصالاً هاتفياً مع نظيره الروسي فلاديمير بوتين استمر ساعتين.\n"


class Run:
    """One `checker report BAD GOOD --json FILE --fail-on never` run and what it showed."""

    def __init__(self, code: int, report: dict, stderr: str, seconds: float):
        self.code, self.report, self.stderr, self.seconds = code, report, stderr, seconds

    def docs(self, path: Path) -> list[dict]:
        return [d for d in self.report["documents"] if d["path"] == str(path)]

    def doc(self, path: Path) -> dict:
        (found,) = self.docs(path)
        return found

    def claims_of(self, doc_id: str) -> list[dict]:
        return [c for c in self.report["claims"] if c["document"] == doc_id]

    def assert_good_article_checked(self) -> None:
        good = [d for d in self.report["documents"] if d["id"] == "agency-a"]
        assert [d["status"] for d in good] == ["ok"]
        assert any(c["attribute"] == "call.duration" for c in self.claims_of("agency-a"))


@pytest.fixture
def good(tmp_path: Path) -> Path:
    path = tmp_path / "good" / "agency-a.txt"
    path.parent.mkdir()
    shutil.copy(GOOD_SOURCE, path)
    return path


@pytest.fixture
def check(tmp_path: Path, good: Path, capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    def run(*inputs: Path, extra: tuple[str, ...] = ()) -> Run:
        out = tmp_path / "report.json"
        # CPU seconds of this process (the run is in-process): a guard against runaway work
        # that a busy machine cannot trip, as wall-clock time can
        started = time.process_time()
        code = main(["report", *map(str, inputs), str(good), "--json", str(out), "--fail-on", "never", *extra])
        seconds = time.process_time() - started
        report = json.loads(out.read_text(encoding="utf-8"))
        return Run(code, report, capsys.readouterr().err, seconds)

    return run


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def assert_unreadable(run: Run, path: Path, message: str) -> None:
    """Exit 3, the file listed with status error and `message`, said on stderr; the rest checked."""
    assert run.code == 3
    doc = run.doc(path)
    assert doc["status"] == "error" and message in doc["error"], doc
    assert f"checker: {path}: {doc['error']}" in run.stderr.splitlines()
    run.assert_good_article_checked()


# --------------------------------------------------------------------------- unreadable files: exit 3


@pytest.mark.parametrize(
    "name, data, message",
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\t \r\n   \n", "empty file"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "not text: looks binary (PNG image)"),
        ("latin1.txt", "café crème brûlée, naïve façade".encode("latin-1"),
         "cannot decode: not UTF-8 (invalid byte 0xe9 at byte 3), UTF-16 or Windows-1256"),
    ],
    ids=["empty", "whitespace-only", "png-bytes", "not-utf8-nor-cp1256"],
)
def test_unreadable_file_is_listed_and_the_others_are_checked(check, tmp_path, name, data, message) -> None:
    bad = write(tmp_path, name, data)
    assert_unreadable(check(bad), bad, message)


def test_file_above_max_bytes_is_refused_without_reading_it(check, tmp_path, rs) -> None:
    bad = tmp_path / "huge.txt"
    with open(bad, "wb") as handle:
        handle.truncate(200_000_000)  # sparse: 200 MB that cost nothing to make, and a lot to read
    run = check(bad, extra=("--max-bytes", "2000"))
    assert_unreadable(run, bad, "file too large: 200000000 bytes (limit 2000); not read")
    assert run.seconds < 3  # rules are already loaded (fixture rs): reading 200 MB would show here


def test_unreadable_file_without_permission(check, tmp_path) -> None:
    bad = write(tmp_path, "locked.txt", CALL)
    os.chmod(bad, 0)
    try:
        if os.access(bad, os.R_OK):
            pytest.skip("running as root: chmod 000 does not stop reading")
        assert_unreadable(check(bad), bad, "cannot read: Permission denied")
    finally:
        os.chmod(bad, 0o644)


def test_unreadable_file_when_opening_is_refused(check, tmp_path, monkeypatch) -> None:
    """The same without relying on chmod (which root ignores): the reader's open() is refused."""
    import builtins

    from checker.ingest import readers

    bad = write(tmp_path, "locked.txt", CALL)

    def refusing_open(file, *args, **kwargs):  # type: ignore[no-untyped-def]
        if Path(file) == bad:
            raise PermissionError(13, "Permission denied", str(file))
        return builtins.open(file, *args, **kwargs)

    monkeypatch.setattr(readers, "open", refusing_open, raising=False)
    assert_unreadable(check(bad), bad, "cannot read: Permission denied")


def test_jsonl_broken_line_loses_only_that_line(check, tmp_path) -> None:
    lines = [
        json.dumps({"text": CALL, "published": "2025-03-18"}, ensure_ascii=False),
        json.dumps({"text": "مكالمة استمرت نحو ساعة ونصف", "source": "وكالة"}, ensure_ascii=False),
        '{"text": "broken',
        json.dumps({"id": "named", "text": CALL}, ensure_ascii=False),
    ]
    bad = write(tmp_path, "feed.jsonl", "\n".join(lines) + "\n")
    run = check(bad)
    assert run.code == 3
    docs = {d["id"]: d for d in run.docs(bad)}
    assert sorted(docs) == ["feed#1", "feed#2", "feed#3", "named"]
    assert docs["feed#3"]["status"] == "error"
    assert docs["feed#3"]["error"] == "line 3: invalid JSON (Unterminated string starting at, column 10)"
    assert f"checker: {bad}: line 3: invalid JSON" in run.stderr
    assert all(docs[i]["status"] == "ok" for i in ("feed#1", "feed#2", "named"))
    assert run.claims_of("feed#1") and run.claims_of("named")
    run.assert_good_article_checked()


@pytest.mark.parametrize(
    "line, message",
    [
        ("[" * 100_000 + "]" * 100_000, "line 2: invalid JSON (nested too deeply)"),
        ('{"text": "x", "n": ' + "1" * 5000 + "}", "line 2: invalid JSON (Exceeds the limit (4300 digits)"),
    ],
    ids=["deeply-nested", "integer-too-long"],
)
def test_jsonl_line_that_breaks_the_json_parser_loses_only_that_line(check, tmp_path, line, message) -> None:
    first = json.dumps({"text": CALL}, ensure_ascii=False)
    bad = write(tmp_path, "feed.jsonl", "\n".join([first, line, first]))
    run = check(bad)
    assert run.code == 3
    docs = {d["id"]: d for d in run.docs(bad)}
    assert [docs[i]["status"] for i in ("feed#1", "feed#2", "feed#3")] == ["ok", "error", "ok"]
    assert docs["feed#2"]["error"].startswith(message)
    run.assert_good_article_checked()


# --------------------------------------------------------------------------- readable: ok, maybe with a warning


def test_utf16_with_bom_is_read(check, tmp_path) -> None:
    bad = write(tmp_path, "utf16.txt", codecs.BOM_UTF16_LE + ARTICLE_BODY.encode("utf-16-le"))
    run = check(bad)
    assert run.code == 0 and run.stderr == ""
    doc = run.doc(bad)
    assert (doc["status"], doc["encoding"], doc["error"]) == ("ok", "utf-16", None)
    assert any(c["text"] == "استمر أكثر من ساعتين" for c in run.claims_of("utf16"))
    run.assert_good_article_checked()


@pytest.mark.slow
def test_single_five_megabyte_line_of_arabic(check, tmp_path) -> None:
    filler = "وأضاف المصدر أن الجانبين ناقشا ملفات عديدة في المنطقة وسط ترقب واسع من المراقبين "
    line = CALL.rstrip(".\n") + " " + filler * (5_000_000 // len(filler.encode("utf-8")))
    bad = write(tmp_path, "one-line.txt", line)  # no line break, no full stop: one 2.7-million-character sentence
    assert bad.stat().st_size > 4_900_000
    run = check(bad)
    assert run.seconds < 60
    assert run.code == 0, run.stderr
    assert run.doc(bad)["status"] == "ok"
    assert any(c["text"] == "استمر ساعتين" for c in run.claims_of("one-line"))
    run.assert_good_article_checked()


@pytest.mark.slow
def test_five_megabyte_line_of_arabic_sentences(check, tmp_path) -> None:
    """The same size with full stops: sentences are split, so this one already works."""
    filler = "وأضاف المصدر أن الجانبين ناقشا ملفات عديدة في المنطقة وسط ترقب واسع من المراقبين. "
    bad = write(tmp_path, "one-line.txt", CALL.rstrip("\n") + " " + filler * (5_000_000 // len(filler.encode("utf-8"))))
    run = check(bad)
    assert run.seconds < 60
    assert run.code == 0 and run.doc(bad)["status"] == "ok"
    assert any(c["text"] == "استمر ساعتين" for c in run.claims_of("one-line"))


@pytest.mark.parametrize(
    "front_matter, warning",
    [
        ("title: [unclosed\npublished: 2025-03-18\n",
         "malformed front matter (YAML error at line 3: expected ',' or ']', but got ':'); its metadata is ignored"),
        ("- a\n- b\n", "front matter is not a mapping of keys to values (got a list); its metadata is ignored"),
        ("a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
         "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n",
         "malformed front matter (YAML error at line 3: aliases (*a) are not allowed in front matter)"),
        ("loop: &a [*a]\n", "aliases (*a) are not allowed in front matter"),
        ("x: " + "[" * 5000 + "]" * 5000 + "\n", "malformed front matter (nested too deeply); its metadata is ignored"),
        ("x: !!python/object/apply:os.system ['echo owned']\n",
         "could not determine a constructor for the tag 'tag:yaml.org,2002:python/object/apply:os.system'"),
    ],
    ids=["malformed", "a-list", "billion-laughs", "self-reference", "deeply-nested", "python-tag"],
)
def test_broken_front_matter_is_a_warning_and_the_article_is_read(check, tmp_path, front_matter, warning) -> None:
    bad = write(tmp_path, "article.md", f"---\n{front_matter}---\n{ARTICLE_BODY}")
    run = check(bad)
    assert run.code == 0 and run.stderr == ""
    doc = run.doc(bad)
    assert doc["status"] == "ok"
    assert any(warning in w for w in doc["warnings"]), doc["warnings"]
    assert doc["metadata"] == {} and doc["source"] is None
    assert any(c["text"] == "استمر أكثر من ساعتين" for c in run.claims_of("article"))
    # not a speed measure: an expanded billion laughs runs for many minutes, a refused one in
    # seconds; the bound is wide so that a loaded machine does not fail it
    assert run.seconds < 60
    run.assert_good_article_checked()


@pytest.mark.parametrize("value", ["yesterday-ish", "2025-02-30", "[2025, 3, 18]", "20250318"])
def test_invalid_published_value_is_a_warning(check, tmp_path, value) -> None:
    bad = write(tmp_path, "article.md", f"---\npublished: {value}\nsource: وكالة\n---\n{ARTICLE_BODY}")
    run = check(bad)
    assert run.code == 0
    doc = run.doc(bad)
    assert doc["status"] == "ok" and doc["source"] == "وكالة"
    assert any("published" in w and "is not a date (write it as 2025-05-19); ignored" in w for w in doc["warnings"])
    assert doc["published"]["how"] != "front matter"
    assert run.claims_of("article")


def test_unknown_front_matter_keys_are_warned_and_kept(check, tmp_path) -> None:
    bad = write(tmp_path, "article.md", f"---\nauthor: فلان\ntags: [a, b]\npublished: 2025-03-18\n---\n{ARTICLE_BODY}")
    run = check(bad)
    assert run.code == 0
    doc = run.doc(bad)
    assert doc["metadata"] == {"author": "فلان", "tags": '["a", "b"]'}
    assert doc["warnings"] == ["front matter: unknown key 'author' kept in metadata",
                               "front matter: unknown key 'tags' kept in metadata"]
    assert doc["published"]["from"] == "2025-03-18"


def test_html_scripts_iframes_and_deep_nesting(check, tmp_path) -> None:
    hidden = "أجرى ترامب اتصالاً هاتفياً مع بوتين استمر خمس ساعات"
    page = (
        f"<html><head><script>document.write('<p>{hidden}</p>'); fetch('http://example.invalid/');</script></head><body>"
        f"<iframe src='http://example.invalid/'><p>{hidden}</p></iframe>"
        + "<div>" * 10_000 + f"<p>{CALL}</p>" + "</div>" * 10_000 + "</body></html>"
    )
    bad = write(tmp_path, "page.html", page)
    run = check(bad)
    assert run.code == 0 and run.doc(bad)["status"] == "ok"
    claims = run.claims_of("page")
    assert any(c["text"] == "استمر ساعتين" for c in claims)
    assert not any("خمس" in c["text"] for c in claims)  # nothing read from the script or the iframe
    for c in claims:
        assert page[c["span"][0]:c["span"][1]] == c["text"]
    run.assert_good_article_checked()


@pytest.mark.parametrize(
    "junk",
    ["<!--" * 100_000, "<a" * 100_000, "</" * 100_000, "<?" * 100_000, "<!--x>" * 50_000, "<![x>", "&#" + "9" * 5000 + ";"],
    ids=["unclosed-comments", "unclosed-tags", "unclosed-end-tags", "unclosed-pi", "comments-closed-by-gt",
         "bad-marked-section", "huge-char-reference"],
)
def test_html_that_trips_a_naive_parser(check, tmp_path, junk) -> None:
    """Python 3.11's html.parser takes minutes on some of these and raises on others."""
    bad = write(tmp_path, "page.html", f"<p>{CALL}</p>{junk}")
    run = check(bad)
    assert run.seconds < 10
    assert run.code == 0 and run.doc(bad)["status"] == "ok"
    assert any(c["text"] == "استمر ساعتين" for c in run.claims_of("page"))


def test_english_article_is_read_with_the_english_rules(check, tmp_path) -> None:
    page = write(tmp_path, "english.txt", "Donald Trump and Vladimir Putin spoke by phone for more than two hours on Tuesday.\n")
    run = check(page)
    assert run.code == 0 and run.stderr == ""
    doc = run.doc(page)
    assert (doc["status"], doc["language"], doc["warnings"]) == ("ok", "en", [])
    assert "call.duration" in {c["attribute"] for c in run.claims_of("english")}
    run.assert_good_article_checked()


def test_folder_with_a_symlink_loop(check, tmp_path) -> None:
    folder = tmp_path / "loop"
    folder.mkdir()
    write(folder, "inside.txt", CALL)
    (folder / "again").symlink_to(folder)
    (folder / "sub").mkdir()
    (folder / "sub" / "up").symlink_to(folder)
    run = check(folder)
    assert run.code == 0
    assert [d["path"] for d in run.report["documents"] if d["id"] == "inside"] == [str(folder / "inside.txt")]
    run.assert_good_article_checked()


def test_folder_of_symlinks_only(check, tmp_path) -> None:
    folder = tmp_path / "links"
    folder.mkdir()
    (folder / "self").symlink_to(folder)
    run = check(folder)
    assert_unreadable(run, folder, "folder holds no readable files (.htm .html .jsonl .md .txt); nothing to check")


def test_undecodable_file_inside_a_folder_does_not_stop_the_folder(check, tmp_path) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    write(folder, "a.txt", CALL)
    bad = write(folder, "b.txt", b"\x89PNG\r\n\x1a\n")
    write(folder, "c.txt", CALL)
    run = check(folder)
    assert run.code == 3
    assert [d["status"] for d in run.report["documents"] if d["path"].startswith(str(folder))] == ["ok", "error", "ok"]
    assert run.doc(bad)["error"] == "not text: looks binary (PNG image)"
    assert run.claims_of("a") and run.claims_of("c")


# --------------------------------------------------------------------------- the same id, the same file


def test_two_articles_with_the_same_id_are_kept_apart(tmp_path, capsys) -> None:
    """Found by fuzzing: two JSONL feeds numbering records from 0 crashed the event grouping, and
    two articles sharing a front-matter id were silently read as one (their conflict unreported)."""
    first = write(tmp_path, "a.md", "---\nid: story\n---\n" + CALL)
    second = write(tmp_path, "b.md", "---\nid: story\n---\n" + CALL.replace("ساعتين", "نحو ساعة ونصف"))
    out = tmp_path / "report.json"
    for order in ([first, second], [second, first]):
        assert main(["report", *map(str, order), "--json", str(out), "-q"]) == 1  # the durations conflict
        report = json.loads(out.read_text(encoding="utf-8"))
        docs = {d["path"]: d for d in report["documents"]}
        assert docs[str(first)]["id"] == "story" and docs[str(second)]["id"] == "story~2"  # whatever the order
        assert docs[str(second)]["warnings"] == [f"duplicate document id 'story' (also used by {first}); renamed 'story~2'"]
        (finding,) = [f for f in report["findings"] if f["attribute"] == "call.duration"]
        assert finding["documents"] == ["story", "story~2"]


def test_feeds_numbering_records_alike(tmp_path) -> None:
    feeds = [write(tmp_path, f"feed-{n}.jsonl", json.dumps({"id": 0, "text": CALL}, ensure_ascii=False) + "\n"
                   + json.dumps({"id": 0, "text": "تلقى ترامب اتصالاً من بوتين."}, ensure_ascii=False) + "\n")
             for n in (1, 2)]
    out = tmp_path / "report.json"
    assert main(["report", *map(str, feeds), "--json", str(out), "--fail-on", "never", "-q"]) == 0
    report = json.loads(out.read_text(encoding="utf-8"))
    assert [d["id"] for d in report["documents"]] == ["0", "0~2", "0~3", "0~4"]
    assert len({c["id"] for c in report["claims"]}) == len(report["claims"])


def test_a_file_reached_twice_is_read_once(check, tmp_path) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    inside = write(folder, "inside.txt", CALL)
    run = check(inside, folder, inside)
    assert run.code == 0
    assert [d["id"] for d in run.report["documents"] if d["id"].startswith("inside")] == ["inside"]


# --------------------------------------------------------------------------- nothing to check: exit 2


def test_empty_folder_alone_is_a_usage_error(tmp_path, capsys) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    code = main(["report", str(empty), "--json", str(tmp_path / "report.json")])
    err = capsys.readouterr().err
    assert code == 2
    assert f"checker: no articles found in {empty} (looked for .txt .md .html .htm .jsonl)" in err


def test_empty_folder_next_to_an_article_is_listed(check, tmp_path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    run = check(empty)
    assert_unreadable(run, empty, "folder holds no readable files (.htm .html .jsonl .md .txt); nothing to check")


# --------------------------------------------------------------------------- found by fuzzing, outside ingest


UNDATED_CALL = "أجرى الرئيس الأمريكي دونالد ترامب اليوم اتصالاً هاتفياً مع نظيره الروسي فلاديمير بوتين استمر ساعتين.\n"


@pytest.mark.parametrize(
    "texts",
    [
        ["تلقى الرئيس الأمريكي دونالد ترامب اتصالاً هاتفياً من بوتين.\n", "أجرى بوتين اتصالاً هاتفياً مع ترامب.\n"],
        [UNDATED_CALL, UNDATED_CALL],
        [UNDATED_CALL, UNDATED_CALL, GOOD_SOURCE.read_text(encoding="utf-8")],
    ],
    ids=["no-date-words", "today-without-publication-date", "two-undated-and-one-dated"],
)
def test_articles_about_an_undated_call(tmp_path, texts) -> None:
    paths = [write(tmp_path, f"article-{n}.txt", text) for n, text in enumerate(texts)]
    out = tmp_path / "report.json"
    assert main(["report", *map(str, paths), "--json", str(out), "--fail-on", "never"]) == 0
    report = json.loads(out.read_text(encoding="utf-8"))
    assert [d["status"] for d in report["documents"]] == ["ok"] * len(texts)
    assert {c["document"] for c in report["claims"]} == {p.stem for p in paths}


# --------------------------------------------------------------------------- time: big inputs that are not bad


def test_article_with_a_very_long_number(tmp_path) -> None:
    article = write(tmp_path, "digits.txt", "عنوان الخبر\n\nقال المسؤول إن " + "1" * 40_000 + " سجين في كل مكان.\n")
    started = time.process_time()
    assert main(["report", str(article), "--json", str(tmp_path / "report.json"), "-q"]) == 0
    assert time.process_time() - started < 5


@pytest.mark.slow
def test_article_repeating_one_claim_thousands_of_times(tmp_path) -> None:
    """Work grows with the copies, not with their square: eight times the copies may cost about
    eight times the CPU, never the sixty-four times a comparison of every copy with every other
    costs (a ratio on one machine in one run, so a slow or loaded machine does not fail it)."""
    other = write(tmp_path, "other.txt", CALL.replace("ساعتين", "نحو ساعة ونصف"))

    def cpu(copies: int) -> float:
        article = write(tmp_path, f"repeated-{copies}.txt", CALL * copies)
        started = time.process_time()
        assert main(["report", str(article), str(other), "--json", str(tmp_path / "report.json"), "-q"]) == 1
        return time.process_time() - started

    cpu(10)  # rules loaded and cached, so the two runs below time the same work
    assert cpu(4000) < 20 * cpu(500)


def test_a_file_name_with_a_newline_cannot_forge_a_line_on_stderr(tmp_path, capsys) -> None:
    """An unreadable file named "x\\n::error::forged.txt": stderr names it on one line, so a CI
    log cannot read the part after the newline as a workflow command."""
    from checker.cli import main

    bad = tmp_path / "x\n::error::forged.txt"
    bad.write_bytes(b"\xff\xfe\x00\xd8 not text \x00\x00")
    good = tmp_path / "good.txt"
    good.write_text("أجرى ترامب اتصالا هاتفيا ببوتين اليوم الاثنين.", encoding="utf-8")
    main(["report", str(tmp_path), "--json", str(tmp_path / "r.json"), "-q"])
    err = capsys.readouterr().err
    assert err and not any(line.startswith("::") for line in err.splitlines())
    assert "x\\n::error::forged.txt" in err
