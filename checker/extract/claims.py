"""Claims and event mentions from one document.

Per article segment, sentence by sentence: find people, titles, dates, times and trigger words;
decide which event each sentence speaks of (a new one, or the one the text is already about);
then run the claim rules of rules/<lang>/claims/ on the sentence. Every claim keeps the span of
its evidence in the original file text.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field, replace

from checker.extract.kinds import READERS, RuleMatch, seat_of
from checker.extract.mentions import Mention, assemble, find_items, lexicon, skeleton
from checker.extract.values import DatePhrase, find_dates, find_times, grammar, not_event_day, year_hint
from checker.models import Claim, DateValue, Document, EventMention, LabelValue, TitleValue
from checker.resolve.dates import resolve_date
from checker.resolve.kb import holder, offices_of, terms_of
from checker.rules.kinds import TEMPLATE
from checker.rules.ruleset import CompiledRule, RuleSet, alternation, trigger_regexes
from checker.rules.schema import LOCAL_ZONE
from checker.text.language import sentence_language
from checker.text.normalize import Normalized, normalize

_SENTENCE_END = re.compile(r'(?<=[.!?؟])["\')]*\s+|\n+')


MAX_SENTENCE = 5000  # a "sentence" longer than this (a page without punctuation) is cut at spaces


# a period that ends an abbreviation of Latin script ends no sentence: "U.S. President",
# "10 a.m. ET", "Gen. Smith", "Sept. 19" (the text is normalised: lowercase)
_ABBREVIATION = re.compile(r"(?:(?<![^\W\d_])[a-z]\.){2,}$|(?<![^\W\d_])(?:mr|mrs|ms|dr|st|gen|sen|rep|gov|lt|col|sgt|"
                           r"jan|feb|mar|apr|aug|sept|sep|oct|nov|dec|no|vs|jr|sr|prof|amb)\.$")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans: line breaks and sentence punctuation followed by space (not 1.5, nor
    after an abbreviation such as "U.S.")."""
    out, pos = [], 0
    for m in _SENTENCE_END.finditer(text):
        if text[m.start() - 1:m.start()] == "." and "\n" not in m.group() \
                and _ABBREVIATION.search(text, max(0, m.start() - 12), m.start()):
            continue
        if text[pos:m.start()].strip():
            out.extend(_cut(text, pos, m.start()))
        pos = m.end()
    if text[pos:].strip():
        out.extend(_cut(text, pos, len(text)))
    return out


