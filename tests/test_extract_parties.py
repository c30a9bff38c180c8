"""Parties of events: people no rule lists, who is a party and who is not, and which event a
sentence's claims belong to. Sentences written for these tests."""

from __future__ import annotations

import pytest

from checker.extract.claims import extract
from checker.pipeline import analyse
from checker.rules.ruleset import load_ruleset
from helpers import article


def read(rs, text, published="2025-12-03", doc_id="doc"):
    return extract(article(text, published, doc_id), rs)


def test_open_world_person_from_title(rs):
    mentions, claims = read(rs, "التقت رئيسة الوزراء الإيطالية جورجيا ميلوني رئيس وزراء جورجيا إيراكلي كوباخيدزه.")
    titles = {c.subject: c.value for c in claims if c.attribute == "person.title"}
    assert titles["meloni"].country == "italy"
    assert titles["كوباخيدزه"].role == "prime_minister" and titles["كوباخيدزه"].country == "georgia"


def test_open_world_apposition_and_later_bare_surname(rs):
    text = ("أجرى الرئيس التركي رجب طيب أردوغان اتصالا هاتفيا مع كريستوس تاسوليديس، الرئيس القبرصي، اليوم. "
            "وقال أردوغان لتاسوليديس إن الحوار ضروري.")
    mentions, claims = read(rs, text)
    assert mentions[0].participants == ["erdogan", "تاسوليديس"]
    titles = [c for c in claims if c.attribute == "person.title" and c.subject == "تاسوليديس"]
    assert titles and titles[0].value.country == "cyprus"


def test_two_calls_sharing_one_leader_are_two_events_without_conflict(rs):
    a = article("أجرى الرئيس التركي أردوغان اليوم اتصالا هاتفيا مع رئيس الوزراء الهولندي ديك سخوف استمر نحو ساعة.",
                "2025-12-03", "agency-a")
    b = article("أجرى الرئيس التركي أردوغان اليوم اتصالا هاتفيا مع الرئيس الفنلندي ألكسندر ستوب استمر نصف ساعة.",
                "2025-12-03", "agency-b")
    report = analyse([a, b], rs)
    calls = [e for e in report.events if e.type == "call"]
    assert len(calls) == 2
    assert not [f for f in report.findings if f.attribute == "call.duration"]


def test_aide_who_briefs_and_source_quoted_are_not_parties(rs):
    mentions, _ = read(rs, "أجرى الرئيس الروسي بوتين اليوم اتصالا هاتفيا مع الرئيس الأمريكي ترامب، بحسب مساعد الرئيس الروسي يوري أوشاكوف.")
    assert mentions[0].participants == ["putin", "trump"]
    mentions, _ = read(rs, "وقال بيسكوف إن بوتين أجرى اتصالا هاتفيا مع ترامب اليوم.")
    assert mentions[0].participants == ["putin", "trump"]


def test_mediator_is_recorded_not_a_party(rs):
    mentions, _ = read(rs, "انطلقت في مسقط اليوم جولة جديدة من المحادثات بين إيران والولايات المتحدة بوساطة عمانية.")
    [talks] = [m for m in mentions if m.type == "talks"]
    assert talks.participants == ["iran", "usa"] and talks.mediators == ["oman"]


def test_aside_about_another_call_keeps_its_duration(rs):
    text = ("أجرى الرئيس الروسي بوتين اليوم اتصالا هاتفيا مع الرئيس الأمريكي ترامب استمر ساعتين ونصف. "
            "وتحدث زيلينسكي أيضا مع ترامب لمدة ساعة. وقال بوتين إن المكالمة كانت صريحة وتناولت أوكرانيا.")
    mentions, claims = read(rs, text)
    by_id = {m.id: m for m in mentions}
    durations = {tuple(by_id[c.subject].participants): c.value.minutes for c in claims if c.attribute == "call.duration"}
    assert durations == {("putin", "trump"): 150, ("trump", "zelensky"): 60}
    # after the aside, the story is about the call under discussion again
    assert [by_id[c.subject].participants for c in claims if c.attribute == "call.topic"] == [["putin", "trump"]]


def test_a_sentence_naming_two_other_people_but_no_call_is_no_call(rs):
    text = ("أجرى الرئيس الأمريكي ترامب اليوم اتصالا هاتفيا مع الرئيس الأوكراني زيلينسكي. "
            "غير أن زيلينسكي شكك في تصريحات بوتين بشأن وقف الضربات.")
    mentions, _ = read(rs, text)
    assert [m.participants for m in mentions] == [["trump", "zelensky"]]


def test_people_after_a_clause_about_the_call_of_the_day_before_are_that_calls(rs):
    text = ("Trump and Zelensky held a phone call on Wednesday, a day after Trump spoke with Putin, "
            "as part of efforts to broker a ceasefire.")
    mentions, claims = read(rs, text, "2025-03-19")
    assert mentions[0].participants == ["trump", "zelensky"]
    assert [c.value.weekday for c in claims if c.attribute == "call.date"] == [2]


def test_recalled_and_planned_calls_are_other_events(rs):
    text = ("أجرى الرئيس الروسي بوتين اليوم اتصالا هاتفيا مع الرئيس الأمريكي ترامب استمر ساعتين. "
            "وكان بوتين وترامب قد بحثا في اتصالهما السابق الذي استمر 90 دقيقة ملف الأسرى. "
            "واتفق الرئيسان على إجراء اتصال هاتفي آخر الأسبوع المقبل.")
    mentions, claims = read(rs, text)
    relations = sorted(m.relation for m in mentions)
    assert relations == ["planned", "recalled", "reported"]
    by_id = {m.id: m for m in mentions}
    durations = {by_id[c.subject].relation: c.value.minutes for c in claims if c.attribute == "call.duration"}
    assert durations == {"reported": 120, "recalled": 90}


