"""Claims read from article text: one fixture sentence, the claim it must yield."""

from __future__ import annotations

import pytest

from checker.extract.claims import extract, split_sentences
from helpers import article


def claims_of(rs, text, published="2025-05-19", attribute=None):
    doc = article(text, published)
    _, claims = extract(doc, rs)
    return [c for c in claims if attribute is None or c.attribute == attribute]


def test_evidence_span_slices_the_original_text(rs):
    text = "أجرى الرئيس الأمريكي دونالد ترامب اليوم الأربعاء اتصالاً هاتفياً بالرئيس الروسي فلاديمير بوتين استمر نحو ساعة ونصف."
    for c in claims_of(rs, text, "2025-02-12"):
        assert text[c.span[0]:c.span[1]] == c.text


def test_duration_about_an_hour_and_a_half(rs):
    [c] = claims_of(rs, "أجرى ترامب اتصالا هاتفيا ببوتين استمر نحو ساعة ونصف.", attribute="call.duration")
    assert (c.value.min, c.value.max, c.qualifier) == (76.5, 103.5, "about")


def test_duration_more_than_two_hours_has_no_upper_bound(rs):
    [c] = claims_of(rs, "استمرت المكالمة الهاتفية بين بوتين وترامب أكثر من ساعتين.", attribute="call.duration")
    assert (c.value.min, c.value.max, c.qualifier) == (120, None, "at_least")


def test_duration_with_clitic_qualifier_and_minutes(rs):
    [c] = claims_of(rs, "أجرى بوتين مكالمة هاتفية مع ترامب استمرت لنحو 90 دقيقة.", attribute="call.duration")
    assert c.value.minutes == 90 and c.qualifier == "about"
    [c] = claims_of(rs, "أجرى بوتين مكالمة هاتفية مع ترامب استمرت ساعة و40 دقيقة.", attribute="call.duration")
    assert c.value.minutes == 100


def test_relative_day_resolves_on_publication_date_keeping_weekday(rs):
    [c] = claims_of(rs, "بحث بوتين أمس الثلاثاء مع ترامب في مكالمة هاتفية سبل التسوية.", "2025-03-19", "call.date")
    assert c.value.day.isoformat() == "2025-03-18" and c.value.weekday == 1


def test_absolute_date_with_stated_weekday(rs):
    [c] = claims_of(rs, "أجرى ترامب مكالمة هاتفية مع بوتين يوم الثلاثاء 19 مايو 2025.", "2025-05-20", "call.date")
    assert c.value.day.isoformat() == "2025-05-19" and c.value.weekday == 1


def test_a_verb_spelled_like_a_bare_weekday_dates_nothing(rs):
    """"جمعه" (brought him together) folds to the spelling of a bare جمعة: only the weekday
    with its article (والجمعة, يوم الجمعة) is a day."""
    text = "وهو أول اتصال بين بوتين وترامب منذ اللقاء الذي جمعه به في ألاسكا."
    assert [c for c in claims_of(rs, text, "2025-03-05") if c.value.type == "date"] == []
    [c] = claims_of(rs, "والتقى بوتين وترامب يوم الجمعة في ألاسكا.", "2025-03-05", "meeting.date")
    assert c.value.weekday == 4


def test_the_months_other_name_in_brackets_keeps_the_year(rs):
    text = "عقد الوفدان الروسي والأوكراني الجولة الرابعة من اجتماعاتهما في إسطنبول في 29 مارس (آذار) 2022."
    [c] = claims_of(rs, text, "2025-05-19", "meeting.date")
    assert c.value.day.isoformat() == "2022-03-29"


def test_a_datelines_day_before_the_agency_is_the_filing_day_not_the_events(rs):
    text = ("جنيف 17 يونيو 2021 (وال) -انتهت في جنيف جولة من المحادثات الموسعة بين بايدن وبوتين جرت في إطار "
            "القمة المنعقدة أمس الأربعاء.")
    [c] = claims_of(rs, text, "2021-06-17", "talks.date")
    assert c.value.day.isoformat() == "2021-06-16"


