"""Event coreference as a scored decision: accounts that agree on the rest meet even when one
slot (the day) disagrees, and the disagreement becomes the finding."""

from __future__ import annotations

import pytest

from checker.pipeline import analyse
from helpers import article


def events_and_findings(rs, *docs):
    r = analyse(list(docs), rs)
    return sorted(e.documents for e in r.events), sorted((f.attribute, tuple(f.documents)) for f in r.findings)


def test_a_call_dated_two_days_off_joins_when_the_rest_agrees_and_the_date_is_the_finding(rs):
    a = article("أجرى الرئيس الروسي فلاديمير بوتين في 12 فبراير 2025 اتصالاً هاتفياً مع الرئيس الأمريكي دونالد ترامب "
                "استمر نحو ساعة ونصف.", "2025-02-13", "a")
    b = article("استمر الاتصال الهاتفي بين بوتين وترامب في 12 فبراير 2025 نحو ساعة ونصف.", "2025-02-13", "b")
    off = article("استمر الاتصال الهاتفي بين بوتين وترامب في 14 فبراير 2025 نحو ساعة ونصف.", "2025-02-15", "off")
    events, findings = events_and_findings(rs, a, b, off)
    assert events == [["a", "b", "off"]]
    assert [f for f in findings if f[0] == "call.date"] and all("off" in f[1] for f in findings)


def test_calls_a_week_apart_between_the_same_leaders_are_two_events(rs):
    a = article("أجرى ترامب في 12 فبراير 2025 اتصالاً هاتفياً مع بوتين استمر نحو ساعة ونصف.", "2025-02-13", "a")
    b = article("أجرى ترامب في 20 فبراير 2025 اتصالاً هاتفياً مع بوتين استمر نحو ساعة ونصف.", "2025-02-21", "b")
    events, findings = events_and_findings(rs, a, b)
    assert events == [["a"], ["b"]] and findings == []


def test_a_page_without_any_date_joins_the_one_call_between_its_parties(rs):
    dated = article("أجرى الرئيس الأمريكي دونالد ترامب اليوم اتصالاً هاتفياً مع الرئيس الروسي فلاديمير بوتين "
                    "استمر أكثر من ساعتين.", "2025-03-18", "dated")
    undated = article("استمر الاتصال الهاتفي بين ترامب وبوتين نحو ساعة.", None, "undated")
    events, findings = events_and_findings(rs, dated, undated)
    assert events == [["dated", "undated"]]
    assert ("call.duration", ("dated", "undated")) in findings


def test_a_page_without_any_date_fitting_two_calls_joins_neither(rs):
    # (nor does it tie them: an account that fits two dated events equally joins neither)
    first = article("أجرى ترامب في 12 فبراير 2025 اتصالاً هاتفياً مع بوتين.", "2025-02-12", "first")
    second = article("أجرى ترامب في 18 مارس 2025 اتصالاً هاتفياً مع بوتين.", "2025-03-18", "second")
    undated = article("استمر الاتصال الهاتفي بين ترامب وبوتين نحو ساعة.", None, "undated")
    events, _ = events_and_findings(rs, first, second, undated)
    assert events == [["first"], ["second"], ["undated"]]


def test_calls_sharing_one_leader_with_other_parties_are_two_events(rs):
    a = article("أجرى ترامب اليوم اتصالاً هاتفياً مع بوتين استمر نحو ساعة.", "2025-05-19", "a")
    b = article("أجرى ترامب اليوم اتصالاً هاتفياً مع زيلينسكي استمر أكثر من ساعتين.", "2025-05-19", "b")
    events, findings = events_and_findings(rs, a, b)
    assert events == [["a"], ["b"]] and findings == []


def test_why_gives_the_evidence_for_and_against(rs):
    a = article("أجرى ترامب في 12 فبراير 2025 اتصالاً هاتفياً مع بوتين.", "2025-02-12", "a")
    b = article("أجرى ترامب في 13 فبراير 2025 اتصالاً هاتفياً مع بوتين.", "2025-02-13", "b")
    [event] = analyse([a, b], rs).events
    assert event.why.startswith("a, b: same parties (putin, trump), dated 2025-02-13, 1 day(s) from 2025-02-12")


