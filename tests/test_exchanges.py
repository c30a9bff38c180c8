"""Exchanges read as an editor reads them: who was freed, the groups within (hostages by
nationality, women, minors), "X for Y" as arithmetic, one side's release never set against the
whole, and the exchange's own day. The articles are written for these tests."""

from __future__ import annotations

import pytest

from checker.compare.comparators import counts, counts_agree
from checker.extract.claims import extract
from checker.models import CountValue
from checker.pipeline import analyse
from checker.rules.ruleset import load_ruleset
from helpers import article


@pytest.fixture(scope="module")
def rs():
    return load_ruleset()


def _claims(rs, text: str, attribute: str, published: str = "2025-03-07", language: str = "ar"):
    doc = article(text, published)
    doc.language = language
    _, claims = extract(doc, rs)
    return [c for c in claims if c.attribute == attribute]


def _doc(text: str, doc_id: str, published: str = "2025-03-07", language: str = "ar"):
    d = article(text, published, doc_id=doc_id)
    d.language = language
    return d


# --------------------------------------------------------------------------- values


def test_x_for_y_is_per_side_when_equal_and_the_sum_otherwise(rs):
    same = _claims(rs, "وأجرى البلدان عملية تبادل وفق صيغة (84 مقابل 84).", "exchange.prisoners")
    assert [(c.value.per_side, c.value.total) for c in same] == [(84, 168)]
    uneven = _claims(rs, "وأفرجت موسكو عن 12 سجينا مقابل 6 سجناء محتجزين في الغرب.", "exchange.prisoners")
    assert (None, 18) in [(c.value.per_side, c.value.total) for c in uneven]


def test_hostages_by_nationality_carry_their_group(rs):
    text = "وأكد الوسيط تسلم 15 رهينة من القطاع، بينهم 9 من الجنسية الإسرائيلية و6 رهائن فلبينيين."
    got = sorted((c.value.total, c.value.group) for c in _claims(rs, text, "exchange.hostages"))
    assert got == [(6, "philippines"), (9, "israel"), (15, None)]


def test_women_and_minors_are_read_from_the_breakdown_only(rs):
    text = "وأفرجت السلطات عن 45 معتقلا فلسطينيا، بينهم 20 امرأة و25 قاصرا."
    assert [c.value.total for c in _claims(rs, text, "exchange.women")] == [20]
    assert [c.value.total for c in _claims(rs, text, "exchange.minors")] == [25]
    # "45 women and children" is everyone freed, not the women among them
    assert _claims(rs, "وأفرجت السلطات عن 45 امرأة وطفلا.", "exchange.women") == []


def test_one_sides_release_is_marked_as_such(rs):
    got = _claims(rs, "وأفرجت روسيا عن 12 سجينا كانوا في سجونها.", "exchange.prisoners")
    assert [(c.value.total, c.value.by) for c in got] == [(12, "russia")]


def test_counts_compare_as_arithmetic_and_only_within_a_group():
    assert counts(CountValue(per_side=1000, total=2000), CountValue(total=2000)) is None  # 1,000 each = 2,000
    assert counts(CountValue(per_side=175, total=350), CountValue(total=350)) is None
    assert counts(CountValue(total=24), CountValue(total=26)) == "conflict.count"  # 16 for 8 against 26
    assert counts(CountValue(total=12, group="thailand"), CountValue(total=10, group="thailand")) == "conflict.count"
    assert counts(CountValue(total=13, group="israel"), CountValue(total=24)) is None  # a part, not the whole
    assert counts(CountValue(total=16, by="russia"), CountValue(total=26)) is None  # one side's release
    assert counts(CountValue(total=16, by=""), CountValue(total=8, by="")) is None  # sides not named
    assert counts_agree(CountValue(total=10, group="thailand"), CountValue(total=10, group="thailand"))
    assert not counts_agree(CountValue(total=10, group="thailand"), CountValue(total=10))


# --------------------------------------------------------------------------- events and findings

