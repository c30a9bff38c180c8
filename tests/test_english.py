"""English pages, pages in a language without rules, and English against Arabic accounts.

The fixture articles (tests/data/english/) are sentences written for these tests.
"""

from __future__ import annotations

import json

from checker.cli import main
from checker.extract.claims import extract
from checker.ingest import read_inputs
from checker.pipeline import run
from checker.report import to_html
from checker.rules.ruleset import load_ruleset
from checker.text.language import detect_language, language_code, sentence_language
from tests.helpers import REPO, article

DATA = REPO / "tests" / "data" / "english"


def _english(text: str):
    doc = article(text, "2025-05-19")
    doc.language = "en"
    return extract(doc, load_ruleset())


def _by_attribute(claims):
    out: dict[str, list] = {}
    for c in claims:
        out.setdefault(c.attribute, []).append(c.value.model_dump(mode="json", exclude_none=True, by_alias=True))
    return out


def test_an_english_article_alone_gives_its_claims():
    text = ("U.S. President Donald Trump held a phone call with Russian President Vladimir Putin on Monday. "
            "The call lasted more than two hours and began at 10 a.m. ET, Kremlin spokesman Dmitry Peskov said. "
            "Putin took the call at 5 pm Moscow time.")
    mentions, claims = _english(text)
    got = _by_attribute(claims)
    assert [m.participants for m in mentions if m.type == "call"] == [["putin", "trump"]]
    assert got["call.date"][0]["from"] == "2025-05-19"
    assert got["call.duration"] == [{"type": "duration", "minutes": 120.0, "min": 120.0}]
    assert got["call.initiator"][0] == {"type": "initiator", "caller": "trump", "callee": "putin", "strength": "neutral"}
    times = {(t["hour"], t["zone"]) for t in got["call.time"]}
    assert times == {(10, "America/New_York"), (17, "Europe/Moscow")}
    titles = {(c.subject, c.value.role, c.value.country) for c in claims if c.attribute == "person.title"}
    assert ("peskov", "kremlin_spokesman", "russia") in titles and ("trump", "president", "usa") in titles
    # evidence is quoted from the original text, case and all
    assert any(c.text == "U.S. President Donald Trump" for c in claims)


def test_receiving_a_call_is_no_meeting():
    mentions, claims = _english("Egyptian President Abdel Fattah al-Sisi received a call from US President "
                                "Donald Trump on Thursday.")
    assert [m.type for m in mentions] == ["call"]
    assert _by_attribute(claims)["call.initiator"][0]["caller"] == "trump"


def test_met_late_with_a_delegation_led_by_an_envoy_is_a_meeting():
    mentions, _ = _english("Russian President Vladimir Putin met on Thursday night with a US team that was headed by "
                           "special envoy Steve Witkoff.")
    assert [(m.type, sorted(m.participants)) for m in mentions] == [("meeting", ["russia", "usa"])]


def test_two_who_met_and_a_summit_held_are_meetings_one_agreed_is_none():
    for text in ("Biden and Putin met in Geneva on Wednesday.", "Russian and Ukrainian negotiators met in Istanbul.",
                 "Biden and Putin held a summit in Geneva on Wednesday."):
        mentions, _ = _english(text)
        assert [(m.type, m.relation) for m in mentions] == [("meeting", "reported")], text
    mentions, _ = _english("The two leaders agreed to hold a summit in Vienna next year.")
    assert [m.relation for m in mentions] in ([], ["planned"])


def test_joined_country_adjectives_give_a_shared_title_no_country():
    """"Russian and US Presidents Vladimir Putin and Joe Biden": the nearest adjective is not
    Putin's country, so the title says only "president"."""
    _, claims = _english("Russian and US Presidents Vladimir Putin and Joe Biden have completed their talks in Geneva.")
    titles = [(c.subject, c.value.role, c.value.country) for c in claims if c.attribute == "person.title"]
    assert ("putin", "president", "usa") not in titles
    assert all(country is None for _, _, country in titles)


def test_the_day_an_aide_speaks_of_a_reported_meeting_is_not_its_day():
    _, claims = _english("Russian President Vladimir Putin met US envoy Steve Witkoff in Moscow on Thursday. "
                         "Yury Ushakov, a Kremlin aide, said Friday that the Russian leader had insisted in the talks that "
                         "land is still the main sticking point.")
    assert [c.value.weekday for c in claims if c.attribute.endswith(".date")] == [3]