def test_a_page_address_with_a_day_gives_the_estimated_publication_date(rs):
    from checker.resolve.publication import estimate_publication

    doc = article("أجرى ترامب اليوم اتصالاً هاتفياً مع بوتين.", None, "addr")
    doc = doc.model_copy(update={"url": "https://news.example/world/2025/03/18/trump-putin-call"})
    dated = estimate_publication(doc, rs)
    assert dated.published.day.isoformat() == "2025-03-18" and dated.published.how.startswith("estimated")
    assert doc.published.day is None  # a new document; the input is unchanged
    [claim] = [c for c in analyse([doc], rs).claims if c.attribute == "call.date"]
    assert claim.value.day.isoformat() == "2025-03-18"


def test_a_today_weekday_narrows_the_window_of_the_latest_full_date(rs):
    from checker.resolve.publication import estimate_publication

    doc = article("قال الكرملين اليوم الخميس إن بوتين اتصل بترامب. وكانت المحادثات قد جرت في 16 مايو 2025.", None, "wd")
    dated = estimate_publication(doc, rs)
    # 16 May 2025 was a Friday: the Thursday after it is 22 May
    assert dated.published.day.isoformat() == "2025-05-22" and dated.published.how.startswith("estimated")


def test_an_address_with_a_year_and_month_bounds_the_latest_date_a_page_states(rs):
    from checker.resolve.publication import estimate_publication

    # the latest full date is a file photo's caption, months before the address's month
    doc = article("بايدن يلتقي شي في قمة افتراضية، 15 نوفمبر 2021. وأعلن البيت الأبيض أن بايدن سيتحدث الجمعة "
                  "مع شي في مكالمة هاتفية.", None, "month")
    doc = doc.model_copy(update={"url": "https://news.example/Web/News/2022/03/1468777.html"})
    pub = estimate_publication(doc, rs).published
    assert (pub.date_from.isoformat(), pub.date_to.isoformat()) == ("2022-03-01", "2022-03-31")
    # a full date within that month narrows it as before
    doc = doc.model_copy(update={"url": "https://news.example/Web/News/2021/11/1468777.html"})
    assert estimate_publication(doc, rs).published.date_from.isoformat() == "2021-11-15"


def test_an_article_number_in_the_address_is_no_date(rs):
    from checker.resolve.publication import from_url

    assert from_url("https://news.example/article/201903447") is None
    assert from_url("https://news.example/a-20250524123") is None
    assert from_url("https://news.example/news-20250524.html").day.isoformat() == "2025-05-24"


def test_today_with_a_weekday_on_an_undated_page_resolves_within_the_estimated_week(rs):
    """No publication date, but the page states 12 February 2025 in full: it was published in
    the week after, and "today, Friday" is the one Friday of that week: the day it was published."""
    doc = article("قال الكرملين إن بوتين وترامب تحدثا هاتفياً في 12 فبراير 2025. "
                  "وأجرى ترامب اليوم الجمعة اتصالاً هاتفياً مع زيلينسكي.", None, "week")
    r = analyse([doc], rs)
    [published] = [d.published for d in r.documents]
    assert published.day.isoformat() == "2025-02-14" and published.how.startswith("estimated")
    days = sorted(c.value.day.isoformat() for c in r.claims if c.attribute == "call.date")
    assert days == ["2025-02-12", "2025-02-14"]


def test_a_day_and_month_without_a_year_places_an_undated_account(rs):
    first = article("أجرى ترامب في 12 فبراير 2025 اتصالاً هاتفياً مع بوتين.", "2025-02-12", "first")
    second = article("أجرى ترامب في 18 مارس 2025 اتصالاً هاتفياً مع بوتين.", "2025-03-18", "second")
    undated = article("استمر الاتصال الهاتفي بين ترامب وبوتين في 18 مارس نحو ساعة.", None, "undated")
    events, _ = events_and_findings(rs, first, second, undated)
    assert events == [["first"], ["second", "undated"]]


def test_an_undated_account_a_month_off_with_the_events_weekday_joins_and_its_date_is_the_finding(rs):
    # 12 March 2025 was a Wednesday, as was 12 February: the month is the slip
    dated = article("أجرى ترامب يوم الأربعاء 12 مارس 2025 اتصالاً هاتفياً مع بوتين استمر ساعتين.", "2025-03-12", "dated")
    other = article("أجرى ترامب في 20 يناير 2025 اتصالاً هاتفياً مع بوتين.", "2025-01-20", "other")
    slip = article("أجرى ترامب يوم الأربعاء 12 فبراير اتصالاً هاتفياً مع بوتين استمر ساعتين.", None, "slip")
    events, findings = events_and_findings(rs, dated, other, slip)
    assert events == [["dated", "slip"], ["other"]]
    assert ("call.date", ("dated", "slip")) in findings


