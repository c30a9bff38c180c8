"""Segmentation of real pages: article text in article segments, boilerplate in boilerplate ones."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.ingest import read_inputs
from checker.rules.ruleset import load_boilerplate_rules
from checker.ingest.segment import segment
from checker.ingest.view import TextView
from checker.models import Document, Segment

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEEDS = SHARED / "seeds"
CASES = SHARED / "cases"


def need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is not here (the shared folder beside the repository holds the seed pages)")
    return path


def seed(prefix: str) -> Document:
    (path,) = sorted(need(SEEDS).glob(f"{prefix}_*.txt"))
    (doc,) = read_inputs([path])
    assert doc.status == "ok"
    return doc


def text_of(doc: Document, seg: Segment) -> str:
    return doc.text[seg.start : seg.end]


def segment_at(doc: Document, needle: str) -> Segment:
    """The segment that holds `needle` (which must be in exactly one segment)."""
    at = doc.text.index(needle)
    (seg,) = [s for s in doc.segments if s.start <= at and at + len(needle) <= s.end]
    return seg


def assert_lines_covered(doc: Document) -> None:
    """Every non-empty line of the body is in exactly one segment; segments do not overlap."""
    spans = sorted((s.start, s.end) for s in doc.segments)
    for (_, end), (start, _) in zip(spans, spans[1:]):
        assert end <= start
    pos = 0
    for line in doc.text.split("\n"):
        if line.strip():
            middle = pos + len(line) // 2
            assert any(s.start <= middle < s.end for s in doc.segments), line
        pos += len(line) + 1


# --------------------------------------------------------------------------- seed 000


def test_seed_000_blocks() -> None:
    doc = seed("000")
    assert_lines_covered(doc)
    got = [(s.kind, s.label) for s in doc.segments]
    assert got == [
        ("title", "title"),
        ("boilerplate", "published-line"),
        ("article", "main"),
        ("boilerplate", "related-headlines"),
        ("boilerplate", "source-line"),
        ("boilerplate", "tags"),
        ("boilerplate", "related-headlines"),
        ("article", "embedded 1"),
    ]
    title, _, main, related, source, tags, related2, embedded = doc.segments
    assert text_of(doc, title).startswith("«رويترز»: بدء مكالمة")
    assert text_of(doc, main).startswith("بدأت محادثة هاتفية")
    assert text_of(doc, main).endswith("بالنظر إلى المفاوضات التي جرت في إسطنبول».")
    assert related.marker == "اقرأ أيضاً"
    assert text_of(doc, related).startswith("اقرأ أيضاًترامب يكشف")
    assert text_of(doc, related).endswith("لتعزيز التعاون في المستقبل")
    assert text_of(doc, source) == "المصدر: الأسبوع"
    assert text_of(doc, tags).startswith("كلمات دلالية:")
    assert "الكرملين: يجري التحضير لمكالمة هاتفية بين بوتين وترامب" in text_of(doc, related2)
    assert text_of(doc, embedded).startswith("وكالات\nأعلن المتحدث باسم الكرملين")
    assert doc.text.endswith(text_of(doc, embedded))


# --------------------------------------------------------------------------- seed 001


def test_seed_001_blocks() -> None:
    doc = seed("001")
    assert_lines_covered(doc)
    assert segment_at(doc, "Slaati").kind == "boilerplate"
    title = segment_at(doc, "ترامب وبوتين يبحثان الأزمة الأوكرانية")
    assert title.kind == "title"
    assert segment_at(doc, "منذ 9 شهر02552").label == "timestamp"
    repeat = doc.text.index("ترامب وبوتين يبحثان", title.end)
    assert [s.label for s in doc.segments if s.start == repeat] == ["title-repeat"]
    assert segment_at(doc, "مشاركة").label == "share"
    main = segment_at(doc, "أجرى الرئيس الأمريكي السابق")
    assert (main.kind, main.label) == ("article", "main")
    assert text_of(doc, main).startswith("واشنطن")
    assert text_of(doc, main).endswith("بأسرع وقت ممكن.")
    assert [s.label for s in doc.segments if s.kind == "article"] == ["main"]
    assert segment_at(doc, "التعليقات ()").label == "comments"


def test_seed_001_everything_from_latest_news_on_is_boilerplate() -> None:
    doc = seed("001")
    start = doc.text.index("أخر الأخبار")
    latest = segment_at(doc, "أخر الأخبار")
    assert (latest.label, latest.marker) == ("latest-news", "أخر الأخبار")
    after = [s for s in doc.segments if s.end > start]
    assert after and all(s.kind == "boilerplate" for s in after)
    assert after[0].start == start
    for needle in ["مغني شهير يحذر", "منذ 8 دقيقة", "1510", "إعلان", "مساحة إعلانية", "- صدى الالكترونية"]:
        assert segment_at(doc, needle).kind == "boilerplate"


# --------------------------------------------------------------------------- acceptance cases


def case_files() -> list[Path]:
    return sorted(CASES.glob("*/*.txt")) if CASES.exists() else []


@pytest.mark.parametrize("path", case_files(), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_case_article_segments(path: Path) -> None:
    (doc,) = read_inputs([path])
    assert doc.status == "ok"
    assert_lines_covered(doc)
    assert doc.segments[0].kind == "front_matter"
    articles = [s for s in doc.segments if s.kind == "article"]
    assert [s.label for s in articles] == ["main"]
    body = doc.text[doc.segments[0].end :]
    for marker in ["اقرأ أيضاً", "كلمات دلالية"]:
        if marker in body:
            start = doc.text.index(marker)
            tail = [s for s in doc.segments if s.end > start]
            assert all(s.kind == "boilerplate" for s in tail), marker
            assert tail[0].start == start
    # every prose paragraph is article text
    for paragraph in body.split("\n"):
        if paragraph.strip().endswith("."):
            assert segment_at(doc, paragraph.strip()).kind == "article"


def test_cases_are_present() -> None:
    if not CASES.exists():
        pytest.skip(f"{CASES} is not here")
    assert len(case_files()) >= 10


# --------------------------------------------------------------------------- small pages


RULES = load_boilerplate_rules()


def blocks(text: str, title: str | None = None) -> list[tuple[str, str, str]]:
    return [(s.kind, s.label, text[s.start : s.end]) for s in segment(TextView(text), RULES, title=title)]


PROSE = "أجرى الرئيس الروسي فلاديمير بوتين اتصالاً هاتفياً مع نظيره الأمريكي دونالد ترامب استمر ساعتين."


def test_a_single_prose_line_is_the_article() -> None:
    assert blocks(PROSE) == [("article", "main", PROSE)]


def test_a_line_rule_inside_an_article_does_not_split_it_into_two_articles() -> None:
    text = f"عنوان الخبر هنا\n{PROSE}\nإعلان\n{PROSE}\n"
    assert [b[:2] for b in blocks(text)] == [("title", "title"), ("article", "main"), ("boilerplate", "advert"), ("article", "main")]


def test_prose_after_a_list_is_an_embedded_article() -> None:
    text = f"عنوان الخبر هنا\n{PROSE}\nاقرأ أيضا:\nعنوان خبر آخر قصير\n{PROSE}\n"
    assert [b[:2] for b in blocks(text)] == [
        ("title", "title"),
        ("article", "main"),
        ("boilerplate", "related-headlines"),
        ("article", "embedded 1"),
    ]


def test_marker_starting_a_prose_line_is_not_boilerplate() -> None:
    line = "آخر الأخبار الواردة من موسكو تشير إلى أن المكالمة انتهت، وأن الجانبين اتفقا على مواصلة الحوار."
    assert blocks(f"عنوان الخبر هنا\n{line}")[1] == ("article", "main", line)


def test_known_title_skips_site_header_lines() -> None:
    text = f"الرئيسية\nسياسة واقتصاد ورياضة\nبوتين وترامب يبحثان التسوية\n{PROSE}"
    got = blocks(text, title="بوتين وترامب يبحثان التسوية - موقع")
    assert [b[:2] for b in got] == [("boilerplate", "site-header"), ("title", "title"), ("article", "main")]


def test_dateline_before_prose_without_title_stays_in_the_article() -> None:
    assert blocks(f"واشنطن\n{PROSE}") == [("article", "main", f"واشنطن\n{PROSE}")]


def test_an_agency_byline_inside_an_article_opens_the_story_appended_to_it() -> None:
    """An agency's second story pasted under the article, after a byline line of its own: its
    claims must not be read as the main article's."""
    other = "قال رئيس الوفد الأوكراني رستم عمروف إن المحادثات التي جرت في الرياض استمرت أكثر من ثلاث ساعات."
    text = f"عنوان الخبر هنا\n{PROSE}\nسبوتنيك\n{other}\n"
    assert [b[:2] for b in blocks(text)] == [("title", "title"), ("article", "main"), ("article", "embedded 1")]
    assert blocks(text)[2][2] == f"سبوتنيك\n{other}"


def test_a_byline_closing_an_article_opens_nothing() -> None:
    text = f"عنوان الخبر هنا\n{PROSE}\nوكالات\nإعلان\n"
    assert [b[:2] for b in blocks(text)] == [("title", "title"), ("article", "main"), ("boilerplate", "advert")]
