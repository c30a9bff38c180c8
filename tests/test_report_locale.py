"""The interface in Arabic and English: catalogs complete, pages lang/dir right, names and
values in the reader's words."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from checker import pipeline
from checker.locale import choose_ui_lang, translations
from checker.locale.extract import messages, problems
from checker.locale.words import Words
from checker.models import DateValue, DurationValue, TitleValue
from checker.report import to_html, to_markdown, to_text
from checker.report.messages import localize
from checker.rules.ruleset import load_ruleset
from helpers import REPO

EXAMPLES = REPO / "examples"


@pytest.fixture(scope="module")
def examples():
    return pipeline.run([EXAMPLES])


def test_the_arabic_catalog_translates_every_message_with_its_fields() -> None:
    assert problems("ar", messages()) == []


def test_the_catalog_template_is_up_to_date(tmp_path) -> None:
    from checker.locale import LOCALE_DIR
    from checker.locale.extract import write_pot

    fresh = tmp_path / "checker.pot"
    write_pot(messages(), fresh)
    assert fresh.read_text(encoding="utf-8") == (LOCALE_DIR / "checker.pot").read_text(encoding="utf-8"), \
        "checker/locale/checker.pot is stale: run python -m checker.locale.extract"


def test_arabic_plural_forms() -> None:
    w = Words("ar")
    assert [w.n_("%(n)s event", "%(n)s events", n) for n in (1, 2, 3, 11, 100)] == [
        "حدث واحد", "حدثان", "3 أحداث", "11 حدثاً", "100 حدث"]
    e = Words("en")
    assert [e.n_("%(n)s event", "%(n)s events", n) for n in (0, 1, 2)] == ["0 events", "1 event", "2 events"]


def test_values_as_an_article_puts_them() -> None:
    ar, en = Words("ar"), Words("en")
    ninety = DurationValue(minutes=90, min=76.5, max=103.5)
    assert ar.duration(ninety, "about") == "نحو ساعة ونصف"
    assert en.duration(ninety, "about") == "about an hour and a half"
    assert ar.duration(DurationValue(minutes=45, min=40.5, max=49.5)) == "45 دقيقة"
    assert ar.duration(DurationValue(minutes=120, min=120, max=None)) == "أكثر من ساعتين"
    assert ar.duration(ninety, "about", interval=True) == "نحو ساعة ونصف (76–104 دقيقة)"
    day = DateValue(date_from=dt.date(2025, 5, 15), date_to=dt.date(2025, 5, 15), weekday=3)
    assert ar.date_value(day) == "الخميس 15 مايو 2025" and en.date_value(day) == "Thursday 15 May 2025"


def test_names_in_the_reader_words() -> None:
    rs = load_ruleset()
    ar, en = Words("ar", rs), Words("en", rs)
    assert ar.entity("trump") == "ترامب" and en.entity("trump") == "Trump"
    assert en.entity("abu_dhabi") == "Abu Dhabi"  # no display name: the id in words
    assert en.entity("usa") == "the United States"  # rules/display.yaml
    former = TitleValue(role="president", country="usa", status="former")
    assert ar.value(former) == "الرئيس الأمريكي السابق"
    assert en.value(former) == "former president of the United States"
    assert en.value(TitleValue(role="kremlin_spokesman", country="russia")) == "Kremlin spokesman"


def test_default_language_is_the_articles() -> None:
    assert choose_ui_lang(["ar", "ar", "en"]) == "ar"
    assert choose_ui_lang(["en", "en", "ar"]) == "en"
    assert choose_ui_lang(["ar", "en"]) == "ar"  # a tie: Arabic first
    assert choose_ui_lang(["fr"]) == "en"
    assert choose_ui_lang(["ar"], "en") == "en"


def test_arabic_page_is_rtl_throughout(examples) -> None:
    html = to_html(localize(examples, "ar", load_ruleset()))
    assert '<html lang="ar" dir="rtl">' in html
    assert "<title>تقرير اتساق الوقائع · 9 أخطاء</title>" in html
    body = html[html.index("<body>"):]
    # only the aligner's English notes run left to right (they are marked lang="en")
    assert 'dir="ltr"' not in re.sub(r'lang="en" dir="ltr"', "", body)
    assert "بحسب وكالة الخليج بادر بوتين بالاتصال" in html
    assert "الرواية المخالفة" in html and "نسخ مدخل التجاهل" in html
    english = to_html(localize(examples, "en", load_ruleset()))
    assert '<html lang="en" dir="ltr">' in english and "The account that stands out" in english


def test_text_and_markdown_speak_the_interface_language(examples) -> None:
    ar = localize(examples, "ar", load_ruleset())
    text = to_text(ar)
    assert re.match(r"9 أخطاء \(\d+ زوجاً من الروايات\) في 15 مقالاً", text.splitlines()[-1])
    md = to_markdown(ar)
    assert md.startswith("## تقرير اتساق الوقائع\n") and "**9 أخطاء**" in md
    assert "إن **الرئيس فلاديمير بوتين" in md  # the bold evidence keeps its space
    assert translations("ar").pgettext("severity", "error") == "خطأ"