def test_an_undated_account_a_month_off_on_another_weekday_stays_apart(rs):
    dated = article("أجرى ترامب يوم الأربعاء 12 مارس 2025 اتصالاً هاتفياً مع بوتين.", "2025-03-12", "dated")
    other = article("أجرى ترامب يوم الخميس 12 فبراير اتصالاً هاتفياً مع بوتين.", None, "other")
    events, _ = events_and_findings(rs, dated, other)
    assert events == [["dated"], ["other"]]


def test_an_undated_account_a_weekday_off_that_shares_the_details_joins_and_its_day_is_the_finding(rs):
    """A page without a date says Wednesday of the Thursday swap in Abu Dhabi of two prisoners:
    a slip, compared, not another exchange; a page saying only Monday of a swap stays apart."""
    dated = article("وذكرت الخارجية الروسية أن عملية التبادل بين روسيا والولايات المتحدة تمت اليوم الخميس في أبو ظبي، "
                    "وشملت تبادل سجينين.", "2022-12-08", "dated")
    slip = article("وجرى تبادل سجينين بين روسيا والولايات المتحدة يوم الأربعاء في أبو ظبي.", None, "slip")
    events, findings = events_and_findings(rs, dated, slip)
    assert events == [["dated", "slip"]]
    assert ("exchange.date", ("dated", "slip")) in findings or ("exchange.date", ("slip", "dated")) in findings
    monday = article("وجرى تبادل سجناء بين روسيا والولايات المتحدة يوم الاثنين.", None, "monday")
    events, _ = events_and_findings(rs, dated, monday)
    assert events == [["dated"], ["monday"]]


def test_the_first_call_since_taking_office_tells_an_undated_account_from_the_fifth(rs):
    first = article("أجرى بايدن يوم 10 فبراير 2021 اتصالا هاتفيا مع شي جين بينغ، في أول اتصال بينهما منذ تولي بايدن منصبه.",
                    "2021-02-10", "first")
    fifth = article("أجرى بايدن يوم 28 يوليو 2022 اتصالا هاتفيا مع شي جين بينغ، وهذا الاتصال هو الخامس بينهما منذ تولي "
                    "بايدن منصبه.", "2022-07-28", "fifth")
    undated = article("أجرى بايدن اتصالا هاتفيا مع شي جين بينغ للمرة الأولى منذ تولي بايدن مهام منصبه في 20 يناير.", None, "undated")
    events, _ = events_and_findings(rs, first, fifth, undated)
    assert events == [["fifth"], ["first", "undated"]]


def undated_page(text, doc_id, url):
    """A page that states no date, published on the day its address gives."""
    return article(text, None, doc_id).model_copy(update={"url": url})


def test_undated_accounts_on_pages_published_months_apart_are_two_events(rs):
    august = undated_page("وأعلنت الإمارات نجاح وساطتها في تبادل 146 أسيرا من كل جانب بين روسيا وأوكرانيا.", "august",
                          "https://news.example/2025/08/24/swap")
    february = undated_page("وأعلنت الإمارات نجاح وساطتها في تبادل 157 أسيرا من كل جانب بين روسيا وأوكرانيا.",
                            "february", "https://news.example/2026/02/05/swap")
    events, findings = events_and_findings(rs, august, february)
    assert events == [["august"], ["february"]] and findings == []


def test_undated_accounts_on_pages_published_days_apart_are_two_events(rs):
    # leaders who speak often: a page that gives no day reports the call of its own day
    first = undated_page("وأجرى الرئيس الروسي بوتين اتصالا هاتفيا مع نظيره الإيراني بزشكيان استمر ساعة.", "first",
                         "https://news.example/2026/03/06/call")
    second = undated_page("وأجرى الرئيس الروسي بوتين اتصالا هاتفيا مع نظيره الإيراني بزشكيان استمر نصف ساعة.", "second",
                          "https://news.example/2026/03/10/call")
    events, findings = events_and_findings(rs, first, second)
    assert events == [["first"], ["second"]] and findings == []


