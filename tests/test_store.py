"""The claim store: `checker index` and `checker check` (CI checks on incoming articles).

The shipped examples are indexed into a temporary SQLite store; a new report of the 18 March
2025 Trump-Putin call that says it lasted about 40 minutes must be flagged against both stored
accounts of that call (and nothing else), while its sentence about the 12 February call, which
agrees with the stored accounts of that one, must pass.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import sqlalchemy as sa

from checker import pipeline
from checker.cli import main
from checker.engine.stages import extract_all
from checker.ingest import read_inputs
from checker.store import (
    LATEST_VERSION,
    StoreError,
    check_documents,
    check_paths,
    index_paths,
    migrate,
    open_store,
)
from checker.store import index as store_index
from checker.store import tables as t
from checker.store.db import create_store_engine

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
N_EXAMPLES = len(list(EXAMPLES.glob("*/*.txt")))

NEW_ARTICLE = textwrap.dedent("""\
    ---
    source: صحيفة المستقبل
    url: https://example.org/c/2025/03/18/call
    published: 2025-03-18
    language: ar
    ---
    ترامب وبوتين يبحثان وقف إطلاق النار

    أجرى الرئيس الأمريكي دونالد ترامب، اليوم الثلاثاء، اتصالاً هاتفياً مع نظيره الروسي فلاديمير بوتين استمر نحو 40 دقيقة، وتناول سبل التوصل إلى وقف لإطلاق النار في أوكرانيا.

    وكان الرئيسان قد بحثا في اتصال هاتفي يوم 12 فبراير الأزمة الأوكرانية، واستمر ذلك الاتصال نحو ساعة ونصف.
    """)


def _url(path: Path) -> str:
    return f"sqlite:///{path}"


def _rows(url: str) -> dict[str, list[tuple]]:
    """Every row of the data tables, in a fixed order: two stores compare equal by content."""
    engine = create_store_engine(url, wal=False)
    try:
        with engine.connect() as conn:
            return {table.name: sorted(tuple(r) for r in conn.execute(sa.select(table)))
                    for table in (t.documents, t.mentions, t.mention_participants, t.claims)}
    finally:
        engine.dispose()


def _integrity(path: Path) -> str:
    with sqlite3.connect(path) as conn:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> str:
    """The examples, indexed once; tests that write use stores of their own."""
    url = _url(tmp_path_factory.mktemp("store") / "claims.db")
    with open_store(url) as store:
        results = index_paths(store, [EXAMPLES])
    assert {r.status for r in results} == {"added"}
    return url


@pytest.fixture()
def new_article(tmp_path) -> Path:
    path = tmp_path / "incoming" / "new-call.txt"
    path.parent.mkdir()
    path.write_text(NEW_ARTICLE, encoding="utf-8")
    return path


@pytest.fixture()
def examples_copy(tmp_path) -> Path:
    folder = tmp_path / "archive"
    shutil.copytree(EXAMPLES, folder)
    return folder


# --------------------------------------------------------------------------- check


def test_check_reports_the_duration_conflicts_against_the_stored_articles(archive, new_article, tmp_path):
    before = _rows(archive)
    out = tmp_path / "report.json"
    assert main(["check", str(new_article), "--store", archive, "--json", str(out), "-q"]) == 1
    report = json.loads(out.read_text(encoding="utf-8"))

    findings = report["findings"]
    assert [(f["kind"], f["attribute"]) for f in findings] == [("conflict", "call.duration")] * 2
    assert sorted(tuple(f["documents"]) for f in findings) == [("agency-a", "new-call"), ("new-call", "paper-b")]
    for f in findings:
        assert [ev["document"] for ev in f["evidence"]][0] == "new-call"  # the article under review first
        assert f["evidence"][0]["text"] == "استمر نحو 40 دقيقة"
    stored_quotes = {ev["document"]: ev for f in findings for ev in f["evidence"] if ev["document"] != "new-call"}
    assert stored_quotes["agency-a"]["text"] == "استمر أكثر من ساعتين"
    assert stored_quotes["paper-b"]["text"] == "استمرت نحو ساعة ونصف"
    assert "بحسب ما أعلن البيت الأبيض" in stored_quotes["agency-a"]["sentence"]  # quoted from the stored text

    docs = {d["id"]: d for d in report["documents"]}
    assert set(docs) == {"agency-a", "new-call", "paper-b"}
    assert docs["agency-a"]["source"] == "وكالة الشرق للأنباء"
    assert docs["agency-a"]["url"] == "https://example.org/a/2025/03/18/trump-putin-call"
    assert docs["paper-b"]["published"] == {"from": "2025-03-19", "to": "2025-03-19", "how": "front matter"}

    # the 12 February sentence was aligned with the stored accounts of that call, and agrees
    february = [e for e in report["events"] if e["date"]["from"] == "2025-02-12"]
    assert len(february) == 1 and {"first-call", "wire-h", "wire-i", "new-call"} <= set(february[0]["documents"])
    assert not any(set(f["documents"]) & {"first-call", "wire-h", "wire-i"} for f in findings)

    assert _rows(archive) == before  # without --index nothing is written


def test_check_findings_match_a_batch_report_of_the_same_articles(archive, new_article, rs):
    """Same fingerprints as `checker report` over archive + new article: baselines carry over."""
    checked = check_paths([new_article], archive).report
    batch = pipeline.run([EXAMPLES, new_article])
    same_events = {f.fingerprint for f in batch.findings if "new-call" in f.documents and f.event}
    assert {f.fingerprint for f in checked.findings} == same_events


def test_check_every_output_format(archive, new_article, tmp_path, capsys):
    outs = {fmt: tmp_path / f"r.{fmt}" for fmt in ("html", "markdown", "sarif", "junit")}
    args = ["check", str(new_article), "--store", archive, "--github", "--fail-on", "warning"]
    for fmt, path in outs.items():
        args += [f"--{fmt}", str(path)]
    assert main(args) == 1
    github = capsys.readouterr().out
    assert "::error file=" in github and "agency-a" in github
    assert "وكالة الشرق للأنباء" in outs["html"].read_text(encoding="utf-8")
    sarif = json.loads(outs["sarif"].read_text(encoding="utf-8"))
    first = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert first.endswith("new-call.txt")
    assert "paper-b" in outs["markdown"].read_text(encoding="utf-8")
    assert "<testsuite" in outs["junit"].read_text(encoding="utf-8")
    assert main(["check", str(new_article), "--store", archive, "--fail-on", "never", "-q"]) == 0


def test_check_baseline_hides_reviewed_findings(archive, new_article, tmp_path):
    baseline = tmp_path / "baseline.json"
    assert main(["check", str(new_article), "--store", archive, "--write-baseline", str(baseline), "-q"]) == 1
    assert main(["check", str(new_article), "--store", archive, "--baseline", str(baseline), "-q"]) == 0


def test_check_undated_page_finds_the_event_by_weekday_and_participants(archive, tmp_path):
    page = tmp_path / "undated.txt"
    page.write_text("أجرى الرئيس الأمريكي دونالد ترامب، اليوم الثلاثاء، اتصالاً هاتفياً مع نظيره الروسي "
                    "فلاديمير بوتين استمر نحو 40 دقيقة.\n", encoding="utf-8")
    result = check_paths([page], archive)
    # the stored calls between them are candidates (a weekday that differs only counts against
    # a match); the aligner puts the page with the Tuesday call alone
    assert {"agency-a", "paper-b"} <= set(result.stored)
    assert sorted(tuple(f.documents) for f in result.report.findings) == [("agency-a", "undated"), ("paper-b", "undated")]


def test_check_queries_use_indexes_only(archive, new_article, rs):
    """Blocking is a bounded query on indexed columns: no statement scans a table."""
    statements: list[tuple[str, object]] = []
    with open_store(archive, writable=False) as store:
        sa.event.listen(store.engine, "before_cursor_execute",
                        lambda conn, cur, stmt, params, ctx, many: statements.append((stmt, params)))
        check_documents(store, read_inputs([new_article]), rs)
    selects = [(s, p) for s, p in statements if s.lstrip().upper().startswith("SELECT")]
    assert selects
    with sqlite3.connect(archive.removeprefix("sqlite:///")) as conn:
        for stmt, params in selects:
            plan = [row[-1] for row in conn.execute("EXPLAIN QUERY PLAN " + stmt, params)]
            assert not any(step.startswith("SCAN") for step in plan), (stmt, plan)


def test_check_replaces_a_stored_document_of_the_same_path(examples_copy, tmp_path):
    """A new version of agency-a (the same file, edited) is checked instead of the stored one,
    not against it."""
    url = _url(tmp_path / "claims.db")
    with open_store(url) as store:
        index_paths(store, [examples_copy])
    changed = examples_copy / "march-call" / "agency-a.txt"
    changed.write_text(changed.read_text(encoding="utf-8")
                       .replace("استمر أكثر من ساعتين", "استمر نحو ساعة ونصف"), encoding="utf-8")
    result = check_paths([changed], url)
    assert result.new == ["agency-a"] and "agency-a" not in result.stored
    assert not [f for f in result.report.findings if f.attribute == "call.duration"]


def test_the_same_file_name_in_another_folder_is_another_document(archive, tmp_path):
    """2025/agency-a.txt is not 2024/agency-a.txt: it gets the next free id, is compared with the
    stored one, and indexing it keeps both."""
    changed = tmp_path / "agency-a.txt"
    changed.write_text((EXAMPLES / "march-call" / "agency-a.txt").read_text(encoding="utf-8")
                       .replace("استمر أكثر من ساعتين", "استمر نحو ساعة ونصف"), encoding="utf-8")
    result = check_paths([changed], archive)
    assert result.new == ["agency-a~2"] and "agency-a" in result.stored
    assert ("agency-a", "agency-a~2") in {tuple(f.documents) for f in result.report.findings
                                           if f.attribute == "call.duration"}
    new_doc = next(d for d in result.report.documents if d.id == "agency-a~2")
    assert any("is taken in the store by path:" in w for w in new_doc.warnings)
    with open_store(archive) as store:
        before = store.counts()["documents"]
        assert [r.status for r in index_paths(store, [changed])] == ["added"]
        assert [r.document for r in index_paths(store, [changed])] == ["agency-a~2"]  # found again by its path
        assert store.counts()["documents"] == before + 1


def test_cli_two_story_files_in_two_runs_are_two_documents(tmp_path):
    for year, minutes in (("2024", "40"), ("2025", "90")):
        folder = tmp_path / year
        folder.mkdir()
        (folder / "story.txt").write_text(NEW_ARTICLE.replace("نحو 40 دقيقة", f"نحو {minutes} دقيقة"), encoding="utf-8")
    url = _url(tmp_path / "claims.db")
    assert main(["index", str(tmp_path / "2024"), "--store", url, "-q"]) == 0
    assert main(["index", str(tmp_path / "2025"), "--store", url, "-q"]) == 0
    with open_store(url) as store:
        assert store.counts()["documents"] == 2
    keys = sorted(r[0] for r in sqlite3.connect(tmp_path / "claims.db").execute("SELECT doc_key FROM documents"))
    assert keys == [f"path:{(tmp_path / y / 'story.txt').as_posix()}" for y in ("2024", "2025")]


def test_stored_documents_from_other_rules_are_read_again(examples_copy, new_article, tmp_path):
    """After a rules change, stored candidates are re-extracted from their stored text, never
    compared as read by the old rules; `checker index` then refreshes them."""
    url = _url(tmp_path / "claims.db")
    with open_store(url) as store:
        index_paths(store, [examples_copy])
        with store.writing() as conn:
            conn.execute(sa.update(t.documents).values(rules_digest="older-rules"))
            conn.execute(sa.delete(t.claims))  # what the old rules read is not used at all
    result = check_paths([new_article], url)
    assert set(result.stale) == set(result.stored) and "agency-a" in result.stale
    assert sorted(tuple(f.documents) for f in result.report.findings) == [("agency-a", "new-call"),
                                                                          ("new-call", "paper-b")]
    with open_store(url) as store:
        assert {r.status for r in index_paths(store, [examples_copy])} == {"updated"}


def test_check_with_index_stores_the_new_article(examples_copy, new_article, tmp_path):
    url = _url(tmp_path / "claims.db")
    assert main(["index", str(examples_copy), "--store", url, "-q"]) == 0
    assert main(["check", str(new_article), "--store", url, "--index", "-q"]) == 1
    with open_store(url) as store:
        assert store.counts()["documents"] == N_EXAMPLES + 1
    rows = _rows(url)
    subjects = {r[5] for r in rows["claims"] if r[1] == "new-call"}
    assert not any(s.startswith("e") and s[1:].isdigit() for s in subjects)  # stored before alignment
    again = check_paths([new_article], url)  # the stored copy is replaced, not compared with itself
    assert len(again.report.findings) == 2


def test_check_without_a_store_is_a_usage_error_and_creates_nothing(new_article, tmp_path, capsys):
    db = tmp_path / "none.db"
    assert main(["check", str(new_article), "--store", _url(db)]) == 2
    assert "no claim store" in capsys.readouterr().err
    assert not db.exists()


# --------------------------------------------------------------------------- index


def test_reindexing_unchanged_files_is_a_no_op(archive, monkeypatch):
    before = _rows(archive)

    def no_write(*args, **kwargs):
        raise AssertionError("an unchanged document was written")

    monkeypatch.setattr(store_index, "write_document", no_write)
    with open_store(archive) as store:
        results = index_paths(store, [EXAMPLES])
    assert [r.status for r in results] == ["unchanged"] * N_EXAMPLES
    assert _rows(archive) == before


def test_cli_index_reports_unchanged(archive, capsys):
    assert main(["index", str(EXAMPLES), "--store", archive]) == 0
    assert f"added 0, updated 0, unchanged {N_EXAMPLES}, error 0" in capsys.readouterr().out


def test_a_changed_file_replaces_its_claims(examples_copy, tmp_path):
    url = _url(tmp_path / "claims.db")
    with open_store(url) as store:
        index_paths(store, [examples_copy])
        agency = examples_copy / "march-call" / "agency-a.txt"
        agency.write_text(agency.read_text(encoding="utf-8").replace("أكثر من ساعتين", "نحو ساعة ونصف"),
                          encoding="utf-8")
        results = {r.document: r.status for r in index_paths(store, [examples_copy])}
        counts = store.counts()
    assert results.pop("agency-a") == "updated"
    assert set(results.values()) == {"unchanged"}
    texts = [json.loads(r[-1])["text"] for r in _rows(url)["claims"] if r[1] == "agency-a"]
    assert "استمر نحو ساعة ونصف" in texts and "استمر أكثر من ساعتين" not in texts
    fresh = _url(tmp_path / "fresh.db")  # the same folder indexed from scratch
    with open_store(fresh) as store:
        index_paths(store, [examples_copy])
        assert store.counts() == counts
    assert _rows(fresh) == _rows(url)


def _index_in_child(barrier, folder: str, url: str) -> None:
    barrier.wait(timeout=60)  # both children start writing at the same moment
    os._exit(main(["index", folder, "--store", url, "-q"]))


def test_two_indexers_at_once_leave_a_consistent_store(tmp_path, rs):
    folder = tmp_path / "archive"
    folder.mkdir()
    for n in range(3):  # three copies of the examples: enough for the two writers to interleave
        for f in sorted(EXAMPLES.glob("*/*.txt")):
            shutil.copy(f, folder / f"{f.stem}-{n}.txt")
    db = tmp_path / "claims.db"
    # forked processes inherit the loaded rules and spaCy, so the test stays fast; each opens
    # its own connections, exactly as two `checker index` commands would
    ctx = multiprocessing.get_context("fork")
    barrier = ctx.Barrier(2)
    procs = [ctx.Process(target=_index_in_child, args=(barrier, str(folder), _url(db))) for _ in range(2)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(timeout=120)
        assert p.exitcode == 0
    single = _url(tmp_path / "single.db")
    with open_store(single) as store:
        index_paths(store, [folder])
    assert _rows(_url(db)) == _rows(single)
    assert _integrity(db) == "ok"
    with open_store(_url(db)) as store:
        assert store.version() == LATEST_VERSION
        assert store.counts()["documents"] == 3 * N_EXAMPLES


@pytest.mark.slow
def test_two_cli_processes_at_once_leave_a_consistent_store(tmp_path):
    """The same with two real `python -m checker.cli index` processes on a new store."""
    db = tmp_path / "claims.db"
    cmd = [sys.executable, "-m", "checker.cli", "index", str(EXAMPLES), "--store", _url(db), "-q"]
    procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(2)]
    for p in procs:
        _, err = p.communicate(timeout=120)
        assert p.returncode == 0, err.decode()
    single = _url(tmp_path / "single.db")
    with open_store(single) as store:
        index_paths(store, [EXAMPLES])
    assert _rows(_url(db)) == _rows(single)
    assert _integrity(db) == "ok"


def _snapshot_then_break(examples_copy: Path, url: str) -> dict:
    with open_store(url) as store:
        index_paths(store, [examples_copy])
    agency = examples_copy / "march-call" / "agency-a.txt"
    agency.write_text(agency.read_text(encoding="utf-8").replace("أكثر من ساعتين", "نحو ساعة ونصف"),
                      encoding="utf-8")
    (examples_copy / "march-call" / "late.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    return _rows(url)


def test_a_crash_inside_the_transaction_leaves_the_previous_state(examples_copy, tmp_path, monkeypatch):
    url = _url(tmp_path / "claims.db")
    before = _snapshot_then_break(examples_copy, url)

    def crash(conn, claims):
        raise RuntimeError("simulated crash after the old rows were deleted and the new mentions written")

    monkeypatch.setattr(store_index, "_insert_claims", crash)
    with open_store(url) as store, pytest.raises(RuntimeError, match="simulated crash"):
        index_paths(store, [examples_copy])
    assert _rows(url) == before
    assert _integrity(tmp_path / "claims.db") == "ok"


def _die_mid_index(folder: str, url: str) -> None:
    def die(conn, claims):
        os._exit(17)  # no rollback, no cleanup: as if the machine stopped here

    store_index._insert_claims = die
    with open_store(url) as store:
        index_paths(store, [folder])
    os._exit(0)


def test_a_killed_indexer_leaves_the_previous_state(examples_copy, tmp_path, rs):
    """A hard crash (the process dies mid-transaction, no rollback runs): SQLite's WAL recovers."""
    db = tmp_path / "claims.db"
    before = _snapshot_then_break(examples_copy, _url(db))
    child = multiprocessing.get_context("fork").Process(target=_die_mid_index, args=(str(examples_copy), _url(db)))
    child.start()
    child.join(timeout=120)
    assert child.exitcode == 17
    assert _rows(_url(db)) == before
    assert _integrity(db) == "ok"