_A = ("أفرجت الحركة اليوم الجمعة عن 15 رهينة من غزة، بينهم 9 من الجنسية الإسرائيلية و6 رهائن فلبينيين، "
      "ضمن صفقة تبادل بوساطة قطرية.\n"
      "وفي المقابل أفرجت إسرائيل عن 45 معتقلا فلسطينيا، بينهم 20 امرأة و25 قاصرا.")
_B = ("أفرجت الحركة اليوم الجمعة عن 9 رهائن إسرائيليين و8 عمال فلبينيين، ضمن صفقة تبادل بوساطة قطرية.\n"
      "وفي المقابل أفرجت إسرائيل عن 45 معتقلا فلسطينيا، هم 25 طفلا و20 امرأة.")


def _findings(rs, *docs):
    report = analyse(list(docs), rs)
    return report, [(f.attribute, tuple(sorted(set(f.documents)))) for f in report.findings]


def test_one_groups_two_figures_conflict_and_nothing_else_does(rs):
    report, found = _findings(rs, _doc(_A, "wire-a"), _doc(_B, "site-b"))
    exchanges = [e for e in report.events if e.type == "exchange"]
    assert len(exchanges) == 1  # one exchange, told twice
    assert ("exchange.hostages", ("site-b", "wire-a")) in found  # 6 Filipinos against 8
    # 9 Israelis in both; 20 women and 25 minors in both, listed in another order; 15 in all
    # against the groups of the other account: nothing to report
    assert all(a == "exchange.hostages" for a, _ in found), found
    assert len({d for _, d in found}) == 1


def test_an_exchange_nothing_hosts_takes_its_own_day(rs):
    text = "أعلنت الإمارات اليوم الجمعة نجاح وساطة جديدة بين روسيا وأوكرانيا تكللت بإنجاز عملية تبادل شملت 90 أسيرا من كل جانب."
    dates = _claims(rs, text, "exchange.date")
    assert [c.value.day.isoformat() for c in dates] == ["2025-03-07"]


def test_a_weekday_the_pages_date_contradicts_is_reported(rs):
    # 7 March 2025 was a Friday; the page calls its own day Saturday
    text = "أعلنت الإمارات اليوم السبت نجاح وساطة جديدة بين روسيا وأوكرانيا تكللت بإنجاز عملية تبادل شملت 90 أسيرا من كل جانب."
    report, found = _findings(rs, _doc(text, "site-c"))
    assert any(a == "exchange.date" for a, _ in found), found


def test_an_exchange_carried_out_during_talks_is_an_event_of_its_own(rs):
    text = ("أجرت روسيا وأوكرانيا اليوم الجمعة عملية تبادل للأسرى خلال محادثات السلام في أبوظبي، "
            "شملت 90 أسيرا من كل جانب.")
    doc = _doc(text, "site-d")
    mentions, claims = extract(doc, rs)
    assert "exchange" in {m.type for m in mentions}
    assert {c.attribute for c in claims} >= {"exchange.date", "exchange.prisoners"}


def test_an_exchange_agreed_in_a_call_still_belongs_to_the_call(rs):
    text = "اتفق الرئيسان في اتصال هاتفي اليوم الجمعة على تبادل 175 أسيرا من كل جانب."
    mentions, claims = extract(_doc(text, "site-e"), rs)
    assert [m.type for m in mentions] == ["call"]
    assert [c.value.per_side for c in claims if c.attribute == "exchange.prisoners"] == [175]


def test_english_hostages_by_nationality_conflict(rs):
    a = _doc("Hamas released 24 hostages on Friday in the exchange, Qatar said: 13 Israelis had been released, "
             "plus 10 Thais and a Filipino.", "wire-f", language="en")
    # the same countries named in both (the sides, the nationalities, the mediator): one exchange
    b = _doc("Hamas released 13 Israelis and a Filipino on Friday in the exchange, Qatar said, and 12 Thai hostages"
             " were also freed.", "site-g", language="en")
    _, found = _findings(rs, a, b)
    assert ("exchange.hostages", ("site-g", "wire-f")) in found