def test_levantine_month_and_eastern_digits(rs):
    [c] = claims_of(rs, "أجرى ترامب اتصالا هاتفيا مع بوتين في ١٨ آذار الماضي.", "2025-05-19", "call.date")
    assert c.value.day.isoformat() == "2025-03-18"


def test_time_with_zone(rs):
    [c] = claims_of(rs, "بدأت المكالمة الهاتفية بين بوتين وترامب في الخامسة مساءً بتوقيت موسكو.", attribute="call.time")
    assert (c.value.hour, c.value.zone) == (17, "Europe/Moscow")


def test_time_without_zone_keeps_candidate_zones(rs):
    [c] = claims_of(rs, "قال ترامب إنه سيجري اتصالا هاتفيا مع بوتين في العاشرة صباحا.", attribute="call.time")
    assert c.value.zone is None and c.value.hour == 10
    assert set(c.value.candidates) == {"America/New_York", "Europe/Moscow"}


@pytest.mark.parametrize("text, caller, strength", [
    ("تلقى الرئيس الروسي فلاديمير بوتين، اليوم الأربعاء، اتصالاً هاتفياً من الرئيس الأمريكي دونالد ترامب.", "trump", "strong"),
    ("قالت مصادر إن الرئيس فلاديمير بوتين اتصل أمس الأربعاء بنظيره الأمريكي دونالد ترامب.", "putin", "strong"),
    ("أجرى الرئيس الأمريكي دونالد ترامب، اليوم الثلاثاء، اتصالاً هاتفياً مع نظيره الروسي فلاديمير بوتين.", "trump", "weak"),
])
def test_initiator(rs, text, caller, strength):
    [c] = claims_of(rs, text, attribute="call.initiator")
    assert (c.value.caller, c.value.strength) == (caller, strength)


def test_title_former_us_president(rs):
    cs = claims_of(rs, "أجرى الرئيس الأمريكي السابق دونالد ترامب مكالمة هاتفية مع الرئيس الروسي فلاديمير بوتين.",
                   attribute="person.title")
    by = {c.subject: c.value for c in cs}
    assert (by["trump"].role, by["trump"].country, by["trump"].status) == ("president", "usa", "former")
    assert (by["putin"].role, by["putin"].country, by["putin"].status) == ("president", "russia", "current")


def test_counterpart_takes_the_role_of_the_other_leader(rs):
    cs = claims_of(rs, "بدأت محادثة هاتفية بين الرئيس الروسي فلاديمير بوتين، ونظيره الأمريكي دونالد ترامب.",
                   attribute="person.title")
    trump = next(c.value for c in cs if c.subject == "trump")
    assert (trump.role, trump.country) == ("president", "usa")


def test_a_named_counterpart_takes_the_post_the_knowledge_base_gives_them(rs):
    """Rubio's Russian counterpart is Lavrov, a foreign minister: not a secretary of state (a US
    post) and, without a title before him, not a president either."""
    cs = claims_of(rs, "أجرى وزير الخارجية الأمريكي ماركو روبيو اتصالا هاتفيا بنظيره الروسي سيرغي لافروف.",
                   "2025-03-01", attribute="person.title")
    assert {c.subject: (c.value.role, c.value.country) for c in cs}["lavrov"] == ("foreign_minister", "russia")
    cs = claims_of(rs, "أجرى روبيو اتصالا هاتفيا بنظيره الروسي سيرغي لافروف.", "2025-03-01", attribute="person.title")
    assert [(c.subject, c.value.role) for c in cs] == [("lavrov", "foreign_minister")]


