"""Whether an account reports an event already formed: a score from all the evidence the text gives.

An event is a profile of what its accounts say (parties, days, weekday, place, distinctive
figures, publication dates). An account is scored against it: each piece of evidence adds or
subtracts a weight from `rules/policy.yaml` (`coreference`), a few make it impossible (another
type of event, other parties, days too far apart). One slot that disagrees -- a day off by one,
another duration -- costs little and is compared later as a finding; it does not split the event.
Every weight applied is kept as a reason, in words an editor can read.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from collections.abc import Callable, Mapping

from checker.models import MATTER, Claim, DateValue, EventMention, TitleValue, value_key
from checker.resolve.dates import WEEKDAYS_EN, ended_on
from checker.rules.schema import CorefPolicy

# Claim attributes that say something distinctive about one event: two accounts stating the same
# value of one of these are more likely about the same event. Dates and titles are not details:
# the date is scored on its own, and a title belongs to a person, not to an event; nor are
# topics and agreements: "Ukraine" or "the nuclear file" is discussed in call after call; nor
# who placed the call: the same leader calls the same counterpart again.
_NOT_DETAILS = (".date", ".announced", ".topic", ".agreement", ".initiator")
SPAN_DAYS = 3  # an event stated over a few days (talks on 23 and 24 January) is placed by its first


@dataclass(frozen=True)
class Reason:
    weight: float
    text: str


@dataclass
class Verdict:
    """An account against an event: the total, the reasons, or what rules the match out."""

    score: float = 0.0
    reasons: list[Reason] = field(default_factory=list)
    blocked: str | None = None

    def add(self, weight: float, text: str) -> None:
        if weight:
            self.score += weight
            self.reasons.append(Reason(weight, text))

    def block(self, text: str) -> Verdict:
        self.blocked = text
        return self

    def summary(self) -> str:
        """The reasons for, then those against (after "but"), as one phrase."""
        pro = [r.text for r in self.reasons if r.weight > 0]
        con = [r.text for r in self.reasons if r.weight < 0]
        text = ", ".join(pro) or "nothing against it"
        return f"{text}; but {', '.join(con)}" if con else text


@dataclass
class Account:
    """One event mention with what scoring needs of it, computed once."""

    mention: EventMention
    day: dt.date | None
    weekday: int | None
    details: frozenset[tuple]
    published: tuple[dt.date | None, dt.date | None]  # the publication window, ends may be open
    published_estimated: bool = False
    partial: tuple[int, int] | None = None  # (month, day) stated without a year, on an undated page
    titles: tuple[tuple[str, TitleValue], ...] = ()  # (person, title) the account gives
    ended: bool = False  # its weekday is the day it ended, in the small hours: it may have begun the day before
    by_parties: bool = False  # held at another gathering (on a summit's sidelines): known by its parties alone
    # days (or (month, day) without a year) of earlier events of its type and parties its page
    # recalls ("their last call was on 18 March"): an undated account reports none of them
    recalls: tuple[tuple[dt.date | None, tuple[int, int] | None], ...] = ()

    @property
    def parties(self) -> frozenset[str]:
        return frozenset(self.mention.participants)


def details_of(claims: list[Claim]) -> frozenset[tuple]:
    """Distinctive (attribute, value) pairs an account states: durations, counts, times, places..."""
    out = set()
    for c in claims:
        if c.attribute.startswith(("person.", "document.")) or c.attribute.endswith(_NOT_DETAILS):
            continue
        out.add((c.attribute, value_key(c.value)))
    return frozenset(out)


def account_of(m: EventMention, claims: list[Claim], published: tuple[dt.date | None, dt.date | None],
               estimated: bool = False, by_parties: frozenset[str] = frozenset()) -> Account:
    """What scoring needs of a mention and its claims (`by_parties`: the attributes that make an
    account one known by its parties alone, policy coreference.known_by_parties)."""
    d: DateValue | None = m.date
    day = d.day if d is not None else None
    if d is not None and day is None and d.date_from and d.date_to and (d.date_to - d.date_from).days <= SPAN_DAYS:
        day = d.date_from  # talks "on 23 and 24 January" are placed by their first day
    weekday = d.weekday if d is not None else None
    partial = (d.month, d.day_of_month) if d is not None and day is None and d.month and d.day_of_month else None
    titles = tuple((c.subject, c.value) for c in claims if isinstance(c.value, TitleValue) and c.subject)
    return Account(m, day, weekday, details_of(claims), published, estimated, partial, titles,
                   d is not None and ended_on(d), any(c.attribute in by_parties for c in claims))


# What the knowledge base says is wrong with a title on a day (checker.resolve.kb.title_verdict)
TitleCheck = Callable[[TitleValue, str, dt.date], "str | None"]


class Profile:
    """What the accounts of one event say, counted, so an account is scored against the event
    in time independent of how many accounts it already has."""

    def __init__(self, first: Account, seq: int, family: str | None = None) -> None:
        self.type = family or first.mention.type  # the family of event types it belongs to
        # announced, not yet held ("agreed to meet in Budapest"): only other announcements of it join
        self.planned = first.mention.relation == "planned"
        self.reported = 0  # members that report it (not recall it from before)
        self.types: Counter[str] = Counter()
        self.seq = seq  # creation order: ties go to the older event
        self.members: list[Account] = []
        self.passages: set[tuple[str, int]] = set()
        self.documents: set[str] = set()
        self.party_sets: Counter[frozenset[str]] = Counter()
        self.parties: Counter[str] = Counter()
        self.days: Counter[dt.date] = Counter()
        self.weekdays: Counter[int] = Counter()  # weekdays stated by members without a day
        self.ended_weekdays: set[int] = set()  # of those, the days they ended (begun the day before?)
        self.places: Counter[str] = Counter()
        self.details: Counter[tuple] = Counter()
        self.published: list[tuple[dt.date, dt.date]] = []  # members' publication windows, where known
        self.partials: set[tuple[int, int]] = set()  # (month, day) its undated members state without a year
        self.closed = False  # an account kept apart because it fits several events takes no others
        self.by_parties = False  # a member was held at another gathering: parties must match exactly
        self.day: dt.date | None = None
        self.core: frozenset[str] = frozenset()
        self.place: str | None = None
        self.add(first)

    def add(self, a: Account) -> None:
        m = a.mention
        self.members.append(a)
        self.reported += m.relation == "reported"
        self.by_parties |= a.by_parties
        self.types[m.type] += 1
        self.passages.add((m.document, m.segment))
        self.documents.add(m.document)
        if len(a.parties) >= 2:
            self.party_sets[a.parties] += 1
        self.parties.update(a.parties)
        if a.day is not None:
            self.days[a.day] += 1
            self.day = _mode(self.days)
        elif a.weekday is not None:
            self.weekdays[a.weekday] += 1
            if a.ended:
                self.ended_weekdays.add(a.weekday)
        if m.place:
            self.places[m.place] += 1
            self.place = _mode(self.places)
        self.details.update(a.details)
        if a.published[0] is not None and a.published[1] is not None:
            self.published.append((a.published[0], a.published[1]))
        if a.partial is not None:
            self.partials.add(a.partial)
        if self.party_sets:
            self.core = _mode(self.party_sets, key=lambda s: sorted(s))
        else:
            self.core = frozenset(self.parties)


def _mode(counts: Counter, key=lambda x: x):
    """The most frequent value; ties go to the smallest (a fixed order, whatever the input order)."""
    return min(counts, key=lambda v: (-counts[v], key(v)))


def _days_apart(window: tuple[dt.date, dt.date], others: list[tuple[dt.date, dt.date]]) -> int | None:
    """Days between a publication window and the nearest of others (0 when they overlap)."""
    lo, hi = window
    gaps = [max((o_lo - hi).days, (lo - o_hi).days, 0) for o_lo, o_hi in others]
    return min(gaps) if gaps else None


def _names(parties) -> str:
    return ", ".join(sorted(parties))


def type_family(etype: str, policy: CorefPolicy) -> str:
    """The event types one event may be reported as, by the first of them ("talks" for a meeting)."""
    return next((group[0] for group in policy.same_event if etype in group), etype)


def _loose(etype: str, mine, theirs, policy: CorefPolicy) -> bool:
    """Are two lists of parties compared loosely: an exchange's (its sides and the nationalities
    freed), or a summit's, which one of them shows gathering many?"""
    return etype in policy.loose_parties or max(len(mine), len(theirs)) >= policy.multilateral_parties


