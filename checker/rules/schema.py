"""Schemas of the rule files: every file under rules/ is validated against one of these on load.

`extra="forbid"` everywhere, so a misspelt key is an error naming its line, not a silent no-op.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


# --------------------------------------------------------------------------- entities


class Fuzzy(Strict):
    threshold: float = Field(88, ge=50, le=100)
    min_length: int = Field(5, ge=2)


class EntityRule(Strict):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    type: Literal["person", "country", "organisation", "place"]
    names: list[str] = Field(min_length=1)
    adjectives: list[str] = Field(default_factory=list)
    country: str | None = None
    zone: str | None = None  # IANA zone for a country


class OpenNames(Strict):
    """How a name no rule lists is read after (or before) a title with a country."""

    max_words: int = Field(3, ge=1, le=6)
    connectors: list[str] = Field(default_factory=list)  # بن، عبد، أبو: the surname keeps them
    stop: list[str] = Field(default_factory=list)  # words that end a name (إن، في، اتصالا...)


class PartyWords(Strict):
    """Words that say a person or country in an event's sentence is not a party to it."""

    sources: list[str] = Field(default_factory=list)  # بحسب، وفقا ل: the source quoted
    mediators: list[str] = Field(default_factory=list)  # بوساطة، برعاية: a mediator or host
    mentioned: list[str] = Field(default_factory=list)  # بشأن، حول: someone talked about
    # بين، between: the word before the sides of an exchange named together ("بين روسيا وأوكرانيا"):
    # those are its parties, not the announcer, mediator or nationalities named beside them
    between: list[str] = Field(default_factory=list)
    # words after a country that mediated an exchange (قطر التي توسطت، تركيا نسقت، "Qatar, which
    # acted as mediator", "UAE-brokered"): read for the `mediated_events` types only (in a call,
    # "Trump, who brokered the deal, spoke with..." is a party)
    mediators_after: list[str] = Field(default_factory=list)
    # the event types those words are read for, where a country named as mediator is no side
    # even if a sentence before made it one, and whose sides are those named after `between`
    # (exchanges and talks: "Oman, the mediator")
    mediated_events: list[str] = Field(default_factory=list)
    # words between a place and the country it is in ("the Omani capital Muscat", "مدينة"): the
    # country so named says where, it is no party
    place_words: list[str] = Field(default_factory=list)
    # words right before a seat of government that make it where the event was, not who took
    # part ("في أنقرة", "in Moscow"; the attached "بأنقرة" is its clitic)
    located: list[str] = Field(default_factory=list)
    # people before those words: the place is theirs, and a party ("مع المسؤولين في كييف", "with officials in Kyiv")
    people_in: list[str] = Field(default_factory=list)
    # right before a place: what is there is a topic ("الحرب في أوكرانيا", "the war in Ukraine"),
    # the place is not where the event was
    not_where: list[str] = Field(default_factory=list)
    # a gathering named by such a word ("قمة للسلام في شرم الشيخ", "a summit for peace in
    # Sharm el-Sheikh"): the word is its name, and the place after it is where it was held
    named_by_topic: list[str] = Field(default_factory=list)
    # right after a place: a body or a possession ("in Ukraine's future", "in Russia's army")
    not_where_after: list[str] = Field(default_factory=list)
    # before a place, in the same clause: where someone came from, not where the event was
    # ("لدى وصوله من مطار بن غوريون في تل أبيب", "arriving from Tel Aviv")
    came_from: list[str] = Field(default_factory=list)
    # before a place, in the same sentence: an item of a list of topics ("ستتناول ملفات عدة، منها
    # مركز الغاز في تركيا", "issues including a gas hub in Turkey"), not where the event was
    topic_items: list[str] = Field(default_factory=list)
    # words ending the clause that names a call's parties: people named after them are talked
    # about ("spoke with King Salman, ahead of a report implicating the crown prince"), when two
    # parties stand before
    clause_end: list[str] = Field(default_factory=list)
    # right before an event's trigger, at most two words between: that event is still to come
    # when the sentence speaks ("قبيل لقائه ترامب", "ahead of his meeting with Trump"): planned
    ahead_of: list[str] = Field(default_factory=list)
    # his country ("مفاوضي بلاده", "his country's"): that of the person named last before it, a side
    own_country: list[str] = Field(default_factory=list)
    # a news agency, paper or channel: the country named as its own says who reported, not who
    # took part; after the word in `outlets` ("وكالة الأناضول التركية", "لوكالة الأنباء
    # الألمانية"), before the word in `outlets_after` ("the German news agency", "Turkey's
    # Anadolu agency", "Turkish state broadcaster TRT")
    outlets: list[str] = Field(default_factory=list)
    outlets_after: list[str] = Field(default_factory=list)


