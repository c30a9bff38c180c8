"""Days, clock times and durations of events as careful editors read them: start and end times,
a time restated in another zone, day ranges, datelines, "since", a day and month without a year,
"just under two hours". Each test is a sentence written for it and the claim or finding it must yield."""

from __future__ import annotations

from checker.extract.claims import extract
from checker.models import DateValue
from checker.pipeline import analyse
from helpers import article


def claims_of(rs, text, published="2025-05-19", attribute=None, language=None):
    doc = article(text, published)
    if language:
        doc.language = language
    _, claims = extract(doc, rs)
    return [c for c in claims if attribute is None or c.attribute == attribute]


def _en(text: str, published: str | None = "2025-05-19", doc_id: str = "doc"):
    doc = article(text, published, doc_id)
    doc.language = "en"
    return doc


# --------------------------------------------------------------------------- clock times


def test_start_and_end_times_of_one_call_are_two_phases(rs):
    text = ("أوضح البيت الأبيض أن المكالمة بين بايدن وبوتين بدأت في الساعة 11:04 صباحا بتوقيت واشنطن "
            "(16:04 بتوقيت غرينتش) وانتهت في الساعة 12:06 مساء.")
    times = [c.value for c in claims_of(rs, text, attribute="call.time")]
    assert [(t.hour, t.minute, t.zone, t.phase) for t in times] == [
        (11, 4, "America/New_York", "start"), (16, 4, "UTC", "start"), (12, 6, None, "end")]
    assert times[1].restates is not None and times[2].restates is None


def test_an_end_time_never_conflicts_with_a_start_time(rs):
    a = article("بدأ الاتصال الهاتفي بين بايدن وبوتين اليوم السبت في الساعة 11:04 صباحا بتوقيت واشنطن.", "2022-02-12", "a")
    b = article("انتهى الاتصال الهاتفي بين بايدن وبوتين اليوم السبت في الساعة 12:06 مساء بتوقيت واشنطن.", "2022-02-12", "b")
    c = article("بدأ الاتصال الهاتفي بين بايدن وبوتين اليوم السبت في الساعة 10:30 صباحا بتوقيت واشنطن.", "2022-02-12", "c")
    r = analyse([a, b, c], rs)
    times = [f for f in r.findings if f.attribute == "call.time"]
    assert [sorted(f.documents) for f in times] == [["a", "c"]]


def test_wire_copy_clock_forms(rs):
    text = "وأفاد مسؤول أمريكي بأن الاتصال الهاتفي بين بايدن وشي بدأ الساعة 9,47 بتوقيت واشنطن (13,47 ت غ)."
    times = [(c.value.hour, c.value.minute, c.value.zone) for c in claims_of(rs, text, attribute="call.time")]
    assert times == [(9, 47, "America/New_York"), (13, 47, "UTC")]
    text = "وأفاد مسؤول أمريكي بأن المكالمة بين بايدن وشي بدأت الساعة 9:47 صباحا (1347 بتوقيت جرينتش)."
    assert [(c.value.hour, c.value.zone) for c in claims_of(rs, text, attribute="call.time")] == [(9, None), (13, "UTC")]
    text = "ونقلت القناة أن الاتصال بين بوتين وبايدن بدأ في الساعة الـ17:15 من اليوم الأحد بتوقيت غرينيتش."
    assert [(c.value.hour, c.value.zone) for c in claims_of(rs, text, attribute="call.time")] == [(17, "UTC")]


def test_a_digit_hour_without_part_of_day_may_be_either_half(rs):
    text = "بدأ الاتصال بين بوتين وبايدن بحدود الساعة 7:04 دقيقة بتوقيت بغداد."
    [c] = claims_of(rs, text, attribute="call.time")
    assert (c.value.hour, c.value.zone, c.value.clock12) == (7, "Asia/Baghdad", True)


def test_a_restated_time_that_is_another_instant_is_an_internal_finding(rs):
    doc = article("بدأت المكالمة الهاتفية بين بايدن وشي اليوم الجمعة عند الساعة 9,30 صباحا بتوقيت واشنطن (13,03 ت غ).",
                  "2022-03-18", "f")
    r = analyse([doc], rs)
    assert [(f.kind, f.rule, f.documents) for f in r.findings] == [("internal", "internal.time", ["f"])]
    right = article("بدأت المكالمة الهاتفية بين بايدن وشي اليوم الجمعة عند الساعة 9,30 صباحا بتوقيت واشنطن (13,30 ت غ).",
                    "2022-03-18", "g")
    assert analyse([right], rs).findings == []


