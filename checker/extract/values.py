"""Value phrases in a normalised sentence: dates, clock times, durations and numbers.

The words come from rules/<lang>/calendar.yaml, numbers.yaml and claims/durations.yaml; this
module only knows the shapes ("day month [year]", "hour-word [fraction] [part of day] [zone]").
Dates are returned unresolved (`DatePhrase`): resolve/dates.py anchors them on the publication date.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from checker.models import DurationValue, TimeValue
from checker.rules.prefilter import FilteredRegex
from checker.rules.published import AGENCY_DASH
from checker.rules.ruleset import RuleSet, alternation
from checker.text.normalize import normalize_word


@dataclass
class DatePhrase:
    start: int
    end: int
    day: int | None = None
    month: int | None = None
    year: int | None = None
    weekday: int | None = None
    relative_days: int | None = None  # اليوم 0, أمس -1 ...
    week: str | None = None  # past / next / current (الماضي، المقبل، الجاري)
    day_to: int | None = None  # the last day of a range: "يومي 23 و24 يناير", "January 9-10"
    nth_day: int | None = None  # "Thursday, the second day of the talks": the event's second day
    ends: bool = False  # "أعلن، فجر الجمعة، انتهاء الاجتماع": the day it ended, maybe not the day it began


@dataclass
class TimePhrase:
    start: int
    end: int
    value: TimeValue
    restates: int | None = None  # index of the time before it that it restates ("9:30 (13:30 GMT)")


@dataclass
class Grammar:
    """Compiled value shapes. Word-based ones carry a literal prefilter (most sentences hold
    no date or time word); the digit-based ones run only on sentences with a digit."""

    date: re.Pattern[str]
    date_words: FilteredRegex  # a day of the month in words, then the month: "الأول من أغسطس"
    day_words: dict[str, int]
    relative: FilteredRegex
    weekday: FilteredRegex
    year: FilteredRegex
    time_words: FilteredRegex
    time_digits: re.Pattern[str]
    phases: re.Pattern[str]
    since: re.Pattern[str]
    until: re.Pattern[str]  # ends a text right before a day that ends a period
    small_hours: re.Pattern[str]
    nth_day: re.Pattern[str]
    ordinals: dict[str, int]  # ordinal word (normalised, lowercase) -> n; kinds.parse_ordinal reads it too
    same_occasion: re.Pattern[str]
    day_clause: re.Pattern[str]  # ends the text before a day that opens a clause of its own
    where_said: re.Pattern[str]
    not_days: re.Pattern[str]
    dateline: tuple[re.Pattern[str], re.Pattern[str]]
    speech: FilteredRegex
    period_end: re.Pattern[str]  # text ending in a span of time or a weekday ("... الأسبوع ")
    months: dict[str, int]
    weekdays: dict[str, int]
    relative_days: dict[str, int]
    weeks: dict[str, str]
    hours: dict[str, int]
    parts: dict[str, str]
    fractions: dict[str, int]
    zones: dict[str, str]
    numbers: dict[str, int]
    multipliers: dict[str, int]
    units: dict[str, tuple[float, int, bool]]  # word -> (minutes, count, plural)
    unit_fractions: dict[str, float]
    unit_portions: dict[str, float]
    qualifiers: list[tuple[str, str]]
    about_after: list[str]  # words after a duration phrase that make it "about" ("تقريبا")
    qualifier_not_after: frozenset[str]  # a word before a qualifier that makes it a verb's particle
    duration_range: re.Pattern[str]  # the first number of a range and the words around it (group a)
    event_parts: re.Pattern[str]  # a word naming a part of the event (group name: its label)
    part_breaks: re.Pattern[str]  # words opening another clause, where a part named before is not this one's
    # (but not before a word pointing back to the part: "but it went on for two hours")
    connectors: list[str]
    slightly: list[str]
    article: str | None
    topics: dict[str, str]
    topic: FilteredRegex
    topic_verb: FilteredRegex
    compound: tuple[str, str] | None = None  # (joiner, order) of a number of units and tens (numbers.yaml)


def _parts(parts: dict[str, list[str]]) -> re.Pattern[str]:
    """Any word of a part of the event, in a group named by the part's label."""
    groups = [rf"(?P<{label}>{alternation([normalize_word(w) for w in words])})" for label, words in parts.items()]
    return re.compile(rf"(?<!\w)(?:و|ف|ب|ل)?(?:{'|'.join(groups)})(?!\w)", re.IGNORECASE) if groups \
        else re.compile(r"(?!x)x")