def test_spokesman_and_apposition_titles(rs):
    cs = claims_of(rs, "وقال المتحدث باسم الكرملين دميتري بيسكوف إن المكالمة كانت مفيدة. وأكد فلاديمير ميدينسكي، رئيس الوفد الروسي، أن المحادثات في إسطنبول كانت جيدة.",
                   attribute="person.title")
    by = {c.subject: c.value for c in cs}
    assert by["peskov"].role == "kremlin_spokesman"
    assert by["medinsky"].role == "delegation_head" and not by["medinsky"].office


def test_spelling_variants_and_clitics(rs):
    [c] = claims_of(rs, "تلقى بوتين اتصالا هاتفيا من ترمب.", attribute="call.initiator")
    assert c.value.caller == "trump"
    cs = claims_of(rs, "أجرى الرئيس الأوكراني فولوديمير زيلنسكي اتصالا هاتفيا بالرئيس الأمريكي دونالد ترامب.",
                   attribute="call.initiator")
    assert cs[0].value.caller == "zelensky"


@pytest.mark.parametrize("text, per_side, total", [
    ("اتفق الطرفان على تبادل ألف أسير مقابل ألف أسير خلال الأيام المقبلة.", 1000, 2000),
    ("أسفرت المحادثات عن اتفاق على تبادل 2000 أسير حرب.", None, 2000),
    ("اتفقا على أن تتبادل روسيا وأوكرانيا 175 أسيراً من كل جانب.", 175, 350),
    ("اتفقت المحادثات على تبادل خمسمئة أسير من كل طرف.", 500, 1000),
])
def test_exchange_counts(rs, text, per_side, total):
    cs = claims_of(rs, text, attribute="exchange.prisoners")
    assert any(c.value.per_side == per_side and c.value.total == total for c in cs)


def test_staged_count_is_marked_partial(rs):
    [c] = claims_of(rs, "جرى في المرحلة الأولى تبادل 390 أسيرا من كل جانب بعد محادثات إسطنبول.",
                    attribute="exchange.prisoners")
    assert c.value.stage


def test_quoted_speaker_is_kept(rs):
    [c] = claims_of(rs, "وقال المتحدث باسم الكرملين دميتري بيسكوف إن المكالمة الهاتفية مع ترامب بدأت في الخامسة مساءً بتوقيت موسكو.",
                    attribute="call.time")
    assert c.quoted == "peskov"


def test_non_arabic_text_yields_nothing(rs):
    assert claims_of(rs, "The quick brown fox jumps over the lazy dog. 12:30 GMT.") == []


def test_sentences_do_not_split_decimals():
    text = "استمرت 1.5 ساعة. ثم انتهت\nسطر جديد"
    assert [text[a:b] for a, b in split_sentences(text)] == ["استمرت 1.5 ساعة.", "ثم انتهت", "سطر جديد"]


@pytest.mark.parametrize("words, value", [
    ("ألف", 1000), ("ألفين", 2000), ("ثلاثة آلاف", 3000), ("خمسمئة", 500), ("مائة", 100),
    ("1,000", 1000), ("1.000", 1000), ("١٠٠٠", 1000), ("عشرة آلاف", 10000),
])
def test_number_words(rs, words, value):
    from checker.extract.values import grammar, parse_number
    from checker.text.normalize import normalize_word

    assert parse_number(grammar(rs), normalize_word(words)) == value


def test_unseen_spelling_of_a_name_is_matched_fuzzily(rs):
    [c] = claims_of(rs, "تلقى الرئيس الأوكراني فولوديمير زيلينيسكي اتصالا هاتفيا من ترامب.", attribute="call.initiator")
    assert (c.value.caller, c.value.callee) == ("trump", "zelensky")


def test_caller_named_by_side(rs):
    [c] = claims_of(rs, "وقال الكرملين إن المكالمة الهاتفية بين بوتين وترامب جرت بمبادرة من الجانب الأمريكي.",
                    attribute="call.initiator")
    assert c.value.caller == "trump"