def test_an_unzoned_time_restated_in_a_zone_no_zone_can_match_is_an_internal_finding(rs):
    # 9:30 and 13:03 are 3 h 33 min apart: no time zone is that far from UTC
    doc = article("وبحسب البيت الأبيض، فقد بدأت المكالمة بين بايدن وشي في الساعة 9,30 صباحا (13,03 ت غ).", "2022-03-18", "f")
    assert [(f.kind, f.rule) for f in analyse([doc], rs).findings] == [("internal", "internal.time")]
    # 9:30 and 13:30: the parties' zone may be a guess, and some zone makes them one instant
    right = article("وبحسب البيت الأبيض، فقد بدأت المكالمة بين بايدن وشي في الساعة 9,30 صباحا (13,30 ت غ).", "2022-03-18", "g")
    assert analyse([right], rs).findings == []


def test_a_restated_time_on_the_next_local_day_is_the_same_moment(rs):
    doc = _en("A White House official said on Thursday that the 50-minute call between Biden and Putin began "
              "at 2.10pm Washington time (3.10am on Friday, Singapore time).", "2021-12-30", "st")
    r = analyse([doc], rs)
    times = [c for c in r.claims if c.attribute == "call.time"]
    assert [(c.value.hour, c.value.zone) for c in times] == [(14, "America/New_York"), (3, "Asia/Singapore")]
    assert [f for f in r.findings if f.attribute == "call.time"] == []


# --------------------------------------------------------------------------- durations


def test_just_under_is_a_range_below_the_value(rs):
    [c] = claims_of(rs, _en("The call between Biden and Xi lasted just under two hours.").text,
                    attribute="call.duration", language="en")
    assert (c.value.min, c.value.max, c.qualifier) == (102, 120, "just_under")
    [c] = claims_of(rs, "واستمرت المكالمة بين بايدن وبوتين لمدة أقل من ساعة بقليل.", attribute="call.duration")
    assert (c.value.min, c.value.max, c.qualifier) == (51, 60, "just_under")


def test_half_an_hour_and_an_hour_and_two_minutes(rs):
    [c] = claims_of(rs, "The phone call between Macron and Putin lasted half an hour.", attribute="call.duration",
                    language="en")
    assert c.value.minutes == 30
    [c] = claims_of(rs, "The phone call between Biden and Putin lasted an hour and two minutes.",
                    attribute="call.duration", language="en")
    assert c.value.minutes == 62
    [c] = claims_of(rs, "دامت المكالمة بين بايدن وبوتين ساعة ودقيقتين.", attribute="call.duration")
    assert c.value.minutes == 62


def test_arabic_for_a_length_of_time_and_exceeded(rs):
    [c] = claims_of(rs, "وأضاف مسؤول أن بايدن وبوتين تحدثا في اتصال هاتفي لنحو ساعة بشأن أوكرانيا.", attribute="call.duration")
    assert (c.value.minutes, c.qualifier) == (60, "about")
    [c] = claims_of(rs, "قال ترامب إنه تحدث هاتفيا مع زيلينسكي، الثلاثاء (11 مارس/آذار 2025)، لنحو الساعة.",
                    attribute="call.duration")
    assert (c.value.minutes, c.qualifier) == (60, "about")
    [c] = claims_of(rs, "مكالمة بايدن وبوتين بشأن أوكرانيا تخطت الساعة.", attribute="call.duration")
    assert (c.value.min, c.value.max, c.qualifier) == (60, None, "at_least")
    # one phrase read once, though two rules could read it
    assert len(claims_of(rs, "أجرى بوتين مكالمة هاتفية مع ترامب استمرت لنحو 90 دقيقة.", attribute="call.duration")) == 1


# --------------------------------------------------------------------------- days