def could_be_one(a: EventMention, b: EventMention, policy: CorefPolicy, published: dt.date | None = None) -> bool:
    """Whether two accounts could ever be scored as one event: none of the evidence that rules a
    match out, whatever else they share (`published`: the day a's page was published, when a
    gives no day). checker.store.check asks the store only for accounts that pass this."""
    if type_family(a.type, policy) != type_family(b.type, policy):
        return False
    if a.document == b.document and a.segment == b.segment:
        return False
    pa, pb = set(a.participants), set(b.participants)
    if pa and pb and (pa != pb if len(pa) >= 2 and len(pb) >= 2 else not (pa <= pb or pb <= pa)) \
            and not (_loose(a.type, pa, pb, policy) and pa & pb):
        return False
    da = a.date.day if a.date is not None else None
    db = b.date.day if b.date is not None else None
    if da is not None and db is not None:
        return abs((da - db).days) <= policy.max_gap_days
    return not (da is None and db is not None and published is not None and db > published + dt.timedelta(days=1))


def score(a: Account, p: Profile, policy: CorefPolicy, window: int,
          place_country: Mapping[str, str] | None = None) -> Verdict:
    """How strongly account `a` is an account of event `p` (`window`: the event type's date
    window; `place_country`: the country each city lies in)."""
    w = policy.weights
    v = Verdict()
    m = a.mention
    if type_family(m.type, policy) != p.type:
        return v.block(f"a {m.type} is not a {p.type}")
    if p.closed:
        return v.block("kept apart")
    if (m.document, m.segment) in p.passages:
        return v.block("the same passage already reports another event")
    if (m.relation == "planned") != p.planned:
        return v.block("one is announced, the other took place")
    vague = m.relation == "recalled" and a.day is None and a.weekday is None and a.partial is None
    vague_event = not p.reported and not p.days and not p.weekdays  # only recalled, with no day
    if (vague or vague_event) and not any(d in p.details for d in a.details):
        # "several swaps before, most recently 95 last month", "one of the largest, 478 in all":
        # an earlier event recalled with no day and no shared figure could be any of them
        return v.block("an earlier event recalled without its day or a figure it shares")

    # parties: who called whom, whose delegations met, which sides exchanged
    mine, theirs = a.parties, p.core
    sideline = a.by_parties or p.by_parties
    if sideline and not (mine and theirs):
        # Sisi and Macron meeting on the sidelines of the Arab summit: an account naming no
        # parties is one of the summit, not of their meeting
        return v.block("held at another gathering, and only one of the two names its parties")
    if a.by_parties and any(len(s) >= policy.multilateral_parties for s in p.party_sets):
        return v.block("held at a gathering: this is the gathering, which many attended")
    if len(mine) >= 2 and len(theirs) >= 2:
        loose = _loose(m.type, mine, theirs, policy) and not sideline
        if mine == theirs or loose and (mine <= set(p.parties) or theirs <= mine):
            # a loose list (an exchange's sides and the nationalities freed) agrees when all
            # it names are named by the event's accounts, or it names all the event's sides
            # and more nationalities (whichever account was read first)
            v.add(w.same_parties, f"same parties ({_names(mine)})")
        elif loose and mine & theirs:
            v.add(w.parties_overlap, f"shares {_names(mine & theirs)} of its parties")
        else:  # Russia-US talks are not the Russia-Ukraine-US talks, even on the same day
            return v.block(f"other parties ({_names(mine)} against {_names(theirs)})")
    elif mine and theirs:
        if mine <= theirs or theirs <= mine:
            v.add(w.parties_fit, f"names {_names(mine)}, a party to it")
        elif _loose(m.type, mine, theirs, policy) and not sideline and mine & theirs:
            v.add(w.parties_overlap, f"shares {_names(mine & theirs)} of its parties")
        else:
            return v.block(f"other parties ({_names(mine)} against {_names(theirs)})")

    if a.day is None and a.partial is None and p.day is not None and m.relation == "reported":
        for day, partial in a.recalls:
            if day == p.day or partial == (p.day.month, p.day.day):
                return v.block(f"its page recalls the event of {p.day.isoformat()} as an earlier one")

    day_off = False  # an undated account's weekday a day off the event's
    # the day, or what stands for it on an undated account
    if a.day is not None and p.day is not None:
        gap = abs((a.day - p.day).days)
        if gap and (m.relation == "recalled" or not p.reported):
            # an earlier event recalled with a day is that day's, not a slip of a day near it
            return v.block(f"an earlier event recalled on {min(a.day, p.day).isoformat()} is not of "
                           f"{max(a.day, p.day).isoformat()}")
        if not _weigh_gap(v, gap, a.day.isoformat(), p.day, policy, window,
                          f"same day {p.day.isoformat()}", f" (within {window}: one event, its date compared)"):
            return v
    elif a.day is None and p.day is not None:
        if a.partial is not None:  # "28 July", year unknown: as if in the event's year
            try:
                stated = dt.date(p.day.year, *a.partial)
            except ValueError:
                stated = None
            gap = abs((stated - p.day).days) if stated else policy.max_gap_days + 1
            gap = min(gap, 365 - gap) if stated else gap  # 31 December against 1 January
            said = f"{a.partial[1]}/{a.partial[0]} (no year)"
            if gap > window and _month_slip(a, p.day):
                # "Wednesday 10 January" for Wednesday 10 February: the day of the month and the
                # weekday agree with the event, the month does not: a slip the date check reports
                v.add(w.near_day, f"dated {said}: the day of the month and the weekday of "
                                  f"{p.day.isoformat()}, in another month")
            elif not _weigh_gap(v, gap, said, p.day, policy, window, f"same day of the year ({said})"):
                return v
        if a.weekday is not None:
            name = WEEKDAYS_EN[a.weekday]
            if p.day.weekday() == a.weekday or a.ended and (p.day.weekday() + 1) % 7 == a.weekday:
                v.add(w.weekday_fits, f"its {name} fits {p.day.isoformat()}")
            elif (a.weekday - p.day.weekday()) % 7 in (1, 6):
                day_off = True
                v.add(w.weekday_day_off, f"says {name}, a day off {p.day.isoformat()} "
                                         f"(a {WEEKDAYS_EN[p.day.weekday()]}): its date is compared")
            else:
                v.add(w.weekday_differs, f"says {name}, but {p.day.isoformat()} was a {WEEKDAYS_EN[p.day.weekday()]}")
        lo, hi = a.published
        est = " (estimated)" if a.published_estimated else ""
        if hi is not None and p.day > hi + dt.timedelta(days=1):
            return v.block(f"the event ({p.day.isoformat()}) is after the page's publication{est}")
        same_page = m.document in p.documents
        if same_page:
            v.add(w.same_page, "its page reports the event in another passage")
        if hi is not None and lo is not None:
            after = (lo - p.day).days
            if after <= policy.fresh_days:
                v.add(w.published_near, f"published{est} within {policy.fresh_days} day(s) of {p.day.isoformat()}")
            elif same_page:
                pass  # the page dates the event elsewhere: its days ago are no sign of other news
            elif a.weekday is None and a.partial is None and after <= policy.recent_days:
                # a page that gives no day mostly reports the news of its day, not one of days ago
                v.add(w.published_stale, f"gives no day and was published{est} {after} days after {p.day.isoformat()}")
            elif after > policy.recent_days:
                v.add(w.published_far, f"published{est} {(lo - p.day).days} days after {p.day.isoformat()}")
    elif a.day is None and p.day is None and a.weekday is not None and p.weekdays:
        # two undated accounts: their weekdays are all that can tell two events apart
        theirs_wd = _mode(p.weekdays)
        # one that ended in the small hours of Friday and one held on Thursday night agree
        if theirs_wd == a.weekday:
            v.add(w.weekday_fits, f"same weekday ({WEEKDAYS_EN[a.weekday]})")
        elif a.ended and (theirs_wd + 1) % 7 == a.weekday \
                or theirs_wd in p.ended_weekdays and (a.weekday + 1) % 7 == theirs_wd:
            later, earlier = (a.weekday, theirs_wd) if (theirs_wd + 1) % 7 == a.weekday else (theirs_wd, a.weekday)
            v.add(w.weekday_fits, f"ended in the small hours of {WEEKDAYS_EN[later]}, begun on {WEEKDAYS_EN[earlier]}")
        else:
            v.add(w.weekday_differs, f"says {WEEKDAYS_EN[a.weekday]}, the others {WEEKDAYS_EN[theirs_wd]}")

    if p.day is None:
        # "24 November", year unknown, against accounts on pages of early February: in no year
        # is that day near the news those pages report (either way round)
        lo, hi = a.published
        pairs = [(a.partial, p.published)] if a.partial is not None and p.published else []
        pairs += [(x, [(lo, hi)]) for x in sorted(p.partials)] if lo is not None and hi is not None else []
        for partial, windows in pairs:
            gap = _partial_gap(partial, windows)
            if gap is not None and gap > policy.published_apart_days:
                return v.block(f"dated {partial[1]}/{partial[0]} (no year), {gap} days from when another account was published")

    # pages published far apart report different events, whatever else they share
    lo, hi = a.published
    if lo is not None and hi is not None and p.published and (a.day is None or p.day is None):
        apart = _days_apart((lo, hi), p.published)
        if apart is not None and apart > policy.published_apart_days:
            return v.block(f"published {apart} days apart from its other accounts")
        if a.day is None and p.day is None and apart is not None:
            # neither gives a day: pages of the same day or two most likely report the same news
            if apart <= policy.fresh_days and (p.reported or m.relation != "reported"):
                # (an event only recalled from before is no news of those pages' day)
                v.add(w.published_together, "published the same day or the next as its other accounts")
            elif apart <= policy.recent_days and not (a.weekday is not None and p.weekdays):
                # each most likely reports the news of its own day: days apart, two pieces of news
                v.add(w.published_stale, f"gives no day and was published {apart} days apart from its other accounts")
            elif apart > policy.recent_days:
                v.add(w.published_far, f"published {apart} days apart from its other accounts")

    # the place
    if m.place and p.place:
        within = place_country or {}
        if m.place == p.place:
            v.add(w.same_place, f"same place ({m.place})")
        elif within.get(m.place) == p.place or within.get(p.place) == m.place:
            # "in Moscow" and "in Russia": one place, named more or less closely
            v.add(w.place_within, f"in {m.place}, within {p.place}" if within.get(m.place) == p.place
                  else f"in {m.place}, where {p.place} is")
        else:
            v.add(w.other_place, f"in {m.place}, not {p.place}")

    # a series both number differently (the fifth round, the sixth): two events, most likely
    if _other_round(a.details, p.details):
        v.add(w.other_round, "another number in the series (round, visit)")

    # figures and other details both state alike; a named matter (the 28-point plan) is in the
    # news for weeks: it never speaks for two days stated further apart than the type's window
    apart = a.day is not None and p.day is not None and abs((a.day - p.day).days) > window
    shared = [k for k in a.details if k in p.details and not (apart and k[0].endswith(MATTER))]
    if shared:
        attrs = sorted({k[0].split(".")[-1] for k in shared})
        v.add(min(w.shared_detail * len(shared), w.shared_detail_max), f"same {', '.join(attrs)} stated")
    if day_off and len(shared) < 2 and not (m.place and m.place == p.place):
        # a weekday a day off is a slip only when the place or two details say it is this event;
        # else it is the next day's sitting ("اتصالا آخر يوم الأربعاء استمر نحو ساعة")
        v.add(w.weekday_differs - w.weekday_day_off, "nothing else it states ties it to this day")
    return v