def test_talks_are_between_the_countries_named_and_those_their_speakers_represent(rs):
    """The head of the Russian delegation speaks for Russia; Ukraine is only what was discussed."""
    doc = article("قال فلاديمير ميدينسكي، رئيس الوفد الروسي، إن المحادثات التي جرت في الرياض اليوم استمرت "
                  "قرابة أربع ساعات وتناولت سبل التسوية في أوكرانيا.", "2025-03-22")
    [mention] = extract(doc, rs)[0]
    assert (mention.type, mention.participants, mention.place) == ("talks", ["russia"], "riyadh")


# --------------------------------------------------------------------------- families added as data


def test_meeting_place_duration_and_parties(rs):
    """rules/ar/claims/meetings.yaml alone makes a meeting: its place, its duration (through the
    {event}.duration rule) and its parties, the countries of the leaders."""
    text = ("التقى الرئيس التركي رجب طيب أردوغان اليوم الجمعة نظيره الأوكراني فولوديمير زيلينسكي في إسطنبول، "
            "في قمة استمرت نحو ثلاث ساعات.")
    mentions, claims = extract(article(text, "2025-03-07"), rs)
    by = {c.attribute: c for c in claims}
    assert by["meeting.place"].value.place == "istanbul"
    assert (by["meeting.duration"].value.minutes, by["meeting.duration"].qualifier) == (180, "about")
    assert by["meeting.date"].value.day.isoformat() == "2025-03-07"
    [meeting] = [m for m in mentions if m.type == "meeting"]
    assert meeting.participants == ["turkey", "ukraine"] and meeting.place == "istanbul"


def test_meeting_host_is_a_person_claim(rs):
    text = "استقبل الرئيس التركي رجب طيب أردوغان اليوم نظيره الأوكراني فولوديمير زيلينسكي في إسطنبول."
    [host] = claims_of(rs, text, attribute="meeting.host")
    assert host.value.person == "erdogan"


def test_planned_summit_is_no_meeting(rs):
    claims = claims_of(rs, "أجرى ترامب اتصالا هاتفيا ببوتين، وتم الاتفاق على عقد قمة مرتقبة بين الجانبين.")
    assert [c.attribute for c in claims if c.attribute.endswith(".agreement")] == ["call.agreement"]


def test_strike_toll_killed_and_wounded(rs):
    text = "أسفرت غارة روسية على خاركيف الأوكرانية اليوم عن مقتل 12 شخصا على الأقل، وإصابة 30 آخرين."
    by = {c.attribute: c for c in claims_of(rs, text)}
    killed, wounded = by["strike.killed"], by["strike.wounded"]
    assert (killed.value.total, killed.value.bound, killed.value.unit, killed.qualifier) == (12, "at_least", "killed", "at_least")
    assert (wounded.value.total, wounded.value.bound, wounded.value.unit) == (30, "exact", "wounded")
    assert killed.subject == wounded.subject


def test_one_of_is_no_sunday(rs):
    """أحد alone is "one of" (في أحد المباني), not Sunday; الأحد is."""
    text = "انطلقت اليوم محادثات بين وفدي روسيا وأوكرانيا في أحد المباني الحكومية."
    [date] = claims_of(rs, text, attribute="talks.date")
    assert date.value.weekday is None and date.value.day.isoformat() == "2025-05-19"


@pytest.mark.parametrize("text", [
    "وجرى الاتصال الهاتفي فيما تتواصل المواجهات في المنطقة منذ 28 فبراير.",
    "The phone call comes amid a military campaign under way since 28 February.",
    # the day the period began with, a few words after "since": the inauguration, not the call
    "تحدث بايدن هاتفيا مع شي، وهي المرة الأولى منذ أن تسلم الرئيس منصبه رسميا في 20 يناير.",
    "Biden spoke by phone with Xi, the first call since Biden took office on January 20.",
])
def test_a_date_after_since_starts_a_state_and_does_not_date_the_call(rs, text):
    doc = article(text, "2026-03-10")
    doc.language = "en" if text.isascii() else "ar"
    _, claims = extract(doc, rs)
    assert [c for c in claims if c.attribute == "call.date"] == []