def test_undated_accounts_stating_other_weekdays_are_two_events(rs):
    wednesday = article("أجرى بوتين اليوم الأربعاء اتصالاً هاتفياً مع ترامب.", None, "wednesday")
    saturday = article("أجرى بوتين اليوم السبت اتصالاً هاتفياً مع ترامب.", None, "saturday")
    again = article("وقال الكرملين إن بوتين وترامب تحدثا هاتفياً اليوم الأربعاء.", None, "again")
    events, _ = events_and_findings(rs, wednesday, saturday, again)
    assert events == [["again", "wednesday"], ["saturday"]]


def test_a_day_and_month_ten_days_after_publication_is_in_the_coming_year(rs):
    import datetime as dt

    from checker.extract.values import DatePhrase
    from checker.models import Published
    from checker.resolve.dates import resolve_date

    new_year = Published(date_from=dt.date(2021, 12, 31), date_to=dt.date(2021, 12, 31))
    assert resolve_date(DatePhrase(0, 1, day=10, month=1), new_year).day.isoformat() == "2022-01-10"
    assert resolve_date(DatePhrase(0, 1, day=19, month=12), new_year).day.isoformat() == "2021-12-19"
    assert resolve_date(DatePhrase(0, 1, day=2, month=1), new_year).day.isoformat() == "2022-01-02"


def test_a_findings_fingerprint_survives_another_event_joining_the_run(rs):
    """Event ids are numbers in the order of the run; a baseline must not depend on them."""
    a = article("استمر الاتصال الهاتفي بين بوتين وترامب اليوم نحو ساعة ونصف.", "2025-03-18", "a")
    b = article("استمر الاتصال الهاتفي بين بوتين وترامب اليوم أكثر من ساعتين.", "2025-03-18", "b")
    earlier = article("أجرى ترامب اليوم اتصالاً هاتفياً مع زيلينسكي.", "2025-02-01", "earlier")
    alone = analyse([a, b], rs)
    joined = analyse([a, b, earlier], rs)
    [before] = [f for f in alone.findings if f.attribute == "call.duration"]
    [after] = [f for f in joined.findings if f.attribute == "call.duration"]
    assert before.event != after.event and before.fingerprint == after.fingerprint


def test_talks_and_a_meeting_on_one_day_between_the_same_sides_are_one_event(rs):
    """One outlet calls the visit talks, another a meeting: one event, compared on one slot."""
    talks = article("انتهت في موسكو اليوم محادثات بين وفدي روسيا والولايات المتحدة استمرت نحو ثلاث ساعات.", "2025-08-06", "talks")
    meeting = article("التقى الرئيس الروسي فلاديمير بوتين في موسكو اليوم المبعوث الأمريكي ستيف ويتكوف في اجتماع استمر ساعة واحدة.",
                      "2025-08-06", "meeting")
    r = analyse([talks, meeting], rs)
    [event] = [e for e in r.events if "talks" in e.documents]
    assert event.documents == ["meeting", "talks"]
    durations = {c.attribute for c in r.claims if c.attribute.endswith(".duration")}
    assert durations == {f"{event.type}.duration"}
    assert [f.attribute for f in r.findings if f.attribute.endswith(".duration")] == [f"{event.type}.duration"]


def test_pages_that_give_no_day_report_the_news_of_their_own_day(rs):
    # a call dated 6 March; two pages of 10 March speak of "a new call" without a day: they are
    # one call together, not the call of four days before
    first = article("أجرى الرئيس الروسي فلاديمير بوتين اليوم الجمعة اتصالا هاتفيا مع نظيره الإيراني مسعود بزشكيان.",
                    "2026-03-06", "first")
    new_a = article("أجرى بوتين اتصالا هاتفيا جديدا مع بزشكيان بحثا خلاله تطورات المنطقة.", "2026-03-10", "new_a")
    new_b = article("بحث الرئيس الإيراني مسعود بزشكيان في اتصال هاتفي مع بوتين التصعيد العسكري.", "2026-03-10", "new_b")
    events, _ = events_and_findings(rs, first, new_a, new_b)
    assert events == [["first"], ["new_a", "new_b"]]


