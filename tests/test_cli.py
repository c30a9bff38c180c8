"""The command line end to end, as a user runs it."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest

from checker.cli import main
from helpers import REPO, shared

EXAMPLES = REPO / "examples"


def run(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "checker.cli", *args], capture_output=True, text=True,
                          cwd=REPO, env={**os.environ, **(env or {})})


def test_report_writes_every_format(tmp_path):
    outs = {fmt: tmp_path / f"r.{fmt}" for fmt in ("json", "html", "markdown", "sarif", "junit")}
    args = [str(EXAMPLES / "march-call")] + [a for fmt, p in outs.items() for a in (f"--{fmt}", str(p))]
    assert main(["report", *args]) == 1  # the call's duration conflicts: an error finding
    for p in outs.values():
        assert p.stat().st_size > 0
    report = json.loads(outs["json"].read_text(encoding="utf-8"))
    assert report["schema_version"] and {d["id"] for d in report["documents"]} == {"agency-a", "paper-b"}
    for c in report["claims"]:
        text = (EXAMPLES / "march-call" / f"{c['document']}.txt").read_text(encoding="utf-8")
        assert text[c["span"][0]:c["span"][1]] == c["text"]


@pytest.mark.slow
def test_fail_on_never_and_json_to_stdout():
    done = run("report", str(EXAMPLES / "march-call"), "--json", "-", "--fail-on", "never")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["summary"]["findings"] >= 1


@pytest.mark.slow
def test_github_annotations():
    done = run("report", str(EXAMPLES / "march-call"), "--github", "-q")
    assert done.returncode == 1
    assert done.stdout.startswith("::error file=")


def test_exit_3_when_an_input_cannot_be_read_and_others_still_checked(tmp_path):
    bad = tmp_path / "image.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    out = tmp_path / "r.json"
    assert main(["report", str(bad), str(EXAMPLES / "march-call"), "--json", str(out)]) == 3
    docs = {d["id"]: d for d in json.loads(out.read_text(encoding="utf-8"))["documents"]}
    assert docs["image"]["status"] == "error" and docs["image"]["error"]
    assert docs["agency-a"]["status"] == "ok"


def test_usage_errors_exit_2(tmp_path, capsys):
    assert main(["report", str(tmp_path / "missing")]) == 2
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["report", str(empty), "--json", str(tmp_path / "r.json")]) in (2, 3)


@pytest.mark.slow
def test_same_output_across_runs_orders_and_hash_seeds(tmp_path):
    files = sorted(str(p) for p in EXAMPLES.rglob("*.txt"))
    a = run("report", *files, "--json", "-", env={"PYTHONHASHSEED": "1"}).stdout
    b = run("report", *reversed(files), "--json", "-", env={"PYTHONHASHSEED": "2"}).stdout
    assert a and a == b


def test_baseline_hides_reviewed_findings(tmp_path):
    base = tmp_path / "baseline.json"
    assert main(["report", str(EXAMPLES / "march-call"), "--write-baseline", str(base), "-q",
                 "--json", str(tmp_path / "a.json")]) == 1
    out = tmp_path / "b.json"
    assert main(["report", str(EXAMPLES / "march-call"), "--baseline", str(base), "--json", str(out)]) == 0
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["findings"] == [] and report["summary"]["suppressed"] >= 1


@pytest.mark.slow
def test_claims_and_segments_commands():
    done = run("claims", str(EXAMPLES / "march-call" / "paper-b.txt"))
    assert done.returncode == 0 and "call.duration" in done.stdout and "نحو ساعة ونصف" in done.stdout
    seeds = shared("seeds")
    done = run("segments", str(seeds / "000_5138bbd9f6f76a3e.txt"))
    assert done.returncode == 0 and "boilerplate" in done.stdout and "embedded 1" in done.stdout


@pytest.mark.slow
def test_rules_validate_and_test():
    assert run("rules", "validate").returncode == 0
    done = run("rules", "test")
    assert done.returncode == 0 and " 0 failed" in done.stdout


@pytest.mark.slow
def test_default_report_of_examples_matches_the_shipped_one():
    """reports/ holds the report of examples/; regenerate with `checker report` when it is stale."""
    fresh = run("report", "examples", "--json", "-").stdout
    shipped = (REPO / "reports" / "report.json").read_text(encoding="utf-8")
    assert shipped == fresh, "reports/report.json is stale: run `checker report` in the repository"


def _copy_case(tmp_path, case="march-call"):
    dst = tmp_path / case
    dst.mkdir()
    for p in (EXAMPLES / case).glob("*.txt"):
        (dst / p.name).write_text(p.read_text(encoding="utf-8"), encoding="utf-8")
    return dst


def test_fixed_finding_disappears(tmp_path):
    case = _copy_case(tmp_path)
    out = tmp_path / "r.json"
    assert main(["report", str(case), "--json", str(out), "-q"]) == 1
    paper = case / "paper-b.txt"
    paper.write_text(paper.read_text(encoding="utf-8").replace("نحو ساعة ونصف", "أكثر من ساعتين"), encoding="utf-8")
    assert main(["report", str(case), "--json", str(out), "-q"]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["findings"] == []


def test_baseline_survives_reordering_and_inserted_lines(tmp_path):
    case = _copy_case(tmp_path)
    base = tmp_path / "baseline.yaml"
    assert main(["report", str(case), "--write-baseline", str(base), "-q", "--json", str(tmp_path / "a.json")]) == 1
    agency = case / "agency-a.txt"
    text = agency.read_text(encoding="utf-8")
    head, _, body = text.partition("\n\n")
    agency.write_text(head + "\n\nسطر جديد أضيف في أعلى المقال.\n\n" + body, encoding="utf-8")
    out = tmp_path / "b.json"
    files = [str(case / "paper-b.txt"), str(agency)]
    assert main(["report", *files, "--baseline", str(base), "--json", str(out), "-q"]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["summary"]["suppressed"] >= 1


def test_real_reports_validate_against_their_schemas(tmp_path):
    import jsonschema

    sarif, out = tmp_path / "r.sarif", tmp_path / "r.json"
    main(["report", str(EXAMPLES), "--json", str(out), "--sarif", str(sarif), "-q"])
    schema = json.loads((REPO / "checker" / "report" / "report.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(json.loads(out.read_text(encoding="utf-8")), schema)
    sarif_schema = json.loads((REPO / "tests" / "data" / "report" / "sarif-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.validate(json.loads(sarif.read_text(encoding="utf-8")), sarif_schema)


def test_saved_page_folder_is_not_read(tmp_path):
    """A browser's "save page, complete" leaves page_files/ beside page.html: not articles."""
    (tmp_path / "page.html").write_text("<html><body><p>مقال</p></body></html>", encoding="utf-8")
    (tmp_path / "page_files").mkdir()
    (tmp_path / "page_files" / "frame.html").write_text("<html><body>إعلان</body></html>", encoding="utf-8")
    (tmp_path / "notes_files").mkdir()  # no page beside it: an ordinary folder
    (tmp_path / "notes_files" / "a.txt").write_text("نص", encoding="utf-8")
    from checker.ingest.readers import walk

    files, errors = walk(tmp_path)
    assert [p.relative_to(tmp_path).as_posix() for p in files] == ["notes_files/a.txt", "page.html"] and not errors


