"""The data every stage passes on: documents, claims, events, findings and the report.

One definition each, used by every stage and every output format. Offsets are always character
offsets into a document's decoded text (front matter included), so `text[start:end]` is the
evidence exactly as the page wrote it.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.1"


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


# --------------------------------------------------------------------------- documents


class Published(Model):
    """When a document was published: a day interval and how that was learned."""

    date_from: dt.date | None = Field(default=None, serialization_alias="from", validation_alias="from")
    date_to: dt.date | None = Field(default=None, serialization_alias="to", validation_alias="to")
    how: str = "unknown"

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    @property
    def known(self) -> bool:
        return self.date_from is not None and self.date_from == self.date_to

    @property
    def day(self) -> dt.date | None:
        return self.date_from if self.known else None


SegmentKind = Literal["front_matter", "title", "article", "boilerplate"]


class Segment(Model):
    """A block of a page: the article(s) we read claims from, or boilerplate we ignore."""

    kind: SegmentKind
    start: int
    end: int
    label: str = ""  # "main", "embedded 1", or the boilerplate rule id
    marker: str | None = None  # the text that triggered a boilerplate block


# unsupported_language: read, but written in a language without rules, so no claims (and a warning)
DocumentStatus = Literal["ok", "error", "unsupported_language"]


class Document(Model):
    id: str
    path: str
    source: str | None = None
    url: str | None = None
    language: str = "ar"
    published: Published = Field(default_factory=Published)
    title: str | None = None
    encoding: str | None = None
    status: DocumentStatus = "ok"
    error: str | None = None
    warnings: list[str] = Field(default_factory=list)
    metadata: dict[str, str] = Field(default_factory=dict)  # unknown front-matter keys, kept
    text: str = Field(default="", exclude=True)  # the decoded file text; not serialised
    segments: list[Segment] = Field(default_factory=list)
    # `checker check`: "new" for an article being checked, "published" for a stored one it was
    # compared with; None in `checker report`, where every article is on the same footing
    role: Literal["new", "published"] | None = None

    def article_segments(self) -> list[Segment]:
        return [s for s in self.segments if s.kind in ("article", "title")]


# --------------------------------------------------------------------------- values


class DateValue(Model):
    """A day interval; `weekday` is the weekday the text stated (0 = Monday), if any."""

    type: Literal["date"] = "date"
    date_from: dt.date | None = Field(default=None, serialization_alias="from", validation_alias="from")
    date_to: dt.date | None = Field(default=None, serialization_alias="to", validation_alias="to")
    weekday: int | None = None
    # a day and month stated without a year on a page whose date is unknown ("الخميس 28 يوليو")
    month: int | None = None
    day_of_month: int | None = None
    how: str = ""  # "absolute", "relative to publication", "weekday only", ...

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    @property
    def day(self) -> dt.date | None:
        return self.date_from if self.date_from is not None and self.date_from == self.date_to else None


class TimeValue(Model):
    """A clock time; with a zone it is an instant, without one it keeps its candidate zones."""

    type: Literal["time"] = "time"
    hour: int
    minute: int = 0
    zone: str | None = None  # IANA name
    candidates: list[str] = Field(default_factory=list)
    clock12: bool = False  # "at five" with no part of day: 05:00 or 17:00
    phase: Literal["start", "end", "planned"] | None = None  # "began at 11:04", "ended at 12:06", "due at 5 pm"
    # the claim id of the time this one restates in another zone: "9:30 (13:30 GMT)"
    restates: str | None = None


class DurationValue(Model):
    """A duration as [min, max] minutes; max None means no upper bound."""

    type: Literal["duration"] = "duration"
    minutes: float  # the value as stated
    min: float
    max: float | None
    part: str | None = None  # of a part of the event only ("first_session", "restricted"), by label


class CountValue(Model):
    """A count per side and/or in total, of a unit (prisoners exchanged, people killed)."""

    type: Literal["count"] = "count"
    per_side: int | None = None
    total: int | None = None
    unit: str = "prisoners"
    stage: str | None = None  # "first stage", "first day": a partial count
    bound: Literal["exact", "about", "at_least", "at_most", "more_than"] = "exact"  # "at least 12 killed"
    group: str | None = None  # who are counted, by nationality (thailand: "12 Thai hostages")
    by: str | None = None  # one side's count: the side that freed them ("" when the text names none)


class TitleValue(Model):
    type: Literal["title"] = "title"
    role: str  # "president", "foreign_minister", ...
    country: str | None = None  # entity id of the country or organisation
    # "then": the post held at the time the sentence speaks of (الرئيس آنذاك, then-President),
    # which says nothing about the day of the page
    status: Literal["current", "former", "acting", "elect", "designate", "then"] = "current"
    office: bool = True  # a standing office (exclusive) rather than a function such as delegation head
    given: str | None = None  # the given name written before a known surname (normalised), if any


class InitiatorValue(Model):
    type: Literal["initiator"] = "initiator"
    caller: str
    callee: str | None = None
    # strong: the wording says who called; weak: only the press's custom says so (Arabic
    # "أجرى X اتصالا مع Y"); neutral: it names both and says nothing of who called ("spoke with")
    strength: Literal["strong", "weak", "neutral"] = "strong"


class PlaceValue(Model):
    type: Literal["place"] = "place"
    place: str


class PersonValue(Model):
    """A person named as the value of an attribute (who hosted, who mediated)."""

    type: Literal["person"] = "person"
    person: str  # entity id


class LabelValue(Model):
    """A categorical claim: an agreement reached, a topic discussed."""

    type: Literal["label"] = "label"
    label: str


class OrdinalValue(Model):
    """Which one of a series an event is: the fifth round of talks, an envoy's sixth visit. `of`
    says what is counted (round, visit, meeting): only ordinals of one thing are compared."""

    type: Literal["ordinal"] = "ordinal"
    round: int
    of: str


class NumberValue(Model):
    """How many took part, as an interval of whole numbers: "31" = 31-31, "more than 31" = 32
    and up (min 32, bound more_than), "at least 20" = 20 and up. `of` says what is counted
    (countries, countries and organisations, leaders): only numbers of one thing are compared."""

    type: Literal["number"] = "number"
    min: int | None = None
    max: int | None = None
    of: str
    bound: Literal["exact", "about", "at_least", "at_most", "more_than"] = "exact"


class ParticipantsValue(Model):
    type: Literal["participants"] = "participants"
    participants: list[str]


Value = Annotated[
    Union[
        DateValue,
        TimeValue,
        DurationValue,
        CountValue,
        TitleValue,
        InitiatorValue,
        PlaceValue,
        PersonValue,
        LabelValue,
        OrdinalValue,
        NumberValue,
        ParticipantsValue,
    ],
    Field(discriminator="type"),
]

# a named matter's attribute ends so (rules topics.yaml "{event}.matter": a UN resolution, a deal):
# never compared, only evidence that two accounts report one event
MATTER = ".matter"


def value_key(value) -> tuple:
    """A hashable key equal for two values exactly when their JSON is equal (floats by repr, as
    JSON writes them, NaN and infinities as null, as pydantic writes them), and far cheaper."""
    return tuple(_atom(x) for x in value.__dict__.values())


def _atom(x):
    if type(x) is float:
        return ("f", repr(x)) if math.isfinite(x) else None
    if type(x) is list:
        return tuple(_atom(y) for y in x)
    if type(x) is bool or type(x) is int:
        return (type(x).__name__, x)  # true and 1 differ in JSON, not in Python
    return x


Qualifier = Literal["exact", "about", "at_least", "at_most", "just_under", "planned", "reported"]


class Claim(Model):
    id: str
    document: str
    segment: int  # index into Document.segments
    attribute: str  # call.date, person.title, ...
    subject: str  # an event mention id (before alignment), an event id (after), or an entity id
    value: Value
    qualifier: Qualifier = "exact"
    span: tuple[int, int]
    text: str
    rule: str
    quoted: str | None = None  # entity id of who is quoted as saying it
    mention: str | None = None  # the event mention this claim was read with
    event: str | None = None  # the event id after alignment


# --------------------------------------------------------------------------- events


class DateRange(Model):
    date_from: dt.date | None = Field(default=None, serialization_alias="from", validation_alias="from")
    date_to: dt.date | None = Field(default=None, serialization_alias="to", validation_alias="to")

    model_config = ConfigDict(extra="forbid", populate_by_name=True)


# event types are data: each claim family may declare one (rules/<lang>/claims/*.yaml `event:`)
EventType = Annotated[str, Field(pattern=r"^[a-z][a-z_]*$")]


class EventMention(Model):
    """One article's account of an event: the unit the aligner groups across sources."""

    id: str
    document: str
    segment: int
    type: EventType
    participants: list[str]
    date: DateValue | None = None
    place: str | None = None
    span: tuple[int, int]
    claims: list[str] = Field(default_factory=list)
    mediators: list[str] = Field(default_factory=list)  # a mediator or host named with it, not a party
    relation: Literal["reported", "recalled", "planned"] = "reported"  # an earlier or a planned event


