"""The reader of each value kind: a pattern rule's match in, a value and its target event out.

The extractor never looks at an attribute's name: it looks up the kind the family declared for
it (checker/rules/kinds.py) and calls that kind's reader. A new attribute of a known kind -- a
meeting's place, a strike's death toll -- is read by the same code as every other one.

A reader gets a `RuleMatch` (the sentence as the extractor sees it, the rule, the regex match)
and returns True when the rule should stop reading this sentence (an event's place is taken
from the first match).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from checker.extract.values import find_dates, grammar, parse_duration, parse_number, part_before
from checker.models import CountValue, InitiatorValue, LabelValue, NumberValue, OrdinalValue, PersonValue, PlaceValue
from checker.resolve.dates import resolve_date
from checker.rules.ruleset import CompiledRule, all_trigger_regexes, alternation
from checker.text.normalize import normalize_word

DATELINE_WITHIN = 200  # a dateline opens an article: only its first characters are looked at


class Sentence(Protocol):
    """What a reader may ask of the sentence being read (claims.DocumentExtractor provides it)."""

    norm: str
    start: int
    hint: int | None
    today: int | None  # the weekday a page of unknown date calls today

    def person(self, mt: re.Match[str], group: str) -> str | None: ...
    def entity(self, mt: re.Match[str], group: str) -> str | None: ...
    def entity_text(self, mt: re.Match[str], group: str) -> str | None: ...
    def participant_of(self, event: Any, country: str | None) -> str | None: ...
    def target(self, cr: CompiledRule, mt: re.Match[str]) -> Any: ...
    def claim(self, cr: CompiledRule, target: Any, value: Any, mt: re.Match[str], qualifier: str = "exact") -> None: ...
    def document_claim(self, cr: CompiledRule, value: Any, mt: re.Match[str]) -> None: ...


@dataclass
class RuleMatch:
    s: Sentence
    cr: CompiledRule
    mt: re.Match[str]
    grammar: Any
    rs: Any
    published: Any


Reader = Callable[[RuleMatch], bool]


def _initiator(m: RuleMatch) -> bool:
    s, mt, r = m.s, m.mt, m.cr.rule
    caller, callee = s.person(mt, "caller"), s.person(mt, "callee")
    target = s.target(m.cr, mt)
    if caller is None and target and mt.groupdict().get("side"):
        caller = s.participant_of(target, s.entity(mt, "side"))
    elif caller is None and target and callee and "caller" not in mt.groupdict():
        # "in a call he made with Putin": the subject named before is the call's other party
        others = {p for p in target.participants if p != callee}
        caller = others.pop() if len(others) == 1 else None
    named = {x for x in (caller, callee) if x}
    if len(set(target.participants) if target else ()) >= 2 and not named <= set(target.participants):
        return False  # other people than the call's ("Xi held talks with Macron" in a story of another call)
    if caller and target and caller != callee:
        s.claim(m.cr, target, InitiatorValue(caller=caller, callee=callee, strength=r.strength or "strong"), mt)
    return False


def _duration(m: RuleMatch) -> bool:
    d = m.rs.policy.durations
    # the rule may give the qualifier its wording carries (تخطت المكالمة الساعة: more than an hour)
    parsed = parse_duration(m.grammar, m.mt.group("d"), d.about, d.exact, m.cr.rule.qualifier or "exact")
    target = m.s.target(m.cr, m.mt)
    if parsed and target:
        value, qualifier = parsed
        value.part = part_before(m.grammar, m.mt.string, m.mt.start("d"), all_trigger_regexes(m.rs))
        m.s.claim(m.cr, target, value, m.mt, qualifier=qualifier)
    return False


def _count(m: RuleMatch) -> bool:
    r, decl = m.cr.rule, m.cr.declared
    target = m.s.target(m.cr, m.mt)  # may open a new event: before the number, as always
    n = r.number if r.number is not None else parse_number(m.grammar, m.mt.group("n"))
    if n and target:
        value = _count_value(m, r.count, n)
        if value is None:
            return False
        if decl.unit:
            value.unit = decl.unit
        read = m.mt.groupdict().get("n") is not None
        value.bound = r.qualifier or (_hedge_before(m.grammar, m.mt.string, m.mt.start("n")) if read else "exact")
        value.stage = _stage(m.rs.claim_files[m.cr.family].stages, m.s.norm)
        m.s.claim(m.cr, target, value, m.mt, qualifier=value.bound)
    return False


# a duration's qualifier before a count bounds it too: "نحو 300 أسير", "more than 200", "some 2,598"
_COUNT_BOUNDS = {"about": "about", "at_least": "at_least", "at_most": "at_most", "just_under": "at_most"}


def _hedge_before(g: Any, text: str, at: int) -> str:
    """The bound the words just before a number give it ("exact" when none does)."""
    before = text[max(0, at - 40):at].rstrip().lower()
    for word, kind in g.qualifiers:  # longest first
        for lead in ("", "ل", "و"):
            w = lead + word
            if before.endswith(w) and (len(before) == len(w) or not before[-len(w) - 1].isalnum()):
                verb = before[:-len(w)].split()[-1:]
                if verb and verb[0] in g.qualifier_not_after:
                    return "exact"  # "handed over 300": a verb's particle
                return _COUNT_BOUNDS[kind]
    return "exact"


def _count_value(m: RuleMatch, count: str | None, n: int) -> CountValue | None:
    """The value of a count rule's match: per side, in total, a pair "X for Y" (per side when
    X = Y, else X + Y in all), or one side's; with who are counted ({C:group}) and, for one
    side's count, the side that freed them ({C:by})."""
    groups = m.mt.groupdict()
    group = m.s.entity(m.mt, "group") if groups.get("group") else None
    if count == "per_side":
        value = CountValue(per_side=n, total=2 * n)
    elif count == "pair":
        other = parse_number(m.grammar, groups["m"]) if groups.get("m") else None
        if not other:
            return None
        value = CountValue(per_side=n, total=2 * n) if other == n else CountValue(total=n + other)
    elif count == "one_side":
        value = CountValue(total=n, by=(m.s.entity(m.mt, "by") if groups.get("by") else None) or "")
    else:
        value = CountValue(total=n)
    value.group = group
    return value