def test_a_day_range_is_no_single_day(rs):
    # a span of two days: claimed as the span (it places the talks), never as one of its days
    span = ("2022-01-09", "2022-01-10")
    text = "ستعقد المحادثات بين روسيا والولايات المتحدة في جنيف يومي 9 و10 يناير 2022."
    [c] = claims_of(rs, text, attribute="talks.date")
    assert (c.value.date_from.isoformat(), c.value.date_to.isoformat()) == span and c.value.day is None
    doc = _en("The talks between Russia and the United States would take place in Geneva on January 9-10, 2022.")
    _, claims = extract(doc, rs)
    [c] = [c for c in claims if c.attribute == "talks.date"]
    assert (c.value.date_from.isoformat(), c.value.date_to.isoformat()) == span and c.value.day is None


def test_a_dateline_date_is_not_the_event_day(rs):
    doc = _en("WASHINGTON (Agency - 31st December, 2021) The phone call that Joe Biden held with "
              "Vladimir Putin on Thursday was over by 4:10 pm EST.", "2021-12-31")
    _, claims = extract(doc, rs)
    [c] = [c for c in claims if c.attribute == "call.date"]
    assert c.value.day.isoformat() == "2021-12-30" and c.value.weekday == 3


def test_a_date_between_dashes_inside_a_sentence_is_the_event_day(rs):
    text = ("وأجرى الرئيس الأمريكي دونالد ترامب اتصالا هاتفيا مع نظيره الروسي فلاديمير بوتين – "
            "18 مارس 2025 – بحثا خلاله وقف إطلاق النار.")
    [c] = claims_of(rs, text, "2025-03-20", attribute="call.date")
    assert c.value.day.isoformat() == "2025-03-18"


def test_a_date_after_since_is_not_the_event_day(rs):
    text = "ويأتي هذا الاتصال الهاتفي بين بوتين وبزشكيان في وقت تشن فيه الولايات المتحدة منذ 28 شباط/ فبراير الماضي حملة."
    assert claims_of(rs, text, "2026-03-10", attribute="call.date") == []


def test_relative_day_with_its_weekday_in_brackets(rs):
    text = "يبحث بايدن غداً (الجمعة) ملف التجارة مع شي جينبينغ في مكالمة هاتفية."
    [c] = claims_of(rs, text, None, attribute="call.date")
    assert c.value.weekday == 4


def test_a_day_and_month_without_a_year_take_the_event_year_and_its_weekday_is_checked(rs):
    dated = article("تحدث بايدن هاتفيا مع نظيره شي جين بينغ يوم الأربعاء 10 فبراير 2021 عن التجارة.",
                    "2021-02-11", "dated")
    same = article("تحدث بايدن هاتفيا مع نظيره شي جين بينغ يوم الأربعاء 10 فبراير عن التجارة.", None, "same")
    r = analyse([dated, same], rs)
    [c] = [c for c in r.claims if c.document == "same" and c.attribute == "call.date"]
    assert c.value.day.isoformat() == "2021-02-10" and c.value.how == "year from the event's date"
    assert r.findings == []
    # two days early, and 8 February 2021 was a Monday
    wrong = article("تحدث بايدن هاتفيا مع نظيره شي جين بينغ يوم الأربعاء 8 فبراير عن التجارة.", None, "wrong")
    r = analyse([dated, wrong], rs)
    assert sorted((f.kind, f.rule, tuple(f.documents)) for f in r.findings) == [
        ("conflict", "conflict.date", ("dated", "wrong")), ("internal", "internal.weekday", ("wrong",))]


def test_a_page_address_narrows_an_updated_window_to_its_day(rs):
    import datetime as dt

    from checker.models import Published
    from checker.resolve.publication import estimate_publication

    doc = _en("President Biden and President Xi had a two-hour call on Thursday.", None, "ax")
    window = Published(date_from=dt.date(2022, 7, 22), date_to=dt.date(2022, 7, 28),
                       how="estimated: within 6 days up to the updated time")
    doc = doc.model_copy(update={"url": "https://news.example/2022/07/28/biden-xi-call", "published": window})
    dated = estimate_publication(doc, rs)
    assert dated.published.day.isoformat() == "2022-07-28" and dated.published.how.startswith("estimated")
    [claim] = [c for c in analyse([doc], rs).claims if c.attribute == "call.date"]
    assert claim.value.day.isoformat() == "2022-07-28"
    # an address outside the window says nothing about it
    other = doc.model_copy(update={"url": "https://news.example/2022/08/15/biden-xi-call"})
    assert estimate_publication(other, rs).published == window