def test_a_since_in_another_clause_leaves_the_calls_date(rs):
    text = "أجرى بايدن اتصالا هاتفيا مع شي في 10 فبراير 2021، وهو الأول منذ توليه منصبه."
    [c] = claims_of(rs, text, "2021-02-11", "call.date")
    assert c.value.day.isoformat() == "2021-02-10"


def test_two_days_of_one_month_are_one_span(rs):
    [c] = claims_of(rs, "وعقدت المحادثات الثلاثية في أبوظبي يومي 23 و24 يناير 2026.", "2026-02-05", "talks.date")
    assert (c.value.date_from.isoformat(), c.value.date_to.isoformat()) == ("2026-01-23", "2026-01-24")


def test_days_from_one_to_another_are_one_span(rs):
    # the range words are written as a reader writes them ("إلى" with its hamza), matched normalised
    for words in ("من 10 إلى 12 مارس 2025", "من 10 حتى 12 مارس 2025"):
        [c] = claims_of(rs, f"وعقدت المحادثات بين الوفدين في إسطنبول {words}.", "2025-03-13", "talks.date")
        assert (c.value.date_from.isoformat(), c.value.date_to.isoformat()) == ("2025-03-10", "2025-03-12")


def test_people_who_meet_speak_for_their_countries_not_the_country_discussed(rs):
    doc = article("اجتمع الرئيس الروسي فلاديمير بوتين مع المبعوث الأمريكي ستيف ويتكوف مساء الخميس في الكرملين "
                  "لبحث ملف الحرب الروسية على أوكرانيا.", "2026-01-23")
    mentions, _ = extract(doc, rs)
    assert [sorted(m.participants) for m in mentions] == [["russia", "usa"]]


def test_a_call_recalled_as_the_last_time_is_another_call(rs):
    text = ("استمرت المكالمة الهاتفية بين بايدن وشي جين بينغ ساعتين و17 دقيقة. "
            "وأشير إلى الحفاظ على الاتصال بين البلدين، كما تم التذكير بأن الزعيمين أجريا محادثة هاتفية في 18 مارس آخر مرة.")
    mentions, _ = extract(article(text, None), rs)
    assert [(m.relation, m.date.day_of_month if m.date else None) for m in mentions] == [("reported", None), ("recalled", 18)]


def test_the_dateline_of_the_lead_is_not_the_day_of_the_call(rs):
    text = "كييف – 19 مارس 2022 – ناقش بايدن الحرب في مكالمة هاتفية مع الرئيس الصيني شي جين بينغ."
    assert claims_of(rs, text, "2022-03-19", "call.date") == []


def test_the_day_a_call_was_announced_is_not_its_day(rs):
    text = ("بدأت منذ قليل المكالمة الهاتفية بين بايدن وبوتين، "
            "والتي أعلن عنها الكرملين والبيت الأبيض أمس الأربعاء.")
    assert claims_of(rs, text, "2021-12-30", "call.date") == []


def test_a_new_call_reported_today_is_the_reported_call_not_a_planned_one(rs):
    mentions, _ = extract(article("أجرى الرئيس الروسي فلاديمير بوتين اليوم اتصالا هاتفيا جديدا مع نظيره الإيراني مسعود بزشكيان.",
                                  "2026-03-10"), rs)
    assert [m.relation for m in mentions] == ["reported"]