def parse_ordinal(rs: Any, text: str) -> int | None:
    """"الخامسة", "fifth", "5th", "ال5" -> 5."""
    t = " ".join(normalize_word(text).lower().split())
    digits = re.match(r"\d{1,3}", t.removeprefix(normalize_word("ال")))
    if digits:
        return int(digits.group())
    return grammar(rs).ordinals.get(t)


def _names_a_part(g: Any, text: str, start: int, end: int) -> bool:
    """Do words of a part of the event (durations `parts`) cover text[start:end]? "The first
    round of talks lasted two hours", "الجولة الثانية لهذا الاجتماع": a sitting of one summit."""
    return any(p.start() < end and p.end() > start
               for p in g.event_parts.finditer(text, max(0, start - 60), min(len(text), end + 60)))


def _ordinal(m: RuleMatch) -> bool:
    if _names_a_part(m.grammar, m.mt.string, m.mt.start(), m.mt.end()):
        return False  # a part of this event, not its place in a series
    n = parse_ordinal(m.rs, m.mt.group("n"))
    target = m.s.target(m.cr, m.mt)
    if n and target:
        m.s.claim(m.cr, target, OrdinalValue(round=n, of=m.cr.rule.label or "round"), m.mt)
    return False


def _number(m: RuleMatch) -> bool:
    """How many took part: "31 countries" = 31-31, "more than 31" = 32 and up (its bound says
    "more than", which the comparer reads as meeting 31), "about 30" = 30 +- the counts tolerance."""
    r = m.cr.rule
    n = parse_number(m.grammar, m.mt.group("n"))
    target = m.s.target(m.cr, m.mt)
    if not n or target is None:
        return False
    bound = r.qualifier or "exact"
    lo, hi = {"exact": (n, n), "at_least": (n, None), "more_than": (n + 1, None), "at_most": (None, n)}.get(
        bound, (None, None))
    if bound == "about":
        a = m.rs.policy.counts.about
        lo, hi = int(n * (1 - a)), int(round(n * (1 + a)))
    m.s.claim(m.cr, target, NumberValue(min=lo, max=hi, of=r.label or "participants", bound=bound), m.mt,
              qualifier="at_least" if bound == "more_than" else bound)
    return True