def test_a_page_of_unknown_date_that_names_today_gives_its_relative_days_weekdays(rs):
    doc = _en("Netanyahu told reporters today, Sunday, that his ties with Biden remained close. "
              "An aide said the hostage deal took up most of the 45-minute phone call between Netanyahu and "
              "Biden earlier today.", None, "today")
    _, claims = extract(doc, rs)
    [c] = [c for c in claims if c.attribute == "call.date"]
    assert c.value.weekday == 6 and c.value.day is None and "Sunday" in c.value.how


def test_this_came_during_a_call_takes_the_day_of_the_sentence_before(rs):
    text = ("جدد أردوغان، اليوم الاثنين، عرض أنقرة التوسط بين موسكو وكييف. "
            "جاء ذلك في اتصال هاتفي أجراه مع بوتين.")
    [c] = claims_of(rs, text, "2023-01-16", attribute="call.date")
    assert c.value.day.isoformat() == "2023-01-16" and c.text == "اليوم الاثنين"
    # without the words that tie the two sentences, the call has no day
    text = text.replace("جاء ذلك في اتصال", "وكان قد أجرى اتصالا")
    assert claims_of(rs, text, "2023-01-16", attribute="call.date") == []


def test_a_planned_time_is_never_compared_with_the_time_it_began(rs):
    planned = _en("The meeting between Putin and Witkoff in the Kremlin was due to start shortly after "
                  "5 pm Moscow time on Thursday.", "2026-01-22", "planned")
    began = _en("The meeting between Putin and Witkoff in the Kremlin began around 8 pm Moscow time on Thursday.",
                "2026-01-22", "began")
    r = analyse([planned, began], rs)
    times = sorted((c.document, c.value.hour, c.value.phase) for c in r.claims if c.attribute.endswith(".time"))
    assert times == [("began", 20, "start"), ("planned", 17, "planned")]
    assert [f for f in r.findings if f.attribute.endswith(".time")] == []


def test_a_day_and_month_months_from_the_event_is_left_without_a_year():
    import datetime as dt
    from checker.models import Claim, DateRange, Event
    from checker.resolve.dates import anchor_yearless

    def claim(day_of_month, month, weekday=None):
        return Claim(id="u:c1", document="u", segment=0, attribute="meeting.date", subject="e1", event="e1",
                     value=DateValue(month=month, day_of_month=day_of_month, weekday=weekday, how="no year"),
                     span=(0, 1), text="x", rule="date.stated")
    event = Event(id="e1", type="meeting", participants=[], date=DateRange(date_from=dt.date(2025, 8, 6),
                  date_to=dt.date(2025, 8, 6)), documents=["u"], mentions=[], claims=[], why="")
    near, far, slip = anchor_yearless([claim(8, 8), claim(25, 4), claim(6, 9, weekday=2)], [event])
    assert near.value.day == dt.date(2025, 8, 8)
    assert far.value.day is None  # "He last met Putin on April 25": another meeting
    assert slip.value.day == dt.date(2025, 9, 6)  # Wednesday the 6th, a month off: the date check reports it


def test_local_time_is_the_zone_of_where_the_event_was(rs):
    """13:36 local time in Geneva is 14:36 in Moscow (summer: UTC+2 and UTC+3), not 13:36 there."""
    local = article("بدأت قمة بوتين وبايدن في جنيف يوم 16 يونيو 2021 الساعة 13:36 بالتوقيت المحلي.", "2021-06-16", "local")
    [c] = [c for c in extract(local, rs)[1] if c.attribute == "meeting.time"]
    assert c.value.zone == "Europe/Zurich"
    same = _en("The Biden-Putin summit in Geneva began at 14:36 Moscow time on June 16, 2021.", "2021-06-16", "same")
    other = article("بدأت قمة بوتين وبايدن في جنيف يوم 16 يونيو 2021 الساعة 13:36 بتوقيت موسكو.", "2021-06-16", "other")
    assert [f.attribute for f in analyse([local, same], rs).findings] == []
    assert [f.attribute for f in analyse([local, other], rs).findings] == ["meeting.time"]