def test_index_unreadable_input_exits_3_and_indexes_the_rest(tmp_path, capsys):
    folder = tmp_path / "in"
    shutil.copytree(EXAMPLES / "march-call", folder)
    (folder / "huge.txt").write_text("ترامب " * 2000, encoding="utf-8")  # refused: over --max-bytes
    url = _url(tmp_path / "claims.db")
    assert main(["index", str(folder), "--store", url, "--max-bytes", "5000", "-q"]) == 3
    assert "huge.txt" in capsys.readouterr().err
    with open_store(url) as store:
        assert store.counts()["documents"] == 2


# --------------------------------------------------------------------------- migrations


def test_an_old_store_is_upgraded(tmp_path, new_article, rs):
    """A store at schema version 1 (no participants table, no publication days) is migrated
    on opening for writing, its rows backfilled, and then checks as a new one would."""
    url = _url(tmp_path / "old.db")
    engine = create_store_engine(url)
    assert migrate(engine, target=1) == (0, 1)
    docs = read_inputs([EXAMPLES / "march-call"])
    _, mentions, claims = extract_all(docs, rs)
    with engine.begin() as conn:  # rows as version 1 wrote them
        for doc in docs:
            conn.execute(sa.text(
                "INSERT INTO documents (id, path, source, url, published_from, published_to, published_how, "
                "language, text, sha256, rules_digest, document_json) VALUES (:id, :path, :source, :url, :pf, "
                ":pt, :how, :lang, :text, :sha, :digest, :json)"),
                {"id": doc.id, "path": doc.path, "source": doc.source, "url": doc.url,
                 "pf": doc.published.date_from, "pt": doc.published.date_to, "how": doc.published.how,
                 "lang": doc.language, "text": doc.text, "sha": store_index.document_sha256(doc),
                 "digest": rs.digest, "json": doc.model_dump_json(by_alias=True)})
        for n, m in enumerate(mentions):
            conn.execute(sa.text(
                "INSERT INTO mentions (id, document, seq, segment, type, participants_key, day, weekday, place, "
                "mention_json) VALUES (:id, :doc, :seq, :seg, :type, :key, :day, :wd, :place, :json)"),
                {"id": m.id, "doc": m.document, "seq": n, "seg": m.segment, "type": m.type,
                 "key": "+".join(sorted(m.participants)), "day": m.date.day, "wd": m.date.weekday,
                 "place": m.place, "json": m.model_dump_json(by_alias=True)})
        for n, c in enumerate(claims):
            conn.execute(sa.text(
                "INSERT INTO claims (id, document, seq, mention, attribute, subject, claim_json) "
                "VALUES (:id, :doc, :seq, :m, :a, :s, :json)"),
                {"id": c.id, "doc": c.document, "seq": n, "m": c.mention, "a": c.attribute, "s": c.subject,
                 "json": c.model_dump_json(by_alias=True)})
    engine.dispose()

    with pytest.raises(StoreError, match="schema version 1"):
        open_store(url, writable=False)  # reading never migrates
    with open_store(url) as store:
        assert store.version() == LATEST_VERSION == 3
        counts = store.counts()
    assert counts["mention_participants"] == 4  # putin + trump, for each of the two accounts
    rows = _rows(url)
    assert all(r[-1] is not None for r in rows["mentions"])  # pub_day backfilled
    assert [v for v, in sqlite3.connect(tmp_path / "old.db").execute("SELECT version FROM schema_version")] == [1, 2, 3]
    keys = dict(sqlite3.connect(tmp_path / "old.db").execute("SELECT id, doc_key FROM documents"))
    assert keys["agency-a"] == f"path:{(EXAMPLES / 'march-call' / 'agency-a.txt').as_posix()}"  # version 3's key
    result = check_paths([new_article], url)
    assert sorted(tuple(f.documents) for f in result.report.findings) == [("agency-a", "new-call"),
                                                                          ("new-call", "paper-b")]