def test_an_end_announced_in_the_small_hours_may_be_the_day_after_the_meeting_began(rs):
    text = "أعلن الكرملين في بيان، فجر اليوم الجمعة، انتهاء الاجتماع بين بوتين والمبعوث الأمريكي ستيف ويتكوف."
    [c] = claims_of(rs, text, "2026-01-23", "meeting.date")
    assert (c.value.date_from.isoformat(), c.value.date_to.isoformat()) == ("2026-01-22", "2026-01-23")
    # ended on a day, with nothing of its small hours: that day
    [c] = claims_of(rs, "انتهت اليوم الجمعة المحادثات بين وفدي روسيا وأوكرانيا في إسطنبول.", "2025-05-16", "talks.date")
    assert c.value.day.isoformat() == "2025-05-16"


def test_the_events_own_day_after_a_first_since_stays_its_day(rs):
    text = "وعقد الوفدان أول محادثات مباشرة بين روسيا وأوكرانيا منذ ثلاث سنوات يوم الجمعة 16 مايو 2025 في إسطنبول."
    [c] = claims_of(rs, text, "2025-05-16", "talks.date")
    assert c.value.day.isoformat() == "2025-05-16"


def test_the_end_a_since_counts_from_does_not_end_the_day_in_its_small_hours(rs):
    text = ("شهدت أنقرة في الساعات الأولى من صباح الأول من أغسطس أكبر عملية تبادل للسجناء بين روسيا والولايات "
            "المتحدة منذ نهاية الحرب الباردة.")
    [c] = claims_of(rs, text, "2024-08-02", attribute="exchange.date")
    assert (c.value.date_from.isoformat(), c.value.date_to.isoformat()) == ("2024-08-01", "2024-08-01")


def test_the_day_after_a_three_word_speaker_is_the_statements_not_the_calls(rs):
    text = ("قالت وزارة الخارجية التايوانية، اليوم الجمعة، إنها ستعمق شراكتها مع واشنطن بعد اتصال هاتفي بين الرئيس "
            "الأمريكي جو بايدن ونظيره الصيني شي جين بينج أمس الخميس.")
    [c] = claims_of(rs, text, "2022-07-29", attribute="call.date")
    assert c.value.day.isoformat() == "2022-07-28" and c.text == "أمس الخميس"


def test_words_said_during_the_call_take_the_day_the_lead_gave_them(rs):
    text = ("حذر الرئيس الصيني شي جين بينغ نظيره الأمريكي جو بايدن، اليوم الخميس، من اللعب بالنار. وأكد شي خلال "
            "اتصال هاتفي مع بايدن أن الصين ترفض التدخل الأجنبي.")
    [c] = claims_of(rs, text, "2022-07-28", attribute="call.date")
    assert c.value.day.isoformat() == "2022-07-28"


def test_a_clause_opened_by_another_day_is_another_sitting_with_its_own_length(rs):
    doc = article("أكد الكرملين طول المحادثات بين الرئيسين الروسي بوتين والصيني شي. واجتمع الرئيسان على حدة واستمر "
                  "لقاؤهما من أربع إلى خمس ساعات وفي 21 مارس، اجتمعا في الكرملين وأجريا محادثات استمرت ست ساعات "
                  "تقريبا.", None, "two-days")
    mentions, claims = extract(doc, rs)
    by_mention = {}
    for c in claims:
        if c.attribute.endswith(".duration"):
            by_mention.setdefault(c.mention, []).append(c.value.minutes)
    assert sorted(by_mention.values()) == [[270], [360]]
    [dated] = [m for m in mentions if m.id in by_mention and m.date is not None]
    assert (dated.date.month, dated.date.day_of_month, by_mention[dated.id]) == (3, 21, [360])


def test_the_call_named_again_with_a_day_off_by_one_is_the_same_call(rs):
    doc = article("خلال مكالمة هاتفية استمرت 50 دقيقة، أمس الخميس، حذر الرئيس الروسي فلاديمير بوتين نظيره الأمريكي "
                  "جو بايدن من العقوبات. وأضاف أوشاكوف أن بايدن أبلغ بوتين خلال المكالمة الهاتفية التي جرت مساء اليوم، "
                  "بأن واشنطن ستتشاور مع حلفائها.", "2021-12-31", "slip")
    mentions, _ = extract(doc, rs)
    assert [(m.type, m.date.day.isoformat()) for m in mentions] == [("call", "2021-12-30")]