def test_given_name_against_the_knowledge_base(rs):
    good = article("قال المبعوث الخاص الأمريكي ستيفن ويتكوف إن المحادثات كانت جيدة.", "2025-06-02", "a")
    bad = article("قال المبعوث الخاص الأمريكي مايكل ويتكوف إن المحادثات كانت جيدة.", "2025-06-02", "b")
    findings = [f for f in analyse([good, bad], rs).findings if f.rule == "knowledge.name"]
    assert [f.documents for f in findings] == [["b"]]


def test_stale_title_for_a_leader_the_rules_added(rs):
    doc = article("وقال الرئيس الفرنسي السابق إيمانويل ماكرون إن الحوار ضروري.", "2025-06-02", "a")
    findings = [f for f in analyse([doc], rs).findings if f.rule == "knowledge.title"]
    assert findings and findings[0].subject == "macron"


def test_one_id_for_one_unlisted_person_spelt_two_ways(rs):
    a = article("أجرى الرئيس التركي أردوغان اليوم اتصالا هاتفيا مع الرئيس القبرصي نيكوس خريستودوليدس.", "2025-12-03", "a")
    b = article("أجرى الرئيس التركي أردوغان اليوم اتصالا هاتفيا مع الرئيس القبرصي نيكوس خريستودوليديس.", "2025-12-03", "b")
    report = analyse([a, b], rs)
    assert {tuple(m.participants) for m in report.mentions} == {("erdogan", "خريستودوليدس")}
    assert len([e for e in report.events if e.type == "call"]) == 1


def test_country_named_after_the_role_and_a_comma_before_the_name(rs):
    _, claims = read(rs, "وقال وزير خارجية إيران، عباس عراقجي، إن المحادثات مع الوفد الأمريكي كانت بناءة.")
    [title] = [c for c in claims if c.attribute == "person.title"]
    assert (title.subject, title.value.role, title.value.country) == ("araghchi", "foreign_minister", "iran")


def test_the_aide_of_a_leader_is_the_one_after_the_comma(rs):
    _, claims = read(rs, "وأوضح مساعد الرئيس الروسي فلاديمير بوتين، يوري أوشاكوف، أن الجانبين اتفقا على مواصلة الحوار.")
    titles = {c.subject: c.value.role for c in claims if c.attribute == "person.title"}
    assert titles == {"ushakov": "kremlin_aide"}


def test_a_statements_day_is_not_the_day_of_the_event_it_refers_to(rs):
    text = ("أجرى الرئيس الروسي بوتين اتصالا هاتفيا مع الرئيس الأمريكي ترامب أمس الخميس. "
            "وقالت الرئاسة، الجمعة، في بيان إن الاتصال تناول الأزمة.")
    _, claims = read(rs, text, "2025-05-23")
    days = [c.value.day.isoformat() for c in claims if c.attribute == "call.date"]
    assert days == ["2025-05-22"]


def test_a_statements_day_after_where_it_was_said_is_not_the_day_of_an_event_named_before(rs):
    text = ("وجرت يوم الخميس في العاصمة التركية عملية تبادل للأسرى بين روسيا والولايات المتحدة. "
            "وأضافت الوكالة، في بيان نقلته قناة محلية، اليوم الأحد، أنها توسطت في عملية التبادل هذه.")
    _, claims = read(rs, text, "2024-08-04")
    assert [c.value.weekday for c in claims if c.attribute == "exchange.date"] == [3]


def test_a_statement_that_announces_the_call_gives_its_day_after_where_it_was_said(rs):
    _, claims = read(rs, "وقالت الخارجية في بيان لها، الاثنين: أجرى الوزير لافروف محادثة هاتفية مع روبيو.", "2025-10-20")
    assert [c.value.day.isoformat() for c in claims if c.attribute == "call.date"] == ["2025-10-20"]


def test_a_seat_of_government_after_in_is_where_not_who(rs):
    mentions, claims = read(rs, "ونفذت اليوم في أنقرة عملية تبادل واسعة للأسرى.")
    [swap] = [m for m in mentions if m.type == "exchange"]
    assert swap.participants == []
    assert [c.value.place for c in claims if c.attribute == "exchange.place"] == ["ankara"]
    mentions, _ = read(rs, "وأعلنت أنقرة عملية تبادل للأسرى مع روسيا.")
    assert "turkey" in [m for m in mentions if m.type == "exchange"][0].participants


def test_his_country_is_the_country_of_the_person_named_last_before_it(rs):
    mentions, _ = read(rs, "قال بيسكوف إن زيلينسكي أرسل مفاوضي بلاده إلى جدة حيث أجروا محادثات مع الأمريكيين يوم الثلاثاء.")
    assert sorted(mentions[0].participants) == ["ukraine", "usa"]


def test_the_speakers_own_country_is_a_side_of_the_talks_they_tell_of(rs):
    text = ("استقبل الرئيس الروسي بوتين المبعوث الأمريكي ويتكوف في الكرملين مساء الخميس. "
            "وكان الأمين العام لمجلس الأمن الأوكراني رستم عمروف قد أعلن أن مفاوضي بلاده أجروا محادثات في ميامي "
            "مع المبعوثين الأمريكيين.")
    mentions, _ = read(rs, text, "2026-01-23")
    talks = [m for m in mentions if m.type == "talks"]
    assert talks and talks[0].participants == ["ukraine", "usa"]