def test_a_page_published_the_next_day_without_a_day_joins_the_call_of_the_day_before(rs):
    dated = article("أجرى الرئيس الروسي فلاديمير بوتين اليوم الجمعة اتصالا هاتفيا مع نظيره الإيراني مسعود بزشكيان.",
                    "2026-03-06", "dated")
    next_day = article("بحث بوتين وبزشكيان في اتصال هاتفي التصعيد العسكري في المنطقة.", "2026-03-07", "next_day")
    events, _ = events_and_findings(rs, dated, next_day)
    assert events == [["dated", "next_day"]]


def test_titles_date_an_undated_page_between_two_calls_of_one_weekday(rs):
    # two Thursday calls between Trump and Sisi, eight years apart; the undated page calls Trump
    # president-elect, which he was only in the first
    elect = article("تلقى الرئيس عبد الفتاح السيسي اليوم الخميس مكالمة من الرئيس الأمريكي المنتخب دونالد ترامب.",
                    "2016-12-22", "elect")
    later = article("تلقى الرئيس عبد الفتاح السيسي اليوم الخميس اتصالا هاتفيا من الرئيس الأمريكي دونالد ترامب.",
                    "2025-10-09", "later")
    undated = article("بحث الرئيس الأمريكي المنتخب دونالد ترامب مع الرئيس عبد الفتاح السيسي يوم الخميس في اتصال هاتفي "
                      "الأوضاع في المنطقة.", None, "undated")
    events, _ = events_and_findings(rs, elect, later, undated)
    assert ["elect", "undated"] in events


def test_an_undated_passage_joins_its_pages_event_before_other_undated_pages_are_placed(rs):
    from checker.models import Segment

    first, second = "أجرى ترامب اليوم الأربعاء اتصالاً هاتفياً مع بوتين.", "وبحث ترامب وبوتين في الاتصال صواريخ توماهوك."
    text = first + "\n\n" + second
    dated = article(text, "2025-02-12", "dated").model_copy(update={"segments": [
        Segment(kind="article", start=0, end=len(first), label="main"),
        Segment(kind="article", start=len(first) + 2, end=len(text), label="main")]})
    other = article("أجرى ترامب في 18 مارس 2025 اتصالاً هاتفياً مع بوتين.", "2025-03-18", "other")
    # its id sorts first; the Tomahawk missiles it names are what the dated page's second passage names
    undated = article("بحث ترامب وبوتين في اتصال هاتفي صواريخ توماهوك.", None, "a-undated")
    events, _ = events_and_findings(rs, dated, other, undated)
    assert events == [["a-undated", "dated"], ["other"]]


def test_a_day_and_month_months_off_on_the_same_weekday_is_another_call(rs):
    # 16 October and 16 January 2025 were both Thursdays: months apart, not a slip of the month
    dated = article("أجرى ترامب يوم الخميس 16 أكتوبر 2025 اتصالاً هاتفياً مع بوتين.", "2025-10-16", "dated")
    other = article("أجرى ترامب يوم الخميس 16 يناير اتصالاً هاتفياً مع بوتين.", None, "other")
    events, findings = events_and_findings(rs, dated, other)
    assert events == [["dated"], ["other"]] and findings == []


def test_a_named_matter_does_not_join_rounds_days_apart(rs):
    a = article("عقد الوفدان الأمريكي والأوكراني يوم الأحد 23 نوفمبر 2025 محادثات بشأن الخطة المكونة من 28 نقطة.",
                "2025-11-23", "a")
    b = article("عقد الوفدان الأمريكي والأوكراني يوم الأربعاء 26 نوفمبر 2025 محادثات جديدة بشأن الخطة المكونة من "
                "28 نقطة.", "2025-11-26", "b")
    events, findings = events_and_findings(rs, a, b)
    assert events == [["a"], ["b"]] and findings == []


def test_a_meeting_in_a_capital_and_one_in_its_country_are_one_place(rs):
    city = article("وصل المبعوث الأمريكي ويتكوف اليوم إلى العاصمة الروسية موسكو للقاء الرئيس الروسي بوتين.",
                   "2026-01-22", "city")
    country = article("التقى الرئيس الروسي بوتين المبعوث الأمريكي ويتكوف اليوم في روسيا.", "2026-01-22", "country")
    events, findings = events_and_findings(rs, city, country)
    assert ["city", "country"] in events
    assert not [f for f in findings if f[0].endswith(".place")]