# between a part and its event's noun: "الجلسة الأولى الأصغر من (المحادثات)", "the first session of their (summit)"
_ASIDE = re.compile(r"[,،]\s*(?:in\s+which|which|who|where|when|الذي|التي|اللذان|اللتان|حيث)(?!\w)", re.IGNORECASE)
_PART_OF = re.compile(r"\s*(?:[^\s.,،;]+\s+){0,2}?(?:من|of|in)\s+(?:[^\s.,،;]+\s+){0,2}?")


def part_before(g: Grammar, text: str, at: int, events: Sequence[re.Pattern[str]] = ()) -> str | None:
    """The part of the event the clause before `at` names ("واستمرت الجلسة الأولى من القمة،
    ساعتين", "The first session of their summit, in which ..., ended after about 93 minutes":
    first_session), if any: the part word nearest `at`, unless an event's own noun (a trigger of
    `events`) stands nearer and outside the part's phrase ("the first session lasted two hours
    and the summit three": the summit's). The clause starts after a full stop, a semicolon or a
    word of `part_breaks` (فيما, while)."""
    lo = max(0, at - 200)
    cut = max([text.rfind(c, lo, at) for c in ".;؛"] + [m.end() for m in g.part_breaks.finditer(text, lo, at)])
    start = max(lo, cut + 1)
    hits = list(g.event_parts.finditer(text, start, at))
    if not hits:
        return None
    last = hits[-1]
    for rx in events:
        for m in rx.finditer(text, last.end(), at):
            # "الجلسة الأولى من القمة", "the first session of their summit": the part's own phrase;
            # ", in which Biden and Putin met ...": a clause about the part
            if not _PART_OF.fullmatch(text, last.end(), m.start()) and not _ASIDE.search(text, last.end(), m.start()):
                return None
    return last.lastgroup


def _inverse(mapping: dict[int, list[str]]) -> dict[str, int]:
    return {normalize_word(w): k for k, words in mapping.items() for w in words}


def grammar(rs: RuleSet) -> Grammar:
    """The value grammar of a rule set, built once per rule set (RuleSet.derived)."""
    return rs.derived("values.grammar", _build)


