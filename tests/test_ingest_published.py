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


# --------------------------------------------------------------------------- several dates at the top
# Fixture pages written for these tests: a header, then an article of a few sentences.

LEAD_FRIDAY = "أعلنت وزارة الخارجية اليوم الجمعة أن الجولة الجديدة من المحادثات بدأت في العاصمة الإيطالية بحضور الوفدين.\n"
LEAD_PLAIN = "أعلنت وزارة الخارجية أن الجولة الجديدة من المحادثات بدأت في العاصمة الإيطالية بحضور الوفدين والوسطاء.\n"


def test_the_sites_clock_on_the_first_line_loses_to_a_labelled_date_below() -> None:
    page = "الأربعاء 28 مايو 2025\nشعار الموقع\nعنوان المحادثات في روما\nTime\nالجمعة 23 مايو 2025\n" + LEAD_FRIDAY
    published = find_published(page, None, None)
    assert published.day == dt.date(2025, 5, 23)
    assert published.how.startswith("page line 'الجمعة 23 مايو 2025' (announced by 'Time'")
    assert "not 2025-05-28 on 'الأربعاء 28 مايو 2025': the site's clock" in published.how
    assert "a Wednesday, which the article's 'اليوم الجمعة' does not fit" in published.how


def test_a_weekday_and_date_alone_on_the_first_line_is_the_clock_when_another_date_follows() -> None:
    page = "الإثنين 25 أغسطس 2025\nعنوان الخبر عن تبادل الأسرى\n24 أغسطس 2025 18:27\n" + LEAD_PLAIN
    published = find_published(page, None, None)
    assert published.day == dt.date(2025, 8, 24)
    assert "the site's clock" in published.how


def test_a_lone_date_on_the_first_line_is_still_the_date_when_it_is_the_only_one() -> None:
    published = find_published("الإثنين 25 أغسطس 2025\nعنوان الخبر عن تبادل الأسرى\n" + LEAD_PLAIN, None, None)
    assert (published.day, published.how) == (dt.date(2025, 8, 25), "page line 'الإثنين 25 أغسطس 2025'")


def test_a_date_the_articles_today_contradicts_loses_to_one_it_fits() -> None:
    # two bare date lines, neither the site's clock (no weekday on the first): the article decides
    page = "عنوان المحادثات في روما\n28 مايو 2025\nالصورة: الوفدان\n23 مايو 2025\n" + LEAD_FRIDAY
    published = find_published(page, None, None)
    assert published.day == dt.date(2025, 5, 23)
    assert "the article's 'اليوم الجمعة' fits it" in published.how


def test_without_the_articles_phrases_the_topmost_line_of_the_strongest_kind_wins() -> None:
    page = "عنوان المحادثات في روما\n28 مايو 2025\nالصورة: الوفدان\n23 مايو 2025\n" + LEAD_PLAIN
    assert find_published(page, None, None).day == dt.date(2025, 5, 28)


def test_a_masthead_below_a_date_marks_the_sites_clock_which_is_never_the_publication_date() -> None:
    page = "عاجل\nالسبت 20 أبريل 2024\nرئيس مجلس الإدارة\nسمير عبد الله\n" + LEAD_PLAIN
    published = find_published(page, None, None)
    assert published.date_from is None
    assert published.how == "unknown: the only date at the top of the page, on 'السبت 20 أبريل 2024', is the site's clock"


def test_the_weather_beside_a_date_marks_the_sites_clock() -> None:
    page = "الخميس 22 مايو 2025 32°C\nعنوان الخبر\nنشر في 21 مايو 2025\n" + LEAD_PLAIN
    published = find_published(page, None, None)
    assert published.day == dt.date(2025, 5, 21)
    assert "not 2025-05-22 on 'الخميس 22 مايو 2025 32°C': the site's clock" in published.how


@pytest.mark.parametrize(
    "header",
    [
        "عنوان الخبر\nنشر في 19 مايو 2025 - آخر تحديث 21 مايو 2025\n",
        "عنوان الخبر\nآخر تحديث: 21 مايو 2025\nنشر في 19 مايو 2025\n",
        "عنوان الخبر\n10:15 19/05/2025 (تم التحديث: 12:40 21/05/2025)\n",
        "Headline of the story\nUpdated: 21 May 2025\nPublished May 19, 2025\n",
    ],
)
def test_an_updated_time_is_not_the_publication_date(header: str) -> None:
    assert find_published(header + LEAD_PLAIN, None, None).day == dt.date(2025, 5, 19)