def _cut(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Bound the work per sentence: overlong runs are cut at the last space before the limit."""
    spans = []
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        spans.append((start, cut))
        start = cut
    spans.append((start, end))
    return spans


@dataclass
class _Mention:
    """An event mention being built while reading a segment."""

    id: str
    type: str
    participants: list[str]
    date: DateValue | None
    place: str | None
    span: tuple[int, int]
    segment: int = 0
    claims: list[str] = field(default_factory=list)
    undated: bool = True
    mediators: list[str] = field(default_factory=list)
    relation: str = "reported"  # "recalled" (an earlier event) or "planned"


@dataclass
class PartyWords:
    """The compiled words of entities.yaml `parties` and of the claim files' `recalled` and
    `planned`: what makes a person or country named in a sentence not a party of its event,
    and a trigger another event than the one reported."""

    sources: re.Pattern[str]
    mediators: re.Pattern[str]
    mentioned: re.Pattern[str]
    between: re.Pattern[str]
    mediators_after: re.Pattern[str]
    place_gap: re.Pattern[str]  # what may stand between a place and its country's name
    located: re.Pattern[str]  # ends a text right before a seat named as where ("... في ")
    people_in: re.Pattern[str]  # ... after people of the place: still a party ("المسؤولين في ")
    own_country: re.Pattern[str]  # his country ("مفاوضي بلاده"): that of the person named before
    clause_end: re.Pattern[str]  # ends the clause naming a call's parties ("ahead of", "قبيل")
    ahead_of: re.Pattern[str]  # ends a text right before a later event's trigger ("قبيل لقائه", "ahead of his meeting")
    other: dict[str, re.Pattern[str]]  # event type -> words of a recalled, planned or another event
    recalled: dict[str, re.Pattern[str]]
    planned: dict[str, re.Pattern[str]]
    another: dict[str, re.Pattern[str]]  # event type -> its words of a second one (اتصال آخر)
    not_other: dict[str, re.Pattern[str]]  # event type -> discourse markers holding such words
    earlier_clause: dict[str, re.Pattern[str]]  # event type -> words opening a clause about an earlier one
    preludes: dict[str, re.Pattern[str]]  # nested event type -> ends a text right before what led to it ("بعد ")
    agreed: dict[str, re.Pattern[str]]  # nested event type -> words saying it was agreed, not carried out
    outlets: re.Pattern[str]  # a news outlet and the country named as its own (its one group)
    triggers: dict[str, list[re.Pattern[str]]]  # event type -> its trigger regexes

    def clause_cut(self, etype: str, norm: str, trigger: int) -> int | None:
        """Where, after the trigger at `trigger`, a clause about an earlier event of `etype`
        opens ("..., a day after Trump spoke with Putin"), if one does."""
        clause = self.earlier_clause.get(etype)
        return next((m.start() for m in clause.finditer(norm, trigger + 1)), None) if clause else None

    def other_hits(self, etype: str | None, norm: str, lo: int, hi: int, planned_only: bool = False) -> list[re.Match]:
        """Words of another event of `etype` (any type when None) between lo and hi, but those
        inside a discourse marker ("من جهة أخرى")."""
        types = [etype] if etype is not None else sorted(self.other)
        hits = []
        for t in types:
            rx = (self.planned if planned_only else self.other).get(t)
            if rx is None:
                continue
            skip = [m.span() for m in self.not_other.get(t, _NEVER).finditer(norm, max(0, lo - 20), min(len(norm), hi + 20))]
            hits += [m for m in rx.finditer(norm, lo, hi) if not any(a <= m.start() < b for a, b in skip)
                     and (not self._another_alone(t, norm, m) or self._after_trigger(t, norm, m.start()))]
        return hits

    def _another_alone(self, etype: str, norm: str, hit: re.Match) -> bool:
        """Is the hit a word of a second event alone ("آخر"), not a longer phrase that begins
        with it ("آخر محادثة ... كانت": the one before)?"""
        m = self.another[etype].match(norm, hit.start())
        return m is not None and m.end() >= hit.end()

    def _after_trigger(self, etype: str, norm: str, at: int) -> bool:
        """Does a trigger of `etype` end at most one word before `at`? A word of a second one
        qualifies the noun before it ("اتصال آخر", "اتصالا هاتفيا آخر"), not any noun ("تطرقا
        إلى الصفقة وقضايا أخرى في مكالمة هاتفية")."""
        lo = max(0, at - 30)
        return any(re.fullmatch(r"\s*(?:\S+\s+)?", norm[m.end():at])
                   for rx in self.triggers.get(etype, []) for m in rx.finditer(norm, lo, at))


_NEVER = re.compile(r"(?!)")
_PARTY_WORDS: dict[str, PartyWords] = {}  # by rule digest: compiled once per rule set


def party_words(rs: RuleSet) -> PartyWords:
    hit = _PARTY_WORDS.get(rs.digest)
    if hit is None:
        pw = rs.entities.parties

        def words(ws: list[str]) -> re.Pattern[str]:
            return re.compile(rf"(?<!\w)(?:و|ف)?{alternation(ws)}") if ws else _NEVER

        other, recalled, planned, another, not_other, earlier, preludes, agreed = {}, {}, {}, {}, {}, {}, {}, {}
        for cf in rs.claim_files.values():
            if cf.event and cf.preludes:
                preludes[cf.event] = _ahead_of(cf.preludes, words_between=3)  # بعد ما وصفته موسكو بمفاوضات
                agreed[cf.event] = words(cf.agreed)
            if cf.event and (cf.recalled or cf.planned or cf.another):
                other[cf.event] = words(cf.recalled + cf.planned + cf.another)
                recalled[cf.event] = words(cf.recalled)
                planned[cf.event] = words(cf.planned)
                another[cf.event] = words(cf.another)
                not_other[cf.event] = words(cf.not_other)
            if cf.event and cf.earlier_clause:
                earlier[cf.event] = words(cf.earlier_clause)
        hit = _PARTY_WORDS[rs.digest] = PartyWords(words(pw.sources), words(pw.mediators), words(pw.mentioned),
                                                   words(pw.between), _after_words(pw.mediators_after),
                                                   _place_gap(pw.place_words), _located(pw.located, pw.place_words), _located(pw.located, pw.place_words, pw.people_in),
                                                   words(pw.own_country), words(pw.clause_end), _ahead_of(pw.ahead_of),
                                                   other, recalled, planned, another, not_other, earlier, preludes, agreed,
                                                   _outlets(pw.outlets, pw.outlets_after), trigger_regexes(rs))
    return hit


MIN_CLOCK_SENTENCE_WORDS = 3  # words of letters a sentence without a trigger needs for its clock times to count
_WORD = re.compile(r"[^\W\d_]{2,}")
_NUMERIC_DATE = re.compile(r"(?<!\d)\d{1,2}[./-]\d{1,2}[./-](?:19|20)\d\d(?!\d)")


def _timestamp(sentence: str) -> bool:
    """Is a sentence without a trigger a line of clocks and numeric dates ("16:46 GMT 02.12.2025
    (آخر تحديث: 17:03 GMT ...)"): the page's timestamp, not a sentence about the event?"""
    return len(_WORD.findall(sentence)) < MIN_CLOCK_SENTENCE_WORDS or bool(_NUMERIC_DATE.search(sentence))
CLAUSE_MARK_COST = 40  # characters a comma between a day and a trigger counts for, in choosing the day's event
_CLAUSE_MARK = re.compile(r"[،,;؛]")
OTHER_EVENT_BEFORE = 40  # characters before a place or day in which words of another event claim it
RELATION_AFTER = 40  # characters after a trigger in which words make it a planned or earlier event
RELATION_BEFORE = 30  # and before it ("وكان الزعيمان قد تحادثا هاتفيا")


def _after_other_event(rs: RuleSet, norm: str, first_trigger: int, at: int) -> bool:
    """Is what stands at `at` right after words of a planned or earlier event, past the
    sentence's first trigger and its own words ("met the envoy on Sunday, ahead of the planned
    talks in Geneva", "further negotiations are set to open on Monday")?
    Then it is that event's place or day, not the reported one's."""
    # words close enough to the first trigger are its own (_relation reads them): "the next
    # round of talks will be held in Abu Dhabi" is a planned event with its own place
    lo = max(first_trigger + RELATION_AFTER, at - OTHER_EVENT_BEFORE)
    return lo < at and bool(party_words(rs).other_hits(None, norm, lo, at))


# after a verb of saying: the speaker (a placeholder, or one or two words such as الرئاسة) and
# a comma, then the day of the statement
_AFTER_SPEECH = (re.compile(r"\s*(?:يوم\s+)?"),
                 # (up to three words of an organ: "قالت وزارة الخارجية التايوانية، اليوم الجمعة")
                 re.compile(r"\s*(?:(?:(?!ان\s)[^\s،,\u27e6]+\s+){0,3}\u27e6[pc]\d+\u27e7|[^\s،,\u27e6]+(?:\s+(?!ان\s)[^\s،,\u27e6]+){0,2})"
                            r"\s*،?\s*(?:يوم\s+)?"),
                 # "التي أعلن عنها البيت الأبيض والكرملين أمس": the announcement's day, not the call's
                 re.compile(r"\s*عن(?:ها|ه)\s+\u27e6[pc]\d+\u27e7(?:\s*و\s*\u27e6[pc]\d+\u27e7)*\s*،?\s*(?:يوم\s+)?"))
# the placeholder a marker word speaks of: right after it, or after a side's word or an adjective
# of party or nationality ("خلفا للديمقراطي ⟦p2⟧")
# (not "في", which ends as an adjective does: "وساطة في موسكو" says where, not who)
_PLACEHOLDER_AFTER = re.compile(r"\s*(?:من\s+)?(?:ال)?(?:جانب\s+|طرف\s+)?(?:(?!في\s)[^\s\u27e6،,]+ي\s+)?\u27e6[pcl](\d+)\u27e7")
# between a day and the verb of saying after it: a comma, or a comma and the speaker's few words
_BEFORE_SPEECH = re.compile(r"\)?[\s،,]*|\)?\s*[،,]\s*(?:[^\s،,.;:]+\s+){1,4}")  # "Earlier (on Monday), the White House said"
_AND_PLACEHOLDER = re.compile(r"\s*(?:،|و|,|and\b)\s*(?:(?:و|and\b)\s*)?(?:the\s+)?\u27e6[pcl](\d+)\u27e7")  # "Qatar, Oman and Switzerland"


# the sides after "between": ⟦c1⟧ و⟦c2⟧, "the ⟦c1⟧ and ⟦c2⟧", "روسيا الاتحادية وجمهورية ⟦c2⟧"
_STYLE = r"(?:(?:جمهوريه|دوله|the)\s+)?"
_FIRST_SIDE = re.compile(rf"\s*{_STYLE}\u27e6c(\d+)\u27e7")
_NEXT_SIDE = re.compile(rf"\s*(?:،|,)?\s*(?:و|and\s+)\s*{_STYLE}\u27e6c(\d+)\u27e7")


def _outlets(before: list[str], after: list[str]) -> re.Pattern[str]:
    """A country placeholder named as a news outlet's own: after an outlet word and at most two
    of its name's words ("لوكالة الأنباء ⟦c⟧"), or right before an outlet word, through a
    possessive and one word at most ("⟦c⟧'s anadolu news agency", "⟦c⟧ state broadcaster")."""
    forms = []
    if before:
        name = r"(?:(?!(?:عن|من|مع|إن|أن|في)\s)[^\s\u27e6،,.:]+\s+){0,2}?"
        forms.append(rf"(?<!\w)(?:و|ف|ل|ب)?(?:ال)?{alternation(before)}\s+{name}\u27e6c(\d+)\u27e7")
    if after:
        forms.append(rf"\u27e6c(\d+)\u27e7(?:'s|’s)?\s+(?:(?!(?:told|said|to|the|a|an)\s)[^\s\u27e6,.:;]+\s+)?"
                     rf"{alternation(after)}(?!\w)")
    return re.compile("|".join(forms), re.IGNORECASE) if forms else _NEVER


def _ahead_of(ws: list[str], words_between: int = 2) -> re.Pattern[str]:
    """A word of `ws` and at most `words_between` words more ending the text ("قبيل ", "ahead of his ")."""
    return re.compile(rf"(?<!\w)(?:و|ف)?{alternation(ws)}\s+(?:[^\s،,.:;]+\s+){{0,{words_between}}}$", re.I) \
        if ws else _NEVER


def _place_gap(ws: list[str]) -> re.Pattern[str]:
    """Spaces and commas, and at most one word of `ws` ("capital", "مدينة") among them."""
    word = rf"(?:{alternation(ws)}\s*[،,]?\s*)?" if ws else ""
    return re.compile(rf"[\s،,]*{word}", re.IGNORECASE)


def _located(ws: list[str], place_words: list[str], people: list[str] | None = None) -> re.Pattern[str]:
    """A word of `ws` ending the text before a name (searched up to the name), maybe with a word
    of `place_words` after it ("في العاصمة"), or a clitic ب attached to the name; with `people`,
    only those words after one of them ("المسؤولين في كييف": the place is theirs)."""
    if not ws or people is not None and not people:
        return _NEVER
    between = rf"(?:(?:ال)?{alternation(place_words)}\s+)?" if place_words else ""
    if people:
        return re.compile(rf"(?<!\w)(?:و|ف|ب|ل|لل)?(?:ال)?{alternation(people)}\s+(?:و|ف)?{alternation(ws)}\s+{between}$", re.I)
    return re.compile(rf"(?:(?<!\w)(?:و|ف)?{alternation(ws)}\s+{between}|(?<!\w)(?:و|ف)?ب)$", re.I)


def _after_words(ws: list[str]) -> re.Pattern[str]:
    """Placeholders (one, or several joined: ⟦c1⟧ و⟦c2⟧) right before a word of `ws`, maybe
    through a relative word or one word more ("Qatar, which acted as mediator", "قطر التي
    توسطت", "⟦c⟧-brokered")."""
    if not ws:
        return _NEVER
    one = r"\u27e6[pc]\d+\u27e7"
    # or through a relative clause of a few words, after a few words naming the country's organ:
    # "⟦c⟧ intelligence agency MIT, which mediated", "⟦c⟧، الدولة التي لعبت منذ فترة طويلة دور الوسيط"
    # "⟦c⟧، وهي الدولة التي أدت دور الوسيط"
    relative = (r"(?:\s+[^\s\u27e6،,.]+){0,3}?\s*(?:،|,)?\s*(?:(?:وهي|وهو)\s+)?(?:الدوله\s+)?(?:التي|الذي|which|who|that)\s+"
                r"(?:[^\s\u27e6.،,]+\s+){0,4}?")
    return re.compile(rf"(?P<who>{one}(?:\s*(?:،|,)?\s*(?:و|and\s+)\s*{one})*)"
                      rf"(?:{relative}|\s*(?:،|,)?\s*-?\s*(?:[^\s\u27e6]+\s+)?){alternation(ws)}(?!\w)")


def _mediated_after(rx: re.Pattern[str], skel: str) -> list[tuple[int, int, int]]:
    """(placeholder, start, end) of each placeholder before a word of mediation (_after_words)."""
    out = []
    for m in rx.finditer(skel):
        for p in re.finditer(r"\u27e6[pc](\d+)\u27e7", m.group("who")):
            out.append((int(p.group(1)), m.start(), m.end()))
    return out


def _sides(rx: re.Pattern[str], skel: str) -> list[int]:
    """The countries named together after a word such as بين / between, in order."""
    for m in rx.finditer(skel):
        first = _FIRST_SIDE.match(skel, m.end())
        if not first:
            continue
        out, nxt = [int(first.group(1))], _NEXT_SIDE.match(skel, first.end())
        while nxt:
            out.append(int(nxt.group(1)))
            nxt = _NEXT_SIDE.match(skel, nxt.end())
        if len(out) >= 2:
            return out
    return []


def _marked(rx: re.Pattern[str], skel: str, chain: bool = False) -> set[int]:
    """Placeholders right after one of the words of `rx` (بوساطة ⟦c3⟧), and with `chain` the
    ones joined to them (بوساطة ⟦c3⟧ و⟦c4⟧)."""
    return {k for k, _, _ in _marked_spans(rx, skel, chain)}


def _marked_spans(rx: re.Pattern[str], skel: str, chain: bool = False) -> list[tuple[int, int, int]]:
    """(placeholder, where its marker word starts, where it ends) in the skeleton."""
    out: list[tuple[int, int, int]] = []
    for m in rx.finditer(skel):
        nxt = _PLACEHOLDER_AFTER.match(skel, m.end())
        while nxt:
            out.append((int(nxt.group(1)), m.start(), nxt.end()))
            nxt = _AND_PLACEHOLDER.match(skel, nxt.end()) if chain else None
    return out


@dataclass
class _Sentence:
    norm: str
    start: int  # offset of the sentence in the segment's normalised text
    mentions: list[Mention]
    skel: str
    back: list[int]
    ordered: list[Mention]
    persons: dict[int, str]  # placeholder index -> person id
    speakers: set[str]
    sources: set[int] = field(default_factory=set)  # placeholders after بحسب, "according to"
    times: list[tuple[int, int]] | None = None  # where its clock times stand, zones included (read once)


class DocumentExtractor:
    """Reads one document; `run()` returns its event mentions and claims."""

    def __init__(self, doc: Document, rs: RuleSet, view_text: str, to_text, segments: list[tuple[int, int, int]]):
        self.doc, self.base = doc, rs
        # the document's language, if there are rules for it; each sentence may switch (_use)
        self.language = doc.language if rs.for_language(doc.language) is not None else rs.lang
        self._use(self.language)
        self.view_text, self.to_text = view_text, to_text
        self._opens_day = False  # the sentence being read is a clause cut before a day of its own
        self.segments = segments  # (segment index, plain start, plain end)
        self.claims: list[Claim] = []
        self.mentions: list[_Mention] = []
        self.published = doc.published
        # people no rule lists, read from their titles in this document: surname -> id, id -> country
        self.open_seen: dict[str, str] = {}
        self.open_country: dict[str, str | None] = {}
        self.roles = {r.id: r for r in rs.titles.roles}
        self.mediated: dict[tuple[str, str], set[str]] = {}
        self._titled: dict[tuple[str, str], set[str]] = {}  # (role, country) -> people named so here

    # ------------------------------------------------------------------ spans

    def _span(self, norm: Normalized, plain_start: int, a: int, b: int) -> tuple[tuple[int, int], str]:
        oa, ob = norm.to_original(a, b)
        span = self.to_text(plain_start + oa, plain_start + ob)
        return span, self.doc.text[span[0]:span[1]]

    def _claim(self, seg: int, attribute: str, subject: str, value, span_text, rule: str, *,
               qualifier: str = "exact", quoted: str | None = None, mention: _Mention | None = None) -> Claim:
        span, text = span_text
        c = Claim(id=f"{self.doc.id}:c{len(self.claims) + 1}", document=self.doc.id, segment=seg,
                  attribute=attribute, subject=subject, value=value, qualifier=qualifier, span=span,
                  text=text, rule=rule, quoted=quoted, mention=mention.id if mention else None)
        self.claims.append(c)
        if mention:
            mention.claims.append(c.id)
        return c

    # ------------------------------------------------------------------ run

    def _today(self) -> int | None:
        """The weekday a page of unknown date calls today ("اليوم الأحد", "today, Sunday"), if
        it names one and only one (its relative days then keep their weekdays)."""
        if self.published.date_from is not None:
            return None
        days = set()
        for _, ps, pe in self.segments:
            text = normalize(self.view_text[ps:pe]).text
            for lang in sorted({self.language, *self.base.languages}):
                rs = self.base.for_language(lang) or self.base
                days.update((p.weekday - p.relative_days) % 7 for p in find_dates(grammar(rs), text)
                            if p.relative_days is not None and p.weekday is not None)
        return days.pop() if len(days) == 1 else None

    def run(self) -> tuple[list[EventMention], list[Claim]]:
        self.today = self._today()
        for seg_index, ps, pe in self.segments:
            self._segment(seg_index, ps, self.view_text[ps:pe])
        self._local_times()
        out = []
        for m in self.mentions:
            if not m.participants and (m.date is None or m.date.day is None) and m.place is None and not m.claims:
                continue  # a bare word such as "the talks", with nothing to align on
            out.append(EventMention(id=m.id, document=self.doc.id, segment=m.segment,
                                    type=m.type, participants=sorted(set(m.participants)), date=m.date,
                                    place=m.place, span=m.span, claims=m.claims,
                                    mediators=sorted(set(m.mediators) - set(m.participants)), relation=m.relation))
        return out, self.claims

    def _local_times(self) -> None:
        """"13:36 بالتوقيت المحلي", "local time": the zone of the city where the event was, once
        the document has said it; else the zones of its parties, as for a time with no zone."""
        by_id = {m.id: m for m in self.mentions}
        for c in self.claims:
            v = c.value
            if getattr(v, "type", None) == "time" and v.zone == LOCAL_ZONE:
                m = by_id.get(c.subject)
                # a city's zone: a country may keep several (the local time of "the United States")
                place = m.place if m is not None and m.place and self.lex.entity_types.get(m.place) == "place" else None
                where = self.lex.zones.get(place) if place else None
                v.zone = where
                if where is None:
                    v.candidates = self._party_zones(m.participants if m else [])

    def _use(self, lang: str) -> None:
        """Read what follows with the rules of `lang` (entities, values and events are the same
        ids in every language, so the event being read carries over)."""
        rs = self.base.for_language(lang) or self.base
        self.rs, self.lex, self.g = rs, lexicon(rs), grammar(rs)

    def _segment(self, seg: int, plain_start: int, text: str) -> None:
        norm = normalize(text)
        spans, langs, opens_day = [], [], []  # opens_day: a clause cut before a day of its own
        for a, b in split_sentences(norm.text):
            # each sentence in the language of its own script (an English quote in an Arabic story)
            lang = sentence_language(norm.text[a:b], self.language, self.base.languages)
            self._use(lang)
            for k, piece in enumerate(self._day_clauses(norm.text, a, b)):
                spans.append(piece)
                langs.append(lang)
                opens_day.append(k > 0)
        sdocs: dict[int, object] = {}
        for lang in sorted(set(langs)):  # one spaCy pass per language
            self._use(lang)
            mine = [i for i, x in enumerate(langs) if x == lang]
            sdocs.update(zip(mine, self.lex.nlp.pipe([norm.text[spans[i][0]:spans[i][1]] for i in mine])))
        context: dict[str, _Mention] = {}  # the event of each type the text is currently about
        last: list[_Mention] = []  # the most recent mention of any type
        seg_mentions: list[_Mention] = []
        self._carried: list[tuple[DatePhrase, object, int]] = []  # the last sentence's days, if it had no event
        self._carried_speakers: list[str] = []  # ... and who spoke in it
        for i, (a, b) in enumerate(spans):
            self._use(langs[i])
            self._opens_day = opens_day[i]
            s = self._read_sentence(norm.text[a:b], a, sdocs[i])
            self._sentence(seg, plain_start, norm, s, context, last, seg_mentions)
        self._use(self.language)

    def _day_clauses(self, text: str, a: int, b: int) -> list[tuple[int, int]]:
        """The sentence text[a:b], cut before each day that opens a clause of its own (calendar
        shape `day_clause`) between two triggers: "... استمرت من أربع إلى خمس ساعات وفي 21
        مارس، اجتمعا في الكرملين وأجريا محادثات استمرت ست ساعات" is two sittings."""
        sentence = text[a:b]
        phrases = find_dates(self.g, sentence)
        if not phrases:
            return [(a, b)]
        hits = sorted(m.start() for t in self.rs.triggers for m in t.regex.finditer(sentence))
        cuts = []
        for p in phrases:
            opener = self.g.day_clause.search(sentence, max(0, p.start - 12), p.start)
            if opener and any(h < opener.start() for h in hits) and any(h > p.end for h in hits):
                cuts.append(a + opener.start())
        bounds = [a] + sorted(set(cuts)) + [b]
        return [(x, y) for x, y in zip(bounds, bounds[1:]) if text[x:y].strip()]

    def _read_sentence(self, sentence: str, start: int, sdoc) -> _Sentence:
        items = find_items(self.lex, sdoc, self.open_seen)
        mentions = assemble(self.lex, sdoc, items)
        for m in mentions:
            if m.open and m.name:
                self.open_seen.setdefault(m.name.split()[-1], m.entity)
                if m.country:
                    self.open_country.setdefault(m.entity, m.country)
        skel, back, ordered = skeleton(sentence, mentions)
        speakers: set[str] = set()
        # where the speaker may also stand before the verb ("Peskov said"), one after it must
        # end the clause ("..., said Peskov."): "sources said Putin phoned Trump" quotes no Putin
        after = r"\s*[،,]?\s*\u27e6p(\d+)\u27e7" + (r"(?=\s*(?:[,.;:!?]|$))" if self.rs.titles.speaker_before else "")
        words = self.rs.titles.speaker_particles
        particles = re.compile(rf"\u27e6p(\d+)\u27e7\s+{alternation(words)}\s*$") if words else None
        for m in self.g.speech.finditer(skel):
            nxt = re.match(after, skel[m.end():])
            if nxt:
                speakers.add(str(nxt.group(1)))
            elif self.rs.titles.speaker_before:  # "Peskov said", "Peskov told reporters"
                prev = re.search(r"\u27e6p(\d+)\u27e7[\s,]*(?:\S+\s+){0,1}$", skel[:m.start()])
                if prev:
                    speakers.add(str(prev.group(1)))
            elif particles is not None:  # "وكان عمروف قد أعلن"
                prev = particles.search(skel, 0, m.start())
                if prev:
                    speakers.add(str(prev.group(1)))
        # the source quoted (بحسب أوشاكوف، وفقا لبيسكوف)
        sources = set()
        for m in party_words(self.rs).sources.finditer(skel):
            nxt = re.match(r"\s*،?\s*\u27e6p(\d+)\u27e7", skel[m.end():])
            at = m.end()
            while nxt:  # "according to a statement from Rubio and Waltz": both quoted
                speakers.add(str(nxt.group(1)))
                sources.add(int(nxt.group(1)))
                at += nxt.end()
                nxt = re.match(r"\s*(?:،|,)?\s*(?:و|and\s+)\s*\u27e6p(\d+)\u27e7", skel[at:])
        return _Sentence(sentence, start, mentions, skel, back, ordered, {}, speakers, sources)

    # ------------------------------------------------------------------ one sentence

    def _resolve_people(self, s: _Sentence, day: dt.date | None) -> None:
        """Entity ids for every person placeholder; bare roles through the knowledge base."""
        for k, m in enumerate(s.ordered):
            if m.same_as_other:
                # "his counterpart" holds the role of the person named just before (or after) it
                before = [x for x in s.ordered[:k][::-1] + s.ordered[k + 1:] if x.role and not x.same_as_other
                          and x.office and x.type in ("person", "role")]
                m.role = self._counterpart_role(m, before[0].role if before else None, day)
                m.same_as_other = False
            if m.type == "person" and m.entity:
                s.persons[k] = m.entity
                if m.role and not m.office and not m.party and not m.country:
                    self._specific_post(m, day)
                if m.role and m.country and m.status == "current":
                    self._titled.setdefault((m.role, m.country), set()).add(m.entity)
            elif m.type == "role" and m.role:
                who = holder(self.rs, m.role, m.country, day or self.published.day)
                if who is None and m.country:
                    # no day to ask the knowledge base: "the Saudi crown prince" is the one person
                    # this page has named as the sitting holder of that title before
                    named = self._titled.get((m.role, m.country), set())
                    who = next(iter(named)) if len(named) == 1 else None
                if who:
                    s.persons[k] = who

    def _terms_on(self, person: str, day: dt.date | None) -> list:
        """The knowledge base's terms of a person on the day (the page's own when none is given),
        or every term it knows when neither is known."""
        when = day or self.published.day
        return offices_of(self.rs, person, when) if when else terms_of(self.rs, person)

    def _specific_post(self, m: Mention, day: dt.date | None) -> None:
        """A generic aide's title (مساعد الرئيس يوري أوشاكوف) is the aide's post the knowledge
        base has for them (the Kremlin aide), if they hold exactly one such post."""
        terms = self._terms_on(m.entity, day)
        posts = {(t.role, t.country) for t in terms if t.role in self.roles and not self.roles[t.role].party
                 and self.roles[t.role].office}
        if len(posts) == 1:
            (m.role, m.country), m.office = posts.pop(), True

    def _counterpart_role(self, m, other_role: str | None, day: dt.date | None) -> str | None:
        """The role of "his counterpart": the other person's role, unless the knowledge base
        says the named counterpart holds another post ("Rubio ... his Russian counterpart
        Lavrov" is a foreign minister, not a secretary of state nor a president). Then its post
        that the rules list as matching the other's, else no title at all, never a guess."""
        held = sorted({t.role for t in self._terms_on(m.entity, day)}) if m.entity else []
        if not held:  # a bare "his counterpart", or a person the knowledge base does not know
            return other_role or ("president" if not m.entity else None)
        if other_role is None:
            return held[0] if len(held) == 1 else None
        if other_role in held:
            return other_role
        matching = [r for r in held if {r, other_role} in [set(p) for p in self.rs.titles.compatible]]
        return matching[0] if matching else None

    def _sentence(self, seg, plain_start, norm, s: _Sentence, context, last, seg_mentions) -> None:
        g, fams = self.g, self.rs.families
        hint = year_hint(g, s.norm)
        phrases = [p for p in find_dates(g, s.norm) if not not_event_day(g, s.norm, p)]
        if phrases and "(" in s.norm:
            phrases = self._outside_restated_times(s, phrases)
        dates = [(p, resolve_date(p, self.published, hint, self.today)) for p in phrases]
        triggers = []
        for t in self.rs.triggers:
            for m in t.regex.finditer(s.skel):
                triggers.append((s.back[m.start()], t.event, t.trigger.starts_event, t.trigger.id,
                                 t.trigger.stands_alone, t.trigger.refers_back))
                break
        triggers = self._without_preludes(s.norm, sorted(triggers))
        if triggers:  # a day right after words of a planned or earlier event is that event's
            dates = [d for d in dates if not _after_other_event(self.rs, s.norm, triggers[0][0], d[0].start)]
        # "أكد أردوغان، اليوم الاثنين، ... . جاء ذلك في اتصال هاتفي مع بوتين": a sentence that says
        # the last one's words were said on this occasion takes that sentence's day
        carried, self._carried = self._carried, []
        speakers, self._carried_speakers = self._carried_speakers, []
        occasion = bool(triggers and g.same_occasion.match(s.norm))
        origin: dict[int, tuple[int, int]] = {}  # id of a carried phrase -> where it stands in the segment
        if not dates and carried and occasion:
            for p, v, start in carried:
                here_p = replace(p, start=0, end=0)
                origin[id(here_p)] = (start + p.start, start + p.end)
                dates.append((here_p, v))
        if not triggers and dates:
            self._carried = [(p, v, s.start) for p, v in dates]
        quoted = None
        first_day = next((v.day for _, v in dates if v.day), None)
        self._resolve_people(s, first_day)
        for k in sorted(s.persons):
            if str(k) in s.speakers:
                quoted = s.persons[k]
                break
        # who spoke here (or its subject), for a next sentence that says where ("وورد ذلك خلال اتصال")
        self._carried_speakers = [s.persons[k] for k in sorted(s.persons) if str(k) in s.speakers] \
            or [s.persons[k] for k in sorted(s.persons)][:1]
        # ... and who spoke before, a party of the call the words were said in (not a spokesman)
        speakers = [p for p in speakers if occasion and self._may_be_party(p, first_day)]

        # which event does this sentence speak of, per type? Each date goes to the nearest trigger
        # of an event that is not nested in another (an exchange's date is the call's).
        # A nested event (an exchange) is an event of its own when nothing hosts it: no call or
        # talks triggered here, and none under discussion; then its dates are its own.
        # A wording that stands alone (an exchange carried out) makes it one beside them too.
        alone = {t[1] for t in triggers if t[4]}

        def hosted(nested: str) -> bool:
            return nested not in alone and (any(fams.hosts_of(nested, t[1]) for t in triggers)
                                            or bool(last and fams.hosts_of(nested, last[0].type)))

        event_triggers = [t for t in triggers if t[1] not in fams.nested or not hosted(t[1])]

        def reach(at: int, pos: int) -> int:
            # a comma between a day and a trigger is a clause's end: "... الغارات التي شنتها حماس
            # في 7 أكتوبر، أطلق سراحهم يوم الجمعة": the raids' day, not the release's
            lo, hi = sorted((at, pos))
            return abs(at - pos) + (CLAUSE_MARK_COST if _CLAUSE_MARK.search(s.norm, lo, hi) else 0)

        def owner(p: DatePhrase) -> str | None:
            return min(event_triggers, key=lambda t: reach(p.start, t[0]))[1] if event_triggers else None

        said, said_where, said_after = self._statement_days(s, [p for p, _ in dates])
        family_of = self.rs.policy.coreference.family_of

        def reported(etype: str) -> bool:  # the passage already reports an event of this type or its kin
            return any(t in context for t in family_of(etype))

        here: dict[str, _Mention] = {}
        asides: set[str] = set()
        clauses: dict[str, tuple[int, _Mention]] = {}  # type -> where a clause about an earlier one opens, its event
        # per type, the first trigger that names an event ("محادثة هاتفية") speaks for the
        # sentence before a mere reference to one ("الحفاظ على الاتصال")
        # ... but not one in a clause about an earlier event ("spoke with Zelensky, a day after his
        # call with Putin")
        leading = {}
        pw = party_words(self.rs)
        for t in triggers:
            if t[1] in leading and t[2] and not leading[t[1]][2]:
                cut = pw.clause_cut(t[1], s.norm, leading[t[1]][0])
                if cut is None or t[0] < cut:
                    leading[t[1]] = t
            elif t[1] not in leading:
                leading[t[1]] = t
        for pos, etype, starts, _rid, _alone, refers in sorted(leading.values()):
            if etype in here:
                continue
            if etype in fams.nested and hosted(etype):
                continue  # an exchange agreed in a call or talks: its counts belong to that event
            # a statement's day is not the event's when the event was named before the statement,
            # the sentence has another day, or it refers to an event already reported (قالت
            # الرئاسة، الجمعة، إن الاتصال ...; "Ushakov said Friday that during the talks ...")
            # A day right before the verb ("وفي وقت سابق اليوم أعلن ويتكوف أن ... في مفاوضات
            # أبوظبي") is the statement's when the event is named after the verb and already reported.
            # "held a call on Wednesday, a day after Trump spoke with Putin": what follows is that call's
            cut = pw.clause_cut(etype, s.norm, pos)
            end = next((m.start() for m in pw.clause_end.finditer(s.norm, pos + 1)), None)
            told = etype in fams.announced_on_its_day and len(dates) == 1  # the announcement's day is its own
            mine = [d for d in dates if owner(d[0]) == etype and not (cut is not None and d[0].start > cut)
                    and not (d[0].start in said and not told and (pos < said[d[0].start] or len(dates) > 1
                                                                  or not starts or reported(etype)))
                    and not (d[0].start in said_where and (pos < said_where[d[0].start] or reported(etype)))
                    and not (d[0].start in said_after and pos > said_after[d[0].start]
                             and (len(dates) > 1 or not starts or reported(etype)))]
            nearest = min(mine, key=lambda d: reach(d[0].start, pos), default=None)
            value = nearest[1] if nearest else None
            # "عقد قمة مع بايدن ومحادثات ثنائية مع بارميلين": the names after another event's
            # trigger are that event's, and those between its trigger and this one are its too
            others = [p for p, e, *_ in leading.values() if e != etype]
            nxt = min((p for p in others if p > pos), default=None)
            since = max((p for p in others if p < pos), default=None)
            before = min((x for x in (cut, end, nxt) if x is not None), default=None)
            participants, mediators, firm = self._participants(
                s, etype, first_day, before=before, since=None if since is None else (since, pos))
            participants = participants + [p for p in speakers if p not in participants]
            frame = self._said_that(s, pos)
            if frame is not None and (etype not in context or not _fits(context[etype].participants, participants)):
                # "وقال روبيو بعد محادثات جدة إن الكرة في ملعب موسكو": the trigger stands in the
                # frame of what is said; who is named in what was said is no party of the event
                # when the frame alone fits the event under discussion, or alone names two
                # parties ("قال لافروف عقب مباحثاته مع نظيره الأميركي: ... أوكرانيا")
                inside = self._participants(s, etype, first_day, before=before, within=frame)
                if _fits(context[etype].participants, inside[0]) if etype in context else len(inside[0]) >= 2:
                    participants, mediators, firm = inside
            ahead = bool(nearest and (nearest[0].relative_days or 0) > 0)  # "... على أن يواصلا المحادثات غدا"
            kin = None if ahead else (self._kin_under_discussion(s, etype, participants, context, here)
                                      or self._referred_back(s, etype, pos, participants, value, context, here))
            if kin is not None:
                etype, starts = kin.type, False
                if etype in here:
                    # "اجتمع المفاوضون ... اليوم الثلاثاء في أول محادثات": the day nearer the
                    # talks is the meeting's, when the meeting has none
                    m = here[etype]
                    if m.date is None and value is not None:
                        m.date, m.undated = value, value.day is None
                        self._claim_stated_date(seg, norm, plain_start, s, etype, m, nearest, value, origin, quoted)
                    continue
            # an earlier or a planned event beside the one the segment reports
            relation = self._relation(s, etype, pos, reported(etype))
            if relation == "reported" and ahead:
                relation = "planned"  # "ويجريان محادثات موسعة يوم غد الثلاثاء": still to come
            # "المكالمة الهاتفية التي جرت مساء اليوم" after "أمس الخميس": the call named again, a
            # relative day off by one being the page's slip (copied from the wire of the day before)
            definite = bool(_DEFINITE.match(s.norm, s.norm.rfind(" ", 0, pos) + 1))
            again = bool(nearest and nearest[0].relative_days is not None and definite)
            m = self._place(seg, etype, starts, value, participants,
                            self._span(norm, plain_start, s.start + pos, s.start + pos + 1)[0],
                            context, seg_mentions, relation, firm, refers, again, definite)
            if m is None:
                continue
            sides = self._sides_and_countries(m)
            m.mediators.extend(x for x in mediators if x not in m.mediators and x not in sides)
            here[etype] = m
            if cut is not None and m.relation == "reported":
                earlier = self._earlier_clause(seg, s, norm, plain_start, etype, cut, m, dates, owner,
                                               context, seg_mentions)
                if earlier is not None:
                    clauses[etype] = (cut, earlier)
            if not starts and last and last[0].type == etype and m is not last[0] \
                    and not _fits(last[0].participants, m.participants):
                # an aside about another call ("وتحدث زيلينسكي أيضا مع ترامب لمدة ساعة"): it has
                # this sentence's claims; the next sentences are about the call under discussion
                asides.add(m.id)
            elif m.relation == "reported":
                context[etype] = m
            self._claim_stated_date(seg, norm, plain_start, s, etype, m, nearest, value, origin, quoted)
        if here:
            reported = {e: m for e, m in here.items() if m.relation == "reported" and m.id not in asides}
            if reported:
                last[:] = [reported[min(reported, key=lambda e: next((p for p, t, *_ in triggers if t == e), -1))]]
        current = next(iter(here.values()), None) or (last[0] if last else None)

        # the built-in readings, for the attributes the families declare them for
        for decl in fams.reading("clock"):
            event = here.get(decl.event) or (context.get(decl.event) if current and current.type == decl.event else None)
            if event is not None and (here or not _timestamp(s.norm)):
                self._clock_times(seg, plain_start, norm, s, decl.name, event, quoted)
        for decl in fams.reading("titles"):
            self._titles(seg, plain_start, norm, s, decl.name, current, quoted)

        # pattern rules: each read by the reader of its attribute's value kind
        reading = _Reading(self, seg, plain_start, norm, s, here, context, triggers, current, quoted, hint,
                           seg_mentions, last, clauses)
        for cr in self.rs.rules:
            read = READERS[cr.declared.kind.name]
            for mt in (m for rx in cr.regexes for m in rx.finditer(s.skel)):
                if read(RuleMatch(reading, cr, mt, g, self.rs, self.published)):
                    break

        for decl in fams.reading("vocabulary"):
            first = next((here[e] for e in fams.event_types if e in here and e not in fams.nested), None)
            self._topics(seg, plain_start, norm, s, decl.name, first or current, quoted)
        for decl in fams.reading("mediators"):
            first = next((here[e] for e in fams.event_types if e in here), None)
            self._mediators(seg, plain_start, norm, s, decl.name, first or current, quoted)

    # ------------------------------------------------------------------ helpers

    def _clock_times(self, seg, plain_start, norm, s: _Sentence, attribute: str, event: _Mention, quoted) -> None:
        """Every clock time of the sentence, as the event's; unzoned, with its parties' zones."""
        made: list[Claim] = []
        for t in find_times(self.g, s.norm):
            tv = t.value
            if tv.zone is None:
                tv.candidates = self._party_zones(event.participants)
            if t.restates is not None:
                tv.restates = made[t.restates].id
            made.append(self._claim(seg, attribute, event.id, tv,
                                    self._span(norm, plain_start, s.start + t.start, s.start + t.end),
                                    "time.stated", quoted=quoted, mention=event))

    def _titles(self, seg, plain_start, norm, s: _Sentence, attribute: str, current: _Mention | None, quoted) -> None:
        """Every person named with a title: a claim about the person, read with the current event."""
        for m in s.ordered:
            if m.type == "person" and m.entity and m.role and m.title_span:
                given = " ".join(m.name.split()[:-1]) if m.name and not m.open else None
                value = TitleValue(role=m.role, country=m.country, status=m.status, office=m.office, given=given or None)
                self._claim(seg, attribute, m.entity, value, self._span(norm, plain_start, s.start + m.start, s.start + m.end),
                            f"title.{m.role}", quoted=quoted, mention=current)

    def _topics(self, seg, plain_start, norm, s: _Sentence, attribute: str, target: _Mention | None,
                quoted) -> None:
        """What an event discussed: topic words in a sentence with a verb of discussing."""
        if target is None or not self.g.topic_verb.search(s.norm):
            return
        attribute = attribute.replace(TEMPLATE, target.type)
        seen = {c.value.label for c in self.claims if c.mention == target.id and c.attribute == attribute}
        for m in self.g.topic.finditer(s.norm):
            topic = self.g.topics[re.sub(r"\s+", " ", m.group("t"))]
            if topic in seen:
                continue
            seen.add(topic)
            self._claim(seg, attribute, target.id, LabelValue(label=topic),
                        self._span(norm, plain_start, s.start + m.start(), s.start + m.end()), "topic.discussed",
                        quoted=quoted, mention=target)

    def _mediators(self, seg, plain_start, norm, s: _Sentence, attribute: str, target: _Mention | None,
                   quoted) -> None:
        """Who mediated or hosted the event (بوساطة عمانية، برعاية مصرية قطرية): a claim each."""
        if target is None:
            return
        pw = party_words(self.rs)
        marked = _marked_spans(pw.mediators, s.skel, chain=True)
        mediated = target.type in self.rs.entities.parties.mediated_events
        if mediated:
            marked += _mediated_after(pw.mediators_after, s.skel)
        if not marked:
            return
        attribute = attribute.replace(TEMPLATE, target.type)
        seen = self.mediated.setdefault((target.id, attribute), set())  # one claim per mediator and event
        for k, a, b in marked:
            if k >= len(s.ordered):
                continue
            men = s.ordered[k]
            # a capital named for its state ("بوساطة الدوحة", "mediated by Doha"): the state
            who = s.persons.get(k) or (men.entity if men.type == "country"
                                       else self.lex.entity_country.get(men.entity) if men.type == "place" and men.entity
                                       else None)
            if who in target.participants and mediated:
                # named as its mediator: not one of the exchange's sides, whatever a sentence
                # before made of it (أعلنت الإمارات ... بوساطة إماراتية)
                target.participants.remove(who)
            if not who or who in seen or who in self._sides_and_countries(target):
                continue  # a side, or the country of one (ترامب أشاد بجهود مصر, to Sisi)
            seen.add(who)
            if who not in target.mediators:
                target.mediators.append(who)
            self._claim(seg, attribute, target.id, LabelValue(label=who),
                        self._span(norm, plain_start, s.start + s.back[a], s.start + s.back[b - 1] + 1),
                        "mediator.named", quoted=quoted, mention=target)

    def _nearest_event(self, here, triggers, pos, etype: str | None = None) -> _Mention | None:
        """The event triggered nearest `pos` in the sentence (of `etype` if given), never a nested one."""
        best = None
        for p, t, *_ in triggers:
            if t in here and t not in self.rs.families.nested and (etype is None or t == etype):
                if best is None or abs(p - pos) < best[0]:
                    best = (abs(p - pos), here[t])
        return best[1] if best else None

    def _sides_and_countries(self, m: _Mention) -> set[str | None]:
        """An event's parties and the countries of those who are people: none of them mediates."""
        return set(m.participants) | {self._country_of(x) for x in m.participants}

    def _country_of(self, entity: str) -> str | None:
        """The country of a person (of the rules, or read from their title here), or itself."""
        return self.lex.entity_country.get(entity) or self.open_country.get(entity)

    def _participant_of(self, event: _Mention, country: str | None) -> str | None:
        """The one participant of an event from a country ("the American side")."""
        hits = [p for p in event.participants if self.lex.entity_types.get(p, "person") == "person"
                and self._country_of(p) == country]
        return hits[0] if len(hits) == 1 else None

    def _party_zones(self, parties: list[str]) -> list[str]:
        """The zones of an event's parties: those an unzoned clock time may be in."""
        return sorted({z for z in (self._zone_of(p) for p in parties) if z})

    def _zone_of(self, entity: str) -> str | None:
        country = self._country_of(entity)
        return self.lex.zones.get(country) if country else None

    def _person(self, s: _Sentence, mt: re.Match, group: str) -> str | None:
        if group not in mt.groupdict() or mt.group(group) is None:
            return None
        k = int(re.search(r"\d+", mt.group(group)).group())
        return s.persons.get(k)

    def _entity_at(self, s: _Sentence, mt: re.Match, group: str) -> str | None:
        if mt.group(group) is None:
            return None
        k = int(re.search(r"\d+", mt.group(group)).group())
        return s.ordered[k].entity if k < len(s.ordered) else None

    def _said_that(self, s: _Sentence, pos: int) -> int | None:
        """Where what is said opens (titles.yaml said_that: إن, "that") after a trigger at `pos`
        that stands after a verb of saying, in the frame of the statement; None elsewhere."""
        words = self.rs.titles.said_that
        if not words or not any(m.end() <= pos for m in self.g.speech.regex.finditer(s.norm, 0, pos)):
            return None
        rx = self.rs.derived("claims.said_that", _said_that_regex)
        hit = rx.search(s.norm, pos + 1)
        return hit.start() if hit else None

    def _outside_restated_times(self, s: _Sentence, phrases: list[DatePhrase]) -> list[DatePhrase]:
        """The days but those in a bracket that gives a clock time in another zone ("3.35pm
        Washington time (4.35am on Friday, Singapore time)"): the other zone's day, not the event's."""
        if s.times is None:
            s.times = [(t.start, t.end) for t in find_times(self.g, s.norm)]
        brackets = [m.span() for m in _BRACKET.finditer(s.norm)
                    if any(m.start() <= a and b <= m.end() for a, b in s.times)]
        return [p for p in phrases if not any(x <= p.start and p.end <= y for x, y in brackets)]

    def _participants(self, s: _Sentence, etype: str, day: dt.date | None, before: int | None = None,
                      within: int | None = None, since: tuple[int, int] | None = None,
                      ) -> tuple[list[str], list[str], set[str]]:
        """The parties of the event a sentence speaks of, and its mediators or hosts. Not
        parties: the source quoted (قال بيسكوف، بحسب أوشاكوف), a spokesman or aide by title or by
        the knowledge base, a mediator (بوساطة قطرية), someone talked about (بشأن زيلينسكي), and
        those named after `before` (where a clause about an earlier or a later event opens) when
        two are named ahead of it; with `within`, only those named before it; with `since`
        (another event's trigger, this one's), not those named between, when two are named
        elsewhere."""
        pw = party_words(self.rs)
        mediating = _marked(pw.mediators, s.skel, chain=True)
        hosting: list[tuple[int, int]] = []  # where words of a mediator or host stand, in s.norm
        if etype in self.rs.entities.parties.mediated_events:
            after = _mediated_after(pw.mediators_after, s.skel)
            mediating |= {k for k, _, _ in after}
            hosting = [(s.back[a], s.back[b - 1] + 1) for _, a, b in after]
        mentioned = _marked(pw.mentioned, s.skel)
        mediators = [x for k in sorted(mediating) if k < len(s.ordered)
                     for x in [s.persons.get(k) or (s.ordered[k].entity if s.ordered[k].type == "country" else None)] if x]
        if etype == "call":
            speaking = {int(k) for k in s.speakers}
            usable = [(k, p) for k, p in sorted(s.persons.items())
                      if k not in mediating and k not in mentioned and self._is_party(s.ordered[k], p, day)
                      and (within is None or s.ordered[k].start < within)]
            if before is not None:
                ahead = [(k, p) for k, p in usable if s.ordered[k].start < before]
                usable = ahead if len({p for _, p in ahead}) >= 2 else usable
            if since is not None:
                rest = [(k, p) for k, p in usable if not since[0] <= s.ordered[k].start < since[1]]
                usable = rest if len({p for _, p in rest}) >= 2 else usable
            people = [p for k, p in usable if k not in speaking]
            if len(set(people)) < 2:  # "Putin said he had called Trump": the speaker is a party
                people = [p for _, p in usable]
            return list(dict.fromkeys(people)), mediators, set(people)
        # talks are between countries: those named, and those of the people who speak for them
        # ("head of the Russian delegation"), but not a country that is only what was discussed
        # ("... and discussed the settlement in Ukraine")
        verb = self.g.topic_verb.search(s.norm)
        topics = [m.span() for m in self.g.topic.finditer(s.norm) if m.start() >= verb.end()] if verb else []
        if etype in self.rs.entities.parties.mediated_events:
            # an exchange or talks "between Russia and Ukraine": those two are its sides
            sides = [k for k in _sides(pw.between, s.skel)
                     if k < len(s.ordered) and s.ordered[k].type == "country" and s.ordered[k].entity]
            if len(sides) >= 2:
                named = list(dict.fromkeys(s.ordered[k].entity for k in sides))
                return named, mediators, set(named)
        # where, not who: a seat of government after "في"; for talks and a meeting any country
        # after it ("المحادثات في السعودية", "لوقف هجومها في أوكرانيا"), while prisoners "held in
        # Iran" make Iran a side of the exchange
        where = self._place_qualifiers(s, any_country=etype not in self.rs.policy.coreference.loose_parties)
        reporting = {int(next(g for g in m.groups() if g)) for m in pw.outlets.finditer(s.skel)}
        if s.times is None:
            s.times = [(t.start, t.end) for t in find_times(self.g, s.norm)]
        # a clock's zone says when, not who: "at 9 p.m. Turkish time", "الساعة 8 بتوقيت أنقرة"
        zoned = {k for k, x in enumerate(s.ordered) if any(a <= x.start < b for a, b in s.times)}
        skip = mediating | mentioned | s.sources | where | reporting | zoned
        if within is not None:
            skip = skip | {k for k, x in enumerate(s.ordered) if x.start >= within}
        if before is not None:  # "التقى زيلينسكي أردوغان قبيل لقائه ترامب": Trump is not of this one
            later = {k for k, x in enumerate(s.ordered) if x.start >= before}
            ahead, _ = self._countries(s, skip | later, topics, day)
            if len(set(ahead)) >= 2:
                skip = skip | later
        if since is not None:
            between = {k for k, x in enumerate(s.ordered) if since[0] <= x.start < since[1]}
            rest, _ = self._countries(s, skip | between, topics, day)
            if len(set(rest)) >= 2:
                skip = skip | between
        countries, represented = self._countries(s, skip | {int(k) for k in s.speakers}, topics, day)
        if len(set(countries)) < 2:  # "the Russian delegation head said the talks...": a party
            countries, represented = self._countries(s, skip, topics, day)
        # "أعلن عمروف أن مفاوضي بلاده أجروا محادثات": his country is a side, that of the person
        # named last before the word ("قال بيسكوف إن زيلينسكي أرسل مفاوضي بلاده" is Ukraine's)
        for word in pw.own_country.finditer(s.norm, 0, len(s.norm) if within is None else within):
            if any(a <= word.start() < b for a, b in hosting):
                continue  # "بارميلين، الذي تستضيف بلاده اللقاء": the host's country
            k = max((k for k in s.persons if s.ordered[k].start < word.start()), default=None)
            own = k is not None and (s.ordered[k].country or self._own_country(s.persons[k], day))
            if own:
                countries.append(own)
                represented.append(own)
        # people who met speak for their countries: with two countries so represented, a country
        # merely named beside them ("... to discuss the Russian war on Ukraine") is no party
        if len(set(represented)) >= 2:
            countries = represented
        return list(dict.fromkeys(countries)), mediators, set(represented)

    def _countries(self, s: _Sentence, skip: set[int], topics: list[tuple[int, int]],
                   day: dt.date | None) -> tuple[list[str], list[str]]:
        """The countries a sentence names as parties (but those of `skip` and the topics), and
        those among them that people named speak for: by their title here, or, named without
        one or with one that names no country ("التقى ترامب زيلينسكي", "President Putin"), by
        the office the knowledge base has them lead in."""
        countries, represented = [], []
        for k, m in enumerate(s.ordered):
            if k in skip:
                continue
            if m.type == "country" and m.entity:
                if not any(a <= m.start < b for a, b in topics):
                    countries.append(m.entity)
            elif m.type in ("person", "role") and m.country and m.party:
                countries.append(m.country)
                represented.append(m.country)
            elif m.type == "person" and m.party and k in s.persons:  # no title, or one without a country
                country = self._leader_country(s.persons[k], day)
                if country:
                    countries.append(country)
                    represented.append(country)
        return countries, represented

    def _own_country(self, person: str | None, day: dt.date | None) -> str | None:
        """The one country a person serves, by the rules or the knowledge base (any post)."""
        if person is None:
            return None
        countries = {t.country for t in self._terms_on(person, day) if t.country}
        return self._country_of(person) or (countries.pop() if len(countries) == 1 else None)

    def _leader_country(self, person: str, day: dt.date | None) -> str | None:
        """The country a person named without a title leads or speaks for, when the knowledge
        base has them in a party's office (a head of state, a minister; not an aide) that day, or
        in any term when the day is unknown."""
        terms = self._terms_on(person, day)
        countries = {t.country for t in terms if t.role in self.roles and self.roles[t.role].party and t.country}
        return countries.pop() if len(countries) == 1 else None

    def _place_qualifiers(self, s: _Sentence, any_country: bool = False) -> set[int]:
        """Countries named only to say where: a seat of government (with `any_country`, any
        country) after a word of `parties.located` ("في أنقرة", "in Moscow": where, not who), or
        a country beside a place of theirs ("روما الإيطالية", "the Omani capital Muscat",
        "Istanbul, Turkey"), at most a word of `parties.place_words` between."""
        out = set()
        pw = party_words(self.rs)
        gap = pw.place_gap
        for k, m in enumerate(s.ordered):
            if m.type != "country" or not m.entity:
                continue
            if pw.located.search(s.norm, max(0, m.start - 30), m.start) \
                    and not pw.people_in.search(s.norm, max(0, m.start - 40), m.start) \
                    and (any_country or seat_of(self.rs, m.entity, s.norm[m.start:m.end])):
                out.add(k)
                continue
            for j in (k - 1, k + 1):
                if 0 <= j < len(s.ordered) and s.ordered[j].type == "place" \
                        and self._country_of(s.ordered[j].entity or "") == m.entity:
                    a, b = sorted((m, s.ordered[j]), key=lambda x: x.start)
                    if gap.fullmatch(s.norm[a.end:b.start]):
                        out.add(k)
        return out

    def _may_be_party(self, person: str, day: dt.date | None) -> bool:
        """False for someone who held only posts that are no party's that day (a spokesman)."""
        held = [t.role for t in self._terms_on(person, day)]
        return not held or any(self.roles[r].party for r in held if r in self.roles)

    def _is_party(self, m: Mention, person: str, day: dt.date | None) -> bool:
        """False for a spokesman or aide: titled so here, or holding only such posts that day."""
        if not m.party:
            return False
        return bool(m.role) or self._may_be_party(person, day)

    def _statement_days(self, s: _Sentence, phrases: list[DatePhrase]) -> tuple[dict[int, int], dict[int, int], dict[int, int]]:
        """Days that may be a statement's, not the event's, each mapped to where its verb of
        saying is: those right after the verb (أعلن عراقجي الخميس أن...), by where they begin;
        those after the verb and where it was said (calendar shapes.where_said); and those of `phrases` right
        before it ("اليوم الخميس، قال", "Earlier Thursday, Witkoff said"). One pass over the
        sentence's verbs, none when it states no day."""
        after_verb: dict[int, int] = {}
        where_said: dict[int, int] = {}
        before_verb: dict[int, int] = {}
        if not phrases:
            return after_verb, where_said, before_verb

        def at(end: int) -> int:
            return s.back[end] if end < len(s.back) else len(s.norm)

        speech = list(self.g.speech.finditer(s.skel))
        verbs = []
        for m in speech:
            verb = s.back[m.start()]
            verbs.append((verb, m.start()))
            for rx in _AFTER_SPEECH:
                after = rx.match(s.skel, m.end())
                if after:
                    after_verb[at(after.end())] = verb
        for p in phrases:
            # the speaker between them is one placeholder in the skeleton, however long his
            # title ("On Friday, Kremlin foreign policy aide Yury Ushakov told reporters")
            end_at = bisect.bisect_left(s.back, p.end)
            v = next((v for v, k in verbs if v >= p.end and (_BEFORE_SPEECH.fullmatch(s.norm, p.end, v)
                                                              or _BEFORE_SPEECH.fullmatch(s.skel, end_at, k))), None)
            if v is not None:
                before_verb[p.start] = v
            # the speaker and where it was said, right up to the day (calendar shapes.where_said)
            day_at = bisect.bisect_left(s.back, p.start)
            for m in speech:
                if m.end() <= day_at and self.g.where_said.fullmatch(s.skel, m.end(), day_at):
                    where_said[p.start] = s.back[m.start()]
        return after_verb, where_said, before_verb

    def _relation(self, s: _Sentence, etype: str, pos: int, discussed: bool) -> str:
        """"recalled" or "planned" when the words beside a trigger say it is another event than
        the one reported (في اتصالهما السابق، اتفقا على إجراء اتصال آخر); with no event of
        the type under discussion (`discussed`), only the planned words count."""
        pw = party_words(self.rs)
        lo, hi = max(0, pos - RELATION_BEFORE), min(len(s.norm), pos + RELATION_AFTER)
        if pw.ahead_of.search(s.norm, lo, pos):
            return "planned"  # "قال زيلينسكي قبيل لقائه ترامب": the meeting is still to come
        hits = pw.other_hits(etype, s.norm, lo, hi, planned_only=not discussed)
        # "وكان الكرملين قد أعلن أن الاتصال ...": what is pluperfect is the statement, not the call
        hits = [h for h in hits if not self.g.speech.regex.match(s.norm[h.end():].lstrip())]
        # a planned word of a span of time speaks of the time; an earlier one dates the event
        # itself ("اللذان التقيا في سوتشي الشهر الماضي")
        hits = [h for h in hits if pw.recalled[etype].match(s.norm, h.start()) or not self._of_a_period(s.norm, h.start(), pos)]
        if not hits:
            return "reported"
        return "recalled" if any(pw.recalled[etype].match(s.norm, m.start(), hi) for m in hits) else "planned"

    def _claim_stated_date(self, seg, norm, plain_start, s: _Sentence, etype: str, m: _Mention, nearest,
                           value: DateValue | None, origin: dict[int, tuple[int, int]], quoted) -> None:
        """The day the sentence gives the event, as its date claim. A span of days ("يومي 23 و24
        يناير") is claimed too: it places the event, and agrees with either of its days."""
        stated = self.rs.families.event_date.get(etype)
        if stated and nearest and value is not None and (value.day or value.weekday is not None
                                                         or value.date_from is not None
                                                         or value.day_of_month is not None):
            p = nearest[0]
            a, b = origin.get(id(p), (s.start + p.start, s.start + p.end))
            self._claim(seg, stated.name, m.id, value, self._span(norm, plain_start, a, b),
                        "date.stated", quoted=quoted, mention=m)

    def _without_preludes(self, norm: str, triggers: list[tuple]) -> list[tuple]:
        """The triggers but those of a host named as what led to a nested event triggered before
        it ("تبادل 230 أسيرا بعد مفاوضات معقدة": the talks are its background, not its host)."""
        fams, pw = self.rs.families, party_words(self.rs)
        # an exchange agreed ("اتفق الوفدان على تبادل ... بعد محادثات", "agreed to swap ... after
        # talks") is the talks' outcome: they still host it
        nested = [(t[0], t[1]) for t in triggers if t[1] in pw.preludes
                  and not pw.agreed[t[1]].search(norm, max(0, t[0] - 40), t[0])]
        return [t for t in triggers
                if not any(at < t[0] and fams.hosts_of(n, t[1]) and pw.preludes[n].search(norm, max(0, t[0] - 40), t[0])
                           for at, n in nested)]

    def _of_a_period(self, norm: str, word: int, trigger: int) -> bool:
        """Does the word at `word` qualify a span of time or a weekday ("الأسبوع المقبل", "next
        week") rather than the trigger at `trigger`? Only a time phrase right after the trigger
        ("محادثات الأسبوع المقبل") is the trigger's own."""
        phrase = self.g.period_end.search(norm, max(0, word - 30), word)
        if phrase is None:
            return False
        own = word > trigger and re.fullmatch(r"\S+\s+(?:في\s+|in\s+)?", norm[trigger:phrase.start()])
        return not own

    def _earlier_clause(self, seg, s: _Sentence, norm, plain_start, etype: str, cut: int, reported: _Mention,
                        dates, owner, context, seg_mentions) -> _Mention | None:
        """The earlier event a clause after `cut` tells of ("..., a day after Trump spoke with
        Putin", "غداة اتصاله ببوتين"): a recalled event between the people named after it (and
        the sentence's first party, when it names one), with the day stated there."""
        after = [p for k, p in sorted(s.persons.items()) if s.ordered[k].start > cut]
        if not after:
            return None
        parties = list(dict.fromkeys(after if len(set(after)) >= 2 else reported.participants[:1] + after))
        later = [d for d in dates if d[0].start > cut and owner(d[0]) == etype]
        value = later[0][1] if later else None
        m = self._place(seg, etype, True, value, parties, self._span(norm, plain_start, s.start + cut, s.start + cut + 1)[0],
                        context, seg_mentions, "recalled")
        if m is not None and later and value is not None and (value.day or value.weekday is not None):
            p = later[0][0]
            stated = self.rs.families.event_date.get(etype)
            if stated:
                self._claim(seg, stated.name, m.id, value, self._span(norm, plain_start, s.start + p.start, s.start + p.end),
                            "date.stated", mention=m)
        return m

    def _kin_under_discussion(self, s: _Sentence, etype: str, participants: list[str],
                              context: dict[str, _Mention], here: dict[str, _Mention]) -> _Mention | None:
        """The event of a kindred type (policy coreference.same_event: talks and a meeting) this
        passage already reports, when a trigger of `etype` speaks of it: "the talks" after "Putin
        received Witkoff" are that meeting's talks, not a second event. Only when no event of
        `etype` itself between these parties is under discussion, the sentence names no party
        the event lacks ("the trilateral talks of Russia, Ukraine and the US" are other talks) and, for an event of an
        earlier sentence, no place outside the event's countries (talks "in Abu Dhabi" after a
        meeting in Moscow); in one sentence the place is the one both triggers share ("اختتمت
        قمة بايدن وبوتين في جنيف بعد ثلاث ساعات من المحادثات")."""
        if etype in here or etype in context and _fits(context[etype].participants, participants):
            return None  # (talks under discussion with others are not these: "عقد قمة مع بايدن
            # ومحادثات ثنائية مع بارميلين"; "المحادثات مع بايدن" next are the summit's)
        for other in self.rs.policy.coreference.family_of(etype):
            m = here.get(other) or context.get(other)
            if other == etype or m is None or m.relation != "reported":
                continue
            if m.participants and not set(participants) <= set(m.participants):
                continue
            places = {x.entity for x in s.ordered if x.type == "place" and x.entity} - {m.place}
            where = {self._country_of(x) for x in places}
            if m is not here.get(other) and m.participants and any(c and c not in m.participants for c in where):
                continue  # (the kin's own place, named again, is no other place)
            return m
        return None

    def _referred_back(self, s: _Sentence, etype: str, pos: int, participants: list[str], value: DateValue | None,
                       context: dict[str, _Mention], here: dict[str, _Mention]) -> _Mention | None:
        """The event of a type the family's `refers_back_to` lists that the passage reports, when
        this trigger's noun names it ("واستمرت المحادثات ساعتين" after a phone call): no event of
        `etype` is under discussion, the sentence names no party beyond it (its people or their
        countries), and the trigger is not of planned or earlier talks ("محادثات في 10 يناير
        المقبل"), nor gives them another day."""
        if etype in here or etype in context or self._relation(s, etype, pos, True) != "reported":
            return None
        for other in self.rs.families.refers_back.get(etype, []):
            m = here.get(other) or context.get(other)
            if m is not None and m.relation == "reported" and m.participants \
                    and set(participants) <= self._sides_and_countries(m) \
                    and (value is None or m.date is None or _day_key(m.date) == _day_key(value)):
                return m
        return None

    def _new_standalone(self, seg, etype, span, seg_mentions) -> _Mention:
        m = _Mention(f"{self.doc.id}:m{seg}.{len(self.mentions) + 1}", etype, [], None, None, span, seg)
        self.mentions.append(m)
        seg_mentions.append(m)
        return m

    def _place(self, seg, etype, starts, value: DateValue | None, participants, span, context, seg_mentions,
               relation: str = "reported", firm: set[str] | None = None, refers: bool = False,
               again: bool = False, definite: bool = False):
        """Join the event this segment already speaks of, or start a new one. A sentence that
        names two parties joins only an event between the same parties (Erdogan-Macron and
        Erdogan-Scholz are two calls); an earlier or a planned event is never the reported one."""
        same = [m for m in seg_mentions if m.type == etype and m.relation == relation]
        day = value.day if value else None
        pub = self.published.day
        named = len(set(participants)) >= 2
        target = None
        if relation != "reported":
            ctx = context.get(etype)
            if not named and ctx is not None:
                participants = list(ctx.participants)  # "in their previous call": the same parties
            target = next((m for m in same if _fits(m.participants, participants)
                           and (day is None or (m.date is not None and m.date.day in (None, day)))), None)
        elif day is not None:
            target = next((m for m in same if m.date and m.date.day == day
                           and (not named or _fits(m.participants, participants))), None)
            ctx = context.get(etype)
            if target is None and (refers or again) and ctx is not None and ctx.date is not None \
                    and ctx.date.day is not None and abs((ctx.date.day - day).days) <= 1 \
                    and _fits(ctx.participants, participants):
                target = ctx  # the event under discussion, named again with a day off by one
            if target is None:
                near_pub = pub is not None and abs((day - pub).days) <= 1
                target = next((m for m in same if m.undated and near_pub
                               and (not named or _fits(m.participants, participants))), None)
        else:
            target = context.get(etype)
            if target is None and (definite or not starts):
                # "the summit" when the passage has only announced one ("agreed to meet soon in
                # Budapest"): that summit, still to come (or an earlier one, only recalled)
                target = next((m for m in reversed(seg_mentions) if m.type == etype and m.relation != "reported"
                               and _fits(m.participants, participants)), None)
            if target is not None and self._opens_day and value is not None and target.claims \
                    and (target.date is None or _day_key(target.date) != _day_key(value)):
                target, starts = None, True  # "... وفي 21 مارس، اجتمعا": another day's sitting
            # an exchange's sentences name in turn the sides and the nationalities freed: one
            # without a day goes on about the exchange under discussion
            if target is not None and named and not _fits(target.participants, participants) \
                    and etype not in self.rs.families.nested and not refers:
                # a call between other people: one already read, or a new one
                target = next((m for m in reversed(same) if _fits(m.participants, participants)), None)
                if target is None:
                    starts = True
            elif target is not None and value is not None and value.weekday is not None and target.date is not None \
                    and target.date.day is None and target.date.weekday not in (None, value.weekday):
                # an undated page's "today, Tuesday" and "yesterday, Monday": two days, two sittings
                # of the same parties ("وكان الرئيسان قد أجريا محادثات أمس الاثنين")
                if not participants:
                    participants = list(target.participants)
                target = next((m for m in same if m.date is not None and m.date.day is None
                               and m.date.weekday == value.weekday and _fits(m.participants, participants)), None)
                starts = target is None
        if target is None:
            if not starts and not same and day is None and not participants:
                return None
            if not starts and not same and any(t != etype for t in context):
                return None  # "بحث بوتين مع ويتكوف" in the story of their meeting: no call
            if not participants or (len(set(participants)) < 2 and etype == "call"):
                # a call's other party, or a sitting named by a pronoun ("أنهما أجريا محادثات غير
                # رسمية أمس الاثنين"): the parties of the event under discussion (or of its kin)
                ctx = next((context[t] for t in self.rs.policy.coreference.family_of(etype) if t in context), None)
                participants = list(ctx.participants) if ctx else participants
            target = _Mention(f"{self.doc.id}:m{seg}.{len(self.mentions) + 1}", etype, list(participants), value, None, span, seg)
            target.undated = day is None
            target.relation = relation
            self.mentions.append(target)
            seg_mentions.append(target)
            return target
        if day is not None and target.undated:
            target.date, target.undated = value, False
        elif target.date is None and value is not None:
            target.date = value
        elif value is not None and value.weekday is not None and target.date is not None and target.date.weekday is None \
                and target.date.day is None:
            target.date = value
        if (etype != "call" and etype not in self.rs.families.nested) or len(set(target.participants)) < 2:
            # a call's participants are those of the sentence that set it up; later sentences
            # name other people (whom the leaders will brief, who announced it); so are an
            # exchange's sides (later sentences name the nationalities freed, the mediator).
            # Talks or a meeting with two sides already take from a later sentence only the
            # countries people there speak for, not one merely named ("الحرب في أوكرانيا")
            settled = len(set(target.participants)) >= 2 and etype not in self.rs.policy.coreference.loose_parties
            for p in participants:
                if p not in target.participants and not (settled and firm is not None and p not in firm):
                    target.participants.append(p)
        return target


def _said_that_regex(rs: RuleSet) -> re.Pattern[str]:
    """titles.yaml said_that: words whole ("إن", "that"), punctuation ("اليوم: ...") as it stands."""
    words = [w for w in rs.titles.said_that if re.search(r"\w", w)]
    marks = [w for w in rs.titles.said_that if not re.search(r"\w", w)]
    parts = ([rf"(?<!\w){alternation(words)}(?!\w)"] if words else []) + [re.escape(m) for m in marks]
    return re.compile("|".join(parts), re.I)


_BRACKET = re.compile(r"\([^()]{0,80}\)")
_DEFINITE = re.compile(r"(?:و|ف|ب|ل)?(?:ال|لل)")  # a word with the article (the trigger's, from its start)


def _day_key(d: DateValue) -> tuple:
    """What a date says of its day: the day, or the day and month without a year, or the weekday."""
    return (d.date_from, d.date_to, d.month, d.day_of_month, d.weekday)


def _fits(known: list[str], named: list[str]) -> bool:
    """Can an event between `known` be the one a sentence naming `named` speaks of? One set
    holds the other (a sentence may name only some of the parties, or the event has only one)."""
    a, b = set(known), set(named)
    return not a or not b or a <= b or b <= a


class _Reading:
    """One sentence as the value-kind readers (checker/extract/kinds.py) see it: its people and
    places, the events it speaks of, and where a claim of each target goes."""

    def __init__(self, ex: DocumentExtractor, seg, plain_start, norm, s: _Sentence, here, context, triggers,
                 current, quoted, hint, seg_mentions, last, clauses=None):
        self.ex, self.seg, self.plain_start, self.nrm, self.s = ex, seg, plain_start, norm, s
        self.clauses = clauses or {}
        self.here, self.context, self.triggers, self.current = here, context, triggers, current
        self.quoted, self.hint, self.seg_mentions, self.last = quoted, hint, seg_mentions, last
        self.norm, self.start = s.norm, s.start
        self.today = ex.today

    def person(self, mt: re.Match, group: str) -> str | None:
        return self.ex._person(self.s, mt, group)

    def entity(self, mt: re.Match, group: str) -> str | None:
        return self.ex._entity_at(self.s, mt, group)

    def entity_text(self, mt: re.Match, group: str) -> str | None:
        """The words (normalised) of the person, country or place a group captured."""
        if mt.group(group) is None:
            return None
        k = int(re.search(r"\d+", mt.group(group)).group())
        men = self.s.ordered[k] if k < len(self.s.ordered) else None
        return self.s.norm[men.start:men.end] if men else None

    def participant_of(self, event: _Mention, country: str | None) -> str | None:
        return self.ex._participant_of(event, country)

    def _span_of(self, mt: re.Match):
        a, b = self.s.back[mt.start()], self.s.back[mt.end() - 1] + 1
        return self.ex._span(self.nrm, self.plain_start, self.s.start + a, self.s.start + b)

    def target(self, cr: CompiledRule, mt: re.Match) -> _Mention | None:
        """The event a claim of this rule goes to, by its attribute's target (rules/kinds.py TARGETS)."""
        decl = cr.declared
        etype, here = decl.event, self.here
        at = self.s.back[mt.start()]
        for ctype, (cut, earlier) in self.clauses.items():
            if at > cut and etype in (None, ctype):
                return earlier  # said in the clause about the earlier event
        if decl.target == "sentence":
            near = self.ex._nearest_event(here, self.triggers, at, etype)
            current = self.current if etype is None or (self.current and self.current.type == etype) else None
            return near or current
        if decl.target == "event":
            return here.get(etype) or self.context.get(etype)
        if decl.target == "trigger":
            found = here.get(etype)
            return None if found is not None and self._of_another_event(mt, etype) else found
        if decl.target == "current":
            fams = self.ex.rs.families
            cur = self.current
            hosting = etype in fams.nested and cur is not None and (cur.type == etype or fams.hosts_of(etype, cur.type))
            under_way = cur if hosting else self.context.get(etype)
            found = here.get(etype) or under_way
            if found is None:
                # a figure before any word of its event ("مقتل 9 أشخاص", "أطلق سراح 13"): the
                # event it opens is the one the text is about from here on
                found = self.ex._new_standalone(self.seg, etype, self._span_of(mt)[0], self.seg_mentions)
                self.context[etype] = found
                self.current = found
                if not self.last:
                    self.last.append(found)
            return found
        return None

    def _of_another_event(self, mt: re.Match, etype: str | None) -> bool:
        """Is the match another event's: after words of a planned or earlier one, or right after
        the trigger of a planned or earlier event of another type ("A day ahead of planned
        discussions in Abu Dhabi, Putin received ...": Abu Dhabi is the discussions' place)?"""
        at = self.s.back[mt.start()]
        if not self.triggers:
            return False
        if _after_other_event(self.ex.rs, self.norm, self.triggers[0][0], at):
            return True
        pos, ttype = max(((t[0], t[1]) for t in self.triggers if t[0] < at), default=(None, None))
        other = self.here.get(ttype) if ttype not in (None, etype) else None
        return other is not None and other.relation != "reported" and at - pos <= OTHER_EVENT_BEFORE

    def claim(self, cr: CompiledRule, target: _Mention, value, mt: re.Match, qualifier: str = "exact") -> None:
        attribute = cr.declared.name.replace(TEMPLATE, target.type)
        self.ex._claim(self.seg, attribute, target.id, value, self._span_of(mt), cr.rule.id,
                       qualifier=qualifier, quoted=self.quoted, mention=target)

    def document_claim(self, cr: CompiledRule, value, mt: re.Match) -> None:
        self.ex._claim(self.seg, cr.declared.name, self.ex.doc.id, value, self._span_of(mt), cr.rule.id)


def extract(doc: Document, rs: RuleSet) -> tuple[list[EventMention], list[Claim]]:
    """Event mentions and claims of one readable document (its article segments only)."""
    from checker.ingest import text_view, to_text_span

    view = text_view(doc)
    segs = []
    for i, seg in enumerate(doc.segments):
        if seg.kind != "article":
            continue
        ps, pe = _plain_range(view, seg.start, seg.end)
        segs.append((i, ps, pe))
    return DocumentExtractor(doc, rs, view.text, lambda a, b: to_text_span(view, a, b), segs).run()


def _plain_range(view, start: int, end: int) -> tuple[int, int]:
    """Segment offsets (file text) -> offsets in the plain view."""
    if view.offsets is None:
        return start, end
    import bisect

    return bisect.bisect_left(view.offsets, start), bisect.bisect_left(view.offsets, end)