def _build(rs: RuleSet) -> Grammar:
    cal = rs.calendar
    sh = cal.shapes
    months = _inverse(cal.months)
    weekdays = _inverse(cal.weekdays)
    weeks = {normalize_word(w): k for k in ("past", "next", "current") for w in getattr(cal.relative_weeks, k)}
    hours = _inverse(cal.hours)
    parts = {normalize_word(w): k for k in ("am", "pm") for w in getattr(cal.day_parts, k)}
    M, W, R = alternation(list(months)), alternation(list(weekdays)), alternation(list(weeks))
    rel = alternation(list(cal.relative_days))
    H, P = alternation(list(hours)), alternation(list(parts))
    F, Z = alternation(list(cal.fractions)), alternation(list(cal.zones))
    b = rf"(?<!\w){sh.word_start}"  # a word start (with the clitics the language glues on)
    e = r"(?!\w)"
    wb = sh.before_weekday
    rng = sh.day_range
    month_first = (
        rf"|(?:(?P<wd3>{W})\s*[،,]?\s+)?(?P<mon3>{M})\.?\s+(?P<d3>\d{{1,2}})(?:(?:{rng})(?P<dt3>\d{{1,2}}))?"
        rf"{sh.day_suffix}(?![\d:])"
        rf"(?:\s*[،,]?\s*(?P<y3>\d{{4}}))?" if sh.month_first else ""
    )
    alt = rf"(?:\s*\(\s*{M}\s*\))?"  # "29 مارس (آذار) 2022": the month's other name in brackets
    wd_gap = r"(?:\s*[،,]?\s+|\s*(?P<br>\()\s*)"  # "الجمعة، 24 نوفمبر", "يوم الجمعة (24 نوفمبر)": the weekday's date
    date = re.compile(
        rf"{b}(?:{wb}(?P<wd>{W}){wd_gap})?(?P<d>\d{{1,2}})(?:(?:{rng})(?P<dt>\d{{1,2}}))?{sh.day_suffix}"
        rf"\s+{sh.day_month}(?P<mon>{M}){e}{alt}"
        rf"(?:\s*[،,]?\s*{sh.before_year}(?P<y>\d{{4}}))?(?:\s+(?P<week>{R}))?(?(br)\s*\))"
        rf"|(?P<d2>\d{{1,2}})/(?P<m2>\d{{1,2}})/(?P<y2>\d{{4}})" + month_first
    )
    day_words = {normalize_word(k): v for k, v in cal.day_words.items() if 1 <= v <= 31}
    date_words = re.compile(
        rf"{b}(?:{wb}(?P<wd>{W}){wd_gap})?(?P<dw>{alternation(list(day_words))})\s+{sh.day_month}(?P<mon>{M}){e}{alt}"
        rf"(?:\s*[،,]?\s*{sh.before_year}(?P<y>\d{{4}}))?"
    ) if day_words else re.compile(r"(?!x)x")
    # "اليوم الخميس", "اليوم، الخميس", "اليوم (الخميس)": the weekday of the relative day
    relative = re.compile(rf"{b}(?P<rel>{rel}){e}(?:\s*[،,(]?\s*(?P<wd>{W}){e}\)?)?")
    week_before = rf"(?:(?P<week0>{R})\s+)?" if sh.week_before else ""
    weekday = re.compile(rf"{b}{wb}{week_before}(?P<wd>{W}){e}(?:\s+(?P<week>{R}){e})?")
    year = re.compile(sh.year)
    zone = rf"(?:{sh.zone_gap}(?:\s*{sh.zone_before}(?P<zone>{Z}){sh.zone_after}{e}|\s+\(?(?P<gmt>{sh.utc}){e}))?"
    time_words = re.compile(
        rf"{b}(?P<sa>{sh.hour_word})?(?P<hw>{H}){e}(?:\s+(?P<frac>{F}))?(?:\s+(?:من\s+)?(?P<part>{P}))?{zone}"
    )
    sep = sh.minute_sep
    minutes = rf"(?:{sep}(?P<m>\d{{2}}))?" if sh.hour_alone else rf"{sep}(?P<m>\d{{2}})"
    # "1230 GMT", "1233 بتوقيت غرينتش": four digits are a time only before universal time or a zone
    four = (r"(?<![\d:,.])(?P<h4>[01]\d|2[0-3])(?P<m4>[0-5]\d)(?=\s+(?:" + sh.utc + r")(?!\w)|\s*"
            + sh.zone_before + rf"{Z}{e})|")
    time_digits = re.compile(
        # not a numeric date ("02.12.2025": day and month, not 2:12)
        rf"(?P<sa>{sh.hour_word})?(?:{four}(?<![\d:.])(?P<h>\d{{1,2}}){minutes}(?![\d:])(?![.,/]\d))"
        rf"{sh.after_minutes}(?:\s*(?P<part>{P})(?!\w))?{zone}"
    )
    ph = cal.phases
    kinds = [(k, getattr(ph, k)) for k in ("start", "end", "planned") if getattr(ph, k)]
    phases = re.compile(rf"{b}(?:" + "|".join(rf"(?P<{k}>{alternation(words)})" for k, words in kinds) + rf"){e}") \
        if kinds else re.compile(r"(?!x)x")
    # each kind's vocabulary is in the family that declares it, whatever that family is called
    fams = rs.families
    durations = rs.claim_files[fams.duration_family] if fams.duration_family else None
    units = {normalize_word(k): (u.minutes, u.count, u.plural) for k, u in (durations.units.items() if durations else [])}
    unit_fractions = {normalize_word(k): v for k, v in (durations.fractions.items() if durations else [])}
    unit_portions = {normalize_word(k): v for k, v in (durations.portions.items() if durations else [])}
    qualifiers: list[tuple[str, str]] = []
    if durations and durations.qualifiers:
        for kind in ("about", "at_least", "at_most", "just_under"):
            qualifiers += [(normalize_word(w), kind) for w in getattr(durations.qualifiers, kind)]
    qualifiers.sort(key=lambda q: -len(q[0]))
    vocabularies = [rs.claim_files[f] for f in fams.vocabulary_families]
    topics = {normalize_word(w): t for tf in vocabularies for t, words in tf.topics.items() for w in words}
    never = r"(?!x)x"
    topic = re.compile(rf"(?<!\w)(?:[وفبل]|ال)?(?P<t>{alternation(list(topics))})(?!\w)") if topics else re.compile(never)
    verbs = [v for tf in vocabularies for v in tf.topic_verbs]
    topic_verb = re.compile(rf"(?<!\w)(?:و|ف)?{alternation(verbs)}(?!\w)") if verbs else re.compile(never)
    verbs = rs.titles.speech_verbs
    speech = re.compile(rf"(?<!\w)(?:و|ف)?{alternation(verbs)}(?!\w)") if verbs else re.compile(never)
    f = FilteredRegex.of
    return Grammar(
        date, f(date_words), day_words, f(relative), f(weekday), f(year), f(time_words), time_digits, phases,
        re.compile(rf"(?:{sh.since})(?!\w)", re.IGNORECASE), re.compile(rf"(?:{sh.until})\s+$", re.IGNORECASE),
        re.compile(rf"(?:{sh.small_hours})\s*$", re.IGNORECASE),
        re.compile(sh.nth_day, re.IGNORECASE),
        {normalize_word(w).lower(): n for w, n in rs.numbers.ordinals.items()}, re.compile(sh.same_occasion),
        re.compile(rf"(?:{sh.day_clause})\s*$"),
        re.compile(sh.where_said, re.IGNORECASE),
        re.compile(rf"(?<!\w){alternation(cal.not_days)}(?!\w)", re.IGNORECASE) if cal.not_days else re.compile(never),
        (re.compile(sh.dateline_before), re.compile(sh.dateline_after)), f(speech),
        re.compile(rf"{b}(?:{alternation([normalize_word(w) for w in cal.periods] + list(weekdays))})\s+$")
        if cal.periods else re.compile(never),
        months, weekdays, {normalize_word(k): v for k, v in cal.relative_days.items()}, weeks,
        hours, parts, {normalize_word(k): v for k, v in cal.fractions.items()},
        {normalize_word(k): v for k, v in cal.zones.items()},
        {normalize_word(k): v for k, v in rs.numbers.values.items()},
        {normalize_word(k): v for k, v in rs.numbers.multipliers.items()},
        units, unit_fractions, unit_portions, qualifiers,
        [normalize_word(w) for w in (durations.qualifiers.about_after if durations and durations.qualifiers else [])],
        frozenset(normalize_word(w) for w in (durations.qualifiers.not_after if durations and durations.qualifiers else [])),
        re.compile(rf"^{alternation([normalize_word(w) for w in durations.range_from])}\s+(?P<a>\S+)\s+"
                   rf"{alternation([normalize_word(w) for w in durations.range_to])}\s*(?=\S)")
        if durations and durations.range_from and durations.range_to else re.compile(never),
        _parts(durations.parts if durations else {}),
        re.compile(rf"(?<!\w)(?:و)?{alternation([normalize_word(w) for w in durations.part_breaks])}(?!\w)"
                   + (rf"(?!\s+{alternation([normalize_word(w) for w in durations.part_pronouns])}(?!\w))"
                      if durations.part_pronouns else ""), re.IGNORECASE)
        if durations and durations.part_breaks else re.compile(never),
        [normalize_word(w) for w in (durations.connectors if durations else [])],
        [normalize_word(w) for w in (durations.slightly if durations else [])],
        normalize_word(durations.article) if durations and durations.article else None,
        topics, f(topic), f(topic_verb),
        (normalize_word(rs.numbers.compound_joiner), rs.numbers.compound_order) if rs.numbers.compound_joiner else None,
    )