def test_the_sides_named_after_between_are_the_exchanges_parties(rs):
    # the announcer (the UAE) is the mediator, not a side
    text = "أعلنت الإمارات نجاح وساطة جديدة بين روسيا وأوكرانيا تكللت اليوم الجمعة بإنجاز عملية تبادل شملت 90 أسيرا من كل جانب."
    mentions, claims = extract(_doc(text, "site-h"), rs)
    assert [(m.type, m.participants) for m in mentions] == [("exchange", ["russia", "ukraine"])]
    assert [c.value.label for c in claims if c.attribute == "exchange.mediator"] == ["uae"]
    en = _doc("The UAE said on Friday it had mediated a new exchange between Russia and Ukraine, 90 prisoners each.",
              "site-i", language="en")
    mentions, _ = extract(en, rs)
    assert [(m.type, m.participants) for m in mentions] == [("exchange", ["russia", "ukraine"])]


def test_a_potential_exchange_beside_the_reported_one_is_another(rs):
    text = ("أجرت روسيا وأوكرانيا اليوم الجمعة عملية تبادل شملت 90 أسيرا من كل جانب.\n"
            "وناقش الجانبان تبادلا محتملا يشمل 500 أسير من كل جانب.")
    mentions, claims = extract(_doc(text, "site-j"), rs)
    relation = {m.id: m.relation for m in mentions}
    by_count = {c.value.per_side: relation[c.mention] for c in claims if c.attribute == "exchange.prisoners"}
    assert by_count == {90: "reported", 500: "planned"}


def test_a_mediator_named_before_its_word_of_mediation(rs):
    text = "وقالت قطر، الدولة التي توسطت في الصفقة، إنه تم الإفراج عن 20 رهينة اليوم الجمعة ضمن عملية تبادل."
    _, claims = extract(_doc(text, "site-k"), rs)
    assert [c.value.label for c in claims if c.attribute == "exchange.mediator"] == ["qatar"]
    en = _doc("Qatar, which acted as mediator, said 20 hostages had been released on Friday in the exchange.",
              "site-l", language="en")
    _, claims = extract(en, rs)
    assert [c.value.label for c in claims if c.attribute == "exchange.mediator"] == ["qatar"]


def test_a_party_who_brokered_something_still_placed_the_call(rs):
    # words of mediation after a name are read for exchanges only
    text = "Trump, who brokered the deal, spoke by phone with Netanyahu on Friday."
    mentions, _ = extract(_doc(text, "site-m", language="en"), rs)
    assert [(m.type, m.participants) for m in mentions] == [("call", ["netanyahu", "trump"])]


# --------------------------------------------------------------------------- the rule files


@pytest.mark.parametrize("name, old, new, problem", [
    ("exchanges.yaml", "hosts: [call, talks, meeting]", "hosts: [call, talk, meeting]", "hosts: 'talk'"),
    ("meetings.yaml", "    starts_event: true\n", "    starts_event: true\n    stands_alone: true\n", "stands_alone"),
    ("exchanges.yaml", "    count: pair    #", "    count: pairs    #", "count"),
])
def test_rule_errors_name_file_and_line(tmp_path, name, old, new, problem):
    import shutil

    from checker.rules.loader import RuleError
    from checker.rules.ruleset import default_rules_dir

    rules = tmp_path / "rules"
    shutil.copytree(default_rules_dir(), rules)
    f = rules / "ar" / "claims" / name
    text = f.read_text(encoding="utf-8")
    assert old in text
    f.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(RuleError) as err:
        load_ruleset(rules)
    assert str(f) in str(err.value) and problem in str(err.value)
    assert f":{next(i for i, line in enumerate(f.read_text(encoding='utf-8').splitlines(), 1) if new.strip().splitlines()[-1] in line)}:" in str(err.value)


def test_released_them_on_a_day_dates_the_exchange(rs):
    # the raid that took them is another event; "تم إطلاق سراحهم يوم الجمعة" is the exchange's day
    text = "وأضاف أن 12 رهينة تايلانديا خطفوا في هجوم 7 أكتوبر وقد تم إطلاق سراحهم يوم الجمعة، 6 ديسمبر."
    dates = _claims(rs, text, "exchange.date", published="2024-12-06")
    assert [c.value.day.isoformat() for c in dates] == ["2024-12-06"]


