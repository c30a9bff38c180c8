"""Titles against the knowledge base: on undated pages, for titles after a name, given names.
Sentences written for these tests."""

from __future__ import annotations

from checker.extract.claims import extract
from checker.pipeline import analyse
from helpers import article


def _rules(report, prefix="knowledge."):
    return sorted((f.rule, tuple(f.documents)) for f in report.findings if f.rule.startswith(prefix))


def test_undated_page_calling_a_leader_current_and_former(rs):
    doc = article("غادر زيلينسكي البيت الأبيض بعد لقاء مع الرئيس الأمريكي دونالد ترامب دام ساعة. "
                  "وقال الرئيس الأمريكي السابق دونالد ترامب إن الحوار ضروري.", None, "a")
    report = analyse([doc], rs)
    assert _rules(report) == [("knowledge.titles", ("a",))]
    [f] = [f for f in report.findings if f.rule == "knowledge.titles"]
    assert f.subject == "trump" and len(f.evidence) == 2


def test_undated_page_calling_a_leader_current_and_elect(rs):
    doc = article("بحث الرئيس الأمريكي دونالد ترامب أمس مع الرئيس المصري السيسي قضايا المنطقة. "
                  "وأبدى الرئيس الأمريكي المنتخب دونالد ترامب تطلعه إلى زيارة قريبة.", None, "a")
    assert _rules(analyse([doc], rs)) == [("knowledge.titles", ("a",))]


def test_former_and_elect_together_fit_the_weeks_before_a_second_term(rs):
    # November 2024: Trump was a former president and the president-elect at once
    doc = article("قال الرئيس الأمريكي السابق دونالد ترامب إن الحوار ضروري. "
                  "وأضاف الرئيس الأمريكي المنتخب دونالد ترامب أنه سيعمل على إنهاء الحرب.", None, "a")
    assert _rules(analyse([doc], rs)) == []


def test_a_single_former_title_on_an_undated_page_says_nothing(rs):
    # without a day, "former" alone may be right (2021-2024) or wrong: no finding
    doc = article("وقال الرئيس الأمريكي السابق دونالد ترامب إن الحوار ضروري.", None, "a")
    assert _rules(analyse([doc], rs)) == []


def test_a_dated_page_is_checked_title_by_title_not_by_the_pair(rs):
    doc = article("قال الرئيس الأمريكي دونالد ترامب إن الحوار ضروري. "
                  "وأضاف الرئيس الأمريكي السابق دونالد ترامب أنه سيعمل على إنهاء الحرب.", "2025-03-01", "a")
    assert _rules(analyse([doc], rs)) == [("knowledge.title", ("a",))]


def test_title_after_a_full_name_without_a_comma(rs):
    _, claims = extract(article("وحضر اللقاء يوري أوشاكوف نائب الرئيس الروسي.", "2025-08-06"), rs)
    titles = {c.subject: (c.value.role, c.value.country) for c in claims if c.attribute == "person.title"}
    assert titles == {"ushakov": ("vice_president", "russia")}


def test_a_post_russia_does_not_have_is_a_knowledge_finding(rs):
    doc = article("استقبل الرئيس الروسي فلاديمير بوتين اليوم المبعوث الأمريكي ستيف ويتكوف. "
                  "وحضر اللقاء يوري أوشاكوف نائب الرئيس الروسي.", "2025-08-06", "a")
    findings = [f for f in analyse([doc], rs).findings if f.rule == "knowledge.title"]
    assert [f.subject for f in findings] == ["ushakov"]


def test_a_title_after_a_name_without_a_comma_that_is_a_verbs_object(rs):
    # "Putin told the American president that...": the title is someone else, not Putin's
    _, claims = extract(article("وأبلغ فلاديمير بوتين الرئيس الأمريكي أن موسكو مستعدة للحوار.", "2025-08-06"), rs)
    assert not [c for c in claims if c.attribute == "person.title" and c.subject == "putin"]


def test_a_title_after_a_bare_surname_without_a_comma_is_not_read(rs):
    _, claims = extract(article("وحضر اللقاء أوشاكوف نائب الرئيس الروسي.", "2025-08-06"), rs)
    assert not [c for c in claims if c.attribute == "person.title" and c.subject == "ushakov"]


def test_wrong_first_name_of_a_known_envoy(rs):
    good = article("وصل المبعوث الأمريكي ستيف ويتكوف إلى موسكو اليوم.", "2025-08-06", "a")
    bad = article("وصل المبعوث الأمريكي جون ويتكوف إلى موسكو اليوم.", "2025-08-06", "b")
    report = analyse([good, bad], rs)
    assert [f.documents for f in report.findings if f.rule == "knowledge.name"] == [["b"]]


def test_wrong_first_name_of_a_known_minister(rs):
    # "ديمتري" is a given name the rules know (Peskov's), just not Lavrov's
    good = article("قال وزير الخارجية الروسي سيرغي لافروف إن المحادثات كانت مفيدة.", "2025-08-06", "a")
    bad = article("قال وزير الخارجية الروسي ديمتري لافروف إن المحادثات كانت مفيدة.", "2025-08-06", "b")
    report = analyse([good, bad], rs)
    assert [f.documents for f in report.findings if f.rule == "knowledge.name"] == [["b"]]