def test_a_country_praised_for_its_efforts_by_the_other_side_is_no_mediator(rs):
    mentions, claims = read(rs, "وقال البيان إن الرئيس ترامب أشاد خلال الاتصال الهاتفي مع الرئيس السيسي بجهود مصر في مكافحة الإرهاب.")
    assert mentions[0].mediators == [] and not [c for c in claims if c.attribute.endswith(".mediator")]


def test_the_predecessor_named_after_succeeding_is_no_party(rs):
    text = ("أجرى الرئيس الأمريكي ترامب اليوم اتصالا هاتفيا مع الرئيس المصري السيسي. "
            "ويعد ذلك أول اتصال بين الرئيسين منذ تولي ترامب منصبه خلفا للديمقراطي باراك أوباما.")
    mentions, claims = read(rs, text, "2017-01-23")
    assert [m.participants for m in mentions] == [["sisi", "trump"]]
    assert [c.value.round for c in claims if c.attribute == "call.round"] == [1]


def test_a_call_held_last_month_in_the_pluperfect_is_recalled(rs):
    text = ("أجرى الرئيس الأمريكي ترامب اليوم اتصالا هاتفيا مع الرئيس المصري السيسي استمر نصف ساعة. "
            "وكان الزعيمان قد تحادثا هاتفيا قبل أسابيع عقب فوز ترامب في الانتخابات.")
    mentions, _ = read(rs, text, "2017-01-23")
    assert [m.relation for m in mentions] == ["reported", "recalled"]


def test_discussed_with_in_the_story_of_a_meeting_is_no_call(rs):
    text = ("استقبل الرئيس الروسي بوتين المبعوث الأمريكي ويتكوف في الكرملين اليوم. "
            "وأوضح المتحدث أن بوتين بحث مع ويتكوف آفاق التعاون بين البلدين.")
    mentions, _ = read(rs, text)
    assert [m.type for m in mentions] == ["meeting"]


def test_a_country_after_in_is_where_the_meeting_was_or_a_topic_not_a_side(rs):
    text = ("وصل المبعوث الأمريكي ويتكوف إلى موسكو حيث يلتقي القيادة الروسية، قبيل انتهاء مهلة حددها ترامب "
            "لروسيا لوقف هجومها في أوكرانيا.")
    mentions, claims = read(rs, text)
    [meeting] = [m for m in mentions if m.type == "meeting"]
    assert sorted(meeting.participants) == ["russia", "usa"]
    assert [c.value.place for c in claims if c.attribute.endswith(".place")] == ["moscow"]


def test_a_statements_day_right_after_in_a_statement_is_not_the_calls(rs):
    text = ("أجرى بوتين اتصالا هاتفيا مع ترامب يوم السبت. "
            "وذكر الكرملين في بيان اليوم الأحد أن الاتصال استمر ساعتين.")
    _, claims = read(rs, text, "2025-03-16")
    assert [c.value.weekday for c in claims if c.attribute == "call.date"] == [5]


def test_a_channel_named_today_dates_nothing(rs):
    text = ("أجرى بوتين اتصالا هاتفيا مع ترامب يوم السبت. "
            "وأضافت الوكالة، في حديث لقناة روسيا اليوم، أن الاتصال استمر ساعتين.")
    _, claims = read(rs, text, "2025-03-16")
    assert [c.value.weekday for c in claims if c.attribute == "call.date"] == [5]


def test_what_a_clause_about_the_call_before_says_is_that_calls(rs):
    text = "أجرى ترامب اتصالا هاتفيا مع زيلينسكي يوم الأربعاء، غداة اتصاله ببوتين الذي استمر أكثر من ساعتين."
    mentions, claims = read(rs, text, "2025-03-19")
    by_id = {m.id: m for m in mentions}
    assert [(sorted(m.participants), m.relation) for m in mentions] == [(["trump", "zelensky"], "reported"),
                                                                       (["putin", "trump"], "recalled")]
    [duration] = [c for c in claims if c.attribute == "call.duration"]
    assert sorted(by_id[duration.subject].participants) == ["putin", "trump"]


def test_a_pluperfect_announcement_of_the_call_is_no_earlier_call(rs):
    text = ("أجرى ترامب اتصالا هاتفيا مع بوتين يوم الثلاثاء. "
            "وكان الكرملين قد أعلن أن الاتصال استمر ساعتين ونصف.")
    mentions, claims = read(rs, text)
    assert [m.relation for m in mentions] == ["reported"]
    assert [c.value.minutes for c in claims if c.attribute == "call.duration"] == [150]


def test_the_predecessor_a_leader_succeeded_is_no_party(rs):
    mentions, _ = read(rs, "أجرى الرئيس الأمريكي ترامب، الذي خلف الديمقراطي جو بايدن، اتصالا هاتفيا مع بوتين يوم السبت.")
    assert [sorted(m.participants) for m in mentions] == [["putin", "trump"]]


def test_officials_in_a_capital_are_its_countrys_a_party(rs):
    mentions, _ = read(rs, "أجرى المبعوث الأمريكي كيث كيلوغ محادثات مع المسؤولين في كييف يوم الأربعاء.")
    assert sorted(mentions[0].participants) == ["ukraine", "usa"]