def test_an_exchanges_sides_are_those_of_the_sentence_that_set_it_up(rs):
    text = ("تبادلت روسيا وأوكرانيا اليوم الجمعة 90 أسيرا من كل جانب.\n"
            "وشكرت أوكرانيا الإمارات وتركيا على جهودهما في عملية التبادل.")
    mentions, _ = extract(_doc(text, "site-n"), rs)
    assert [(m.type, m.participants) for m in mentions] == [("exchange", ["russia", "ukraine"])]


def test_accounts_naming_other_nationalities_of_one_exchange_are_one_event(rs):
    """One account names the Thai workers freed, the other only Israel and the Palestinians: an
    exchange's party lists are loose, so sharing Israel on the same day makes them one event."""
    thai = _doc("أفرجت حركة حماس اليوم الجمعة عن 13 رهينة إسرائيلية و10 عمال تايلانديين، "
                "ضمن صفقة تبادل بوساطة قطرية.", "thai")
    palestinians = _doc("وفي إطار صفقة التبادل أفرجت إسرائيل اليوم الجمعة عن 39 أسيرا فلسطينيا، "
                        "مقابل 12 رهينة إسرائيلية.", "palestinians")
    report, found = _findings(rs, thai, palestinians)
    assert [sorted(e.documents) for e in report.events if e.type == "exchange"] == [["palestinians", "thai"]]
    assert ("exchange.hostages", ("palestinians", "thai")) in found  # 13 Israelis against 12


def test_a_coordinating_country_is_the_exchanges_mediator_not_a_side(rs):
    [c] = _claims(rs, "تمت عملية تبادل السجناء بين روسيا والولايات المتحدة بتنسيق تركي يوم الخميس.", "exchange.mediator")
    assert c.value.label == "turkey"


def test_a_day_of_the_month_in_words_dates_the_exchange(rs):
    doc = article("وقالت الوكالة إن عملية التبادل جرت في الأول من أغسطس على مدرج المطار.", "2024-08-02")
    _, claims = extract(doc, rs)
    assert [c.value.day.isoformat() for c in claims if c.attribute == "exchange.date"] == ["2024-08-01"]



def test_an_exchange_agreed_in_a_call_or_of_views_is_none_carried_out(rs):
    agreed = article("أجرى بوتين اتصالا هاتفيا مع أردوغان يوم الاثنين، وتم الاتفاق على تبادل الأسرى بين روسيا وأوكرانيا.")
    views = article("أجرى لافروف اتصالا هاتفيا مع فيدان يوم الاثنين، جرى خلاله تبادل وجهات النظر حول سوريا.")
    for doc in (agreed, views):
        mentions, _ = extract(doc, rs)
        assert [m.type for m in mentions if m.relation == "reported"] == ["call"]


def test_where_prisoners_were_held_is_not_where_they_were_exchanged(rs):
    doc = article("وجرت عملية تبادل خمسة سجناء محتجزين في إيران على مدرج مطار الدوحة.")
    _, claims = extract(doc, rs)
    assert "iran" not in [c.value.place for c in claims if c.attribute == "exchange.place"]


def test_a_hedged_count_is_a_band_not_a_figure(rs):
    """'نحو 300' agrees with 310 (within the policy's 10%) and 'more than 200' with 230; the same
    words before 500 do not, and an exact 300 against 310 is still a conflict."""
    def exchange(count: str, doc_id: str):
        return _doc(f"تبادلت روسيا وأوكرانيا اليوم الأربعاء {count} أسير بوساطة إماراتية.", doc_id, "2025-03-05")

    _, found = _findings(rs, exchange("نحو 300", "about"), exchange("310", "exact"))
    assert found == []
    _, found = _findings(rs, exchange("أكثر من 200", "over"), exchange("230", "exact"))
    assert found == []
    _, found = _findings(rs, exchange("نحو 300", "about"), exchange("500", "exact"))
    assert ("exchange.prisoners", ("about", "exact")) in found
    _, found = _findings(rs, exchange("300", "three"), exchange("310", "exact"))
    assert ("exchange.prisoners", ("exact", "three")) in found