def _stage(stages: list[str], sentence: str) -> str | None:
    """A partial count: the family's stage words in the sentence ("in the first stage")."""
    return next((st for st in stages if normalize_word(st) in sentence), None)


def _date(m: RuleMatch) -> bool:
    target = m.s.target(m.cr, m.mt)
    phrases = find_dates(m.grammar, m.mt.group("when"))
    if target and phrases:
        m.s.claim(m.cr, target, resolve_date(phrases[0], m.published, m.s.hint, m.s.today), m.mt)
    return False


def seat_names(rs: Any) -> dict[tuple[str, str], str]:
    """(state, name) -> the city of that state the name also names: the rules list موسكو and
    the Kremlin as names of Russia (who speaks, who takes part) and as Moscow's (where)."""
    out: dict[tuple[str, str], str] = {}
    for e in rs.entities.entities:
        if e.type == "place" and e.country:
            for n in e.names:
                out.setdefault((e.country, normalize_word(n).lower()), e.id)
    return out


def seat_of(rs: Any, country: str, surface: str) -> str | None:
    """The city of `country` a name of it ends with ("موسكو", "the Kremlin"; "الروسية موسكو"
    is read as one name of Russia), or None."""
    seats = rs.derived("kinds.seats", seat_names)
    words = normalize_word(surface).lower().split()
    return next((seats[(country, " ".join(words[k:]))] for k in range(len(words))
                 if (country, " ".join(words[k:])) in seats), None)


def not_where(rs: Any) -> re.Pattern[str]:
    """The words (entities.yaml parties.not_where) ending the text before a place of a topic,
    with the word that locates it between: "الحرب في أوكرانيا", "محتجزين في إيران", "the war
    in Ukraine"."""
    words, located = rs.entities.parties.not_where, rs.entities.parties.located
    if not words:
        return re.compile(r"(?!)")
    at = rf"(?:(?:و|ف)?{alternation(located)}\s+)?(?:the\s+)?(?:ب)?" if located else r"(?:ب)?"
    return re.compile(rf"(?<!\w)(?:[وفبل]|لل)?(?:ال)?{alternation(words)}\s+{at}$", re.I)


def named_by_topic(rs: Any) -> re.Pattern[str]:
    """A gathering's noun (parties.named_by_topic) ending the text before a topic word: the word
    names it ("قمة للسلام", "summit for peace"), it is no topic of the place after it."""
    words = rs.entities.parties.named_by_topic
    if not words:
        return re.compile(r"(?!)")
    return re.compile(rf"(?<!\w)(?:[وفبل]|لل)?(?:ال)?{alternation(words)}\s+(?:(?:for|of)\s+)?(?:the\s+)?$", re.I)


def topic_place(rs: Any, text: str, at: int) -> bool:
    """Is the place at `at` that of a topic ("الحرب في أوكرانيا", an item of a list of topics),
    or where someone came from ("arriving from Tel Aviv"), not where an event was?"""
    if rs.derived("kinds.came_from", came_from).search(text, max(0, at - CAME_FROM_WITHIN), at) \
            or rs.derived("kinds.topic_items", topic_items).search(text, max(0, at - TOPIC_ITEMS_WITHIN), at):
        return True
    hit = rs.derived("kinds.not_where", not_where).search(text, max(0, at - 40), at)
    return bool(hit) and not rs.derived("kinds.named_by_topic", named_by_topic).search(text, max(0, hit.start() - 30), hit.start())