def test_accounts_of_a_summit_naming_different_leaders_are_one_event(rs):
    a = article("انطلقت اليوم في مدينة شرم الشيخ قمة للسلام بمشاركة الرئيس المصري السيسي والرئيس الأمريكي ترامب "
                "وأمير قطر تميم والرئيس التركي أردوغان.", "2025-10-13", "a")
    b = article("شارك الرئيس الأمريكي ترامب والرئيس المصري السيسي اليوم في قمة شرم الشيخ للسلام.", "2025-10-13", "b")
    events, _ = events_and_findings(rs, a, b)
    assert ["a", "b"] in events


def test_bilateral_and_trilateral_talks_of_one_day_stay_two_events(rs):
    a = article("عقدت في أبوظبي اليوم محادثات بين وفدي روسيا والولايات المتحدة.", "2026-01-24", "a")
    b = article("عقدت في أبوظبي اليوم محادثات ثلاثية بين روسيا وأوكرانيا والولايات المتحدة.", "2026-01-24", "b")
    events, _ = events_and_findings(rs, a, b)
    assert ["a"] in events and ["b"] in events


def test_a_meeting_that_ended_in_the_small_hours_of_friday_is_the_one_held_on_thursday_night(rs):
    ended = article("انتهى الاجتماع بين الرئيس الروسي فلاديمير بوتين والمبعوث الأمريكي ستيف ويتكوف في الكرملين "
                    "فجر الجمعة بعد خمس ساعات.", None, "ended")
    began = article("التقى بوتين ويتكوف في موسكو مساء الخميس.", None, "began")
    events, findings = events_and_findings(rs, ended, began)
    assert ["began", "ended"] in events and not [f for f in findings if f[0].endswith(".date")]


def test_talks_in_ankara_read_as_turkey_and_talks_in_istanbul_are_two_places(rs):
    ankara = article("شهدت أنقرة اليوم السبت محادثات تركية روسية.", "2025-03-15", "ankara")
    istanbul = article("قال وزير الخارجية التركي إن المحادثات التي جرت في إسطنبول اليوم الأحد استمرت نحو ساعة ونصف.",
                       "2025-03-16", "istanbul")
    events, findings = events_and_findings(rs, ankara, istanbul)
    assert ["ankara"] in events and ["istanbul"] in events and not findings


def test_a_named_matter_outweighs_the_undated_pages_own_stale_title(rs):
    elect = article("تلقى الرئيس عبد الفتاح السيسي مساء الخميس اتصالا هاتفيا من الرئيس الأمريكي المنتخب دونالد ترامب، "
                    "تناول مشروع القرار بشأن الاستيطان في مجلس الأمن.", "2016-12-23", "elect")
    later = article("تلقى الرئيس عبد الفتاح السيسي مساء الخميس اتصالا هاتفيا من الرئيس الأمريكي دونالد ترامب، "
                    "هنأه فيه على نجاح اتفاق غزة.", "2025-10-10", "later")
    undated = article("تلقى الرئيس عبد الفتاح السيسي يوم الخميس اتصالا هاتفيا من الرئيس الأمريكي دونالد ترامب، "
                      "تناول مشروع القرار بشأن الاستيطان في مجلس الأمن.", None, "undated")
    r = analyse([elect, later, undated], rs)
    assert ["elect", "undated"] in [e.documents for e in r.events]
    assert [f.documents for f in r.findings if f.rule == "knowledge.title"] == [["undated"]]


def test_a_meeting_on_the_sidelines_of_a_summit_is_not_the_summit(rs):
    sideline = article("التقى الرئيس المصري عبد الفتاح السيسي الرئيس الفرنسي إيمانويل ماكرون على هامش القمة العربية "
                       "في بغداد اليوم.", "2025-05-17", "sideline")
    summit = article("انطلقت القمة العربية في بغداد اليوم بحضور قادة الدول العربية.", "2025-05-17", "summit")
    leaders = article("شارك السيسي وماكرون وأردوغان وأمير قطر تميم اليوم في قمة بغداد.", "2025-05-17", "leaders")
    again = article("التقى السيسي ماكرون على هامش قمة بغداد اليوم وبحثا الأوضاع في غزة.", "2025-05-17", "again")
    events, _ = events_and_findings(rs, sideline, summit, leaders, again)
    assert ["again", "sideline"] in events and ["leaders", "summit"] in events