def test_a_leader_titled_elect_after_taking_office(rs):
    doc = article("قال الرئيس الأمريكي المنتخب دونالد ترامب إن الحوار ضروري.", "2025-03-01", "a")
    findings = [f for f in analyse([doc], rs).findings if f.rule == "knowledge.title"]
    assert findings and findings[0].subject == "trump"


def test_mediator_is_a_claim_of_the_event(rs):
    _, claims = read(rs, "وجرى تبادل الأسرى بين روسيا وأوكرانيا بوساطة إماراتية وقطرية.")
    assert sorted(c.value.label for c in claims if c.attribute.endswith(".mediator")) == ["qatar", "uae"]


def test_the_country_a_place_is_in_is_no_party(rs):
    mentions, claims = read(rs, "انعقدت الجولة الرابعة من المحادثات بين إيران والولايات المتحدة اليوم في مدينة جنيف السويسرية.")
    [talks] = [m for m in mentions if m.type == "talks"]
    assert talks.participants == ["iran", "usa"] and talks.place == "geneva"


def test_the_source_of_a_talks_sentence_is_no_party(rs):
    text = ("عقدت إيران والولايات المتحدة اليوم جولة جديدة من المحادثات في جنيف. "
            "وانتهت المحادثات، بحسب وزير الخارجية العماني، بتقدم محدود.")
    [talks] = [m for m in read(rs, text)[0] if m.type == "talks"]
    assert talks.participants == ["iran", "usa"]


def test_a_host_and_a_mediator_named_after_are_not_sides_of_talks(rs):
    text = ("بدأت اليوم المحادثات بين إيران والولايات المتحدة في مقر السفارة العمانية في جنيف. "
            "ويقوم وزير الخارجية العماني بدور الوسيط بين الوفدين.")
    [talks] = [m for m in read(rs, text)[0] if m.type == "talks"]
    assert talks.participants == ["iran", "usa"] and talks.mediators == ["oman"]


def test_a_day_before_the_verb_of_an_announcement_is_not_the_talks_day(rs):
    text = ("بدأت أمس الجولة الثانية من المحادثات بين روسيا وأوكرانيا في جنيف. "
            "وفي وقت سابق اليوم أعلن المبعوث الأمريكي أن الوفود في المحادثات اتفقت على تبادل الأسرى.")
    _, claims = read(rs, text, "2025-12-03")
    assert [c.value.day.isoformat() for c in claims if c.attribute == "talks.date"] == ["2025-12-02"]


def test_the_second_day_of_talks_is_a_span_from_their_first(rs):
    _, claims = read(rs, "واستأنف الوفدان الروسي والأوكراني اليوم الخميس، اليوم الثاني من المحادثات في جنيف.",
                     "2025-12-04")
    [date] = [c.value for c in claims if c.attribute == "talks.date"]
    assert (date.date_from.isoformat(), date.date_to.isoformat()) == ("2025-12-03", "2025-12-04")


def test_a_word_of_next_week_speaks_of_the_week_not_of_the_talks_held(rs):
    """"الأسبوع المقبل" before today's talks says when the sides will meet again; right after
    the trigger ("محادثات الأسبوع المقبل") it is the talks' own time."""
    held = ("اتفق الروس والأمريكيون على الالتقاء مجددا في الأسبوع المقبل في ختام محادثات صريحة "
            "اليوم الجمعة في جنيف.")
    mentions, _ = read(rs, held, "2022-01-21")
    assert [m.relation for m in mentions] == ["reported"]
    mentions, _ = read(rs, "وقال لافروف إن محادثات الأسبوع المقبل ستتناول الضمانات الأمنية.", "2022-01-21")
    assert [m.relation for m in mentions] == ["planned"]
    mentions, _ = read(rs, "Lavrov and Blinken agreed to meet again next week, after talks in Geneva on Friday.",
                       "2022-01-21")
    assert [m.relation for m in mentions if m.type == "talks"] == ["reported"]


def test_a_planned_meeting_is_not_compared_with_one_held():
    held = article("Russian President Vladimir Putin met US President Donald Trump in Helsinki on Monday.",
                   "2025-12-01", "held")
    planned = article("Putin and Trump agreed to have a meeting in Vienna, Austria, on Monday.", "2025-12-01", "planned")
    for doc in (held, planned):
        doc.language = "en"
    report = analyse([held, planned], load_ruleset())
    assert not [f for f in report.findings if f.attribute == "meeting.place"]
    assert sorted(m.relation for m in extract(planned, load_ruleset())[0]) == ["planned"]


def test_former_beside_a_call_trigger_makes_no_recalled_call(rs):
    mentions, _ = read(rs, "أجرى الرئيس الأمريكي السابق ترامب اليوم اتصالا هاتفيا بالرئيس الروسي بوتين.")
    assert [m.relation for m in mentions] == ["reported"]


def test_leaders_named_without_a_title_give_the_meeting_their_countries(rs):
    mentions, _ = read(rs, "التقى ترامب زيلينسكي في البيت الأبيض يوم الجمعة.", "2025-02-28")
    assert mentions[0].type == "meeting" and mentions[0].participants == ["ukraine", "usa"]


def test_a_bare_title_on_an_undated_page_is_the_sitting_holder_it_named_before(rs):
    text = ("بحث ولي العهد السعودي الأمير محمد بن سلمان في مكالمة مع الرئيس الجزائري عبد المجيد تبون ملف الطاقة.\n\n"
            "وتلقى ولي العهد السعودي اتصالا هاتفيا من الرئيس الإيراني مسعود بزشكيان.")
    mentions, _ = read(rs, text, None)
    assert [m.participants for m in mentions] == [["bin_salman", "tebboune"], ["bin_salman", "pezeshkian"]]