def test_talks_recalled_from_earlier_that_year_are_not_the_talks_reported():
    mentions, claims = _english("Russia, Ukraine and the United States held a second round of talks in Abu Dhabi on "
                                "Wednesday. The two sides last swapped prisoners after agreements reached in Istanbul, "
                                "which hosted several rounds of direct talks earlier that year.")
    reported = [m.id for m in mentions if m.type == "talks" and m.relation == "reported"]
    places = {c.value.place for c in claims if c.attribute == "talks.place" and c.mention in reported}
    assert places == {"abu_dhabi"}


def test_english_counts_and_statuses():
    _, claims = _english("Russia and Ukraine agreed on a 1,000 for 1,000 prisoner exchange, "
                         "former U.S. President Joe Biden said.")
    got = _by_attribute(claims)
    assert got["exchange.prisoners"][0]["per_side"] == 1000
    assert any(c.subject == "biden" and c.value.status == "former" for c in claims if c.attribute == "person.title")


def test_an_english_and_an_arabic_account_are_one_event_with_two_findings():
    report = run([DATA / "en-wire.md", DATA / "ar-site.md"])
    assert [(e.type, e.participants) for e in report.events] == [("call", ["putin", "trump"])]
    conflicts = {f.attribute for f in report.findings if f.kind == "conflict"}
    assert conflicts == {"call.duration", "person.title"}
    for f in report.findings:
        assert {s.document for s in f.evidence} <= {"en-wire", "ar-site"}
    langs = {d.id: d.language for d in report.documents}
    assert langs == {"en-wire": "en", "ar-site": "ar"}
    # each side's evidence keeps its own language and direction in the HTML report
    html = to_html(report)
    assert '<blockquote class="evidence" lang="en" dir="auto">' in html
    assert '<blockquote class="evidence" lang="ar" dir="rtl">' in html


def test_a_page_in_a_language_without_rules_is_reported_in_every_format(tmp_path, capsys):
    out = {k: tmp_path / f"r.{k}" for k in ("json", "sarif", "md")}
    code = main(["report", str(DATA / "fr-page.md"), str(DATA / "en-wire.md"), "--json", str(out["json"]),
                 "--sarif", str(out["sarif"]), "--markdown", str(out["md"]), "--fail-on", "never"])
    assert code == 0
    doc = next(d for d in json.loads(out["json"].read_text(encoding="utf-8"))["documents"] if d["id"] == "fr-page")
    assert doc["status"] == "unsupported_language" and "no claims were read" in doc["warnings"][-1]
    sarif = json.loads(out["sarif"].read_text(encoding="utf-8"))
    notes = sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert any(n["level"] == "warning" and "fr-page" in n["message"]["text"] for n in notes)
    assert "language without rules" in out["md"].read_text(encoding="utf-8")
    assert "fr-page.md: warning:" in capsys.readouterr().err
    report = run([DATA / "fr-page.md"])
    assert "no claims were read" in to_html(report)


def test_a_declared_language_wins_and_unknown_codes_are_said(tmp_path):
    (tmp_path / "de.md").write_text("---\nlanguage: de-DE\n---\nPutin und Trump telefonierten am Montag.\n", encoding="utf-8")
    (tmp_path / "odd.md").write_text("---\nlanguage: English\n---\nTrump held a phone call with Putin on Monday.\n",
                                     encoding="utf-8")
    (tmp_path / "plain.txt").write_text("Trump held a phone call with Putin on Monday, the White House said.\n",
                                        encoding="utf-8")
    docs = {d.id: d for d in read_inputs([tmp_path])}
    assert (docs["de"].language, docs["de"].status) == ("de", "unsupported_language")
    assert (docs["odd"].language, docs["odd"].status) == ("en", "ok")
    assert "not a language code" in docs["odd"].warnings[0]
    assert (docs["plain"].language, docs["plain"].status) == ("en", "ok")


def test_language_codes_and_scripts():
    assert language_code("EN-us") == "en" and language_code("ar_EG") == "ar" and language_code("English") is None
    assert detect_language("قال الكرملين إن الاتصال استمر ساعتين.") == "ar"
    assert detect_language("The Kremlin said the call lasted two hours and the talks were useful.") == "en"
    assert detect_language("Le Kremlin a indiqué que l'appel avait duré deux heures.") == "latin"
    assert detect_language("12345 --") is None
    assert sentence_language("The call lasted two hours.", "ar", ["ar", "en"]) == "en"
    assert sentence_language("استمر الاتصال ساعتين.", "en", ["ar", "en"]) == "ar"


def test_a_mixed_page_reads_each_sentence_with_its_own_rules():
    text = ("أجرى الرئيس الأمريكي دونالد ترامب اتصالا هاتفيا بالرئيس الروسي فلاديمير بوتين اليوم.\n"
            "The call lasted about an hour and a half, the Kremlin said.")
    doc = article(text, "2025-05-19")  # an Arabic page (the default) with an English quote
    _, claims = extract(doc, load_ruleset())
    got = _by_attribute(claims)
    assert got["call.initiator"][0]["caller"] == "trump"
    assert got["call.duration"][0]["minutes"] == 90.0


