"""GitHub workflow annotations: one line per finding side, escaped as the runner expects."""

from __future__ import annotations

from report_fixture import build_report

from checker.report import to_github
from checker.report.common import DocumentIndex
from checker.report.github_report import annotation, escape_data, escape_property


def test_escaping() -> None:
    assert escape_data("100% sure\r\nnext: a, b") == "100%25 sure%0D%0Anext: a, b"
    assert escape_property("a:b,c%d\ne") == "a%3Ab%2Cc%25d%0Ae"


def test_one_line_per_finding_side() -> None:
    report = build_report()
    lines = to_github(report).splitlines()
    sides = sum(len(f.evidence) for f in report.findings)
    assert len(lines) == sides + 1  # plus the unreadable document
    assert all("\n" not in line and "\r" not in line for line in lines)
    assert lines[0].startswith("::error file=examples/agency-a.md,line=7,endLine=7,col=")
    assert lines[2].startswith("::warning file=examples/paper-b.txt,line=3,")
    assert lines[-1].startswith("::error file=examples/broken.txt,")


def test_annotation_points_at_the_words() -> None:
    report = build_report()
    finding = report.findings[0]
    ev = finding.evidence[1]
    line = annotation(DocumentIndex(report), finding, ev)
    text = report.documents[1].text.split("\n")[2]
    col = text.index(ev.text) + 1
    assert f",line=3,endLine=3,col={col},endColumn={col + len(ev.text) - 1}," in line
    head, message = line.split("::", 2)[1:]
    assert head.split(" ", 1)[0] == "error"
    assert "title=checker%3A call.duration (conflict%2C compare.duration)" in head
    assert message.startswith(escape_data(finding.message) + "%0A%0AHere: about 76-104 min «نحو ساعة ونصف»")


def test_info_is_a_notice_and_message_markup_is_escaped() -> None:
    report = build_report(hostile=True)
    report.findings[2].message = "50% of: a,b\nnext"
    lines = to_github(report).splitlines()
    notices = [line for line in lines if line.startswith("::notice ")]
    assert len(notices) == 2
    assert "::50%25 of: a,b%0Anext" in notices[0]