def test_a_verbal_noun_after_a_bare_title_is_no_name(rs):
    _, claims = read(rs, "وقرر الرئيس الأميركي إنهاء اللقاء مع الرئيس الأوكراني فولوديمير زيلينسكي.")
    assert sorted(c.subject for c in claims if c.attribute == "person.title") == ["zelensky"]


def test_a_country_named_later_does_not_join_a_meeting_of_two_sides(rs):
    text = ("التقى الرئيس الروسي فلاديمير بوتين المبعوث الأمريكي ستيف ويتكوف في الكرملين. "
            "وجاء اللقاء فيما تستمر الحرب في أوكرانيا.")
    mentions, _ = read(rs, text)
    assert [m.participants for m in mentions] == [["russia", "usa"]]


def test_a_later_sentence_naming_another_country_is_no_second_meeting(rs):
    mentions, _ = read(rs, "اجتمع زيلينسكي وأردوغان في أنقرة. وقال زيلينسكي إن على روسيا إنهاء الحرب.", "2025-05-16")
    assert [(m.type, m.participants) for m in mentions] == [("meeting", ["turkey", "ukraine"])]


def test_in_another_connection_is_no_other_call(rs):
    text = ("أجرى ترامب اتصالا هاتفيا مع بوتين يوم الاثنين. "
            "وفي سياق آخر، أجرى الرئيس الأمريكي جو بايدن اتصالا هاتفيا مع الملك سلمان.")
    mentions, _ = read(rs, text)
    assert [(m.participants, m.relation) for m in mentions] == [
        (["putin", "trump"], "reported"), (["biden", "king_salman"], "reported")]


def test_a_meeting_said_to_come_after_the_statement_is_planned(rs):
    mentions, _ = read(rs, "قال الرئيس الأوكراني فولوديمير زيلينسكي في أنقرة اليوم إنه يأمل في نتائج، قبيل لقائه ترامب.")
    assert [(m.participants, m.relation) for m in mentions] == [(["ukraine", "usa"], "planned")]


def test_a_meeting_held_ahead_of_another_keeps_its_own_parties(rs):
    mentions, _ = read(rs, "التقى زيلينسكي أردوغان في أنقرة اليوم قبيل لقائه ترامب.")
    assert mentions[0].relation == "reported" and mentions[0].participants == ["turkey", "ukraine"]


def test_english_a_meeting_ahead_of_which_someone_speaks_is_planned(rs):
    doc = article("Ukrainian President Volodymyr Zelensky said in Ankara today that he hoped for results, "
                  "ahead of his meeting with Trump.", "2025-12-03")
    doc.language = "en"
    mentions, _ = extract(doc, rs)
    assert [m.relation for m in mentions] == ["planned"]


def test_a_country_named_in_what_was_said_is_no_party_of_the_talks_in_its_frame(rs):
    mentions, claims = read(rs, "قبلت كييف مقترحا أمريكيا بهدنة في أعقاب محادثات مع المسؤولين الأمريكيين في جدة. "
                                "وقال روبيو بعد محادثات امتدت أكثر من ثماني ساعات إن القرار الآن بيد موسكو.")
    assert [m.participants for m in mentions] == [["ukraine", "usa"]]
    assert [c.value.min for c in claims if c.attribute == "talks.duration"] == [480]


def test_parties_named_in_what_was_said_still_make_the_event_when_none_is_under_discussion(rs):
    mentions, _ = read(rs, "قال ترامب بعد مكالمة هاتفية استمرت ساعتين إن بوتين وافق على هدنة.")
    assert mentions[0].participants == ["putin", "trump"]


def test_a_title_and_name_with_an_honorific_between_is_one_person(rs):
    # the Saudi agency's form, on a page without a date: the bare title must not win over the
    # full name it begins
    _, claims = read(rs, "أجرى ولي العهد السعودي الأمير محمد بن سلمان اتصالا هاتفيا بالرئيس ترامب.", published=None)
    [initiator] = [c.value for c in claims if c.attribute == "call.initiator"]
    assert (initiator.caller, initiator.callee) == ("bin_salman", "trump")


def test_a_country_quoted_after_a_colon_is_no_party_when_the_frame_names_two(rs):
    mentions, _ = read(rs, "وقال لافروف عقب مباحثاته مع نظيره الأميركي أنتوني بلينكن في جنيف: "
                           "إن بلاده لن تهاجم أوكرانيا.")
    assert [m.participants for m in mentions] == [["russia", "usa"]]


def test_english_a_session_unlike_the_talks_reported_is_another_sitting(rs):
    doc = article("Blinken met Lavrov in Geneva on Friday for talks that lasted 90 minutes. Unlike the "
                  "January 10 session, which lasted for nearly eight hours, the two men spoke briefly.",
                  "2022-01-21")
    doc.language = "en"
    mentions, claims = extract(doc, rs)
    eight = [c for c in claims if c.attribute.endswith(".duration") and c.value.minutes == 480]
    assert [m.relation for m in mentions if m.id == eight[0].mention] == ["recalled"]