def test_a_post_held_alongside_another_is_no_stale_title(rs):
    # Rubio took on the national security adviser's post beside the State Department (May 2025)
    doc = article("Trump met Zelensky with Secretary of State Marco Rubio on Friday. "
                  "National Security Adviser Marco Rubio said the talks went well.", "2025-06-06", "a")
    doc.language = "en"
    report = analyse([doc], rs)
    assert not [f for f in report.findings if f.subject == "rubio"]


def test_a_post_left_is_a_stale_title(rs):
    doc = article("U.S. National Security Adviser Mike Waltz said the talks went well.", "2025-06-06", "a")
    doc.language = "en"
    findings = [f for f in analyse([doc], rs).findings if f.rule == "knowledge.title"]
    assert [f.subject for f in findings] == ["waltz"]


def test_algerias_president_is_known(rs):
    _, claims = extract(article("تلقى الرئيس الجزائري عبد المجيد تبون اتصالا هاتفيا من ولي العهد السعودي.", "2022-10-29"), rs)
    titles = {c.subject: c.value.role for c in claims if c.attribute == "person.title"}
    assert titles.get("tebboune") == "president"


def _call_pages(undated_text):
    dated = article("أجرى الرئيس الأمريكي المنتخب دونالد ترامب اليوم الخميس اتصالا هاتفيا مع الرئيس المصري "
                    "عبد الفتاح السيسي.", "2016-12-22", "dated")
    undated = article(undated_text, None, "undated")
    return [dated, undated]


def test_the_other_accounts_day_with_the_weekday_the_page_gives(rs):
    docs = _call_pages("تلقى الرئيس المصري عبد الفتاح السيسي الخميس اتصالا هاتفيا من الرئيس الأمريكي دونالد ترامب.")
    report = analyse(docs, rs)
    [f] = [f for f in report.findings if f.rule == "knowledge.title"]
    assert f.documents == ["undated"] and f.params["basis"] == "others"
    assert "other accounts" in f.message


def test_the_other_accounts_day_only_for_a_party_of_the_event(rs):
    # the page names Trump only in passing; the event's parties are countries
    dated = article("بدأت في مسقط اليوم الثلاثاء جولة محادثات بين إيران والولايات المتحدة.", "2025-04-15", "dated")
    undated = article("انطلقت الثلاثاء في مسقط جولة محادثات بين إيران والولايات المتحدة. "
                      "وكان الرئيس الأمريكي السابق دونالد ترامب قد انسحب من الاتفاق.", None, "undated")
    assert not [f for f in analyse([dated, undated], rs).findings if f.rule == "knowledge.title"]


def test_no_stale_title_on_the_other_accounts_day_alone(rs):
    # the page states no day at all: it may have been joined to the event wrongly
    docs = _call_pages("تلقى الرئيس المصري عبد الفتاح السيسي اتصالا هاتفيا من الرئيس الأمريكي دونالد ترامب.")
    report = analyse(docs, rs)
    assert not [f for f in report.findings if f.rule == "knowledge.title"]


def test_a_stale_title_on_an_estimated_date_says_so(rs):
    from checker.models import Document, Published, Segment

    text = "وحضر اللقاء يوري أوشاكوف نائب الرئيس الروسي."
    doc = Document(id="a", path="a.txt", text=text, url="https://example.com/news/2025/08/06/item",
                   published=Published(), segments=[Segment(kind="article", start=0, end=len(text), label="main")])
    [f] = [f for f in analyse([doc], rs).findings if f.rule == "knowledge.title"]
    assert f.params["basis"] == "estimated" and "estimated" in f.message


def test_a_minister_moved_in_a_reshuffle_is_a_stale_title(rs):
    # Lammy left the Foreign Office on 5 September 2025 (knowledge base)
    before = article("وقال وزير الخارجية البريطاني ديفيد لامي إن الحوار ضروري.", "2025-08-01", "before")
    after = article("وقال وزير الخارجية البريطاني ديفيد لامي إن الحوار ضروري.", "2025-10-01", "after")
    findings = [f for f in analyse([before, after], rs).findings if f.rule == "knowledge.title"]
    assert [f.documents for f in findings] == [["after"]]


def test_a_late_emir_called_emir(rs):
    doc = article("وتلقى أمير الكويت الشيخ نواف الأحمد الجابر الصباح اتصالا هاتفيا من الرئيس المصري.", "2024-03-01", "a")
    findings = [f for f in analyse([doc], rs).findings if f.rule == "knowledge.title"]
    assert [f.subject for f in findings] == ["nawaf"]


