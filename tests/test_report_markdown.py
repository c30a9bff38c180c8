"""Markdown for pull-request comments: a summary table and each finding with its evidence."""

from __future__ import annotations

import re

import pytest
from report_fixture import build_report

from checker.report import to_markdown
from checker.report.markdown_report import md_cell, md_code, md_text


def test_summary_and_every_finding() -> None:
    report = build_report()
    md = to_markdown(report)
    assert md.startswith("## Fact-consistency report\n")
    assert "| Kind | error | warning | info | Total |" in md
    assert "| conflict | 1 | 0 | 0 | 1 |" in md
    for number, f in enumerate(report.findings, 1):
        assert f"### {number}. {f.severity} · {f.kind} · `{f.attribute}`" in md
        assert md_text(f.message) in md
        assert f"`{f.fingerprint}`" in md
        for ev in f.evidence:
            assert f"**{md_text(ev.text)}**" in md
    assert "> موسكو \\- ذكر الكرملين" in md
    assert "Documents that could not be read" in md and "`examples/broken.txt`" in md


def test_escaping() -> None:
    assert md_text("a|b `c` <b>*x*</b> @editor") == "a\\|b \\`c\\` \\<b\\>\\*x\\*\\</b\\> \\@editor"
    assert md_text("1. first\nline") == "1\\. first line"
    assert md_code("a`b") == "``a`b``"
    assert md_code("`x") == "`` `x ``"
    assert md_cell(md_code("a|b")) == "`a\\|b`"
    assert md_cell(md_text("a|b")) == "a\\|b"


def test_hostile_text_is_inert() -> None:
    md = to_markdown(build_report(hostile=True))
    # every < from the article is backslash-escaped; the only raw tags are our own <sub>
    assert not re.findall(r"(?<!\\)<(?!/?sub>)", md)
    assert "\\<script\\>" in md and "\\<img src" in md
    # the hostile account joins the card of paper-b, the account both others contradict
    rows = [line for line in md.splitlines() if line.startswith("| 1 |") and "hostile" in line]
    assert len(rows) == 1
    # the escaped row still has exactly seven unescaped pipes (six cells)
    row = rows[0].replace("\\|", "")
    assert row.count("|") == 7


def test_renders_as_intended() -> None:
    markdown_it = pytest.importorskip("markdown_it")
    html = (
        markdown_it.MarkdownIt("commonmark").enable("table").render(to_markdown(build_report(hostile=True)))
    )
    assert "<script" not in html and "<img" not in html
    assert "<strong>نحو ساعة ونصف</strong>" in html
    assert html.count("<table>") == 2