def test_a_page_with_only_an_updated_time_gets_a_window_up_to_it() -> None:
    published = find_published("عنوان الخبر\nآخر تحديث: 21 مايو 2025 - 11:05\n" + LEAD_PLAIN, None, None)
    assert (published.date_from, published.date_to) == (dt.date(2025, 5, 15), dt.date(2025, 5, 21))
    assert published.how.startswith("estimated: within 6 days up to the updated time")


def test_the_page_stores_date_line_is_the_date_and_the_rest_of_its_line_is_the_page() -> None:
    page = " date 2025-08-24 أعلنت الوزارة في بيان أن عملية التبادل تمت بنجاح بوساطة من دولة ثالثة وشملت عشرات الأسرى.\n"
    published = find_published(page, None, None)
    assert published.day == dt.date(2025, 8, 24)
    assert published.how == "page line 'date 2025-08-24' (the date the page store gives the page)"


def test_the_page_stores_date_line_beats_a_broken_clock_and_loses_to_a_label() -> None:
    clock = " date 2025-09-17 Wednesday, 03 January 2024 08:41 GMT\nHeadline\n2025-09-17 10:12:55\n" + LEAD_PLAIN
    published = find_published(clock, None, None)
    assert published.day == dt.date(2025, 9, 17) and "the site's clock" in published.how
    labelled = " date 2025-08-07 عنوان الخبر\nنشر في 6 أغسطس 2025\n" + LEAD_PLAIN
    assert find_published(labelled, None, None).day == dt.date(2025, 8, 6)


def test_a_partial_store_date_is_no_date() -> None:
    assert find_published(" date 2021-02 عنوان الخبر\n" + LEAD_PLAIN, None, None).date_from is None


def test_a_page_dated_a_day_after_the_articles_today_gets_both_days() -> None:
    # 14 October 2025 was a Tuesday; "this evening, Monday" is the 13th
    page = " date 2025-10-14 افتتح القادة مساء اليوم الاثنين أعمال القمة في المدينة الساحلية.\n"
    published = find_published(page, None, None)
    assert (published.date_from, published.date_to) == (dt.date(2025, 10, 13), dt.date(2025, 10, 14))
    assert published.how.startswith("estimated: 2025-10-13..2025-10-14")
    assert "'اليوم الاثنين' puts it on 2025-10-13" in published.how


def test_the_window_of_a_late_date_resolves_the_articles_today_to_its_weekday() -> None:
    from checker.extract.values import DatePhrase
    from checker.resolve.dates import resolve_date

    page = " date 2025-10-14 افتتح القادة مساء اليوم الاثنين أعمال القمة في المدينة الساحلية.\n"
    value = resolve_date(DatePhrase(0, 0, weekday=0, relative_days=0), find_published(page, None, None))
    assert value.day == dt.date(2025, 10, 13)


def test_a_date_far_from_the_articles_today_is_kept() -> None:
    # the article says Saturday; the 24th was a Sunday, the 20th a Wednesday: nothing is moved
    page = " date 2025-08-20 أعلنت الوزارة اليوم السبت أن عملية التبادل تمت بنجاح بوساطة من دولة ثالثة.\n"
    assert find_published(page, None, None).day == dt.date(2025, 8, 20)


def test_header_examples_are_checked_when_the_rules_load(tmp_path) -> None:
    import shutil

    from checker.paths import default_rules_dir
    from checker.rules.loader import RuleError
    from checker.rules.ruleset import load_published_rules

    rules = tmp_path / "rules"
    shutil.copytree(default_rules_dir(), rules)
    path = rules / "ar" / "published.yaml"
    text = path.read_text(encoding="utf-8")
    wrong = text.replace('{text: "آخر تحديث: 20 مايو 2025 - 11:05", kind: updated', '{text: "آخر تحديث: 20 مايو 2025 - 11:05", kind: published', 1)
    assert wrong != text
    path.write_text(wrong, encoding="utf-8")
    line = wrong.splitlines().index('  - {text: "آخر تحديث: 20 مايو 2025 - 11:05", kind: published, date: 2025-05-20}') + 1
    with pytest.raises(RuleError, match=f"published.yaml:{line}: header example .* reads as updated 2025-05-20, expected published"):
        load_published_rules(rules)