def test_views_exchanged_in_a_call_are_no_exchange(rs):
    doc = _doc("أجرى بوتين اتصالا هاتفيا بترامب اليوم، وتبادلا وجهات النظر حول أوكرانيا.", "views")
    report, _ = _findings(rs, doc)
    assert [e.type for e in report.events] == ["call"]
    assert report.events[0].date is not None  # the day is the call's, no exchange took it


def test_talks_that_led_to_an_exchange_neither_host_nor_split_it(rs):
    """'after complex negotiations' is the exchange's background: one exchange, with its day,
    count and mediator, told by one side as prisoners brought back and by the other as a swap."""
    back = _doc("أعلنت وزارة الدفاع الروسية، اليوم الأربعاء، أنه تمت إعادة 248 أسيرا روسيا من الأراضي "
                "الأوكرانية بوساطة إماراتية، بعد مفاوضات معقدة.", "back", "2024-01-03")
    swap = _doc("أعلنت أوكرانيا وروسيا يوم الأربعاء أول عملية لتبادل أسرى الحرب منذ خمسة أشهر، حيث أطلق "
                "كل جانب أكثر من 200 أسير، بعد ما وصفته موسكو بمفاوضات معقدة شاركت فيها الإمارات بالوساطة.",
                "swap", "2024-01-03")
    report, found = _findings(rs, back, swap)
    assert [(e.type, sorted(e.documents)) for e in report.events] == [("exchange", ["back", "swap"])]
    assert found == []


def test_talks_in_which_an_exchange_was_agreed_still_host_it(rs):
    """'agreed to exchange ... after talks that lasted two hours': the talks' outcome, so both
    accounts are one talks event and their durations are compared."""
    after = _doc("واتفق الوفدان الروسي والأوكراني على تبادل ألف أسير من كل جانب بعد محادثات استمرت ساعتين في "
                 "إسطنبول اليوم الجمعة.", "after", "2025-05-16")
    held = _doc("وأجرى الوفدان الروسي والأوكراني محادثات في إسطنبول اليوم الجمعة استمرت ثلاث ساعات، واتفقا على "
                "تبادل ألف أسير من كل جانب.", "held", "2025-05-16")
    report, found = _findings(rs, after, held)
    assert [(e.type, sorted(e.documents)) for e in report.events] == [("talks", ["after", "held"])]
    assert ("talks.duration", ("after", "held")) in found


def test_meetings_an_english_swap_followed_are_its_background(rs):
    doc = _doc("The swap on Aug. 1 followed two meetings between representatives of the countries in Istanbul.",
               "followed", "2024-08-02", "en")
    report = analyse([doc], rs)
    assert [(e.type, e.date.date_from.isoformat()) for e in report.events] == [("exchange", "2024-08-01")]


def test_a_running_total_and_an_earlier_exchange_recalled_are_not_this_exchanges_count(rs):
    wire = _doc("Russia and Ukraine exchanged 115 prisoners of war from each side on Saturday. The UAE said it has "
                "now mediated the release of a total of 1,788 prisoners.", "wire", "2024-08-24", "en")
    page = _doc("وتبادلت روسيا وأوكرانيا يوم السبت 115 أسيرا من كل جانب بوساطة إماراتية. وكانت من أكبر عمليات التبادل "
                "تلك التي جرت في 3 يناير، عندما تبادلت الدولتان ما مجموعه 478 أسيراً.", "page", "2024-08-24")
    report, found = _findings(rs, wire, page)
    assert found == []
    [recalled] = [m for m in report.mentions if m.relation == "recalled"]
    assert recalled.document == "page"


def test_an_exchanges_announcement_day_is_its_day(rs):
    text = ("وأكد البلدان أن روسيا وأوكرانيا تبادلتا 115 أسيرا من كل جانب بوساطة إماراتية. وذكرت وزارة الخارجية "
            "الإماراتية، اليوم السبت، أن الإمارات نجحت في التوسط في عملية تبادل أسرى جديدة بين روسيا وأوكرانيا.")
    assert [c.value.day.isoformat() for c in _claims(rs, text, "exchange.date", "2024-08-24")] == ["2024-08-24"]