CAME_FROM_WITHIN = 50  # characters before a place in which a word of arrival makes it an origin


def _words_then_no_break(words: list[str], clitics: str, breaks: str) -> re.Pattern[str]:
    """One of `words` (maybe with a clitic of `clitics`), then none of `breaks` up to the end of
    the text searched."""
    if not words:
        return re.compile(r"(?!)")
    return re.compile(rf"(?<!\w)(?:[{clitics}])?{alternation(words)}(?!\w)[^{breaks}]*$", re.I)


def came_from(rs: Any) -> re.Pattern[str]:
    """The words (parties.came_from) of arriving from somewhere, then no clause break."""
    return _words_then_no_break(rs.entities.parties.came_from, "وفبل", "،,.;:؛")


TOPIC_ITEMS_WITHIN = 60  # characters before a place in which a word opening a list of topics makes it one of them


def topic_items(rs: Any) -> re.Pattern[str]:
    """The words (parties.topic_items) opening items of a list of topics, then no sentence
    break (commas separate the items)."""
    return _words_then_no_break(rs.entities.parties.topic_items, "و", ".;:؛")


def not_where_after(rs: Any) -> re.Pattern[str]:
    """The words (parties.not_where_after) right after a place that name a body or possession."""
    words = rs.entities.parties.not_where_after
    return re.compile(rf"\s*{alternation(words)}(?!\w)", re.I) if words else re.compile(r"(?!)")


_AND_COUNTRY = re.compile(r"\s*(?:and|و)\s*\u27e6c\d+\u27e7", re.IGNORECASE)


def _place(m: RuleMatch) -> bool:
    at = m.mt.start("place")
    if topic_place(m.rs, m.mt.string, at):
        return False  # the place of a topic
    joined = _AND_COUNTRY.match(m.mt.string, m.mt.end())  # "in U.S. and Russian history"
    if m.rs.derived("kinds.not_where_after", not_where_after).match(m.mt.string, joined.end() if joined else m.mt.end()):
        return False  # "in Ukraine's future", "in the Russian army"
    place = m.s.entity(m.mt, "place")
    surface = m.s.entity_text(m.mt, "place")
    if place and surface:
        place = seat_of(m.rs, place, surface) or place
    if m.cr.declared.target == "document":
        if place and m.s.start < DATELINE_WITHIN:
            m.s.document_claim(m.cr, PlaceValue(place=place), m.mt)
        return False
    target = m.s.target(m.cr, m.mt)
    if target and place:
        if target.place is None:
            # where the event was held keeps accounts of other places apart: the city when the
            # name is a seat ("أنقرة" read as Turkey is Ankara, not Istanbul); a city and its
            # country are one place to the aligner (coreference place_within), as to the comparer
            target.place = place
        m.s.claim(m.cr, target, PlaceValue(place=place), m.mt)
        return True
    return False


def _person(m: RuleMatch) -> bool:
    who = m.s.person(m.mt, "who")
    target = m.s.target(m.cr, m.mt)
    if who and target:
        m.s.claim(m.cr, target, PersonValue(person=who), m.mt)
    return False


def _label(m: RuleMatch) -> bool:
    target = m.s.target(m.cr, m.mt)
    if target:
        m.s.claim(m.cr, target, LabelValue(label=m.cr.rule.label), m.mt)
    return False


# kinds read by pattern rules; "title" and "time" are read by built-in readings only
READERS: dict[str, Reader] = {
    "initiator": _initiator,
    "duration": _duration,
    "count": _count,
    "date": _date,
    "place": _place,
    "person": _person,
    "label": _label,
    "ordinal": _ordinal,
    "number": _number,
}