_DIGIT = re.compile(r"\d")  # what every numeric date and clock time holds
MAX_RANGE_DAYS = 6  # "23-24 January": the days of one event, never more than a week


def _key(text: str) -> str:
    return re.sub(r"\s+", " ", text.strip())


def find_dates(g: Grammar, s: str) -> list[DatePhrase]:
    """Date phrases, longest first where they overlap."""
    found: list[DatePhrase] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= x or a >= y for x, y in taken)

    for m in g.date.finditer(s) if _DIGIT.search(s) else ():
        if m.group("d2"):
            p = DatePhrase(m.start(), m.end(), int(m.group("d2")), int(m.group("m2")), int(m.group("y2")))
        elif m.groupdict().get("d3"):  # month first: "May 19, 2025"
            p = DatePhrase(m.start(), m.end(), int(m.group("d3")), g.months[_key(m.group("mon3"))],
                           int(m.group("y3")) if m.group("y3") else None,
                           g.weekdays[_key(m.group("wd3"))] if m.group("wd3") else None)
        else:
            p = DatePhrase(m.start(), m.end(), int(m.group("d")), g.months[_key(m.group("mon"))],
                           int(m.group("y")) if m.group("y") else None,
                           g.weekdays[_key(m.group("wd"))] if m.group("wd") else None,
                           week=g.weeks[_key(m.group("week"))] if m.group("week") else None)
        last = m.groupdict().get("dt") or m.groupdict().get("dt3")
        if last and p.day and p.day < int(last) <= p.day + MAX_RANGE_DAYS:
            p.day_to = int(last)
        elif last:
            continue  # "9 and 20 May" is no range of days an event was held on
        if p.month and 1 <= p.month <= 12 and p.day and 1 <= p.day <= 31:
            found.append(p)
            taken.append((p.start, p.end))
    for m in g.date_words.finditer(s):
        if free(m.start(), m.end()):
            found.append(DatePhrase(m.start(), m.end(), g.day_words[_key(m.group("dw"))], g.months[_key(m.group("mon"))],
                                    int(m.group("y")) if m.group("y") else None,
                                    g.weekdays[_key(m.group("wd"))] if m.group("wd") else None))
            taken.append((m.start(), m.end()))
    for m in g.relative.finditer(s):
        if free(m.start(), m.end()):
            found.append(DatePhrase(m.start(), m.end(), relative_days=g.relative_days[_key(m.group("rel"))],
                                    weekday=g.weekdays[_key(m.group("wd"))] if m.group("wd") else None))
            taken.append((m.start(), m.end()))
    for m in g.weekday.finditer(s):
        if free(m.start(), m.end()):
            week = m.group("week") or m.groupdict().get("week0")  # "الثلاثاء الماضي", "last Tuesday"
            found.append(DatePhrase(m.start(), m.end(), weekday=g.weekdays[_key(m.group("wd"))],
                                    week=g.weeks[_key(week)] if week else None))
            taken.append((m.start(), m.end()))
    inside: list[tuple[int, int]] = []  # "اليوم الثاني" of "the second day of": no "today"
    for p in found:
        nth = g.nth_day.match(s, p.end)
        n = g.ordinals.get(_key(nth.group("n")).lower()) if nth else None
        if n and 1 < n <= MAX_RANGE_DAYS + 1:
            p.nth_day = n
            inside.append((p.end, nth.end()))
    found = [p for p in found if not any(a <= p.start < b for a, b in inside)]
    names = [m.span() for m in g.not_days.finditer(s)]  # "قناة روسيا اليوم": a name, no day
    if names:
        found = [p for p in found if not any(a < p.end and p.start < b for a, b in names)]
    found.sort(key=lambda p: p.start)
    early = [p for p in found if p.nth_day is None
             and g.small_hours.search(s, max(0, p.start - SMALL_HOURS_BEFORE), p.start) is not None]
    if early:  # the words of ending are looked for only around a day in its small hours
        # (not the end a "since" counts from: "منذ نهاية الحرب الباردة", "since the end of the war")
        ends = [m for m in g.phases.finditer(s) if m.lastgroup == "end"
                and not any(not s[x.end():m.start()].strip() for x in g.since.finditer(s, max(0, m.start() - 20), m.start()))]
        for p in early:
            p.ends = any(_governs_end(s, m, p) for m in ends)
    return found