def test_a_weekday_with_its_date_in_brackets_is_one_day_and_a_raid_keeps_its_own(rs):
    # the page gives no date; the raids' day comes before a comma, the release's after the verb
    got = _claims(rs, "أعلن رئيس الوزراء التايلاندي أن 12 رهينة تايلانديا، ممن خطفوا أثناء الغارات التي شنتها "
                      "حماس على إسرائيل في 7 أكتوبر، أطلق سراحهم يوم الجمعة (24 نوفمبر).", "exchange.date", None)
    assert [(c.value.day_of_month, c.value.month, c.value.weekday, c.text) for c in got] == \
        [(24, 11, 4, "يوم الجمعة (24 نوفمبر)")]


@pytest.mark.parametrize("text, mediator", [
    ("أعلنت دولة الإمارات نجاح مسعى جديد للوساطة بذلته بين الطرفين، أفضى إلى إتمام عملية تبادل شملت 292 أسيراً.", "uae"),
    ("أعلنت الرئاسة التركية أن تركيا تولت في أنقرة تنسيق عملية تبادل 26 سجينا بين روسيا والولايات المتحدة.", "turkey"),
    ("أعلنت وزارة الخارجية القطرية، وهي الدولة التي أدت دور الوسيط في الاتفاق، الإفراج عن 13 رهينة.", "qatar"),
])
def test_more_wordings_of_a_mediator(rs, text, mediator):
    assert [c.value.label for c in _claims(rs, text, "exchange.mediator")] == [mediator]


def test_the_country_that_takes_on_the_mediation_of_talks_is_no_side(rs):
    got = _claims(rs, "بدأت الجولة الخامسة من المفاوضات بين إيران والولايات المتحدة، والتي تتولى سلطنة عمان الوساطة فيها.",
                  "talks.mediator")
    assert [c.value.label for c in got] == ["oman"]


@pytest.mark.parametrize("text, language, expected", [
    ("وفي المقابل أفرج عن تسعة وثلاثين من المعتقلين الفلسطينيين.", "ar", {"total": 39}),
    ("Israel released thirty-nine Palestinian prisoners on Friday.", "en", {"total": 39}),
    ("نفذت روسيا وأوكرانيا صفقة أفرج بموجبها كل من الطرفين عن 157 جنديا أسيرا.", "ar", {"per_side": 157}),
    ("وتضم عملية التبادل، التي نفذها جهاز الاستخبارات، 26 سجينا في المجموع بينهم قاصرون.", "ar", {"total": 26}),
    ("أعلنت الرئاسة أن 26 شخصا كانوا محتجزين في سجون سبع دول جرت مبادلتهم يوم الخميس.", "ar", {"total": 26}),
])
def test_counts_in_words_and_other_wordings(rs, text, language, expected):
    got = [c.value for c in _claims(rs, text, "exchange.prisoners", language=language)]
    assert got and all(getattr(v, k) == n for v in got[:1] for k, n in expected.items())


def test_prisoners_who_were_returned_open_the_exchange_with_its_sides_and_day(rs):
    doc = _doc("قالت موسكو إن 248 أسيرا روسيا أعيدوا من أوكرانيا يوم الأربعاء مقابل 230 أسيرا أوكرانيا.",
               "ru", "2024-01-04")
    mentions, _ = extract(doc, rs)
    assert [(sorted(m.participants), m.date.day.isoformat()) for m in mentions] == [(["russia", "ukraine"], "2024-01-03")]


@pytest.mark.parametrize("text, language, mediators", [
    ("أفرجت إيران عن خمسة أمريكيين بوساطة الدوحة.", "ar", ["qatar"]),
    ("The prisoner swap of 5 prisoners each, mediated by Qatar, Oman and Switzerland, was completed.", "en",
     ["qatar", "oman", "switzerland"]),
])
def test_mediators_named_by_their_capital_or_listed_with_and(rs, text, language, mediators):
    assert [c.value.label for c in _claims(rs, text, "exchange.mediator", language=language)] == mediators


def test_english_a_release_of_people_counted_in_words_is_an_exchange(rs):
    got = _claims(rs, "Iran freed five Americans in a deal mediated by Doha.", "exchange.mediator", language="en")
    assert [c.value.label for c in got] == ["qatar"]