@pytest.mark.parametrize("text", [
    "بدأت المحادثات بين الوفدين الروسي والأوكراني في إسطنبول اليوم الثلاثاء، كما أفادت وكالة الأناضول التركية.",
    "بدأ الوفدان الروسي والأوكراني محادثاتهما في إسطنبول اليوم الثلاثاء، وفقا لوكالة الأنباء الألمانية.",
    "Russian and Ukrainian negotiators held talks in Istanbul on Tuesday, Turkey's Anadolu news agency reported.",
    "Russian and Ukrainian delegations held talks in Istanbul on Tuesday, according to the German news agency dpa.",
    # a speaker after عقب, and people present, are no parties either
    "بدأ الوفدان الروسي والأوكراني محادثاتهما في إسطنبول اليوم الثلاثاء عقب كلمة للرئيس التركي رجب طيب أردوغان.",
    "وعقد الوفدان الروسي والأوكراني محادثات في إسطنبول اليوم بحضور الرئيس التركي رجب طيب أردوغان.",
])
def test_who_reported_spoke_first_or_looked_on_is_no_party_to_the_talks(rs, text):
    mentions, _ = read(rs, text, "2022-03-29")
    assert [m.participants for m in mentions] == [["russia", "ukraine"]]


def test_a_deputy_minister_is_not_the_minister(rs):
    _, claims = read(rs, "وضم الوفد الروسي نائب وزير الدفاع الروسي ألكسندر فومين.", "2022-03-29")
    [title] = [c.value for c in claims if c.attribute == "person.title"]
    assert (title.role, title.country, title.office) == ("deputy_minister", "russia", False)


def test_a_day_counted_from_the_event_or_ending_a_span_is_no_date_of_it(rs):
    """"في اليوم السابق" is the day before the talks, not today; "حتى غد الأربعاء" is when they
    may end: neither dates the talks."""
    text = ("وهي المرة الأولى التي يلتقي فيها الوفدان الروسي والأوكراني في إسطنبول منذ وصولهما في اليوم "
            "السابق.")
    _, claims = read(rs, text, "2022-03-30")
    assert [c for c in claims if c.value.type == "date"] == []
    _, claims = read(rs, "ستستمر المحادثات بين الوفدين الروسي والأوكراني في إسطنبول حتى غد الأربعاء.", "2022-03-29")
    assert [c for c in claims if c.value.type == "date"] == []


def test_other_issues_discussed_in_a_call_make_it_no_other_call(rs):
    """أخرى after "قضايا" qualifies the issues: the call is the one reported, with its day."""
    text = ("وقال المصدر إن القرار نوقش حين التقى رئيس الإمارات محمد بن زايد بالرئيس الروسي فلاديمير بوتين، "
            "كما تطرقا إلى الصفقة وقضايا أخرى في مكالمة هاتفية بينهما، الأربعاء الماضي.")
    mentions, _ = read(rs, text, "2022-12-08")
    calls = [(m.relation, m.date.day.isoformat() if m.date else None) for m in mentions if m.type == "call"]
    assert calls == [("reported", "2022-12-07")]


def test_a_city_receiving_a_citizen_is_no_meeting(rs):
    text = ("وأوضح البيان أن أبوظبي استقبلت يوم 8 ديسمبر 2022 المواطنة الأمريكية بريتني غراينر على متن طائرة "
            "خاصة قادمة من موسكو.")
    mentions, _ = read(rs, text, "2022-12-08")
    assert [m.type for m in mentions if m.type == "meeting"] == []
    mentions, _ = read(rs, "استقبل الرئيس الروسي فلاديمير بوتين المبعوث الأمريكي ستيف ويتكوف في الكرملين اليوم.", "2025-08-06")
    assert [m.type for m in mentions] == ["meeting"]


def test_an_undated_pages_today_and_yesterday_are_two_sittings_of_the_same_parties(rs):
    text = ("يواصل الرئيس الصيني شي جين بينغ زيارته إلى موسكو، حيث تبدأ بعد ظهر اليوم الثلاثاء مباحثاته الرسمية "
            "في الكرملين مع نظيره الروسي فلاديمير بوتين. وذكرت وكالات الأنباء الروسية أنهما أجريا محادثات غير "
            "رسمية أمس الاثنين.")
    mentions, claims = read(rs, text, None)
    assert [(m.participants, m.date.weekday) for m in mentions] == [(["china", "russia"], 1), (["china", "russia"], 0)]


def test_a_sitting_of_another_day_named_by_a_pronoun_is_between_the_same_parties(rs):
    text = ("أجرى الرئيس الصيني شي جين بينغ والرئيس الروسي فلاديمير بوتين محادثات رسمية في الكرملين اليوم الثلاثاء. "
            "وذكرت الوكالات أنهما أجريا محادثات غير رسمية أمس الاثنين.")
    mentions, _ = read(rs, text, "2023-03-21")
    assert [(m.participants, m.date.day.isoformat()) for m in mentions] == \
        [(["china", "russia"], "2023-03-21"), (["china", "russia"], "2023-03-20")]


def test_both_countries_of_a_dual_title_are_parties(rs):
    mentions, _ = read(rs, "انتهى اليوم اللقاء بين الرئيسين الروسي والصيني في الكرملين.", "2023-03-20")
    assert [m.participants for m in mentions] == [["china", "russia"]]


def test_a_mediation_in_a_capital_names_no_mediator_nor_the_talks_place(rs):
    text = ("بدأ الوفدان الروسي والأوكراني محادثاتهما في إسطنبول اليوم الثلاثاء. ويحضر المحادثات رومان "
            "أبراموفيتش الذي قاد وساطة في موسكو مطلع الشهر الجاري.")
    mentions, claims = read(rs, text, "2022-03-29")
    assert [(m.participants, m.mediators) for m in mentions] == [(["russia", "ukraine"], [])]
    assert {c.value.place for c in claims if c.attribute == "talks.place"} == {"istanbul"}