ENDED_WORDS = 16  # words between a day and the word of ending it goes with (names of several words count)
SMALL_HOURS_BEFORE = 30  # characters before a day in which its small-hours words stand
_SENTENCE_BREAK = re.compile(r"[.;؛:()\n]")  # a comma does not part a day from its word of ending


def _governs_end(s: str, m: re.Match, p: DatePhrase) -> bool:
    """Is the end word `m` said of the day `p` ("انتهى الاجتماع فجر الجمعة", "أعلن، في وقت مبكر
    اليوم الجمعة، انتهاء الاجتماع", "the talks ended early Friday"): a few words apart, in one
    clause? (find_dates asks only for a day in its small hours: "ended on Friday" alone is that day)"""
    between = s[m.end():p.start] if m.end() <= p.start else s[p.end:m.start()] if p.end <= m.start() else None
    return between is not None and not _SENTENCE_BREAK.search(between) \
        and len(between.replace("،", " ").replace(",", " ").split()) <= ENDED_WORDS


DATELINE_WORDS = 4  # a place and an agency before a dateline's dash: "واشنطن (رويترز)"


SINCE_WORDS = 7  # "منذ أن تسلم الرئيس منصبه رسميا في 20 يناير": the day the period began with
_CLAUSE_BREAK = re.compile(r"[،,.;؛:()\n]")
_ON = re.compile(r"(?:^|\s)(?:في|on|in)\s*$")  # the preposition that puts a day on what the clause names