def _partial_gap(partial: tuple[int, int], windows: list[tuple[dt.date, dt.date]]) -> int | None:
    """Days from a day and month of any year to the nearest publication window (0 inside one)."""
    gaps = []
    for lo, hi in windows:
        for year in (lo.year - 1, lo.year, hi.year, hi.year + 1):
            try:
                d = dt.date(year, *partial)
            except ValueError:
                continue
            gaps.append(_days_apart((d, d), [(lo, hi)]))
    return min(gaps) if gaps else None


def _other_round(mine: frozenset[tuple], theirs) -> bool:
    """Do both state an ordinal of one series (value keys of OrdinalValue: type, round, of) and
    none of mine is one of theirs?"""
    ords = [k for k in mine if k[1] and k[1][0] == "ordinal"]
    if not ords or any(k in theirs for k in ords):
        return False
    return any(t[0] == k[0] and t[1] and t[1][0] == "ordinal" and t[1][2] == k[1][2] for k in ords for t in theirs)


def _month_slip(a: Account, day: dt.date) -> bool:
    """Does an account dated day and month (no year) state the event's day of the month and its
    weekday, with the month before or after it (a slip of the month, not another call)?"""
    return a.partial is not None and a.weekday is not None and a.partial[1] == day.day \
        and (a.partial[0] - day.month) % 12 in (1, 11) and a.weekday == day.weekday()


