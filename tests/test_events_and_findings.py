"""Events across sources and the findings they yield, on small fixture articles."""

from __future__ import annotations

from checker.pipeline import analyse
from helpers import article


def report_of(rs, *docs):
    return analyse(list(docs), rs)


def test_same_call_from_today_and_yesterday(rs):
    a = article("تلقى الرئيس الروسي فلاديمير بوتين، اليوم الأربعاء، اتصالاً هاتفياً من الرئيس الأمريكي دونالد ترامب.", "2025-02-12", "a")
    b = article("قالت مصادر إن الرئيس فلاديمير بوتين اتصل أمس الأربعاء بنظيره الأمريكي دونالد ترامب.", "2025-02-13", "b")
    r = report_of(rs, a, b)
    [event] = r.events
    assert event.documents == ["a", "b"] and event.date.date_from.isoformat() == "2025-02-12"
    assert [(f.kind, f.attribute) for f in r.findings] == [("conflict", "call.initiator")]


def test_calls_months_apart_stay_apart(rs):
    a = article("أجرى ترامب اليوم الأربعاء اتصالاً هاتفياً بالرئيس الروسي فلاديمير بوتين استمر نحو ساعة ونصف.", "2025-02-12", "a")
    b = article("استمرت المكالمة الهاتفية بين بوتين وترامب أمس الاثنين أكثر من ساعتين.", "2025-05-20", "b")
    r = report_of(rs, a, b)
    assert len(r.events) == 2 and r.findings == []


def test_weekday_only_call_matches_the_recalled_call_on_that_weekday(rs):
    recalled = article("وخلال عام 2025 بحث الرئيس بوتين، في 12 فبراير، مع نظيره الأمريكي عبر الهاتف القضية الأوكرانية. "
                       "كما حدث اتصال هاتفي بين بوتين وترامب في 18 مارس الماضي.", "2025-05-19", "recall")
    undated = article("أجرى الرئيس الأمريكي دونالد ترامب مكالمة هاتفية مع الرئيس الروسي فلاديمير بوتين اليوم الأربعاء.", None, "undated")
    r = report_of(rs, recalled, undated)
    joined = [e for e in r.events if "undated" in e.documents]
    assert len(joined) == 1 and joined[0].date.date_from.isoformat() == "2025-02-12"
    assert "Wednesday" in joined[0].why


def test_internal_weekday_mismatch(rs):
    doc = article("أجرى ترامب مكالمة هاتفية مع بوتين يوم الثلاثاء 19 مايو 2025.", "2025-05-20", "f")
    r = report_of(rs, doc)
    assert [(f.kind, f.attribute, f.documents) for f in r.findings] == [("internal", "call.date", ["f"])]


def test_today_with_the_weekday_before_the_publication_day_is_that_weekday(rs):
    # written on Tuesday evening, stamped Wednesday: the call was on Tuesday, and no page is wrong
    late = article("أجرى ترامب اليوم الثلاثاء مكالمة هاتفية مع بوتين.", "2025-03-12", "late")
    other = article("أجرى ترامب يوم الثلاثاء 11 مارس 2025 مكالمة هاتفية مع بوتين.", "2025-03-12", "other")
    r = report_of(rs, late, other)
    assert [e.date.date_from.isoformat() for e in r.events] == ["2025-03-11"] and r.findings == []


def test_today_with_a_weekday_two_days_off_the_publication_day_is_a_finding(rs):
    doc = article("أجرى ترامب اليوم الاثنين مكالمة هاتفية مع بوتين.", "2025-03-12", "f")
    r = report_of(rs, doc)
    assert [(f.kind, f.attribute) for f in r.findings] == [("internal", "call.date")]


def test_knowledge_former_president_in_office(rs):
    doc = article("أجرى الرئيس الأمريكي السابق دونالد ترامب مكالمة هاتفية مع بوتين اليوم الاثنين.", "2025-05-19", "f")
    r = report_of(rs, doc)
    [f] = [f for f in r.findings if f.kind == "knowledge"]
    assert f.subject == "trump" and "2025-01-20" in f.message


def test_former_president_before_second_term_is_no_knowledge_finding(rs):
    doc = article("أجرى الرئيس الأمريكي السابق دونالد ترامب مكالمة هاتفية مع بوتين اليوم الاثنين.", "2023-05-15", "f")
    assert [f for f in report_of(rs, doc).findings if f.kind == "knowledge"] == []


