"""Publication dates: front matter, meta, a dated line at the top, a relative age."""

from __future__ import annotations

import datetime as dt

import pytest

from checker.ingest.published import find_published, parse_published_value

TOP_000 = "«رويترز»: بدء مكالمة الرئيسين الأمريكي والروسى حول عدد من الملفات\nتاريخ النشر: 19th, May 2025 GMT\nبدأت محادثة هاتفية بين الرئيس الروسي فلاديمير بوتين، ونظيره الأمريكي دونالد ترامب، حسبما أفادت وسائل إعلام غربية.\n"
TOP_001 = "Slaati\n\nترامب وبوتين يبحثان الأزمة الأوكرانية\n\nمنذ 9 شهر02552\nترامب وبوتين يبحثان الأزمة الأوكرانية\n\nأجرى الرئيس الأمريكي السابق دونالد ترامب مكالمة هاتفية مع الرئيس الروسي فلاديمير بوتين اليوم الأربعاء.\n"


def test_seed_000_publication_line() -> None:
    published = find_published(TOP_000, None, None)
    assert published.day == dt.date(2025, 5, 19)
    assert published.how == "page line 'تاريخ النشر: 19th, May 2025 GMT'"


@pytest.mark.parametrize(
    "line, day",
    [
        ("نشر في 19 مايو 2025", dt.date(2025, 5, 19)),
        ("نُشر بتاريخ ١٩ أيار ٢٠٢٥ - 10:30 ص", dt.date(2025, 5, 19)),
        ("تاريخ النشر: 2025-05-19", dt.date(2025, 5, 19)),
        ("تاريخ النشر: 19/05/2025", dt.date(2025, 5, 19)),
        ("Published May 19, 2025", dt.date(2025, 5, 19)),
        ("Posted on 3 March 2025", dt.date(2025, 3, 3)),
        ("الاثنين 19 مايو 2025", dt.date(2025, 5, 19)),  # a bare date line above the prose
        ("12 كانون الثاني 2025", dt.date(2025, 1, 12)),
    ],
)
def test_dated_lines(line: str, day: dt.date) -> None:
    published = find_published(f"عنوان الخبر هنا اليوم\n{line}\nنص الخبر الذي يروي تفاصيل المكالمة بين الرئيسين في جملة طويلة.\n", None, None)
    assert published.day == day, published.how


def test_relative_age_without_now_is_unknown_and_says_why() -> None:
    published = find_published(TOP_001, None, None)
    assert published.date_from is None and published.date_to is None
    assert published.how == "unknown: the page only says 'منذ 9 شهر' (give --now to anchor it)"


def test_relative_age_with_now_is_an_interval() -> None:
    published = find_published(TOP_001, None, dt.date(2026, 2, 15))
    assert (published.date_from, published.date_to) == (dt.date(2025, 4, 15), dt.date(2025, 5, 15))
    assert "منذ 9 شهر" in published.how and "2026-02-15" in published.how


@pytest.mark.parametrize(
    "phrase, interval",
    [
        ("منذ 3 أيام", (dt.date(2026, 2, 12), dt.date(2026, 2, 12))),
        ("منذ ساعة", (dt.date(2026, 2, 14), dt.date(2026, 2, 15))),
        ("منذ شهرين", (dt.date(2025, 11, 15), dt.date(2025, 12, 15))),
        ("منذ أسبوع", (dt.date(2026, 2, 2), dt.date(2026, 2, 8))),
        ("منذ سنة", (dt.date(2024, 2, 15), dt.date(2025, 2, 15))),
        ("9 months ago", (dt.date(2025, 4, 15), dt.date(2025, 5, 15))),
    ],
)
def test_relative_rules(phrase: str, interval: tuple[dt.date, dt.date]) -> None:
    published = find_published(f"Site\n{phrase}\n", None, dt.date(2026, 2, 15))
    assert (published.date_from, published.date_to) == interval


def test_relative_phrases_inside_the_article_or_lists_are_ignored() -> None:
    text = "عنوان الخبر هنا\nأجرى الرئيس الأمريكي اتصالاً هاتفياً مع نظيره الروسي اليوم، وقال إن المحادثة كانت جيدة.\nأخر الأخبار\nمنذ 8 دقيقة\n"
    published = find_published(text, None, dt.date(2026, 2, 15))
    assert published.date_from is None


def test_front_matter_comes_first() -> None:
    published = find_published(TOP_000, dt.date(2025, 5, 20), None)
    assert (published.day, published.how) == (dt.date(2025, 5, 20), "front matter")


def test_meta_comes_before_page_lines() -> None:
    published = find_published(TOP_000, None, None, meta=[("article:published_time", "2025-05-18T23:00:00Z")])
    assert (published.day, published.how) == (dt.date(2025, 5, 18), "html meta article:published_time")


@pytest.mark.parametrize(
    "value, day",
    [
        (dt.date(2025, 5, 19), dt.date(2025, 5, 19)),
        (dt.datetime(2025, 5, 19, 10, 0), dt.date(2025, 5, 19)),
        ("2025-05-19", dt.date(2025, 5, 19)),
        ("2025-05-19T10:00:00+03:00", dt.date(2025, 5, 19)),
        ("19 مايو 2025", dt.date(2025, 5, 19)),
        ("2025-02-30", None),
        ("soon", None),
        (20250519, None),
    ],
)
def test_parse_published_value(value: object, day: dt.date | None) -> None:
    assert parse_published_value(value) == day