def test_an_agency_of_a_government_is_a_party_a_news_agency_is_not(rs):
    mentions, _ = read(rs, "والتقى مدير وكالة المخابرات الأمريكية نظيره الروسي في أنقرة اليوم الاثنين.", "2025-03-24")
    assert [m.participants for m in mentions] == [["russia", "usa"]]
    mentions, _ = read(rs, "The head of the US intelligence agency met his Russian counterpart in Ankara on Monday.",
                       "2025-03-24")
    assert [m.participants for m in mentions] == [["russia", "usa"]]


def test_talks_planned_for_tomorrow_give_their_day_to_no_meeting_held_today(rs):
    mentions, _ = read(rs, "التقى أردوغان وبوتين في إسطنبول اليوم الثلاثاء على أن يواصلا المحادثات غدا.", "2025-05-13")
    held = [m for m in mentions if m.relation == "reported"]
    assert [m.type for m in held] == ["meeting"]
    assert held[0].date is None or held[0].date.day.isoformat() == "2025-05-13"
    assert [m.relation for m in mentions if m.date and m.date.day and m.date.day.isoformat() == "2025-05-14"] == ["planned"]


def test_parties_who_met_before_named_in_a_relative_clause_start_no_meeting(rs):
    mentions, _ = read(rs, "وأجرى أردوغان وبوتين، اللذان التقيا في سوتشي الشهر الماضي، اتصالا هاتفيا اليوم الثلاثاء.",
                       "2025-05-13")
    assert [m.type for m in mentions] == ["call"]


def test_an_english_summit_announced_for_the_coming_weeks_is_planned(rs):
    doc = article("Trump announced a summit with Putin in Budapest in the coming weeks.", "2025-10-16")
    doc.language = "en"
    mentions, _ = extract(doc, rs)
    assert [m.relation for m in mentions] == ["planned"]


def test_two_events_in_one_sentence_each_have_the_counterpart_named_after_their_trigger(rs):
    mentions, _ = read(rs, "غادر الرئيس الروسي فلاديمير بوتين جنيف يوم الأربعاء، بعد أن عقد قمة مع الرئيس الأمريكي "
                           "جو بايدن ومحادثات ثنائية مع نظيره السويسري غي بارميلين.", "2021-06-16")
    assert sorted((m.type, tuple(m.participants)) for m in mentions) == [
        ("meeting", ("russia", "usa")), ("talks", ("russia", "switzerland"))]


def test_the_host_of_a_summit_and_their_country_are_no_party(rs):
    mentions, _ = read(rs, "وانطلقت اليوم القمة بين الرئيسين فلاديمير بوتين وجو بايدن في جنيف، وكان جي بارميلين، "
                           "الرئيس السويسري، الذي تستضيف بلاده اللقاء قد أكد أن القمة فرصة للحوار.", "2021-06-16")
    assert [(m.type, m.participants) for m in mentions] == [("meeting", ["russia", "usa"])]
    mentions, _ = read(rs, "Biden and Putin met on Wednesday in Geneva, in a villa lent by Switzerland, which hosted "
                           "the summit.", "2021-06-16")
    assert [(m.type, m.participants, m.mediators) for m in mentions] == [("meeting", ["russia", "usa"], ["switzerland"])]


def test_a_plan_the_talks_outran_is_the_talks_held(rs):
    mentions, claims = read(rs, "Biden and Putin held talks in Geneva on Wednesday. This part of the talks was "
                                "originally planned to take an hour, but it went on for almost two hours.", "2021-06-16")
    assert [m.relation for m in mentions] == ["reported"]
    [duration] = [c for c in claims if c.attribute.endswith(".duration")]
    assert (duration.value.minutes, duration.value.part, duration.mention) == (120, "other_part", mentions[0].id)


def test_a_call_set_for_the_coming_days_and_a_summit_agreed_in_a_call_are_planned(rs):
    mentions, _ = read(rs, "وذكر كيربي أن بايدن وشي سيبحثان قضايا عدة في المكالمة الهاتفية المقرر إجراؤها في الأيام المقبلة.",
                       "2022-07-28")
    assert [(m.type, m.relation) for m in mentions] == [("call", "planned")]
    mentions, _ = read(rs, "واتفق بايدن وشي خلال اتصال هاتفي على تنظيم أول قمة بينهما.", "2022-07-28")
    assert [(m.type, m.relation) for m in mentions] == [("call", "reported"), ("meeting", "planned")]


def test_the_talks_of_a_call_under_discussion_are_the_call(rs):
    mentions, claims = read(rs, "تباحث الرئيس الأميركي جو بايدن ونظيره الصيني شي جين بينغ هاتفيا اليوم. واستمرت المحادثات "
                                "ساعتين و17 دقيقة، وتناولت تصرفات بكين في منطقة الهندي والهادئ.", "2022-07-28")
    assert [(m.type, m.participants) for m in mentions] == [("call", ["biden", "xi"])]
    assert [(c.attribute, c.value.minutes) for c in claims if c.attribute.endswith(".duration")] == [("call.duration", 137)]
    mentions, _ = read(rs, "تباحث بايدن وشي هاتفيا اليوم. وتناولت المحادثات الروسية الأوكرانية في إسطنبول.", "2022-07-28")
    assert [(m.type, m.participants) for m in mentions] == [("call", ["biden", "xi"]), ("talks", ["russia", "ukraine"])]
    mentions, _ = read(rs, "أنهى الرئيس الأميركي جو بايدن ونظيره الروسي فلاديمير بوتين، مساء الخميس، مكالمة هاتفية. "
                           "وتجري بين الولايات المتحدة وروسيا محادثات دبلوماسية في 10 يناير المقبل.", "2021-12-31")
    assert [(m.type, m.relation) for m in mentions] == [("call", "reported"), ("talks", "planned")]