def _weigh_gap(v: Verdict, gap: int, said: str, day: dt.date, policy: CorefPolicy, window: int,
               same: str, near_note: str = "") -> bool:
    """Weigh the days between a stated day and the event's; False when too far (v is blocked)."""
    w = policy.weights
    if gap == 0:
        v.add(w.same_day, same)
    elif gap > policy.max_gap_days:
        v.block(f"dated {said}, {gap} days from {day.isoformat()}")
        return False
    elif gap <= window:
        v.add(w.near_day, f"dated {said}, {gap} day(s) from {day.isoformat()}{near_note}")
    else:
        v.add(w.day_beyond_window * (gap - window), f"dated {said}, {gap} days from {day.isoformat()}")
    return True


def _wrong_titles(a: Account, day: dt.date, titles: TitleCheck) -> list[str]:
    return sorted({f"{person} {t.status}" for person, t in a.titles if titles(t, person, day)})


def _weigh_titles(a: Account, scored: list, policy: CorefPolicy, titles: TitleCheck) -> None:
    """An undated account's titles date it ("president-elect Trump" is the Trump of the weeks
    before an inauguration): against each dated event its titles were wrong for, when they fit
    another candidate. Titles wrong for every candidate date nothing: they are the page's error,
    which the knowledge check reports; and a named matter the account shares with the event (the
    settlements resolution of December 2016) outweighs them: a stale title is the mistake an
    editor wants flagged, not a sign of another call."""
    wrong = {id(p): _wrong_titles(a, p.day, titles) if p.day is not None else [] for _, p, _ in scored}
    if len({tuple(x) for x in wrong.values()}) < 2:
        return
    for k, (s, p, v) in enumerate(scored):
        if wrong[id(p)] and not any(d[0].endswith(MATTER) and d in p.details for d in a.details):
            v.add(policy.weights.titles_misfit, f"its titles ({', '.join(wrong[id(p)])}) do not fit {p.day.isoformat()}")
            scored[k] = (v.score, p, v)