def test_findings_quote_evidence_from_both_sides(rs):
    a = article("شهدت إسطنبول في 16 مايو محادثات روسية أوكرانية انتهت بالاتفاق على تبادل 500 أسير من كل جانب.", "2025-05-18", "a")
    b = article("انتهت في إسطنبول، اليوم الجمعة، محادثات بين روسيا وأوكرانيا. واتفق الطرفان على تبادل ألف أسير مقابل ألف أسير.", "2025-05-16", "b")
    r = report_of(rs, a, b)
    [f] = r.findings
    assert f.attribute == "exchange.prisoners" and f.documents == ["a", "b"]
    texts = {e.document: e.text for e in f.evidence}
    assert "500" in texts["a"] and "ألف" in texts["b"]
    for e in f.evidence:
        assert e.sentence and e.text in e.sentence


def test_why_names_each_account_once_however_many_report_the_event(rs):
    """Thirty outlets on one day and one a day later: one line for the thirty (named up to a
    limit, then counted) and one for the late account, with what was for and against it."""
    same_day = [article("أجرى ترامب اتصالاً هاتفياً بالرئيس الروسي بوتين اليوم الأربعاء.", "2025-02-12", f"o{i:02d}")
                for i in range(30)]
    late = article("أجرى ترامب اتصالاً هاتفياً بالرئيس الروسي بوتين أمس الخميس.", "2025-02-14", "late")
    [event] = report_of(rs, *same_day, late).events
    first, second = event.why.split("; ")
    assert first.startswith("o00, o01, o02,") and "o19 and 10 more: " in first
    assert "same parties (putin, trump)" in first and "same day 2025-02-12" in first
    assert second.startswith("late: ") and "dated 2025-02-13, 1 day(s) from 2025-02-12" in second


def test_talks_in_two_cities_on_one_day_are_two_events(rs):
    a = article("انتهت في إسطنبول اليوم الاثنين محادثات بين وفدي روسيا وأوكرانيا.", "2025-02-17", "istanbul")
    b = article("انتهت في الرياض اليوم الاثنين محادثات بين وفدي روسيا وأوكرانيا.", "2025-02-17", "riyadh")
    r = report_of(rs, a, b)
    assert sorted(e.documents for e in r.events) == [["istanbul"], ["riyadh"]]
    assert [f for f in r.findings if f.attribute == "talks.place"] == []


def test_an_account_naming_one_side_joins_the_one_event_it_fits(rs):
    both = article("انتهت في إسطنبول اليوم الجمعة محادثات بين وفدي روسيا وأوكرانيا.", "2025-05-16", "both")
    one = article("قال رئيس الوفد الأوكراني إن المحادثات التي جرت في إسطنبول أمس الجمعة كانت صعبة.", "2025-05-17", "one")
    [event] = report_of(rs, both, one).events
    assert event.documents == ["both", "one"]
    assert "one: names ukraine, a party to it, same day 2025-05-16" in event.why


def test_an_account_naming_one_side_does_not_chain_two_events(rs):
    """Kyiv's talks with Moscow and with Washington, a day apart, and an account that names only
    Ukraine between them: it fits both, so it joins neither, and the two stay apart."""
    moscow = article("عقدت اليوم الاثنين محادثات بين وفدي روسيا وأوكرانيا.", "2025-03-10", "moscow")
    vague = article("قال مسؤول أوكراني إن المحادثات التي جرت اليوم الثلاثاء كانت مثمرة.", "2025-03-11", "vague")
    washington = article("عقدت اليوم الأربعاء محادثات بين وفدي أوكرانيا والولايات المتحدة.", "2025-03-12", "washington")
    events = report_of(rs, moscow, vague, washington).events
    assert sorted(e.documents for e in events) == [["moscow"], ["vague"], ["washington"]]


def test_a_vague_account_joins_the_event_in_the_place_it_names(rs):
    """Russia's talks with the US in Riyadh and with Ukraine (no place given), the same day: an
    account naming only Russia and Riyadh could be either, and belongs to the first."""
    riyadh = article("انتهت في الرياض اليوم السبت محادثات بين وفدي روسيا والولايات المتحدة.", "2025-03-22", "riyadh")
    istanbul = article("انتهت اليوم السبت محادثات بين وفدي روسيا وأوكرانيا.", "2025-03-22", "istanbul")
    vague = article("قال رئيس الوفد الروسي إن المحادثات التي جرت في الرياض اليوم كانت بناءة.", "2025-03-22", "vague")
    events = report_of(rs, riyadh, istanbul, vague).events
    assert sorted(e.documents for e in events) == [["istanbul"], ["riyadh", "vague"]]


def test_customary_wordings_naming_opposite_callers_disagree(rs):
    a = article("أجرى الرئيس التركي رجب طيب أردوغان اليوم الاثنين اتصالا هاتفيا مع نظيره الروسي فلاديمير بوتين.", "2023-01-16", "a")
    b = article("أجرى الرئيس الروسي فلاديمير بوتين اليوم الاثنين اتصالا هاتفيا مع نظيره التركي رجب طيب أردوغان.", "2023-01-16", "b")
    r = report_of(rs, a, b)
    assert [(f.rule, f.documents) for f in r.findings] == [("conflict.initiator.weak", ["a", "b"])]