def test_a_spokeswoman_known_to_the_knowledge_base_is_no_party(rs):
    _, claims = extract(article("وقالت المتحدثة باسم البيت الأبيض كارولين ليفيت إن ترامب تحدث مع بوتين.", "2025-08-06"), rs)
    titles = {c.subject: c.value.role for c in claims if c.attribute == "person.title"}
    assert titles.get("leavitt") == "spokesman"
    doc = article("U.S. President Donald Trump spoke with Russian President Vladimir Putin on Wednesday, "
                  "White House press secretary Karoline Leavitt said.", "2025-08-06", "a")
    doc.language = "en"
    mentions, claims = extract(doc, rs)
    assert {c.subject: c.value.role for c in claims if c.attribute == "person.title"}.get("leavitt") == "spokesman"
    assert all("leavitt" not in m.participants for m in mentions if m.type == "call")


def test_the_post_held_at_the_time_is_no_stale_title(rs):
    # 2023: Trump is a former president; "the American president at the time" is about 2018
    doc = article("قال الرئيس الأمريكي السابق دونالد ترامب إن الاتفاق سيئ. "
                  "وكان الرئيس الأمريكي آنذاك دونالد ترامب قد انسحب من الاتفاق عام 2018.", "2023-05-01", "a")
    report = analyse([doc], rs)
    assert not [f for f in report.findings if f.kind == "knowledge"]
    assert {c.value.status for c in report.claims if c.attribute == "person.title"} == {"former", "then"}


def test_then_president_in_english(rs):
    doc = article("Former President Donald Trump criticised the deal on Monday. "
                  "In 2018, then-President Donald Trump withdrew from the agreement.", None, "a")
    doc.language = "en"
    report = analyse([doc], rs)
    assert not [f for f in report.findings if f.kind == "knowledge"]


def test_a_courtesy_title_without_a_country_is_let_be(rs):
    doc = article("Former President Donald Trump spoke at a rally on Saturday. President Trump said the election "
                  "was coming.", None, "a")
    doc.language = "en"
    assert not [f for f in analyse([doc], rs).findings if f.kind == "knowledge"]


def test_a_leaders_special_representative_is_an_envoy_not_the_leader(rs):
    _, claims = extract(article("وشارك من الجانب الروسي الممثل الخاص للرئيس الروسي كيريل دميترييف.", "2026-01-23"), rs)
    [title] = [c for c in claims if c.attribute == "person.title"]
    assert (title.value.role, title.value.country) == ("envoy", "russia")


def test_an_envoy_loosely_called_an_aide_is_no_stale_title(rs):
    # Dmitriev is the president's special representative (a function, not a standing office)
    doc = article("Witkoff met Putin in the Kremlin on Wednesday, joined by presidential aide Kirill Dmitriev.",
                  "2025-08-06", "a")
    doc.language = "en"
    assert not [f for f in analyse([doc], rs).findings if f.rule == "knowledge.title"]


def test_the_knowledge_base_has_one_holder_of_a_post_at_a_time(rs):
    # posts several people hold at once (spokespeople, aides, envoys) apart
    shared = {r.id for r in rs.titles.roles if not r.party or not r.office}
    by_post = {}
    for t in rs.offices.terms:
        assert t.to is None or t.from_ < t.to, t
        assert t.checked is None or t.checked.startswith("http"), t
        if t.role not in shared:
            by_post.setdefault((t.role, t.country), []).append(t)
    for post, terms in by_post.items():
        terms.sort(key=lambda t: t.from_)
        for a, b in zip(terms, terms[1:]):
            if a.person != b.person:
                assert a.to is not None and a.to <= b.from_, (post, a.person, b.person)


def test_putins_aide_named_by_the_presidents_name(rs):
    _, claims = extract(article("وقال مستشار بوتين، يوري أوشاكوف، إن اللقاء كان مفيدا.", "2025-08-06"), rs)
    titles = {c.subject: (c.value.role, c.value.country) for c in claims if c.attribute == "person.title"}
    assert titles == {"ushakov": ("kremlin_aide", "russia")}


def test_an_undated_page_naming_the_events_matter_is_checked_on_the_events_day(rs):
    dated = article("استقبل الرئيس الأمريكي دونالد ترامب الرئيس الأوكراني فولوديمير زيلينسكي في المكتب البيضاوي "
                    "اليوم الجمعة لتوقيع اتفاق المعادن.", "2025-02-28", "dated")
    undated = article("التقى الرئيس الأمريكي السابق دونالد ترامب الرئيس الأوكراني زيلينسكي في المكتب البيضاوي، "
                      "وانتهى اللقاء بمشادة حالت دون توقيع اتفاق المعادن.", None, "undated")
    [f] = [f for f in analyse([dated, undated], rs).findings if f.rule == "knowledge.title"]
    assert f.documents == ["undated"] and f.params["basis"] == "matters" and f.params["date"] == "2025-02-28"


def test_a_minister_named_with_the_dual_title_gives_his_counterpart_the_post(rs):
    _, claims = extract(article("أعلن الكرملين عن لقاء وزيري الخارجية الروسي سيرجي لافروف ونظيره التركي مولود شاويش "
                                "أوغلو.", "2023-08-31"), rs)
    titles = {c.subject: c.value.role for c in claims if c.attribute == "person.title"}
    assert titles == {"lavrov": "foreign_minister", "cavusoglu": "foreign_minister"}