def test_english_a_meeting_on_the_sidelines_keeps_apart_from_the_summit(rs):
    sideline = article("Egyptian President Abdel Fattah al-Sisi met French President Emmanuel Macron on the sidelines "
                       "of the Arab summit in Baghdad on Saturday.", "2025-05-17", "sideline")
    summit = article("The Arab summit opened in Baghdad on Saturday with Arab leaders attending.", "2025-05-17", "summit")
    sideline.language = summit.language = "en"
    events, _ = events_and_findings(rs, sideline, summit)
    assert ["sideline"] in events and ["summit"] in events


def test_two_sittings_a_page_tells_apart_are_two_events_for_every_page(rs):
    """One page reports Monday's informal meeting and Tuesday's talks of the same two leaders:
    another page's Tuesday talks are Tuesday's sitting, not Monday's with a wrong day."""
    monday = article("اجتمع الرئيس الروسي فلاديمير بوتين والرئيس الصيني شي جين بينغ في الكرملين اليوم.",
                     "2023-03-20", "monday")
    tuesday = article("أجرى الرئيس الروسي فلاديمير بوتين والرئيس الصيني شي جين بينغ محادثات رسمية في الكرملين اليوم.",
                      "2023-03-21", "tuesday")
    both = article("يواصل الرئيس الصيني شي جين بينغ والرئيس الروسي فلاديمير بوتين محادثاتهما في موسكو اليوم الثلاثاء. "
                   "وكان بوتين والرئيس الصيني شي جين بينج قد عقدا اجتماعا غير رسمي يوم أمس الاثنين.",
                   "2023-03-21", "z-both")  # read last on its day: the other Tuesday page comes first
    events, findings = events_and_findings(rs, monday, tuesday, both)
    assert events == [["monday", "z-both"], ["tuesday", "z-both"]]
    assert [f for f in findings if f[0].endswith(".date")] == []


def test_an_undated_account_a_weekday_off_that_shares_one_detail_is_the_next_days_event(rs):
    """Another call of the same two leaders the next day, about as long: nothing but the
    length ties it to Tuesday's, so it is Wednesday's call, and no date is in conflict."""
    tuesday = article("أجرى أردوغان اتصالا هاتفيا مع بوتين اليوم الثلاثاء استمر نحو ساعة.", "2025-05-13", "tuesday")
    wednesday = article("أجرى أردوغان اتصالا هاتفيا آخر مع بوتين يوم الأربعاء استمر نحو ساعة.", None, "wednesday")
    events, findings = events_and_findings(rs, tuesday, wednesday)
    assert events == [["tuesday"], ["wednesday"]] and findings == []



def test_an_exchange_naming_more_nationalities_joins_the_event_of_its_sides(rs):
    """The sides and the nationalities freed are a loose list: an account naming Germany and
    Poland beside Russia and the US is the same exchange, also when it is aligned after the
    account of the two sides only."""
    sides = article("جرت يوم الخميس عملية تبادل للأسرى بين الولايات المتحدة وروسيا، وجرى إطلاق سراح ما مجموعه "
                    "24 شخصا.", None, "a-sides")
    more = article("وتضم عملية التبادل التي جرت الخميس 26 سجينا بالمجموع من الولايات المتحدة وألمانيا وبولندا "
                   "وروسيا.", None, "b-more")
    expected = ([["a-sides", "b-more"]], [("exchange.prisoners", ("a-sides", "b-more"))])
    assert events_and_findings(rs, sides, more) == expected


def test_earlier_exchanges_recalled_without_a_day_are_not_compared(rs):
    """"Most recently 95 from both sides last month" and "one of the largest, 478 in all" may
    be any two earlier swaps: neither joins the other, and their counts are not set against each other."""
    a = article("Russia and Ukraine swapped 115 prisoners each on Saturday. The two sides have held several swaps "
                "before, most recently exchanging 95 servicemen from both sides last month.", "2024-08-24", "a")
    a.language = "en"
    b = article("وتبادلت روسيا وأوكرانيا يوم السبت 115 أسيرا من كل جانب. وكانت من أكبر عمليات التبادل تلك التي "
                "جرت عندما تبادلت الدولتان ما مجموعه 478 أسيراً.", "2024-08-24", "b")
    events, findings = events_and_findings(rs, a, b)
    assert ["a", "b"] in events and findings == []