def test_local_time_in_a_city_of_a_country_of_several_zones_is_not_guessed(rs):
    """Russia keeps many zones and St Petersburg is not its capital: the rules do not say its
    zone, so "local time" keeps the parties' zones, never the capital's by default."""
    doc = _en("Russian President Vladimir Putin met Belarusian President Alexander Lukashenko in St Petersburg "
              "on Friday at 11:00 local time.", "2025-05-23")
    [c] = [c for c in extract(doc, rs)[1] if c.attribute == "meeting.time"]
    assert c.value.zone is None and "Europe/Moscow" in c.value.candidates


def test_an_unzoned_time_restated_in_utc_is_no_finding(rs):
    """The parties' zones are a guess for a time with no zone: a meeting in California at
    10:45 (18:45 GMT) is not New York's 10:45."""
    doc = _en("Biden and Xi met near San Francisco on Wednesday. The meeting began at 10:45 (18:45 GMT).",
              "2023-11-15", "w")
    r = analyse([doc], rs)
    assert [(c.value.hour, c.value.zone) for c in r.claims if c.attribute == "meeting.time"] == [(10, None), (18, "UTC")]
    assert [f for f in r.findings if f.rule == "internal.time"] == []


def test_a_time_restated_in_quotes_keeps_the_phase_of_the_time_it_restates(rs):
    doc = article('وقال البيت الأبيض إن الاتصال بين بايدن وشي بدأ اليوم الساعة 8:33 صباحاً "1233 بتوقيت غرينتش" وانتهى '
                  'الساعة 10:50 صباحاً "1450 بتوقيت غرينتش".', "2022-07-28", "q")
    r = analyse([doc], rs)
    times = [(c.value.hour, c.value.phase, c.value.restates is not None) for c in r.claims if c.attribute == "call.time"]
    assert times == [(8, "start", False), (12, "start", True), (10, "end", False), (14, "end", True)]


def test_us_pacific_time_is_read_and_a_wrong_gmt_restatement_found(rs):
    doc = article("وقال البيت الأبيض إن بايدن أجرى اتصالا هاتفيا مع شي اليوم في الساعة 8:30 بتوقيت غرب الولايات المتحدة "
                  "(12:30 بتوقيت غرينتش).", "2022-07-28", "west")
    r = analyse([doc], rs)
    assert [c.value.zone for c in r.claims if c.attribute == "call.time"] == ["America/Los_Angeles", "UTC"]
    assert [(f.rule, f.documents) for f in r.findings] == [("internal.time", ["west"])]
    east = article("بدأ الاتصال بين بايدن وبوتين اليوم الساعة 15.35 بتوقيت شرق للولايات المتحدة (20.35 بتوقيت جرينتش).",
                   "2021-12-30", "east")
    r = analyse([east], rs)
    assert [c.value.zone for c in r.claims if c.attribute == "call.time"] == ["America/New_York", "UTC"]
    assert r.findings == []


def test_a_day_in_a_bracket_restating_the_time_is_the_other_zones_day(rs):
    doc = _en("US President Joe Biden and Russian President Vladimir Putin spoke by phone on Thursday. The 50-minute "
              "call began at 3.35pm Washington time (4.35am on Friday, Singapore time).", "2021-12-31", "bracket")
    r = analyse([doc], rs)
    assert [e.date.date_from.isoformat() for e in r.events] == ["2021-12-30"]
    assert [c.value.day.isoformat() for c in r.claims if c.attribute == "call.date"] == ["2021-12-30"]


def test_two_zoned_times_of_an_undated_call_conflict_only_if_no_day_makes_them_one(rs):
    text = "US President Joe Biden and Russian President Vladimir Putin began their phone call at {} on Thursday."
    docs = [_en(text.format(t), None, d) for t, d in (("15:35 Washington time", "a"), ("13:35 Eastern Time", "b"),
                                                       ("20:35 GMT", "c"))]
    r = analyse(docs, rs)
    assert sorted(tuple(f.documents) for f in r.findings if f.attribute == "call.time") == [("a", "b"), ("b", "c")]


def test_a_timestamp_line_gives_the_event_no_clock_time_and_a_numeric_date_is_no_time(rs):
    text = ("التقى الرئيس الروسي فلاديمير بوتين المبعوث الأمريكي ستيف ويتكوف في الكرملين مساء الثلاثاء.\n"
            "16:46 GMT 02.12.2025 (آخر تحديث: 17:03 GMT 02.12.2025)")
    claims = [c for c in analyse([article(text, "2025-12-03", "s")], rs).claims if c.attribute.endswith(".time")]
    assert claims == []