def _broken_rules(tmp_path, old: str, new: str):
    import shutil

    from checker.paths import default_rules_dir

    rules = tmp_path / "rules"
    shutil.copytree(default_rules_dir(), rules)
    path = rules / "ar" / "published.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return rules


def test_an_article_day_example_that_fails_is_a_rule_error(tmp_path) -> None:
    from checker.rules.loader import RuleError
    from checker.rules.ruleset import load_published_rules

    rules = _broken_rules(tmp_path, "weekday: 4, offset: 0}", "weekday: 3, offset: 0}")
    with pytest.raises(RuleError, match=r"published.yaml:\d+: article-day example .* reads as weekday 4 offset 0"):
        load_published_rules(rules)


def test_a_weekday_name_given_two_weekdays_is_a_rule_error(tmp_path) -> None:
    from checker.rules.loader import RuleError
    from checker.rules.ruleset import load_published_rules

    rules = _broken_rules(tmp_path, "  1: [الثلاثاء]\n", "  1: [الثلاثاء, الجمعة]\n")
    with pytest.raises(RuleError, match=r"published.yaml:\d+: weekday name 'الجمعة' given two weekdays"):
        load_published_rules(rules)


def test_an_unknown_header_kind_names_the_line(tmp_path) -> None:
    from checker.rules.loader import RuleError
    from checker.rules.ruleset import load_published_rules

    rules = _broken_rules(tmp_path, "kind: clock, date: 2025-05-22}", "kind: banner, date: 2025-05-22}")
    with pytest.raises(RuleError, match=r"published.yaml:\d+: header_examples\.\d+\.kind"):
        load_published_rules(rules)


@pytest.mark.parametrize(
    "line, day",
    [
        ("أخبار العالم - 16:42 10-03-2026", dt.date(2026, 3, 10)),  # a section name beside a timestamp
        ("Mon 10 Mar 2025 7:48 am - Jerusalem Time", dt.date(2025, 3, 10)),  # a time zone
    ],
)
def test_a_timestamp_line_may_carry_a_few_other_words(line: str, day: dt.date) -> None:
    assert find_published(f"عنوان الخبر\n{line}\n" + LEAD_PLAIN, None, None).day == day


def test_a_date_among_other_words_without_a_clock_time_is_no_date_line() -> None:
    assert find_published("عنوان الخبر\nأخبار العالم 10-03-2026\n" + LEAD_PLAIN, None, None).date_from is None


def test_the_dateline_of_the_lead_dates_a_page_that_shows_no_other_date() -> None:
    page = "عنوان الخبر\nالقاهرة – 14 أكتوبر 2025: وقع الرئيسان وثيقة السلام في المدينة الساحلية بحضور عشرات القادة.\n"
    published = find_published(page, None, None)
    assert published.day == dt.date(2025, 10, 14)
    assert published.how == "page line 'القاهرة – 14 أكتوبر 2025' (the dateline of the lead ('القاهرة –'))"


def test_a_dateline_is_weaker_than_a_date_line() -> None:
    page = "عنوان الخبر\n15 أكتوبر 2025\nالقاهرة – 14 أكتوبر 2025: وقع الرئيسان وثيقة السلام في المدينة الساحلية.\n"
    published = find_published(page, None, None)
    assert published.day == dt.date(2025, 10, 15)
    assert "not 2025-10-14 on 'القاهرة – 14 أكتوبر 2025': the dateline of the lead" in published.how


@pytest.mark.parametrize(
    "page",
    [
        " date 0001-01-01 أعلنت الوزارة اليوم الاثنين أن عملية التبادل تمت بنجاح بوساطة من دولة ثالثة.\n",
        "عنوان الخبر\nآخر تحديث: 01/01/0001\n" + LEAD_PLAIN,
        " date 9999-12-31 أعلنت الوزارة غدا الاثنين أن عملية التبادل ستتم بوساطة من دولة ثالثة.\n",
    ],
)
def test_dates_at_the_ends_of_the_calendar_do_not_break_the_choice(page: str) -> None:
    find_published(page, None, None)  # no OverflowError; hostile input is checked elsewhere