def test_english_rule_examples_pass():
    from checker.rules.examples import run_examples

    results = [r for r in run_examples(load_ruleset()) if "/en/" in r.path]
    assert results and all(r.ok for r in results), [r.problem for r in results if not r.ok]


def test_entities_keep_their_ids_across_languages():
    rs = load_ruleset()
    ar = {e.id for e in rs.entities.entities}
    en = {e.id for e in rs.for_language("en").entities.entities}
    assert ar <= en


def test_english_appositions():
    _, claims = _english("Dmitry Peskov, the Kremlin spokesman, said Steve Witkoff, U.S. President Donald Trump's "
                         "envoy, had talks with Putin in Moscow.")
    titles = {(c.subject, c.value.role) for c in claims if c.attribute == "person.title"}
    assert ("peskov", "kremlin_spokesman") in titles and ("trump", "president") in titles
    assert ("witkoff", "president") not in titles  # the title in his apposition is Trump's


def test_a_persons_own_country_adjective_is_part_of_the_name():
    mentions, claims = _english("Biden calls Saudi King Salman ahead of the release of the report.")
    assert [sorted(m.participants) for m in mentions] == [["biden", "king_salman"]]
    assert _by_attribute(claims)["call.initiator"][0]["caller"] == "biden"


def test_an_earlier_call_in_english_is_another_event_than_the_one_reported():
    mentions, claims = _english("Trump spoke by phone with Putin on Wednesday for two hours. "
                                "In their previous call on Monday, the two leaders talked for 90 minutes.")
    relation = {m.id: m.relation for m in mentions}
    durations = {c.value.minutes: relation[c.mention] for c in claims if c.attribute == "call.duration"}
    assert durations == {120.0: "reported", 90.0: "recalled"}


def test_the_next_round_of_talks_in_english_is_planned_not_the_meeting_reported():
    mentions, claims = _english("Witkoff met Putin in Moscow on Thursday. "
                                "The next round of talks will be held in Abu Dhabi on Friday.")
    relation = {m.id: m.relation for m in mentions}
    places = {c.value.place: relation[c.mention] for c in claims if c.attribute.endswith(".place")}
    assert places == {"moscow": "reported", "abu_dhabi": "planned"}


def test_a_place_and_a_day_after_words_of_a_planned_event_are_not_the_meetings():
    mentions, claims = _english("President Vladimir Putin met envoy Steve Witkoff in Moscow on Sunday, two days "
                                "ahead of planned three-way discussions in Geneva.")
    assert [m.participants for m in mentions if m.type == "meeting"] == [["russia", "usa"]]
    assert sorted(c.value.place for c in claims if c.attribute == "meeting.place") == ["moscow"]
    _, claims = _english("Putin and Witkoff talked for three hours at the Kremlin, and further "
                         "negotiations are set to open on Monday.")
    assert [c for c in claims if c.attribute == "talks.date"] == []


def test_a_day_in_brackets_before_a_verb_of_saying_is_the_statements():
    _, claims = _english("Witkoff and Putin held talks at the Kremlin on Tuesday. "
                         "Earlier (on Monday), a White House spokesman said he expected progress in the talks.")
    assert [c.value.weekday for c in claims if c.attribute == "talks.date"] == [1]


def test_people_talked_about_after_the_clause_of_a_call_are_not_its_parties():
    text = ("President Biden spoke Thursday with King Salman of Saudi Arabia, ahead of a report expected "
            "to implicate Crown Prince Mohammed bin Salman. The description of the call did not mention "
            "the crown prince or Mohammed bin Salman.")
    mentions, _ = _english(text)
    assert [sorted(m.participants) for m in mentions] == [["biden", "king_salman"]]


def test_a_country_whose_future_is_discussed_is_no_place_and_welcomes_is_a_meeting():
    mentions, claims = _english("President Trump welcomes President Zelensky at the White House on Friday, "
                                "hailing an American investment in Ukraine's future.")
    assert [m.type for m in mentions] == ["meeting"]
    assert [c.value.place for c in claims if c.attribute == "meeting.place"] == ["washington"]


def test_the_call_that_came_after_another_keeps_its_own_day_and_duration():
    mentions, claims = _english("Trump spoke with Putin on Tuesday for two hours. The call came after Trump "
                                "spoke with Zelensky for 45 minutes on Monday.")
    by_id = {m.id: sorted(m.participants) for m in mentions}
    durations = sorted((by_id[c.subject], c.value.minutes) for c in claims if c.attribute == "call.duration")
    assert durations == [(["putin", "trump"], 120), (["trump", "zelensky"], 45)]