@pytest.mark.slow
def test_version_and_plural_forms(tmp_path):
    done = run("--version")
    assert done.returncode == 0 and done.stdout.startswith("checker ")
    one = tmp_path / "one.txt"
    one.write_text((EXAMPLES / "march-call" / "agency-a.txt").read_text(encoding="utf-8"), encoding="utf-8")
    done = run("report", str(one), "--json", str(tmp_path / "r.json"), "--ui-lang", "en")
    assert "in 1 document from 1 source;" in done.stdout and "1 event," in done.stdout, done.stdout


@pytest.mark.slow
def test_claims_table_has_a_header():
    done = run("claims", str(EXAMPLES / "march-call" / "paper-b.txt"))
    assert done.stdout.splitlines()[0].split("\t")[:4] == ["document", "attribute", "subject", "value"]


@pytest.mark.slow
def test_report_without_a_path_writes_in_the_working_folder(tmp_path):
    done = subprocess.run([sys.executable, "-m", "checker.cli", "report", "-q"], capture_output=True, text=True,
                          cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    assert (tmp_path / "reports" / "report.html").is_file() and (tmp_path / "reports" / "report.json").is_file()


@pytest.mark.slow
def test_text_report_on_stdout(tmp_path):
    done = run("report", str(EXAMPLES), "--text", "-", "--ui-lang", "en")
    lines = done.stdout.splitlines()
    assert re.match(r"^examples/\S+\.txt:\d+:\d+: error \[conflict\.\S+\] ", lines[0]), lines[0]
    assert re.match(r"9 mistakes \(\d+ pairs of accounts\) in 15 documents from 14 sources", lines[-1]), lines[-1]
    arabic = run("report", str(EXAMPLES), "--text", "-").stdout.splitlines()
    assert "خطأ [conflict." in arabic[0] and arabic[-1].startswith("9 أخطاء")