def _in_since_clause(g: Grammar, s: str, p: DatePhrase) -> bool:
    """Does a "since" open the clause the date stands in: right before it ("منذ 28 فبراير"), or
    a few words before it, the day put on what the clause names ("منذ تولي الرئيس منصبه في 20
    يناير", "since he was sworn in on 20 January")? Then it is the start of a period, not the
    event's day. A day with its weekday after such a clause ("أول اتصال منذ تولي ترامب منصبه يوم
    الأربعاء 12 فبراير", "the first talks since 2022, on Friday 16 May") is the event's."""
    lo = max(0, p.start - 120)
    last = None
    for m in g.since.finditer(s, lo, p.start):
        last = m
    if last is None:
        return False
    between = s[last.end():p.start]
    if not between.strip():
        return True
    if p.weekday is not None or _ON.search(between) is None or _CLAUSE_BREAK.search(between):
        return False
    # "أول تبادل منذ أن شنت أوكرانيا هجوما مفاجئا على منطقة كورسك في 6 أغسطس", "the first such
    # exchange since Ukraine launched ... on August 6": after "the first ... since" the whole
    # clause is the period's start, however long
    head = s[max(0, last.start() - 40):last.start()].split()[-4:]
    if any(g.ordinals.get(w.lower()) for w in head):
        return True
    return len(between.split()) <= SINCE_WORDS


def not_event_day(g: Grammar, s: str, p: DatePhrase) -> bool:
    """Is the date phrase the start or end of a period ("منذ 28 فبراير", "since Monday", "حتى
    غد الأربعاء") or a
    dateline's ("(Sputnik - 31st December, 2021)"), not a day an event was held on?"""
    if _in_since_clause(g, s, p) or g.until.search(s, max(0, p.start - 20), p.start):
        return True
    before, after = g.dateline
    if p.day is not None and AGENCY_DASH.match(s, p.end):
        # "جنيف 17 يونيو 2021 (وال) -": the city, the filing day, the agency, then the lead
        head = s[:p.start]
        if len(head[head.rfind("\n") + 1:].split()) <= DATELINE_WORDS:
            return True
    if p.day is None or after.match(s[p.end:p.end + 4]) is None:
        return False
    lo = max(0, p.start - 4)
    dash = before.search(s[lo:p.start])
    if dash is None:
        return False
    # a dateline opens the text, or a bracket: "كييف – 19 مارس 2022 –", "(Sputnik - 31st December)";
    # a date between dashes further into a sentence is an aside about the event
    head = s[:lo + dash.start()]
    head = head[max(head.rfind("("), head.rfind("\n")) + 1:]
    return len(head.split()) <= DATELINE_WORDS


def year_hint(g: Grammar, s: str) -> int | None:
    m = g.year.search(s)
    return int(m.group("y")) if m else None


def find_times(g: Grammar, s: str) -> list[TimePhrase]:
    """Clock times; a spelled hour needs الساعة, a part of day or a zone to count as a time."""
    out: list[TimePhrase] = []
    by_digits = list(g.time_digits.finditer(s)) if _DIGIT.search(s) else []
    for m in by_digits + list(g.time_words.finditer(s)):
        if "hw" in m.groupdict() and m.group("hw"):
            if not (m.group("sa") or m.group("part") or m.group("zone") or m.group("gmt")):
                continue
            hour, minute = g.hours[_key(m.group("hw"))], 0
            if m.group("frac"):
                minute = g.fractions[_key(m.group("frac"))]
                if minute < 0:
                    hour, minute = hour - 1, 60 + minute
        elif m.groupdict().get("h4"):  # "1230 GMT"
            hour, minute = int(m.group("h4")), int(m.group("m4"))
        else:
            if m.group("m") is None and not (m.group("part") or m.group("zone") or m.group("gmt")):
                continue  # a bare number is no time: "5 pm", "10 a.m. ET" need their part or zone
            hour, minute = int(m.group("h")), int(m.group("m") or 0)
            if hour > 23 or minute > 59 or (m.group("m") is None and hour > 12 and m.group("part")):
                continue
        part = g.parts.get(_key(m.group("part"))) if m.group("part") else None
        # "at five", "الساعة 7:04" with no part of day: 05:00 or 17:00 (four digits are 24-hour)
        clock12 = 1 <= hour <= 12 and part is None and not m.groupdict().get("h4")
        if part == "pm" and hour < 12:
            hour += 12
        if part == "am" and hour == 12:
            hour = 0
        zone = g.zones.get(_key(m.group("zone"))) if m.group("zone") else ("UTC" if m.group("gmt") else None)
        out.append(TimePhrase(m.start(), m.end(), TimeValue(hour=hour, minute=minute, zone=zone, clock12=clock12)))
    out.sort(key=lambda t: t.start)
    return _phased(g, s, out)