def ranked(a: Account, candidates: list[Profile], policy: CorefPolicy, window: int,
           titles: TitleCheck | None = None, place_country: Mapping[str, str] | None = None
           ) -> list[tuple[float, Profile, Verdict]]:
    """The events an account may join (not ruled out, scoring at least the threshold), best
    first; ties go to the older event."""
    scored = []
    for p in candidates:
        v = score(a, p, policy, window, place_country)
        if v.blocked is None:
            scored.append((v.score, p, v))
    if titles is not None and a.day is None and a.titles:
        _weigh_titles(a, scored, policy, titles)
    scored = [s for s in scored if s[0] >= policy.threshold]
    scored.sort(key=lambda t: (-t[0], t[1].seq))
    return scored


def choose(a: Account, candidates: list[Profile], policy: CorefPolicy, window: int,
           strict: bool, titles: TitleCheck | None = None,
           place_country: Mapping[str, str] | None = None) -> tuple[Profile | None, Verdict | None, bool]:
    """The event an account joins: the best score at or above the threshold. With `strict` (an
    account that names fewer than two parties, or no day), the best must also lead the next by
    the policy's margin, else it fits several and joins none. Returns (event, its verdict,
    ambiguous)."""
    scored = ranked(a, candidates, policy, window, titles, place_country)
    if not scored:
        return None, None, False
    best_score, best, verdict = scored[0]
    if strict and len(scored) > 1 and best_score - scored[1][0] < policy.margin:
        return None, None, True
    return best, verdict, False