def test_a_store_newer_than_the_checker_is_refused(tmp_path):
    url = _url(tmp_path / "new.db")
    with open_store(url):
        pass
    with sqlite3.connect(tmp_path / "new.db") as conn:
        conn.execute("INSERT INTO schema_version VALUES (99, 'from the future', '2099-01-01T00:00:00+00:00')")
    for writable in (True, False):
        with pytest.raises(StoreError, match="newer"):
            open_store(url, writable=writable)


def test_migrations_are_idempotent(tmp_path):
    engine = create_store_engine(_url(tmp_path / "m.db"))
    assert migrate(engine) == (0, LATEST_VERSION)
    assert migrate(engine) == (LATEST_VERSION, LATEST_VERSION)
    engine.dispose()


def test_the_switch_to_wal_waits_for_a_store_another_process_is_opening():
    """SQLite may refuse the switch at once ("database is locked") while another process opens
    the same new file: the switch is tried again instead of failing the command."""
    import sqlite3

    from checker.store.db import _switch_to_wal

    class Cursor:
        def __init__(self) -> None:
            self.refusals, self.switched = 2, False

        def execute(self, sql: str):
            if sql == "PRAGMA journal_mode = WAL":
                if self.refusals:
                    self.refusals -= 1
                    raise sqlite3.OperationalError("database is locked")
                self.switched = True
            return self

        def fetchone(self):
            return ("wal" if self.switched else "delete",)

    cur = Cursor()
    _switch_to_wal(cur)
    assert cur.switched and cur.refusals == 0


def test_check_runs_on_the_engine_asked_for(archive, new_article, tmp_path, monkeypatch):
    """`checker check --engine` goes through the engine for extraction and comparison, and
    gives the report of the default run."""
    from checker.engine import LocalEngine

    calls = []
    real_extract, real_compare = LocalEngine.extract, LocalEngine.compare
    monkeypatch.setattr(LocalEngine, "extract", lambda self, *a, **k: calls.append("extract") or real_extract(self, *a, **k))
    monkeypatch.setattr(LocalEngine, "compare", lambda self, *a, **k: calls.append("compare") or real_compare(self, *a, **k))
    default, local = tmp_path / "default.json", tmp_path / "local.json"
    assert main(["check", str(new_article), "--store", archive, "--json", str(default), "-q"]) == 1
    calls.clear()
    assert main(["check", str(new_article), "--store", archive, "--engine", "local", "--json", str(local), "-q"]) == 1
    assert "extract" in calls and "compare" in calls
    assert local.read_bytes() == default.read_bytes()