PHASE_WITHIN = 80  # characters between a phase word ("began", "انتهى") and the time it governs
# "9:30 a.m. (1330 GMT)", 'الساعة 8:33 صباحا "1233 بتوقيت غرينتش"': the same moment in another zone
RESTATED = re.compile(r"\s*[(\[\"«“]\s*$")


def _phased(g: Grammar, s: str, times: list[TimePhrase]) -> list[TimePhrase]:
    """Each time's phase (start or end: the nearest phase word before it; planned when a word
    of plans stands before it too: "due to start at 5 pm") and the time it restates, when it
    stands in brackets right after another."""
    words = [(m.end(), m.lastgroup) for m in g.phases.finditer(s)]
    for i, t in enumerate(times):
        if i and times[i - 1].end <= t.start and RESTATED.match(s[times[i - 1].end:t.start]):
            t.restates = i - 1
            t.value.phase = times[i - 1].value.phase
            continue
        since = times[i - 1].end if i else 0
        before = [(end, ph) for end, ph in words if since <= end <= t.start and t.start - end <= PHASE_WITHIN]
        if any(ph == "planned" for _, ph in before):
            t.value.phase = "planned"
        elif before:
            t.value.phase = max(before)[1]
    return times


def parse_number(g: Grammar, text: str) -> int | None:
    """Digits (1,000 / 1.000 / 2000) or number words (ألف، ألفين، ثلاثة آلاف، خمسمئة)."""
    t = _key(text)
    if g.compound is not None:
        joined = _compound(g, t)
        if joined is not None:
            return joined
    words = t.split(" ")
    head = words[0]
    if re.fullmatch(r"\d{1,3}(?:[,.]\d{3})+|\d+", head):
        n = int(re.sub(r"[,.]", "", head))
    else:
        n = g.numbers.get(head)
        if n is None:
            return None
    if len(words) > 1 and words[1] in g.multipliers:
        n *= g.multipliers[words[1]]
    return n


def _compound(g: Grammar, t: str) -> int | None:
    """A number of units and tens ("تسعة وثلاثين" 39, "thirty-nine" 39), or None."""
    joiner, order = g.compound
    # the joiner starts the second word ("وثلاثين") or stands between the two ("thirty-nine")
    m = re.fullmatch(rf"(\S+?)(?:\s+|\s*(?={re.escape(joiner)}\s*\S)){re.escape(joiner)}\s*(\S+)", t)
    if m is None:
        return None
    first, second = (g.numbers.get(p.lower()) for p in m.groups())
    units, tens = (first, second) if order == "units_tens" else (second, first)
    if units is None or tens is None or not 1 <= units <= 9 or not (20 <= tens <= 90 and tens % 10 == 0):
        return None
    return units + tens


def _decimal(word: str) -> float | None:
    """"2.5", "1,5", "4٫5": a count with a decimal part (three digits after a comma or point
    are thousands: parse_number reads those)."""
    m = re.fullmatch(r"(\d+)[.,\u066b](\d{1,2})", word)
    return float(f"{m.group(1)}.{m.group(2)}") if m else None