class EntitiesFile(Strict):
    fuzzy: Fuzzy = Field(default_factory=Fuzzy)
    names: OpenNames | None = None  # absent: no one is read who is not listed
    parties: PartyWords = Field(default_factory=PartyWords)
    entities: list[EntityRule]


class CountryRecord(Strict):
    """One state of rules/countries.yaml (generated from CLDR by scripts/countries.py)."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    iso2: str = Field(pattern=r"^[A-Z]{2}$")
    iso3: str = Field(pattern=r"^[A-Z]{3}$")
    un: Literal["member", "observer"]
    zone: str
    names: dict[str, list[str]]  # language -> names


class CountriesFile(Strict):
    countries: list[CountryRecord]


class CountryExtras(Strict):
    """What one language adds to a country by hand (rules/<lang>/countries.yaml)."""

    adjectives: list[str] = Field(default_factory=list)  # masculine, without the article
    forms: list[str] = Field(default_factory=list)  # adjective forms as written (broken plurals)
    names: list[str] = Field(default_factory=list)  # other names and seats of government
    capitals: dict[str, list[str]] = Field(default_factory=dict)  # place id -> names
    drop: list[str] = Field(default_factory=list)  # CLDR names that are common words


class CountryExtrasFile(Strict):
    countries: dict[str, CountryExtras]


# --------------------------------------------------------------------------- titles


class RoleRule(Strict):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    office: bool = True
    party: bool = True  # False: a holder briefs on or announces events (a spokesman), is not a party
    country: str | None = None
    same_as_other: bool = False
    phrases: list[str] = Field(min_length=1)


class TitlesFile(Strict):
    roles: list[RoleRule]
    statuses: dict[Literal["former", "acting", "elect", "designate", "then"], list[str]]
    fillers: list[str] = Field(default_factory=list)  # words inside a title that change nothing (الخاص)
    compatible: list[tuple[str, str]] = Field(default_factory=list)
    # where country adjectives and statuses stand: after the role (Arabic: الرئيس الأمريكي
    # السابق) or before it (English: former U.S. President); statuses may follow it in both
    # ("President-elect")
    modifiers: Literal["after", "before"] = "after"
    # endings that make a country's name one of its adjectives before a role ("Saudi Arabia's
    # crown prince" = "the Saudi crown prince")
    possessives: list[str] = Field(default_factory=list)
    # words allowed between a name's comma and its title in an apposition ("Peskov, the
    # Kremlin spokesman")
    apposition_words: list[str] = Field(default_factory=list)
    # verbs of saying: the person they introduce is quoted, not a party to the event; the
    # speaker stands after the verb (قال بوتين, "said Peskov") or, with speaker_before, also
    # before it ("Peskov said")
    speech_verbs: list[str] = Field(default_factory=list)
    # the words after a verb of saying that open what was said (إن, "that"): an event named in
    # the frame before them does not take the people named in what was said as its parties
    said_that: list[str] = Field(default_factory=list)
    speaker_before: bool = False
    # particles that put the speaker before the verb even where it stands after it: the
    # pluperfect "وكان عمروف قد أعلن" (had announced)
    speaker_particles: list[str] = Field(default_factory=list)


# --------------------------------------------------------------------------- calendar, numbers


class RelativeWeeks(Strict):
    past: list[str]
    next: list[str]
    current: list[str]


class DayParts(Strict):
    am: list[str]
    pm: list[str]


class DateShapes(Strict):
    """The glue of date and clock phrases in one language, as regular expressions (their Arabic
    normalised on load, as the text is; the words themselves are the lists of the calendar file)."""

    word_start: str = ""  # what may be glued before a date or time word (Arabic clitics)
    before_weekday: str = ""  # يوم / "on"
    day_suffix: str = ""  # after the day's digits: "19th"
    day_month: str = ""  # between the day and the month: "من شهر", "of"
    before_year: str = ""  # between the month and the year: "عام"
    month_first: bool = False  # "May 19, 2025" as well as "19 May 2025"
    week_before: bool = False  # "last Tuesday" as well as "الثلاثاء الماضي"
    year: str = r"(?!x)x"  # a year that dates the sentence; named group y
    hour_word: str = ""  # before a spelled clock hour: "الساعة"
    zone_before: str = ""  # before a zone name: "بتوقيت"
    zone_after: str = ""  # after a zone name: "time" ("Moscow time")
    utc: str = r"gmt|utc"  # words for universal time
    hour_alone: bool = False  # "5 pm", "10 a.m. ET", "1230 GMT": digit hours without a colon
    minute_sep: str = r"[:.]"  # between hour and minute digits ("9,30" in Arabic wire copy)
    after_minutes: str = ""  # after the minute digits, before a part of day or zone: "دقيقة"
    # between a clock time and its zone: "الساعة 16:04 من اليوم السبت بتوقيت غرينتش"
    zone_gap: str = ""
    # the words just before a date that make it no event's day: "منذ 28 فبراير", "since 28 February"
    since: str = r"(?!x)x"
    # right before a day: the end of a period ("حتى غد الأربعاء", "until Wednesday"), not an event's day
    until: str = r"(?!x)x"
    # the words right before a day that put an event's end in its small hours ("فجر الجمعة", "early
    # Friday"): with a word of ending, the event may have begun the day before
    small_hours: str = r"(?!x)x"
    # a sentence opening that says the last sentence's words were said on the occasion it names
    # ("جاء ذلك خلال اتصال هاتفي", "the remarks came in a phone call"): it takes that sentence's day
    same_occasion: str = r"(?!x)x"
    # right before a day, past a sentence's first trigger: a conjunction opening a clause about
    # another day ("اجتمعا على حدة خمس ساعات وفي 21 مارس اجتمعا في الكرملين"): the sentence is
    # read as two, each with its own day and claims (written normalised)
    day_clause: str = r"(?!x)x"
    # between a verb of saying and a day: the speaker and where it was said ("وأضافت الوكالة، في
    # بيان نقلته قناة محلية، اليوم الأحد", "added in a statement carried by TASS on Sunday"), written
    # on the sentence skeleton (a person or country is ⟦p1⟧, ⟦c2⟧): that day is the statement's
    where_said: str = r"(?!x)x"
    day_range: str = r"\s*[-–—]\s*"  # between the days of a range: "9-10 January", "23 و24 يناير"
    # right after a day: which day of the event it is ("الخميس، اليوم الثاني من المحادثات", "on
    # Thursday, the second day of talks"), named group n an ordinal of the numbers file: the
    # event began that many days before, so its day is a span, not that day
    nth_day: str = r"(?!x)x"
    # a dateline's date, between dashes or a dash and a bracket: "(Sputnik - 31st December, 2021)",
    # "كييف – 19 مارس 2022-": the day the story was filed, not the event's
    dateline_before: str = r"[-–—]\s*$"
    dateline_after: str = r"^\s*[)\-–—]"


class ClockPhases(Strict):
    """Words before a clock time that say it is when the event began or ended ("began at
    11:04, ended at 12:06"): a start and an end time are not two accounts of one instant."""

    start: list[str] = Field(default_factory=list)
    end: list[str] = Field(default_factory=list)
    # words of a plan before a time ("due to start at", "من المقرر أن تبدأ"): when it was to
    # happen, compared only with other planned times
    planned: list[str] = Field(default_factory=list)


LOCAL_ZONE = "local"  # a zone word that means the zone of where the event is


class CalendarFile(Strict):
    # cldr: a Babel locale whose CLDR month and weekday names (wide and abbreviated) are added
    # to the lists below, so a language need not spell them out
    cldr: str | None = None
    months: dict[int, list[str]] = Field(default_factory=dict)
    weekdays: dict[int, list[str]] = Field(default_factory=dict)
    shapes: DateShapes = Field(default_factory=DateShapes)
    relative_days: dict[str, int]
    relative_weeks: RelativeWeeks
    hours: dict[int, list[str]]
    day_parts: DayParts
    fractions: dict[str, int]
    # words of a zone -> an IANA name, or "local": the zone of where the event is ("بالتوقيت
    # المحلي", "local time")
    zones: dict[str, str]
    phases: ClockPhases = Field(default_factory=ClockPhases)
    # days of the month in words, before a month ("في الأول من أغسطس", "الفاتح نوفمبر")
    day_words: dict[str, int] = Field(default_factory=dict)
    # names that hold a day word and date nothing: a channel or paper ("روسيا اليوم", "USA Today")
    not_days: list[str] = Field(default_factory=list)

    @field_validator("zones")
    @classmethod
    def _known_zones(cls, zones: dict[str, str]) -> dict[str, str]:
        import zoneinfo

        known = zoneinfo.available_timezones() | {"UTC", LOCAL_ZONE}
        bad = sorted(z for z in zones.values() if z not in known)
        if bad:
            raise ValueError(f"unknown time zone(s) {', '.join(bad)}: an IANA name or {LOCAL_ZONE!r}")
        return zones
    # spans of time a word of a planned or earlier event may qualify ("الأسبوع المقبل", "next
    # week"): such a word then speaks of the time, not of an event trigger before it
    periods: list[str] = Field(default_factory=list)


class NumbersFile(Strict):
    values: dict[str, int]
    multipliers: dict[str, int]
    # ordinal words (الخامسة، fifth) and what may stand after digits for one ("5th"), for {ord}
    ordinals: dict[str, int] = Field(default_factory=dict)
    ordinal_suffixes: list[str] = Field(default_factory=list)
    # a number of units and tens: the word joining them, and which comes first ("تسعة وثلاثين":
    # units first, joined by و; "thirty-nine": tens first, joined by -)
    compound_joiner: str | None = None
    compound_order: Literal["units_tens", "tens_units"] = "units_tens"


# --------------------------------------------------------------------------- claim rules

# The closed set of value kinds (checker/rules/kinds.py says what each one reads and which keys
# belong to it). A family declares each attribute's kind; the extractor and the comparer
# dispatch on the kind, never on the attribute's name.
ValueKind = Literal["date", "time", "duration", "count", "title", "initiator", "place", "person", "label", "ordinal",
                    "number"]
# how an attribute is read: by the family's pattern rules, or by a built-in reading of the sentence
Reading = Literal["rules", "event_date", "clock", "titles", "vocabulary", "mediators"]
# which event a claim goes to (kinds.py: TARGETS)
Target = Literal["sentence", "event", "trigger", "current", "document", "person"]
Qualifier = Literal["about", "at_least", "at_most", "more_than"]  # more_than: a number, "more than 31"
NAME = r"^[a-z][a-z0-9_]*$"
EVENT_NAME = r"^[a-z][a-z_]*$"


class Example(Strict):
    text: str
    published: dt.date | None = None
    # each claim the rule must give: value fields, and `attribute`, `subject`, `qualifier`
    claims: list[dict[str, object]]
    # a part of policy.yaml to use for this example only ({durations: {about: 0.2}})
    policy: dict[str, object] | None = None


class Trigger(Strict):
    id: str
    starts_event: bool = True
    # in a nested family: the wording makes the event one of its own even in a sentence about a
    # call or talks (an exchange carried out, not one agreed)
    stands_alone: bool = False
    # a mere reference to an event ("المكالمة", "the call"): it speaks of the event under
    # discussion, whoever else its sentence names ("did not mention Khashoggi or the prince")
    refers_back: bool = False
    pattern: str


class ClaimRule(Strict):
    id: str
    attribute: str
    pattern: str | list[str]  # a list: alternatives that may reuse group names
    strength: Literal["strong", "weak", "neutral"] | None = None  # initiator: does the wording say who called?
    # count: per side, in total, "X for Y" (a pair: per side when X = Y, else X + Y in total), or
    # what one side freed (one_side: never compared with the whole exchange)
    count: Literal["per_side", "total", "pair", "one_side"] | None = None
    number: int | None = Field(default=None, ge=1)  # count: the number the wording implies ("and a Filipino": 1)
    # count: "at least 12" (a rule per wording); duration: what the verb says (تخطت = more than)
    qualifier: Qualifier | None = None
    label: str | None = None  # label: a categorical claim (an agreement reached) with this value
    examples: list[Example] = Field(min_length=1)


class Attribute(Strict):
    """One attribute a family claims: its value kind and how it is read."""

    kind: ValueKind
    read: Reading = "rules"
    target: Target | None = None  # the kind's default when not given
    check: str | None = None  # the policy check of a conflict, when not the kind's own
    unit: str | None = None  # count: what is counted (prisoners, killed, trucks)


class Unit(Strict):
    minutes: float
    count: int = 1
    # a plural ("ساعات", "hours") with no number before it is "several": at least two
    plural: bool = False


class DurationQualifiers(Strict):
    about: list[str]
    at_least: list[str]
    at_most: list[str]
    # "just under two hours", "a little less than an hour": below the value but close to it,
    # [value x (1 - about), value] by the policy's tolerance, never down to zero
    just_under: list[str] = Field(default_factory=list)
    # after the phrase: "ست ساعات تقريبا", "two hours or so" are about that long
    about_after: list[str] = Field(default_factory=list)
    # right before a qualifier: it is a verb's particle, no bound ("handed over 300 prisoners")
    not_after: list[str] = Field(default_factory=list)


class ClaimsFile(Strict):
    family: str = Field(pattern=NAME)
    event: str | None = Field(default=None, pattern=EVENT_NAME)
    # an event usually agreed within another (an exchange agreed in a call): when a call or
    # talks are under discussion, its triggers start nothing and its claims go to that event
    nested: bool = False
    # the event types a nested event is agreed in (empty: any type not nested); under discussion
    # another type (a strike) hosts nothing
    hosts: list[str] = Field(default_factory=list)
    # of a nested family: words before a host's trigger, after this event's own, that make the
    # host what led to it ("تبادل ... بعد مفاوضات معقدة", "swap ... after months of talks"): such
    # a host starts no event and hosts nothing
    preludes: list[str] = Field(default_factory=list)
    # of a nested family with preludes: words before its trigger that say it was agreed, not
    # carried out ("اتفق الوفدان على تبادل", "agreed to swap"): the talks after them still host it
    agreed: list[str] = Field(default_factory=list)
    # event types this event's noun may name when one of them is under discussion and no
    # event of this type is: "تباحث بايدن وشي هاتفيا. واستمرت المحادثات ساعتين" (the call's
    # talks), when the sentence names no party beyond that event's
    refers_back_to: list[str] = Field(default_factory=list)
    # true: the day a statement announces this event is the event's own day (an exchange is
    # announced as it is carried out: "ذكرت الوزارة، اليوم السبت، أن الإمارات نجحت في التوسط في
    # عملية تبادل"), though a statement's day is otherwise not the event's
    announced_on_its_day: bool = False
    attributes: dict[str, Attribute] = Field(default_factory=dict)
    triggers: list[Trigger] = Field(default_factory=list)
    rules: list[ClaimRule] = Field(default_factory=list)
    # the vocabulary of a kind, in the family that declares an attribute of that kind
    stages: list[str] = Field(default_factory=list)  # count: a partial count ("in the first stage")
    units: dict[str, Unit] = Field(default_factory=dict)  # duration
    fractions: dict[str, float] = Field(default_factory=dict)  # duration
    portions: dict[str, float] = Field(default_factory=dict)  # duration: "نصف ساعة", a part of the unit after it
    connectors: list[str] = Field(default_factory=list)  # duration: "ساعة و40 دقيقة", "two hours and 17 minutes"
    several: list[str] = Field(default_factory=list)  # duration: "عدة ساعات", "several hours" (a plural unit follows)
    qualifiers: DurationQualifiers | None = None  # duration
    # duration: a word after the phrase that makes "less than" a little less (أقل من ساعة بقليل)
    slightly: list[str] = Field(default_factory=list)
    # duration: the article a unit may take after a qualifier ("نحو الساعة" is about an hour)
    article: str | None = None
    # duration: a part of the event, by label, and the words that name it before a duration in
    # its clause ("الجلسة الأولى", "the one-on-one"): its length is compared only with the same part's
    parts: dict[Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")], list[str]] = Field(default_factory=dict)
    part_breaks: list[str] = Field(default_factory=list)  # duration: words opening another clause (فيما, while)
    part_pronouns: list[str] = Field(default_factory=list)  # duration: after a break, the part still: "but it"
    # duration: a range of the same unit ("بين 4 و5 ساعات", "من أربع إلى خمس ساعات", "four to five
    # hours"): the words before its first number and between the two
    range_from: list[str] = Field(default_factory=list)
    range_to: list[str] = Field(default_factory=list)
    topics: dict[str, list[str]] = Field(default_factory=dict)  # label read from a vocabulary
    topic_verbs: list[str] = Field(default_factory=list)  # label read from a vocabulary
    # words beside a trigger that make it another event than the one reported: an earlier one
    # (اتصالهما السابق) or a planned one (القمة المرتقبة, "agreed to have a meeting"). A planned
    # word marks a trigger wherever it stands; the recalled ones and `another` (اتصال آخر, a
    # second one) only while an event of the type is under discussion: without one, "السابق"
    # beside the trigger is more often "the former president" than an earlier call
    recalled: list[str] = Field(default_factory=list)
    planned: list[str] = Field(default_factory=list)
    another: list[str] = Field(default_factory=list)
    # phrases that hold one of those words and say nothing of another event: discourse markers
    # ("من جهة أخرى", "في سياق آخر": on the other hand, in another connection)
    not_other: list[str] = Field(default_factory=list)
    # words opening a clause about an earlier event inside the sentence of this one ("held a
    # call on Wednesday, a day after Trump spoke with Putin"): the people and days after them
    # are that event's
    earlier_clause: list[str] = Field(default_factory=list)


# --------------------------------------------------------------------------- knowledge base


class Term(Strict):
    person: str
    role: str
    country: str | None = None
    from_: dt.date = Field(alias="from")
    to: dt.date | None = None
    source: str | None = None  # where the fact comes from (a government page, an encyclopedia article)
    # the address of a page the dates were checked against (a report of the swearing-in, the
    # decree, the vote), and what it confirmed when that is less than both dates
    checked: str | None = None
    note: str | None = None

    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class OfficesFile(Strict):
    terms: list[Term]


# --------------------------------------------------------------------------- comparison policy


class DurationPolicy(Strict):
    about: float = Field(ge=0, le=1)  # relative tolerance of "about"
    exact: float = Field(ge=0, le=1)  # stated durations are rounded too


class EventPolicy(Strict):
    date_window_days: int = Field(ge=0, le=30)


class CorefWeights(Strict):
    """What each piece of evidence adds to (or, negative, takes from) the score of an account
    against an event."""

    same_parties: float = 3
    parties_fit: float = 1
    same_day: float = 3
    near_day: float = 1
    day_beyond_window: float = -1
    weekday_fits: float = 1
    weekday_differs: float = -2
    weekday_day_off: float = 0  # an undated account's weekday the day before or after the event's: a slip, or the next day's news
    published_near: float = 0.5
    published_stale: float = -1
    published_far: float = -2
    published_together: float = 1
    same_page: float = 1
    parties_overlap: float = 1
    titles_misfit: float = -1.5
    same_place: float = 2
    place_within: float = 1
    other_place: float = -6
    shared_detail: float = 1
    shared_detail_max: float = 3
    other_round: float = -4


class CorefPolicy(Strict):
    """When two accounts report one event (checker/align/coref.py)."""

    threshold: float = 3
    margin: float = 1  # an account naming fewer than two parties must lead the runner-up by this
    max_gap_days: int = Field(default=7, ge=0, le=60)  # accounts dated further apart never meet
    fresh_days: int = Field(default=1, ge=0)  # an undated page mostly reports the news of its day
    recent_days: int = Field(default=7, ge=0)  # and at most what happened this recently
    # accounts without a day whose pages were published further apart report different events
    published_apart_days: int = Field(default=30, ge=0)
    weights: CorefWeights = CorefWeights()
    # event types that outlets use for one event ("talks" and "meeting" for a leader's visit):
    # accounts of either may be one event, which takes its accounts' most common type
    same_event: list[list[str]] = Field(default_factory=list)
    # event types whose accounts name their parties loosely (an exchange: its sides, and the
    # nationalities of those freed): sharing a party is evidence, a different list no bar
    loose_parties: list[str] = Field(default_factory=list)
    # a gathering this many parties attend (a summit): each account names whom it saw, so its
    # accounts' lists, too, are compared loosely
    multilateral_parties: int = 4
    # claim attributes that make an account known by its parties alone (a meeting on the
    # sidelines of a summit): it joins only an event whose accounts name its parties, never
    # loosely, and an account naming none is not one of it
    known_by_parties: list[str] = Field(default_factory=list)

    def family_of(self, etype: str) -> list[str]:
        """Every event type of the family `etype` belongs to (itself alone, for most)."""
        return next((sorted(group) for group in self.same_event if etype in group), [etype])


class TitlePolicy(Strict):
    window_days: int = Field(ge=0)


class TimePolicy(Strict):
    tolerance_minutes: int = Field(ge=0)
    # parties whose zones are this many hours apart or more: their event falls on two local
    # dates for much of the day, so dates a day apart are not a conflict (Wednesday evening in
    # Washington is Thursday morning in Beijing)
    dates_apart_hours: float = Field(default=9, ge=0)


class CountPolicy(Strict):
    about: float = Field(default=0.1, ge=0, le=1)  # relative tolerance of "about 300"


class PairingPolicy(Strict):
    counterparts: int = Field(default=3, ge=1)  # accounts of the other value paired with each rarer one


class CheckPolicy(Strict):
    severity: Literal["error", "warning", "info"]
    message: str


class PolicyFile(Strict):
    durations: DurationPolicy
    events: dict[str, EventPolicy]  # one entry per event type a claim family declares
    titles: TitlePolicy
    times: TimePolicy
    counts: CountPolicy = CountPolicy()
    pairing: PairingPolicy = PairingPolicy()
    coreference: CorefPolicy = CorefPolicy()
    checks: dict[str, CheckPolicy]