def test_a_day_said_in_a_statement_carried_by_an_agency_is_the_statements():
    _, claims = _english("Putin and Trump spoke by phone on Saturday. The Kremlin added in a statement "
                         "carried by TASS on Sunday that the call lasted two hours.")
    assert [c.value.weekday for c in claims if c.attribute == "call.date"] == [5]


def test_english_adjectives_of_countries_the_rules_did_not_list_give_titles_their_country():
    _, claims = _english("Trump called Egyptian President Abdel Fattah al-Sisi on Thursday. "
                         "Chinese President Xi Jinping held talks with French President Emmanuel Macron in Beijing.")
    countries = {c.subject: c.value.country for c in claims if c.attribute == "person.title"}
    assert countries == {"sisi": "egypt", "xi": "china", "macron": "france"}
    assert [(c.value.caller, c.value.callee) for c in claims if c.attribute == "call.initiator"] == [("trump", "sisi")]


def test_the_day_a_claim_was_made_is_not_the_calls():
    mentions, claims = _english("President Donald Trump spoke with Saudi Crown Prince Mohammed bin Salman this week "
                                "about an investment, which Trump claimed on Thursday he could double.")
    assert [m.participants for m in mentions] == [["bin_salman", "trump"]]
    assert [c for c in claims if c.attribute == "call.date"] == []


def test_a_countrys_name_with_s_before_a_role_is_its_adjective():
    mentions, claims = _english("Russia's President Vladimir Putin held a phone call on Monday with Ukraine's "
                                "foreign minister.")
    assert [m.participants for m in mentions] == [["putin", "sybiha"]]
    [title] = [c.value for c in claims if c.attribute == "person.title" and c.subject == "putin"]
    assert (title.role, title.country) == ("president", "russia")


def test_a_day_before_a_long_titled_speaker_is_his_statements():
    # the aide's title makes six words between the day and the verb of saying
    mentions, _ = _english("President Vladimir Putin met U.S. envoy Steve Witkoff in the Kremlin late on Sunday. "
                           "On Monday, Kremlin foreign policy aide Yury Ushakov told reporters the meeting had been useful.")
    assert [(m.type, m.date.date_from.isoformat()) for m in mentions] == [("meeting", "2025-05-18")]


def test_received_a_delegation_is_a_meeting_and_the_planned_talks_keep_their_place():
    mentions, claims = _english("A day ahead of planned trilateral discussions in Abu Dhabi, President Vladimir Putin "
                                "received an American delegation headed by U.S. envoy Steve Witkoff late Sunday.")
    by_type = {m.type: m for m in mentions}
    assert by_type["meeting"].relation == "reported" and by_type["talks"].relation == "planned"
    places = {(c.attribute, c.value.place) for c in claims if c.attribute.endswith(".place")}
    assert places == {("talks.place", "abu_dhabi")}


def test_talks_due_to_resume_are_planned():
    mentions, _ = _english("Putin received U.S. envoy Steve Witkoff at the Kremlin on Sunday. Talks between Russia "
                           "and Ukraine are due to resume on May 23 in Abu Dhabi.")
    assert [(m.type, m.relation) for m in mentions if m.type == "talks"] == [("talks", "planned")]


def test_an_initiative_in_a_sentence_about_something_else_names_no_caller():
    _, claims = _english("Russian President Vladimir Putin held a phone call with Turkish President Recep Tayyip "
                         "Erdogan on Monday. At the initiative of the Turkish side, the ombudsmen of Russia and "
                         "Ukraine will take up the exchange of wounded prisoners.")
    assert [c.value.caller for c in claims if c.attribute == "call.initiator"] == ["putin"]


def test_where_the_sources_quoted_are_is_not_where_the_meeting_is():
    _, claims = _english("A meeting between Russian Foreign Minister Sergei Lavrov and U.S. Secretary of State Marco "
                         "Rubio has been put off, CNN reported, citing its sources in the White House.")
    assert not [c for c in claims if c.attribute.endswith(".place")]


def test_a_name_that_begins_with_a_role_says_the_title():
    _, claims = _english("President Biden spoke on Thursday with Saudi Arabia's King Salman.")
    titles = {c.subject: (c.value.role, c.value.country) for c in claims if c.attribute == "person.title"}
    assert titles["king_salman"] == ("king", "saudi_arabia")


def test_a_top_putin_aide_after_the_name_is_the_kremlin_aide():
    _, claims = _english("The talks were useful, said Yury Ushakov, a top Putin aide.")
    assert [(c.subject, c.value.role) for c in claims if c.attribute == "person.title"] == [("ushakov", "kremlin_aide")]