def parse_duration(g: Grammar, text: str, about: float, exact: float,
                   default: str = "exact") -> tuple[DurationValue, str] | None:
    """A duration phrase -> [min, max] minutes and its qualifier, by the policy's tolerances.
    `default` is the qualifier when the phrase has none (a rule's verb may say it: تخطت الساعة)."""
    t = _key(text)
    qualifier = "exact"
    for word, kind in g.qualifiers:
        for lead in ("", "ل"):  # لنحو ساعة
            if t.startswith(lead + word + " "):
                qualifier, t = kind, t[len(lead + word) + 1:]
                break
        if qualifier != "exact":
            break
    after = next((w for w in g.about_after if t.endswith(" " + w)), None)
    if after:  # "ست ساعات تقريبا"
        t = t[:-len(after) - 1]
        qualifier = "about" if qualifier == "exact" else qualifier
    slight = next((w for w in g.slightly if t.endswith(" " + w)), None)
    if slight:  # أقل من ساعة بقليل: a little less than an hour
        t = t[:-len(slight) - 1]
        if qualifier == "at_most":
            qualifier = "just_under"
    if qualifier == "exact":
        qualifier = default
    if g.article and t.startswith(g.article) and t[len(g.article):].split(" ")[0] in g.units:
        t = t[len(g.article):]  # نحو الساعة
    t = re.sub(r"^ل(?=\d)", "", t)  # دامت لـ45 دقيقة
    rng = g.duration_range.match(t) if qualifier == "exact" else None
    low = (_decimal(rng.group("a")) or parse_number(g, rng.group("a"))) if rng else None
    if low:  # "بين 4 و5 ساعات": from 4
        t = t[rng.end():]
    t = re.sub(r"^\(\s*([\d.,\u066b]+)\s*\)", r"\1", t)  # "( 4.5 ) ساعة"
    words = re.sub(r"(?<=\d)-(?=\D)|(?<=\w)-(?=\w)", " ", t).split(" ")  # "90-minute", "two-hour"
    count: float = 1
    if words[0] not in g.units:
        first = words[0][1:] if words[0].startswith("ل") and words[0] not in g.unit_portions \
            and parse_number(g, words[0]) is None else words[0]  # لثلاث ساعات
        count = g.unit_portions.get(first) or _decimal(first) or parse_number(g, first) or 0
        words = words[1:]
        if count and len(words) > 1 and words[0] in g.unit_portions and words[1] in g.units:
            count *= g.unit_portions[words[0]]  # "half an hour"
            words = words[1:]
        # no number: only a "several" word (عدة) can stand before a plural unit here
        several = not count and words and words[0] in g.units and g.units[words[0]][2]
        if not several and (not count or not words):
            return None
        for k in (3, 2, 1):  # a fraction before the unit: "two and a half hours"
            if " ".join(words[:k]) in g.unit_fractions and len(words) > k:
                count += g.unit_fractions[" ".join(words[:k])]
                words = words[k:]
                break
    elif g.units[words[0]][2]:
        count = 0  # "استمر ساعات": a plural with no number
    if not count and words and words[0] in g.units:
        # "several hours", "lasted hours": at least two of the unit, no upper bound
        minutes = 2 * g.units[words[0]][0]
        return DurationValue(minutes=minutes, min=minutes, max=None), "at_least"
    if words[0] not in g.units:
        return None
    unit_minutes, unit_count, _ = g.units[words[0]]
    minutes = count * unit_count * unit_minutes
    rest = " ".join(words[1:])
    if rest in g.unit_fractions:
        minutes += g.unit_fractions[rest] * unit_minutes
    elif rest and g.connectors:
        # a second unit: "ساعة و40 دقيقة", "ساعة ودقيقتين" (a dual counts itself), "and two minutes"
        m = re.fullmatch(rf"(?:{'|'.join(map(re.escape, g.connectors))})\s*(?:(\S+)\s+)?(\S+)", rest)
        if m and m.group(2) in g.units:
            n = parse_number(g, m.group(1)) if m.group(1) else 1
            if n:
                second_minutes, second_count, _ = g.units[m.group(2)]
                minutes += n * second_count * second_minutes
    if low and low * unit_count * unit_minutes < minutes:
        lo, hi = low * unit_count * unit_minutes, minutes  # a range: [first, second] of the unit
        minutes = (lo + hi) / 2
    elif qualifier == "about":
        lo, hi = minutes * (1 - about), minutes * (1 + about)
    elif qualifier == "at_least":
        lo, hi = minutes, None
    elif qualifier == "at_most":
        lo, hi = 0.0, minutes
    elif qualifier == "just_under":
        lo, hi = minutes * (1 - about), minutes
    else:
        lo, hi = minutes * (1 - exact), minutes * (1 + exact)
    rnd = lambda x: None if x is None else round(x, 1)  # noqa: E731 - keeps output stable
    return DurationValue(minutes=rnd(minutes), min=rnd(lo), max=rnd(hi)), qualifier