def test_a_page_that_says_who_asked_for_the_call_is_judged_by_that(rs):
    # b's first sentence is neutral English; its second says the Russian side asked: it agrees with a
    a = article("Putin received a phone call from Biden on Thursday.", "2021-12-30", "a")
    b = article("On Thursday, Biden held a telephone conversation with Putin. "
                "The call took place at the request of the American side, the Kremlin said.", "2021-12-30", "b")
    r = report_of(rs, a, b)
    assert [f for f in r.findings if f.attribute == "call.initiator"] == []


def test_a_weekday_alone_that_does_not_fit_the_dated_account_is_a_date_conflict(rs):
    # the undated page joins by its parties and the figures both state; its Wednesday is the finding
    call = "اتصالا هاتفيا مع بوتين بدأ في الساعة العاشرة صباحا بتوقيت موسكو واستمر ساعتين و17 دقيقة."
    dated = article("أجرى ترامب اليوم الخميس " + call, "2025-01-23", "dated")
    weekday = article("أجرى ترامب مساء الأربعاء " + call, None, "weekday")
    r = report_of(rs, dated, weekday)
    assert [e.documents for e in r.events] == [["dated", "weekday"]]
    assert [(f.attribute, f.documents) for f in r.findings] == [("call.date", ["dated", "weekday"])]


def test_a_sessions_length_is_compared_only_with_that_sessions(rs):
    """The first session's two hours and the whole summit's three are both true; two accounts
    of the first session that differ by half are not."""
    whole = article("واستمرت قمة بايدن وبوتين في جنيف اليوم نحو ثلاث ساعات.", "2021-06-16", "whole")
    first = article("واستمرت الجلسة الأولى من قمة بايدن وبوتين في جنيف اليوم ساعتين.", "2021-06-16", "first")
    report = report_of(rs, whole, first)
    assert [sorted(e.documents) for e in report.events] == [["first", "whole"]]
    assert [f for f in report.findings if f.attribute == "meeting.duration"] == []
    short = article("The first session of the Biden-Putin summit in Geneva lasted about an hour today.",
                    "2021-06-16", "short")
    short.language = "en"
    found = [f for f in report_of(rs, whole, first, short).findings if f.attribute == "meeting.duration"]
    assert [sorted(f.documents) for f in found] == [["first", "short"]]


def test_a_length_without_a_part_that_fits_a_sessions_is_no_mistake(rs):
    """"The talks lasted about two hours" may be the first session's two hours another page
    gives: set against the whole summit's four hours it is no finding. A part's unbounded
    length ("more than an hour") fits any whole and silences nothing."""
    first = article("واستمرت الجلسة الأولى من قمة بايدن وبوتين في جنيف اليوم ساعتين.", "2021-06-16", "first")
    whole = article("واستمرت قمة بايدن وبوتين في جنيف اليوم نحو أربع ساعات.", "2021-06-16", "whole")
    loose = article("وقال بيسكوف إن محادثات بايدن وبوتين في جنيف اليوم استمرت نحو ساعتين.", "2021-06-16", "loose")
    durations = lambda r: [sorted(f.documents) for f in r.findings if f.attribute == "meeting.duration"]  # noqa: E731
    assert durations(report_of(rs, whole, loose)) == [["loose", "whole"]]
    assert durations(report_of(rs, first, whole, loose)) == []
    expanded = article("واستمر الاجتماع الموسع بين بايدن وبوتين في جنيف اليوم أكثر من ساعة.", "2021-06-16", "first")
    assert durations(report_of(rs, expanded, whole, loose)) == [["loose", "whole"]]


def test_a_part_named_only_by_pointing_back_is_compared_with_nothing(rs):
    """"That round" and "this part" name no part by themselves: an hour and two hours of them
    may be two different sittings."""
    a = article("Biden and Putin met in Geneva today. Talks resumed after a break. That round ended after about "
                "an hour.", "2021-06-16", "a")
    b = article("Biden and Putin met in Geneva today. This part of the talks was set for an hour, but it went on "
                "for almost two hours.", "2021-06-16", "b")
    a.language = b.language = "en"
    report = report_of(rs, a, b)
    assert len(report.events) == 1
    assert [f for f in report.findings if f.attribute == "meeting.duration"] == []


def test_a_meeting_and_the_talks_held_at_it_in_one_sentence_are_one_event(rs):
    text = "اجتمع مفاوضون روس وأوكرانيون في إسطنبول اليوم الثلاثاء في أول محادثات سلام مباشرة بينهم منذ أسبوعين."
    report = report_of(rs, article(text, "2022-03-29", "istanbul"))
    assert [(e.type, e.date.date_from.isoformat()) for e in report.events] == [("meeting", "2022-03-29")]
