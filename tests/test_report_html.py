"""The HTML report: self-contained, escaped, filterable, showing every part of the report."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from report_fixture import IMG_PAYLOAD, SCRIPT_PAYLOAD, build_report

from checker.report import to_html
from checker.report.html_report import CSP


class _Collector(HTMLParser):
    """Collects tags and attributes, and the text of <script> elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"
        if self._in_script:
            self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts[-1] += data


def _parse(html: str) -> _Collector:
    parser = _Collector()
    parser.feed(html)
    return parser


def test_page_is_self_contained_with_a_csp() -> None:
    html = to_html(build_report())
    assert f'<meta http-equiv="Content-Security-Policy" content="{CSP.replace(chr(39), "&#39;")}">' in html
    assert "default-src &#39;none&#39;" in html
    page = _parse(html)
    for tag, attrs in page.tags:
        for name in ("src", "href", "action", "data", "poster"):
            value = attrs.get(name) or ""
            assert not re.match(r"\s*(https?:)?//", value), (tag, name, value)
        if tag == "link":
            assert attrs.get("rel") != "stylesheet"
    assert not any(tag == "img" for tag, _ in page.tags)
    assert len(page.scripts) == 1  # the filter script, nothing else
    assert "http://" not in page.scripts[0] and "https://" not in page.scripts[0]


def test_article_text_is_escaped() -> None:
    html = to_html(build_report(hostile=True))
    assert SCRIPT_PAYLOAD not in html
    assert IMG_PAYLOAD not in html
    assert "&lt;script&gt;window.__pwned=2;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=&#34;window.__pwned=1&#34;&gt;" in html
    page = _parse(html)
    assert [tag for tag, _ in page.tags].count("script") == 1
    assert not any("onerror" in attrs for _, attrs in page.tags)
    assert not any("__pwned" in s for s in page.scripts)


def test_cards_carry_filter_attributes() -> None:
    report = build_report()
    page = _parse(to_html(report))
    cards = [
        attrs for tag, attrs in page.tags if tag == "article" and "finding" in (attrs.get("class") or "")
    ]
    assert len(cards) == len(report.findings)
    first = cards[0]
    assert first["data-kind"] == "conflict"
    assert first["data-severity"] == "error"
    assert first["data-event"] == "e1"
    assert set((first["data-sources"] or "").split()) == {"s1", "s2"}
    assert first["data-fingerprints"] == report.findings[0].fingerprint  # a card of one pair
    selects = [attrs.get("name") for tag, attrs in page.tags if tag == "select"]
    assert selects == ["kind", "severity", "event", "source"]


def test_page_shows_summary_findings_events_and_documents() -> None:
    report = build_report()
    html = to_html(report)
    assert '<html lang="en" dir="ltr">' in html
    for f in report.findings:
        assert f.fingerprint in html
        assert f.attribute in html
        assert f.message in html
        for ev in f.evidence:
            assert f"<mark>{ev.text}</mark>" in html
            assert ev.value in html
    assert 'lang="ar" dir="rtl"' in html
    assert report.events[0].why in html
    # documents: source, published and how, status, error, warnings, ignored boilerplate
    assert "وكالة الشرق للأنباء" in html and "front matter" in html
    assert "cannot decode: neither UTF-8 nor Windows-1256" in html
    assert "decoded as Windows-1256" in html
    assert "related.read_also" in html and "اقرأ أيضاً" in html
    assert "زيلينسكي يرحب بأي خطوة نحو التهدئة" in html  # excerpt of the ignored block
    assert "line 3, column 128" in html  # where paper-b's duration is
    assert 'data-summary-severity="error">1 error<' in html
    assert "@media print" in html


def test_page_is_deterministic() -> None:
    assert to_html(build_report()) == to_html(build_report())


def test_empty_report_renders() -> None:
    from checker.models import Document, Report

    html = to_html(Report(documents=[Document(id="a", path="a.txt")]))
    assert "No mistakes" in html
    assert 'id="filters"' not in html


def test_a_large_report_is_compact(monkeypatch) -> None:
    """Past OPEN_CARDS cards: groups start closed, counterparts are quoted by their words only,
    the documents table keeps only documents that could not be read (or carry warnings)."""
    from checker.report import html_report

    report = build_report()
    monkeypatch.setattr(html_report, "OPEN_CARDS", 1)
    html = to_html(report)
    page = _parse(html)
    groups = [attrs for tag, attrs in page.tags if tag == "details" and "group" in (attrs.get("class") or "")]
    assert groups and all("open" not in attrs for attrs in groups)
    cards = [attrs for tag, attrs in page.tags if tag == "article"]
    assert len(cards) == 2 and ("main", {"class": "compact"}) in [(t, {"class": a.get("class")}) for t, a in page.tags]
    assert re.search(r'<ul class="others"[^>]*><li><bdi>[^<]+</bdi> <mark>[^<]+</mark></li></ul>', html)
    rows = [attrs["id"] for tag, attrs in page.tags if tag == "tr" and (attrs.get("id") or "").startswith("doc-")]
    assert rows == [f"doc-{d.id}" for d in report.documents if d.status != "ok" or d.warnings]
    assert "listed in the JSON report" in html