def test_an_undated_call_whose_page_recalls_the_call_of_a_day_is_not_that_call(rs):
    march = article("أجرى الرئيس الأمريكي جو بايدن اتصالا هاتفيا مع الرئيس الصيني شي جين بينغ اليوم الجمعة "
                    "استمر نحو ساعة ونصف.", "2022-03-18", "march")
    later = article("دامت المكالمة الهاتفية بين الرئيس الأمريكي جو بايدن والرئيس الصيني شي جين بينغ ساعتين و17 دقيقة. "
                    "وذكّر البيان بأن آخر محادثة هاتفية أجراها الزعيمان كانت في 18 آذار.", None, "later")
    events, findings = events_and_findings(rs, march, later)
    # the recalled call of 18 March is the March call; the undated one reported is another
    # call, whose two hours and 17 minutes are no conflict with the hour and a half of March
    assert events == [["later"], ["later", "march"]]
    assert not [f for f in findings if f[0] == "call.duration"]


def test_a_day_and_month_far_from_when_the_other_accounts_were_published_is_another_exchange(rs):
    nov = article("أطلقت حماس سراح 12 رهينة تايلانديا يوم الجمعة 24 نوفمبر في إطار صفقة التبادل مع إسرائيل.", None, "nov")
    feb = article("أطلقت حماس سراح 5 رهائن تايلانديين في إطار صفقة التبادل مع إسرائيل.", "2025-02-01", "feb")
    events, findings = events_and_findings(rs, nov, feb)
    assert sorted(events) == [["feb"], ["nov"]] and not findings


@pytest.mark.parametrize("other", [
    ("أعلنت الرئاسة التركية أن أردوغان أجرى اتصالا هاتفيا مع بوتين استمر 40 دقيقة.", "2024-04-12"),  # weeks later
    ("بحث الرئيس الروسي فلاديمير بوتين والرئيس التركي رجب طيب أردوغان في اتصال هاتفي يوم الجمعة الوضع في غزة.", None),
])
def test_an_undated_account_never_ties_a_dated_call_to_one_that_does_not_fit_it(rs, other):
    dated = article("أجرى الرئيس الروسي فلاديمير بوتين اتصالا هاتفيا مع الرئيس التركي رجب طيب أردوغان يوم الثلاثاء "
                    "استمر ساعة.", "2024-03-20", "dated")
    later = article(other[0], other[1], "other")
    vague = article("أجرى أردوغان وبوتين اتصالا هاتفيا بحثا خلاله العلاقات الثنائية.", None, "vague")
    events, findings = events_and_findings(rs, dated, later, vague)
    assert ["dated"] in events and not [f for f in findings if set(f[1]) == {"dated", "other"}]


def test_a_call_recalled_with_its_day_is_not_the_next_days_call(rs):
    recalls = article("أجرى بوتين وأردوغان اتصالا هاتفيا بحثا خلاله الأزمة الأوكرانية. وكانت آخر محادثة بينهما "
                      "في 18 آذار.", "2024-03-20", "recalls")
    dated = article("أجرى بوتين اتصالا هاتفيا مع أردوغان يوم الثلاثاء.", "2024-03-20", "dated")
    events, findings = events_and_findings(rs, recalls, dated)
    assert events == [["dated", "recalls"], ["recalls"]] and not findings


def test_parties_half_a_world_apart_may_give_the_call_dates_a_day_apart(rs):
    us = article("أجرى الرئيس الأمريكي جو بايدن اتصالا هاتفيا مع الرئيس الصيني شي جين بينغ يوم الأربعاء.", "2021-02-11", "us")
    cn = article("أجرى الرئيس الصيني شي جين بينغ اتصالا هاتفيا مع الرئيس الأمريكي جو بايدن يوم الخميس.", "2021-02-11", "cn")
    ru = article("أجرى بوتين اتصالا هاتفيا مع ترامب يوم الثلاثاء.", "2025-03-20", "ru")
    us2 = article("أجرى بوتين اتصالا هاتفيا مع ترامب يوم الأربعاء.", "2025-03-20", "us2")
    _, findings = events_and_findings(rs, us, cn, ru, us2)
    dates = [f[1] for f in findings if f[0] == "call.date"]
    assert dates == [("ru", "us2")]  # Washington and Moscow are 7 hours apart: a day off is a finding