def test_talks_held_remotely_are_a_call(rs):
    mentions, _ = read(rs, "أجرى الرئيس الأمريكي جو بايدن، الخميس، محادثات عن بعد مع نظيره الصيني شي جينبينغ، تناولت "
                           "التوتر حول تايوان.", "2022-07-28")
    assert [(m.type, m.participants) for m in mentions] == [("call", ["biden", "xi"])]
    mentions, _ = read(rs, "وعقد بوتين وبايدن جلسة مباحثات افتراضية في السابع من ديسمبر.", "2021-12-31")
    assert [(m.type, m.participants) for m in mentions] == [("call", ["biden", "putin"])]


def test_a_clocks_zone_and_an_airports_city_name_no_party(rs):
    for text in ("وتبادلت روسيا والولايات المتحدة 24 سجينا اليوم عند الساعة التاسعة مساء بتوقيت أنقرة.",
                 "وتبادلت روسيا والولايات المتحدة 24 سجينا اليوم في مطار أنقرة.",
                 "Russia and the United States swapped 24 prisoners on Thursday at 9 p.m. Turkish time."):
        mentions, _ = read(rs, text, "2024-08-02")
        assert [m.participants for m in mentions] == [["russia", "usa"]], text


def test_a_countrys_history_is_no_place_even_joined_to_another(rs):
    _, claims = read(rs, "The most complex exchange in U.S. and Russian history took place in Ankara on Thursday.",
                     "2024-08-02")
    assert [c.value.place for c in claims if c.attribute == "exchange.place"] == ["ankara"]


def test_an_object_in_the_accusative_after_a_title_is_no_name(rs):
    mentions, claims = read(rs, "وعرض ولي العهد السعودي افقا استراتيجيا قيمته ستمائة مليار دولار خلال اتصال هاتفي "
                                "مع ترامب.", "2025-01-23")
    assert [m.participants for m in mentions] == [["bin_salman", "trump"]]


def test_an_office_after_a_courtesy_title_and_the_name_is_the_title_given(rs):
    _, claims = read(rs, "وبحث الشيخ محمد بن زايد رئيس دولة الإمارات هاتفيا مع الرئيس الروسي فلاديمير بوتين اليوم.",
                     "2024-01-03")
    titles = {c.subject: (c.value.role, c.value.country) for c in claims if c.attribute == "person.title"}
    assert titles["mohamed_bin_zayed"] == ("president", "uae")
    _, claims = read(rs, "استقبل الأمير محمد بن سلمان الرئيس الأمريكي جو بايدن في جدة اليوم.", "2022-07-15")
    titles = {c.subject: (c.value.role, c.value.country) for c in claims if c.attribute == "person.title"}
    assert titles["bin_salman"][0] == "prince" and titles["biden"] == ("president", "usa")


def test_the_last_call_the_two_held_was_on_a_day_is_an_earlier_call(rs):
    mentions, _ = read(rs, "أجرى الرئيس الأمريكي جو بايدن اتصالا هاتفيا مع الرئيس الصيني شي جين بينغ. "
                           "ولفت البيان إلى أهمية قنوات التواصل، مذكرا بأن آخر محادثة هاتفية أجراها الزعيمان "
                           "كانت في 18 آذار.", None, "d")
    assert [(m.relation, m.date.day_of_month if m.date else None) for m in mentions] == [("reported", None), ("recalled", 18)]


def test_the_summit_named_after_one_announced_is_that_planned_summit(rs):
    mentions, _ = read(rs, "ناقش لافروف وروبيو تفاصيل القمة المرتقبة بين الرئيسين فلاديمير بوتين ودونالد ترامب في بودابست. "
                           "وتقول روسيا إنها ترغب في أن تتناول القمة تسوية سلمية للأزمة في أوكرانيا.")
    assert [m.relation for m in mentions if m.type == "meeting"] == ["planned"]


def test_words_said_during_a_call_make_their_speaker_its_party(rs):
    mentions, claims = read(rs, "شدد الرئيس التركي رجب طيب أردوغان، اليوم الاثنين، على استعداد بلاده للوساطة. "
                                "وورد ذلك خلال اتصال هاتفي أجراه مع نظيره الروسي فلاديمير بوتين.", "2023-01-16")
    assert [(m.participants, m.date.day.isoformat()) for m in mentions] == [(["erdogan", "putin"], "2023-01-16")]
    assert [(c.value.caller, c.value.strength) for c in claims if c.attribute == "call.initiator"] == [("erdogan", "weak")]


def test_a_spokesman_who_spoke_before_is_no_party_of_the_call(rs):
    mentions, _ = read(rs, "قال المتحدث باسم الكرملين دميتري بيسكوف إن الأجواء كانت بناءة. "
                           "وجاء ذلك خلال اتصال هاتفي بين الرئيس الروسي فلاديمير بوتين والرئيس التركي رجب طيب أردوغان.")
    assert [sorted(m.participants) for m in mentions] == [["erdogan", "putin"]]