class Event(Model):
    id: str
    type: EventType
    participants: list[str]
    date: DateRange
    place: str | None = None
    documents: list[str]
    mentions: list[str]
    claims: list[str]
    why: str


# --------------------------------------------------------------------------- findings


FindingKind = Literal["conflict", "internal", "knowledge"]
Severity = Literal["error", "warning", "info"]


class Evidence(Model):
    document: str
    claim: str | None
    value: str  # the value as resolved, for people ("about 76-104 min")
    text: str  # the quoted evidence, verbatim
    span: tuple[int, int] | None
    sentence: str | None = None  # the surrounding sentence, verbatim
    sentence_start: int | None = None


class Finding(Model):
    id: str
    kind: FindingKind
    attribute: str
    subject: str
    event: str | None
    documents: list[str]
    severity: Severity
    message: str
    evidence: list[Evidence]
    rule: str
    fingerprint: str
    card: str | None = None  # the id of the card (one mistake) this pair belongs to
    # what the message was made of, for saying it again in another language; not in the JSON
    params: dict[str, Any] = Field(default_factory=dict, exclude=True)


class Card(Model):
    """One mistake: the outlying account and the accounts it disagrees with.

    The pairs it stands for stay in `Report.findings` (CI reads them, fingerprints are theirs);
    a card lists their ids. An internal or knowledge finding on the outlying account itself
    joins its card: it is the same mistake, seen from another side.
    """

    id: str
    kind: FindingKind  # of its first finding in report order
    attribute: str
    subject: str
    event: str | None
    severity: Severity  # the highest of its findings
    rule: str  # of its first finding
    message: str
    notes: list[str] = Field(default_factory=list)  # messages of the other kinds of finding it holds
    outlier: Evidence
    counterparts: list[Evidence] = Field(default_factory=list)
    findings: list[str]
    fingerprints: list[str]


class Suppressed(Model):
    fingerprint: str
    reason: str


class Summary(Model):
    """Counts for people: `findings`, `by_kind` and `by_severity` count mistakes (cards);
    `pairs` counts the pairs of accounts in `Report.findings`."""

    documents: int
    documents_with_errors: int
    claims: int
    events: int
    findings: int
    by_kind: dict[str, int]
    by_severity: dict[str, int]
    suppressed: int = 0
    pairs: int = 0


class Report(Model):
    schema_version: str = SCHEMA_VERSION
    tool: str = "checker"
    documents: list[Document]
    claims: list[Claim] = Field(default_factory=list)
    mentions: list[EventMention] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
    cards: list[Card] = Field(default_factory=list)
    suppressed: list[Suppressed] = Field(default_factory=list)
    summary: Summary | None = None
    ui_lang: str | None = None  # the language of messages and of the interface, once chosen
    # entity id -> display name in ui_lang, for the formats that name events; not in the JSON
    names: dict[str, str] = Field(default_factory=dict, exclude=True)