def test_a_day_in_a_long_clause_after_the_first_since_starts_the_period(rs):
    text = ("وتبادلت روسيا وأوكرانيا يوم السبت 115 أسيرا من كل جانب. وهذا أول تبادل منذ أن شنت أوكرانيا هجوما "
            "مفاجئا على منطقة كورسك الروسية في 6 أغسطس.")
    assert [c.value.day.isoformat() for c in claims_of(rs, text, "2024-08-24", attribute="exchange.date")] == ["2024-08-24"]
    # without "the first": a long clause is not a period's start
    text = "أول اتصال بين الرئيسين منذ سنوات. وأجرى بوتين اتصالا هاتفيا مع ترامب في 12 فبراير."
    assert [c.value.day.isoformat() for c in claims_of(rs, text, "2025-02-13", attribute="call.date")] == ["2025-02-12"]


def test_a_place_of_doubts_felt_is_not_where_talks_are_held(rs):
    got = claims_of(rs, "بدأت اليوم في روما الجولة الخامسة من المحادثات بين إيران والولايات المتحدة. وتعقد "
                        "المحادثات في ظل شكوك متنامية في طهران حول فرص الاتفاق.", "2025-05-23", attribute="talks.place")
    assert [c.value.place for c in got] == ["rome"]


def test_the_king_named_by_his_title_and_name_has_the_title(rs):
    got = claims_of(rs, "بحث الرئيس جو بايدن والملك سلمان في اتصال هاتفي العلاقات الثنائية.", attribute="person.title")
    assert {c.subject: (c.value.role, c.value.country) for c in got}["king_salman"] == ("king", None)


def test_a_title_before_someone_of_another_country_or_with_a_preposition_is_not_theirs(rs):
    for text in ("وأكد الرئيس الصيني لبوتين استعداده لمساعدة روسيا.",
                 "وقبل ثلاثة أسابيع، استضاف الرئيس الصيني «بوتين» في بكين."):
        got = claims_of(rs, text, attribute="person.title")
        assert not [c for c in got if c.subject == "putin"], text


def test_where_a_guest_came_from_is_not_where_they_met(rs):
    got = claims_of(rs, "لدى وصوله من زيارة في الرياض، التقى الرئيس السيسي نظيره الأمريكي ترامب في شرم الشيخ.",
                    attribute="meeting.place")
    assert [c.value.place for c in got] == ["sharm_el_sheikh"]


def test_a_city_that_hosts_summits_is_a_place_of_its_country(rs):
    got = claims_of(rs, "استقبل الرئيس الروسي فلاديمير بوتين نظيره التركي رجب طيب أردوغان في مدينة سوتشي الروسية.",
                    attribute="meeting.place")
    assert [c.value.place for c in got] == ["sochi"]


def test_a_place_in_a_list_of_topics_is_not_where_the_talks_are(rs):
    got = claims_of(rs, "أوضح بوتين أن المباحثات مع أردوغان ستتناول ملفات عدة، منها مركز تجميع الغاز الروسي في تركيا.",
                    attribute="talks.place")
    assert got == []


@pytest.mark.parametrize("text, attribute, place", [
    ("عقد الرئيس الروسي فلاديمير بوتين ونظيره التركي رجب طيب أردوغان لقاءهما في مدينة سوتشي الروسية.", "meeting.place", "sochi"),
    ("وجاء التبادل الذي شهدته أنقرة يوم الخميس بين سبع دول ثمرة لأشهر من الجهود.", "exchange.place", "ankara"),
])
def test_places_the_event_was_witnessed_or_held_in(rs, text, attribute, place):
    assert [c.value.place for c in claims_of(rs, text, attribute=attribute)] == [place]
